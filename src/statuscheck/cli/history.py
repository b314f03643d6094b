"""``statuscheck history [CODE ...]``: how codes changed through every registry state since 2015.

Reads the registry history shipped with statuscheck; with no code, shows every
code that ever changed.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["register", "run"]

_FORMATS = ("text", "json", "markdown")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "history",
        help="show how codes changed through every published state of the registry",
        description="Show the timeline of each CODE (default: every code that ever changed) "
        "through every published state of the IANA registry since 2015: one state per "
        "change of status, phrase or references.",
    )
    parser.add_argument("codes", nargs="*", type=_code, metavar="CODE")
    parser.add_argument(
        "--format", choices=_FORMATS, default="text", help="output format (default: text)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.registry.history import load_history
    from statuscheck.reports.history import render_history

    history = load_history()
    codes = list(args.codes) or list(history.changed_codes())
    sys.stdout.write(render_history(history, codes, args.format))
    return 0


def _code(text: str) -> int:
    if not text.isdigit() or not 100 <= int(text) <= 599:
        raise argparse.ArgumentTypeError(f"{text!r} is not a status code in 100-599")
    return int(text)
