"""Writing a fixed source file: all or nothing, and never over someone else's edit.

The new bytes go to a flushed temporary file beside the target, with its
mode bits, and are renamed over it only if the file still holds the bytes
the fix was computed from; otherwise the fix would silently undo an edit
made in the meantime.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from statuscheck.fixes.locate import FixError

__all__ = ["write_fixed"]


def write_fixed(path: Path, original: bytes, fixed: bytes) -> None:
    """Replace ``path``'s ``original`` bytes with ``fixed``; :class:`FixError` if they changed."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FixError(f"cannot write {path}: {error.strerror or error}") from None
    staged = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(fixed)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(staged, mode)
        if path.read_bytes() != original:
            raise FixError(f"refusing to write {path}: it changed since it was read; run fix again")
        os.replace(staged, path)
    except OSError as error:
        raise FixError(
            f"cannot write {path}: {error.strerror or error}; it was left as it was"
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
