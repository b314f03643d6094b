"""IANA's CSV format (``http-status-codes-1.csv``), parsed and written byte for byte.

IANA quotes a field only when it contains a comma and has served the file with
CRLF line endings while copies in repositories are often LF. Parsing records
the line-ending style, and writing uses minimal quoting, so
``dump_csv(parse_csv(data)) == data`` for every file IANA has published.
"""

from __future__ import annotations

from statuscheck.registry.cells import (
    Description,
    format_description,
    format_references,
    row_entry,
)
from statuscheck.registry.errors import RegistryError
from statuscheck.registry.model import Entry, Registry

__all__ = ["HEADER", "dump_csv", "parse_csv"]

HEADER = ("Value", "Description", "Reference")
_BOM = b"\xef\xbb\xbf"


def parse_csv(data: bytes, *, source: str = "<csv>") -> Registry:
    """Parse the bytes of an IANA CSV file into a validated :class:`Registry`.

    Every problem raises :class:`RegistryError` naming ``source`` and the line.
    """
    if data.startswith(_BOM):
        raise RegistryError("file starts with a UTF-8 byte-order mark", source=source, line=1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RegistryError(
            f"invalid UTF-8 (byte 0x{data[error.start]:02x})", source=source, line=line
        ) from None
    if not text:
        raise RegistryError("file is empty: missing header", source=source, line=1)
    final_newline = text.endswith("\n")
    lines = (text[:-1] if final_newline else text).split("\n")
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    entries: list[Entry] = []
    for number, raw in enumerate(lines, start=1):
        terminated = final_newline or number < len(lines)
        content = raw[:-1] if newline == "\r\n" and terminated else raw
        if "\r" in content or (newline == "\r\n" and terminated and not raw.endswith("\r")):
            raise RegistryError(
                "line ending differs from the file's first line", source=source, line=number
            )
        fields = _split_fields(content, source=source, line=number)
        if number == 1:
            if tuple(fields) != HEADER:
                raise RegistryError(
                    f"missing header: expected {','.join(HEADER)!r}, found {content!r}",
                    source=source,
                    line=1,
                )
            continue
        entries.append(_entry(fields, content, source=source, line=number))
    return Registry(tuple(entries), newline=newline, final_newline=final_newline, source=source)


def dump_csv(registry: Registry) -> bytes:
    """Serialise a registry the way IANA publishes its CSV."""
    rows = [",".join(HEADER)]
    for entry in registry.entries:
        description = Description(
            entry.status,
            entry.phrase,
            entry.registered,
            entry.extensions_registered,
            entry.expires,
        )
        cells = (
            entry.value_text,
            format_description(description),
            format_references(entry.references),
        )
        rows.append(",".join(_quote(cell) for cell in cells))
    text = registry.newline.join(rows)
    if registry.final_newline:
        text += registry.newline
    return text.encode("utf-8")


def _entry(fields: list[str], content: str, *, source: str, line: int) -> Entry:
    if not content:
        raise RegistryError("blank line", source=source, line=line)
    if len(fields) != len(HEADER):
        problem = "truncated row" if len(fields) < len(HEADER) else "too many fields"
        raise RegistryError(
            f"{problem}: expected {len(HEADER)} fields, found {len(fields)} in {content!r}",
            source=source,
            line=line,
        )
    value, description_cell, reference_cell = fields
    return row_entry(value, description_cell, reference_cell, source=source, line=line)


def _split_fields(content: str, *, source: str, line: int) -> list[str]:
    """Split one line into fields, honouring RFC 4180 quoting within the line."""
    fields: list[str] = []
    position = 0
    while True:
        if content.startswith('"', position):
            parts: list[str] = []
            start = position + 1
            while True:
                quote = content.find('"', start)
                if quote == -1:
                    raise RegistryError(
                        "truncated row: quoted field is never closed", source=source, line=line
                    )
                parts.append(content[start:quote])
                if content.startswith('"', quote + 1):
                    parts.append('"')
                    start = quote + 2
                    continue
                position = quote + 1
                break
            fields.append("".join(parts))
            if position == len(content):
                return fields
            if content[position] != ",":
                raise RegistryError(
                    f"unexpected {content[position]!r} after a closing quote",
                    source=source,
                    line=line,
                )
            position += 1
            continue
        comma = content.find(",", position)
        field = content[position:] if comma == -1 else content[position:comma]
        if '"' in field:
            raise RegistryError(f"stray quote in field {field!r}", source=source, line=line)
        fields.append(field)
        if comma == -1:
            return fields
        position = comma + 1


def _quote(cell: str) -> str:
    if "," in cell or '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell
