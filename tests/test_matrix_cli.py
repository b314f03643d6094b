"""``statuscheck matrix`` end to end: modes, files, exit statuses, progress, the plugin."""

from __future__ import annotations

import importlib.metadata
import io
import json
import shutil
from pathlib import Path

import pytest

from statuscheck.cli.main import main
from statuscheck.reports.matrix_markdown import README_END, README_START
from tests.conftest import REPO

AS_OF = ["--as-of", "2026-11-28"]
TEAPOT = "tests.miniatures:TEAPOT"
CLEAN = "tests.miniatures:CLEAN_ENUM"
BROKEN = "tests.raising_impl"
VERSION = importlib.metadata.version("pytest")
RECORD = f"pytest-{VERSION}.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["matrix", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    """An expectations directory whose list names one versioned implementation (pytest's)."""
    directory = tmp_path / "expectations"
    directory.mkdir()
    (directory / "implementations.toml").write_text(
        f'[[implementation]]\nname = "pytest"\ntables = ["{TEAPOT}"]\n'
        f'[[implementation]]\nname = "clean"\ntables = ["{CLEAN}"]\n',
        encoding="utf-8",
    )
    return directory


def test_implementations_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, CLEAN, TEAPOT, *AS_OF)
    assert status == 1  # the teapot deviates
    assert f"| {TEAPOT} | python | `{TEAPOT}` | enum | " in out
    assert " (1 disagreement) | ✗ 418 |" in out
    assert err == ""  # not a terminal: no progress line
    status, out, _ = run(capsys, CLEAN, *AS_OF)
    assert status == 0
    assert f"| {CLEAN} | python | `{CLEAN}` | enum | " in out
    assert " … now (0 disagreements) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |" in out


def test_a_failed_import_shows_in_its_row_and_the_others_still_render(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, BROKEN, CLEAN, "no.such.module", *AS_OF, "--format", "json")
    document = json.loads(out)
    assert status == 1
    assert [(row["impl"], row["error"] is None) for row in document["rows"]] == [
        (BROKEN, False),
        (CLEAN, True),
        ("no.such.module", False),
    ]
    assert "RuntimeError: this status table is broken on import" in document["rows"][0]["error"]
    assert document["rows"][2]["error"].startswith("cannot import 'no.such.module'")


def test_the_list_the_only_filter_and_html_output(
    capsys: pytest.CaptureFixture[str], listed: Path, tmp_path: Path
) -> None:
    page = tmp_path / "out" / "matrix.html"
    status, out, _ = run(
        capsys, "--file", str(listed / "implementations.toml"), "--only", "clean", "-o", str(page)
    )
    assert (status, out) == (0, "")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")  # the format follows the suffix
    assert f'data-impl="{CLEAN}"' in text
    assert f'data-impl="{TEAPOT}"' not in text
    data = tmp_path / "matrix.json"
    run(capsys, CLEAN, "-o", str(data))
    assert json.loads(data.read_text(encoding="utf-8"))["rows"][0]["impl"] == CLEAN
    markdown = tmp_path / "matrix.markdown"
    run(capsys, CLEAN, "-o", str(markdown), "--format", "markdown")
    assert markdown.read_text(encoding="utf-8").startswith("## Implementations")


def test_the_default_list_is_the_expectations_directorys(
    capsys: pytest.CaptureFixture[str], listed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(listed.parent)
    status, out, _ = run(capsys, *AS_OF)
    assert status == 1
    assert f"| pytest {VERSION} | python | `{TEAPOT}` |" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "no implementations: give IMPL arguments or --file, or run where "),
        (("--only", "nobody", CLEAN), "--only nobody: not in the implementations list"),
        (("--file", "missing.toml"), "no implementations: give IMPL arguments or --file"),
        (("--recorded",), "no implementations"),
        ((CLEAN, "-o", "matrix.pdf"), "matrix.pdf: cannot tell the format from .pdf; use .md, "),
        ((CLEAN, "-o", "matrix"), "matrix: cannot tell the format from a name without suffix"),
        (
            (CLEAN, "-o", "matrix.json", "--format", "html"),
            "matrix.json: --format html disagrees with the suffix, which means json",
        ),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert err.startswith(f"statuscheck: error: {message}")
    assert err.count("\n") == 1


def test_an_unwritable_output_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    status, out, err = run(capsys, CLEAN, "-o", str(blocker / "matrix.md"))
    assert (status, out) == (2, "")
    assert err.startswith(f"statuscheck: error: {blocker / 'matrix.md'}: cannot write: ")
    assert err.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == ""


def test_write_check_and_declare_expectations(
    capsys: pytest.CaptureFixture[str], listed: Path
) -> None:
    directory = ["--expectations", str(listed), "--only", "pytest", *AS_OF]
    status, out, _ = run(capsys, *directory, "--check-expectations")
    assert status == 1
    assert out == f"{listed / RECORD} is missing: this run records {RECORD[:-5]}\n"
    status, out, _ = run(capsys, *directory, "--write-expectations")
    assert (status, out) == (0, f"wrote {listed / RECORD}\n")
    status, out, _ = run(capsys, *directory, "--check-expectations")
    assert (status, out) == (0, f"up to date: {listed / RECORD}\n")
    status, out, _ = run(capsys, *directory)  # declared: the teapot deviates as recorded
    assert status == 0
    assert "○ 418" in out
    record = listed / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("418", "419"), encoding="utf-8")
    status, out, _ = run(capsys, *directory, "--check-expectations")
    assert status == 1
    assert out.startswith(f"{record} is out of date:\n")
    status, out, _ = run(capsys, *directory)
    assert status == 1
    assert "✗ 418" in out


def test_an_unrecordable_implementation_is_reported(
    capsys: pytest.CaptureFixture[str], listed: Path
) -> None:
    status, out, err = run(
        capsys, "--expectations", str(listed), "--only", "clean", "--write-expectations"
    )
    assert (status, out) == (1, "")
    assert err == f"statuscheck: cannot record {CLEAN}: its version is unknown\n"


def test_recorded_matrix_and_readme_update(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    directory = tmp_path / "expectations"
    shutil.copytree(REPO / "expectations", directory)
    status, out, _ = run(capsys, "--expectations", str(directory), "--recorded")
    assert status == 0
    assert "| Python 3.9 | python | `http.HTTPStatus` | enum |" in out
    assert "| twisted 26.10.0 | python | `twisted.web.http` | constants |" in out
    readme = tmp_path / "README.md"
    readme.write_text(f"# Project\n\n{README_START}\n{README_END}\n\nMore.\n", encoding="utf-8")
    args = ["--expectations", str(directory), "--update-readme", str(readme)]
    status, out, _ = run(capsys, *args)
    assert (status, out) == (0, f"{readme}: matrix updated\n")
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"# Project\n\n{README_START}\nGenerated by `statuscheck matrix")
    assert text.endswith(f"{README_END}\n\nMore.\n")
    status, out, _ = run(capsys, *args)
    assert (status, out) == (0, f"{readme}: the matrix is up to date\n")
    readme.write_text("# No markers\n", encoding="utf-8")
    status, _, err = run(capsys, *args)
    assert status == 2
    assert "has no <!-- matrix:start -->" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_stderr_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["matrix", CLEAN, TEAPOT, *AS_OF]) == 1
    assert terminal.getvalue() == (
        f"\r\x1b[Kstatuscheck matrix: [1/2] {CLEAN}"
        f"\r\x1b[Kstatuscheck matrix: [2/2] {TEAPOT}"
        "\r\x1b[K"
    )
    assert "| tests.miniatures:TEAPOT |" in capsys.readouterr().out
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    main(["matrix", CLEAN, "--no-progress", *AS_OF])
    assert terminal.getvalue() == ""


# -- the records drive the pytest suite ------------------------------------------------------


@pytest.fixture
def suite(pytester: pytest.Pytester) -> Path:
    target = pytester.path / "conformance"
    shutil.copytree(REPO / "conformance", target, ignore=shutil.ignore_patterns("__pycache__"))
    pytester.makeini("[pytest]\naddopts = -p no:cacheprovider\n")
    return target


def test_a_record_is_a_deviations_file_the_suite_holds_the_library_to(
    capsys: pytest.CaptureFixture[str], listed: Path, pytester: pytest.Pytester, suite: Path
) -> None:
    run(capsys, "--expectations", str(listed), "--only", "pytest", "--write-expectations")
    record = listed / RECORD
    args = [str(suite), "-p", "no:randomly", f"--impl={TEAPOT}", f"--deviations-file={record}"]
    result = pytester.runpytest(*args)
    outcomes = result.parseoutcomes()
    assert (outcomes.get("failed", 0), outcomes["xfailed"], result.ret) == (0, 1, 0)
    # A deviation the library no longer has (fixed upstream) fails: strict xfail.
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace(
            f'[deviations."{TEAPOT}"]\n', f'[deviations."{TEAPOT}"]\n"values:404" = "x"\n'
        ),
        encoding="utf-8",
    )
    result = pytester.runpytest(*args)
    assert result.ret == 1
    result.stdout.fnmatch_lines(
        [
            "*XPASS(strict)*declared deviation: x*",
            "FAILED conformance/test_values.py::test_value?404?*",
        ]
    )
    # A deviation the record does not list fails.
    record.write_text(text.replace('"values:418" = ', '"values:417" = '), encoding="utf-8")
    result = pytester.runpytest(*args)
    assert result.ret == 1
    result.stdout.fnmatch_lines(["FAILED conformance/test_values.py::test_value?418?*"])


def test_the_parser_offers_the_renderers_formats() -> None:
    from statuscheck.cli import matrix as command
    from statuscheck.reports import matrix as renderers

    assert command.FORMATS == renderers.FORMATS
