"""Ordering: codes ascend in iteration, mappings and constants modules; aliases never repeat."""

from __future__ import annotations

import pytest

from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("ordering")


def test_ordering(conformance: Conformance, code: int | None) -> None:
    conformance.verify("ordering", code)
