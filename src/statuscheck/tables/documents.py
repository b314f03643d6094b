"""Reading table documents: status-code tables printed by any language.

Three forms, told apart by their content, never by the file name:

* a version 1 table document, ``{"statuscheck_table": 1, "entries": [...]}``;
* a JSON object from code to phrase (Node's ``http.STATUS_CODES``);
* CSV whose header row names a ``code`` column and any of ``phrase``,
  ``name`` and ``description``.

JSON is validated against the published ``table.schema.json``, so a bad
field is named by its JSON path; every definition keeps the document line it
came from, so findings can point at it. Its ``where`` names the entry as a
reader of the document finds it -- by its name when it has one, else by its
JSON path (``$.entries[45]``, ``$["418"]``) or CSV row (``row 46``, the
header being row 1) -- since reports already lead with the line.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path
from typing import Any

from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.located_json import LocatedObject, parse_located
from statuscheck.tables.table import ABSENT, Definition, Location, StatusTable

__all__ = ["MAX_DOCUMENT_BYTES", "SCHEMA_PATH", "read_document"]

#: Larger than any real table by two orders of magnitude; more is not a table.
MAX_DOCUMENT_BYTES = 1 << 20
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "table.schema.json"

_CSV_COLUMNS = ("code", "phrase", "name", "description")
#: As the schema says: a name is an identifier, whitespace never belongs in one.
_NAME = re.compile(r"^\S*$")


def read_document(data: bytes, source: str) -> StatusTable:
    """The table ``data`` holds; ``source`` names it in messages and in the report."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ImplementationError(
            f"{source}: more than {MAX_DOCUMENT_BYTES} bytes: not a status-code table"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImplementationError(
            f"{source}:{line}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    content = text.lstrip()
    if not content:
        raise ImplementationError(f"{source}: empty: expected a table document")
    if content.startswith("{"):
        return _read_json(text, source)
    if content.startswith("["):
        raise ImplementationError(
            f"{source}: a JSON array is not a table document: expected an object "
            '({"statuscheck_table": 1, ...} or {"200": "OK", ...})'
        )
    return _read_csv(text, source)


def _read_json(text: str, source: str) -> StatusTable:
    try:
        document = parse_located(text)
    except json.JSONDecodeError as error:
        raise ImplementationError(
            f"{source}:{error.lineno}:{error.colno}: malformed JSON: {error.msg}"
        ) from None
    _validate(document, source)
    if "statuscheck_table" in document:
        return _read_versioned(document, source)
    definitions = tuple(
        Definition(
            key=int(key),
            where=f"$[{json.dumps(key)}]",
            phrase=phrase,
            location=Location(source, line),
        )
        for key, phrase, line in document.pairs
    )
    return StatusTable(source, "document", definitions, language="")


def _read_versioned(document: LocatedObject, source: str) -> StatusTable:
    definitions = []
    for index, entry in enumerate(document["entries"]):
        code = entry["code"]
        if isinstance(code, float):  # JSON Schema counts 200.0 as an integer; a table may not
            raise ImplementationError(f"{source}:{entry.line}: code {code!r} is not an integer")
        definitions.append(
            Definition(
                key=code,
                where=entry.get("name") or f"$.entries[{index}]",
                name=entry.get("name"),
                phrase=entry.get("phrase", ABSENT),
                description=entry.get("description", ABSENT),
                alias=entry.get("alias", False),
                location=Location(source, entry.line),
            )
        )
    label = document.get("implementation") or source
    return StatusTable(label, "document", tuple(definitions), language=document.get("language", ""))


def _validate(document: Any, source: str) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(document))
    if error is None:
        return
    line = getattr(document, "line", 1)
    node = document
    for step in error.absolute_path:
        node = node[step]
        line = getattr(node, "line", line)
    raise ImplementationError(
        f"{source}:{line}: {error.json_path}: {error.message} (see table.schema.json)"
    )


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _read_csv(text: str, source: str) -> StatusTable:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [column.strip().lower() for column in reader.fieldnames or ()]
    except csv.Error as error:
        raise ImplementationError(f"{source}:1: malformed CSV: {error}") from None
    unknown = [column for column in header if column not in _CSV_COLUMNS]
    if "code" not in header or unknown:
        raise ImplementationError(
            f"{source}:1: not a table document: expected a JSON object or a CSV header row "
            f"with a code column and any of phrase, name, description (got {','.join(header)!r})"
        )
    reader.fieldnames = header
    definitions = []
    try:
        for row_number, row in enumerate(reader, start=2):
            line = reader.line_num
            if None in row or any(value is None for value in row.values()):
                raise ImplementationError(
                    f"{source}:{line}: {len(header)} columns expected, as in the header row"
                )
            definitions.append(_csv_definition(row, source, line, row_number))
    except csv.Error as error:
        raise ImplementationError(f"{source}:{reader.line_num}: malformed CSV: {error}") from None
    if not definitions:
        raise ImplementationError(f"{source}: a header row and no entries")
    return StatusTable(source, "document", tuple(definitions), language="")


def _csv_definition(row: dict[str, str], source: str, line: int, row_number: int) -> Definition:
    code = row["code"].strip()
    if not (code.isascii() and code.isdigit() and len(code) <= 3):
        raise ImplementationError(f"{source}:{line}: code {code!r} is not an integer from 0 to 999")
    name = row.get("name", "").strip()
    if not _NAME.match(name):
        raise ImplementationError(f"{source}:{line}: name {name!r} is not an identifier")
    return Definition(
        key=int(code),
        where=name or f"row {row_number}",
        name=name or None,
        phrase=row.get("phrase", ABSENT),
        description=row.get("description", ABSENT),
        location=Location(source, line),
    )
