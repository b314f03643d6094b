"""The ecosystem matrix as data: many implementations, one engine, one result each.

The matrix must say exactly what ``statuscheck check`` says about every table
in it, so it calls :func:`~statuscheck._engine.check_implementation` once per
table and keeps the :class:`~statuscheck._engine.ConformanceReport`; the
views below (implementations x checks, codes x implementations) only arrange
those reports' outcomes and never judge anything themselves. A table that
cannot be imported or read becomes a row carrying the error, so one broken
library never hides the others. Renderers live in ``_report_matrix`` and
``_matrix_html``; recorded rows (the checked-in expectations) in
``_expectations``.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import importlib.metadata
import importlib.util
import re
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path
from typing import Callable, Literal

from statuscheck._deviations import Deviation
from statuscheck._engine import TABLE_CHECKS, ConformanceReport, Outcome, SnapshotInfo, Status
from statuscheck._errors import StatuscheckError
from statuscheck._findings import CHECKS, Check
from statuscheck._model import Entry, Registry
from statuscheck._resolve import ImplementationError

__all__ = [
    "HEADLINE_CHECKS",
    "PER_CODE_CHECKS",
    "RANK",
    "STDLIB",
    "CellStatus",
    "CheckCell",
    "CodeCell",
    "Declared",
    "Implementation",
    "Matrix",
    "MatrixError",
    "Row",
    "adhoc_implementation",
    "build_matrix",
    "check_cell",
    "code_cell",
    "deviating_codes",
    "headline_codes",
    "load_implementations",
    "registry_entry",
    "worst",
]

#: The library name that stands for the running Python's standard library.
STDLIB = "stdlib"

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
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class MatrixError(StatuscheckError):
    """An implementations list cannot be understood."""


@dataclasses.dataclass(frozen=True)
class Implementation:
    """A library and the tables of it the matrix checks.

    ``name`` is the distribution whose installed version labels the row
    (``starlette`` -> ``starlette 1.10.0``); :data:`STDLIB` means the running
    Python's standard library, versioned by the interpreter. ``tables`` are
    dotted paths as ``statuscheck check`` takes them.
    """

    name: str
    tables: tuple[str, ...]
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Row:
    """One table of one implementation: its report, or why there is none."""

    library: str
    #: ``"1.10.0"`` for a distribution, ``"3.11"`` for the stdlib, ``""`` if unknown.
    version: str
    impl: str
    report: ConformanceReport | None
    error: str | None = None

    @property
    def stdlib(self) -> bool:
        return self.library == STDLIB

    @property
    def label(self) -> str:
        """``Python 3.11``, ``starlette 1.10.0``, or the bare name when unversioned."""
        if self.stdlib:
            return f"Python {self.version}" if self.version else "Python"
        return f"{self.library} {self.version}" if self.version else self.library

    @property
    def record_key(self) -> str:
        """The expectations file stem: ``stdlib-py3.11``, ``starlette-1.10.0``."""
        version = f"py{self.version}" if self.stdlib else self.version
        stem = f"{self.library}-{version}" if version else self.library
        return re.sub(r"[^A-Za-z0-9._-]+", "_", stem)

    def applies(self, check: Check) -> bool:
        """Whether ``check`` had anything to judge in this table."""
        if self.report is None:
            return False
        return (
            check in TABLE_CHECKS
            or bool(self.report.subjects.get(check))
            or bool(self.outcomes(check))
        )

    def outcomes(self, check: Check | None = None) -> tuple[Outcome, ...]:
        """Non-passing outcomes, optionally of one check."""
        return tuple(o for o in self._outcomes if check is None or o.check == check)

    @functools.cached_property
    def _outcomes(self) -> tuple[Outcome, ...]:
        return tuple(self.report.outcomes()) if self.report is not None else ()

    @functools.cached_property
    def defined(self) -> frozenset[int]:
        """Codes in 100-599 the table defines (what the values check looked at, minus misses)."""
        if self.report is None:
            return frozenset()
        missing = {
            f.code for f in self.report.findings if f.check == "values" and f.kind == "missing-code"
        }
        return frozenset(c for c in self.report.subjects.get("values", ()) if c not in missing)


@dataclasses.dataclass(frozen=True)
class Matrix:
    rows: tuple[Row, ...]
    registry: Registry
    snapshot: SnapshotInfo
    #: The day temporary registrations were judged on; ``None`` for recorded matrices.
    as_of: datetime.date | None = None
    checks: tuple[Check, ...] = CHECKS

    @property
    def conformant(self) -> bool:
        """No row failed to load and none has failing or stale outcomes."""
        return all(row.report is not None and row.report.conformant for row in self.rows)


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


# -- building ---------------------------------------------------------------------------------

#: A row's declared deviations (read from its expectations file).
Declared = Callable[[Row], "tuple[Deviation, ...]"]
Progress = Callable[[int, int, str], None]


def build_matrix(
    implementations: Sequence[Implementation],
    *,
    declared: Declared | None = None,
    today: datetime.date | None = None,
    snapshot: str | Path | None = None,
    progress: Progress | None = None,
) -> Matrix:
    """Check every table of every implementation, in this process, in order.

    ``declared`` gives a row's declared deviations (from its expectations
    file); ``progress(done, total, impl)`` is called before each table.
    """
    from statuscheck._engine import check_implementation, registry_and_info

    day = today if today is not None else datetime.date.today()
    total = sum(len(implementation.tables) for implementation in implementations)
    rows: list[Row] = []
    for implementation in implementations:
        version = _version(implementation.name)
        for impl in implementation.tables:
            if progress is not None:
                progress(len(rows), total, impl)
            row = Row(implementation.name, version, impl, None)
            deviations = declared(row) if declared is not None else ()
            try:
                report = check_implementation(
                    impl, deviations=deviations, today=day, snapshot=snapshot
                )
            except ImplementationError as error:
                rows.append(dataclasses.replace(row, error=str(error)))
            except Exception as error:  # third-party code: one broken table must not stop the rest
                rows.append(
                    dataclasses.replace(
                        row, error=f"checking {impl!r} raised {type(error).__name__}: {error}"
                    )
                )
            else:
                rows.append(dataclasses.replace(row, report=report))
    if progress is not None:
        progress(total, total, "")
    registry, info = registry_and_info(snapshot)
    return Matrix(tuple(rows), registry, info, as_of=day)


def _version(name: str) -> str:
    if name == STDLIB:
        return f"{sys.version_info.major}.{sys.version_info.minor}"
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return ""


# -- the list of implementations ------------------------------------------------------------


def adhoc_implementation(impl: str) -> Implementation:
    """An implementation for a bare dotted path given on the command line.

    It is named after the distribution that provides its top-level package
    (so ``starlette.status`` finds ``starlette-1.10.0.toml``), :data:`STDLIB`
    for the standard library, or the path itself when neither applies.
    """
    top = re.split(r"[.:]", impl, maxsplit=1)[0]
    if _in_stdlib(top):
        return Implementation(STDLIB, (impl,))
    distribution = _distribution_of(top)
    return Implementation(distribution or impl, (impl,))


def _in_stdlib(top: str) -> bool:
    names: frozenset[str] | None = getattr(sys, "stdlib_module_names", None)
    if names is not None:
        return top in names
    try:  # Python 3.9: ask where the module lives, without importing it
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.origin is None:
        return False
    if spec.origin in ("built-in", "frozen"):
        return True
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    origin = Path(spec.origin).resolve()
    return stdlib in origin.parents and "site-packages" not in origin.parts


def _distribution_of(top: str) -> str | None:
    try:
        importlib.metadata.distribution(top)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        pass
    else:
        return top.lower()
    mapping = getattr(importlib.metadata, "packages_distributions", None)
    if mapping is None:  # Python 3.9
        return None
    names: list[str] = mapping().get(top, [])
    return names[0].lower() if len(names) == 1 else None


def load_implementations(path: Path) -> tuple[Implementation, ...]:
    """Read an implementations list: ``[[implementation]]`` tables of name, tables, note."""
    from statuscheck._deviations import read_toml

    try:
        document = read_toml(path)
    except StatuscheckError as error:
        raise MatrixError(str(error)) from None
    raw = document.get("implementation")
    if not isinstance(raw, list) or not raw:
        raise MatrixError(f"{path}: needs [[implementation]] tables with a name and tables")
    found: list[Implementation] = []
    for number, item in enumerate(raw, 1):
        where = f"{path}: implementation #{number}"
        if not isinstance(item, dict):
            raise MatrixError(f"{where} is not a table")
        name, tables, note = item.get("name"), item.get("tables"), item.get("note", "")
        if not isinstance(name, str) or not _NAME.match(name):
            raise MatrixError(f"{where}: name must be a distribution name or {STDLIB!r}")
        if (
            not isinstance(tables, list)
            or not tables
            or not all(isinstance(t, str) and t for t in tables)
        ):
            raise MatrixError(f"{where} ({name}): tables must be a non-empty list of dotted paths")
        if not isinstance(note, str):
            raise MatrixError(f"{where} ({name}): note must be a string")
        unknown = set(item) - {"name", "tables", "note"}
        if unknown:
            raise MatrixError(f"{where} ({name}): unknown key(s) {', '.join(sorted(unknown))}")
        found.append(Implementation(name, tuple(tables), note.strip()))
    names = [implementation.name for implementation in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise MatrixError(f"{path}: {', '.join(duplicates)} listed more than once")
    return tuple(found)
