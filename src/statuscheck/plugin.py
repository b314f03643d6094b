"""The pytest plugin behind ``pytest conformance --impl=...``.

Registered through the ``pytest11`` entry point, so it is active wherever
statuscheck is installed but does nothing until the conformance suite is
collected. It computes one :class:`~statuscheck.findings.report.ConformanceReport`
per session and parametrises each ``conformance/test_*.py`` module with the
codes its check has a verdict on, so a failure reads ``test_phrase[413]``.
Declared deviations become strict ``xfail`` marks: a deviation that stops
occurring fails the run. Whatever keeps the report from being made is one
usage error, never a traceback per collected module.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

import pytest

from statuscheck.checks.finding import CHECKS, Check, ConformanceWarning
from statuscheck.checks.values import MISSING_POLICIES
from statuscheck.findings.deviations import (
    format_deviations,
    gather_declarations,
    load_pyproject_settings,
    parse_deviation,
)
from statuscheck.registry.errors import StatuscheckError
from statuscheck.reports.check import header_lines, outcome_lines, summary
from statuscheck.tables.resolve import resolve

if TYPE_CHECKING:
    from statuscheck.findings.report import ConformanceReport

__all__ = ["Conformance"]

_REPORT = pytest.StashKey["Conformance | None"]()
#: Why the report could not be made, raised once after collection.
_PROBLEM = pytest.StashKey[pytest.UsageError]()
_MARKER = "statuscheck"
_T = TypeVar("_T")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("statuscheck", "HTTP status-code conformance (statuscheck)")
    group.addoption(
        "--impl",
        dest="statuscheck_impl",
        type=_option_type(_readable_table),
        metavar="PATH",
        help="implementation to check: pkg.module.Attr, pkg.module:Attr or a constants module",
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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{_MARKER}(check): parametrise a conformance test with the codes of CHECK"
    )
    # Warning-level findings are listed one line each in the statuscheck summary, not
    # as pytest's three-line entries, and a blanket `-W error` leaves them alone; the
    # command line's `-W error::statuscheck.ConformanceWarning` outranks this and fails them.
    config.addinivalue_line("filterwarnings", "ignore::statuscheck.ConformanceWarning")
    config.stash[_REPORT] = None


def pytest_report_header(config: pytest.Config) -> list[str]:
    conformance = _conformance(config, required=False)
    if conformance is None:
        return []
    report = conformance.report
    snapshot = report.snapshot
    registry = snapshot.registry_updated or "registry date unknown"
    return [
        f"statuscheck: impl {report.impl} ({report.shape}), aliases {report.aliases or 'none'}",
        f"statuscheck: snapshot {snapshot.path} (IANA registry {registry}, "
        f"sha256 {snapshot.sha256[:12]})",
        *(f"statuscheck: {line}" for line in header_lines(report)),
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker(_MARKER)
    if marker is None or "code" not in metafunc.fixturenames:
        return
    check = marker.args[0] if marker.args else None
    if check not in CHECKS:
        raise pytest.UsageError(f"@pytest.mark.{_MARKER} needs one of {', '.join(CHECKS)}")
    try:
        conformance = _conformance(metafunc.config, required=True)
    except pytest.UsageError as problem:  # reported once, after collection
        metafunc.config.stash[_PROBLEM] = problem
        metafunc.parametrize("code", [pytest.param(None, marks=pytest.mark.skip)])
        return
    assert conformance is not None
    params = []
    for code in conformance.report.codes_for(check):
        outcome = conformance.report.outcome(check, code)
        marks = []
        if outcome.deviation is not None:
            marks.append(
                pytest.mark.xfail(
                    reason=f"declared deviation: {outcome.deviation.reason}", strict=True
                )
            )
        params.append(pytest.param(code, id="table" if code is None else str(code), marks=marks))
    if not params:
        params.append(
            pytest.param(
                None,
                id="not-applicable",
                marks=pytest.mark.skip(
                    reason=f"{conformance.report.impl} ({conformance.report.shape}) "
                    f"carries nothing the {check} check applies to"
                ),
            )
        )
    metafunc.parametrize("code", params)


def pytest_collection_modifyitems(config: pytest.Config) -> None:
    problem = config.stash.get(_PROBLEM, None)
    if problem is not None:
        raise problem


@pytest.fixture(scope="session")
def conformance(request: pytest.FixtureRequest) -> Conformance:
    """The session's conformance report, for tests in the conformance suite."""
    found = _conformance(request.config, required=True)
    assert found is not None
    return found


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    conformance = config.stash.get(_REPORT, None)
    if conformance is None:
        return
    report = conformance.report
    terminalreporter.write_sep("-", "statuscheck")
    for outcome in report.outcomes():
        if outcome.status == "warn":
            for line in outcome_lines(outcome):
                terminalreporter.write_line(line)
    terminalreporter.write_line(f"{report.impl}: {summary(report)}")
    printing = config.getoption("statuscheck_print_deviations")
    if printing:
        entries = report.pasteable_deviations(warnings=printing == "all")
        terminalreporter.write_line("")
        terminalreporter.write(format_deviations(entries, impl=report.impl))


class Conformance:
    """What conformance tests use: the report and a verdict per check and code."""

    def __init__(self, report: ConformanceReport, impl: object) -> None:
        self.report = report
        self.impl = impl

    def verify(self, check: Check, code: int | None) -> None:
        """Fail on errors, warn on warnings; pass a stale declaration so strict xfail trips."""
        outcome = self.report.outcome(check, code)
        if outcome.status in ("fail", "expected"):
            pytest.fail(outcome.describe(), pytrace=False)
        for finding in outcome.findings:
            warnings.warn(ConformanceWarning(finding.message), stacklevel=2)


def _conformance(config: pytest.Config, *, required: bool) -> Conformance | None:
    cached = config.stash.get(_REPORT, None)
    if cached is not None:
        return cached
    settings = load_pyproject_settings(config.rootpath / "pyproject.toml")
    impl = config.getoption("statuscheck_impl") or settings.get("impl")
    if not impl:
        if required:
            raise pytest.UsageError(
                "the statuscheck conformance suite needs --impl=PATH "
                "(or impl = '...' under [tool.statuscheck] in pyproject.toml)"
            )
        return None
    from statuscheck.findings.engine import AUTO, check_implementation
    from statuscheck.findings.settings import missing_policy

    aliases = config.getoption("statuscheck_aliases") or settings.get("aliases") or AUTO
    pyproject = config.rootpath / "pyproject.toml"
    try:
        file = config.getoption("statuscheck_deviations_file")
        declarations = gather_declarations(
            impl=str(impl),
            settings=settings,
            settings_source=pyproject,
            file=Path(file) if file else None,
            given=tuple(config.getoption("statuscheck_deviations")),
        )
        report = check_implementation(
            str(impl),
            aliases=None if aliases == "none" else aliases,
            snapshot=config.getoption("statuscheck_snapshot") or settings.get("snapshot"),
            deviations=declarations.deviations,
            missing=missing_policy(config.getoption("statuscheck_missing"), settings, pyproject),
            notes=declarations.notes,
        )
    except StatuscheckError as error:
        raise pytest.UsageError(f"statuscheck: {error}") from None
    conformance = Conformance(report, resolve(str(impl)))
    config.stash[_REPORT] = conformance
    return conformance


def _option_type(parse: Callable[[str], _T]) -> Callable[[str], _T]:
    """An argparse type from a parser of statuscheck's: what it rejects is a usage error."""

    def checked(value: str) -> _T:
        try:
            return parse(value)
        except StatuscheckError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return checked


def _readable_table(value: str) -> str:
    """The path must import and be a readable table now, not at collection time."""
    from statuscheck.tables.adapters import read_table
    from statuscheck.tables.resolve import import_from_cwd

    import_from_cwd()
    if value != "none":  # only --aliases takes it
        read_table(resolve(value), value)
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
