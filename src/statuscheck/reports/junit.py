"""A check report as JUnit XML, for CI test dashboards, without going through pytest.

One ``<testsuite>`` per check and one ``<testcase>`` per check and code the check
judged (``values[418]``), named like the pytest suite's tests so the two read
alike. JUnit knows only pass, fail and skip, so:

* a failing outcome or a stale declaration is a ``<failure>``;
* a declared deviation is ``<skipped>`` with its reason (pytest's strict xfail
  shows the same way in ``--junitxml``);
* a warning passes -- it does not fail the run anywhere else either -- and its
  text goes to ``<system-out>``, so dashboards that show output still show it.

Characters XML 1.0 cannot carry (NUL, most control characters, lone surrogates)
are written as ``\\xNN``/``\\uNNNN`` escapes, so the document always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from statuscheck.findings.report import ConformanceReport, Outcome

__all__ = ["render_junit"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(report: ConformanceReport) -> str:
    root = ET.Element("testsuites", name=_xml(f"statuscheck {report.impl}"))
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for check in report.checks:
        suite = ET.SubElement(root, "testsuite", name=f"statuscheck.{check}")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for code in report.codes_for(check):
            outcome = report.outcome(check, code)
            _testcase(suite, outcome, counts)
        suite.set("tests", str(counts["tests"]))
        suite.set("failures", str(counts["failures"]))
        suite.set("errors", "0")
        suite.set("skipped", str(counts["skipped"]))
        for key in totals:
            totals[key] += counts[key]
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _testcase(suite: ET.Element, outcome: Outcome, counts: dict[str, int]) -> None:
    name = f"{outcome.check}[{'-' if outcome.code is None else outcome.code}]"
    case = ET.SubElement(suite, "testcase", classname=f"statuscheck.{outcome.check}", name=name)
    located = next((f.location for f in outcome.findings if f.location is not None), None)
    if located is not None:
        case.set("file", _xml(located.path))
        case.set("line", str(located.line))
    counts["tests"] += 1
    text = _xml(outcome.describe())
    if outcome.status in ("fail", "stale"):
        counts["failures"] += 1
        failure = ET.SubElement(case, "failure", message=text.split("\n")[0], type=_kind(outcome))
        failure.text = text
    elif outcome.status == "expected" and outcome.deviation is not None:
        counts["skipped"] += 1
        reason = _xml(f"declared deviation: {outcome.deviation.reason}")
        ET.SubElement(case, "skipped", message=reason).text = text
    elif outcome.status == "warn":
        ET.SubElement(case, "system-out").text = text


def _kind(outcome: Outcome) -> str:
    if outcome.status == "stale":
        return "stale-deviation"
    return next(f.kind for f in outcome.findings if f.severity == "error")


def _xml(text: str) -> str:
    return _NOT_XML.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    point = ord(match[0])
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"
