"""``refresh --write``: replace the pinned snapshot with the live registry, and say how.

The snapshot stays IANA's CSV and its provenance records where the bytes came
from and how they were made; the write itself is atomic
(:mod:`statuscheck.registry.snapshot_write`), and a failed write is reported
without hiding the drift that asked for it.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib

from statuscheck.refresh.report import RefreshOutcome, Report
from statuscheck.registry.errors import StatuscheckError
from statuscheck.registry.formats import RegistryDocument
from statuscheck.registry.snapshot import Provenance

__all__ = ["write_outcome"]


def write_outcome(
    outcome: RefreshOutcome, *, today: datetime.date, registry_updated: str | None = None
) -> Report:
    """``--write``: replace the snapshot when the live registry drifted from it.

    The snapshot stays IANA's CSV: a CSV is written byte for byte, an XML or
    XHTML registry as the CSV derived from it. Nothing is written for any
    other verdict. A failure to write is added to the report as an error
    message but keeps the verdict ``drift``.
    """
    from statuscheck.registry.snapshot_write import write_snapshot

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
    from statuscheck.registry.csv_codec import dump_csv

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
