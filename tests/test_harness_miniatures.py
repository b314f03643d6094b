"""The engine against miniatures: each defect is caught where it belongs, clean tables pass."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuscheck import ImplementationError, check_implementation, load_snapshot
from statuscheck.checks.aliases import check_aliases
from statuscheck.checks.finding import CHECKS
from statuscheck.registry.former_phrases import FORMER_PHRASES
from statuscheck.tables.adapters import read_table
from tests import miniatures, name_miniatures

TODAY = datetime.date(2026, 11, 28)
SNAPSHOT = load_snapshot()


#: Clean miniatures as "module:name" -> the shape each is read as.
CLEAN = {f"tests.miniatures:{name}": shape for name, (shape, _) in miniatures.CLEAN.items()}
CLEAN.update(
    {f"tests.name_miniatures:{name}": shape for name, shape in name_miniatures.CLEAN.items()}
)
#: Broken miniatures as "module:name[/aliases]" -> (aliases module, the one finding expected).
BROKEN = {f"tests.miniatures:{case}": expected for case, expected in miniatures.BROKEN.items()}
BROKEN.update(
    {f"tests.name_miniatures:{case}": expected for case, expected in name_miniatures.BROKEN.items()}
)
#: Defects that only warn: the table still works, it is merely not as the registry has it.
WARNING_KINDS = {"empty-description", "abbreviated-name"}


@pytest.mark.parametrize("impl", sorted(CLEAN))
def test_clean_miniature_of_each_shape_and_style_has_no_findings(impl: str) -> None:
    module, _, name = impl.partition(":")
    aliases = miniatures.CLEAN[name][1] if module == "tests.miniatures" else None
    report = check_implementation(impl, aliases=aliases, today=TODAY)
    assert report.shape == CLEAN[impl]
    assert report.findings == ()
    assert report.conformant


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_defect_is_caught_under_its_check_and_code_only(case: str) -> None:
    impl, _, _ = case.partition("/")
    aliases_name, expected = BROKEN[case]
    aliases = f"tests.miniatures:{aliases_name}" if aliases_name else None
    report = check_implementation(impl, aliases=aliases, today=TODAY)
    found = {(f.check, f.code, f.kind) for f in report.findings}
    assert expected in found
    # The defect shows up under its own check and nowhere else.
    assert {check for check, _, _ in found} == {expected[0]}
    if expected[0] == "aliases":  # a misnamed code misnames no other
        assert {code for _, code, _ in found} == {expected[1]}
    outcome = report.outcome(expected[0], expected[1])
    assert outcome.status == ("warn" if expected[2] in WARNING_KINDS else "fail")


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
        ("tests/miniatures", "is not a dotted path"),
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


# Each example checks a whole table; on a busy machine that can take longer than
# hypothesis's default deadline without anything being wrong.
@settings(deadline=None)
@given(st.sampled_from(sorted(name_miniatures.STYLES)), st.data())
def test_renaming_codes_of_a_clean_table_in_any_style_is_reported_exactly_there(
    key: str, data: st.DataObject
) -> None:
    style, _ = name_miniatures.STYLES[key]
    codes = sorted(name_miniatures.PHRASE)
    renamed = data.draw(st.sets(st.sampled_from(codes), max_size=5), label="renamed")
    phrases = {code: f"{name_miniatures.PHRASE[code]} Indeed" for code in renamed}
    table = read_table(dict(name_miniatures.styled_names(style, phrases=phrases)), key)
    findings = check_aliases(table, SNAPSHOT)
    assert {f.code for f in findings} == renamed
    assert {f.kind for f in findings} <= {"name-not-current"}


def test_an_old_name_may_spell_its_acronym_in_another_case() -> None:
    style, _ = name_miniatures.STYLES["DOTNET"]
    [former] = [f for f in FORMER_PHRASES if f.code == 414 and f.stdlib_name]
    rendered = style.render(former.phrase, 414)
    respelled = rendered.replace("URI", "Uri")
    assert respelled != rendered
    names = [
        (respelled if name == rendered else name, code)
        for name, code in name_miniatures.styled_names(style)
    ]
    assert check_implementation(dict(names), today=TODAY, checks=("aliases",)).findings == ()
    without = [(name, code) for name, code in names if name != respelled]
    [finding] = check_implementation(dict(without), today=TODAY, checks=("aliases",)).findings
    assert (finding.code, finding.kind, finding.expected) == (
        414,
        "renamed-without-alias",
        rendered,
    )
