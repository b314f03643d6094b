"""Turning ``--impl``/``--aliases`` strings into the objects they name.

Accepts ``pkg.module.Attr``, ``pkg.module:Attr`` (attribute path after the
colon may be dotted) and a bare module path. Anything that fails -- a missing
module, an import that raises, a missing attribute -- becomes one
:class:`ImplementationError` line naming the path, never a traceback.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import warnings

from statuscheck.registry.errors import StatuscheckError

__all__ = ["ImplementationError", "import_from_cwd", "resolve"]

_PATH = re.compile(r"^[A-Za-z_][\w.]*(?::[A-Za-z_][\w.]*)?$")


class ImplementationError(StatuscheckError):
    """An implementation (or aliases module) cannot be loaded or read."""


def resolve(path: str) -> object:
    """Import and return the object ``path`` names."""
    if not _PATH.match(path) or ".." in path or path.endswith("."):
        raise ImplementationError(
            f"{path!r} is not a dotted path (pkg.module.Attr, pkg.module:Attr or pkg.module)"
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
