"""The ecosystem matrix as data: rows of reports, one per table of each implementation.

A row keeps the engine's :class:`~statuscheck.findings.report.ConformanceReport`
for its table, or the one-line error that kept the table from being read, so
a broken library shows as its own row instead of hiding the others. The views
(:mod:`statuscheck.matrix.cells`, the renderers in :mod:`statuscheck.reports`)
only arrange these rows.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re

from statuscheck.checks.finding import CHECKS, Check
from statuscheck.findings.report import (
    TABLE_CHECKS,
    ConformanceReport,
    Outcome,
    SnapshotInfo,
)
from statuscheck.registry.errors import StatuscheckError
from statuscheck.registry.model import Registry

__all__ = ["PYTHON", "STDLIB", "Implementation", "Matrix", "MatrixError", "Row", "by_language"]

#: The library name that stands for the running Python's standard library.
STDLIB = "stdlib"

#: The language of every table the harness imports.
PYTHON = "python"


class MatrixError(StatuscheckError):
    """An implementations list cannot be understood."""


@dataclasses.dataclass(frozen=True)
class Implementation:
    """A library and the tables of it the matrix checks.

    ``name`` is the distribution whose installed version labels the row
    (``starlette`` -> ``starlette 1.10.0``); :data:`STDLIB` means the running
    Python's standard library, versioned by the interpreter. ``tables`` are
    dotted paths as ``statuscheck check`` takes them. An implementation in
    another language has a ``command`` instead: an extractor that prints its
    table as a table document, whose ``implementation`` labels the row.
    """

    name: str
    tables: tuple[str, ...]
    note: str = ""
    command: tuple[str, ...] = ()
    #: The language of ``command``'s table, for its row when the command fails.
    language: str = PYTHON


@dataclasses.dataclass(frozen=True)
class Row:
    """One table of one implementation: its report, or why there is none."""

    library: str
    #: ``"1.10.0"`` for a distribution, ``"3.11"`` for the stdlib, ``""`` if unknown.
    version: str
    impl: str
    report: ConformanceReport | None
    error: str | None = None
    #: ``"python"``, or the language a table document names (``""`` if it names none).
    language: str = PYTHON

    @property
    def stdlib(self) -> bool:
        return self.library == STDLIB

    @property
    def label(self) -> str:
        """``Python 3.11``, ``starlette 1.10.0``, or the bare name when unversioned.

        A table from another language is labelled as its document labels it
        (``Go net/http 1.19.8``).
        """
        if self.language != PYTHON:
            return self.report.impl if self.report is not None else self.impl
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


def by_language(rows: list[Row]) -> list[Row]:
    """Python's rows first, then each other language's, alphabetically; stable within."""
    return sorted(rows, key=lambda row: (row.language != PYTHON, row.language))


@dataclasses.dataclass(frozen=True)
class Matrix:
    rows: tuple[Row, ...]
    registry: Registry
    snapshot: SnapshotInfo
    #: The day temporary registrations were judged on; ``None`` for recorded matrices.
    as_of: datetime.date | None = None
    checks: tuple[Check, ...] = CHECKS
    #: Implementations not checked, with why (a toolchain this machine lacks).
    skipped: tuple[str, ...] = ()

    @property
    def conformant(self) -> bool:
        """No row failed to load and none has failing or stale outcomes."""
        return all(row.report is not None and row.report.conformant for row in self.rows)
