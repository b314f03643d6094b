"""Rewriting string literals in the file's own quoting, and cloning an entry for a new code.

A replaced phrase keeps its literal's prefix and quote character; a new entry
is a copy of a neighbouring one with its code, phrase, description and names
substituted, so parentheses, annotations (``Final[str]``), line breaks and
quote style all follow the table's own habits.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from statuscheck.fixes.names import derive_name

__all__ = ["Substitution", "clone", "rewrite_string", "string_value"]


def string_value(node: cst.BaseExpression) -> str | None:
    """The text of a string (or ASCII bytes) literal, as the adapters read it; else ``None``."""
    if not isinstance(node, cst.SimpleString):
        return None
    value = node.evaluated_value
    if isinstance(value, bytes):
        try:
            return value.decode("ascii")
        except UnicodeDecodeError:
            return None
    return value


def rewrite_string(node: cst.SimpleString, text: str) -> cst.SimpleString:
    """``node`` spelling ``text`` instead, with the same prefix and quotes."""
    quote = node.quote
    body = text.replace("\\", "\\\\") if "r" not in node.prefix.lower() else text
    if len(quote) == 1:
        body = body.replace(quote, "\\" + quote)
    return node.with_changes(value=f"{node.prefix}{quote}{body}{quote}")


@dataclasses.dataclass(frozen=True)
class Substitution:
    """What turns a model entry (code, phrase, description) into a new one."""

    model_code: int
    model_phrase: str
    model_description: str | None
    code: int
    phrase: str
    description: str
    #: The phrase the model's names were derived from (the registry's, not a stale literal).
    model_name_phrase: str
    #: The table's own names: only these are renamed in a clone.
    names: frozenset[str]

    def string(self, text: str) -> str | None:
        if text == self.model_phrase:
            return self.phrase
        if text == f"{self.model_code} {self.model_phrase}":
            return f"{self.code} {self.phrase}"
        if self.model_description is not None and text == self.model_description:
            return self.description
        return None

    def name(self, name: str) -> str | None:
        return derive_name(name, self.model_code, self.model_name_phrase, self.code, self.phrase)


class _Cloner(cst.CSTTransformer):
    def __init__(self, substitution: Substitution) -> None:
        super().__init__()
        self.substitution = substitution
        self.complete = True

    def leave_Integer(self, original: cst.Integer, updated: cst.Integer) -> cst.Integer:
        if original.evaluated_value == self.substitution.model_code:
            return updated.with_changes(value=str(self.substitution.code))
        return updated

    def leave_SimpleString(
        self, original: cst.SimpleString, updated: cst.SimpleString
    ) -> cst.SimpleString:
        text = string_value(original)
        new = self.substitution.string(text) if text is not None else None
        return updated if new is None else rewrite_string(updated, new)

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        if original.value not in self.substitution.names:
            return updated
        new = self.substitution.name(original.value)
        if new is None:
            self.complete = False
            return updated
        return updated.with_changes(value=new)


def clone(node: cst.CSTNodeT, substitution: Substitution) -> cst.CSTNodeT | None:
    """A copy of ``node`` for the new code, or ``None`` if one of its names cannot be derived."""
    cloner = _Cloner(substitution)
    copy = node.visit(cloner)
    if not cloner.complete:
        return None
    return copy  # type: ignore[return-value]  # visiting a node returns the node's type here
