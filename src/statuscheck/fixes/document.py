"""Fixing a JSON table document: the corrected document, its untouched lines kept byte for byte.

The extractors, and most programs that dump a table, print one entry per
line under an indented header. When the document has that layout, only the
lines of changed or added entries are written, in the spelling the other
lines use (compact or spaced separators, escaped or literal non-ASCII), so
the diff shows the fix and nothing else. Any other layout is serialised
again as a whole with the document's own indent: correct, if noisier.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable, Sequence
from typing import Any

from statuscheck.fixes.apply import Fixed
from statuscheck.fixes.document_edits import Entry, apply_edits
from statuscheck.fixes.locate import FixError
from statuscheck.fixes.plan import Plan

__all__ = ["fix_document", "fix_document_settled"]

_BOM = "\ufeff"
Render = Callable[[dict[str, Any]], str]


#: A rename can bring one more round: the current name exposes former names to keep.
_ROUNDS = 3


def fix_document_settled(
    data: bytes, source: str, plan_of: Callable[[bytes], Plan]
) -> tuple[Fixed, Plan]:
    """Fix ``data`` until the engine (``plan_of``) plans nothing more; the fix and last plan.

    A code renamed to its current name is only then seen to have older names
    the engine wants kept (``REQUEST_TOO_LONG`` became ``CONTENT_TOO_LARGE``,
    so ``REQUEST_ENTITY_TOO_LARGE`` must stay), so the document is judged again.
    """
    plan = plan_of(data)
    fixed = fix_document(data, source, plan)
    for _ in range(_ROUNDS):
        if not fixed.changed:
            break
        plan = plan_of(fixed.fixed)
        again = fix_document(fixed.fixed, source, plan)
        # What the last round could not apply is the truth; earlier rounds' edits all hold.
        fixed = dataclasses.replace(again, original=data, applied=fixed.applied + again.applied)
        if not again.changed:
            break
    return fixed, plan


def fix_document(data: bytes, source: str, plan: Plan) -> Fixed:
    """Apply ``plan`` to the JSON table document ``data`` (``source`` names it in errors)."""
    text = data.decode("utf-8-sig")
    if not plan.edits:
        return Fixed(data, data, "utf-8", (), ())
    if not text.lstrip().startswith("{"):
        raise FixError(
            f"cannot fix {source}: fix writes JSON table documents, not CSV "
            "(it has no alias column to keep a renamed code's old name in)"
        )
    document = json.loads(text, object_pairs_hook=list)
    versioned = any(key == "statuscheck_table" for key, _ in document)
    if versioned:
        fields = [dict(pairs) for pairs in dict(document)["entries"]]
    else:
        fields = [{"code": key, "phrase": value} for key, value in document]
    entries = [Entry(dict(f), index) for index, f in enumerate(fields)]
    named = versioned and any("name" in f for f in fields)
    applied = apply_edits(entries, plan, named=named)
    fixed = _in_place(text, fields, entries, versioned)
    if fixed is None:
        fixed = _serialised(text, document, entries, versioned)
    if data.startswith(_BOM.encode()):
        fixed = _BOM + fixed
    unapplied = tuple(edit for edit in plan.edits if edit not in applied)
    return Fixed(data, fixed.encode(), "utf-8", tuple(applied), unapplied)


def _renderers(versioned: bool) -> list[Render]:
    """Every spelling of one entry a document may use, compact first."""
    renderers: list[Render] = []
    for (item, key), ascii_only in itertools.product(((",", ":"), (", ", ": ")), (False, True)):

        def render(
            fields: dict[str, Any], item: str = item, key: str = key, a: bool = ascii_only
        ) -> str:
            if versioned:
                return json.dumps(fields, separators=(item, key), ensure_ascii=a)
            pair = (
                json.dumps(str(fields["code"]), ensure_ascii=a),
                json.dumps(fields["phrase"], ensure_ascii=a),
            )
            return key.join(pair)

        renderers.append(render)
    return renderers


@dataclasses.dataclass(frozen=True)
class _Layout:
    """Where the entry lines are, how they are indented, and how one is spelled."""

    first: int
    indent: str
    render: Render


def _find_layout(
    lines: Sequence[str], fields: Sequence[dict[str, Any]], versioned: bool
) -> _Layout | None:
    if not fields:
        return None
    for render in _renderers(versioned):
        expected = [render(f) + ("," if i < len(fields) - 1 else "") for i, f in enumerate(fields)]
        for first, line in enumerate(lines):
            content = line.rstrip("\r\n")
            indent = content[: len(content) - len(content.lstrip())]
            if content.lstrip() != expected[0] or first + len(expected) > len(lines):
                continue
            block = [lines[first + i].rstrip("\r\n") for i in range(len(expected))]
            if block == [indent + e for e in expected]:
                return _Layout(first, indent, render)
    return None


def _in_place(
    text: str, fields: Sequence[dict[str, Any]], entries: Sequence[Entry], versioned: bool
) -> str | None:
    lines = text.splitlines(keepends=True)
    layout = _find_layout(lines, fields, versioned)
    if layout is None:
        return None
    end = layout.first + len(fields)
    ending = lines[layout.first][len(lines[layout.first].rstrip("\r\n")) :] or "\n"
    written = []
    for index, entry in enumerate(entries):
        comma = "," if index < len(entries) - 1 else ""
        original = entry.original
        # A kept entry keeps its line unless it gains (or loses) the comma after it.
        if (
            original is not None
            and not entry.changed
            and (original < end - 1 - layout.first) == bool(comma)
        ):
            written.append(lines[layout.first + original])
        else:
            written.append(layout.indent + layout.render(entry.fields) + comma + ending)
    if not lines[end - 1].endswith(("\n", "\r")) and written:
        written[-1] = written[-1].rstrip("\r\n")
    return "".join(lines[: layout.first] + written + lines[end:])


def _serialised(
    text: str, document: list[tuple[str, Any]], entries: Sequence[Entry], versioned: bool
) -> str:
    """The whole document written again, with the indent of its second line (if any)."""
    lines = [line for line in text.splitlines() if line.strip()]
    indent = len(lines[1]) - len(lines[1].lstrip()) if len(lines) > 1 else None
    end = "\n" if text.endswith("\n") else ""
    if versioned:
        rewritten = dict(document)
        rewritten["entries"] = [entry.fields for entry in entries]
        return json.dumps(rewritten, indent=indent, ensure_ascii=False) + end
    # Written pair by pair: a code the object repeats is a finding, not something to drop.
    pairs = [
        f"{json.dumps(str(e.fields['code']))}: {json.dumps(e.fields['phrase'], ensure_ascii=False)}"
        for e in entries
    ]
    if indent is None:
        return "{" + ", ".join(pairs) + "}" + end
    pad = "\n" + " " * indent
    return "{" + pad + ("," + pad).join(pairs) + "\n}" + end
