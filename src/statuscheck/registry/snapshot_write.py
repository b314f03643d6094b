"""Replacing the pinned snapshot and its provenance, all or nothing.

A refresh that fails -- a bad body, a full disk, an interrupt -- must leave
the old snapshot exactly as it was. So the new bytes are validated first (they
must parse back to a valid registry and match the provenance that describes
them), both files are written to temporary files beside their targets and
flushed to disk, and only then renamed over the old ones. Should the second
rename fail, the first is rolled back; should the process die between the
two, the provenance no longer matches the snapshot's bytes, which
:meth:`Provenance.matches` detects and the refresher reports.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from statuscheck.registry.csv_codec import parse_csv
from statuscheck.registry.errors import RegistryError, StatuscheckError
from statuscheck.registry.files import stage
from statuscheck.registry.snapshot import Provenance, provenance_path_for

__all__ = ["SnapshotWriteError", "write_snapshot"]


class SnapshotWriteError(StatuscheckError):
    """The snapshot could not be replaced; the old one is still in place."""


def write_snapshot(snapshot: Path, data: bytes, provenance: Provenance) -> tuple[Path, Path]:
    """Replace ``snapshot`` with ``data`` and its sidecar with ``provenance``; return both paths."""
    sidecar = provenance_path_for(snapshot)
    try:
        parse_csv(data, source=f"new contents of {snapshot}")
    except RegistryError as error:
        raise SnapshotWriteError(f"refusing to write {snapshot}: {error}") from None
    if not provenance.matches(data):
        raise SnapshotWriteError(
            f"refusing to write {snapshot}: the provenance does not describe the new bytes"
        )
    old_snapshot = _read_if_present(snapshot)
    staged: list[Path] = []
    try:
        staged.append(stage(snapshot, data))
        staged.append(stage(sidecar, provenance.to_json().encode("utf-8")))
        os.replace(staged[0], snapshot)
        try:
            os.replace(staged[1], sidecar)
        except OSError:
            _restore(snapshot, old_snapshot)
            raise
        _sync_directory(snapshot.parent)
    except OSError as error:
        raise SnapshotWriteError(
            f"cannot write {error.filename or snapshot}: {error.strerror or error}; "
            f"{snapshot} was left as it was"
        ) from None
    finally:
        for path in staged:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return snapshot, sidecar


def _restore(snapshot: Path, old: bytes | None) -> None:
    """Put the previous snapshot back after a half-done replacement (best effort)."""
    if old is None:
        with contextlib.suppress(OSError):
            snapshot.unlink()
        return
    with contextlib.suppress(OSError):
        os.replace(stage(snapshot, old), snapshot)


def _read_if_present(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SnapshotWriteError(f"cannot read {path}: {error.strerror}") from None


def _sync_directory(directory: Path) -> None:
    """Make the renames durable where the platform allows it (POSIX)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
