"""Round trips for the TOML statuscheck writes: pasteable deviations and recorded expectations.

Messages can hold anything an implementation puts in a phrase -- quotes,
backslashes, control characters, any Unicode -- so the properties draw
arbitrary text, not tidy ASCII.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from statuscheck.checks.finding import CHECKS, Finding, JSONValue
from statuscheck.findings.deviations import (
    deviation_entries,
    deviations_from_table,
    format_deviations,
)
from statuscheck.findings.report import ConformanceReport, SnapshotInfo
from statuscheck.matrix.model import Row
from statuscheck.matrix.record_text import record_text
from statuscheck.matrix.recorded import _rows

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the py39/py310 environments
    import tomli as tomllib

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda text: text.strip() == text)

json_values: st.SearchStrategy[JSONValue] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)

findings = st.builds(
    Finding,
    check=st.sampled_from(CHECKS),
    code=st.none() | st.integers(-1000, 10**6),
    severity=st.sampled_from(["error", "warning"]),
    kind=st.from_regex(r"[a-z]+(-[a-z0-9]+)*", fullmatch=True),
    message=_TEXT,
    expected=json_values,
    actual=json_values,
)


@given(st.lists(findings, max_size=12), st.none() | _TEXT)
def test_pasteable_deviations_parse_back_to_the_same_declarations(
    found: list[Finding], impl: str | None
) -> None:
    text = format_deviations(deviation_entries(found), impl=impl)
    note(text)
    table = tomllib.loads(text)["tool"]["statuscheck"]["deviations"]
    declared = deviations_from_table(table, source="pasted", impl=impl)
    assert [(d.key, d.reason) for d in declared] == deviation_entries(found)


@given(found=st.lists(findings, max_size=12))
def test_recorded_expectations_read_back_to_the_same_findings(
    tmp_path_factory: pytest.TempPathFactory, found: list[Finding]
) -> None:
    snapshot = SnapshotInfo("snapshot.csv", "0" * 64, "2025-09-15")
    report = ConformanceReport(
        impl="pkg.codes",
        shape="mapping",
        aliases=None,
        snapshot=snapshot,
        findings=tuple(found),
        subjects=dict.fromkeys(CHECKS, (100, 101, 200)),
    )
    text = record_text([Row("pkg", "1.0", "pkg.codes", report)], snapshot)
    note(text)
    path = tmp_path_factory.mktemp("record") / "pkg-1.0.toml"
    path.write_text(text, encoding="utf-8")
    [row] = _rows(path, snapshot)
    assert row.report is not None
    assert row.report.findings == tuple(
        Finding(
            f.check,
            f.code,
            f.severity,
            f.kind,
            f.message.replace("\ud800", "\ufffd"),
            f.expected,
            f.actual,
        )
        for f in found
    )
    assert row.report.subjects == report.subjects
