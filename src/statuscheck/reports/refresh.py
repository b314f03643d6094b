"""Presenting a refresh or diff :class:`Report` as text, JSON or Markdown.

The JSON is the stable machine-readable form (``{"drift", "snapshot",
"live", "changes", ...}``, one change per code and field). The text and the
Markdown are for people: consecutive codes with the same change are shown as
one range (``105-199``), and the Markdown is what a CI job summary or an
opened issue shows.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Literal

from statuscheck.refresh.report import Report, Side
from statuscheck.registry.diff import FIELDS, Change, Field

__all__ = ["FORMATS", "ChangeRun", "OutputFormat", "group_changes", "render"]

OutputFormat = Literal["text", "json", "markdown"]
FORMATS: tuple[OutputFormat, ...] = ("text", "json", "markdown")


@dataclasses.dataclass(frozen=True)
class ChangeRun:
    """The same change to consecutive codes ``first``-``last``."""

    first: int
    last: int
    field: Field
    old: str | None
    new: str | None

    @property
    def codes_text(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclasses.dataclass(frozen=True)
class Labels:
    command: str
    old: str
    new: str


REFRESH_LABELS = Labels("statuscheck refresh", "snapshot", "live")
DIFF_LABELS = Labels("statuscheck diff", "old", "new")


def group_changes(changes: tuple[Change, ...]) -> tuple[ChangeRun, ...]:
    """Merge changes that are identical but for consecutive codes."""
    runs: list[ChangeRun] = []
    open_runs: dict[tuple[Field, str | None, str | None], int] = {}
    for change in changes:
        key = (change.field, change.old, change.new)
        index = open_runs.get(key)
        if index is not None and runs[index].last == change.code - 1:
            runs[index] = dataclasses.replace(runs[index], last=change.code)
            continue
        open_runs[key] = len(runs)
        runs.append(ChangeRun(change.code, change.code, change.field, change.old, change.new))
    order = {field: position for position, field in enumerate(FIELDS)}
    return tuple(sorted(runs, key=lambda run: (run.first, order[run.field])))


def render(report: Report, output: OutputFormat, *, labels: Labels = REFRESH_LABELS) -> str:
    if output == "json":
        return json.dumps(report.to_dict(), indent=2) + "\n"
    if output == "markdown":
        return _markdown(report, labels)
    return _text(report, labels)


def headline(report: Report, labels: Labels) -> str:
    codes = len({change.code for change in report.changes})
    count = len(report.changes)
    return {
        "identical": f"no drift: the {labels.new} registry is byte-identical to the {labels.old}",
        "equivalent": f"no drift: the {labels.new} registry's bytes differ from the "
        f"{labels.old}'s, but no code's status, phrase or references changed",
        "not-modified": "no drift: the server reports the registry unchanged since the "
        "snapshot was taken (HTTP 304 Not Modified)",
        "drift": f"drift: {codes} code{'s' if codes != 1 else ''} changed "
        f"({count} field change{'s' if count != 1 else ''})",
        "error": f"could not tell: {report.error}",
    }[report.verdict]


def _text(report: Report, labels: Labels) -> str:
    lines = [f"{labels.command}: {headline(report, labels)}"]
    width = max(len(labels.old), len(labels.new))
    lines.append(f"  {labels.old:<{width}}  {_side_text(report.snapshot)}")
    if report.live is not None:
        lines.append(f"  {labels.new:<{width}}  {_side_text(report.live)}")
    for run in group_changes(report.changes):
        lines.append(f"  {run.codes_text:<7} {run.field:<9} {_plain(run.old)} -> {_plain(run.new)}")
    lines.extend(f"  wrote {path}" for path in report.written)
    lines.extend(f"  note: {note}" for note in report.notes)
    if report.error is not None and report.verdict != "error":
        lines.append(f"  error: {report.error}")
    return "\n".join(lines) + "\n"


def _side_text(side: Side) -> str:
    details = [
        side.format.upper() if side.format else None,
        f"HTTP {side.http_status}" if side.http_status is not None else None,
        f"registry updated {side.registry_updated}" if side.registry_updated else None,
        f"{side.size} bytes" if side.size is not None else None,
        f"sha256 {side.sha256[:12]}" if side.sha256 else None,
    ]
    shown = ", ".join(detail for detail in details if detail)
    return f"{side.source} ({shown})" if shown else side.source


def _plain(value: str | None) -> str:
    return "(none)" if value is None else repr(value)


def _markdown(report: Report, labels: Labels) -> str:
    title = {
        "identical": "no drift",
        "equivalent": "no drift",
        "not-modified": "no drift",
        "drift": "drift detected",
        "error": "could not tell",
    }[report.verdict]
    out = [f"## IANA HTTP Status Code Registry: {title}", "", _escape(headline(report, labels))]
    out += [
        "",
        "| | Source | Format | Registry updated | HTTP | SHA-256 |",
        "|---|---|---|---|---|---|",
    ]
    sides = [(labels.old, report.snapshot)]
    if report.live is not None:
        sides.append((labels.new, report.live))
    for label, side in sides:
        kind = (side.format or "").upper()
        out.append(
            f"| {label.capitalize()} | {_code(side.source)} | {kind} "
            f"| {_escape(side.registry_updated or 'unknown')} "
            f"| {side.http_status if side.http_status is not None else ''} "
            f"| {_code(side.sha256[:12]) if side.sha256 else ''} |"
        )
    runs = group_changes(report.changes)
    if runs:
        out += [
            "",
            f"| Code | Field | {labels.old.capitalize()} | {labels.new.capitalize()} |",
            "|---|---|---|---|",
        ]
        out += [
            f"| {run.codes_text} | {run.field} | {_cell(run.old)} | {_cell(run.new)} |"
            for run in runs
        ]
    if report.warnings:
        out += ["", "### Warnings", ""]
        out += [f"- {_escape(warning)}" for warning in report.warnings]
    if report.error is not None and report.verdict != "error":
        out += ["", "### Error", "", _escape(report.error)]
    if report.written or report.notes:
        out += [""]
        out += [f"- wrote {_code(path)}" for path in report.written]
        out += [f"- {_escape(note)}" for note in report.notes]
    return "\n".join(out) + "\n"


def _cell(value: str | None) -> str:
    return "*(none)*" if value is None else _code(value)


def _code(text: str) -> str:
    """A Markdown code span that survives inside a table cell."""
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def _escape(text: str) -> str:
    for character in "\\`*_[]<>|":
        text = text.replace(character, "\\" + character)
    return text
