"""``statuscheck fix IMPL``: the engine's findings as an edit of the implementation's source.

IMPL is anything ``check`` reads that has a text to edit: an importable
table, a Python file (``path/file.py[:Attr]``) or a JSON table document
(``-`` for standard input, whose fix can only be printed). Prints a unified
diff (``--write`` applies it in place). Exit status 0 when
there is nothing to fix, 1 when a fix was printed or written (so a CI step or
pre-commit hook fails until the fix is committed), 2 when the source cannot
be found, parsed or written, changed while it was being fixed, or writes the
table in a form no edit could be planned for (``{HTTPStatus.OK: ...}`` keys).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from statuscheck.checks.finding import Finding
    from statuscheck.fixes.apply import Fixed
    from statuscheck.fixes.plan import Plan
from statuscheck.cli.options import add_as_of

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="print (or apply) a fix of an implementation's source or table document",
        description="Fix an implementation's source from its findings: outdated phrases get "
        "the registry phrase, renamed codes their current name (the old one kept as an alias), "
        "missing assigned codes an entry in the table's own style. Nothing is deleted. "
        "A JSON table document gets the corrected document, its untouched lines kept.",
        epilog="Exit status: 0 nothing to fix; 1 a fix was printed (or written with --write); "
        "2 the source cannot be found, parsed or written, or holds the table in a form "
        "fix cannot edit (a CSV document needing a fix; standard input with --write).",
    )
    parser.add_argument(
        "impl",
        metavar="IMPL",
        help="pkg.module.Attr, pkg.module:Attr, module, path/file.py[:Attr], "
        "a JSON table document or - (standard input)",
    )
    parser.add_argument(
        "--write", action="store_true", help="apply the fix in place instead of printing it"
    )
    parser.add_argument(
        "--snapshot",
        metavar="PATH",
        type=Path,
        help="registry file to fix against instead of the pinned snapshot",
    )
    add_as_of(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.fixes.apply import fix_source
    from statuscheck.fixes.locate import locate, read_source
    from statuscheck.tables.adapters import read_table
    from statuscheck.tables.resolve import import_from_cwd, is_document, resolve

    if is_document(args.impl):
        return _fix_document(args)
    import_from_cwd()
    table = resolve(args.impl)
    target = locate(args.impl, table)
    original = read_source(target)
    plan = _plan(read_table(table, args.impl), args)
    return _present(fix_source(original, target, plan), plan, target.path, args.write)


def _fix_document(args: argparse.Namespace) -> int:
    from statuscheck.fixes.document import fix_document_settled
    from statuscheck.fixes.locate import FixError, Target, read_source
    from statuscheck.tables.documents import MAX_DOCUMENT_BYTES, read_document
    from statuscheck.tables.resolve import STDIN

    if args.impl == STDIN:
        if args.write:
            raise FixError("cannot --write standard input: fix a file, or drop --write for a diff")
        path, data = Path("<stdin>"), sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
    else:
        path = Path(args.impl)
        data = read_source(Target(path, "mapping"))
    fixed, plan = fix_document_settled(
        data, str(path), lambda text: _plan(read_document(text, str(path)), args)
    )
    return _present(fixed, plan, path, args.write)


def _plan(impl: object, args: argparse.Namespace) -> Plan:
    """The edits the engine's findings call for (one engine: fix never judges on its own)."""
    from statuscheck.findings.engine import check_implementation, registry_and_info
    from statuscheck.fixes.plan import plan_fixes

    report = check_implementation(
        impl,
        aliases=None,
        snapshot=args.snapshot,
        today=args.as_of,
        checks=("values", "phrases", "aliases"),
    )
    registry, _ = registry_and_info(args.snapshot)
    return plan_fixes(report.findings, registry)


def _present(fixed: Fixed, plan: Plan, path: Path, write: bool) -> int:
    """Print or write the fix, say what it could not do; the exit status."""
    from statuscheck.fixes.apply import unified_diff
    from statuscheck.fixes.plan import describe
    from statuscheck.fixes.write import write_fixed

    if fixed.changed:
        if write:
            write_fixed(path, fixed.original, fixed.fixed)
            print(f"fixed {path}", file=sys.stderr)
        else:
            sys.stdout.write(unified_diff(fixed, path))
    for edit in fixed.unapplied:
        print(f"statuscheck fix: {path}: cannot {describe(edit)}", file=sys.stderr)
    if plan.left:
        print(f"statuscheck fix: left as reported: {_summary(plan.left)}", file=sys.stderr)
    if fixed.changed:
        return 1
    return 2 if fixed.unapplied else 0


def _summary(findings: Sequence[Finding]) -> str:
    """``418 unused-code; 701 ... 799 out-of-range (47 codes)``: one line however many."""
    by_kind: dict[str, list[str]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(str(finding.code))
    parts = []
    for kind, codes in by_kind.items():
        shown = ", ".join(codes) if len(codes) <= 4 else f"{codes[0]} ... {codes[-1]}"
        parts.append(f"{shown} {kind}" + (f" ({len(codes)} codes)" if len(codes) > 4 else ""))
    return "; ".join(parts)
