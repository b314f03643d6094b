"""Loading a table from a Python source file that is not installed.

``path/to/http/__init__.py:HTTPStatus`` reads the enum of a CPython checkout
this machine does not run, or a vendor's generated file. The file runs under
a private module name that is in ``sys.modules`` only while it executes
(``enum`` and ``dataclasses`` look their module up there), so loading it can
never shadow or replace a real module of the same name.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import types
import warnings
from pathlib import Path

from statuscheck.tables.errors import ImplementationError

__all__ = ["load_source_file", "split_source_path"]


def split_source_path(path: str) -> tuple[Path, list[str]] | None:
    """``("dir/file.py", ["Attr"])`` for ``dir/file.py:Attr``; ``None`` if not a ``.py`` path."""
    file, _, attributes = path.partition(".py:")
    if attributes:
        return Path(file + ".py"), attributes.split(".")
    if path.endswith(".py"):
        return Path(path), []
    return None


def load_source_file(file: Path) -> types.ModuleType:
    """Execute ``file`` as a fresh module; any failure is one :class:`ImplementationError`."""
    if not file.is_file():
        raise ImplementationError(f"{file}: no such file")
    name = "_statuscheck_source_" + hashlib.sha256(str(file.resolve()).encode()).hexdigest()[:16]
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a loader
        raise ImplementationError(f"{file}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            spec.loader.exec_module(module)
    except SyntaxError as error:
        raise ImplementationError(f"{file}:{error.lineno}: invalid Python: {error.msg}") from None
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        raise ImplementationError(
            f"{file}:{_failing_line(error, file)}: loading it raised "
            f"{type(error).__name__}: {error}"
        ) from None
    finally:
        sys.modules.pop(name, None)
    return module


def _failing_line(error: BaseException, file: Path) -> int:
    """The line of ``file`` the exception came from (innermost frame in the file)."""
    line = 0
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == str(file):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line
