"""Fixing tables written as statements: an enum's class body, a module of constants.

Phrases are replaced inside their own literal; a renamed code's statement is
renamed and followed by ``OLD = NEW`` (with the statement's own annotation,
as ``http.HTTPStatus`` did in 3.13); a missing code is a clone of a
neighbouring entry, inserted after the last statement of the code before it.
Nothing is removed.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

import libcst as cst

from statuscheck.fixes.entries import Entry, read_entries, small_assign, target_name
from statuscheck.fixes.exports import Export, export
from statuscheck.fixes.literals import rewrite_string, string_value
from statuscheck.fixes.models import clone_group
from statuscheck.fixes.names import core_forms, derive_name
from statuscheck.fixes.plan import AddAlias, AddCode, Edit, Plan, Rename, ReplacePhrase

__all__ = ["fix_statements"]


class _Body:
    """A statement list being edited: replacements in place, insertions collected by index."""

    def __init__(self, body: Sequence[cst.BaseStatement], *, members: bool) -> None:
        self.original = list(body)
        self.statements = list(body)
        self.entries = read_entries(body, members=members)
        self.after: dict[int, list[cst.BaseStatement]] = collections.defaultdict(list)
        self.before: dict[int, list[cst.BaseStatement]] = collections.defaultdict(list)
        self.exports: list[Export] = []

    def of_code(self, code: int) -> list[Entry]:
        return [entry for entry in self.entries if entry.code == code]

    def result(self) -> list[cst.BaseStatement]:
        statements: list[cst.BaseStatement] = []
        for index, statement in enumerate(self.statements):
            inserted = self.before.get(index, [])
            if inserted and isinstance(statement, cst.SimpleStatementLine):
                # The comments above the first entry stay above the table.
                inserted[0] = inserted[0].with_changes(leading_lines=statement.leading_lines)
                statement = statement.with_changes(leading_lines=[])
            statements += [*inserted, statement, *self.after.get(index, [])]
        return statements


def fix_statements(
    body: Sequence[cst.BaseStatement], plan: Plan, *, members: bool
) -> tuple[list[cst.BaseStatement], list[Edit]]:
    """The edited statements and the edits that could be made."""
    work = _Body(body, members=members)
    applied: list[Edit] = []
    ordered = sorted(plan.edits, key=lambda edit: (isinstance(edit, AddCode), edit.code))
    for edit in ordered:
        if isinstance(edit, ReplacePhrase):
            done = _replace_phrase(work, edit)
        elif isinstance(edit, Rename):
            done = _rename(work, edit)
        elif isinstance(edit, AddAlias):
            done = _add_alias(work, edit, plan)
        else:
            done = _add_code(work, edit, plan)
        if done:
            applied.append(edit)
    if not members:
        export(work.statements, work.exports)
    return work.result(), applied


class _PhraseReplacer(cst.CSTTransformer):
    def __init__(self, edit: ReplacePhrase) -> None:
        super().__init__()
        self.spellings = {
            edit.old: edit.new,
            f"{edit.code} {edit.old}": f"{edit.code} {edit.new}",
        }
        self.replaced = False

    def leave_SimpleString(
        self, original: cst.SimpleString, updated: cst.SimpleString
    ) -> cst.SimpleString:
        new = self.spellings.get(string_value(original) or "")
        if new is None:
            return updated
        self.replaced = True
        return rewrite_string(updated, new)


def _replace_phrase(work: _Body, edit: ReplacePhrase) -> bool:
    replaced = False
    for entry in work.of_code(edit.code):
        if entry.phrase != edit.old:
            continue
        replacer = _PhraseReplacer(edit)
        work.statements[entry.index] = work.statements[entry.index].visit(replacer)  # type: ignore[assignment]  # a statement visits to a statement
        replaced |= replacer.replaced
    return replaced


def _rename(work: _Body, edit: Rename) -> bool:
    [*found] = (entry for entry in work.of_code(edit.code) if entry.name == edit.old)
    if not found:
        return False
    index = found[0].index
    statement = work.statements[index]
    small = small_assign(statement)
    assert isinstance(statement, cst.SimpleStatementLine)
    assert small is not None
    if isinstance(small, cst.Assign):
        renamed: cst.BaseSmallStatement = small.with_changes(
            targets=[small.targets[0].with_changes(target=cst.Name(edit.new))]
        )
    else:
        renamed = small.with_changes(target=cst.Name(edit.new))
    work.statements[index] = statement.with_changes(body=[renamed])
    work.after[index].insert(0, _alias_line(work.original[index], edit.old, edit.new))
    work.exports.append(Export(edit.new, before=(edit.old,)))
    return True


def _add_alias(work: _Body, edit: AddAlias, plan: Plan) -> bool:
    entries = work.of_code(edit.code)
    if not entries:
        return False
    current = core_forms(plan.phrases.get(edit.code, ""))
    named = [entry for entry in entries if entry.name.endswith(current)] or entries
    last = max(entry.index for entry in entries)
    work.after[last].append(_alias_line(work.original[named[0].index], edit.alias, named[0].name))
    work.exports.append(Export(edit.alias, after=(named[0].name,)))
    return True


def _alias_line(statement: cst.BaseStatement, alias: str, target: str) -> cst.BaseStatement:
    """``alias = target`` written like ``statement`` (same annotation, no comments)."""
    small = small_assign(statement)
    assert isinstance(statement, cst.SimpleStatementLine)
    assert small is not None
    if isinstance(small, cst.Assign):
        line: cst.BaseSmallStatement = cst.Assign(
            targets=[cst.AssignTarget(cst.Name(alias))], value=cst.Name(target)
        )
    else:
        line = small.with_changes(target=cst.Name(alias), value=cst.Name(target))
    return cst.SimpleStatementLine(body=[line])


def _add_code(work: _Body, edit: AddCode, plan: Plan) -> bool:
    codes = sorted({entry.code for entry in work.entries if 100 <= entry.code <= 599})
    if not codes:
        return False
    lines = clone_group(work.original, work.entries, edit, plan)
    if lines is None:
        return False
    lines += _former_aliases(lines, edit)
    below = [code for code in codes if code < edit.code]
    if below:
        work.after[max(e.index for e in work.of_code(below[-1]))].extend(lines)
    else:
        work.before[min(e.index for e in work.of_code(codes[0]))].extend(lines)
    after = tuple(e.name for e in work.of_code(below[-1])) if below else ()
    before = (
        tuple(e.name for e in work.of_code(codes[len(below)])) if len(below) < len(codes) else ()
    )
    for line in lines:
        small = small_assign(line)
        if small is not None:
            work.exports.append(Export(target_name(small), after, before))
    return True


def _former_aliases(lines: list[cst.BaseStatement], edit: AddCode) -> list[cst.BaseStatement]:
    """``OLD = NEW`` for each name the stdlib gave the new code, so upgrades break nobody."""
    current = core_forms(edit.phrase)
    for line in lines:
        small = small_assign(line)
        name = target_name(small) if small is not None else ""
        if name.endswith(current):
            return [
                _alias_line(line, alias, name)
                for former in edit.former
                if (alias := derive_name(name, edit.code, edit.phrase, edit.code, former))
            ]
    return []
