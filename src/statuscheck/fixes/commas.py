"""Inserting items into a bracketed display (a dict, list, tuple or set literal).

The commas and line breaks around a new item are copied from the display's
own separators, so every existing item keeps its line, its trailing comment
and its indentation, whether the display is written on one line or many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar, Union

import libcst as cst

__all__ = ["Display", "insert_items"]

Display = Union[cst.Dict, cst.List, cst.Tuple, cst.Set]
_DisplayT = TypeVar("_DisplayT", cst.Dict, cst.List, cst.Tuple, cst.Set)


def insert_items(node: _DisplayT, insertions: Mapping[int, Sequence[cst.CSTNode]]) -> _DisplayT:
    """``node`` with new items after the given indexes (-1: before the first)."""
    elements: list[cst.CSTNode] = list(node.elements)
    between = _separator(elements)
    result: list[cst.CSTNode] = [
        item.with_changes(comma=between) for item in insertions.get(-1, [])
    ]
    closing = _closing(node)
    for index, element in enumerate(elements):
        new: list[cst.CSTNode] = [
            item.with_changes(comma=between) for item in insertions.get(index, [])
        ]
        if new and index == len(elements) - 1:
            # The new items take over the closing comma and bracket; the old last item
            # keeps its own line, comment included.
            new[-1] = new[-1].with_changes(comma=element.comma)  # type: ignore[attr-defined]
            if isinstance(closing, cst.ParenthesizedWhitespace) and isinstance(
                between.whitespace_after, cst.ParenthesizedWhitespace
            ):
                spacing = between.whitespace_after.with_changes(first_line=closing.first_line)
                element = element.with_changes(comma=between.with_changes(whitespace_after=spacing))
                closing = closing.with_changes(first_line=cst.TrailingWhitespace())
            else:
                element = element.with_changes(comma=between)
        result += [element, *new]
    return _with_closing(node.with_changes(elements=result), closing)


def _separator(elements: list[cst.CSTNode]) -> cst.Comma:
    """The comma (and line break) that separates items, as the display itself writes it."""
    for element in elements[:-1]:
        comma = getattr(element, "comma", None)
        if isinstance(comma, cst.Comma):
            spacing = comma.whitespace_after
            if isinstance(spacing, cst.ParenthesizedWhitespace):
                spacing = spacing.with_changes(first_line=cst.TrailingWhitespace())
            return comma.with_changes(whitespace_after=spacing)
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _closing(node: Display) -> cst.BaseParenthesizableWhitespace | None:
    if isinstance(node, (cst.Dict, cst.Set)):
        return node.rbrace.whitespace_before
    if isinstance(node, cst.List):
        return node.rbracket.whitespace_before
    return node.rpar[-1].whitespace_before if node.rpar else None


def _with_closing(node: _DisplayT, spacing: cst.BaseParenthesizableWhitespace | None) -> _DisplayT:
    if spacing is None:
        return node
    if isinstance(node, (cst.Dict, cst.Set)):
        return node.with_changes(rbrace=node.rbrace.with_changes(whitespace_before=spacing))
    if isinstance(node, cst.List):
        return node.with_changes(rbracket=node.rbracket.with_changes(whitespace_before=spacing))
    last = node.rpar[-1].with_changes(whitespace_before=spacing)
    return node.with_changes(rpar=[*node.rpar[:-1], last])
