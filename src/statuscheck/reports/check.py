"""Presenting a :class:`ConformanceReport` as text, JSON or markdown.

Pure functions from report to string: the CLI prints them, tests compare them,
and the JSON shape is the stable machine-readable contract.
"""

from __future__ import annotations

import json
from typing import Any

from statuscheck.findings.report import ConformanceReport, Outcome
from statuscheck.tables.table import Location

__all__ = ["FORMATS", "counted", "header_lines", "outcome_lines", "render", "summary", "to_json"]

FORMATS = ("text", "json", "markdown", "sarif", "github", "junit", "shields")

_LABELS = {"fail": "FAIL", "warn": "WARN", "expected": "XFAIL", "stale": "STALE"}


def render(report: ConformanceReport, fmt: str) -> str:
    if fmt in ("sarif", "github", "junit", "shields"):
        return _render_for_ci(report, fmt)
    if fmt == "json":
        return json.dumps(to_json(report), indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(report)
    return _text(report)


def to_json(report: ConformanceReport) -> dict[str, Any]:
    findings = []
    stale = []
    for outcome in report.outcomes():
        reason = outcome.deviation.reason if outcome.deviation is not None else None
        for finding in outcome.findings:
            findings.append({**finding.to_json(), "deviation": reason})
        if outcome.status == "stale" and outcome.deviation is not None:
            stale.append(
                {
                    "check": outcome.check,
                    "code": outcome.code,
                    "reason": reason,
                    "source": outcome.deviation.source,
                }
            )
    return {
        "impl": report.impl,
        "shape": report.shape,
        "aliases": report.aliases,
        "snapshot": report.snapshot.to_json(),
        "registry_match": match.to_json() if (match := report.registry_match) else None,
        "coverage": report.coverage.to_json() if report.coverage is not None else None,
        "notes": list(report.notes),
        "conformant": report.conformant,
        "findings": findings,
        "stale_deviations": stale,
    }


def counted(count: int, noun: str) -> str:
    """``1 warning``, ``2 warnings``: a count and its noun, agreeing."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(report: ConformanceReport) -> str:
    counts = dict.fromkeys(_LABELS, 0)
    for outcome in report.outcomes():
        counts[outcome.status] += 1
    verdict = "conformant" if report.conformant else "not conformant"
    return (
        f"{counts['fail']} failing, {counted(counts['warn'], 'warning')}, "
        f"{counts['expected']} declared, {counts['stale']} stale: {verdict}"
    )


def _heading(report: ConformanceReport) -> str:
    snapshot = report.snapshot
    registry = snapshot.registry_updated or "of unknown date"
    dated = f"; {report.registry_match.describe()}" if report.registry_match else ""
    return (
        f"{report.impl} ({report.shape}; aliases {report.aliases or 'none'}) against the IANA "
        f"registry {registry} ({snapshot.path}, sha256 {snapshot.sha256[:12]}){dated}"
    )


def header_lines(report: ConformanceReport) -> list[str]:
    """What a report says once, under its heading: the coverage, then any notes."""
    lines = []
    if report.coverage is not None:
        coverage = report.coverage
        policy = "" if coverage.missing == "error" else f" (missing codes: {coverage.missing})"
        lines.append(f"covers {coverage}{policy}")
    lines += [f"note: {note}" for note in report.notes]
    return lines


def _text(report: ConformanceReport) -> str:
    lines = [_heading(report), *header_lines(report)]
    for outcome in report.outcomes():
        lines += outcome_lines(outcome)
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def outcome_lines(outcome: Outcome) -> list[str]:
    """``path:line: FAIL  values 418: …``: a line per finding.

    Led by ``path:line:`` as compilers do, so editors and terminals jump to the entry.
    """
    return [
        f"{_at(location)}{_LABELS[outcome.status]:5} {_where(outcome)}: {line}"
        for location, line in _located_lines(outcome)
    ]


def _markdown(report: ConformanceReport) -> str:
    lines = [
        f"### statuscheck: `{report.impl}`",
        "",
        _heading(report).replace(report.impl, f"`{report.impl}`", 1),
        "",
        *(f"- {line}" for line in header_lines(report)),
        "",
        f"**{summary(report)}**",
        "",
    ]
    outcomes = report.outcomes()
    if outcomes:
        lines += ["| | check | code | finding |", "|---|---|---|---|"]
        for outcome in outcomes:
            for line in _lines(outcome):
                cell = line.replace("|", "\\|")
                code = "" if outcome.code is None else str(outcome.code)
                lines.append(f"| {_LABELS[outcome.status]} | {outcome.check} | {code} | {cell} |")
    return "\n".join(lines) + "\n"


def _render_for_ci(report: ConformanceReport, fmt: str) -> str:
    """The CI formats, each imported only when asked for (``check`` stays quick to start)."""
    if fmt == "sarif":
        from importlib.metadata import version

        from statuscheck.reports.sarif import render_sarif

        return render_sarif(report, version("statuscheck"))
    if fmt == "github":
        from statuscheck.reports.github import render_github

        return render_github(report)
    if fmt == "junit":
        from statuscheck.reports.junit import render_junit

        return render_junit(report)
    from statuscheck.reports.shields import render_shields

    return render_shields(report)


def _where(outcome: Outcome) -> str:
    return f"{outcome.check} {'-' if outcome.code is None else outcome.code}"


def _at(location: Location | None) -> str:
    return "" if location is None else f"{location.path}:{location.line}: "


def _lines(outcome: Outcome) -> list[str]:
    return [line for _, line in _located_lines(outcome)]


def _located_lines(outcome: Outcome) -> list[tuple[Location | None, str]]:
    lines: list[tuple[Location | None, str]] = [
        (finding.location, finding.message) for finding in outcome.findings
    ]
    if outcome.deviation is not None:
        if outcome.status == "stale":
            lines.append(
                (
                    None,
                    f"declared deviation {outcome.deviation.key} no longer occurs; remove it "
                    f"from {outcome.deviation.source}",
                )
            )
        else:
            reason = outcome.deviation.reason
            lines = [(where, f"{line} (declared: {reason})") for where, line in lines]
    return lines
