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

import datetime
import time
from pathlib import Path
from typing import Callable

from statuscheck.refresh.fetch import DEFAULT_URL, fetch
from statuscheck.refresh.fetch_model import FetchOptions
from statuscheck.refresh.report import RefreshOutcome, Report, Side, Verdict, side_of
from statuscheck.registry.diff import compare, diff_registries
from statuscheck.registry.errors import StatuscheckError
from statuscheck.registry.formats import RegistryDocument, parse_document, read_registry_bytes
from statuscheck.registry.history import load_history
from statuscheck.registry.snapshot import Provenance, load_provenance, provenance_path_for

__all__ = ["compare_dates", "compare_files", "refresh", "snapshot_warnings"]


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
    snapshot_side = side_of(
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
    live_side = side_of(
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
        comparison.verdict,
        side_of(str(old), old_doc),
        side_of(str(new), new_doc),
        comparison.changes,
    )


def compare_dates(
    old: datetime.date, new: datetime.date, *, today: datetime.date | None = None
) -> Report:
    """``statuscheck diff DATE DATE``: the registry states in force on two days, from the
    shipped history. Raises :class:`HistoryRangeError` for a day the history does not cover."""
    history = load_history()
    old_registry = history.registry_on(old, today=today)
    new_registry = history.registry_on(new, today=today)
    old_state, new_state = history.date_in_force(old), history.date_in_force(new)
    changes = diff_registries(old_registry, new_registry)
    verdict: Verdict = "drift" if changes else "identical"
    same = (f"both days fall in the registry state of {old_state.isoformat()}",)
    return Report(
        verdict,
        _history_side(old, old_state),
        _history_side(new, new_state),
        changes,
        notes=same if old_state == new_state else (),
    )


def _history_side(day: datetime.date, state: datetime.date) -> Side:
    return Side(
        f"registry history: the state in force on {day.isoformat()}",
        registry_updated=state.isoformat(),
    )


def _provenance(snapshot: Path) -> Provenance | None:
    if not provenance_path_for(snapshot).exists():
        return None
    return load_provenance(snapshot)
