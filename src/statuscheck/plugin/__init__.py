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

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from statuscheck.checks.finding import CHECKS, Check, ConformanceWarning
from statuscheck.findings.deviations import (
    format_deviations,
    gather_declarations,
    load_pyproject_settings,
)
from statuscheck.plugin.options import add_options
from statuscheck.registry.errors import StatuscheckError
from statuscheck.reports.check import header_lines, outcome_lines, summary

if TYPE_CHECKING:
    from statuscheck.findings.report import ConformanceReport

__all__ = ["Conformance"]

_REPORT = pytest.StashKey["Conformance | None"]()
#: Why the report could not be made, raised once after collection.
_PROBLEM = pytest.StashKey[pytest.UsageError]()
_MARKER = "statuscheck"


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


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
        *([f"statuscheck: {match.describe()}"] if (match := report.registry_match) else []),
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
    from statuscheck.tables.resolve import load_table

    aliases = config.getoption("statuscheck_aliases") or settings.get("aliases") or AUTO
    pyproject = config.rootpath / "pyproject.toml"
    try:
        table = load_table(str(impl))
        file = config.getoption("statuscheck_deviations_file")
        declarations = gather_declarations(
            impl=table.label,
            settings=settings,
            settings_source=pyproject,
            file=Path(file) if file else None,
            given=tuple(config.getoption("statuscheck_deviations")),
        )
        report = check_implementation(
            table,
            aliases=None if aliases == "none" else aliases,
            snapshot=config.getoption("statuscheck_snapshot") or settings.get("snapshot"),
            deviations=declarations.deviations,
            missing=missing_policy(config.getoption("statuscheck_missing"), settings, pyproject),
            notes=declarations.notes,
        )
    except StatuscheckError as error:
        raise pytest.UsageError(f"statuscheck: {error}") from None
    conformance = Conformance(report, table.enum_class if table.enum_class is not None else table)
    config.stash[_REPORT] = conformance
    return conformance
