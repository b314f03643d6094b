"""The engine against miniatures: each defect is caught where it belongs, clean tables pass."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuscheck import ImplementationError, check_implementation, load_snapshot
from statuscheck.checks.finding import CHECKS
from tests import miniatures

TODAY = datetime.date(2026, 11, 28)


@pytest.mark.parametrize("name", sorted(miniatures.CLEAN))
def test_clean_miniature_of_each_shape_has_no_findings(name: str) -> None:
    shape, aliases = miniatures.CLEAN[name]
    report = check_implementation(f"tests.miniatures:{name}", aliases=aliases, today=TODAY)
    assert report.shape == shape
    assert report.findings == ()
    assert report.conformant


@pytest.mark.parametrize("case", sorted(miniatures.BROKEN))
def test_each_defect_is_caught_under_its_check_and_code_only(case: str) -> None:
    impl, _, _ = case.partition("/")
    aliases_name, expected = miniatures.BROKEN[case]
    aliases = f"tests.miniatures:{aliases_name}" if aliases_name else None
    report = check_implementation(f"tests.miniatures:{impl}", aliases=aliases, today=TODAY)
    found = {(f.check, f.code, f.kind) for f in report.findings}
    assert expected in found
    # The defect shows up under its own check and nowhere else.
    assert {check for check, _, _ in found} == {expected[0]}
    outcome = report.outcome(expected[0], expected[1])
    assert outcome.status == ("warn" if expected[2] == "empty-description" else "fail")


def test_the_stdlib_enum_fails_exactly_where_this_python_deviates() -> None:
    import http

    report = check_implementation("http.HTTPStatus", today=TODAY)
    failing = {(o.check, o.code) for o in report.outcomes() if o.status == "fail"}
    warned = {(o.check, o.code) for o in report.outcomes() if o.status == "warn"}
    renamed = [413, 414, 416, 422] if http.HTTPStatus(413).phrase != "Content Too Large" else []
    expected = {("values", 418)} | {
        (check, code) for code in renamed for check in ("phrases", "aliases")
    }
    assert failing == expected
    empty = {m.value for m in http.HTTPStatus if not m.description}
    # 104 expired on 2026-11-13: lacking it is no fault; the header says the snapshot is stale.
    assert warned == {("descriptions", code) for code in empty}
    [note] = report.notes
    assert "104 Upload Resumption Supported expired 2026-11-13" in note


def test_the_reference_enum_is_fully_conformant() -> None:
    report = check_implementation("statuscheck.HTTPStatus", today=TODAY)
    assert report.aliases == "statuscheck.client"
    assert report.findings == ()


def test_garbage_is_reported_not_crashed_on() -> None:
    report = check_implementation("tests.miniatures:GARBAGE_MAPPING", today=TODAY)
    kinds = {(f.check, f.code, f.kind) for f in report.findings}
    assert ("values", None, "not-an-int") in kinds
    assert ("values", -1, "out-of-range") in kinds
    assert ("phrases", 200, "invalid-phrase") in kinds
    not_ints = [f for f in report.findings if f.kind == "not-an-int"]
    assert {f.actual for f in not_ints} == {"'404'", "None", "(1, 2)"}


@pytest.mark.parametrize(
    ("impl", "message"),
    [
        ("tests.raising_impl", "raised RuntimeError: this status table is broken on import"),
        ("tests.miniatures:NOPE", "no attribute 'NOPE'"),
        ("no_such_package.codes", "cannot import 'no_such_package.codes'"),
        ("tests.miniatures:EMPTY_MAPPING", "is not an enum, a module of constants"),
        ("tests.miniatures:NOT_A_TABLE", "a int is not an enum"),
        ("tests/miniatures.py", "is not a dotted path"),
        ("json", "defines no status-code constants"),
    ],
)
def test_unloadable_implementations_are_one_clean_error(impl: str, message: str) -> None:
    with pytest.raises(ImplementationError, match=message) as caught:
        check_implementation(impl)
    assert "\n" not in str(caught.value)


def test_a_declared_deviation_is_expected_and_a_stale_one_is_reported() -> None:
    from statuscheck import Deviation

    report = check_implementation(
        "tests.miniatures:TEAPOT",
        today=TODAY,
        deviations=(
            Deviation("values", 418, "we brew"),
            Deviation("phrases", 404, "no longer true"),
        ),
    )
    assert report.outcome("values", 418).status == "expected"
    assert report.outcome("phrases", 404).status == "stale"
    assert not report.conformant
    assert 404 in report.codes_for("phrases")


@given(st.data())
def test_mutating_a_clean_mapping_is_reported_exactly_at_the_mutated_codes(
    data: st.DataObject,
) -> None:
    table = dict(miniatures.CLEAN_PHRASES)
    codes = sorted(table)
    dropped = data.draw(st.sets(st.sampled_from(codes), max_size=5), label="dropped")
    renamed = data.draw(st.sets(st.sampled_from(codes), max_size=5), label="renamed") - dropped
    unassigned = [c for c in range(100, 600) if c not in table]
    added = data.draw(st.sets(st.sampled_from(unassigned), max_size=5), label="added")
    for code in dropped:
        del table[code]
    for code in renamed:
        table[code] = table[code] + " Indeed"
    for code in added:
        table[code] = "Invented"
    table = dict(sorted(table.items()))
    report = check_implementation(table, today=TODAY)
    by_check = {check: {f.code for f in report.findings if f.check == check} for check in CHECKS}
    expired = {entry.first for entry in load_snapshot().expired_temporary(TODAY)}
    assert by_check["values"] == (dropped - expired) | added
    assert by_check["phrases"] == renamed
    assert by_check["ordering"] == by_check["aliases"] == by_check["api"] == set()
