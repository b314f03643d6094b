"""The pytest plugin end to end, with pytester running the real conformance suite."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from statuscheck import check_implementation
from tests import miniatures
from tests.conftest import REPO

SUITE = REPO / "conformance"


@pytest.fixture
def suite(pytester: pytest.Pytester) -> Path:
    """A copy of the conformance suite in pytester's directory (its own rootdir)."""
    target = pytester.path / "conformance"
    shutil.copytree(SUITE, target, ignore=shutil.ignore_patterns("__pycache__"))
    pytester.makeini("[pytest]\naddopts = -p no:cacheprovider\n")
    return target


def run(pytester: pytest.Pytester, suite: Path, *args: str) -> pytest.RunResult:
    return pytester.runpytest(str(suite), "-p", "no:randomly", *args)


def test_clean_enum_passes_and_the_header_names_impl_and_snapshot(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(
        pytester,
        suite,
        "--impl=tests.miniatures:CLEAN_ENUM",
        "--aliases=tests.miniatures:CLEAN_ENUM_ALIASES",
    )
    # Five per-code checks for each of the 62 assigned codes, the table-wide ordering
    # check and the hypothesis lookup property.
    result.assert_outcomes(passed=len(miniatures.ROWS) * 5 + 2)
    result.stdout.fnmatch_lines(
        [
            "statuscheck: impl tests.miniatures:CLEAN_ENUM (enum), "
            "aliases tests.miniatures:CLEAN_ENUM_ALIASES",
            "statuscheck: snapshot *iana_snapshot.csv "
            "(IANA registry 2025-09-15, sha256 6c83d18dea7e)",
            "statuscheck: closest to the registry of * … now (0 disagreements)",
        ]
    )
    assert result.ret == 0


@pytest.mark.parametrize("name", sorted(set(miniatures.CLEAN) - {"CLEAN_ENUM"}))
def test_clean_miniatures_of_other_shapes_pass(
    pytester: pytest.Pytester, suite: Path, name: str
) -> None:
    result = run(pytester, suite, f"--impl=tests.miniatures:{name}")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 0
    assert outcomes["passed"] > 60
    assert "warnings" not in outcomes
    assert result.ret == 0


TEST_NAMES = {
    "values": "test_value",
    "phrases": "test_phrase",
    "descriptions": "test_description",
    "ordering": "test_ordering",
    "aliases": "test_alias",
    "api": "test_api",
}


@pytest.mark.parametrize("case", sorted(miniatures.BROKEN))
def test_each_broken_miniature_fails_the_test_named_after_its_check_and_code(
    pytester: pytest.Pytester, suite: Path, case: str
) -> None:
    name, _, _ = case.partition("/")
    aliases_name, (check, code, _) = miniatures.BROKEN[case]
    impl = f"tests.miniatures:{name}"
    aliases = f"tests.miniatures:{aliases_name}" if aliases_name else None
    args = [f"--impl={impl}", *([f"--aliases={aliases}"] if aliases else [])]
    # The engine tests prove no other check fires; here, the check's own module is enough.
    result = pytester.runpytest(str(suite / f"test_{check}.py"), *args)
    test_id = f"test_{check}.py::{TEST_NAMES[check]}[[]{code}[]]"
    if check == "descriptions":  # an empty description warns, it does not fail
        result.stdout.fnmatch_lines([f"WARN  descriptions {code}: *empty description"])
        assert result.ret == 0
        return
    result.stdout.fnmatch_lines([f"FAILED conformance/{test_id}*"])
    failed = [line for line in result.stdout.lines if line.startswith("FAILED")]
    report = check_implementation(impl, aliases=aliases)
    failing = [o for o in report.outcomes() if o.check == check and o.status == "fail"]
    assert len(failed) == len(failing), failed
    assert result.ret == 1


def test_an_unimportable_impl_fails_at_option_parsing_in_one_line(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(pytester, suite, "--impl=no_such_package.Status")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*error: argument --impl: cannot import 'no_such_package.Status'*"]
    )
    assert "Traceback" not in result.stderr.str()


def test_the_suite_without_impl_is_a_usage_error(pytester: pytest.Pytester, suite: Path) -> None:
    result = run(pytester, suite)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*conformance suite needs --impl=PATH*"])


def test_declared_deviations_xfail_and_a_stale_one_fails_the_run(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(
        pytester,
        suite,
        "--impl=tests.miniatures:TEAPOT",
        "--deviation=values:418=We brew coffee",
    )
    outcomes = result.parseoutcomes()
    assert (outcomes["xfailed"], outcomes.get("failed", 0)) == (1, 0)
    result.stdout.fnmatch_lines(["*1 declared, 0 stale*"])
    stale = run(
        pytester,
        suite,
        "--impl=tests.miniatures:CLEAN_BARE_CONSTANTS",
        "--deviation=values:418=We brew coffee",
    )
    stale.stdout.fnmatch_lines(
        [
            "[[]XPASS(strict)[]] declared deviation: We brew coffee",
            "FAILED conformance/test_values.py::test_value[[]418[]]*",
        ]
    )
    stale.stdout.fnmatch_lines(["*0 declared, 1 stale: not conformant"])
    assert stale.ret == 1


def test_pyproject_declares_impl_and_deviations(pytester: pytest.Pytester, suite: Path) -> None:
    pytester.makepyprojecttoml(
        """
        [tool.statuscheck]
        impl = "tests.miniatures:TEAPOT"

        [tool.statuscheck.deviations]
        "values:418" = "We brew coffee"
        """
    )
    result = run(pytester, suite, "-rx")
    outcomes = result.parseoutcomes()
    assert (outcomes["xfailed"], outcomes.get("failed", 0)) == (1, 0)
    result.stdout.fnmatch_lines(["XFAIL*test_value[[]418[]]*declared deviation: We brew coffee*"])


def test_print_deviations_writes_a_pasteable_table(pytester: pytest.Pytester, suite: Path) -> None:
    result = run(pytester, suite, "--impl=tests.miniatures:TEAPOT", "--print-deviations")
    result.stdout.fnmatch_lines(
        [
            '[[]tool.statuscheck.deviations."tests.miniatures:TEAPOT"[]]',
            '"values:418" = "TODO: why"',
        ]
    )


def test_junit_xml_names_each_code(pytester: pytest.Pytester, suite: Path) -> None:
    run(pytester, suite, "--impl=tests.miniatures:WRONG_PHRASE", "--junitxml=report.xml")
    tree = ElementTree.parse(pytester.path / "report.xml")
    failed = [
        case.get("name") for case in tree.iter("testcase") if case.find("failure") is not None
    ]
    assert failed == ["test_phrase[404]"]


def test_snapshot_option_reads_any_registry_format(pytester: pytest.Pytester, suite: Path) -> None:
    xml = REPO / "tests" / "data" / "iana" / "xml-2024-11-13.xml"
    result = run(pytester, suite, "--impl=statuscheck.HTTPStatus", f"--snapshot={xml}")
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        ["statuscheck: snapshot *xml-2024-11-13.xml (IANA registry 2024-11-13, sha256 *"]
    )


def test_snapshot_option_checks_against_another_registry(
    pytester: pytest.Pytester, suite: Path
) -> None:
    old = REPO / "tests" / "data" / "iana" / "csv-2022-06-08.csv"
    result = run(pytester, suite, "--impl=statuscheck.HTTPStatus", f"--snapshot={old}")
    # The 2022 registry has no 104: the reference enum defines an unassigned code there.
    result.stdout.fnmatch_lines(
        [
            "statuscheck: snapshot *csv-2022-06-08.csv (IANA registry registry date unknown*",
            "FAILED conformance/test_values.py::test_value[[]104[]]*",
        ]
    )


@pytest.mark.parametrize(
    "option",
    [
        "--impl=shapes:NAME",
        "--impl=shapes:NOTHING",
        "--impl=shapes:LIST",
        "--impl=no_constants",
        "--snapshot=corrupt.csv",
    ],
)
def test_an_unreadable_impl_or_snapshot_is_the_same_usage_error_as_an_unimportable_impl(
    pytester: pytest.Pytester, suite: Path, option: str
) -> None:
    pytester.makepyfile(shapes="NAME = 'x'\nNOTHING = None\nLIST = [1]\n", no_constants="x = 1\n")
    (pytester.path / "corrupt.csv").write_text("garbage,,,\n", encoding="utf-8")
    impl = [] if option.startswith("--impl") else ["--impl=statuscheck.HTTPStatus"]
    unimportable = run(pytester, suite, "-q", "--impl=no_such_package.Status")
    result = run(pytester, suite, "-q", option, *impl)
    assert result.ret == unimportable.ret == pytest.ExitCode.USAGE_ERROR
    name = option.partition("=")[0]
    [error] = [line for line in result.stderr.lines if "error:" in line]
    assert error.startswith(
        f"{unimportable.stderr.lines[1].partition(':')[0]}: error: argument {name}: "
    )
    assert len(result.stderr.lines) == len(unimportable.stderr.lines)
    assert result.stdout.lines == unimportable.stdout.lines == []


def test_an_unreadable_impl_from_pyproject_is_one_usage_error(
    pytester: pytest.Pytester, suite: Path
) -> None:
    pytester.makepyfile(shapes="NAME = 'x'\n")
    pytester.makepyprojecttoml('[tool.statuscheck]\nimpl = "shapes:NAME"\n')
    result = run(pytester, suite, "-q")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert [line for line in result.stderr.lines if line] == [
        "ERROR: statuscheck: cannot read shapes:NAME: a str is not an enum, a module of "
        "constants, a non-empty mapping or a name-to-code lookup table"
    ]
    assert "ERROR collecting" not in result.stdout.str()


def test_warnings_are_one_line_each_and_minus_w_error_fails_them(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(pytester, suite, "-q", "--impl=http.HTTPStatus")
    report = check_implementation("http.HTTPStatus")
    warned = [o for o in report.outcomes() if o.status == "warn"]
    # A warning line leads with the entry's path:line: where it has one, as in the CLI.
    lines = [line for line in result.stdout.lines if re.match(r"(\S+:\d+: )?WARN  ", line)]
    assert len(lines) == sum(len(o.findings) for o in warned) > 0
    assert "warnings summary" not in result.stdout.str()
    assert "ConformanceWarning" not in result.stdout.str()
    strict = run(
        pytester,
        suite,
        "-q",
        "--impl=http.HTTPStatus",
        "-W",
        "error::statuscheck.ConformanceWarning",
    )
    assert strict.parseoutcomes()["failed"] == len(report.outcomes())  # warnings too


def test_missing_codes_can_warn_and_the_header_counts_coverage(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = run(pytester, suite, "--impl=tests.miniatures:MISSING_CODE", "--missing=warn")
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            "statuscheck: covers * of * assigned codes (missing codes: warn)",
            "WARN  values 404: 404 Not Found is missing",
        ]
    )
