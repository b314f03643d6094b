"""Every format IANA publishes parses to the same registry, and hostile markup is refused.

All registry content comes from the real files in ``tests/data/iana``; broken
and hostile inputs are derived from them by code.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import pytest
from hypothesis import given

from statuscheck import Registry, RegistryError, dump_csv
from statuscheck.registry.cells import Description, format_description
from statuscheck.registry.formats import (
    MAX_REGISTRY_BYTES,
    detect_format,
    load_document,
    load_registry,
    parse_document,
    parse_registry,
)
from statuscheck.registry.markup import MAX_DEPTH
from statuscheck.registry.xml_codec import parse_xml
from tests.conftest import IANA
from tests.strategies import registries

XML = IANA / "xml-2025-09-15.xml"
XML_2024 = IANA / "xml-2024-11-13.xml"
CSV = IANA / "csv-2025-09-15.csv"
XHTML = IANA / "xhtml-2015-02-20.xhtml"


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def _record_line(data: bytes, code: bytes) -> int:
    """The line of the ``<record>`` whose ``<value>`` is ``code``."""
    return _line_of(data, b"<value>" + code + b"</value>") - 1


@pytest.mark.parametrize(
    ("path", "expected"),
    [(path, path.name.split("-")[0]) for path in sorted(IANA.glob("*-*.*"))],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_format_is_detected_from_content(path: Path, expected: str) -> None:
    data = path.read_bytes()
    assert detect_format(data) == expected
    # The name says nothing: the same bytes under another name are the same format.
    assert load_document(path).format == expected


@pytest.mark.parametrize("date", ["2025-09-15"])
def test_the_xml_and_the_csv_of_a_date_are_the_same_registry(date: str) -> None:
    from_xml = load_registry(IANA / f"xml-{date}.xml")
    from_csv = load_registry(IANA / f"csv-{date}.csv")
    assert from_xml == from_csv
    assert from_xml.entries == from_csv.entries


def test_the_csv_of_a_date_derives_from_its_xml_byte_for_byte() -> None:
    """The rule in SOURCES.md, proven: xref text, else data (upper-cased for rfc)."""
    assert dump_csv(parse_registry(XML.read_bytes())) == CSV.read_bytes()


def test_xml_states_its_date_and_the_records_their_lines() -> None:
    data = XML.read_bytes()
    document = parse_document(data, source="x.xml")
    assert document.updated is not None
    assert document.updated.isoformat() == "2025-09-15"
    assert load_document(XML_2024).updated == datetime.date(2024, 11, 13)
    assert document.registry.entry(510).line == _record_line(data, b"510")
    assert document.registry.entry(420).line == _record_line(data, b"419-420")


def test_xref_without_text_uses_its_data_upper_cased_for_rfc() -> None:
    registry = load_registry(XML)
    assert [reference.text for reference in registry.entry(102).references] == ["RFC2518"]
    assert [reference.text for reference in registry.entry(104).references] == [
        "draft-ietf-httpbis-resumable-upload-05"
    ]
    assert registry.entry(104).references[0].kind == "draft"


def test_the_xhtml_page_of_2015_says_what_the_registry_said_then() -> None:
    document = load_document(XHTML)
    registry = document.registry
    assert document.format == "xhtml"
    assert document.updated is not None
    assert document.updated.isoformat() == "2015-02-20"
    assert registry.entry(413).phrase == "Payload Too Large"
    assert registry.entry(422).phrase == "Unprocessable Entity"
    assert registry.entry(418).status == "unassigned"
    assert registry.entry(306).status == "unused"
    assert (registry.entry(510).status, registry.entry(510).phrase) == ("assigned", "Not Extended")
    assert registry.entry(413).references[0].text == "RFC7231, Section 6.5.11"
    assert registry.entry(100).line == _line_of(XHTML.read_bytes(), b">100</td>") - 1


def _insert_after_declaration(data: bytes, text: bytes) -> bytes:
    end = data.index(b"?>") + 2
    return data[:end] + b"\n" + text + data[end:]


def _billion_laughs(data: bytes) -> bytes:
    entities = [b'<!ENTITY lol0 "lol">']
    entities += [
        b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1)) * 10) for level in range(1, 10)
    ]
    doctype = b"<!DOCTYPE registry [" + b"".join(entities) + b"]>"
    return _insert_after_declaration(data, doctype).replace(b">Continue<", b">&lol9;<")


def _external_entity(data: bytes) -> bytes:
    doctype = b'<!DOCTYPE registry [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _insert_after_declaration(data, doctype).replace(b">Continue<", b">&xxe;<")


def _deep(data: bytes, depth: int) -> bytes:
    marker = b"<registration_rule>"
    return data.replace(marker, b"<note>" * depth + b"</note>" * depth + marker, 1)


# name: (how to break the real XML, the expected line (computed from the
# broken bytes), a fragment of the message)
BAD_XML: dict[str, tuple[Callable[[bytes], bytes], Callable[[bytes], int | None], str]] = {
    "unknown annotation": (
        lambda d: d.replace(b"(OBSOLETED)", b"(DEPRECATED)"),
        lambda d: _record_line(d, b"510"),
        "unknown annotation '(DEPRECATED)'",
    ),
    "record without value": (
        lambda d: d.replace(b"      <value>102</value>\n", b""),
        lambda d: _line_of(d, b"<description>Processing<") - 1,
        "exactly one <value>",
    ),
    "unexpected element": (
        lambda d: d.replace(b"Processing</description>", b"Processing</description><note/>"),
        lambda d: _record_line(d, b"102"),
        "unexpected element <note>",
    ),
    "xref with neither text nor data": (
        lambda d: d.replace(b'<xref type="rfc" data="rfc2518"/>', b'<xref type="rfc"/>'),
        lambda d: _line_of(d, b'<xref type="rfc"/>'),
        "neither text nor a data attribute",
    ),
    "bracket in a reference": (
        lambda d: d.replace(b">RFC9110, Section 15.2.1<", b">[RFC9110]<"),
        lambda d: _line_of(d, b">[RFC9110]<"),
        "cannot be written as a [bracketed] reference",
    ),
    "overlapping rows": (
        lambda d: d.replace(b"<value>105-199<", b"<value>104-199<"),
        lambda d: _record_line(d, b"104-199"),
        f"overlaps 104 (line {_record_line(XML.read_bytes(), b'104')})",
    ),
    "a code left out": (
        lambda d: re.sub(rb"<record>\s*<value>427</value>.*?</record>", b"", d, flags=re.S),
        lambda d: None,
        "codes 427 are not covered by any row",
    ),
    "non-numeric value": (
        lambda d: d.replace(b"<value>404<", b"<value>4O4<"),
        lambda d: _record_line(d, b"4O4"),
        "non-numeric value '4O4'",
    ),
    "invalid last-updated date": (
        lambda d: d.replace(b"<updated>2025-09-15<", b"<updated>2025-13-15<"),
        lambda d: _line_of(d, b"<updated>"),
        "'2025-13-15' is not a valid date",
    ),
    "invalid UTF-8": (
        lambda d: d.replace(b">Gone<", b">G\xffne<"),
        lambda d: _line_of(d, b">G\xffne<"),
        "invalid UTF-8 (byte 0xff)",
    ),
    "declared encoding other than UTF-8": (
        lambda d: d.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'"),
        lambda d: 1,
        "declares encoding 'ISO-8859-1'",
    ),
    "not the status code registry": (
        lambda d: d.replace(b'id="http-status-codes-1"', b'id="http-fields"'),
        lambda d: _line_of(d, b"<registry "),
        'no <registry id="http-status-codes-1">',
    ),
    "a DOCTYPE": (
        lambda d: _insert_after_declaration(d, b'<!DOCTYPE registry SYSTEM "registry.dtd">'),
        lambda d: _line_of(d, b"<!DOCTYPE"),
        "has a DOCTYPE: refused",
    ),
    "external entity": (
        _external_entity,
        lambda d: _line_of(d, b"<!ENTITY"),
        "declares an entity (<!ENTITY>): refused",
    ),
    "billion laughs": (
        _billion_laughs,
        lambda d: _line_of(d, b"<!ENTITY"),
        "declares an entity (<!ENTITY>): refused",
    ),
    "absurd nesting": (
        lambda d: _deep(d, MAX_DEPTH),
        lambda d: _line_of(d, b"<note>"),
        f"nest more than {MAX_DEPTH} deep",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_XML))
def test_bad_xml_raises_one_error_naming_the_line(case: str) -> None:
    mutate, expected_line, message = BAD_XML[case]
    data = mutate(XML.read_bytes())
    assert data != XML.read_bytes()
    with pytest.raises(RegistryError) as caught:
        parse_registry(data, source="bad.xml")
    error = caught.value
    assert message in str(error)
    assert error.line == expected_line(data)
    where = "bad.xml" if error.line is None else f"bad.xml:{error.line}"
    assert str(error).startswith(f"{where}: ")
    assert "\n" not in str(error)


def test_nesting_up_to_the_limit_is_accepted() -> None:
    # The registry's own elements already nest a few levels deep.
    assert parse_registry(_deep(XML.read_bytes(), MAX_DEPTH - 8)) == load_registry(CSV)


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param(_billion_laughs, id="billion laughs"),
        pytest.param(_external_entity, id="external entity"),
        pytest.param(lambda d: _deep(d, 60_000), id="60,000 nested elements"),
    ],
)
def test_hostile_xml_is_refused_before_a_tree_is_built(
    hostile: Callable[[bytes], bytes],
) -> None:
    """Memory stays within a small multiple of the input: no expansion, no tree."""
    data = hostile(XML.read_bytes())
    assert len(data) < MAX_REGISTRY_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(RegistryError, match="refused"):
            parse_registry(data, source="hostile.xml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A bs4 tree of the nested input alone would take hundreds of megabytes;
    # the billion laughs would expand to 3 GB of "lol".
    assert peak < 4 * len(data) + 1_000_000


def test_an_html_error_page_is_an_error_not_an_empty_registry() -> None:
    page = (
        b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n"
        b"<body><h1>Service Unavailable</h1><p>Try again later.</p></body></html>\n"
    )
    assert detect_format(page) == "xhtml"
    with pytest.raises(RegistryError) as caught:
        parse_registry(page, source="page.html")
    assert str(caught.value) == (
        "page.html: HTML page '503 Service Unavailable' has no registry table "
        "(table#table-http-status-codes-1): an error page rather than the registry?"
    )


def test_an_xhtml_row_with_a_missing_cell_names_its_line() -> None:
    data = XHTML.read_bytes()
    row_start = data.index(b'<td align="center">404</td>')
    cell = data.index(b"<td>[", row_start)
    broken = data[:cell] + data[data.index(b"</td>", cell) + len(b"</td>") :]
    with pytest.raises(RegistryError) as caught:
        parse_registry(broken, source="page.xhtml")
    assert caught.value.line == _line_of(broken, b'<td align="center">404</td>') - 1
    assert "table row has 2 cells" in str(caught.value)


@pytest.mark.parametrize(
    ("derive", "message"),
    [
        pytest.param(lambda d: b"", "is empty", id="empty"),
        pytest.param(lambda d: b" \r\n\t", "is empty", id="white space"),
        pytest.param(lambda d: d.decode().encode("utf-16"), "is UTF-16", id="UTF-16"),
        pytest.param(lambda d: b"Rate limit exceeded\n", "missing header", id="plain text"),
        pytest.param(
            lambda d: b"<?xml version='1.0'?>\n<feed/>", "root element is <feed>", id="other XML"
        ),
        pytest.param(lambda d: b"<!-- nothing -->", "root element is none", id="comment only"),
        pytest.param(
            lambda d: d * (MAX_REGISTRY_BYTES // len(d) + 1), "-byte limit", id="oversized"
        ),
    ],
)
def test_what_is_no_registry_at_all_is_said_in_one_line(
    derive: Callable[[bytes], bytes], message: str
) -> None:
    with pytest.raises(RegistryError, match=message) as caught:
        parse_registry(derive(CSV.read_bytes()), source="body")
    assert str(caught.value).startswith("body")
    assert "\n" not in str(caught.value)


def test_an_oversized_file_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(CSV.read_bytes() * (MAX_REGISTRY_BYTES // len(CSV.read_bytes()) + 1))
    with pytest.raises(RegistryError, match=f"{path}: is more than the"):
        load_registry(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=f"{tmp_path / 'nope.xml'}: cannot read"):
        load_registry(tmp_path / "nope.xml")


def _to_xml(registry: Registry) -> bytes:
    """IANA's XML layout, written from a registry by the SOURCES.md rule in reverse."""
    records = []
    for entry in registry.entries:
        description = format_description(
            Description(
                entry.status,
                entry.phrase,
                entry.registered,
                entry.extensions_registered,
                entry.expires,
            )
        )
        xrefs = "".join(
            f'\n      <xref type="text" data="x">{escape(reference.text)}</xref>'
            for reference in entry.references
        )
        records.append(
            f"    <record>\n      <value>{entry.value_text}</value>\n"
            f"      <description>{escape(description)}</description>{xrefs}\n    </record>\n"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<registry xmlns="http://www.iana.org/assignments" id="http-status-codes">\n'
        "  <updated>2020-02-02</updated>\n"
        '  <registry id="http-status-codes-1">\n' + "".join(records) + "  </registry>\n"
        "</registry>\n"
    ).encode()


@given(registries())
def test_any_registry_written_as_xml_parses_back_to_itself(registry: Registry) -> None:
    parsed = parse_xml(_to_xml(registry))
    assert parsed.registry == registry
    assert parsed.updated is not None
    assert parsed.updated.isoformat() == "2020-02-02"
    lf = Registry(registry.entries)
    assert dump_csv(parsed.registry) == dump_csv(lf)


def test_the_refresher_loads_requests_and_bs4_only_when_it_needs_them() -> None:
    """Building the CLI or parsing a CSV imports neither; parsing XML imports bs4 only."""
    script = (
        "import sys, statuscheck\n"
        "from statuscheck.cli.main import build_parser\n"
        "build_parser()\n"
        f"statuscheck.parse_registry(open({str(CSV)!r}, 'rb').read())\n"
        "before = sorted(m for m in ('requests', 'bs4') if m in sys.modules)\n"
        f"statuscheck.parse_registry(open({str(XML)!r}, 'rb').read())\n"
        "after = sorted(m for m in ('requests', 'bs4') if m in sys.modules)\n"
        "print(before, after)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] ['bs4']"
