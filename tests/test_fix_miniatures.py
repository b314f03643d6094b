"""``statuscheck fix`` on every miniature, rendered to a real source file.

For each: the rendered file has the miniature's own findings, and after the
fix the module still imports, has no phrase, name or missing-code error left,
and every line the fix did not target is byte-identical.
"""

from __future__ import annotations

import enum
import types
from pathlib import Path

import pytest

from statuscheck.fixes.locate import Kind
from tests import miniatures
from tests.source_files import (
    assert_fixed_exactly,
    assert_only_targets_changed,
    check,
    fix_file,
    fixable_errors,
    load,
    render_constants,
    render_enum,
)

#: Every miniature that is a table (aliases modules are not tables of their own).
TABLES = sorted({case.partition("/")[0] for case in miniatures.BROKEN} | {"CLEAN_ENUM"})


def _render(name: str, directory: Path) -> tuple[Path, Kind, str]:
    """The miniature as a file: (path, shape, name of the table inside it)."""
    obj = getattr(miniatures, name)
    path = directory / f"{name.lower()}.py"
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        path.write_text(render_enum(obj), encoding="utf-8")
        return path, "enum", obj.__name__
    assert isinstance(obj, types.ModuleType)
    path.write_text(render_constants(obj), encoding="utf-8")
    return path, "constants", ""


@pytest.mark.parametrize("name", TABLES)
def test_the_rendered_source_is_the_miniature(name: str, tmp_path: Path) -> None:
    path, _, attribute = _render(name, tmp_path)
    original = check(getattr(miniatures, name))
    rendered = check(load(path, attribute))
    assert fixable_errors(rendered) == fixable_errors(original)
    assert {(f.check, f.code, f.kind) for f in rendered.findings} == {
        (f.check, f.code, f.kind) for f in original.findings
    }


@pytest.mark.parametrize("name", TABLES)
def test_fixing_a_miniature_leaves_no_fixable_error(name: str, tmp_path: Path) -> None:
    path, kind, attribute = _render(name, tmp_path)
    before = check(load(path, attribute))
    fixed = fix_file(path, kind, attribute, load(path, attribute))
    assert fixed.unapplied == ()
    assert fixed.changed == bool(fixable_errors(before))
    path.write_bytes(fixed.fixed)
    after = check(load(path, attribute))
    assert_fixed_exactly(before, after)
    assert_only_targets_changed(fixed)


def test_the_miniatures_cover_each_kind_of_fix(tmp_path: Path) -> None:
    kinds = set()
    for name in TABLES:
        path, kind, attribute = _render(name, tmp_path)
        fixed = fix_file(path, kind, attribute, load(path, attribute))
        kinds |= {type(edit).__name__ for edit in fixed.applied}
    assert kinds == {"ReplacePhrase", "AddAlias", "AddCode"}
