"""``statuscheck refresh`` and ``statuscheck diff``: registry drift, detected and presented.

Exit status: 0 no drift, 1 drift, 2 could not tell (unreachable or
unreadable registry, bad usage). Warnings and errors go to stderr as
``statuscheck: warning: ...`` / ``statuscheck: error: ...`` lines; the report
goes to stdout in the chosen format, and with ``--json-file`` also to a file,
so one run can feed both a CI job summary (Markdown) and an artifact (JSON).
The work is done by :mod:`statuscheck.refresh.refresh`, imported only when a command
runs.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from statuscheck.registry.errors import StatuscheckError

if TYPE_CHECKING:
    from statuscheck.refresh.report import Report
    from statuscheck.reports.refresh import Labels

__all__ = ["register", "run_diff", "run_refresh"]

_FORMATS = ("text", "json", "markdown")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_refresh(subparsers)
    _register_diff(subparsers)


def _register_refresh(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "refresh",
        help="fetch the live IANA registry and report drift from the pinned snapshot",
        description="Fetch the live registry (CSV, XML or XHTML, detected from the content), "
        "compare it code by code with the pinned snapshot and report the differences. "
        "Exit status: 0 no drift, 1 drift, 2 could not tell.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--url", help="where to fetch the registry (default: IANA's CSV)")
    source.add_argument(
        "--file", type=Path, metavar="PATH", help="read the registry from a local file instead"
    )
    parser.add_argument(
        "--snapshot",
        type=Path,
        metavar="PATH",
        help="the snapshot to compare with (default: the pinned one); its provenance is "
        "read from the .json file beside it",
    )
    _add_output_options(parser)
    parser.add_argument(
        "--write",
        action="store_true",
        help="on drift, replace the snapshot and its provenance (atomically, and only "
        "after the new registry parsed and validated)",
    )
    parser.add_argument(
        "--registry-updated",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --write: the registry's last-updated date to record when the live "
        "registry is a CSV, which states none (otherwise 'unknown' is recorded)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date to check temporary registrations against and to record as the "
        "retrieval date (default: today)",
    )
    http = parser.add_argument_group("HTTP")
    http.add_argument(
        "--timeout",
        type=_positive_float,
        default=10.0,
        metavar="SECONDS",
        help="connect and read timeout of every request (default: 10)",
    )
    http.add_argument(
        "--retries",
        type=_count,
        default=3,
        metavar="N",
        help="retries after a connection error, timeout, 408, 429 or 5xx (default: 3)",
    )
    http.add_argument(
        "--backoff",
        type=_positive_float,
        default=1.0,
        metavar="SECONDS",
        help="wait before the first retry, doubled before each next one, unless the "
        "server sends Retry-After (default: 1)",
    )
    http.add_argument(
        "--max-bytes",
        type=_count,
        default=1024 * 1024,
        metavar="N",
        help="the largest body accepted (default: 1 MiB)",
    )
    http.add_argument(
        "--ca-bundle",
        type=Path,
        metavar="PATH",
        help="CA certificates to verify TLS with (default: certifi, or REQUESTS_CA_BUNDLE)",
    )
    parser.set_defaults(run=run_refresh)


def _register_diff(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare two registry files (CSV, XML or XHTML) or two dates of the registry history",
        description="Compare two registry files code by code, as refresh does; or, given two "
        "dates (YYYY-MM-DD), the registry states in force on those days, from the registry "
        'history statuscheck ships. In the JSON report "snapshot" is OLD and "live" is NEW. '
        "Exit status: 0 no drift, 1 drift, 2 could not tell.",
    )
    parser.add_argument("old", metavar="OLD", help="a registry file, or a date")
    parser.add_argument("new", metavar="NEW", help="a registry file, or a date")
    _add_output_options(parser)
    parser.set_defaults(run=run_diff)


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="report format on stdout (default: text); markdown suits a CI job summary",
    )
    parser.add_argument(
        "--json-file",
        type=Path,
        metavar="PATH",
        help="also write the JSON report to PATH",
    )


def run_refresh(args: argparse.Namespace) -> int:
    from statuscheck.refresh.fetch import DEFAULT_URL
    from statuscheck.refresh.fetch_model import FetchOptions
    from statuscheck.refresh.refresh import refresh
    from statuscheck.refresh.write import write_outcome
    from statuscheck.registry.snapshot import is_packaged, snapshot_path
    from statuscheck.reports.refresh import REFRESH_LABELS

    if args.ca_bundle is not None and not args.ca_bundle.is_file():
        print(f"statuscheck: error: {args.ca_bundle}: CA bundle not found", file=sys.stderr)
        return 2
    if args.write and args.snapshot is None and is_packaged(snapshot_path()):
        print(
            "statuscheck: error: --write needs --snapshot PATH: the default snapshot is the "
            f"installed package's own copy ({snapshot_path()})",
            file=sys.stderr,
        )
        return 2
    today: datetime.date = args.today or datetime.date.today()
    options = FetchOptions(
        timeout=args.timeout,
        retries=args.retries,
        backoff=args.backoff,
        max_bytes=args.max_bytes,
        ca_bundle=str(args.ca_bundle) if args.ca_bundle is not None else None,
    )
    outcome = refresh(
        args.snapshot if args.snapshot is not None else snapshot_path(),
        url=args.url or DEFAULT_URL,
        file=args.file,
        options=options,
        today=today,
    )
    report = outcome.report
    if args.write:
        registry_updated = args.registry_updated.isoformat() if args.registry_updated else None
        report = write_outcome(outcome, today=today, registry_updated=registry_updated)
    return _present(report, args, REFRESH_LABELS)


def run_diff(args: argparse.Namespace) -> int:
    from statuscheck.refresh.refresh import compare_dates, compare_files
    from statuscheck.reports.refresh import DIFF_LABELS

    days = [_history_date(text) for text in (args.old, args.new)]
    if days[0] is not None and days[1] is not None:
        return _present(compare_dates(days[0], days[1]), args, DIFF_LABELS)
    if days[0] is not None or days[1] is not None:
        raise StatuscheckError("diff takes two files or two dates, not one of each")
    return _present(compare_files(Path(args.old), Path(args.new)), args, DIFF_LABELS)


def _history_date(text: str) -> datetime.date | None:
    """The day ``text`` names when it is shaped like a date and is not a file's name."""
    if _DATE_SHAPE.fullmatch(text) is None or Path(text).exists():
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise StatuscheckError(f"{text!r} is not a valid date (YYYY-MM-DD)") from None


def _present(report: Report, args: argparse.Namespace, labels: Labels) -> int:
    from statuscheck.reports.refresh import render

    for warning in report.warnings:
        print(f"statuscheck: warning: {warning}", file=sys.stderr)
    sys.stdout.write(render(report, args.format, labels=labels))
    status = report.exit_status
    if report.error is not None:
        print(f"statuscheck: error: {report.error}", file=sys.stderr)
    if args.json_file is not None:
        from statuscheck.registry.files import write_text

        try:
            write_text(args.json_file, render(report, "json", labels=labels))
        except OSError as error:
            print(f"statuscheck: error: {args.json_file}: {error.strerror}", file=sys.stderr)
            status = max(status, 1) if report.drift else 2
    return status


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a non-negative integer")
    return int(text)
