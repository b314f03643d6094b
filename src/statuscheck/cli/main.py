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


class _VersionAction(argparse.Action):
    """``--version``, reading the installed metadata only when asked.

    ``importlib.metadata`` costs more to import than a whole ``statuscheck
    check`` run may, so the version is not looked up while building the parser.
    """

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object):
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from statuscheck import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="statuscheck",
        description="Check HTTP status-code tables against the IANA registry.",
        epilog="Exit status: 0 conformant or no drift; 1 deviations or drift; "
        "2 bad usage or could not tell.",
    )
    parser.add_argument("--version", action=_VersionAction)
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
