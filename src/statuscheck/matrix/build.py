"""Building the matrix: every table of every implementation through the one engine.

The matrix must say exactly what ``statuscheck check`` says about each table,
so it calls :func:`~statuscheck.findings.engine.check_implementation` once per
table; a table that cannot be imported or read becomes a row carrying the
error, so one broken library never hides the others.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Callable

from statuscheck.findings.deviations import Deviation
from statuscheck.matrix.implementations import installed_version
from statuscheck.matrix.model import Implementation, Matrix, Row, by_language
from statuscheck.tables.extractors import ToolchainMissing, run_extractor, toolchains_required
from statuscheck.tables.resolve import ImplementationError

__all__ = ["Declared", "Progress", "build_matrix"]


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
    from statuscheck.findings.engine import check_implementation, registry_and_info

    day = today if today is not None else datetime.date.today()
    total = sum(len(i.tables) + bool(i.command) for i in implementations)
    rows: list[Row] = []
    skipped: list[str] = []
    for implementation in implementations:
        if implementation.command:
            if progress is not None:
                progress(len(rows), total, " ".join(implementation.command))
            try:
                rows.append(_extracted_row(implementation, declared, day, snapshot))
            except ToolchainMissing as missing:
                if toolchains_required():
                    rows.append(_failed_extraction(implementation, str(missing)))
                else:
                    skipped.append(f"{implementation.name}: {missing}")
            continue
        version = installed_version(implementation.name)
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
                rows.append(dataclasses.replace(row, report=report, language=report.language))
    if progress is not None:
        progress(total, total, "")
    registry, info = registry_and_info(snapshot)
    return Matrix(tuple(by_language(rows)), registry, info, as_of=day, skipped=tuple(skipped))


_VERSION = re.compile(r"\bv?(\d+(?:\.\d+)+)$")


def _extracted_row(
    implementation: Implementation,
    declared: Declared | None,
    today: datetime.date,
    snapshot: str | Path | None,
) -> Row:
    """The row of a table another language prints: labelled and versioned by its document."""
    from statuscheck.findings.engine import check_implementation

    try:
        table = run_extractor(implementation.command)
    except ToolchainMissing:
        raise
    except ImplementationError as error:
        return _failed_extraction(implementation, str(error))
    version = _VERSION.search(table.label)
    row = Row(
        implementation.name,
        version[1] if version else "",
        table.label,
        None,
        language=table.language or implementation.language,
    )
    deviations = declared(row) if declared is not None else ()
    report = check_implementation(table, deviations=deviations, today=today, snapshot=snapshot)
    return dataclasses.replace(row, report=report)


def _failed_extraction(implementation: Implementation, error: str) -> Row:
    command = " ".join(implementation.command)
    return Row(implementation.name, "", command, None, error, implementation.language)
