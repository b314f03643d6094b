"""Where an implementation's table is written: which file, and which class, dict or module.

The object is imported the way ``check`` imports it, then traced back to its
source with :mod:`inspect`. A table that has no editable source (a built-in
or C extension module, a table built at run time, an unsupported shape) is
one clear error rather than a guess.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import inspect
import types
from pathlib import Path
from typing import Literal

from statuscheck.registry.errors import StatuscheckError
from statuscheck.tables.resolve import resolve
from statuscheck.tables.source_files import split_source_path

__all__ = ["FixError", "Target", "locate", "read_source"]

Kind = Literal["enum", "constants", "mapping"]


class FixError(StatuscheckError):
    """The implementation's source cannot be found, parsed, edited or written."""


@dataclasses.dataclass(frozen=True)
class Target:
    """The file holding the table, and the table inside it."""

    path: Path
    kind: Kind
    #: The enum's qualified name, the dict's variable name; empty for a module of constants.
    name: str = ""


def locate(impl: str, obj: object) -> Target:
    """The source of ``obj``, the table ``impl`` names (``pkg.mod:Attr``, ``pkg.mod``, a file).

    A Python file, ``path/file.py[:Attr]``, is its own source: it is loaded
    under a private name :mod:`inspect` cannot trace back. ``obj`` is the
    table already resolved, so a source file's code runs once per fix.
    """
    source = split_source_path(impl)
    if source is not None:
        return _in_file(obj, source[0], ".".join(source[1]), impl)
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return Target(_source_file(obj, impl), "enum", obj.__qualname__)
    if isinstance(obj, types.ModuleType):
        return Target(_source_file(obj, impl), "constants")
    module_path, _, attribute = impl.replace(":", ".").rpartition(".")
    module = resolve(module_path) if module_path else None
    if isinstance(obj, collections.abc.Mapping) and isinstance(module, types.ModuleType):
        return Target(_source_file(module, impl), "mapping", attribute)
    raise _not_editable(obj, impl)


def _in_file(obj: object, path: Path, attribute: str, impl: str) -> Target:
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return Target(path, "enum", obj.__qualname__)
    if isinstance(obj, types.ModuleType):
        return Target(path, "constants")
    if isinstance(obj, collections.abc.Mapping) and "." not in attribute:
        return Target(path, "mapping", attribute)
    raise _not_editable(obj, impl)


def _not_editable(obj: object, impl: str) -> FixError:
    return FixError(
        f"cannot fix {impl}: a {type(obj).__name__} is not a shape fix edits "
        "(an enum class, a module of constants or a module-level dict literal)"
    )


def _source_file(obj: type | types.ModuleType, impl: str) -> Path:
    try:
        path = inspect.getsourcefile(obj)
    except (TypeError, OSError) as error:
        raise FixError(f"cannot fix {impl}: no source file ({error})") from None
    if path is None or not Path(path).is_file():
        raise FixError(f"cannot fix {impl}: no Python source file (compiled or extension module)")
    return Path(path)


def read_source(target: Target) -> bytes:
    """The bytes the fix is computed from (and that ``--write`` expects to find unchanged)."""
    try:
        return target.path.read_bytes()
    except OSError as error:
        raise FixError(f"cannot read {target.path}: {error.strerror or error}") from None
