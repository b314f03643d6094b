"""API: enum implementations look up, compare and classify like ``http.HTTPStatus``."""

from __future__ import annotations

import enum

import pytest

from statuscheck.checks.api import lookup_problem
from statuscheck.plugin import Conformance

pytestmark = pytest.mark.statuscheck("api")


def test_api(conformance: Conformance, code: int | None) -> None:
    conformance.verify("api", code)


def test_lookup_by_any_int(conformance: Conformance) -> None:
    """Any int either finds the member with that value or raises ValueError.

    Hypothesis is imported here rather than at module level so that suites
    for implementations that are not enums never pay for it.
    """
    impl = conformance.impl
    if not (isinstance(impl, type) and issubclass(impl, enum.Enum)):
        pytest.skip(f"{conformance.report.impl} is not an enum")
    from hypothesis import given, settings
    from hypothesis import strategies as st

    defined = {member.value: member for member in impl}

    @settings(database=None, derandomize=True, max_examples=300, deadline=None)
    @given(st.integers())
    def lookup(value: int) -> None:
        if value in defined:
            assert impl(value) is defined[value]
        else:
            problem = lookup_problem(impl, value)
            assert problem is None, problem

    lookup()
