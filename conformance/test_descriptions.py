"""Descriptions: present, single-line, and more than the phrase repeated."""

from __future__ import annotations

import pytest

from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("descriptions")


def test_description(conformance: Conformance, code: int | None) -> None:
    conformance.verify("descriptions", code)
