"""Writing the text files statuscheck generates: UTF-8 with LF line endings everywhere.

``Path.write_text`` takes no ``newline`` before Python 3.10, and without it
Windows would write CRLF, so every generated file (enum module, expectations,
reports, README block) goes through here and stays byte-identical across machines.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_text"]


def write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
