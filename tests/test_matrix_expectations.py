"""Expectations files: generated from a run, consumed as deviations, and read back as the matrix."""

from __future__ import annotations

import configparser
import dataclasses
import datetime
import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pytest

from statuscheck.checks.finding import CHECKS, Finding
from statuscheck.findings.deviations import load_deviations_file
from statuscheck.findings.report import ConformanceReport
from statuscheck.matrix.build import build_matrix
from statuscheck.matrix.expectations import check_expectations, declared_from, write_expectations
from statuscheck.matrix.model import STDLIB, Implementation, Matrix, Row
from statuscheck.matrix.record_text import record_text
from statuscheck.matrix.recorded import ExpectationsError, load_recorded
from statuscheck.reports.matrix_json import to_json
from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

AS_OF = datetime.date(2026, 11, 28)
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
TEAPOT = "tests.miniatures:TEAPOT"
LEGACY = "tests.miniatures:LEGACY_PHRASE"
#: Any installed distribution gives rows a version; pytest is always installed here.
VENDOR = "pytest"
VERSION = importlib.metadata.version(VENDOR)
KEY = f"{VENDOR}-{VERSION}"
IMPLEMENTATIONS = (Implementation(VENDOR, (TEAPOT, LEGACY), "Two miniature tables."),)


def live(implementations: tuple[Implementation, ...] = IMPLEMENTATIONS) -> Matrix:
    return build_matrix(implementations, today=AS_OF)


def without_dates(document: dict[str, object]) -> dict[str, object]:
    return {**document, "as_of": None}


def test_a_written_record_reads_back_as_the_same_matrix(tmp_path: Path) -> None:
    matrix = live()
    written, problems = write_expectations(matrix, tmp_path, IMPLEMENTATIONS)
    assert (written, problems) == ([tmp_path / f"{KEY}.toml"], [])
    recorded = load_recorded(tmp_path, IMPLEMENTATIONS)
    assert [row.impl for row in recorded.rows] == [TEAPOT, LEGACY]
    for mine, theirs in zip(matrix.rows, recorded.rows):
        assert theirs.report is not None
        assert mine.report is not None
        assert (theirs.library, theirs.version) == (VENDOR, VERSION)
        assert theirs.report.findings == mine.report.findings
        assert theirs.report.subjects == mine.report.subjects
        assert (theirs.report.shape, theirs.report.aliases) == (mine.report.shape, None)
    assert without_dates(to_json(recorded)) == without_dates(to_json(matrix))
    assert recorded.as_of is None


def test_the_record_declares_every_finding_per_table_with_its_message(tmp_path: Path) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    path = tmp_path / f"{KEY}.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {VENDOR} {VERSION}: how its status-code tables deviate")
    assert "# Two miniature tables.\n" in text
    teapot = load_deviations_file(path, impl=TEAPOT)
    assert [(d.key, d.reason) for d in teapot] == [
        ("values:418", "Teapot.IM_A_TEAPOT defines 418, but the registry marks 418 (Unused)")
    ]
    legacy = load_deviations_file(path, impl=LEGACY)
    assert [d.key for d in legacy] == ["phrases:413"]
    assert "the registry's phrase from 2015-02-20 until 2021-10-01" in legacy[0].reason
    assert load_deviations_file(path, impl="some.other.Table") == ()


def test_records_are_deterministic_and_one_finding_per_line(tmp_path: Path) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    first = (tmp_path / f"{KEY}.toml").read_bytes()
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    assert (tmp_path / f"{KEY}.toml").read_bytes() == first
    assert b"\r" not in first
    findings = [line for line in first.decode().splitlines() if line.startswith("    { check")]
    assert len(findings) == 2


def test_declared_from_applies_each_rows_record(tmp_path: Path) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    matrix = build_matrix(IMPLEMENTATIONS, today=AS_OF, declared=declared_from(tmp_path))
    assert matrix.conformant
    assert {o.status for row in matrix.rows for o in row.outcomes()} == {"expected"}


def test_a_recorded_deviation_that_no_longer_occurs_is_stale(tmp_path: Path) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    path = tmp_path / f"{KEY}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            '[deviations."tests.miniatures:TEAPOT"]\n',
            '[deviations."tests.miniatures:TEAPOT"]\n"values:404" = "gone"\n',
        ),
        encoding="utf-8",
    )
    matrix = build_matrix(IMPLEMENTATIONS, today=AS_OF, declared=declared_from(tmp_path))
    assert not matrix.conformant
    assert [(o.check, o.code) for o in matrix.rows[0].outcomes() if o.status == "stale"] == [
        ("values", 404)
    ]


def test_check_expectations_passes_until_a_record_would_change(tmp_path: Path) -> None:
    matrix = live()
    assert check_expectations(matrix, tmp_path, IMPLEMENTATIONS) == [
        f"{tmp_path / KEY}.toml is missing: this run records {KEY}"
    ]
    write_expectations(matrix, tmp_path, IMPLEMENTATIONS)
    assert check_expectations(matrix, tmp_path, IMPLEMENTATIONS) == []
    path = tmp_path / f"{KEY}.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "'Payload Too Large'", "'Request Entity Too Large'"
        ),
        encoding="utf-8",
    )
    [problem] = check_expectations(matrix, tmp_path, IMPLEMENTATIONS)
    assert problem.startswith(f"{path} is out of date:\n--- {path} (recorded)\n+++ this run\n")
    assert '+"phrases:413" = "LegacyPhrase.CONTENT_TOO_LARGE: \'Payload Too Large\'' in problem


def test_rows_that_cannot_be_recorded_are_reported_not_written(tmp_path: Path) -> None:
    matrix = live(
        (
            Implementation(VENDOR, (TEAPOT, "tests.raising_impl")),
            Implementation("unversioned", (TEAPOT,)),
        )
    )
    written, problems = write_expectations(matrix, tmp_path)
    assert written == []
    assert problems == [
        "cannot record tests.raising_impl: importing 'tests.raising_impl' for "
        "'tests.raising_impl' raised RuntimeError: this status table is broken on import",
        f"cannot record {TEAPOT}: its version is unknown",
    ]
    assert list(tmp_path.iterdir()) == []


def test_writing_replaces_a_librarys_other_versions_but_keeps_every_python(
    tmp_path: Path,
) -> None:
    old = tmp_path / f"{VENDOR}-0.1.toml"
    old.write_text(f'[expectations]\nlibrary = "{VENDOR}"\nversion = "0.1"\n', encoding="utf-8")
    stranger = tmp_path / f"{VENDOR}-plugins-1.0.toml"  # another library sharing the prefix
    stranger.write_text('[expectations]\nlibrary = "pytest-plugins"\n', encoding="utf-8")
    other_python = tmp_path / "stdlib-py3.0.toml"
    other_python.write_text('[expectations]\nlibrary = "stdlib"\n', encoding="utf-8")
    matrix = live((*IMPLEMENTATIONS, Implementation(STDLIB, (TEAPOT,))))
    write_expectations(matrix, tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [f"{KEY}.toml", stranger.name, other_python.name, f"stdlib-py{PYTHON}.toml"]
    )


def odd_report() -> ConformanceReport:
    base = live().rows[0].report
    assert base is not None
    findings = (
        Finding("values", None, "error", "not-an-int", 'a "key" \\ with\ttabs\nnewlines \x7f \x00'),
        Finding("api", 2**63, "error", "lookup-accepts-unassigned", "huge", "ValueError", 10**100),
        Finding("aliases", 404, "error", "name-not-current", "✓ unicode", "X", ["a", "b"]),
        Finding("values", 404, "error", "conflicting-definitions", "m", None, ["a", None]),
        Finding("phrases", 404, "error", "invalid-phrase", "surrogate \ud800", True, False),
    )
    return dataclasses.replace(base, findings=findings)


def test_values_toml_cannot_hold_as_such_still_round_trip(tmp_path: Path) -> None:
    report = odd_report()
    text = record_text([Row(VENDOR, VERSION, TEAPOT, report)], report.snapshot)
    tomllib.loads(text)  # valid TOML
    (tmp_path / f"{KEY}.toml").write_text(text, encoding="utf-8")
    [row] = load_recorded(tmp_path).rows
    assert row.report is not None
    expected = list(report.findings)
    expected[4] = dataclasses.replace(expected[4], message="surrogate \ufffd")
    assert list(row.report.findings) == expected
    assert '"api:9223372036854775808" = "huge"' in text
    assert '"values:*"' in text


def test_a_record_made_against_another_snapshot_is_refused(tmp_path: Path) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    path = tmp_path / f"{KEY}.toml"
    text = re.sub(r'snapshot_sha256 = "\w+"', 'snapshot_sha256 = "0123abc"', path.read_text())
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExpectationsError, match=r"recorded against another registry snapshot"):
        load_recorded(tmp_path)


@pytest.mark.parametrize(
    ("mangle", "problem"),
    [
        (lambda text: text.replace("[expectations]", "[expected]"), "no [expectations] table"),
        (lambda text: text.replace(f'version = "{VERSION}"', "version = 1"), "needs library"),
        (lambda text: text.replace('shape = "enum"', "shape = 3", 1), "table #1 is malformed"),
        (lambda text: text.replace('severity = "error"', 'severity = "bad"', 1), "malformed"),
        (lambda text: text.replace("values = ", "valeus = ", 1), "malformed: 'values'"),
        (lambda text: text + "[oops\n", "invalid TOML"),
    ],
)
def test_a_malformed_record_names_the_file(tmp_path: Path, mangle: object, problem: str) -> None:
    write_expectations(live(), tmp_path, IMPLEMENTATIONS)
    path = tmp_path / f"{KEY}.toml"
    assert callable(mangle)
    path.write_text(mangle(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ExpectationsError) as caught:
        load_recorded(tmp_path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


# -- the project's own records ---------------------------------------------------------------

EXPECTATIONS = REPO / "expectations"


def test_the_record_of_this_pythons_stdlib_is_what_it_does_today() -> None:
    recorded = {row.version: row for row in load_recorded(EXPECTATIONS, only=[STDLIB]).rows}
    assert sorted(recorded, key=lambda v: tuple(map(int, v.split(".")))) == [
        "3.9",
        "3.10",
        "3.11",
        "3.12",
        "3.13",
    ]
    [row] = build_matrix((Implementation(STDLIB, ("http.HTTPStatus",)),)).rows
    assert row.report is not None
    mine = recorded[PYTHON].report
    assert mine is not None
    assert mine.findings == row.report.findings
    assert mine.subjects == row.report.subjects


def tox_envs() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "tox.ini", encoding="utf-8")
    return parser


def test_every_library_has_one_record_matching_its_tox_pin() -> None:
    recorded = load_recorded(EXPECTATIONS)
    envs = tox_envs()
    from statuscheck.matrix.implementations import load_implementations

    for implementation in load_implementations(EXPECTATIONS / "implementations.toml"):
        rows = [row for row in recorded.rows if row.library == implementation.name]
        if implementation.name == STDLIB:
            assert {row.impl for row in rows} == set(implementation.tables)
            continue
        versions = {row.version for row in rows}
        assert len(versions) == 1, f"{implementation.name}: records for {versions}"
        [version] = versions
        env = envs[f"testenv:{implementation.name}"]
        record = f"expectations/{implementation.name}-{version}.toml"
        if implementation.command:
            [row] = rows
            assert row.language == implementation.language
            document = f"{{envtmpdir}}/{implementation.name}.json"
            assert f"{' '.join(implementation.command)} > {document}" in env["commands"]
            assert f"--impl={document} --deviations-file={record}" in env["commands"]
            continue
        assert tuple(row.impl for row in rows) == implementation.tables
        assert env["deps"].strip() == f"{implementation.name}=={version}"
        for table in implementation.tables:
            assert f"--impl={table} --deviations-file={record}" in env["commands"]
        assert f"{implementation.name}=={version}" in envs["testenv:matrix"]["deps"]


def test_every_record_is_valid_json_data_when_rendered() -> None:
    document = to_json(load_recorded(EXPECTATIONS))
    assert json.loads(json.dumps(document)) == document
    assert {row["label"] for row in document["rows"]} >= {"Python 3.9", "Python 3.13"}
    assert all(check in document["checks"] for check in CHECKS)
