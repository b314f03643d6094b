"""The pinned snapshot of the registry and the record of where it came from.

The snapshot is IANA's CSV byte for byte; its provenance sits beside it in a
JSON sidecar (``iana_snapshot.json``). In a wheel both live in
``statuscheck/_data``; in a source checkout they are read from ``fixtures/``,
the single copy the repository keeps.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from statuscheck.registry.csv_codec import parse_csv
from statuscheck.registry.errors import RegistryError
from statuscheck.registry.model import Registry

__all__ = [
    "Provenance",
    "is_packaged",
    "load_provenance",
    "load_snapshot",
    "provenance_path_for",
    "snapshot_path",
]

SNAPSHOT_NAME = "iana_snapshot.csv"


@dataclasses.dataclass(frozen=True)
class Provenance:
    """Where the snapshot's bytes came from and how to recognise them."""

    source_url: str
    registry_updated: str
    sha256: str
    size: int
    retrieved: str
    method: str
    etag: str | None = None
    last_modified: str | None = None

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, *, source: str) -> Provenance:
        try:
            raw: Any = json.loads(text)
        except ValueError as error:
            raise RegistryError(f"provenance is not valid JSON: {error}", source=source) from None
        fields = {field.name for field in dataclasses.fields(cls)}
        if not isinstance(raw, dict) or not set(raw) <= fields:
            raise RegistryError(
                f"provenance must be an object with keys {sorted(fields)}", source=source
            )
        try:
            return cls(**raw)
        except TypeError as error:
            raise RegistryError(f"provenance is incomplete: {error}", source=source) from None

    def matches(self, data: bytes) -> bool:
        return hashlib.sha256(data).hexdigest() == self.sha256 and len(data) == self.size


def snapshot_path() -> Path:
    """The pinned snapshot: package data when installed, ``fixtures/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_data" / SNAPSHOT_NAME
    if packaged.is_file():
        return packaged
    return package.parents[1] / "fixtures" / SNAPSHOT_NAME


def is_packaged(snapshot: Path) -> bool:
    """Whether ``snapshot`` is the copy inside an installed wheel (never to be rewritten)."""
    return snapshot.parent.name == "_data" and snapshot.parent.parent.name == "statuscheck"


def provenance_path_for(snapshot: Path) -> Path:
    return snapshot.with_suffix(".json")


@functools.cache
def _load(path: Path) -> Registry:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RegistryError(f"cannot read: {error.strerror}", source=str(path)) from None
    return parse_csv(data, source=str(path))


def load_snapshot(path: str | Path | None = None) -> Registry:
    """The registry in ``path``, by default the pinned snapshot (parsed once)."""
    return _load(Path(path) if path is not None else snapshot_path())


def load_provenance(snapshot: str | Path | None = None) -> Provenance:
    """The provenance recorded beside a snapshot (by default the pinned one)."""
    path = provenance_path_for(Path(snapshot) if snapshot is not None else snapshot_path())
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegistryError(f"cannot read: {error.strerror}", source=str(path)) from None
    return Provenance.from_json(text, source=str(path))
