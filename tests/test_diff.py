"""The semantic diff, between the real published versions and between generated ones."""

from __future__ import annotations

import dataclasses
from typing import Callable

from hypothesis import given
from hypothesis import strategies as st

from statuscheck import Entry, Registry
from statuscheck.registry.diff import Change, compare, diff_registries, field_values
from statuscheck.registry.formats import load_registry
from tests.conftest import IANA
from tests.strategies import entries, registries


def test_2022_06_08_to_2025_09_15_is_104_registered_and_510_renamed_and_nothing_else() -> None:
    old = load_registry(IANA / "csv-2022-06-08.csv")
    new = load_registry(IANA / "csv-2025-09-15.csv")
    upload = new.entry(104)
    assert [change.to_dict() for change in diff_registries(old, new)] == [
        {
            "code": 104,
            "field": "status",
            "old": "unassigned",
            "new": field_values(upload)["status"],
        },
        {"code": 104, "field": "phrase", "old": None, "new": "Upload Resumption Supported"},
        {
            "code": 104,
            "field": "reference",
            "old": None,
            "new": "[draft-ietf-httpbis-resumable-upload-05]",
        },
        {
            "code": 510,
            "field": "reference",
            "old": "[RFC2774][status-change-http-experiments-to-historic]",
            "new": "[RFC2774][Status change of HTTP experiments to Historic]",
        },
    ]
    assert field_values(upload)["status"] == (
        "temporary (registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13)"
    )


def test_the_same_drift_is_found_whatever_the_formats() -> None:
    old = load_registry(IANA / "csv-2022-06-08.csv")
    assert diff_registries(old, load_registry(IANA / "xml-2025-09-15.xml")) == diff_registries(
        old, load_registry(IANA / "csv-2025-09-15.csv")
    )


def test_an_extended_temporary_registration_is_drift() -> None:
    """xml-2024-11-13 -> xml-2025-09-15 only extended 104: that must not go unreported."""
    changes = diff_registries(
        load_registry(IANA / "xml-2024-11-13.xml"), load_registry(IANA / "xml-2025-09-15.xml")
    )
    assert changes == (
        Change(
            104,
            "status",
            "temporary (registered 2024-11-13, expires 2025-11-13)",
            "temporary (registered 2024-11-13, extension registered 2025-09-15, "
            "expires 2026-11-13)",
        ),
    )


def test_a_csv_and_the_xml_of_the_same_date_are_equivalent_not_drift() -> None:
    csv_bytes = (IANA / "csv-2025-09-15.csv").read_bytes()
    xml_bytes = (IANA / "xml-2025-09-15.xml").read_bytes()
    comparison = compare(
        load_registry(IANA / "csv-2025-09-15.csv"),
        csv_bytes,
        load_registry(IANA / "xml-2025-09-15.xml"),
        xml_bytes,
    )
    assert (comparison.drift, comparison.verdict, comparison.changes) == (False, "equivalent", ())


def test_line_endings_are_not_drift_and_identical_bytes_are_identical() -> None:
    crlf = (IANA / "csv-2022-06-08.csv").read_bytes()
    lf = crlf.replace(b"\r\n", b"\n")
    registry = load_registry(IANA / "csv-2022-06-08.csv")
    assert compare(registry, crlf, registry, lf).verdict == "equivalent"
    assert compare(registry, crlf, registry, crlf).verdict == "identical"


def _one_row_per_code(registry: Registry) -> list[Entry]:
    """The same content with every range split into single codes."""
    return [
        dataclasses.replace(registry.entry(code), first=code, last=code, line=None)
        for code in range(100, 600)
    ]


@given(registries())
def test_how_rows_are_grouped_is_not_drift(registry: Registry) -> None:
    assert diff_registries(registry, Registry(tuple(_one_row_per_code(registry)))) == ()


def _differs_from(entry: Entry) -> Callable[[Entry], bool]:
    before = field_values(entry)
    return lambda other: field_values(other) != before


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Registry, Registry, frozenset[int]]:
    """A registry, a copy with some codes' rows replaced by different ones, and those codes."""
    original = draw(registries())
    rows = _one_row_per_code(original)
    codes = draw(st.sets(st.integers(100, 599), min_size=1, max_size=12))
    for code in codes:
        rows[code - 100] = draw(
            entries(code, code).filter(_differs_from(rows[code - 100])),
            label=f"new row for {code}",
        )
    return original, Registry(tuple(rows)), frozenset(codes)


@given(mutated())
def test_diffing_a_mutated_copy_reports_exactly_the_mutated_codes(
    case: tuple[Registry, Registry, frozenset[int]],
) -> None:
    original, mutant, codes = case
    changes = diff_registries(original, mutant)
    assert {change.code for change in changes} == codes
    for change in changes:
        assert change.old == field_values(original.entry(change.code))[change.field]
        assert change.new == field_values(mutant.entry(change.code))[change.field]
        assert change.old != change.new
    for code in codes:
        before, after = field_values(original.entry(code)), field_values(mutant.entry(code))
        differing = {field for field in before if before[field] != after[field]}
        assert differing == {change.field for change in changes if change.code == code}
    assert [(c.code, c.field) for c in changes] == sorted(
        ((c.code, c.field) for c in changes),
        key=lambda pair: (pair[0], ("status", "phrase", "reference").index(pair[1])),
    )
    reverse = diff_registries(mutant, original)
    assert reverse == tuple(Change(c.code, c.field, c.new, c.old) for c in changes)
