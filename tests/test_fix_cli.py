"""``statuscheck fix``: the diff, ``--write``, exit statuses, and sources it refuses to touch."""

from __future__ import annotations

import enum
import itertools
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from statuscheck.cli.main import main
from statuscheck.fixes.locate import FixError
from statuscheck.fixes.write import write_fixed
from tests import miniatures
from tests.source_files import fix_file, load, render_enum

_names = itertools.count()


def _vendor_module(
    table: type[enum.Enum], directory: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    module = f"vendor_status_{next(_names)}"
    path = directory / f"{module}.py"
    path.write_text(render_enum(table), encoding="utf-8")
    monkeypatch.chdir(directory)
    monkeypatch.syspath_prepend(str(directory))
    yield f"{module}:{table.__name__}", path
    sys.modules.pop(module, None)


@pytest.fixture
def vendor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """An importable module in the working directory holding a stale enum: (impl, path)."""
    yield from _vendor_module(miniatures.LEGACY_PHRASE, tmp_path, monkeypatch)


@pytest.fixture
def teapot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """A module whose only error is one no fix may resolve: 418 is (Unused)."""
    yield from _vendor_module(miniatures.TEAPOT, tmp_path, monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_fix_is_printed_as_a_diff_and_exits_1(
    vendor: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    impl, path = vendor
    before = path.read_bytes()
    status, out, err = run(capsys, "fix", impl)
    assert status == 1
    assert out.startswith(f"--- a/{path.name}\n+++ b/{path.name}\n@@ ")
    assert "-    CONTENT_TOO_LARGE = (413, 'Payload Too Large'," in out
    assert "+    CONTENT_TOO_LARGE = (413, 'Content Too Large'," in out
    assert path.read_bytes() == before
    assert err == ""


def test_what_no_fix_resolves_is_named_and_nothing_to_fix_exits_0(
    teapot: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    impl, path = teapot
    before = path.read_bytes()
    status, out, err = run(capsys, "fix", impl, "--write")
    assert (status, out) == (0, "")
    assert err == "statuscheck fix: left as reported: 418 unused-code\n"
    assert path.read_bytes() == before


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch tool")
def test_the_printed_diff_applies_with_patch_and_equals_write(
    vendor: tuple[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    impl, path = vendor
    _, diff, _ = run(capsys, "fix", impl)
    copy = tmp_path / "patched"
    copy.mkdir()
    shutil.copy(path, copy / path.name)
    subprocess.run(["patch", "-s", "-p1"], input=diff.encode(), cwd=copy, check=True)
    assert run(capsys, "fix", impl, "--write")[0] == 1
    assert (copy / path.name).read_bytes() == path.read_bytes()


def test_write_applies_in_place_keeps_the_mode_and_then_there_is_nothing_to_fix(
    vendor: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    impl, path = vendor
    path.chmod(0o640)
    status, out, err = run(capsys, "fix", impl, "--write")
    assert (status, out) == (1, "")
    assert f"fixed {path}" in err
    assert "'Content Too Large'" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [name for name in os.listdir(path.parent) if name.endswith(".tmp")] == []
    sys.modules.pop(impl.partition(":")[0], None)
    status, out, _ = run(capsys, "fix", impl)
    assert (status, out) == (0, "")


def test_write_refuses_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "table.py"
    path.write_bytes(b"OK = 200\n")
    with pytest.raises(FixError, match=r"refusing to write .*table\.py: it changed since"):
        write_fixed(path, b"OK = 201\n", b"OK = 200\nCREATED = 201\n")
    assert path.read_bytes() == b"OK = 200\n"
    assert os.listdir(tmp_path) == ["table.py"]


@pytest.mark.parametrize(
    ("impl", "message"),
    [
        ("sys", "cannot fix sys: no source file"),
        ("tests.miniatures:CLEAN_LOOKUP", "a SimpleNamespace is not a shape fix edits"),
        ("tests.miniatures:NOT_INT_COMPATIBLE", "has no class statement for it"),
        ("tests.miniatures:NOPE", "no attribute 'NOPE'"),
    ],
)
def test_a_source_that_cannot_be_edited_is_one_line_and_exit_2(
    impl: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "fix", impl)
    assert (status, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["fix", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "0 nothing to fix; 1 a fix was printed (or written with --write)" in out


@pytest.mark.parametrize(("command", "imports_libcst"), [("check", False), ("fix", True)])
def test_only_the_fix_command_pays_for_libcst(command: str, imports_libcst: bool) -> None:
    script = (
        "import sys\nfrom statuscheck.cli.main import main\n"
        f"main([{command!r}, 'statuscheck.HTTPStatus'])\nprint('libcst' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == str(imports_libcst)


def test_entries_written_in_a_form_fix_cannot_edit_are_named_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = f"vendor_status_{next(_names)}"
    path = tmp_path / f"{module}.py"
    items = "".join(
        f"    HTTPStatus({code}): {phrase if code != 404 else 'Not Here'!r},\n"
        for _, code, phrase, _ in miniatures.ROWS
    )
    source = f"from statuscheck import HTTPStatus\n\nT = {{\n{items}}}\n"
    path.write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        status, out, err = run(capsys, "fix", f"{module}:T")
    finally:
        sys.modules.pop(module, None)
    assert (status, out) == (2, "")
    assert f"{path.name}: cannot replace 404 'Not Here' with 'Not Found'" in err


def test_a_bytes_mapping_is_fixed_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "table.py"
    items = "".join(
        f"    {code}: {(phrase if code != 404 else 'Not Here').encode()!r},\n"
        for _, code, phrase, _ in miniatures.ROWS
        if code != 403
    )
    path.write_text(f"T = {{\n{items}}}\n", encoding="utf-8")
    fixed = fix_file(path, "mapping", "T", load(path, "T"))
    assert fixed.unapplied == ()
    assert "    403: b'Forbidden',\n    404: b'Not Found',\n" in fixed.fixed.decode()


@pytest.mark.parametrize("attribute", [":LEGACY_PHRASE", ""], ids=["enum", "constants"])
def test_a_python_file_path_is_fixed_where_it_lies(
    attribute: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``path/file.py[:Attr]`` is loaded under a private name: the path itself is the source."""
    path = tmp_path / "generated.py"
    table = miniatures.LEGACY_PHRASE
    if attribute:
        path.write_text(render_enum(table).replace(table.__name__, "LEGACY_PHRASE"), "utf-8")
    else:
        path.write_text("".join(f"{m.name} = {m.value}\n" for m in table if m != 200), "utf-8")
    status, _, err = run(capsys, "fix", f"{path}{attribute}", "--write")
    assert (status, err.splitlines()[0]) == (1, f"fixed {path}")
    assert run(capsys, "fix", f"{path}{attribute}")[:2] == (0, "")


def test_a_python_file_runs_once_per_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fix judges the very table it located: a vendor's file is executed once, not twice."""
    runs = tmp_path / "runs"
    path = tmp_path / "generated.py"
    path.write_text(
        f"with open({str(runs)!r}, 'a') as log:\n    log.write('run\\n')\n"
        "CONTINUE = 100\nOK = 200\nREQUEST_ENTITY_TOO_LARGE = 413\n",
        "utf-8",
    )
    status, out, _ = run(capsys, "fix", str(path))
    assert status == 1
    assert "+CONTENT_TOO_LARGE = 413" in out
    assert runs.read_text() == "run\n"
