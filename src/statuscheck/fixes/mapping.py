"""Fixing a table written as a dict literal of code to phrase (``HTTP_STATUS_CODES``).

A mapping carries no names, so only phrases and missing codes are fixed. A
new item is a clone of a neighbour, inserted after the code before it.
"""

from __future__ import annotations

import libcst as cst

from statuscheck.fixes.commas import insert_items
from statuscheck.fixes.entries import Entry
from statuscheck.fixes.literals import clone, rewrite_string, string_value
from statuscheck.fixes.models import substitution_for
from statuscheck.fixes.plan import AddCode, Edit, Plan, ReplacePhrase

__all__ = ["fix_dict"]


def _entry(index: int, element: cst.BaseDictElement) -> Entry | None:
    if not isinstance(element, cst.DictElement) or not isinstance(element.key, cst.Integer):
        return None
    value = element.value
    parts = [e.value for e in value.elements] if isinstance(value, cst.Tuple) else [value]
    phrase, description = ([string_value(part) for part in parts[:2]] + [None] * 2)[:2]
    return Entry(index, "", int(element.key.evaluated_value), phrase, description)


def fix_dict(node: cst.Dict, plan: Plan) -> tuple[cst.Dict, list[Edit]]:
    """The edited dict and the edits that could be made."""
    elements = list(node.elements)
    entries = [e for i, el in enumerate(elements) if (e := _entry(i, el)) is not None]
    applied: list[Edit] = []
    for edit in plan.edits:
        if isinstance(edit, ReplacePhrase):
            for entry in entries:
                if entry.code == edit.code and entry.phrase == edit.old:
                    elements[entry.index] = _replace(elements[entry.index], edit)
                    applied.append(edit)
    insertions: dict[int, list[cst.BaseDictElement]] = {}
    for edit in sorted((e for e in plan.edits if isinstance(e, AddCode)), key=lambda e: e.code):
        item = _new_item(entries, elements, edit, plan)
        if item is not None:
            below = [e.index for e in entries if e.code < edit.code]
            insertions.setdefault(max(below) if below else -1, []).append(item)
            applied.append(edit)
    return insert_items(node.with_changes(elements=elements), insertions), applied


def _replace(element: cst.BaseDictElement, edit: ReplacePhrase) -> cst.BaseDictElement:
    assert isinstance(element, cst.DictElement)
    value = element.value
    if isinstance(value, cst.SimpleString):
        return element.with_changes(value=rewrite_string(value, edit.new))
    assert isinstance(value, cst.Tuple)
    first = value.elements[0]
    assert isinstance(first.value, cst.SimpleString)
    phrase = first.with_changes(value=rewrite_string(first.value, edit.new))
    return element.with_changes(value=value.with_changes(elements=[phrase, *value.elements[1:]]))


def _new_item(
    entries: list[Entry], elements: list[cst.BaseDictElement], edit: AddCode, plan: Plan
) -> cst.DictElement | None:
    ranked = sorted(
        (e for e in entries if e.code != edit.code), key=lambda e: abs(e.code - edit.code)
    )
    for model in ranked:
        substitution = substitution_for(model, edit, plan, frozenset())
        element = elements[model.index]
        if substitution is not None and isinstance(element, cst.DictElement):
            return clone(element, substitution)
    return None
