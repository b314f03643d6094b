"""``statuscheck export``: a table document that judges exactly as the table it came from."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuscheck.checks.finding import Check, Finding
from statuscheck.cli.main import main
from statuscheck.findings.engine import check_implementation
from statuscheck.matrix.implementations import load_implementations
from statuscheck.registry.snapshot import load_snapshot
from statuscheck.reports.table_document import render_table_document
from statuscheck.tables.documents import read_document
from statuscheck.tables.table import ABSENT, Definition, StatusTable

REPO = Path(__file__).resolve().parents[1]
LISTED = load_implementations(REPO / "expectations" / "implementations.toml")
PYTHON_TABLES = [table for i in LISTED for table in i.tables]
#: What a document carries: everything but the enum-only api check.
CARRIED: tuple[Check, ...] = ("values", "phrases", "descriptions", "ordering", "aliases")


def judged(findings: tuple[Finding, ...]) -> list[tuple[object, ...]]:
    """A finding without its message, whose ``where`` names the source, not the verdict."""
    return [(f.check, f.code, f.severity, f.kind, f.expected, f.actual) for f in findings]


@pytest.mark.parametrize("impl", PYTHON_TABLES)
def test_checking_the_export_finds_what_checking_the_table_finds(
    impl: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    top = impl.split(".")[0]
    if importlib.util.find_spec(top) is None:
        pytest.skip(f"{top} is not installed here (tox -e matrix installs every library)")
    document = tmp_path / "table.json"
    assert main(["export", impl, "-o", str(document)]) == 0
    assert capsys.readouterr().err == f"wrote {document}\n"
    original = check_implementation(impl, aliases=None, checks=CARRIED)
    exported = check_implementation(str(document), aliases=None, checks=CARRIED)
    assert exported.impl == original.impl
    assert judged(exported.findings) == judged(original.findings)
    assert {c: exported.subjects[c] for c in CARRIED if c != "aliases"} == {
        c: original.subjects[c] for c in CARRIED if c != "aliases"
    }


def test_export_writes_to_stdout_and_the_text_is_one_entry_per_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "statuscheck.HTTPStatus"]) == 0
    text = capsys.readouterr().out
    document = json.loads(text)
    assert (document["statuscheck_table"], document["language"]) == (1, "python")
    entries = [line for line in text.splitlines() if line.startswith('    {"code": ')]
    assert len(entries) == len(document["entries"])


def test_a_failed_export_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    assert main(["export", "tests.miniatures:NOT_A_TABLE", "-o", str(target)]) == 2
    assert "a int is not an enum" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_value_no_document_can_hold_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "tests.miniatures:GARBAGE_MAPPING"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "statuscheck: error: cannot export tests.miniatures:GARBAGE_MAPPING[200]: "
        "its phrase None is not a string\n"
    )


_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
_NAMES = st.one_of(st.none(), st.from_regex(r"\S+", fullmatch=True))


@st.composite
def definitions(draw: st.DrawFn) -> Definition:
    alias = draw(st.booleans())
    return Definition(
        key=draw(st.integers(0, 999)),
        where="",
        name=draw(_NAMES),
        phrase=ABSENT if alias else draw(st.one_of(st.just(ABSENT), _TEXT)),
        description=ABSENT if alias else draw(st.one_of(st.just(ABSENT), _TEXT)),
        alias=alias,
    )


@given(
    label=st.text(st.characters(codec="utf-8"), min_size=1),
    language=st.from_regex(r"[a-z][a-z0-9+#-]{0,8}", fullmatch=True),
    rows=st.lists(definitions(), min_size=1, max_size=12),
)
def test_documents_round_trip(label: str, language: str, rows: list[Definition]) -> None:
    table = StatusTable(label, "document", tuple(rows), language=language)
    text = render_table_document(table, load_snapshot())
    back = read_document(text.encode("utf-8"), "doc.json")
    assert (back.label, back.language) == (label, language)
    fields = [(d.key, d.name, d.phrase, d.description, d.alias) for d in back.definitions]
    assert fields == [(d.key, d.name, d.phrase, d.description, d.alias) for d in rows]
    assert [d.location.line if d.location else 0 for d in back.definitions] == list(
        range(6, 6 + len(rows))
    )
