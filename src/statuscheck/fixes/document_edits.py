"""A plan's edits as changes to a table document's entries: added or changed, never removed.

A document is a list of entries whatever its form: the version 1 document's
``entries`` (code, name, phrase, description, alias) or the pairs of a JSON
object from code to phrase (a code and a phrase, no names). Each edit says
the same thing it says to a Python source: the registry phrase replaces an
outdated one, a renamed code gets its current name with the old one kept as
an ``"alias": true`` entry, a missing code is added after the previous
code's last entry, named in the table's own style.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from statuscheck.checks.name_styles import NameStyle, detect_style
from statuscheck.fixes.plan import AddAlias, AddCode, Edit, Plan, Rename, ReplacePhrase

__all__ = ["Entry", "apply_edits"]


@dataclasses.dataclass
class Entry:
    """One entry as the fixed document will hold it.

    ``original`` is its index in the document read (``None`` for an added
    entry); ``changed`` says whether it must be written anew.
    """

    fields: dict[str, Any]
    original: int | None
    changed: bool = False

    @property
    def code(self) -> int:
        return int(self.fields["code"])


def apply_edits(entries: list[Entry], plan: Plan, *, named: bool) -> list[Edit]:
    """Apply ``plan`` to ``entries`` in place; the edits that could be applied.

    ``named`` says whether the document carries names (a version 1 document
    whose entries have them): renames and aliases need them, and new codes
    get them.
    """
    style = _style(entries) if named else None
    applied: list[Edit] = []
    for edit in plan.edits:
        if _apply(entries, edit, style):
            applied.append(edit)
    return applied


def _style(entries: Sequence[Entry]) -> NameStyle | None:
    names = [entry.fields["name"] for entry in entries if isinstance(entry.fields.get("name"), str)]
    return detect_style(names) if names else None


def _apply(entries: list[Entry], edit: Edit, style: NameStyle | None) -> bool:
    if isinstance(edit, ReplacePhrase):
        hits = [e for e in entries if e.code == edit.code and e.fields.get("phrase") == edit.old]
        for entry in hits:
            entry.fields["phrase"] = edit.new
            entry.changed = True
        return bool(hits)
    if isinstance(edit, Rename):
        return style is not None and _rename(entries, edit)
    if isinstance(edit, AddAlias):
        return style is not None and _insert_after_code(entries, edit.code, [_alias(edit)])
    return _add_code(entries, edit, style)


def _rename(entries: list[Entry], edit: Rename) -> bool:
    for index, entry in enumerate(entries):
        if entry.code == edit.code and entry.fields.get("name") == edit.old:
            entry.fields["name"] = edit.new
            entry.changed = True
            entries.insert(index + 1, _alias(AddAlias(edit.code, edit.old)))
            return True
    return False


def _alias(edit: AddAlias) -> Entry:
    return Entry({"code": edit.code, "name": edit.alias, "alias": True}, None, changed=True)


def _insert_after_code(entries: list[Entry], code: int, new: list[Entry]) -> bool:
    last = max((i for i, entry in enumerate(entries) if entry.code == code), default=None)
    if last is None:
        return False
    entries[last + 1 : last + 1] = new
    return True


def _add_code(entries: list[Entry], edit: AddCode, style: NameStyle | None) -> bool:
    """The code after the previous code's last entry (first when no code precedes it)."""
    if any(entry.code == edit.code for entry in entries):
        return False
    fields: dict[str, Any] = {"code": edit.code}
    aliases: list[Entry] = []
    if style is not None:
        fields["name"] = style.render(edit.phrase, edit.code)
        former = dict.fromkeys(style.render(phrase, edit.code) for phrase in edit.former)
        aliases = [_alias(AddAlias(edit.code, n)) for n in former if n != fields["name"]]
    if not entries or any("phrase" in entry.fields for entry in entries):
        fields["phrase"] = edit.phrase
    if any("description" in entry.fields for entry in entries):
        fields["description"] = edit.description
    before = [entry.code for entry in entries if entry.code < edit.code]
    previous = max(before, default=None)
    position = 0
    if previous is not None:
        position = max(i for i, entry in enumerate(entries) if entry.code == previous) + 1
    entries[position:position] = [Entry(fields, None, changed=True), *aliases]
    return True
