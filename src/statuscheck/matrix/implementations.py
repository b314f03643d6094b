"""Which implementations the matrix checks: the recorded list, or one named on the command line.

A row is labelled by the distribution that ships its table and that
distribution's installed version, so ``starlette.status`` finds its record
``starlette-1.10.0.toml``; the standard library is labelled by the running
Python's version instead.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys
import sysconfig
from pathlib import Path

from statuscheck.matrix.model import STDLIB, Implementation, MatrixError
from statuscheck.registry.errors import StatuscheckError

__all__ = ["adhoc_implementation", "load_implementations"]


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def installed_version(name: str) -> str:
    if name == STDLIB:
        return f"{sys.version_info.major}.{sys.version_info.minor}"
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return ""


def adhoc_implementation(impl: str) -> Implementation:
    """An implementation for a bare dotted path given on the command line.

    It is named after the distribution that provides its top-level package
    (so ``starlette.status`` finds ``starlette-1.10.0.toml``), :data:`STDLIB`
    for the standard library, or the path itself when neither applies.
    """
    top = re.split(r"[.:]", impl, maxsplit=1)[0]
    if _in_stdlib(top):
        return Implementation(STDLIB, (impl,))
    distribution = _distribution_of(top)
    return Implementation(distribution or impl, (impl,))


def _in_stdlib(top: str) -> bool:
    names: frozenset[str] | None = getattr(sys, "stdlib_module_names", None)
    if names is not None:
        return top in names
    try:  # Python 3.9: ask where the module lives, without importing it
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.origin is None:
        return False
    if spec.origin in ("built-in", "frozen"):
        return True
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    origin = Path(spec.origin).resolve()
    return stdlib in origin.parents and "site-packages" not in origin.parts


def _distribution_of(top: str) -> str | None:
    try:
        importlib.metadata.distribution(top)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        pass
    else:
        return top.lower()
    mapping = getattr(importlib.metadata, "packages_distributions", None)
    if mapping is None:  # Python 3.9
        return None
    names: list[str] = mapping().get(top, [])
    return names[0].lower() if len(names) == 1 else None


def load_implementations(path: Path) -> tuple[Implementation, ...]:
    """Read an implementations list: ``[[implementation]]`` tables of name, tables, note.

    A table another language prints has ``command`` (its extractor) and
    ``language`` instead of ``tables``.
    """
    from statuscheck.findings.deviations import read_toml

    try:
        document = read_toml(path)
    except StatuscheckError as error:
        raise MatrixError(str(error)) from None
    raw = document.get("implementation")
    if not isinstance(raw, list) or not raw:
        raise MatrixError(f"{path}: needs [[implementation]] tables with a name and tables")
    found: list[Implementation] = []
    for number, item in enumerate(raw, 1):
        where = f"{path}: implementation #{number}"
        if not isinstance(item, dict):
            raise MatrixError(f"{where} is not a table")
        name, note = item.get("name"), item.get("note", "")
        if not isinstance(name, str) or not _NAME.match(name):
            raise MatrixError(f"{where}: name must be a distribution name or {STDLIB!r}")
        if not isinstance(note, str):
            raise MatrixError(f"{where} ({name}): note must be a string")
        unknown = set(item) - {"name", "tables", "note", "command", "language"}
        if unknown:
            raise MatrixError(f"{where} ({name}): unknown key(s) {', '.join(sorted(unknown))}")
        if "command" in item:
            found.append(_extracted(item, f"{where} ({name})", note.strip()))
            continue
        tables = item.get("tables")
        if not _strings(tables) or "language" in item:
            raise MatrixError(
                f"{where} ({name}): tables must be a non-empty list of dotted paths "
                "(or give command and language, for a table another language prints)"
            )
        assert isinstance(tables, list)
        found.append(Implementation(name, tuple(tables), note.strip()))
    names = [implementation.name for implementation in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise MatrixError(f"{path}: {', '.join(duplicates)} listed more than once")
    return tuple(found)


def _strings(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


def _extracted(item: dict[str, object], where: str, note: str) -> Implementation:
    """An implementation whose table a command prints (``command``, ``language``)."""
    command, language = item.get("command"), item.get("language")
    if not _strings(command) or "tables" in item:
        raise MatrixError(f"{where}: command must be a non-empty list of strings, without tables")
    if not isinstance(language, str) or not re.match(r"^[a-z][a-z0-9+#-]*$", language):
        raise MatrixError(f"{where}: a command needs the language of its table, e.g. 'go'")
    assert isinstance(command, list)
    return Implementation(str(item["name"]), (), note, tuple(command), language)
