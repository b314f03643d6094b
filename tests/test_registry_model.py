"""Lookups and helpers over the registry model."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuscheck import Entry, Registry, RegistryError, load_snapshot
from tests.strategies import registries


def test_every_code_from_100_to_599_has_exactly_one_entry() -> None:
    registry = load_snapshot()
    for code in range(100, 600):
        assert code in registry.entry(code).codes


@pytest.mark.parametrize("code", [99, 600, -1, 0, 10**9, "404", None, 404.0])
def test_lookup_outside_the_registry_is_a_lookup_error(code: object) -> None:
    with pytest.raises(LookupError):
        load_snapshot().entry(code)  # type: ignore[arg-type]


def test_assigned_codes_include_temporary_and_obsoleted_but_not_unused() -> None:
    codes = load_snapshot().assigned_codes()
    assert len(codes) == 62
    assert 104 in codes
    assert 510 in codes
    assert 306 not in codes
    assert 418 not in codes
    assert list(codes) == sorted(codes)


def test_the_pinned_104_registration_expires_after_2026_11_13() -> None:
    registry = load_snapshot()
    upload = registry.entry(104)
    assert not upload.has_expired(datetime.date(2026, 11, 13))
    assert upload.has_expired(datetime.date(2026, 11, 14))
    assert registry.expired_temporary(datetime.date(2026, 11, 13)) == ()
    assert registry.expired_temporary(datetime.date(2026, 11, 28)) == (upload,)


@given(registries(), st.integers(100, 599))
def test_lookup_finds_the_row_whose_range_covers_the_code(registry: Registry, code: int) -> None:
    entry = registry.entry(code)
    assert entry.first <= code <= entry.last
    assert entry in registry.entries


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ((Entry(100, 599, "assigned", "Everything"),), "range 100-599 cannot be assigned"),
        ((Entry(100, 599, "unassigned", "Nothing"),), "cannot have a phrase"),
        ((Entry(100, 100, "assigned"), Entry(101, 599, "unassigned")), "has no phrase"),
        ((Entry(100, 100, "temporary", "Soon"), Entry(101, 599, "unassigned")), "expiry dates"),
        ((Entry(100, 598, "unassigned"),), "codes 599 are not covered"),
    ],
)
def test_registries_built_in_code_are_validated_too(rows: tuple[Entry, ...], problem: str) -> None:
    with pytest.raises(RegistryError, match=problem):
        Registry(rows)
