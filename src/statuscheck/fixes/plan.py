"""From findings to the edits that would resolve them: pure data, no source in sight.

Keeping the plan apart from the code that edits source means every table
shape is fixed for the same reasons, and the findings no edit can resolve
(a code on an "(Unused)" row, an empty description) are named, not dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Union

from statuscheck.checks.finding import Finding
from statuscheck.registry.descriptions import DESCRIPTIONS
from statuscheck.registry.former_phrases import former_phrases
from statuscheck.registry.model import Registry

__all__ = [
    "AddAlias",
    "AddCode",
    "Edit",
    "Plan",
    "Rename",
    "ReplacePhrase",
    "describe",
    "plan_fixes",
]

_PHRASE_KINDS = frozenset({"superseded-phrase", "case-or-punctuation", "wrong-phrase"})


@dataclasses.dataclass(frozen=True)
class ReplacePhrase:
    """The literal spelling ``old`` for ``code`` should spell the registry's ``new``."""

    code: int
    old: str
    new: str


@dataclasses.dataclass(frozen=True)
class Rename:
    """``old`` becomes ``new`` where it is defined, and ``old`` stays as an alias of it."""

    code: int
    old: str
    new: str


@dataclasses.dataclass(frozen=True)
class AddAlias:
    """A former name, ``alias``, is bound again to the code's current definition."""

    code: int
    alias: str


@dataclasses.dataclass(frozen=True)
class AddCode:
    """An assigned code the table lacks, with what the registry (and statuscheck) says of it."""

    code: int
    phrase: str
    description: str
    #: Phrases the code had when Python's stdlib named it: its names must survive as aliases.
    former: tuple[str, ...] = ()


Edit = Union[ReplacePhrase, Rename, AddAlias, AddCode]


@dataclasses.dataclass(frozen=True)
class Plan:
    """The edits to make, and the findings that no edit of the table resolves."""

    edits: tuple[Edit, ...]
    left: tuple[Finding, ...]
    #: The registry phrase of every assigned code: what names in a table were derived from.
    phrases: Mapping[int, str] = dataclasses.field(default_factory=dict)


def plan_fixes(findings: Iterable[Finding], registry: Registry) -> Plan:
    """Plan one edit per fixable error finding; everything else is left as reported.

    Only errors are planned: a missing temporary or obsoleted code is a
    warning because adding it is a judgement call the engine leaves to the vendor.
    """
    edits: list[Edit] = []
    left: list[Finding] = []
    for finding in findings:
        edit = _edit_for(finding, registry) if finding.severity == "error" else None
        if edit is None:
            left.append(finding)
        elif edit not in edits:
            edits.append(edit)
    phrases = {entry.first: entry.phrase for entry in registry.assigned() if entry.phrase}
    return Plan(tuple(edits), tuple(left), phrases)


def _edit_for(finding: Finding, registry: Registry) -> Edit | None:
    code, expected, actual = finding.code, finding.expected, finding.actual
    if code is None:
        return None
    if finding.kind in _PHRASE_KINDS and isinstance(expected, str) and isinstance(actual, str):
        return ReplacePhrase(code, actual, expected)
    if finding.kind == "name-not-current" and isinstance(expected, str):
        if isinstance(actual, list) and actual and isinstance(actual[0], str):
            return Rename(code, actual[0], expected)
        return None
    if finding.kind == "renamed-without-alias" and isinstance(expected, str):
        return AddAlias(code, expected)
    if finding.kind == "missing-code":
        phrase = registry.entry(code).phrase
        if phrase is None:
            return None
        former = tuple(f.phrase for f in former_phrases(code) if f.stdlib_name)
        return AddCode(code, phrase, DESCRIPTIONS.get(code, phrase), former)
    return None


def describe(edit: Edit) -> str:
    """What an edit does, in a few words: ``rename 413 REQUEST_ENTITY_TOO_LARGE``."""
    if isinstance(edit, ReplacePhrase):
        return f"replace {edit.code} {edit.old!r} with {edit.new!r}"
    if isinstance(edit, Rename):
        return f"rename {edit.code} {edit.old} to {edit.new}"
    if isinstance(edit, AddAlias):
        return f"keep {edit.alias} as an alias of {edit.code}"
    return f"add {edit.code} {edit.phrase}"
