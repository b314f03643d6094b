"""Findings point at the file and line a vendor edits, for every shape of table.

The vendor package is written to a temporary directory by code from the pinned
snapshot (codes and phrases), imported for real, and checked: every definition
must point at the line that binds it, and every finding at its definition's line
(or, for a code the table lacks, at the table's).
"""

from __future__ import annotations

import http
import json
import linecache
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from statuscheck import load_snapshot
from statuscheck.cli.main import main
from statuscheck.findings.engine import check_implementation
from statuscheck.matrix.model import Row
from statuscheck.matrix.record_text import record_text
from statuscheck.registry.former_phrases import phrase_to_name
from statuscheck.tables.adapters import read_table
from statuscheck.tables.locate import display_path, locate
from statuscheck.tables.resolve import resolve

REGISTRY = load_snapshot()
#: A few assigned codes, then one the registry marks (Unused): a values error to point at.
ENTRIES = REGISTRY.assigned()[:6]
UNUSED = next(entry for entry in REGISTRY.entries if entry.status == "unused")
MISSING = REGISTRY.assigned()[6]


def _name(code: int, phrase: str | None) -> str:
    return phrase_to_name(phrase) if phrase else f"UNUSED_{code}"


ROWS = [(_name(e.first, e.phrase), e.first, e.phrase or "") for e in (*ENTRIES, UNUSED)]


def _sources() -> dict[str, str]:
    """The vendor package: one module per shape, written the way people write them."""
    enum_lines = [f"    {name} = {code}, {phrase!r}" for name, code, phrase in ROWS]
    constants = [f"HTTP_{code}_{name} = {code}" for name, code, _ in ROWS]
    mapping = [f"    {code}:\n        {phrase!r}," for _, code, phrase in ROWS]
    lookup = [f"    {name.lower()!r}: {code}," for name, code, _ in ROWS]
    status = (
        textwrap.dedent(
            """\
            import enum


            class Status(enum.IntEnum):
                def __new__(cls, value, phrase):
                    member = int.__new__(cls, value)
                    member._value_ = value
                    member.phrase = phrase
                    return member

            """
        )
        + "\n".join(enum_lines)
        + "\n"
    )
    return {
        "__init__.py": "from .relabelled import Status\n",
        "status.py": status,
        # Re-labelled the way httpx labels its classes: only the methods know the file.
        "relabelled.py": status + "\n\nStatus.__module__ = 'vendorpkg'\n",
        "constants.py": "\n".join(constants) + "\n",
        # Mirrors Status like http.client mirrors HTTPStatus, but forgets the first name.
        "aliases.py": "from .status import Status\n"
        + "".join(f"{name} = Status.{name}\n" for name, _, _ in ROWS[1:]),
        "reexport.py": "from .constants import (\n"
        + "".join(f"    HTTP_{code}_{name},\n" for name, code, _ in ROWS)
        + ")\n",
        "phrases.py": "PHRASES = {\n" + "\n".join(mapping) + "\n}\n",
        "lookup.py": "CODES = {\n" + "\n".join(lookup) + "\n}\n",
        "holder.py": "class Holder:\n    TABLE = {\n" + "\n".join(lookup) + "\n    }\n",
    }


@pytest.fixture
def vendor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    package = tmp_path / "vendorpkg"
    package.mkdir()
    for name, text in _sources().items():
        (package / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield package
    for module in [m for m in sys.modules if m == "vendorpkg" or m.startswith("vendorpkg.")]:
        del sys.modules[module]


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(
    ("impl", "module", "needle"),
    [
        ("vendorpkg.status:Status", "status.py", "{name} = {code},"),
        ("vendorpkg:Status", "relabelled.py", "{name} = {code},"),
        ("vendorpkg.constants", "constants.py", "HTTP_{code}_{name} ="),
        ("vendorpkg.reexport", "constants.py", "HTTP_{code}_{name} ="),
        ("vendorpkg.phrases:PHRASES", "phrases.py", "    {code}:"),
        ("vendorpkg.lookup:CODES", "lookup.py", "'{lower}': {code},"),
    ],
    ids=[
        "enum",
        "re-labelled enum",
        "constants",
        "re-exported constants",
        "dict literal",
        "lookup",
    ],
)
def test_every_definition_points_at_the_line_that_binds_it(
    vendor: Path, impl: str, module: str, needle: str
) -> None:
    table = read_table(resolve(impl), impl)
    assert len(table.definitions) == len(ROWS)
    for definition, (name, code, _) in zip(table.definitions, ROWS):
        expected = needle.format(name=name, code=code, lower=name.lower())
        assert definition.location is not None, definition.where
        assert definition.location.path == f"vendorpkg/{module}"
        assert definition.location.line == _line_of(vendor / module, expected), definition.where


def test_findings_point_at_their_definition_and_missing_codes_at_the_table(vendor: Path) -> None:
    report = check_implementation("vendorpkg.status:Status", aliases=None)
    status_py = vendor / "status.py"
    unused = next(f for f in report.findings if f.kind == "unused-code")
    assert unused.location is not None
    assert unused.location.line == _line_of(status_py, f"= {UNUSED.first},")
    missing = next(f for f in report.findings if f.code == MISSING.first)
    assert missing.kind == "missing-code"
    assert missing.location is not None
    assert (missing.location.path, missing.location.line) == (
        "vendorpkg/status.py",
        _line_of(status_py, "class Status("),
    )


@pytest.mark.parametrize(
    "label", ["vendorpkg.holder.Holder.TABLE", "vendorpkg.holder:Holder.TABLE"]
)
def test_a_table_held_by_a_class_points_at_the_class(vendor: Path, label: str) -> None:
    table = read_table(resolve(label), label)
    assert table.shape == "lookup"
    assert table.location is not None
    assert (table.location.path, table.location.line) == ("vendorpkg/holder.py", 1)


def test_a_name_missing_from_the_aliases_module_points_at_that_module(vendor: Path) -> None:
    report = check_implementation("vendorpkg.status:Status", aliases="vendorpkg.aliases")
    [missing] = [f for f in report.findings if f.kind == "alias-missing"]
    assert missing.expected == ROWS[0][0]
    assert missing.location is not None
    assert (missing.location.path, missing.location.line) == ("vendorpkg/aliases.py", 1)


def test_text_and_json_reports_lead_with_path_and_line(
    vendor: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _line_of(vendor / "phrases.py", f"    {UNUSED.first}:")
    assert main(["check", "vendorpkg.phrases:PHRASES"]) == 1
    text = capsys.readouterr().out
    assert f"\nvendorpkg/phrases.py:{line}: FAIL  values {UNUSED.first}: " in text
    assert main(["check", "vendorpkg.phrases:PHRASES", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    unused = next(f for f in findings if f["kind"] == "unused-code")
    assert unused["location"] == {"path": "vendorpkg/phrases.py", "line": line}


def test_the_stdlib_enum_points_at_each_member_in_its_own_source() -> None:
    table = read_table(http.HTTPStatus, "http.HTTPStatus")
    assert table.location is not None
    assert Path(table.location.path).is_absolute()  # the stdlib is not under the tests' cwd
    for definition in table.definitions:
        assert definition.location is not None, definition.where
        source = linecache.getline(definition.location.path, definition.location.line)
        assert source.strip().startswith(f"{definition.name} ="), definition.where


def test_paths_are_relative_only_under_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "a" / "b.py"
    monkeypatch.chdir(tmp_path)
    assert display_path(str(inside)) == "a/b.py"
    monkeypatch.chdir(tmp_path / "..")
    assert display_path(str(inside)) == str(inside.relative_to(tmp_path.parent))
    assert display_path("/elsewhere/c.py") == "/elsewhere/c.py"


@pytest.mark.parametrize("obj", [None, "404 Not Found", [200], {"x": 1}, sys, json, int], ids=repr)
def test_what_cannot_be_located_has_no_location_and_never_raises(obj: object) -> None:
    located = locate(obj, "nowhere.at_all")
    if obj is json:  # a module with source: its first line
        assert located.table is not None
        assert located.table.line == 1
    else:
        assert located.table is None
    assert located.entry([]) is None  # an unhashable key names no entry


def test_run_time_tables_have_no_location_rather_than_a_wrong_one() -> None:
    report = check_implementation("tests.miniatures:TEAPOT", aliases=None)
    assert report.findings
    for finding in report.findings:
        if finding.location is not None:
            assert finding.location.path == "tests/miniatures.py"


def test_expectations_records_carry_no_locations() -> None:
    report = check_implementation("http.HTTPStatus")
    assert any(finding.location is not None for finding in report.findings)
    text = record_text([Row("stdlib", "py3", "http.HTTPStatus", report)], report.snapshot)
    assert "location" not in text
    assert "http/__init__.py" not in text
