"""Writing files: UTF-8 with LF line endings, and atomically where a reader may be looking.

``Path.write_text`` takes no ``newline`` before Python 3.10, and without it
Windows would write CRLF, so every generated file (enum module, expectations,
reports, README block) goes through here and stays byte-identical across machines.

Every file a user keeps (the snapshot, an export, a fixed source) is replaced
all or nothing: the new bytes go to a flushed temporary file beside the
target, with the target's mode, and are renamed over it, so an interrupt or a
full disk leaves the old file exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

__all__ = ["stage", "write_bytes_atomically", "write_text", "write_text_atomically"]


def write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def write_text_atomically(path: Path, text: str) -> None:
    """:func:`write_text` where readers see the old file or all of the new one, never half."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` all or nothing.

    ``before_replace`` runs once the new bytes are on disk, just before the
    rename; raising there (the file changed since it was read, say) leaves
    ``path`` untouched.
    """
    staged = stage(path, data)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(staged, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()


def stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a flushed temporary file beside ``target``, with ``target``'s mode."""
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    path = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
        os.chmod(path, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        raise
    return path
