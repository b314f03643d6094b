"""A check report as GitHub Actions workflow commands: one annotation per finding.

``::error file=…,line=…,title=…::message`` makes the runner annotate the line in
the pull request, with no upload and no code-scanning licence. Errors are
``error``, warnings ``warning``; a declared deviation is a ``notice`` (shown, not
alarming) and a stale declaration an ``error``. Values are escaped by the
runner's rules: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from statuscheck.findings.report import ConformanceReport, Outcome
from statuscheck.tables.table import Location

__all__ = ["escape_data", "escape_property", "render_github"]


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property of a workflow command, where ``:`` and ``,`` delimit."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ConformanceReport) -> str:
    lines = []
    for outcome in report.outcomes():
        title = f"statuscheck {outcome.check}" + (
            "" if outcome.code is None else f" {outcome.code}"
        )
        for finding in outcome.findings:
            message = finding.message
            if outcome.deviation is not None:
                message += f" (declared: {outcome.deviation.reason})"
            lines.append(
                _command(_level(outcome, finding.severity), finding.location, title, message)
            )
        if outcome.status == "stale" and outcome.deviation is not None:
            message = (
                f"declared deviation {outcome.deviation.key} no longer occurs; remove it "
                f"from {outcome.deviation.source}"
            )
            lines.append(_command("error", report.location, title, message))
    return "".join(line + "\n" for line in lines)


def _level(outcome: Outcome, severity: str) -> str:
    if outcome.status == "expected":
        return "notice"
    return "error" if severity == "error" else "warning"


def _command(level: str, location: Location | None, title: str, message: str) -> str:
    properties = []
    if location is not None:
        properties += [f"file={escape_property(location.path)}", f"line={location.line}"]
    properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"
