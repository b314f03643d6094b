"""Expectations files: what each implementation and version is recorded to do, checked in.

One TOML file per implementation and version (``stdlib-py3.11.toml``,
``starlette-1.10.0.toml``) holds two things made from the same run:

* ``[deviations."<table>"]``: every finding's ``check:code`` with its message as
  the reason, in the format ``--deviations-file`` already reads, so
  ``pytest conformance`` turns them into strict xfails: tox goes red when a
  library gains a deviation *or* loses one (warnings included, so a library
  adding 104 is noticed too);
* ``[[table]]``: the whole report (shape, findings, what each check looked
  at), so the published matrix (README, HTML page) for every Python and every
  library can be rendered anywhere from records that CI keeps true.

Files are generated, byte for byte deterministic, and compared byte for byte
(``statuscheck matrix --check-expectations``), so a record can never drift from
what the library does.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from statuscheck.findings.deviations import (
    Deviation,
    load_deviations_file,
)
from statuscheck.matrix.build import Declared
from statuscheck.matrix.model import STDLIB, Implementation, Matrix, Row
from statuscheck.matrix.record_text import record_text
from statuscheck.matrix.recorded import recorded_library
from statuscheck.registry.files import write_text

__all__ = ["check_expectations", "declared_from", "write_expectations"]


def declared_from(directory: Path) -> Declared:
    """A ``declared`` callback for :func:`build_matrix`: a row's deviations from its record."""

    def declared(row: Row) -> tuple[Deviation, ...]:
        path = directory / f"{row.record_key}.toml"
        if not row.version or not path.is_file():
            return ()
        return load_deviations_file(path, impl=row.impl)

    return declared


def _groups(matrix: Matrix) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in matrix.rows:
        groups.setdefault(row.record_key, []).append(row)
    return groups


def _expected_files(
    matrix: Matrix, notes: dict[str, str]
) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """``({file name: text}, problems, {file name: library})`` for every recordable group."""
    texts: dict[str, str] = {}
    problems: list[str] = []
    libraries: dict[str, str] = {}
    for key, rows in _groups(matrix).items():
        failed = [row for row in rows if row.report is None]
        if failed:
            problems += [f"cannot record {row.impl}: {row.error}" for row in failed]
            continue
        if not rows[0].version:
            problems.append(f"cannot record {rows[0].impl}: its version is unknown")
            continue
        name = f"{key}.toml"
        texts[name] = record_text(rows, matrix.snapshot, notes.get(rows[0].library, ""))
        libraries[name] = rows[0].library
    return texts, problems, libraries


def write_expectations(
    matrix: Matrix, directory: Path, implementations: Sequence[Implementation] = ()
) -> tuple[list[Path], list[str]]:
    """Write each implementation's record; ``(written paths, problems)``.

    A library's records for other versions are removed (the env pins one
    version); the stdlib keeps one record per Python.
    """
    notes = {implementation.name: implementation.note for implementation in implementations}
    texts, problems, libraries = _expected_files(matrix, notes)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        library = libraries[name]
        if library != STDLIB:
            for old in directory.glob(f"{library}-*.toml"):
                if old.name != name and recorded_library(old) == library:
                    old.unlink()
        path = directory / name
        write_text(path, text)
        written.append(path)
    return written, problems


def check_expectations(
    matrix: Matrix, directory: Path, implementations: Sequence[Implementation] = ()
) -> list[str]:
    """What differs between the records and this run (empty: every record is up to date)."""
    notes = {implementation.name: implementation.note for implementation in implementations}
    texts, problems, _ = _expected_files(matrix, notes)
    for name, text in texts.items():
        path = directory / name
        if not path.is_file():
            problems.append(f"{path} is missing: this run records {name[:-5]}")
            continue
        recorded = path.read_text(encoding="utf-8")
        if recorded != text:
            diff = difflib.unified_diff(
                recorded.splitlines(),
                text.splitlines(),
                f"{path} (recorded)",
                "this run",
                lineterm="",
            )
            problems.append(f"{path} is out of date:\n" + "\n".join(list(diff)[:60]))
    return problems
