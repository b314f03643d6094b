"""New names follow the table's own style, whatever it is, by analogy with a neighbour."""

from __future__ import annotations

from pathlib import Path

import pytest

from statuscheck.findings.engine import registry_and_info
from statuscheck.fixes.apply import fix_source
from statuscheck.fixes.locate import Target
from statuscheck.fixes.names import derive_name
from statuscheck.fixes.plan import AddCode, Plan
from tests.miniatures import ROWS
from tests.source_files import check, fix_file, fixable_errors, load


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("NOT_FOUND", "CONTENT_TOO_LARGE"),
        ("HTTP_404_NOT_FOUND", "HTTP_413_CONTENT_TOO_LARGE"),
        ("HTTP_NOT_FOUND", "HTTP_CONTENT_TOO_LARGE"),
        ("not_found", "content_too_large"),
        ("StatusNotFound", "StatusContentTooLarge"),
        ("NotFound", "ContentTooLarge"),
        ("HTTP_404", "HTTP_413"),
        ("E404", "E413"),
    ],
)
def test_a_name_is_derived_in_the_models_style(model: str, expected: str) -> None:
    assert derive_name(model, 404, "Not Found", 413, "Content Too Large") == expected


@pytest.mark.parametrize("model", ["FILE_MISSING", "HTTP_404_GONE_AWAY"])
def test_a_name_that_spells_neither_code_nor_phrase_is_not_derived(model: str) -> None:
    assert derive_name(model, 404, "Not Found", 413, "Content Too Large") is None


def test_a_keyword_is_never_a_derived_name() -> None:
    assert derive_name("not_found", 404, "Not Found", 100, "Continue") is None


def _enum_source(path: Path, names: list[tuple[str, int]]) -> None:
    members = "".join(f"    {name} = {code}\n" for name, code in names)
    path.write_text(f"import enum\n\n\nclass Status(enum.IntEnum):\n{members}", encoding="utf-8")


def test_a_go_style_enum_gets_a_missing_code_in_go_style(tmp_path: Path) -> None:
    path = tmp_path / "gostyle.py"
    _enum_source(path, [("StatusContinue", 100), ("StatusOK", 200), ("StatusNotFound", 404)])
    registry, _ = registry_and_info(None)
    phrases = {entry.first: entry.phrase or "" for entry in registry.assigned()}
    former = ("Request Entity Too Large",)
    plan = Plan((AddCode(413, phrases[413], "Too large", former),), (), phrases)
    fixed = fix_source(path.read_bytes(), Target(path, "enum", "Status"), plan)
    assert fixed.fixed.decode().endswith(
        "    StatusNotFound = 404\n"
        "    StatusContentTooLarge = 413\n"
        "    StatusRequestEntityTooLarge = StatusContentTooLarge\n"
    )


def test_a_lower_case_table_is_fixed_in_lower_case(tmp_path: Path) -> None:
    path = tmp_path / "lower.py"
    names = [(name.lower(), code) for name, code, _, _ in ROWS if code not in (100, 404, 413)]
    _enum_source(path, [*names, ("request_uri_too_long", 414)])
    fixed = fix_file(path, "enum", "Status", load(path, "Status"))
    text = fixed.fixed.decode()
    assert "    forbidden = 403\n    not_found = 404\n" in text
    assert "    content_too_large = 413\n    request_entity_too_large = content_too_large\n" in text
    # 100 would be named `continue`, which Python cannot bind: it stays missing, and reported.
    assert [(type(edit).__name__, edit.code) for edit in fixed.unapplied] == [("AddCode", 100)]
    path.write_bytes(fixed.fixed)
    assert fixable_errors(check(load(path, "Status"))) == [("values", 100, "missing-code")]
