"""``statuscheck check IMPL``: the conformance suite without pytest.

Exit status 0 when conformant (warnings allowed), 1 when deviations (or
stale declarations) were found, 2 when the implementation cannot be loaded or
the invocation is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from statuscheck.checks.finding import CHECKS
from statuscheck.checks.values import MISSING_POLICIES
from statuscheck.cli.options import add_as_of

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a status-code implementation against the registry",
        description="Check an implementation (enum, constants module, mapping, lookup table) "
        "against the pinned IANA registry snapshot.",
    )
    parser.add_argument(
        "impl",
        metavar="IMPL",
        nargs="?",
        help="pkg.module.Attr, pkg.module:Attr, a module, path/file.py[:Attr], "
        "a table document (.json, .csv) or - to read one from standard input "
        "(default: impl under [tool.statuscheck] in --config)",
    )
    parser.add_argument(
        "--aliases",
        metavar="MODULE",
        help="constants module that must mirror IMPL's names ('none' to skip)",
    )
    parser.add_argument(
        "--snapshot",
        metavar="PATH",
        type=Path,
        help="registry file to check against instead of the pinned snapshot",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "sarif", "github", "junit", "shields"),
        default="text",
        help="report format; sarif, github (workflow commands), junit and shields "
        "(badge endpoint JSON) are for CI",
    )
    parser.add_argument(
        "--deviation",
        action="append",
        default=[],
        metavar="CHECK:CODE=REASON",
        help="declare a deliberate deviation (repeatable)",
    )
    parser.add_argument(
        "--deviations-file", type=Path, metavar="PATH", help="TOML file with a [deviations] table"
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        metavar="PATH",
        help="pyproject.toml whose [tool.statuscheck] applies (default: ./)",
    )
    parser.add_argument(
        "--check",
        dest="checks",
        action="append",
        choices=CHECKS,
        help="run only this check (repeatable; default: all)",
    )
    parser.add_argument(
        "--missing",
        choices=MISSING_POLICIES,
        help="what a missing assigned code counts as (default: missing under "
        "[tool.statuscheck], else error)",
    )
    parser.add_argument(
        "--print-deviations",
        action="store_const",
        const="errors",
        help="print current deviations as a TOML table to paste, instead of a report",
    )
    parser.add_argument(
        "--print-all-deviations",
        dest="print_deviations",
        action="store_const",
        const="all",
        help="the same, warning-level findings included",
    )
    add_as_of(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.findings.deviations import (
        format_deviations,
        gather_declarations,
        load_pyproject_settings,
        parse_deviation,
    )
    from statuscheck.findings.engine import AUTO, check_implementation
    from statuscheck.findings.settings import SettingsError, missing_policy
    from statuscheck.reports.check import render
    from statuscheck.tables.resolve import import_from_cwd, load_table

    import_from_cwd()
    settings = load_pyproject_settings(args.config)
    impl = args.impl or settings.get("impl")
    if not isinstance(impl, str) or not impl:
        raise SettingsError(
            f"check needs IMPL, or impl = '...' under [tool.statuscheck] in {args.config}"
        )
    table = load_table(impl)
    declarations = gather_declarations(
        impl=table.label,
        settings=settings,
        settings_source=args.config,
        file=args.deviations_file,
        given=tuple(parse_deviation(text) for text in args.deviation),
    )
    aliases = args.aliases or settings.get("aliases") or AUTO
    report = check_implementation(
        table,
        aliases=None if aliases == "none" else aliases,
        snapshot=args.snapshot or settings.get("snapshot"),
        deviations=declarations.deviations,
        today=args.as_of,
        checks=tuple(args.checks) if args.checks else CHECKS,
        missing=missing_policy(args.missing, settings, args.config),
        notes=declarations.notes,
    )
    if args.print_deviations:
        entries = report.pasteable_deviations(warnings=args.print_deviations == "all")
        sys.stdout.write(format_deviations(entries, impl=report.impl))
        return 0
    sys.stdout.write(render(report, args.format))
    return 0 if report.conformant else 1
