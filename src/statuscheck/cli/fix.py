"""``statuscheck fix IMPL``: the engine's findings as an edit of the implementation's source.

Prints a unified diff (``--write`` applies it in place). Exit status 0 when
there is nothing to fix, 1 when a fix was printed or written (so a CI step or
pre-commit hook fails until the fix is committed), 2 when the source cannot
be found, parsed or written, changed while it was being fixed, or writes the
table in a form no edit could be planned for (``{HTTPStatus.OK: ...}`` keys).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from statuscheck.checks.finding import Finding

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="print (or apply) a fix of an implementation's source",
        description="Fix an implementation's source from its findings: outdated phrases get "
        "the registry phrase, renamed codes their current name (the old one kept as an alias), "
        "missing assigned codes an entry in the table's own style. Nothing is deleted.",
        epilog="Exit status: 0 nothing to fix; 1 a fix was printed (or written with --write); "
        "2 the source cannot be found, parsed or written, or holds the table in a form "
        "fix cannot edit.",
    )
    parser.add_argument("impl", metavar="IMPL", help="pkg.module.Attr, pkg.module:Attr or module")
    parser.add_argument(
        "--write", action="store_true", help="apply the fix in place instead of printing it"
    )
    parser.add_argument(
        "--snapshot",
        metavar="PATH",
        type=Path,
        help="registry file to fix against instead of the pinned snapshot",
    )
    parser.add_argument(
        "--as-of",
        type=datetime.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="judge temporary registrations as of this date (default: today)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.findings.engine import check_implementation, registry_and_info
    from statuscheck.fixes.apply import fix_source, unified_diff
    from statuscheck.fixes.locate import locate, read_source
    from statuscheck.fixes.plan import describe, plan_fixes
    from statuscheck.fixes.write import write_fixed
    from statuscheck.tables.resolve import import_from_cwd

    import_from_cwd()
    target = locate(args.impl)
    original = read_source(target)
    report = check_implementation(
        args.impl,
        aliases=None,
        snapshot=args.snapshot,
        today=args.as_of,
        checks=("values", "phrases", "aliases"),
    )
    registry, _ = registry_and_info(args.snapshot)
    plan = plan_fixes(report.findings, registry)
    fixed = fix_source(original, target, plan)
    if fixed.changed:
        if args.write:
            write_fixed(target.path, original, fixed.fixed)
            print(f"fixed {target.path}", file=sys.stderr)
        else:
            sys.stdout.write(unified_diff(fixed, target.path))
    for edit in fixed.unapplied:
        print(f"statuscheck fix: {target.path}: cannot {describe(edit)}", file=sys.stderr)
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
