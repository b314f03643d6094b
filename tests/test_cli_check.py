"""``statuscheck check``: the same engine as the pytest suite, presented for terminals and CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from statuscheck.cli.main import main

AS_OF = ["--as-of", "2026-11-28"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_conformant_implementation_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "statuscheck.HTTPStatus", *AS_OF)
    assert status == 0
    assert out.splitlines()[-1] == "0 failing, 0 warnings, 0 declared, 0 stale: conformant"


def test_deviations_exit_1_and_name_check_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "tests.miniatures:TEAPOT", *AS_OF)
    assert status == 1
    assert (
        "FAIL  values 418: Teapot.IM_A_TEAPOT defines 418, but the registry marks 418 (Unused)"
        in out
    )


def test_warnings_alone_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "tests.miniatures:EMPTY_DESCRIPTION", *AS_OF)
    assert status == 0
    assert "WARN  descriptions 200: EmptyDescription.OK has an empty description" in out


def test_json_report_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "check", "tests.miniatures:WRONG_PHRASE", "--format", "json", *AS_OF
    )
    report = json.loads(out)
    assert status == 1
    assert set(report) >= {"impl", "snapshot", "findings"}
    assert report["impl"] == "tests.miniatures:WRONG_PHRASE"
    assert report["snapshot"]["registry_updated"] == "2025-09-15"
    [finding] = report["findings"]
    assert finding == {
        "code": 404,
        "check": "phrases",
        "severity": "error",
        "kind": "wrong-phrase",
        "message": "WrongPhrase.NOT_FOUND: 'Not Here' is not the registry phrase; "
        "the registry says 'Not Found'",
        "expected": "Not Found",
        "actual": "Not Here",
        "deviation": None,
        "location": None,  # built at run time: no line defines it
    }


def test_markdown_report_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "tests.miniatures:TEAPOT", "--format", "markdown", *AS_OF)
    assert out.startswith("### statuscheck: `tests.miniatures:TEAPOT`")
    assert (
        "| FAIL | values | 418 | Teapot.IM_A_TEAPOT defines 418, "
        "but the registry marks 418 (Unused) |" in out
    )


def test_unloadable_implementation_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "check", "tests.raising_impl")
    assert status == 2
    assert out == ""
    assert err == (
        "statuscheck: error: importing 'tests.raising_impl' for 'tests.raising_impl' raised "
        "RuntimeError: this status table is broken on import\n"
    )


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "statuscheck.HTTPStatus", "--format", "yaml"])
    assert caught.value.code == 2


def test_declared_deviation_from_the_command_line_and_stale_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys, "check", "tests.miniatures:TEAPOT", "--deviation", "values:418=We brew", *AS_OF
    )
    assert status == 0
    assert "XFAIL values 418: " in out
    assert "(declared: We brew)" in out
    status, out, _ = run(
        capsys, "check", "statuscheck.HTTPStatus", "--deviation", "values:418=We brew", *AS_OF
    )
    assert status == 1
    assert "STALE values 418: declared deviation values:418 no longer occurs" in out


def test_pyproject_deviations_scoped_to_the_implementation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.statuscheck.deviations."tests.miniatures:TEAPOT"]\n"values:418" = "We brew"\n'
        '[tool.statuscheck.deviations."other.Impl"]\n"values:404" = "Not ours"\n',
        encoding="utf-8",
    )
    status, _, _ = run(capsys, "check", "tests.miniatures:TEAPOT", "--config", str(config), *AS_OF)
    assert status == 0


def test_print_deviations_round_trips_into_a_passing_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, table, _ = run(
        capsys, "check", "tests.miniatures:LEGACY_PHRASE", "--print-deviations", *AS_OF
    )
    assert status == 0
    config = tmp_path / "pyproject.toml"
    config.write_text(table, encoding="utf-8")
    status, _, _ = run(
        capsys, "check", "tests.miniatures:LEGACY_PHRASE", "--config", str(config), *AS_OF
    )
    assert status == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("values:418", "needs a reason"),
        ("colour:418=red", "is not CHECK:CODE"),
        ("values:abc=x", "is not CHECK:CODE"),
    ],
)
def test_malformed_deviation_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    status, _, err = run(capsys, "check", "statuscheck.HTTPStatus", "--deviation", text)
    assert status == 2
    assert problem in err
    assert err.count("\n") == 1


def test_invalid_toml_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "deviations.toml"
    broken.write_text("[deviations\n", encoding="utf-8")
    status, _, err = run(
        capsys, "check", "statuscheck.HTTPStatus", "--deviations-file", str(broken)
    )
    assert status == 2
    assert f"{broken}: invalid TOML" in err


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    import statuscheck

    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"statuscheck {statuscheck.__version__}\n"
