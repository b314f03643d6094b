"""Aliases: names follow current phrases, renames keep old names, constants mirror members."""

from __future__ import annotations

import pytest

from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("aliases")


def test_alias(conformance: Conformance, code: int | None) -> None:
    conformance.verify("aliases", code)
