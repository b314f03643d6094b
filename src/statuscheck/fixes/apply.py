"""Applying a plan to a source file's bytes, and showing the result as a unified diff.

libcst parses and prints the module losslessly, so every byte the plan does
not touch (comments, blank lines, quotes, the encoding) is printed back as
it was read.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path

import libcst as cst

from statuscheck.fixes.entries import small_assign, target_name
from statuscheck.fixes.locate import FixError, Target
from statuscheck.fixes.mapping import fix_dict
from statuscheck.fixes.plan import Edit, Plan
from statuscheck.fixes.statements import fix_statements

__all__ = ["Fixed", "fix_source", "unified_diff"]


@dataclasses.dataclass(frozen=True)
class Fixed:
    """A source before and after its fix, and which planned edits it holds."""

    original: bytes
    fixed: bytes
    encoding: str
    applied: tuple[Edit, ...]
    unapplied: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fix_source(source: bytes, target: Target, plan: Plan) -> Fixed:
    """Apply ``plan`` to the table ``target`` names in ``source``."""
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        raise FixError(f"{target.path}:{error.raw_line}: cannot parse: {error.message}") from None
    if target.kind == "constants":
        body, applied = fix_statements(module.body, plan, members=False)
        module = module.with_changes(body=body)
    elif target.kind == "enum":
        node = _class(module, target)
        block = node.body
        assert isinstance(block, cst.IndentedBlock)  # _class admits nothing else
        body, applied = fix_statements(block.body, plan, members=True)
        module = _replaced(module, node, node.with_changes(body=block.with_changes(body=body)))
    else:
        table = _dict(module, target)
        fixed_dict, applied = fix_dict(table, plan)
        module = _replaced(module, table, fixed_dict)
    unapplied = tuple(edit for edit in plan.edits if edit not in applied)
    return Fixed(source, module.bytes, module.encoding, tuple(applied), unapplied)


def _replaced(module: cst.Module, old: cst.CSTNode, new: cst.CSTNode) -> cst.Module:
    replaced = module.deep_replace(old, new)
    assert isinstance(replaced, cst.Module)  # only the root itself could be replaced otherwise
    return replaced


def _class(module: cst.Module, target: Target) -> cst.ClassDef:
    body: object = module.body
    found: cst.ClassDef | None = None
    for name in target.name.split("."):
        statements = body if isinstance(body, (list, tuple)) else ()
        found = next(
            (s for s in statements if isinstance(s, cst.ClassDef) and s.name.value == name), None
        )
        if found is None or not isinstance(found.body, cst.IndentedBlock):
            raise FixError(
                f"cannot fix {target.name}: {target.path} has no class statement for it "
                "(an enum built at run time cannot be edited)"
            )
        body = found.body.body
    assert found is not None
    return found


def _dict(module: cst.Module, target: Target) -> cst.Dict:
    for statement in module.body:
        small = small_assign(statement)
        named = small is not None and target_name(small) == target.name
        if named and small is not None and isinstance(small.value, cst.Dict):
            return small.value
    raise FixError(f"cannot fix {target.name}: {target.path} does not assign it a dict literal")


def unified_diff(fixed: Fixed, path: Path) -> str:
    """The fix as ``patch -p1`` reads it, with paths relative to the current directory."""
    shown = Path(os.path.relpath(path)) if _under_cwd(path) else path
    before = fixed.original.decode(fixed.encoding).splitlines(keepends=True)
    after = fixed.fixed.decode(fixed.encoding).splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"a/{shown}", f"b/{shown}"))


def _under_cwd(path: Path) -> bool:
    try:
        path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return False
    return True
