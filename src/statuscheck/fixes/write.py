"""Writing a fixed source file: all or nothing, and never over someone else's edit.

The new bytes go to a flushed temporary file beside the target, with its
mode bits, and are renamed over it only if the file still holds the bytes
the fix was computed from; otherwise the fix would silently undo an edit
made in the meantime.

A fixed Python source also loses its cached bytecode: Python trusts a
``.pyc`` whose recorded source size and modification second still match,
and a fix that swaps ``'Payload Too Large'`` for ``'Content Too Large'``
keeps the size, so a check run within the same second would otherwise still
see the old table.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from pathlib import Path

from statuscheck.fixes.locate import FixError
from statuscheck.registry.files import write_bytes_atomically

__all__ = ["write_fixed"]


def write_fixed(path: Path, original: bytes, fixed: bytes) -> None:
    """Replace ``path``'s ``original`` bytes with ``fixed``; :class:`FixError` if they changed."""

    def unchanged() -> None:
        if path.read_bytes() != original:
            raise FixError(f"refusing to write {path}: it changed since it was read; run fix again")

    try:
        write_bytes_atomically(path, fixed, before_replace=unchanged)
    except OSError as error:
        raise FixError(
            f"cannot write {path}: {error.strerror or error}; it was left as it was"
        ) from None
    if path.suffix == ".py":
        _forget_bytecode(path)


def _forget_bytecode(source: Path) -> None:
    with contextlib.suppress(OSError, NotImplementedError, ValueError):
        os.unlink(importlib.util.cache_from_source(str(source)))
