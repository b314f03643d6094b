"""Values: every assigned code is defined, and nothing else is.

A missing temporary (104) or obsoleted (510) registration only warns.
"""

from __future__ import annotations

import pytest

from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("values")


def test_value(conformance: Conformance, code: int | None) -> None:
    conformance.verify("values", code)
