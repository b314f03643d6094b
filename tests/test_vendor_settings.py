"""``statuscheck check`` as a vendor configures it: coverage, the missing-code policy,
``impl`` from pyproject, scoped deviations, pasteable declarations, a stale snapshot."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest

from statuscheck import check_implementation, load_snapshot
from statuscheck.cli.main import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the py39/py310 environments
    import tomli as tomllib

MISSING = "tests.miniatures:MISSING_CODE"  # the clean enum without 404
BEFORE_EXPIRY = ["--as-of", "2026-01-01"]  # 104's temporary registration is still valid
AFTER_EXPIRY = ["--as-of", "2026-11-28"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def pyproject(tmp_path: Path, text: str) -> str:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def assigned_on(day: str) -> int:
    registry = load_snapshot()
    expired = registry.expired_temporary(datetime.date.fromisoformat(day))
    return len(registry.assigned()) - len(expired)


@pytest.mark.parametrize(
    ("policy", "status", "line"),
    [
        ("error", 1, "FAIL  values 404: 404 Not Found is missing"),
        ("warn", 0, "WARN  values 404: 404 Not Found is missing"),
        ("ignore", 0, None),
    ],
)
def test_the_missing_policy_decides_what_a_missing_code_counts_as(
    capsys: pytest.CaptureFixture[str], policy: str, status: int, line: str | None
) -> None:
    code, out, _ = run(capsys, "check", MISSING, f"--missing={policy}", *BEFORE_EXPIRY)
    assert code == status
    lines = out.splitlines()
    assert [entry for entry in lines if "values 404" in entry] == ([line] if line else [])
    total = assigned_on("2026-01-01")
    suffix = "" if policy == "error" else f" (missing codes: {policy})"
    assert lines[1] == f"covers {total - 1} of {total} assigned codes{suffix}"


def test_the_policy_can_be_set_in_pyproject_and_the_json_carries_the_coverage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(tmp_path, '[tool.statuscheck]\nmissing = "warn"\n')
    status, out, _ = run(
        capsys, "check", MISSING, "--config", config, "--format", "json", *BEFORE_EXPIRY
    )
    report = json.loads(out)
    total = assigned_on("2026-01-01")
    assert status == 0
    assert report["coverage"] == {"defined": total - 1, "assigned": total, "missing": "warn"}
    [finding] = [f for f in report["findings"] if f["code"] == 404]
    assert finding["severity"] == "warning"
    # The command line wins over the settings.
    status, _, _ = run(capsys, "check", MISSING, "--config", config, "--missing=error")
    assert status == 1


def test_a_bad_policy_in_pyproject_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(tmp_path, '[tool.statuscheck]\nmissing = "sometimes"\n')
    status, out, err = run(capsys, "check", MISSING, "--config", config)
    assert (status, out) == (2, "")
    assert err == (
        f"statuscheck: error: {config} [tool.statuscheck]: missing = 'sometimes' is not one "
        "of error, warn, ignore\n"
    )


def test_without_impl_the_command_takes_pyprojects(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(tmp_path, '[tool.statuscheck]\nimpl = "tests.miniatures:TEAPOT"\n')
    status, out, _ = run(capsys, "check", "--config", config, *AFTER_EXPIRY)
    assert status == 1
    assert out.startswith("tests.miniatures:TEAPOT (enum; aliases none)")
    assert "FAIL  values 418: Teapot.IM_A_TEAPOT defines 418" in out


def test_without_impl_anywhere_the_command_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(tmp_path, "[tool.statuscheck]\n")
    status, out, err = run(capsys, "check", "--config", config)
    assert (status, out) == (2, "")
    assert err == (
        f"statuscheck: error: check needs IMPL, or impl = '...' under [tool.statuscheck] "
        f"in {config}\n"
    )


@pytest.mark.parametrize(
    ("scope", "impl"),
    [
        ("tests.miniatures:TEAPOT", "tests.miniatures.TEAPOT"),
        ("tests.miniatures.TEAPOT", "tests.miniatures:TEAPOT"),
    ],
)
def test_a_scope_matches_however_the_impl_is_spelled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, scope: str, impl: str
) -> None:
    config = pyproject(
        tmp_path, f'[tool.statuscheck.deviations."{scope}"]\n"values:418" = "We brew coffee"\n'
    )
    status, out, _ = run(capsys, "check", impl, "--config", config, *AFTER_EXPIRY)
    assert status == 0
    assert "XFAIL values 418: " in out
    assert "(declared: We brew coffee)" in out
    assert "note: " + config not in out


def test_a_scope_that_matches_nothing_is_reported_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(
        tmp_path,
        '[tool.statuscheck.deviations."tests.miniatures:TEAPOTS"]\n"values:418" = "typo"\n',
    )
    status, out, _ = run(
        capsys, "check", "tests.miniatures:TEAPOT", "--config", config, *BEFORE_EXPIRY
    )
    note = (
        f"{config} [tool.statuscheck.deviations]: the scoped deviations "
        '"tests.miniatures:TEAPOTS" match nothing here (the implementation checked is '
        "tests.miniatures:TEAPOT), so they are not applied"
    )
    assert status == 1
    assert out.splitlines()[2] == f"note: {note}"
    assert out.count(note) == 1
    _, out, _ = run(
        capsys, "check", "tests.miniatures:TEAPOT", "--config", config, "--format", "json"
    )
    assert json.loads(out)["notes"][0] == note


def test_print_deviations_leaves_the_reason_to_its_author_and_warnings_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = pyproject(tmp_path, "")
    args = ("check", "http.HTTPStatus", "--config", config, *BEFORE_EXPIRY)
    report = check_implementation("http.HTTPStatus", today=datetime.date(2026, 1, 1))
    warned = [f"{o.check}:{o.code}" for o in report.outcomes() if o.status == "warn"]
    kept = warned[0]  # a declared warning keeps its reason; the others stay out
    status, out, _ = run(capsys, *args, f"--deviation={kept}=We keep it", "--print-deviations")
    table = tomllib.loads(out)["tool"]["statuscheck"]["deviations"]["http.HTTPStatus"]
    assert status == 0
    assert table["values:418"] == "TODO: why"  # every Python defines the (Unused) 418
    assert table[kept] == "We keep it"
    assert set(table.values()) == {"TODO: why", "We keep it"}
    assert not set(warned[1:]) & set(table)
    _, out, _ = run(capsys, *args, "--print-all-deviations")
    everything = tomllib.loads(out)["tool"]["statuscheck"]["deviations"]["http.HTTPStatus"]
    assert set(warned) <= set(everything)
    assert set(everything.values()) == {"TODO: why"}


def test_after_an_expiry_the_header_says_once_that_the_snapshot_is_stale(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, before, _ = run(capsys, "check", "http.HTTPStatus", *BEFORE_EXPIRY)
    assert "WARN  values 104: 104 Upload Resumption Supported is missing" in before
    assert "note: " not in before
    _, after, _ = run(capsys, "check", "http.HTTPStatus", *AFTER_EXPIRY)
    assert "values 104" not in after
    note = (
        "note: the registry snapshot is out of date: its temporary registration 104 Upload "
        "Resumption Supported expired 2026-11-13 (today is 2026-11-28), so tables may lack it"
    )
    assert after.splitlines()[2] == note
    assert after.count("out of date") == 1
    _, markdown, _ = run(capsys, "check", "http.HTTPStatus", "--format", "markdown", *AFTER_EXPIRY)
    assert markdown.count("out of date") == 1


def test_markdown_counts_agree_with_their_nouns(capsys: pytest.CaptureFixture[str]) -> None:
    _, one, _ = run(capsys, "check", MISSING, "--missing=warn", "--format", "markdown")
    assert "**0 failing, 1 warning, 0 declared, 0 stale: conformant**" in one
    _, many, _ = run(capsys, "check", "http.HTTPStatus", "--format", "markdown", *AFTER_EXPIRY)
    warned = many.count("| WARN |")
    assert warned > 1
    assert f", {warned} warnings, " in many
