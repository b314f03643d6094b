"""The ``statuscheck`` command: argument parsing and error presentation only.

Each sub-command lives in its own module of this package exposing ``register``
(add its parser) and ``run`` (do the work, return an exit status). This module
turns every :class:`StatuscheckError` into one line on stderr and exit status
2 (argparse already exits 2 on bad usage), so no user mistake ends in a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, Protocol

from statuscheck.registry.errors import StatuscheckError

__all__ = ["EXIT_CANNOT_TELL", "EXIT_FINDINGS", "EXIT_OK", "main"]

EXIT_OK = 0
#: Deviations or drift were found.
EXIT_FINDINGS = 1
#: Bad usage, unreadable input, unreachable registry: no verdict could be reached.
EXIT_CANNOT_TELL = 2

_COMMANDS = (
    "statuscheck.cli.check",
    "statuscheck.cli.generate",
    "statuscheck.cli.history",
    "statuscheck.cli.refresh",
    "statuscheck.cli.matrix",
    "statuscheck.cli.export",
    "statuscheck.cli.fix",
)


class _Command(Protocol):
    def register(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...


def build_parser() -> argparse.ArgumentParser:
    from statuscheck import __version__

    parser = argparse.ArgumentParser(
        prog="statuscheck",
        description="Check HTTP status-code tables against the IANA registry.",
        epilog="Exit status: 0 conformant or no drift; 1 deviations or drift; "
        "2 bad usage or could not tell.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in _COMMANDS:
        command: _Command = importlib.import_module(name)
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except StatuscheckError as error:
        print(f"statuscheck: error: {error}", file=sys.stderr)
        return EXIT_CANNOT_TELL
    except KeyboardInterrupt:
        print("statuscheck: interrupted", file=sys.stderr)
        return 130
