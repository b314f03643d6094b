"""The conformance engine: one implementation in, one report of findings out.

Both the pytest suite and ``statuscheck check`` call
:func:`check_implementation` and only present its :class:`ConformanceReport`,
so the two can never disagree about what is wrong.
"""

from __future__ import annotations

import datetime
import hashlib
import types
from pathlib import Path

from statuscheck.checks.aliases import check_aliases
from statuscheck.checks.api import check_api
from statuscheck.checks.descriptions import check_descriptions
from statuscheck.checks.finding import CHECKS, Check, Finding
from statuscheck.checks.ordering import check_ordering
from statuscheck.checks.phrases import check_phrases
from statuscheck.checks.values import MissingPolicy, check_values, expected_codes
from statuscheck.findings.dating import date_table
from statuscheck.findings.deviations import Deviation
from statuscheck.findings.report import ConformanceReport, Coverage, SnapshotInfo
from statuscheck.registry.formats import load_document
from statuscheck.registry.history import load_history
from statuscheck.registry.model import Registry
from statuscheck.registry.snapshot import (
    load_provenance,
    load_snapshot,
    provenance_path_for,
    snapshot_path,
)
from statuscheck.tables.adapters import read_table
from statuscheck.tables.resolve import ImplementationError, load_table, resolve
from statuscheck.tables.table import StatusTable

__all__ = [
    "AUTO",
    "check_implementation",
    "known_aliases",
    "registry_and_info",
]

#: Use the aliases module known for the implementation, if any.
AUTO = "auto"

_KNOWN_ALIASES = {
    "http.HTTPStatus": "http.client",
    "statuscheck._httpstatus.HTTPStatus": "statuscheck.client",
}


def known_aliases(impl: object) -> str | None:
    """The constants module known to mirror ``impl`` (``http.HTTPStatus`` -> ``http.client``)."""
    if isinstance(impl, StatusTable):
        impl = impl.enum_class
    if isinstance(impl, type):
        return _KNOWN_ALIASES.get(f"{impl.__module__}.{impl.__qualname__}")
    return None


def check_implementation(
    impl: str | object,
    *,
    aliases: str | object | None = AUTO,
    snapshot: str | Path | None = None,
    deviations: tuple[Deviation, ...] = (),
    today: datetime.date | None = None,
    checks: tuple[Check, ...] = CHECKS,
    missing: MissingPolicy = "error",
    notes: tuple[str, ...] = (),
) -> ConformanceReport:
    """Check ``impl`` (an object, a table, or a path as ``--impl`` takes it) against the snapshot.

    ``missing`` is what a missing assigned code counts as; ``notes`` (about the
    declarations, say) join the report's header with the engine's own.

    Raises :class:`ImplementationError` when the implementation (or its
    aliases module) cannot be loaded or has no readable shape; anything wrong
    *inside* a readable table becomes a finding.
    """
    table = load_table(impl) if isinstance(impl, str) else read_table(impl, _label(impl))
    aliases_table, aliases_label = _aliases_table(table, aliases)
    registry, info = registry_and_info(snapshot)
    day = today if today is not None else datetime.date.today()
    findings: list[Finding] = []
    runners = {
        "values": lambda: check_values(table, registry, today=day, missing=missing),
        "phrases": lambda: check_phrases(table, registry),
        "descriptions": lambda: check_descriptions(table),
        "ordering": lambda: check_ordering(table, aliases_table),
        "aliases": lambda: check_aliases(table, registry, aliases_table),
        "api": lambda: check_api(table),
    }
    for check in checks:
        findings += runners[check]()
    return ConformanceReport(
        impl=table.label,
        shape=table.shape,
        aliases=aliases_label,
        snapshot=info,
        findings=tuple(findings),
        deviations=tuple(d for d in deviations if d.check in checks),
        checks=checks,
        subjects=_subjects(table, registry, aliases_table),
        language=table.language,
        location=table.location,
        registry_match=date_table(table, load_history()),
        coverage=_coverage(table, registry, day, missing),
        notes=(*notes, *_snapshot_notes(registry, day)),
    )


def _coverage(
    table: StatusTable, registry: Registry, day: datetime.date, missing: MissingPolicy
) -> Coverage:
    expected = expected_codes(registry, day)
    defined = set(table.codes())
    return Coverage(sum(code in defined for code in expected), len(expected), missing)


def _snapshot_notes(registry: Registry, day: datetime.date) -> tuple[str, ...]:
    """One line when a temporary registration of the snapshot has expired: the snapshot is stale.

    Tables are not faulted for lacking an expired code; the snapshot is what
    needs refreshing, so the report says so once rather than once per table.
    """
    expired = registry.expired_temporary(day)
    if not expired:
        return ()
    which = "; ".join(f"{entry.first} {entry.phrase} expired {entry.expires}" for entry in expired)
    return (
        f"the registry snapshot is out of date: its temporary registration {which} "
        f"(today is {day.isoformat()}), so tables may lack it",
    )


def _label(obj: object) -> str:
    if isinstance(obj, types.ModuleType):
        return obj.__name__
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None)
    if isinstance(module, str) and isinstance(name, str):
        return f"{module}.{name}"
    return f"<{type(obj).__name__} object>"


def _aliases_table(
    impl: object, aliases: str | object | None
) -> tuple[StatusTable | None, str | None]:
    if aliases == AUTO:
        aliases = known_aliases(impl)
    if aliases is None:
        return None, None
    obj, label = (
        (resolve(aliases), aliases) if isinstance(aliases, str) else (aliases, _label(aliases))
    )
    if not isinstance(obj, types.ModuleType):
        raise ImplementationError(f"aliases {label!r} must be a module, not a {type(obj).__name__}")
    return read_table(obj, label, entry_lines=False), label


def _subjects(
    table: StatusTable, registry: Registry, aliases: StatusTable | None
) -> dict[Check, tuple[int, ...]]:
    defined = tuple(code for code in table.codes() if 100 <= code <= 599)
    assigned = set(registry.assigned_codes())
    return {
        "values": tuple(sorted(set(defined) | assigned)),
        "phrases": tuple(c for c in defined if c in assigned) if table.carries_phrases else (),
        "descriptions": defined if table.carries_descriptions else (),
        "ordering": (),
        "aliases": defined if table.carries_names or aliases is not None else (),
        "api": defined if table.enum_class is not None else (),
    }


def registry_and_info(snapshot: str | Path | None) -> tuple[Registry, SnapshotInfo]:
    """The registry to check against and what to call it in reports.

    The pinned snapshot is CSV with a provenance sidecar; a ``--snapshot`` may
    be any format IANA publishes, dated by its sidecar or by the file itself.
    """
    if snapshot is None:
        path = snapshot_path()
        registry = load_snapshot()
        data = path.read_bytes()
        updated = None
    else:
        path = Path(snapshot)
        document = load_document(path)
        registry = document.registry
        data = path.read_bytes()
        updated = document.updated.isoformat() if document.updated else None
    sha256 = hashlib.sha256(data).hexdigest()
    if provenance_path_for(path).is_file():
        provenance = load_provenance(path)
        if provenance.sha256 == sha256:
            updated = provenance.registry_updated
    return registry, SnapshotInfo(str(path), sha256, updated)
