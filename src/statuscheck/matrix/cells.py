"""The matrix's two views as data: implementation x check cells and code x implementation cells.

A cell only arranges outcomes the engine already judged: its status is the
worst of them, so every renderer (markdown, JSON, HTML) colours a cell the
same way and none of them judges anything itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Literal

from statuscheck.checks.finding import CHECKS, Check
from statuscheck.findings.report import (
    Outcome,
    Status,
)
from statuscheck.matrix.model import Matrix, Row
from statuscheck.registry.model import Entry

__all__ = [
    "HEADLINE_CHECKS",
    "PER_CODE_CHECKS",
    "RANK",
    "CellStatus",
    "CheckCell",
    "CodeCell",
    "check_cell",
    "code_cell",
    "deviating_codes",
    "headline_codes",
    "registry_entry",
    "worst",
]


#: Checks whose verdicts belong to a code (ordering judges positions, not codes).
PER_CODE_CHECKS: tuple[Check, ...] = tuple(check for check in CHECKS if check != "ordering")


#: Checks about what a table says for a code: which codes make the headlines.
HEADLINE_CHECKS: tuple[Check, ...] = ("values", "phrases", "aliases")


CellStatus = Literal["pass", "fail", "warn", "expected", "stale", "n/a", "error"]


#: How bad a status is, for picking the one a cell shows and ordering groups.
RANK: dict[CellStatus, int] = {
    "n/a": 0,
    "pass": 1,
    "expected": 2,
    "warn": 3,
    "fail": 4,
    "stale": 5,
    "error": 6,
}


@dataclasses.dataclass(frozen=True)
class CheckCell:
    """One row x one check: the worst status and the outcomes behind it."""

    status: CellStatus
    outcomes: tuple[Outcome, ...] = ()

    def codes(self, status: Status) -> tuple[int, ...]:
        return tuple(o.code for o in self.outcomes if o.status == status and o.code is not None)


@dataclasses.dataclass(frozen=True)
class CodeCell:
    """One row x one code: whether the table defines it and every verdict on it."""

    status: CellStatus
    defined: bool
    outcomes: tuple[Outcome, ...] = ()


def worst(statuses: Sequence[CellStatus], default: CellStatus = "pass") -> CellStatus:
    return max(statuses, key=RANK.__getitem__, default=default)


def check_cell(row: Row, check: Check) -> CheckCell:
    if row.report is None:
        return CheckCell("error")
    if not row.applies(check):
        return CheckCell("n/a")
    outcomes = row.outcomes(check)
    return CheckCell(worst([o.status for o in outcomes]), outcomes)


def code_cell(row: Row, code: int) -> CodeCell:
    if row.report is None:
        return CodeCell("error", defined=False)
    outcomes = tuple(o for o in row.outcomes() if o.code == code and o.check in PER_CODE_CHECKS)
    defined = code in row.defined or any(
        f.kind == "out-of-range" for o in outcomes for f in o.findings
    )
    return CodeCell(worst([o.status for o in outcomes]), defined, outcomes)


def deviating_codes(matrix: Matrix) -> tuple[int, ...]:
    """Every code some row has a per-code verdict other than pass on, ascending."""
    codes = {
        o.code
        for row in matrix.rows
        for o in row.outcomes()
        if o.code is not None and o.check in PER_CODE_CHECKS
    }
    return tuple(sorted(codes))


def headline_codes(matrix: Matrix) -> tuple[int, ...]:
    """Codes in 100-599 whose value, phrase or name two or more implementations get wrong.

    With a single implementation in the matrix, every code it gets wrong.
    """
    libraries: dict[int, set[str]] = {}
    for row in matrix.rows:
        for outcome in row.outcomes():
            code = outcome.code
            if code is not None and 100 <= code <= 599 and outcome.check in HEADLINE_CHECKS:
                libraries.setdefault(code, set()).add(row.library)
    needed = min(2, len({row.library for row in matrix.rows if row.report is not None}))
    return tuple(sorted(code for code, names in libraries.items() if len(names) >= needed))


def registry_entry(matrix: Matrix, code: int) -> Entry | None:
    """The registry row for ``code``; ``None`` outside 100-599."""
    return matrix.registry.entry(code) if 100 <= code <= 599 else None
