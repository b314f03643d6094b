"""The wording of matrix cells, decided once for every format.

``✗ 306, 418``, ``“Request Entity Too Large”``, ``Python 3.9-3.12``: the
README, the HTML page and the JSON all take a cell's text from here, so they
always say the same thing; the verdicts come from the engine's outcomes.
"""

from __future__ import annotations

from collections.abc import Sequence

from statuscheck.findings.report import Outcome, Status
from statuscheck.matrix.cells import (
    RANK,
    CellStatus,
    CheckCell,
    CodeCell,
    check_cell,
    code_cell,
    registry_entry,
)
from statuscheck.matrix.model import Matrix, Row

__all__ = [
    "LEGEND",
    "LISTED",
    "SYMBOLS",
    "check_cell_text",
    "code_cell_text",
    "code_groups",
    "code_heading",
    "codes_text",
    "readable_rows",
    "registry_match_text",
    "row_name",
    "used_statuses",
]


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
    (
        "warn",
        "warning only: a temporary or obsoleted code missing, an empty description, "
        "an abbreviated name",
    ),
    ("expected", "deviates, as declared in the expectations file"),
    ("stale", "declared as deviating, but no longer does"),
    ("n/a", "does not apply: the table carries no phrases, descriptions, names or enum API"),
    ("error", "could not be imported or read"),
)


#: Statuses a check cell lists codes for, worst first.
LISTED: tuple[Status, ...] = ("stale", "fail", "warn", "expected")


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
    for status in LISTED:
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
        elif kind == "abbreviated-name" and isinstance(actual, list):
            labels.append("abbreviated " + ", ".join(str(name) for name in actual))
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


def registry_match_text(row: Row) -> str:
    """The registry states a row's table agrees with best: ``2018-07-02 … 2021-10-01 (4 …)``."""
    match = row.report.registry_match if row.report is not None else None
    return match.summary if match is not None else SYMBOLS["n/a"]


def row_name(matrix: Matrix, row: Row) -> str:
    """The row's label, plus its table when the library has several rows."""
    siblings = [other for other in matrix.rows if other.record_key == row.record_key]
    return row.label if len(siblings) == 1 else f"{row.label} ({row.impl})"


def code_groups(matrix: Matrix, code: int) -> list[tuple[CellStatus, str, list[str]]]:
    """Rows grouped by what they have for ``code``: ``[(status, text, [names])]``, worst last.

    Consecutive Pythons with the same answer read as one range (``Python 3.9-3.12``).
    A table that could not be read has nothing to say about any code: its error
    is shown once, in its summary row, rather than repeated for every code.
    """
    groups: dict[str, tuple[CellStatus, list[Row]]] = {}
    for row in readable_rows(matrix):
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


def readable_rows(matrix: Matrix) -> list[Row]:
    """The rows with a report: the ones the per-code views show."""
    return [row for row in matrix.rows if row.report is not None]


def used_statuses(matrix: Matrix) -> frozenset[CellStatus]:
    """The statuses some summary cell shows: the legend explains only those."""
    return frozenset(
        check_cell(row, check).status for row in matrix.rows for check in matrix.checks
    ) | {"pass"}
