"""Table documents derived from the snapshot by code, and the proof that a fix of one holds.

Every phrase, name and code comes from the pinned snapshot (through
:mod:`tests.miniatures`' rows and the former phrases it records); a defect is
made by code too, so no registry content is typed by hand.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path

from jsonschema import Draft202012Validator

from statuscheck.checks.name_styles import detect_style
from statuscheck.fixes.apply import Fixed
from statuscheck.fixes.document import fix_document_settled
from statuscheck.fixes.plan import Rename, ReplacePhrase
from statuscheck.registry.former_phrases import former_phrases
from statuscheck.tables.documents import SCHEMA_PATH, read_document
from tests.miniatures import FORMER_NAMES, ROWS
from tests.source_files import assert_fixed_exactly, changed_lines, check, fixable_errors, plan_for

__all__ = [
    "LAYOUTS",
    "STYLES",
    "assert_fix_holds",
    "assert_untouched_lines_kept",
    "fix_path",
    "render_document",
]

#: How tables name codes: the stdlib's ``NOT_FOUND``, Go's ``StatusNotFound``, none at all.
STYLES = {"upper": ("NOT_FOUND",), "go": ("StatusNotFound", "StatusOK"), "unnamed": ()}
#: One entry per line (as the extractors print), spaced entries, everything on one line.
LAYOUTS = ("lines", "spaced", "one-line", "mapping")
SCHEMA = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
_FORMER_NAME = {code: name for name, code in FORMER_NAMES.items()}


def _broken(code: int, phrase: str, how: str) -> str:
    formers = former_phrases(code)
    if how == "former" and formers:
        return formers[0].phrase
    return phrase.swapcase()


def render_document(
    layout: str,
    style: str = "upper",
    *,
    dropped: Collection[int] = (),
    broken: Mapping[int, str] = {},  # read only
    renamed: Collection[int] = (),
) -> str:
    """Every assigned code but ``dropped``, with the damage given, as a document in ``layout``."""
    namer = detect_style(STYLES[style]) if STYLES[style] else None
    entries: list[dict[str, object]] = []
    for _, code, phrase, _ in ROWS:
        if code in dropped:
            continue
        written = _broken(code, phrase, broken[code]) if code in broken else phrase
        if namer is None:
            entries.append({"code": code, "phrase": written})
            continue
        current = namer.render(phrase, code)
        former = [namer.render(f.phrase, code) for f in former_phrases(code) if f.stdlib_name]
        name = former[0] if code in renamed and former else current
        entries.append({"code": code, "name": name, "phrase": written})
        entries += [{"code": code, "name": n, "alias": True} for n in former if n != name]
    if layout == "mapping":
        pairs = ",\n".join(
            f"  {json.dumps(str(e['code']))}: {json.dumps(e['phrase'])}"
            for e in entries
            if "phrase" in e
        )
        return "{\n" + pairs + "\n}\n"
    header = {"statuscheck_table": 1, "implementation": f"miniature {layout} {style}"}
    if layout == "one-line":
        return json.dumps({**header, "entries": entries}) + "\n"
    separators = (",", ":") if layout == "lines" else (", ", ": ")
    head = json.dumps(header, indent=2)[:-2]
    lines = ",\n    ".join(json.dumps(e, separators=separators) for e in entries)
    return f'{head},\n  "entries": [\n    {lines}\n  ]\n}}\n'


def fix_path(path: Path) -> Fixed:
    """The fix ``statuscheck fix PATH`` computes for the document at ``path``."""
    return fix_document_settled(
        path.read_bytes(), str(path), lambda data: plan_for(read_document(data, str(path)))
    )[0]


def assert_fix_holds(path: Path) -> Fixed:
    """Fix the document at ``path`` in place and prove the fix: see the module docstring."""
    before = check(read_document(path.read_bytes(), str(path)))
    fixed = fix_path(path)
    assert fixed.unapplied == ()
    assert fixed.changed == bool(fixable_errors(before))
    path.write_bytes(fixed.fixed)
    after = check(read_document(fixed.fixed, str(path)))
    assert_fixed_exactly(before, after)
    assert list(SCHEMA.iter_errors(json.loads(fixed.fixed))) == []
    return fixed


def assert_untouched_lines_kept(fixed: Fixed) -> None:
    """Lines are only added, or rewritten where they spell what the fix targets.

    The one other line a fix may rewrite is the last entry's, which gains the
    comma that an entry added after it needs.
    """
    targets = {
        json.dumps(e.old)[1:-1] for e in fixed.applied if isinstance(e, (ReplacePhrase, Rename))
    }
    after = fixed.fixed.decode()
    for tag, old, new in changed_lines(fixed.original.decode(), after):
        assert tag in ("insert", "replace"), old
        assert len(new) >= len(old)
        for line in old:
            comma_added = line.rstrip("\n") + ",\n" in new
            assert comma_added or any(target in line for target in targets), line
