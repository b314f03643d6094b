"""Properties of the CI serializers over arbitrary findings.

A finding's message can hold anything an implementation puts in a phrase or a
name (percent signs, newlines, colons, control characters, any Unicode), and a
path anything a file system allows; every format must carry it intact or, where
the format cannot (XML 1.0 has no NUL), escaped, and must always stay valid.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from statuscheck.checks.finding import CHECKS, Finding
from statuscheck.findings.deviations import Deviation
from statuscheck.findings.report import ConformanceReport, SnapshotInfo
from statuscheck.reports.github import escape_data, escape_property, render_github
from statuscheck.reports.junit import render_junit
from statuscheck.reports.sarif import render_sarif
from statuscheck.reports.shields import render_shields
from statuscheck.tables.table import Location
from tests.test_ci_formats import SARIF_SCHEMA, parse_command

_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40)
_CODES = st.none() | st.integers(100, 599)

locations = st.none() | st.builds(
    Location,
    path=_ANY_TEXT.filter(lambda path: "\x00" not in path),
    line=st.integers(1, 10**6),
)
findings = st.builds(
    Finding,
    check=st.sampled_from(CHECKS),
    code=_CODES,
    severity=st.sampled_from(["error", "warning"]),
    kind=st.sampled_from(["missing-code", "wrong-phrase", "out-of-order"]),
    message=_ANY_TEXT,
    location=locations,
)
deviations = st.builds(
    Deviation, check=st.sampled_from(CHECKS), code=_CODES, reason=_ANY_TEXT, source=_ANY_TEXT
)


def _report(found: list[Finding], declared: list[Deviation]) -> ConformanceReport:
    return ConformanceReport(
        impl="pkg.codes",
        shape="enum",
        aliases=None,
        snapshot=SnapshotInfo("snapshot.csv", "0" * 64, "2025-09-15"),
        findings=tuple(found),
        deviations=tuple(declared),
        subjects=dict.fromkeys(CHECKS, (100, 200)),
    )


reports = st.builds(
    _report, st.lists(findings, max_size=8), st.lists(deviations, max_size=3, unique_by=repr)
)


@given(_ANY_TEXT, _ANY_TEXT)
def test_workflow_command_escaping_round_trips(data: str, value: str) -> None:
    name, properties, message = parse_command(
        f"::error file={escape_property(value)},title={escape_property(value)}::"
        + escape_data(data)
    )
    assert (name, properties, message) == ("error", {"file": value, "title": value}, data)
    assert "\n" not in escape_data(data) + escape_property(value)


@given(reports)
def test_every_finding_becomes_one_command_with_its_text_intact(report: ConformanceReport) -> None:
    text = render_github(report)
    note(text)
    # The runner splits on line feeds only: \x1e or U+2028 in a message are not line ends.
    commands = [parse_command(line) for line in text.split("\n")[:-1]]
    messages = [message for _, _, message in commands]
    for outcome in report.outcomes():
        for finding in outcome.findings:
            assert any(message.startswith(finding.message) for message in messages)
            if finding.location is not None:
                assert any(
                    p.get("file") == finding.location.path
                    and p.get("line") == str(finding.location.line)
                    for _, p, _ in commands
                )


@given(reports)
def test_junit_always_parses_and_counts_every_check_and_code(report: ConformanceReport) -> None:
    text = render_junit(report)
    note(text)
    root = ET.fromstring(text)
    expected = sum(len(report.codes_for(check)) for check in report.checks)
    assert len(root.findall("testsuite/testcase")) == int(root.get("tests", "")) == expected
    failing = sum(o.status in ("fail", "stale") for o in report.outcomes())
    assert len(root.findall(".//failure")) == int(root.get("failures", "")) == failing
    for failure in root.iter("failure"):
        assert failure.text


@given(st.text(max_size=20).filter(lambda text: "\r" not in text))
def test_junit_keeps_text_and_escapes_what_xml_cannot_hold(message: str) -> None:
    finding = Finding("values", 200, "error", "wrong", f"m{message}")
    failure = ET.fromstring(render_junit(_report([finding], []))).find(".//failure")
    assert failure is not None
    shown = failure.text or ""
    if all(_xml_char(ch) for ch in message):
        assert shown == f"m{message}"
    else:
        assert "\\x" in shown or "\\u" in shown


def _xml_char(ch: str) -> bool:
    """XML 1.0's Char production, written out independently of the renderer's pattern."""
    point = ord(ch)
    return (
        point in (0x9, 0xA, 0xD)
        or 0x20 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA} (../shared is absent)")
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@settings(deadline=None)  # validating against the full SARIF schema takes its time
@given(report=reports)
def test_sarif_always_validates(
    sarif_validator: jsonschema.Draft4Validator, report: ConformanceReport
) -> None:
    log = json.loads(render_sarif(report, "0.0.0"))
    sarif_validator.validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == sum(len(o.findings) + (o.status == "stale") for o in report.outcomes())
    assert [
        r["message"]["text"] for r in results if r["properties"]["kind"] != "stale-deviation"
    ] == [f.message for o in report.outcomes() for f in o.findings]


@given(reports)
def test_the_badge_message_and_colour_follow_the_outcomes(report: ConformanceReport) -> None:
    badge = json.loads(render_shields(report))
    failing = sum(o.status in ("fail", "stale") for o in report.outcomes())
    assert badge["schemaVersion"] == 1
    if failing:
        assert badge["message"] == f"{failing} deviation{'s' * (failing != 1)}"
        assert badge["color"] == "red"
    else:
        assert badge["message"] == "conformant"
        warned = any(o.status == "warn" for o in report.outcomes())
        assert badge["color"] == ("yellow" if warned else "brightgreen")
