"""Python source files as implementations: loaded privately, never left in sys.modules."""

from __future__ import annotations

import http
import sys
from pathlib import Path

import pytest

from statuscheck.cli.main import main
from statuscheck.findings.engine import check_implementation
from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.resolve import load_table

#: The stdlib's own http package source: a real table file, read as if not installed.
STDLIB_HTTP = Path(http.__file__)


def test_a_file_and_attribute_reads_like_the_installed_table() -> None:
    from_file = check_implementation(f"{STDLIB_HTTP}:HTTPStatus", aliases=None)
    installed = check_implementation("http.HTTPStatus", aliases=None)
    assert loaded_from(STDLIB_HTTP) == ["http"]  # the installed one, not a second copy
    assert from_file.impl == f"{STDLIB_HTTP}:HTTPStatus"
    assert from_file.language == "python"
    assert [(f.check, f.code, f.kind) for f in from_file.findings] == [
        (f.check, f.code, f.kind) for f in installed.findings
    ]


def test_each_load_is_a_fresh_module_that_shadows_nothing(tmp_path: Path) -> None:
    source = tmp_path / "http.py"  # named like a stdlib package on purpose
    source.write_text("NOT_FOUND = 404\nOK = 200\n", encoding="utf-8")
    first, second = load_table(str(source)), load_table(str(source))
    assert [d.key for d in first.definitions] == [404, 200]
    assert first.probe("OK") == 200
    assert first is not second
    assert sys.modules["http"] is http
    assert loaded_from(source) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("OK = 200\nraise RuntimeError('broken on load')\n", ":2: loading it raised RuntimeError"),
        ("import sys\nsys.exit(3)\n", ":2: loading it raised SystemExit: 3"),
        ("OK = (\n", ":1: invalid Python"),
        ("OK = 200\n", "no attribute 'Missing'"),
    ],
)
def test_a_file_that_fails_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    source = tmp_path / "codes.py"
    source.write_text(text, encoding="utf-8")
    status = main(["check", f"{source}:Missing" if "attribute" in message else str(source)])
    captured = capsys.readouterr()
    assert (status, captured.out) == (2, "")
    assert captured.err.startswith("statuscheck: error: ")
    assert str(source) in captured.err
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert loaded_from(source) == []


def loaded_from(source: Path) -> list[str]:
    return [name for name, m in sys.modules.items() if getattr(m, "__file__", None) == str(source)]


def test_a_missing_file_is_named() -> None:
    with pytest.raises(ImplementationError, match=r"nope\.py: no such file"):
        load_table("nope.py:Status")
