"""The plugin's command-line options, each checked while pytest parses them.

A bad ``--impl``, ``--aliases``, ``--snapshot`` or ``--deviation`` fails as a
usage error with the one line statuscheck's CLI prints for it (pytest exit 4),
before any module is collected: checking later would give one traceback per
collected test module instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable, TypeVar

import pytest

from statuscheck.checks.values import MISSING_POLICIES
from statuscheck.findings.deviations import parse_deviation
from statuscheck.registry.errors import StatuscheckError
from statuscheck.tables.errors import ImplementationError

__all__ = ["add_options"]

_T = TypeVar("_T")


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("statuscheck", "HTTP status-code conformance (statuscheck)")
    group.addoption(
        "--impl",
        dest="statuscheck_impl",
        type=_option_type(_readable_table),
        metavar="PATH",
        help="implementation to check: pkg.module.Attr, pkg.module:Attr, a constants module, "
        "path/file.py[:Attr] or a table document (.json, .csv)",
    )
    group.addoption(
        "--aliases",
        dest="statuscheck_aliases",
        type=_option_type(_readable_table),
        metavar="MODULE",
        help="constants module that must mirror the implementation's names "
        "('none' to skip; known implementations get theirs automatically)",
    )
    group.addoption(
        "--snapshot",
        dest="statuscheck_snapshot",
        type=_option_type(_parsed_registry),
        metavar="PATH",
        help="registry file to check against instead of the pinned snapshot",
    )
    group.addoption(
        "--missing",
        dest="statuscheck_missing",
        choices=MISSING_POLICIES,
        help="what a missing assigned code counts as (default: missing under "
        "[tool.statuscheck], else error)",
    )
    group.addoption(
        "--deviation",
        dest="statuscheck_deviations",
        action="append",
        default=[],
        type=_option_type(parse_deviation),
        metavar="CHECK:CODE=REASON",
        help="declare a deliberate deviation (repeatable); reported as xfail, strict",
    )
    group.addoption(
        "--deviations-file",
        dest="statuscheck_deviations_file",
        type=_existing_file,
        metavar="PATH",
        help="TOML file with a [deviations] table of 'check:code' = 'reason'",
    )
    group.addoption(
        "--print-deviations",
        dest="statuscheck_print_deviations",
        action="store_const",
        const="errors",
        help="print the current deviations as a [tool.statuscheck.deviations] table to paste",
    )
    group.addoption(
        "--print-all-deviations",
        dest="statuscheck_print_deviations",
        action="store_const",
        const="all",
        help="the same, warning-level findings included",
    )


def _option_type(parse: Callable[[str], _T]) -> Callable[[str], _T]:
    """An argparse type from a parser of statuscheck's: what it rejects is a usage error."""

    def checked(value: str) -> _T:
        try:
            return parse(value)
        except StatuscheckError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return checked


def _readable_table(value: str) -> str:
    """The path must load as a readable table now (an import, a file, a document), not later."""
    from statuscheck.tables.resolve import STDIN, import_from_cwd, load_table

    import_from_cwd()
    if value == STDIN:
        raise ImplementationError(
            "standard input is for statuscheck check -; give pytest the document's path"
        )
    if value != "none":  # only --aliases takes it
        load_table(value)
    return value


def _existing_file(value: str) -> str:
    if not Path(value).is_file():
        raise argparse.ArgumentTypeError(f"{value}: no such file")
    return value


def _parsed_registry(value: str) -> str:
    """A corrupt registry file is a usage error, like an implementation that does not import."""
    from statuscheck.registry.formats import load_document

    load_document(_existing_file(value))
    return value
