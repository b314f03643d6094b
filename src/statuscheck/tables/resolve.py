"""Turning ``--impl``/``--aliases`` strings into the objects they name.

Accepts ``pkg.module.Attr``, ``pkg.module:Attr`` (attribute path after the
colon may be dotted) and a bare module path; a Python source file,
``path/file.py:Attr`` or ``path/file.py``; and a table document, a path
ending in ``.json`` or ``.csv`` or ``-`` for standard input. Anything that
fails -- a missing module, an import that raises, a missing attribute, a
malformed document -- becomes one :class:`ImplementationError` line naming
the path, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import warnings
from pathlib import Path
from typing import BinaryIO

from statuscheck.tables.adapters import read_table
from statuscheck.tables.documents import MAX_DOCUMENT_BYTES, read_document
from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.source_files import load_source_file, split_source_path
from statuscheck.tables.table import StatusTable

__all__ = [
    "STDIN",
    "ImplementationError",
    "import_from_cwd",
    "is_document",
    "load_table",
    "resolve",
]

#: The ``--impl`` that reads a table document from standard input.
STDIN = "-"
_DOCUMENT_SUFFIXES = (".json", ".csv")

_PATH = re.compile(r"^[A-Za-z_][\w.]*(?::[A-Za-z_][\w.]*)?$")


def load_table(path: str, *, stdin: BinaryIO | None = None) -> StatusTable:
    """The table ``path`` names, whatever its kind, labelled for reports."""
    return read_table(resolve(path, stdin=stdin), path)


def is_document(path: str) -> bool:
    """Whether ``path`` names a table document rather than Python.

    ``mypkg.json`` could be either: it is a module unless such a file exists.
    """
    if path == STDIN:
        return True
    if not path.lower().endswith(_DOCUMENT_SUFFIXES):
        return False
    return not _PATH.match(path) or Path(path).is_file()


def resolve(path: str, *, stdin: BinaryIO | None = None) -> object:
    """Import and return the object ``path`` names (a document: its :class:`StatusTable`)."""
    if is_document(path):
        return _read_document(path, stdin)
    source = split_source_path(path)
    if source is not None:
        file, names = source
        return _walk(load_source_file(file), names, path)
    if not _PATH.match(path) or ".." in path or path.endswith("."):
        raise ImplementationError(
            f"{path!r} is not a dotted path (pkg.module.Attr, pkg.module:Attr or pkg.module), "
            "a Python file (path/file.py[:Attr]) or a table document (.json, .csv, -)"
        )
    if ":" in path:
        module_path, attributes = path.split(":", 1)
        return _walk(_import(module_path, path), attributes.split("."), path)
    parts = path.split(".")
    # Longest importable module prefix wins; the rest are attributes.
    for split in range(len(parts), 0, -1):
        module_path = ".".join(parts[:split])
        try:
            module = _import(module_path, path, missing_ok=split > 1)
        except _Missing:
            continue
        return _walk(module, parts[split:], path)
    raise ImplementationError(f"cannot import {path!r}")  # pragma: no cover - loop always returns


def import_from_cwd() -> None:
    """Let implementations live in the current project, the way ``python -m`` does.

    Console scripts (``statuscheck``, ``pytest``) do not put the working
    directory on ``sys.path``; a vendor running them from their checkout
    expects ``mypkg.status`` to import all the same.
    """
    cwd = os.getcwd()
    if cwd not in sys.path:
        sys.path.insert(0, cwd)


def _read_document(path: str, stdin: BinaryIO | None) -> StatusTable:
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if not data:
            raise ImplementationError("standard input is empty: expected a table document")
        return read_document(data, "<stdin>")
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        raise ImplementationError(f"{path}: cannot read: {error.strerror}") from None
    return read_document(data, path)


class _Missing(Exception):
    pass


def _import(module_path: str, path: str, *, missing_ok: bool = False) -> object:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return importlib.import_module(module_path)
    except ModuleNotFoundError as error:
        is_this_module = error.name is not None and (
            module_path == error.name or module_path.startswith(error.name + ".")
        )
        if missing_ok and is_this_module:
            raise _Missing from None
        raise ImplementationError(f"cannot import {path!r}: {error}") from None
    except Exception as error:
        raise ImplementationError(
            f"importing {module_path!r} for {path!r} raised {type(error).__name__}: {error}"
        ) from None


def _walk(obj: object, attributes: list[str], path: str) -> object:
    for attribute in attributes:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                obj = getattr(obj, attribute)
        except AttributeError:
            raise ImplementationError(f"{path!r}: no attribute {attribute!r}") from None
        except Exception as error:
            raise ImplementationError(
                f"{path!r}: reading {attribute!r} raised {type(error).__name__}: {error}"
            ) from None
    return obj
