"""Writing the text files statuscheck generates: UTF-8 with LF line endings everywhere.

``Path.write_text`` takes no ``newline`` before Python 3.10, and without it
Windows would write CRLF, so every generated file (enum module, expectations,
reports, README block) goes through here and stays byte-identical across machines.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_text", "write_text_atomically"]


def write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def write_text_atomically(path: Path, text: str) -> None:
    """:func:`write_text` where readers see the old file or all of the new one, never half."""
    from statuscheck.registry.snapshot_write import _stage  # one temp-file-and-fsync routine

    staged = _stage(path, text.encode("utf-8"))
    try:
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
