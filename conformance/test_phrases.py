"""Phrases: each equals the registry phrase, annotations stripped."""

from __future__ import annotations

import pytest

from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("phrases")


def test_phrase(conformance: Conformance, code: int | None) -> None:
    conformance.verify("phrases", code)
