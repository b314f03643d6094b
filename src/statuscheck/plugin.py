"""The pytest plugin behind ``pytest conformance --impl=...``.

Registered through the ``pytest11`` entry point, so it is active wherever
statuscheck is installed but does nothing until the conformance suite is
collected. It computes one :class:`~statuscheck.findings.report.ConformanceReport`
per session and parametrises each ``conformance/test_*.py`` module with the
codes its check has a verdict on, so a failure reads ``test_phrase[413]``.
Declared deviations become strict ``xfail`` marks: a deviation that stops
occurring fails the run.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from statuscheck.checks.finding import CHECKS, Check, ConformanceWarning
from statuscheck.findings.deviations import (
    Deviation,
    declared_deviations,
    format_deviations,
    load_pyproject_settings,
    parse_deviation,
)
from statuscheck.registry.errors import StatuscheckError
from statuscheck.tables.resolve import resolve

if TYPE_CHECKING:
    from statuscheck.findings.report import ConformanceReport

__all__ = ["Conformance"]

_REPORT = pytest.StashKey["Conformance | None"]()
_MISSING_IMPL = pytest.StashKey[bool]()
_MARKER = "statuscheck"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("statuscheck", "HTTP status-code conformance (statuscheck)")
    group.addoption(
        "--impl",
        dest="statuscheck_impl",
        type=_importable,
        metavar="PATH",
        help="implementation to check: pkg.module.Attr, pkg.module:Attr, a constants module, "
        "path/file.py[:Attr] or a table document (.json, .csv)",
    )
    group.addoption(
        "--aliases",
        dest="statuscheck_aliases",
        type=_importable_or_none,
        metavar="MODULE",
        help="constants module that must mirror the implementation's names "
        "('none' to skip; known implementations get theirs automatically)",
    )
    group.addoption(
        "--snapshot",
        dest="statuscheck_snapshot",
        type=_existing_file,
        metavar="PATH",
        help="registry file to check against instead of the pinned snapshot",
    )
    group.addoption(
        "--deviation",
        dest="statuscheck_deviations",
        action="append",
        default=[],
        type=_deviation,
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
        action="store_true",
        help="print the current deviations as a [tool.statuscheck.deviations] table",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{_MARKER}(check): parametrise a conformance test with the codes of CHECK"
    )
    # Warning-level findings are shown, never turned into errors by a blanket
    # `-W error`; `-W error::statuscheck.ConformanceWarning` still makes them fail.
    config.addinivalue_line("filterwarnings", "always::statuscheck.ConformanceWarning")
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
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker(_MARKER)
    if marker is None or "code" not in metafunc.fixturenames:
        return
    check = marker.args[0] if marker.args else None
    if check not in CHECKS:
        raise pytest.UsageError(f"@pytest.mark.{_MARKER} needs one of {', '.join(CHECKS)}")
    conformance = _conformance(metafunc.config, required=False)
    if conformance is None:  # reported once, as a usage error, after collection
        metafunc.config.stash[_MISSING_IMPL] = True
        metafunc.parametrize("code", [pytest.param(None, marks=pytest.mark.skip)])
        return
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
    if config.stash.get(_MISSING_IMPL, False):
        _conformance(config, required=True)  # raises the usage error


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
    outcomes = report.outcomes()
    counts = dict.fromkeys(("fail", "warn", "expected", "stale"), 0)
    for outcome in outcomes:
        counts[outcome.status] += 1
    terminalreporter.write_sep("-", "statuscheck")
    terminalreporter.write_line(
        f"{report.impl}: {counts['fail']} failing, {counts['warn']} warning, "
        f"{counts['expected']} declared, {counts['stale']} stale declaration(s)"
    )
    if config.getoption("statuscheck_print_deviations"):
        findings = [
            f for o in outcomes if o.status in ("fail", "warn", "expected") for f in o.findings
        ]
        terminalreporter.write_line("")
        terminalreporter.write(format_deviations(findings, impl=report.impl))


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
    from statuscheck.tables.resolve import load_table

    aliases = config.getoption("statuscheck_aliases") or settings.get("aliases") or AUTO
    try:
        table = load_table(str(impl))
        file = config.getoption("statuscheck_deviations_file")
        deviations = declared_deviations(
            impl=table.label,
            settings=settings,
            settings_source=config.rootpath / "pyproject.toml",
            file=Path(file) if file else None,
            given=tuple(config.getoption("statuscheck_deviations")),
        )
        report = check_implementation(
            table,
            aliases=None if aliases == "none" else aliases,
            snapshot=config.getoption("statuscheck_snapshot") or settings.get("snapshot"),
            deviations=deviations,
        )
    except StatuscheckError as error:
        raise pytest.UsageError(f"statuscheck: {error}") from None
    conformance = Conformance(report, table.enum_class if table.enum_class is not None else table)
    config.stash[_REPORT] = conformance
    return conformance


def _importable(value: str) -> str:
    """argparse type: the path must import and resolve now, not at collection time."""
    from statuscheck.tables.resolve import STDIN, ImplementationError, import_from_cwd

    import_from_cwd()
    if value == STDIN:
        raise argparse.ArgumentTypeError(
            "standard input is for statuscheck check -; give pytest the document's path"
        )
    try:
        resolve(value)
    except ImplementationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def _importable_or_none(value: str) -> str:
    return value if value == "none" else _importable(value)


def _existing_file(value: str) -> str:
    if not Path(value).is_file():
        raise argparse.ArgumentTypeError(f"{value}: no such file")
    return value


def _deviation(value: str) -> Deviation:
    try:
        return parse_deviation(value)
    except StatuscheckError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
