"""Table documents: the three forms, their lines, and every kind of bad input as one line.

Phrases in the documents come from the pinned snapshot, never typed by hand.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import statuscheck
from statuscheck.cli.main import main
from statuscheck.registry.snapshot import load_snapshot
from statuscheck.tables.documents import MAX_DOCUMENT_BYTES, read_document
from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.resolve import is_document
from statuscheck.tables.table import ABSENT

AS_OF = ["--as-of", "2026-11-28"]
REGISTRY = load_snapshot()
OK = REGISTRY.entry(200).phrase
NOT_FOUND = REGISTRY.entry(404).phrase
assert OK is not None
assert NOT_FOUND is not None


def versioned(*entries: dict[str, object], **fields: object) -> bytes:
    """The document as the extractors print it: one entry per line."""
    head = json.dumps({"statuscheck_table": 1, **fields}, indent=2)[:-2]
    lines = ",\n    ".join(json.dumps(entry) for entry in entries)
    return f'{head},\n  "entries": [\n    {lines}\n  ]\n}}\n'.encode()


def test_a_versioned_document_keeps_names_aliases_and_each_entrys_line() -> None:
    data = versioned(
        {"code": 200, "name": "StatusOK", "phrase": OK},
        {"code": 404, "name": "StatusNotFound", "phrase": NOT_FOUND, "description": "gone"},
        {"code": 404, "name": "StatusMissing", "alias": True},
        implementation="Example 1.2",
        language="go",
    )
    table = read_document(data, "go.json")
    assert (table.label, table.language, table.shape) == ("Example 1.2", "go", "document")
    assert [(d.key, d.name, d.alias) for d in table.definitions] == [
        (200, "StatusOK", False),
        (404, "StatusNotFound", False),
        (404, "StatusMissing", True),
    ]
    assert [d.location.line if d.location else None for d in table.definitions] == [6, 7, 8]
    assert table.definitions[1].description == "gone"
    assert table.definitions[2].phrase is ABSENT
    assert [d.where for d in table.definitions] == ["StatusOK", "StatusNotFound", "StatusMissing"]


def test_an_unnamed_entry_is_named_by_its_json_path_or_csv_row() -> None:
    """Reports lead with the line already; ``where`` is how a reader finds the entry."""
    entries = versioned({"code": 200, "phrase": OK}, {"code": 404, "name": "StatusNotFound"})
    mapping = f'{{"200": {json.dumps(OK)}}}'.encode()
    rows = b"code,name\n200,\n404,NotFound\n"
    assert [d.where for d in read_document(entries, "t.json").definitions] == [
        "$.entries[0]",
        "StatusNotFound",
    ]
    assert [d.where for d in read_document(mapping, "t.json").definitions] == ['$["200"]']
    assert [d.where for d in read_document(rows, "t.csv").definitions] == ["row 2", "NotFound"]


def test_a_mapping_of_code_to_phrase_is_labelled_by_its_source() -> None:
    data = f'{{\n  "200": {json.dumps(OK)},\n\n  "404": {json.dumps(NOT_FOUND)}\n}}'.encode()
    table = read_document(data, "node.json")
    assert (table.label, table.language, table.carries_names) == ("node.json", "", False)
    assert [(d.key, d.phrase, d.location) for d in table.definitions] == [
        (200, OK, table.definitions[0].location),
        (404, NOT_FOUND, table.definitions[1].location),
    ]
    assert [d.location.line for d in table.definitions if d.location] == [2, 4]


def test_csv_with_a_header_row_in_any_column_order() -> None:
    data = f'phrase,code,name\r\n{OK},200,OK\r\n"{NOT_FOUND}",404,\r\n'.encode()
    table = read_document(data, "table.csv")
    assert [(d.key, d.phrase, d.name, d.description) for d in table.definitions] == [
        (200, OK, "OK", ABSENT),
        (404, NOT_FOUND, None, ABSENT),
    ]
    assert [d.location.line for d in table.definitions if d.location] == [2, 3]


def test_the_form_is_told_by_content_not_by_the_file_name(tmp_path: Path) -> None:
    document = tmp_path / "table.csv"
    document.write_bytes(versioned({"code": 200, "phrase": OK}, implementation="named"))
    status = main(["check", str(document), "--check", "phrases"])
    assert status == 0


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args, *AS_OF])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


BAD_DOCUMENTS = [
    pytest.param(
        b'{\n  "200": "x",\n  "404" "y"\n}\n', ":3:9: malformed JSON: Expecting ':'", id="json"
    ),
    pytest.param(
        versioned({"code": 200}, {"code": 404, "phrase": 5}),
        ":5: $.entries[1].phrase: 5 is not of type 'string'",
        id="schema",
    ),
    pytest.param(
        versioned({"code": "200"}),
        ":4: $.entries[0].code: '200' is not of type 'integer'",
        id="str",
    ),
    pytest.param(
        versioned({"code": 1000}),
        "$.entries[0].code: 1000 is greater than the maximum of 999",
        id="big",
    ),
    pytest.param(
        versioned({"code": -1}), "$.entries[0].code: -1 is less than the minimum", id="neg"
    ),
    pytest.param(versioned({"code": 200.0}), ":4: code 200.0 is not an integer", id="float"),
    pytest.param(
        versioned({"code": 200, "colour": "red"}),
        "$.entries[0]: Additional properties are not allowed ('colour' was unexpected)",
        id="extra-field",
    ),
    pytest.param(b'{"abc": "x"}', "$: 'abc' does not match", id="mapping-key"),
    pytest.param(
        b'{"statuscheck_table": 2, "entries": []}',
        "$.statuscheck_table: 1 was expected",
        id="version",
    ),
    pytest.param(b"[200, 404]", "a JSON array is not a table document", id="array"),
    pytest.param(
        b"code,phrase\n200,OK\nabc,x\n",
        ":3: code 'abc' is not an integer from 0 to 999",
        id="csv-code",
    ),
    pytest.param(b"code,phrase\n200\n", ":2: 2 columns expected", id="csv-columns"),
    pytest.param(
        versioned({"code": 200, "name": "NOT\nFOUND"}),
        ":4: $.entries[0].name: 'NOT\\nFOUND' does not match",
        id="name",
    ),
    pytest.param(
        b"code,name\n200,NOT FOUND\n", ":2: name 'NOT FOUND' is not an identifier", id="csv-name"
    ),
    pytest.param(b"hello world\n", ":1: not a table document", id="text"),
    pytest.param(b'{"200": "caf\xe9"}', ":1: not UTF-8 (byte 0xe9 at offset 12)", id="latin-1"),
    pytest.param(b" " * MAX_DOCUMENT_BYTES + b"{}", "more than 1048576 bytes", id="too-big"),
    pytest.param(b"\n\n", "empty: expected a table document", id="blank"),
]


@pytest.mark.parametrize(("data", "message"), BAD_DOCUMENTS)
def test_bad_documents_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, message: str
) -> None:
    document = tmp_path / "bad.json"
    document.write_bytes(data)
    status, out, err = check(capsys, str(document))
    assert (status, out) == (2, "")
    assert err.startswith(f"statuscheck: error: {document}")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(("data", "message"), BAD_DOCUMENTS[:3])
def test_pytest_says_the_same_line_as_the_cli(
    pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    document = pytester.path / "bad.json"
    document.write_bytes(data)
    _, _, err = check(capsys, str(document))
    line = err.removeprefix("statuscheck: error: ").strip()
    result = pytester.runpytest("-p", "no:cacheprovider", f"--impl={document}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert f"argument --impl: {line}" in result.stderr.str()
    assert "Traceback" not in result.stderr.str()


def read_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_an_empty_stdin_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_stdin(monkeypatch, b"")
    assert check(capsys, "-") == (
        2,
        "",
        "statuscheck: error: standard input is empty: expected a table document\n",
    )


def test_stdin_is_labelled_by_the_documents_implementation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_stdin(monkeypatch, versioned({"code": 404, "phrase": "Not Here"}, implementation="Mine 2"))
    status, out, _ = check(capsys, "-", "--check", "phrases", "--format", "json")
    report = json.loads(out)
    assert (status, report["impl"], report["shape"]) == (1, "Mine 2", "document")
    [finding] = report["findings"]
    assert finding["message"].startswith("$.entries[0]: 'Not Here' is not the registry phrase")
    assert finding["location"] == {"path": "<stdin>", "line": 5}


def test_one_code_with_two_phrases_is_a_finding_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "two.json"
    document.write_bytes(
        versioned({"code": 404, "phrase": NOT_FOUND}, {"code": 404, "phrase": "Not Here"})
    )
    status, out, err = check(capsys, str(document), "--check", "phrases")
    assert (status, err) == (1, "")
    expected = f"{document}:5: FAIL  phrases 404: $.entries[1]: 'Not Here' is not the registry"
    assert expected in out


def test_a_duplicate_key_in_a_mapping_is_a_finding_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "node.json"
    document.write_text(
        f'{{"404": {json.dumps(NOT_FOUND)},\n "404": "Not Here"}}', encoding="utf-8"
    )
    status, out, _ = check(capsys, str(document), "--check", "phrases")
    assert status == 1
    assert f"""{document}:2: FAIL  phrases 404: $["404"]: 'Not Here'""" in out


def test_a_missing_document_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    assert check(capsys, str(missing)) == (
        2,
        "",
        f"statuscheck: error: {missing}: cannot read: No such file or directory\n",
    )


def test_errors_name_the_source_for_any_caller() -> None:
    with pytest.raises(ImplementationError, match=r"^doc:1:2: malformed JSON"):
        read_document(b"{]", "doc")


def test_a_dotted_path_ending_in_json_is_a_module_unless_the_file_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not is_document("mypkg.json")
    Path("mypkg.json").write_bytes(versioned({"code": 200}))
    assert is_document("mypkg.json")
    assert is_document(str(tmp_path / "elsewhere.csv"))
    assert is_document("-")


def test_pytest_reads_no_stdin_and_says_so(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("-p", "no:cacheprovider", "--impl=-")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert (
        "argument --impl: standard input is for statuscheck check -; give pytest the "
        "document's path" in result.stderr.str()
    )


def test_a_document_given_to_the_matrix_is_a_row_of_its_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "mine.json"
    document.write_bytes(versioned({"code": 200}, implementation="Mine 2", language="go"))
    main(["matrix", str(document), "statuscheck.HTTPStatus", "--no-progress", *AS_OF])
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if line.startswith("| ") and "`" in line]
    assert rows[0].startswith(f"| statuscheck {statuscheck.__version__} | python |")  # first
    assert rows[1].startswith(f"| Mine 2 | go | `{document}` | document |")
