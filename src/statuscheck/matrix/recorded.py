"""Reading records back: the matrix they describe, without importing any library.

The published matrix (README block, HTML page) for every Python and every
library is rendered from the checked-in records, so it can be built on one
machine with one Python; a malformed record or one made against another
snapshot is a one-line :class:`ExpectationsError`, never a wrong page.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from statuscheck.checks.finding import CHECKS, Check, Finding, JSONValue
from statuscheck.findings.dating import RegistryMatch
from statuscheck.findings.report import ConformanceReport, SnapshotInfo
from statuscheck.matrix.model import PYTHON, STDLIB, Implementation, Matrix, Row, by_language
from statuscheck.registry.errors import StatuscheckError

__all__ = [
    "IMPLEMENTATIONS_FILE",
    "ExpectationsError",
    "load_recorded",
    "read_record",
    "recorded_library",
]


#: The implementations list kept beside the records.
IMPLEMENTATIONS_FILE = "implementations.toml"


_SEVERITIES = ("error", "warning")


class ExpectationsError(StatuscheckError):
    """An expectations file is unreadable, malformed or recorded against another snapshot."""


def load_recorded(
    directory: Path,
    implementations: Sequence[Implementation] = (),
    only: Sequence[str] = (),
) -> Matrix:
    """The matrix the records in ``directory`` describe, without importing anything.

    Rows come stdlib first (oldest Python first), then in the order of
    ``implementations``, then the rest by name.
    """
    from statuscheck.findings.engine import registry_and_info

    registry, snapshot = registry_and_info(None)
    rows: list[Row] = []
    for path in sorted(directory.glob("*.toml")):
        if path.name == IMPLEMENTATIONS_FILE:
            continue
        rows += _rows(path, snapshot)
    if only:
        rows = [row for row in rows if row.library in only]
    order = {implementation.name: index for index, implementation in enumerate(implementations)}

    def sort_key(row: Row) -> tuple[int, tuple[int, ...], int, str]:
        if row.stdlib:
            return 0, tuple(int(part) for part in row.version.split(".")), 0, ""
        return 1, (), order.get(row.library, len(order)), row.library

    rows.sort(key=sort_key)  # stable: tables keep their recorded order
    return Matrix(tuple(by_language(rows)), registry, snapshot)


def _rows(path: Path, snapshot: SnapshotInfo) -> list[Row]:
    document = read_record(path)
    header = document.get("expectations")
    if not isinstance(header, dict):
        raise ExpectationsError(f"{path}: no [expectations] table")
    library, version = header.get("library"), header.get("version")
    language = header.get("language", PYTHON)
    if not isinstance(language, str):
        raise ExpectationsError(f"{path}: [expectations] language must be a string")
    if not isinstance(library, str) or not isinstance(version, str) or not library or not version:
        raise ExpectationsError(f"{path}: [expectations] needs library and version strings")
    if library == STDLIB and not re.match(r"^\d+\.\d+$", version):
        raise ExpectationsError(f"{path}: the stdlib's version must be MAJOR.MINOR")
    if header.get("snapshot_sha256") != snapshot.sha256:
        raise ExpectationsError(
            f"{path} was recorded against another registry snapshot "
            f"({str(header.get('snapshot_sha256'))[:12]}, not {snapshot.sha256[:12]}): "
            "regenerate it with statuscheck matrix --write-expectations"
        )
    tables = document.get("table", [])
    if not isinstance(tables, list):
        raise ExpectationsError(f"{path}: [[table]] must be an array of tables")
    rows = []
    for number, table in enumerate(tables, 1):
        where = f"{path}: table #{number}"
        try:
            report = _report(table, snapshot)
        except (KeyError, TypeError, ValueError) as error:
            raise ExpectationsError(f"{where} is malformed: {error}") from None
        report = dataclasses.replace(report, language=language)
        rows.append(Row(library, version, report.impl, report, language=language))
    return rows


def _report(table: dict[str, Any], snapshot: SnapshotInfo) -> ConformanceReport:
    impl, shape, aliases = table["impl"], table["shape"], table.get("aliases")
    if not isinstance(impl, str) or not isinstance(shape, str):
        raise TypeError("impl and shape must be strings")
    if aliases is not None and not isinstance(aliases, str):
        raise TypeError("aliases must be a string")
    subjects: dict[Check, tuple[int, ...]] = {}
    raw_subjects = table["subjects"]
    for check in CHECKS:
        text = raw_subjects[check]
        if not isinstance(text, str):
            raise TypeError(f"subjects.{check} must be a string of codes")
        subjects[check] = _parse_ranges(text)
    findings = tuple(_parse_finding(item) for item in table["findings"])
    since = table.get("registry_from")
    match = (
        RegistryMatch.from_json(
            {
                "from": since,
                "until": table.get("registry_until"),
                "disagreements": table.get("registry_disagreements"),
            }
        )
        if since is not None
        else None
    )
    return ConformanceReport(
        impl=impl,
        shape=shape,
        aliases=aliases,
        snapshot=snapshot,
        findings=findings,
        subjects=subjects,
        registry_match=match,
    )


def _parse_ranges(text: str) -> tuple[int, ...]:
    codes: list[int] = []
    for part in filter(None, (part.strip() for part in text.split(","))):
        first, _, last = part.partition("-")
        codes += range(int(first), int(last or first) + 1)
    return tuple(codes)


def _parse_finding(item: object) -> Finding:
    if not isinstance(item, dict):
        raise TypeError("a finding must be an inline table")
    check, severity = item["check"], item["severity"]
    if check not in CHECKS or severity not in _SEVERITIES:
        raise ValueError(f"unknown check {check!r} or severity {severity!r}")
    kind, message = item["kind"], item["message"]
    if not isinstance(kind, str) or not isinstance(message, str):
        raise TypeError("kind and message must be strings")
    code = item.get("code")
    values: dict[str, JSONValue] = {}
    for name in ("expected", "actual"):
        if f"{name}_json" in item:
            values[name] = json.loads(item[f"{name}_json"])
        else:
            values[name] = _json_value(item.get(name))
    return Finding(
        check=check,
        code=None if code is None else int(code),
        severity=severity,
        kind=kind,
        message=message,
        expected=values["expected"],
        actual=values["actual"],
    )


def _json_value(value: object) -> JSONValue:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    raise TypeError(f"unexpected value {value!r}")


def read_record(path: Path) -> dict[str, Any]:
    from statuscheck.findings.deviations import read_toml

    try:
        return read_toml(path)
    except StatuscheckError as error:
        raise ExpectationsError(str(error)) from None


def recorded_library(path: Path) -> str | None:
    """The library a record is of, or ``None`` when the file is not a readable record."""
    try:
        document = read_record(path)
    except ExpectationsError:
        return None
    table = document.get("expectations")
    library = table.get("library") if isinstance(table, dict) else None
    return library if isinstance(library, str) else None
