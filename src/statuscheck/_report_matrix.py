"""Presenting a :class:`~statuscheck._matrix.Matrix` as markdown or JSON (HTML: ``_matrix_html``).

Pure functions from matrix to string. The wording of a cell (``✗ 306, 418``,
``“Request Entity Too Large”``) is decided here once and shared with the HTML
page, so the README, the page and the JSON always say the same thing; the
verdicts themselves come from the engine's outcomes, untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from statuscheck._engine import Outcome, Status
from statuscheck._matrix import (
    RANK,
    CellStatus,
    CheckCell,
    CodeCell,
    Matrix,
    Row,
    check_cell,
    code_cell,
    deviating_codes,
    headline_codes,
    registry_entry,
)

__all__ = [
    "FORMATS",
    "LEGEND",
    "README_END",
    "README_START",
    "SYMBOLS",
    "check_cell_text",
    "code_cell_text",
    "code_groups",
    "code_heading",
    "readme_block",
    "render",
    "render_markdown",
    "replace_readme_block",
    "row_name",
    "to_json",
    "used_statuses",
]

FORMATS = ("markdown", "json", "html")

SYMBOLS: dict[CellStatus, str] = {
    "pass": "✓",
    "fail": "✗",
    "warn": "⚠",
    "expected": "○",
    "stale": "‼",
    "n/a": "\N{EN DASH}",
    "error": "⊘",
}

LEGEND: tuple[tuple[CellStatus, str], ...] = (
    ("pass", "conforms to the registry"),
    ("fail", "deviates"),
    ("warn", "warning only: a temporary or obsoleted code missing, an empty description"),
    ("expected", "deviates, as declared in the expectations file"),
    ("stale", "declared as deviating, but no longer does"),
    ("n/a", "does not apply: the table carries no phrases, descriptions, names or enum API"),
    ("error", "could not be imported or read"),
)

README_START = "<!-- matrix:start -->"
README_END = "<!-- matrix:end -->"

#: Statuses a check cell lists codes for, worst first.
_LISTED: tuple[Status, ...] = ("stale", "fail", "warn", "expected")
_MOST_CODES = 8

_KIND_LABELS = {
    "missing-code": "missing",
    "unused-code": "defines it, though (Unused)",
    "unassigned-code": "defines it, though unassigned",
    "out-of-range": "outside 100-599",
    "conflicting-definitions": "conflicting phrases",
    "repeated-in-iteration": "repeated",
    "missing-description": "no description",
    "empty-description": "empty description",
    "invalid-description": "invalid description",
    "multi-line-description": "multi-line description",
    "description-repeats-phrase": "description repeats the phrase",
}


def render(matrix: Matrix, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_json(matrix), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        from statuscheck._matrix_html import render_html

        return render_html(matrix)
    return render_markdown(matrix)


# -- cell wording (shared with the HTML page) ---------------------------------------------------


def codes_text(codes: Sequence[int | None]) -> str:
    """``[104]`` -> ``104``; long lists and codes outside 100-599 are counted, not listed."""
    inside = [code for code in codes if code is not None and 100 <= code <= 599]
    outside = [code for code in codes if code is not None and not 100 <= code <= 599]
    parts = []
    if None in codes:
        parts.append("table")
    if len(inside) > _MOST_CODES:
        parts.append(f"{len(inside)} codes")
    elif inside:
        parts.append(", ".join(str(code) for code in inside))
    if outside:
        parts.append(f"{len(outside)} outside 100-599")
    return ", ".join(parts)


def check_cell_text(cell: CheckCell) -> str:
    """``✗ 306, 418 ⚠ 104``; a bare symbol for pass, n/a and error."""
    if cell.status in ("pass", "n/a", "error"):
        return SYMBOLS[cell.status]
    parts = []
    for status in _LISTED:
        codes = [o.code for o in cell.outcomes if o.status == status]
        if codes:
            parts.append(f"{SYMBOLS[status]} {codes_text(codes)}")
    return " ".join(parts)


def _finding_label(outcome: Outcome) -> list[str]:
    labels = []
    for finding in outcome.findings:
        kind, expected, actual = finding.kind, finding.expected, finding.actual
        if finding.check == "phrases" and isinstance(actual, str):
            labels.append(f"“{actual}”")
        elif kind == "name-not-current" and isinstance(actual, list):
            labels.append("named " + ", ".join(str(name) for name in actual))
        elif kind == "renamed-without-alias" and isinstance(expected, str):
            labels.append(f"no {expected} alias")
        elif kind in ("alias-missing", "alias-mismatch", "wrong-embedded-code"):
            labels.append(finding.message)
        else:
            labels.append(_KIND_LABELS.get(kind, kind.replace("-", " ")))
    if not labels and outcome.status == "stale" and outcome.deviation is not None:
        labels.append(f"declared {outcome.deviation.key} no longer occurs")
    return labels


def code_cell_text(cell: CodeCell) -> str:
    """What a table has for one code: ``✓``, ``✓ absent``, ``✗ “Request Entity Too Large”``."""
    if cell.status == "error":
        return SYMBOLS["error"]
    if not cell.outcomes:
        return SYMBOLS["pass"] if cell.defined else f"{SYMBOLS['pass']} absent"
    labels: list[str] = []
    for outcome in cell.outcomes:
        for label in _finding_label(outcome):
            if label not in labels:
                labels.append(label)
    return f"{SYMBOLS[cell.status]} " + "; ".join(labels)


def code_heading(matrix: Matrix, code: int) -> str:
    """``413 Content Too Large``, ``306 (Unused)``, ``449 (unassigned)``."""
    entry = registry_entry(matrix, code)
    if entry is None:
        return f"{code} (outside 100-599)"
    if entry.phrase is None:
        return f"{code} ({'Unused' if entry.status == 'unused' else 'unassigned'})"
    note = "" if entry.status == "assigned" else f" ({entry.status})"
    return f"{code} {entry.phrase}{note}"


def row_name(matrix: Matrix, row: Row) -> str:
    """The row's label, plus its table when the library has several rows."""
    siblings = [other for other in matrix.rows if other.record_key == row.record_key]
    return row.label if len(siblings) == 1 else f"{row.label} ({row.impl})"


def code_groups(matrix: Matrix, code: int) -> list[tuple[CellStatus, str, list[str]]]:
    """Rows grouped by what they have for ``code``: ``[(status, text, [names])]``, worst last.

    Consecutive Pythons with the same answer read as one range (``Python 3.9-3.12``).
    """
    groups: dict[str, tuple[CellStatus, list[Row]]] = {}
    for row in matrix.rows:
        cell = code_cell(row, code)
        groups.setdefault(code_cell_text(cell), (cell.status, []))[1].append(row)
    ordered = sorted(groups.items(), key=lambda item: RANK[item[1][0]])
    return [(status, text, _names(matrix, rows)) for text, (status, rows) in ordered]


def _names(matrix: Matrix, rows: list[Row]) -> list[str]:
    stdlib = [row for row in matrix.rows if row.stdlib]
    if len({row.impl for row in stdlib}) > 1:  # several stdlib tables: name each one
        return [row_name(matrix, row) for row in rows]
    position = {id(row): index for index, row in enumerate(stdlib)}
    runs: list[list[Row]] = []
    for row in rows:
        if not row.stdlib:
            continue
        if runs and position[id(row)] == position[id(runs[-1][-1])] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    names: list[str] = []
    for run in runs:
        if len(run) == 1:
            names.append(row_name(matrix, run[0]))
        else:
            names.append(f"Python {run[0].version}-{run[-1].version}")
    names += [row_name(matrix, row) for row in rows if not row.stdlib]
    return names


def used_statuses(matrix: Matrix) -> frozenset[CellStatus]:
    """The statuses some summary cell shows: the legend explains only those."""
    return frozenset(
        check_cell(row, check).status for row in matrix.rows for check in matrix.checks
    ) | {"pass"}


# -- markdown -----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(matrix: Matrix, *, level: int = 2, codes: Sequence[int] | None = None) -> str:
    """Implementations x checks, then what each has for the headline codes."""
    hashes = "#" * level
    snapshot = matrix.snapshot
    as_of = f", as of {matrix.as_of.isoformat()}" if matrix.as_of is not None else ""
    lines = [
        f"{hashes} Implementations \N{MULTIPLICATION SIGN} checks",
        "",
        f"Against the IANA HTTP Status Code Registry of "
        f"{snapshot.registry_updated or 'unknown date'} (pinned snapshot, sha256 "
        f"{snapshot.sha256[:12]}){as_of}. "
        + " · ".join(
            f"{SYMBOLS[status]} {text.partition(':')[0]}"
            for status, text in LEGEND
            if status in used_statuses(matrix)
        )
        + ".",
        "",
        "| implementation | table | shape | " + " | ".join(matrix.checks) + " |",
        "|---|---|---|" + "---|" * len(matrix.checks),
    ]
    for row in matrix.rows:
        shape = f"{SYMBOLS['error']} {row.error}" if row.report is None else row.report.shape
        cells = [check_cell_text(check_cell(row, check)) for check in matrix.checks]
        lines.append(
            f"| {_cell(row.label)} | `{row.impl}` | {_cell(shape)} | "
            + " | ".join(_cell(cell) for cell in cells)
            + " |"
        )
    shown = headline_codes(matrix) if codes is None else tuple(codes)
    which = "the codes whose value, phrase or name two or more of them get wrong"
    if not shown and codes is None:
        shown = tuple(code for code in deviating_codes(matrix) if 100 <= code <= 599)
        which = "every code one of them gets wrong"
    lines += [
        "",
        f"{hashes} Per code",
        "",
        f"What each implementation has for {which} "
        "(the HTML page, `--format html`, shows every code).",
        "",
        "| code | implementations |",
        "|---|---|",
    ]
    for code in shown:
        groups = [
            f"{text}: {', '.join(names)}" for _, text, names in code_groups(matrix, code) if names
        ]
        lines.append(
            f"| {_cell(code_heading(matrix, code))} | " + _cell("<br>".join(groups)) + " |"
        )
    return "\n".join(lines) + "\n"


def readme_block(matrix: Matrix) -> str:
    """The README's matrix: the recorded matrix, and where it comes from."""
    return (
        "Generated by `statuscheck matrix --update-readme README.md` from the records in "
        "[`expectations/`](expectations/), which tox checks against the real, pinned "
        "libraries and every Python on each run. The full page, with every code and "
        "finding: `statuscheck matrix --recorded --format html -o matrix.html`.\n\n"
        + render_markdown(matrix, level=3)
    )


def replace_readme_block(readme: str, block: str) -> str:
    """``readme`` with the text between the matrix markers replaced by ``block``."""
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.DOTALL)
    if not pattern.search(readme):
        raise ValueError(f"the README has no {README_START} ... {README_END} block")
    return pattern.sub(lambda _: f"{README_START}\n{block.rstrip()}\n{README_END}", readme, 1)


# -- JSON ---------------------------------------------------------------------------------------


def to_json(matrix: Matrix) -> dict[str, Any]:
    """The matrix as data: every row's outcomes and cells, and the per-code view."""
    headline = set(headline_codes(matrix))
    return {
        "statuscheck_matrix": 1,
        "snapshot": matrix.snapshot.to_json(),
        "as_of": matrix.as_of.isoformat() if matrix.as_of is not None else None,
        "conformant": matrix.conformant,
        "checks": list(matrix.checks),
        "rows": [_row_json(matrix, row) for row in matrix.rows],
        "codes": [
            {
                "code": code,
                "registry": code_heading(matrix, code),
                "headline": code in headline,
                "cells": [
                    {"status": cell.status, "defined": cell.defined, "text": code_cell_text(cell)}
                    for cell in (code_cell(row, code) for row in matrix.rows)
                ],
            }
            for code in deviating_codes(matrix)
        ],
    }


def _row_json(matrix: Matrix, row: Row) -> dict[str, Any]:
    cells = {}
    for check in matrix.checks:
        cell = check_cell(row, check)
        cells[check] = {
            "status": cell.status,
            "text": check_cell_text(cell),
            "codes": {status: list(cell.codes(status)) for status in _LISTED if cell.codes(status)},
        }
    report = row.report
    return {
        "library": row.library,
        "version": row.version,
        "label": row.label,
        "impl": row.impl,
        "error": row.error,
        "shape": report.shape if report is not None else None,
        "aliases": report.aliases if report is not None else None,
        "conformant": report.conformant if report is not None else False,
        "cells": cells,
        "outcomes": [
            {
                "check": outcome.check,
                "code": outcome.code,
                "status": outcome.status,
                "deviation": outcome.deviation.reason if outcome.deviation is not None else None,
                "findings": [finding.to_json() for finding in outcome.findings],
            }
            for outcome in row.outcomes()
        ],
    }
