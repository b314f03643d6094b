"""The refresher's logic: compare the pinned snapshot with the live registry, report, maybe write.

This module decides; it prints nothing. :func:`refresh` turns a snapshot and
a source (a URL or a local file) into a :class:`Report` whose verdict is one
of ``identical``, ``equivalent``, ``not-modified``, ``drift`` or ``error``:
every failure to obtain or parse the live registry becomes ``error`` (exit
status 2), whatever raised it, so that a flaky network is never mistaken for
drift; and a drift is reported before anything else can go wrong (a failed
``--write`` does not turn it into an error).

Warnings about the snapshot itself (expired temporary registrations, a
provenance that does not describe the snapshot's bytes) are computed before
the live registry is fetched, so they are reported even when it cannot be.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import time
from pathlib import Path
from typing import Callable, Literal

from statuscheck._diff import Change, compare
from statuscheck._errors import StatuscheckError
from statuscheck._fetch import DEFAULT_URL, Fetched, FetchOptions, fetch
from statuscheck._formats import RegistryDocument, parse_document, read_registry_bytes
from statuscheck._snapshot import Provenance, load_provenance, provenance_path_for

__all__ = [
    "DEFAULT_URL",
    "RefreshOutcome",
    "Report",
    "Side",
    "Verdict",
    "compare_files",
    "refresh",
    "snapshot_warnings",
    "write_outcome",
]

Verdict = Literal["identical", "equivalent", "not-modified", "drift", "error"]

#: Exit status per verdict: 0 no drift, 1 drift, 2 could not tell.
EXIT_STATUS: dict[Verdict, int] = {
    "identical": 0,
    "equivalent": 0,
    "not-modified": 0,
    "drift": 1,
    "error": 2,
}


@dataclasses.dataclass(frozen=True)
class Side:
    """One of the two registries compared: where it came from and what it is."""

    source: str
    format: str | None = None
    sha256: str | None = None
    size: int | None = None
    registry_updated: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None

    def to_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Report:
    """What a refresh or a diff found; rendered by :mod:`statuscheck._report_refresh`."""

    verdict: Verdict
    snapshot: Side
    live: Side | None
    changes: tuple[Change, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    written: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def drift(self) -> bool | None:
        """Whether the registries differ; ``None`` when that could not be told."""
        return None if self.verdict == "error" else self.verdict == "drift"

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.verdict]

    def to_dict(self) -> dict[str, object]:
        return {
            "drift": self.drift,
            "verdict": self.verdict,
            "snapshot": self.snapshot.to_dict(),
            "live": self.live.to_dict() if self.live is not None else None,
            "changes": [change.to_dict() for change in self.changes],
            "warnings": list(self.warnings),
            "error": self.error,
            "written": list(self.written),
            "notes": list(self.notes),
        }


@dataclasses.dataclass(frozen=True)
class RefreshOutcome:
    """A report, and what ``--write`` needs to replace the snapshot."""

    report: Report
    snapshot_path: Path
    live: RegistryDocument | None = None
    live_bytes: bytes = b""
    fetched: Fetched | None = None
    source_url: str | None = None


def snapshot_warnings(
    document: RegistryDocument, today: datetime.date, *, label: str = "snapshot"
) -> tuple[str, ...]:
    """Temporary registrations that have expired on ``today``."""
    return tuple(
        f"{label}: temporary registration {entry.describe()} expired on "
        f"{entry.expires.isoformat()}; IANA may have extended or withdrawn it"
        for entry in document.registry.expired_temporary(today)
        if entry.expires is not None
    )


def refresh(
    snapshot: Path,
    *,
    url: str = DEFAULT_URL,
    file: Path | None = None,
    options: FetchOptions | None = None,
    today: datetime.date,
    sleep: Callable[[float], None] = time.sleep,
) -> RefreshOutcome:
    """Compare ``snapshot`` with the registry at ``url`` (or in ``file``).

    Raises :class:`StatuscheckError` only when the *snapshot* cannot be read;
    every problem with the live side is reported as verdict ``error``.
    """
    snapshot_bytes = read_registry_bytes(snapshot)
    snapshot_doc = parse_document(snapshot_bytes, source=str(snapshot))
    provenance = _provenance(snapshot)
    warnings = list(snapshot_warnings(snapshot_doc, today))
    describes = provenance is not None and provenance.matches(snapshot_bytes)
    if provenance is not None and not describes:
        warnings.append(
            f"{provenance_path_for(snapshot)} does not describe the bytes of {snapshot} "
            "(sha256 or size differ); no conditional request was made"
        )
    snapshot_side = _side(
        str(snapshot),
        snapshot_doc,
        registry_updated=provenance.registry_updated if provenance and describes else None,
    )
    source = str(file) if file is not None else url
    source_url = file.resolve().as_uri() if file is not None else url
    try:
        if file is not None:
            live_bytes = read_registry_bytes(file)
            fetched = None
        else:
            validators = (
                provenance
                if provenance is not None and describes and provenance.source_url == url
                else None
            )
            fetched = fetch(
                url,
                options=options,
                etag=validators.etag if validators else None,
                last_modified=validators.last_modified if validators else None,
                sleep=sleep,
            )
            live_bytes = fetched.body
            source = source_url = fetched.url
        if fetched is not None and fetched.not_modified:
            live_side = Side(source, http_status=304)
            report = Report("not-modified", snapshot_side, live_side, warnings=tuple(warnings))
            return RefreshOutcome(report, snapshot, fetched=fetched, source_url=source_url)
        live = parse_document(live_bytes, source=source)
    except StatuscheckError as error:
        report = Report("error", snapshot_side, None, warnings=tuple(warnings), error=str(error))
        return RefreshOutcome(report, snapshot)
    except Exception as error:  # anything else: still "could not tell", never drift
        problem = f"{source}: unexpected {type(error).__name__}: {error}"
        report = Report("error", snapshot_side, None, warnings=tuple(warnings), error=problem)
        return RefreshOutcome(report, snapshot)
    comparison = compare(snapshot_doc.registry, snapshot_bytes, live.registry, live_bytes)
    live_side = _side(
        source,
        live,
        http_status=fetched.status if fetched else None,
        etag=fetched.etag if fetched else None,
        last_modified=fetched.last_modified if fetched else None,
    )
    report = Report(
        comparison.verdict, snapshot_side, live_side, comparison.changes, tuple(warnings)
    )
    return RefreshOutcome(report, snapshot, live, live_bytes, fetched, source_url)


def compare_files(old: Path, new: Path) -> Report:
    """``statuscheck diff``: the same comparison between two local files of any format."""
    old_bytes, new_bytes = read_registry_bytes(old), read_registry_bytes(new)
    old_doc = parse_document(old_bytes, source=str(old))
    new_doc = parse_document(new_bytes, source=str(new))
    comparison = compare(old_doc.registry, old_bytes, new_doc.registry, new_bytes)
    return Report(
        comparison.verdict, _side(str(old), old_doc), _side(str(new), new_doc), comparison.changes
    )


def write_outcome(
    outcome: RefreshOutcome, *, today: datetime.date, registry_updated: str | None = None
) -> Report:
    """``--write``: replace the snapshot when the live registry drifted from it.

    The snapshot stays IANA's CSV: a CSV is written byte for byte, an XML or
    XHTML registry as the CSV derived from it. Nothing is written for any
    other verdict. A failure to write is added to the report as an error
    message but keeps the verdict ``drift``.
    """
    from statuscheck._snapshot_write import write_snapshot

    report = outcome.report
    if report.verdict != "drift" or outcome.live is None:
        note = "nothing written: " + (
            "the live registry could not be read"
            if report.verdict == "error"
            else "the snapshot already has the live registry's content"
        )
        return dataclasses.replace(report, notes=(*report.notes, note))
    if report.snapshot.format != "csv":
        return dataclasses.replace(
            report, error=f"refusing to write {outcome.snapshot_path}: the snapshot is not a CSV"
        )
    data, method = _snapshot_bytes(outcome)
    provenance = Provenance(
        source_url=outcome.source_url or "",
        registry_updated=_registry_updated(outcome.live, registry_updated),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        retrieved=today.isoformat(),
        method=method,
        etag=outcome.fetched.etag if outcome.fetched else None,
        last_modified=outcome.fetched.last_modified if outcome.fetched else None,
    )
    try:
        written = write_snapshot(outcome.snapshot_path, data, provenance)
    except StatuscheckError as error:
        return dataclasses.replace(report, error=str(error))
    return dataclasses.replace(
        report,
        written=tuple(str(path) for path in written),
        notes=(
            *report.notes,
            "the generated reference enum may now be stale: run `statuscheck generate`",
        ),
    )


def _snapshot_bytes(outcome: RefreshOutcome) -> tuple[bytes, str]:
    from statuscheck._csv_codec import dump_csv

    live = outcome.live
    assert live is not None
    how = (
        f"fetched by `statuscheck refresh` (HTTP {outcome.fetched.status})"
        if outcome.fetched
        else "read by `statuscheck refresh --file` from a local copy"
    )
    if live.format == "csv":
        return outcome.live_bytes, f"{how}; the CSV written byte for byte"
    data = dump_csv(live.registry)
    return data, (
        f"{how} as {live.format_name}; written as the CSV derived from it by statuscheck "
        "(xref text, else data upper-cased for rfc; LF line endings)"
    )


def _registry_updated(live: RegistryDocument, given: str | None) -> str:
    """The registry date to record: the file's own, else the one given, else ``unknown``.

    IANA's CSV states no date, and a date cannot be guessed: the snapshot's
    old date is certainly wrong for drifted content, and the retrieval date
    is not the registry's.
    """
    if live.updated is not None:
        return live.updated.isoformat()
    return given if given is not None else "unknown"


def _side(
    source: str,
    document: RegistryDocument,
    *,
    registry_updated: str | None = None,
    http_status: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Side:
    if registry_updated is None and document.updated is not None:
        registry_updated = document.updated.isoformat()
    return Side(
        source=source,
        format=document.format,
        sha256=document.sha256,
        size=document.size,
        registry_updated=registry_updated,
        http_status=http_status,
        etag=etag,
        last_modified=last_modified,
    )


def _provenance(snapshot: Path) -> Provenance | None:
    if not provenance_path_for(snapshot).exists():
        return None
    return load_provenance(snapshot)
