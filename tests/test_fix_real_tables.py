"""``statuscheck fix`` on copies of real tables: the stdlib, httpx, werkzeug, falcon, starlette.

Each source file is copied from the installed package (or Python 3.12's
standard library) into a temporary directory, fixed, and loaded from there;
a package that is not installed skips with its reason (``tox -e matrix``
installs them all at the pinned versions).
"""

from __future__ import annotations

import glob
import importlib
import shutil
import sys
from pathlib import Path

import pytest

from statuscheck.fixes.locate import Kind
from tests.source_files import (
    assert_fixed_exactly,
    assert_only_targets_changed,
    check,
    fix_file,
    load,
)

#: id -> (package, file inside it, shape, table name, package to load the copy inside)
REAL_TABLES: dict[str, tuple[str, str, Kind, str, str]] = {
    "stdlib-3.12": ("", "http/__init__.py", "enum", "HTTPStatus", ""),
    "httpx": ("httpx", "_status_codes.py", "enum", "codes", ""),
    "werkzeug": ("werkzeug", "http.py", "mapping", "HTTP_STATUS_CODES", "werkzeug"),
    "falcon": ("falcon", "status_codes.py", "constants", "", ""),
    "starlette": ("starlette", "status.py", "constants", "", ""),
}
_PYTHON_312 = glob.glob("/root/.pyenv/versions/3.12*/lib/python3.12") + glob.glob(
    f"{sys.base_prefix}/lib/python3.12"
)


def _source(package: str, relative: str) -> Path:
    if not package:
        if not _PYTHON_312:
            pytest.skip("no Python 3.12 standard library on this machine")
        return Path(_PYTHON_312[0]) / relative
    try:
        module = importlib.import_module(package)
    except ImportError:
        pytest.skip(f"{package} is not installed (tox -e matrix installs it)")
    assert module.__file__ is not None
    return Path(module.__file__).parent / relative


def _load_copy(path: Path, package: str, attribute: str) -> object:
    try:
        return load(path, attribute, package)
    except ImportError as error:
        pytest.skip(f"{path.name} does not import on this Python: {error}")


def _table(module: object, attribute: str) -> object:
    return getattr(module, attribute) if attribute else module


@pytest.mark.parametrize("table", sorted(REAL_TABLES))
def test_fixing_a_real_table_leaves_no_fixable_error(table: str, tmp_path: Path) -> None:
    package, relative, kind, attribute, parent = REAL_TABLES[table]
    path = tmp_path / f"{table.replace('-', '_').replace('.', '_')}.py"
    shutil.copyfile(_source(package, relative), path)
    original = _load_copy(path, parent, "")
    before = check(_table(original, attribute))
    fixed = fix_file(path, kind, attribute, _table(original, attribute))
    assert fixed.unapplied == ()
    path.write_bytes(fixed.fixed)
    module = _load_copy(path, parent, "")
    after = check(_table(module, attribute))

    assert_fixed_exactly(before, after)
    assert_only_targets_changed(fixed)
    # A module that lists its names in __all__ lists the new ones too.
    if hasattr(original, "__all__"):
        added = set(vars(module)) - set(vars(original))
        assert added <= set(getattr(module, "__all__", ()))
