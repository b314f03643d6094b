"""A module's ``__all__`` gains the names a fix adds: sorted if it was, else beside their kin."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.miniatures import FORMER_NAMES, ROWS
from tests.source_files import check, fix_file, fixable_errors, load

#: A constants module lacking 404 and naming 413 by its RFC 2616 phrase.
CONSTANTS = [
    (f"HTTP_{code}_{name if code != 413 else 'REQUEST_ENTITY_TOO_LARGE'}", code)
    for name, code, _, _ in ROWS
    if code != 404
] + [(f"HTTP_{code}_{name}", code) for name, code in FORMER_NAMES.items() if code != 413]


@pytest.mark.parametrize("ordered", [True, False], ids=["sorted", "in-code-order"])
def test_new_names_are_exported_where_the_module_exports_its_own(
    ordered: bool, tmp_path: Path
) -> None:
    names = [name for name, _ in CONSTANTS]
    listed = sorted(names) if ordered else names
    path = tmp_path / "constants.py"
    path.write_text(
        "".join(f"{name} = {code}\n" for name, code in CONSTANTS)
        + "__all__ = [\n"
        + "".join(f'    "{name}",\n' for name in listed)
        + "]\n",
        encoding="utf-8",
    )
    fixed = fix_file(path, "constants", "", load(path))
    path.write_bytes(fixed.fixed)
    module = load(path)
    assert fixable_errors(check(module)) == []
    exported: list[str] = module.__all__  # type: ignore[attr-defined]
    new = {"HTTP_404_NOT_FOUND", "HTTP_413_CONTENT_TOO_LARGE"}
    assert new <= set(exported)
    if ordered:
        assert exported == sorted(exported)
    else:
        position = exported.index
        assert position("HTTP_404_NOT_FOUND") == position("HTTP_403_FORBIDDEN") + 1
        assert position("HTTP_413_CONTENT_TOO_LARGE") + 1 == position(
            "HTTP_413_REQUEST_ENTITY_TOO_LARGE"
        )


def test_a_module_without_all_gets_none(tmp_path: Path) -> None:
    path = tmp_path / "constants.py"
    path.write_text("".join(f"{name} = {code}\n" for name, code in CONSTANTS), encoding="utf-8")
    fixed = fix_file(path, "constants", "", load(path))
    assert b"__all__" not in fixed.fixed
