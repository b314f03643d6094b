"""Reading a table's entries from its source statements, as the adapters read the live object.

The planner says *what* to change by code and name; these entries say
*where* each code and name is written: which statement, with which literals.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Union

import libcst as cst

from statuscheck.fixes.literals import string_value

__all__ = ["Entry", "SmallAssign", "read_entries", "small_assign", "target_name"]

_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")
_EMBEDDED_HTTP_CODE = re.compile(r"^HTTP_\d{3}(?:_|$)")
_STATUS_LINE = re.compile(r"^(\d{3}) (\S.*)$")

SmallAssign = Union[cst.Assign, cst.AnnAssign]


@dataclasses.dataclass(frozen=True)
class Entry:
    """One name bound to a code: statement ``index`` of the body, and what it spells."""

    index: int
    name: str
    code: int
    phrase: str | None = None
    description: str | None = None
    #: Bound to another entry's name (``REQUEST_ENTITY_TOO_LARGE = CONTENT_TOO_LARGE``).
    alias: bool = False


def small_assign(statement: cst.CSTNode) -> SmallAssign | None:
    """The single ``NAME = value`` (or ``NAME: T = value``) a statement line holds, if any."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
    ):
        return small
    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value:
        return small
    return None


def target_name(small: SmallAssign) -> str:
    target = small.targets[0].target if isinstance(small, cst.Assign) else small.target
    assert isinstance(target, cst.Name)  # small_assign admits nothing else
    return target.value


def read_entries(body: Sequence[cst.CSTNode], *, members: bool) -> list[Entry]:
    """Entries of an enum body (``members``) or of a module of constants."""
    entries: list[Entry] = []
    codes: dict[str, int] = {}
    for index, statement in enumerate(body):
        small = small_assign(statement)
        if small is None or small.value is None:
            continue
        name = target_name(small)
        entry = _entry(index, name, small.value, codes, members=members)
        if entry is not None:
            entries.append(entry)
            codes[name] = entry.code
    return entries


def _entry(
    index: int, name: str, value: cst.BaseExpression, codes: dict[str, int], *, members: bool
) -> Entry | None:
    if isinstance(value, cst.Name):
        code = codes.get(value.value)
        return None if code is None else Entry(index, name, code, alias=True)
    if not members and not _CONSTANT.match(name):
        return None
    elements = [e.value for e in value.elements] if isinstance(value, cst.Tuple) else [value]
    if members and isinstance(elements[0], cst.Integer):
        phrase, description = ([string_value(element) for element in elements[1:3]] + [None] * 2)[
            :2
        ]
        return Entry(index, name, int(elements[0].evaluated_value), phrase, description)
    if isinstance(value, cst.Integer):
        code = int(value.evaluated_value)
        if 100 <= code <= 599 or _EMBEDDED_HTTP_CODE.match(name):
            return Entry(index, name, code)
        return None
    text = string_value(value)
    line = _STATUS_LINE.match(text) if text is not None and not members else None
    return None if line is None else Entry(index, name, int(line[1]), line[2])
