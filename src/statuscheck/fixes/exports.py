"""Keeping a module's ``__all__`` in step with the names a fix adds.

A module that lists its constants in ``__all__`` must list the new ones too,
or ``from module import *`` would miss exactly the names the fix was for. A
sorted ``__all__`` stays sorted; otherwise a new name goes beside the name it
came from. Names the module does not export stay unexported.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

import libcst as cst

from statuscheck.fixes.commas import insert_items
from statuscheck.fixes.entries import small_assign, target_name
from statuscheck.fixes.literals import rewrite_string, string_value

__all__ = ["Export", "export"]


@dataclasses.dataclass(frozen=True)
class Export:
    """A new name, and the existing names it belongs after (or, failing those, before)."""

    name: str
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()


def export(statements: list[cst.BaseStatement], exports: Sequence[Export]) -> None:
    """Add each new name to the module's literal ``__all__`` in ``statements``, in place."""
    for index, statement in enumerate(statements):
        small = small_assign(statement)
        if small is None or target_name(small) != "__all__":
            continue
        listed = small.value
        if isinstance(listed, (cst.List, cst.Tuple)) and exports:
            edited = _exported(listed, exports)
            if edited is not None:
                line = statement.with_changes(body=[small.with_changes(value=edited)])
                statements[index] = line


def _exported(listed: cst.List | cst.Tuple, exports: Sequence[Export]) -> cst.BaseExpression | None:
    items = list(listed.elements)
    names = [string_value(item.value) for item in items]
    if not items or any(name is None for name in names):
        return None
    present = [name or "" for name in names]
    ordered = present == sorted(present)
    insertions: dict[int, list[cst.CSTNode]] = {}
    for new in exports:
        if new.name in present:
            continue
        position = _position(new, present, ordered=ordered)
        if position is None:
            continue
        model = items[max(position, 0)]
        assert isinstance(model.value, cst.SimpleString)  # string_value admitted it
        item = model.with_changes(value=rewrite_string(model.value, new.name))
        insertions.setdefault(position, []).append(item)
    if ordered:
        for group in insertions.values():
            group.sort(key=lambda item: string_value(item.value) or "")  # type: ignore[attr-defined]
    if not insertions:
        return None
    if isinstance(listed, cst.List):  # one call per display type, as insert_items is generic
        return insert_items(listed, insertions)
    return insert_items(listed, insertions)


def _position(new: Export, present: list[str], *, ordered: bool) -> int | None:
    """The index to insert after (-1: before the first), or ``None`` if not exported here."""
    anchors = [name for name in (*new.after, *new.before) if name in present]
    if not anchors:
        return None
    if ordered:
        return bisect.bisect_right(present, new.name) - 1
    after = [present.index(name) for name in new.after if name in present]
    if after:
        return max(after)
    return min(present.index(name) for name in new.before if name in present) - 1
