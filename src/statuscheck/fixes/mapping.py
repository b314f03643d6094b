"""Fixing a table written as a dict literal of code to phrase (``HTTP_STATUS_CODES``).

A mapping carries no names, so only phrases and missing codes are fixed. A
new item is a clone of a neighbour; the commas around it are arranged so that
every existing item keeps its line, its trailing comment and its indentation.
"""

from __future__ import annotations

import libcst as cst

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
    insertions: dict[int, list[cst.DictElement]] = {}
    for edit in sorted((e for e in plan.edits if isinstance(e, AddCode)), key=lambda e: e.code):
        item = _new_item(entries, elements, edit, plan)
        if item is not None:
            below = [e.index for e in entries if e.code < edit.code]
            insertions.setdefault(max(below) if below else -1, []).append(item)
            applied.append(edit)
    return _insert(elements, insertions, node), applied


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


def _insert(
    elements: list[cst.BaseDictElement],
    insertions: dict[int, list[cst.DictElement]],
    node: cst.Dict,
) -> cst.Dict:
    """``node`` with new items after the given indexes (-1: first), commas arranged."""
    between = _separator(elements)
    result: list[cst.BaseDictElement] = [
        item.with_changes(comma=between) for item in insertions.get(-1, [])
    ]
    rbrace = node.rbrace
    for index, element in enumerate(elements):
        new = [item.with_changes(comma=between) for item in insertions.get(index, [])]
        if new and index == len(elements) - 1:
            # The new items take over the closing comma and brace; the old last item
            # keeps its own line, comment included.
            new[-1] = new[-1].with_changes(comma=element.comma)
            closing = rbrace.whitespace_before
            if isinstance(closing, cst.ParenthesizedWhitespace) and isinstance(
                between.whitespace_after, cst.ParenthesizedWhitespace
            ):
                element = element.with_changes(
                    comma=between.with_changes(
                        whitespace_after=between.whitespace_after.with_changes(
                            first_line=closing.first_line
                        )
                    )
                )
                rbrace = rbrace.with_changes(
                    whitespace_before=closing.with_changes(first_line=cst.TrailingWhitespace())
                )
            else:
                element = element.with_changes(comma=between)
        result += [element, *new]
    return node.with_changes(elements=result, rbrace=rbrace)


def _separator(elements: list[cst.BaseDictElement]) -> cst.Comma:
    """The comma (and line break) that separates items, as the dict itself writes it."""
    for element in elements[:-1]:
        comma = element.comma
        if isinstance(comma, cst.Comma):
            spacing = comma.whitespace_after
            if isinstance(spacing, cst.ParenthesizedWhitespace):
                spacing = spacing.with_changes(first_line=cst.TrailingWhitespace())
            return comma.with_changes(whitespace_after=spacing)
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
