"""The CI formats of ``statuscheck check``, tested on real output of real tables.

SARIF is validated against the official 2.1.0 schema (a copy in ../shared),
JUnit XML is parsed back, workflow commands are parsed the way the runner
parses them, and the badge is the endpoint JSON shields.io reads.
"""

from __future__ import annotations

import datetime
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from statuscheck.checks.finding import CHECKS, Finding
from statuscheck.cli.main import main
from statuscheck.findings.deviations import Deviation
from statuscheck.findings.engine import check_implementation
from statuscheck.findings.report import ConformanceReport, Outcome
from statuscheck.reports.check import counted
from statuscheck.reports.github import render_github
from statuscheck.reports.junit import render_junit
from statuscheck.reports.sarif import PROJECT_URL, render_sarif
from tests.conftest import REPO

SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
IMPLS = [
    "http.HTTPStatus",
    "statuscheck.HTTPStatus",
    "tests.miniatures:GARBAGE_MAPPING",
    "tests.miniatures:LOOKUP_ACCEPTS_999",
    "tests.miniatures:TEAPOT",
]
#: One declared deviation that occurs (418 in every stdlib) and one that does not.
DECLARED = (
    Deviation("values", 418, "kept for compatibility"),
    Deviation("phrases", 200, "a declaration that has gone stale"),
)


#: A day 104's temporary registration was in force, so a table that lacks it gets a warning.
BEFORE_104_EXPIRED = datetime.date(2025, 10, 1)


def _report(impl: str) -> ConformanceReport:
    return check_implementation(impl, deviations=DECLARED, today=BEFORE_104_EXPIRED)


def _expected_results(report: ConformanceReport) -> list[tuple[Outcome, Finding | None]]:
    """What a CI format reports, in order: each finding, then a stale declaration's line."""
    expected: list[tuple[Outcome, Finding | None]] = []
    for outcome in report.outcomes():
        expected += [(outcome, finding) for finding in outcome.findings]
        if outcome.status == "stale":
            expected.append((outcome, None))
    return expected


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["check", *args, "--as-of", BEFORE_104_EXPIRED.isoformat()])
    return status, capsys.readouterr().out


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA} (../shared is absent)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _github_slugs() -> set[str]:
    """The anchors GitHub gives the README's headings."""
    headings = re.findall(r"^#+ (.+)$", (REPO / "README.md").read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("impl", IMPLS)
def test_sarif_is_valid_and_has_one_result_per_finding(
    sarif_validator: jsonschema.Draft4Validator, impl: str
) -> None:
    report = _report(impl)
    log = json.loads(render_sarif(report, "1.2.3"))
    sarif_validator.validate(log)
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("statuscheck", "1.2.3")
    assert [rule["id"] for rule in driver["rules"]] == list(CHECKS)
    expected = _expected_results(report)
    assert len(run["results"]) == len(expected)
    for result, (outcome, finding) in zip(run["results"], expected):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == outcome.check
        if finding is None:  # a stale declaration, at the table it is about
            assert result["level"] == "error"
            assert result["message"]["text"].startswith("declared deviation")
            assert ("locations" in result) == (report.location is not None)
            continue
        assert result["level"] == finding.severity
        assert result["message"]["text"] == finding.message
        assert ("suppressions" in result) == (outcome.status == "expected")
        if finding.location is None:
            assert "locations" not in result
        else:
            physical = result["locations"][0]["physicalLocation"]
            assert physical["region"]["startLine"] == finding.location.line
            assert physical["artifactLocation"]["uri"].endswith(finding.location.path)


@pytest.mark.parametrize("impl", IMPLS[:3])
def test_every_result_has_a_location_where_the_table_has_one(impl: str) -> None:
    """GitHub rejects a whole upload if any one result has no location."""
    report = _report(impl)
    assert report.location is not None
    results = json.loads(render_sarif(report, "0"))["runs"][0]["results"]
    assert results
    assert all(result.get("locations") for result in results)


def test_sarif_uris_are_relative_under_the_working_directory(
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    log = json.loads(render_sarif(_report("tests.miniatures:GARBAGE_MAPPING"), "0"))
    sarif_validator.validate(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "tests/miniatures.py", "uriBaseId": "%SRCROOT%"}
    stdlib = json.loads(render_sarif(_report("http.HTTPStatus"), "0"))["runs"][0]["results"]
    uri = stdlib[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///")
    assert uri.endswith("/http/__init__.py")


def test_every_rule_links_to_a_section_of_the_readme() -> None:
    rules = json.loads(render_sarif(_report("http.HTTPStatus"), "0"))["runs"][0]["tool"]
    slugs = _github_slugs()
    for rule in rules["driver"]["rules"]:
        url, _, anchor = rule["helpUri"].partition("#")
        assert url == PROJECT_URL
        assert anchor in slugs, rule["id"]
        assert rule["help"]["text"]
        assert rule["help"]["markdown"]
        for link in re.findall(r"\]\(([^)]+)\)", rule["help"]["markdown"]):
            assert link.partition("#")[2] in slugs


def test_the_cli_writes_sarif_with_the_installed_version(
    capsys: pytest.CaptureFixture[str], sarif_validator: jsonschema.Draft4Validator
) -> None:
    from importlib.metadata import version

    status, out = _cli(capsys, "http.HTTPStatus", "--format", "sarif")
    assert status == 1
    log = json.loads(out)
    sarif_validator.validate(log)
    assert log["runs"][0]["tool"]["driver"]["version"] == version("statuscheck")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the Actions runner reads it (``::name k=v,k=v::data``)."""
    assert line.startswith("::"), line
    command, separator, data = line[2:].partition("::")
    assert separator, line
    name, _, raw = command.partition(" ")
    properties = {}
    for pair in filter(None, raw.split(",")):
        key, _, value = pair.partition("=")
        properties[key] = _unescape(value, property_value=True)
    return name, properties, _unescape(data, property_value=False)


def _unescape(text: str, *, property_value: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if property_value:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for escaped, plain in [*pairs, ("%25", "%")]:
        text = text.replace(escaped, plain)
    return text


@pytest.mark.parametrize("impl", IMPLS)
def test_github_annotates_every_finding_at_its_line(impl: str) -> None:
    report = _report(impl)
    commands = [parse_command(line) for line in render_github(report).splitlines()]
    expected = _expected_results(report)
    assert len(commands) == len(expected)
    for (name, properties, message), (outcome, finding) in zip(commands, expected):
        code = "" if outcome.code is None else f" {outcome.code}"
        assert properties["title"] == f"statuscheck {outcome.check}{code}"
        if finding is None:  # a stale declaration, at the table it is about
            assert name == "error"
            assert properties.get("file") == (report.location and report.location.path)
            assert message.startswith("declared deviation")
            continue
        if outcome.deviation is not None:
            assert (name, outcome.status) == ("notice", "expected")
            assert message == f"{finding.message} (declared: {outcome.deviation.reason})"
        else:
            assert name == finding.severity
            assert message == finding.message
        if finding.location is not None:
            assert properties["file"] == finding.location.path
            assert properties["line"] == str(finding.location.line)
        else:
            assert "file" not in properties


def test_junit_has_one_testcase_per_check_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    report = _report("http.HTTPStatus")
    root = ET.fromstring(render_junit(report))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [f"statuscheck.{c}" for c in CHECKS]
    cases = root.findall("testsuite/testcase")
    expected_names = [
        f"{check}[{'-' if code is None else code}]"
        for check in CHECKS
        for code in report.codes_for(check)
    ]
    assert [case.get("name") for case in cases] == expected_names
    statuses = {(o.check, o.code): o.status for o in report.outcomes()}
    assert int(root.get("failures", "")) == sum(s in ("fail", "stale") for s in statuses.values())
    assert root.findall(".//testcase[@name='values[418]']/skipped")  # declared
    assert root.findall(".//testcase[@name='phrases[200]']/failure")  # stale declaration
    assert "warning: " in (root.findtext(".//testcase[@name='values[104]']/system-out") or "")
    assert root.findall(".//testcase[@name='values[200]']/*") == []  # a plain pass
    by_name = {f"{c}[{'-' if n is None else n}]": s for (c, n), s in statuses.items()}
    failed = [case for case in cases if by_name.get(case.get("name", "")) == "fail"]
    assert all(case.get("file") and case.get("line") for case in failed)  # none on 3.13
    assert sum(int(suite.get("tests", "")) for suite in suites) == len(cases)
    status, out = _cli(capsys, "http.HTTPStatus", "--format", "junit")
    assert status == 1
    assert ET.fromstring(out).get("tests") == str(len(cases))


def _badge(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    _, out = _cli(capsys, *args, "--format", "shields")
    badge: dict[str, Any] = json.loads(out)
    assert set(badge) == {"schemaVersion", "label", "message", "color"}
    assert (badge["schemaVersion"], badge["label"]) == (1, "IANA status codes")
    return badge


def test_the_badge_counts_deviations_and_is_coloured_by_severity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    failing = sum(
        o.status == "fail"
        for o in check_implementation("http.HTTPStatus", today=BEFORE_104_EXPIRED).outcomes()
    )
    badge = _badge(capsys, "http.HTTPStatus")
    assert (badge["message"], badge["color"]) == (counted(failing, "deviation"), "red")
    clean = _badge(capsys, "statuscheck.HTTPStatus")
    assert (clean["message"], clean["color"]) == ("conformant", "brightgreen")
    only_warnings = _badge(
        capsys, "http.HTTPStatus", "--check", "values", "--deviation", "values:418=kept"
    )
    assert (only_warnings["message"], only_warnings["color"]) == ("conformant", "yellow")
    one = _badge(capsys, "http.HTTPStatus", "--check", "values")
    assert (one["message"], one["color"]) == ("1 deviation", "red")


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "shields"])
def test_ci_formats_do_not_change_the_exit_status(
    capsys: pytest.CaptureFixture[str], fmt: str, tmp_path: Path
) -> None:
    assert _cli(capsys, "statuscheck.HTTPStatus", "--format", fmt)[0] == 0
    assert _cli(capsys, "http.HTTPStatus", "--format", fmt)[0] == 1
    assert _cli(capsys, "no.such.module", "--format", fmt)[0] == 2
