"""What a refresh or a diff found, as data: the verdict, both sides, the changes.

The verdict decides the exit status (0 no drift, 1 drift, 2 could not tell);
the renderers in :mod:`statuscheck.reports.refresh` present it and the CLI
only prints them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Literal

from statuscheck.refresh.fetch_model import Fetched
from statuscheck.registry.diff import Change
from statuscheck.registry.formats import RegistryDocument

__all__ = ["EXIT_STATUS", "RefreshOutcome", "Report", "Side", "Verdict", "side_of"]


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
    """What a refresh or a diff found; rendered by :mod:`statuscheck.reports.refresh`."""

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


def side_of(
    source: str,
    document: RegistryDocument,
    *,
    registry_updated: str | None = None,
    http_status: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Side:
    """The side a parsed registry document makes; the document's own date unless one is given."""
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
