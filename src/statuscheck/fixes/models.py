"""Choosing the entry a new code is modelled on, and cloning its statements.

The nearest code whose statements can be rewritten completely is the model:
the engine found nothing wrong with it (a stale phrase or name would be
copied under the new code), every name it binds can be derived for the new
code, and, when the table carries descriptions, it has one.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from statuscheck.fixes.entries import Entry
from statuscheck.fixes.literals import Substitution, clone
from statuscheck.fixes.plan import AddCode, Plan

__all__ = ["clone_group", "substitution_for"]


def substitution_for(
    model: Entry, edit: AddCode, plan: Plan, names: frozenset[str]
) -> Substitution | None:
    registry_phrase = plan.phrases.get(model.code)
    if registry_phrase is None or model.phrase not in (None, registry_phrase):
        return None
    if any(other.code == model.code for other in plan.edits):
        return None  # a code with findings of its own would pass them on
    return Substitution(
        model_code=model.code,
        model_phrase=registry_phrase,
        model_description=model.description,
        code=edit.code,
        phrase=edit.phrase,
        description=edit.description,
        model_name_phrase=registry_phrase,
        names=names,
    )


def _candidates(entries: Sequence[Entry], code: int) -> list[Entry]:
    """Primary entries, those with descriptions first when any has one, nearest first."""
    primaries = [e for e in entries if not e.alias and 100 <= e.code <= 599 and e.code != code]
    described = any(entry.description for entry in primaries)
    return sorted(
        primaries,
        key=lambda e: (described and not e.description, abs(e.code - code), e.code > code),
    )


def clone_group(
    statements: Sequence[cst.BaseStatement], entries: Sequence[Entry], edit: AddCode, plan: Plan
) -> list[cst.BaseStatement] | None:
    """The statements defining ``edit.code``, cloned from the best model; ``None`` if none fits."""
    names = frozenset(entry.name for entry in entries)
    for model in _candidates(entries, edit.code):
        substitution = substitution_for(model, edit, plan, names)
        if substitution is None:
            continue
        group = sorted({e.index for e in entries if e.code == model.code})
        copies = [clone(_bare(statements[index]), substitution) for index in group]
        if all(copy is not None for copy in copies):
            return [copy for copy in copies if copy is not None]
    return None


def _bare(statement: cst.BaseStatement) -> cst.BaseStatement:
    """The statement without the comments around it, which belong to the model only."""
    if isinstance(statement, cst.SimpleStatementLine):
        return statement.with_changes(
            leading_lines=[], trailing_whitespace=cst.TrailingWhitespace()
        )
    return statement
