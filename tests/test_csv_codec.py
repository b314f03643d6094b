"""The IANA CSV parser and serialiser, against the real published files."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuscheck import Reference, Registry, RegistryError, dump_csv, parse_csv
from tests.conftest import IANA
from tests.strategies import registries


@pytest.mark.parametrize("path", sorted(IANA.glob("*.csv")), ids=lambda path: path.name)
def test_every_published_csv_parses_and_round_trips(path: Path) -> None:
    data = path.read_bytes()
    registry = parse_csv(data, source=path.name)
    assert dump_csv(registry) == data
    assert registry.entry(404).phrase == "Not Found"


def test_crlf_and_lf_files_parse_to_their_own_line_endings(
    old_csv: bytes, newest_csv: bytes
) -> None:
    assert parse_csv(old_csv).newline == "\r\n"
    assert parse_csv(newest_csv).newline == "\n"
    assert parse_csv(old_csv.replace(b"\r\n", b"\n")).entries == parse_csv(old_csv).entries


def test_annotations_become_statuses_not_phrases(newest_csv: bytes) -> None:
    registry = parse_csv(newest_csv)
    upload = registry.entry(104)
    assert (upload.status, upload.phrase) == ("temporary", "Upload Resumption Supported")
    assert upload.registered == datetime.date(2024, 11, 13)
    assert upload.extension_registered == datetime.date(2025, 9, 15)
    assert upload.expires == datetime.date(2026, 11, 13)
    assert (registry.entry(510).status, registry.entry(510).phrase) == ("obsoleted", "Not Extended")
    assert (registry.entry(306).status, registry.entry(306).phrase) == ("unused", None)
    assert (registry.entry(418).status, registry.entry(418).phrase) == ("unused", None)
    assert registry.entry(420).value_text == "419-420"
    assert registry.entry(420).status == "unassigned"


def test_references_are_parsed_into_kind_document_and_section(newest_csv: bytes) -> None:
    registry = parse_csv(newest_csv)
    assert registry.entry(413).references == (
        Reference("RFC9110, Section 15.5.14", "rfc", "RFC9110", "15.5.14"),
    )
    assert registry.entry(510).references == (
        Reference("RFC2774", "rfc", "RFC2774"),
        Reference(
            "Status change of HTTP experiments to Historic",
            "text",
            "Status change of HTTP experiments to Historic",
        ),
    )
    assert registry.entry(104).references == (
        Reference(
            "draft-ietf-httpbis-resumable-upload-05",
            "draft",
            "draft-ietf-httpbis-resumable-upload-05",
        ),
    )
    assert registry.entry(200).references[0].section == "15.3.1"
    assert registry.entry(105).references == ()


def _replace_line(data: bytes, number: int, new: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[number - 1] = new
    return b"\n".join(lines)


def _line(data: bytes, number: int) -> bytes:
    return data.split(b"\n")[number - 1]


# Each case derives a broken file from the real newest CSV by code.
BAD_INPUTS: dict[str, tuple[Callable[[bytes], bytes], int, str]] = {
    "truncated row": (
        lambda d: _replace_line(d, 3, _line(d, 3).split(b",")[0]),
        3,
        "truncated row",
    ),
    "row cut inside quotes": (lambda d: _replace_line(d, 2, _line(d, 2)[:-5]), 2, "never closed"),
    "missing header": (lambda d: d.split(b"\n", 1)[1], 1, "missing header"),
    "empty file": (lambda d: b"", 1, "missing header"),
    "non-numeric value": (lambda d: d.replace(b"\n404,", b"\n4O4,"), 34, "non-numeric value '4O4'"),
    "reversed range": (lambda d: d.replace(b"105-199,", b"199-105,"), 7, "ends reversed"),
    "overlapping rows": (lambda d: d.replace(b"105-199,", b"104-199,"), 7, "overlaps 104 (line 6)"),
    "out of order": (
        lambda d: _replace_line(_replace_line(d, 2, _line(d, 3)), 3, _line(d, 2)),
        3,
        "rows must ascend",
    ),
    "unknown annotation": (
        lambda d: d.replace(b"(OBSOLETED)", b"(DEPRECATED)"),
        74,
        "unknown annotation '(DEPRECATED)'",
    ),
    "byte-order mark": (lambda d: b"\xef\xbb\xbf" + d, 1, "byte-order mark"),
    "invalid UTF-8": (lambda d: d.replace(b"Gone", b"G\xffne"), 40, "invalid UTF-8 (byte 0xff)"),
    "mixed line endings": (lambda d: d.replace(b"\n", b"\r\n", 3), 4, "line ending"),
    "blank line": (lambda d: d.replace(b"\n200,", b"\n\n200,"), 8, "blank line"),
    "too many fields": (
        lambda d: d.replace(b"\n102,Processing,", b"\n102,Processing,x,"),
        4,
        "too many fields",
    ),
    "malformed temporary annotation": (
        lambda d: d.replace(b"expires 2026-11-13", b"expires soon"),
        6,
        "temporary registration",
    ),
    "invalid date": (lambda d: d.replace(b"2026-11-13", b"2026-13-13"), 6, "not a valid date"),
    "stray quote": (
        lambda d: d.replace(b"\n102,Processing", b'\n102,Proc"essing'),
        4,
        "stray quote",
    ),
    "reference without brackets": (
        lambda d: d.replace(b"[RFC2518]", b"RFC2518"),
        4,
        "not a sequence of [bracketed]",
    ),
    "value out of range": (lambda d: d.replace(b"512-599,", b"512-600,"), 76, "outside 100-599"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_raises_one_error_naming_the_line(case: str, newest_csv: bytes) -> None:
    mutate, line, message = BAD_INPUTS[case]
    with pytest.raises(RegistryError) as caught:
        parse_csv(mutate(newest_csv), source="bad.csv")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"bad.csv:{line}: ")
    assert "\n" not in str(caught.value)


def test_a_gap_in_coverage_names_the_missing_codes(newest_csv: bytes) -> None:
    with pytest.raises(RegistryError, match=r"codes 427 are not covered"):
        parse_csv(newest_csv.replace(b"427,Unassigned,\n", b""))


def test_a_range_cannot_be_assigned(newest_csv: bytes) -> None:
    with pytest.raises(RegistryError, match=r":49: range 419-420 cannot be assigned"):
        parse_csv(newest_csv.replace(b"419-420,Unassigned,", b"419-420,Page Expired,"))


@given(registries())
def test_serialised_registries_parse_back_to_themselves(registry: Registry) -> None:
    data = dump_csv(registry)
    parsed = parse_csv(data)
    assert parsed == registry
    assert (parsed.newline, parsed.final_newline) == (registry.newline, registry.final_newline)
    assert dump_csv(parsed) == data


@given(registries(), st.data())
def test_any_corruption_is_either_parsed_or_a_registry_error(
    registry: Registry, data: st.DataObject
) -> None:
    raw = bytearray(dump_csv(registry))
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    raw[position] = data.draw(st.integers(0, 255), label="byte")
    try:
        parsed = parse_csv(bytes(raw))
    except RegistryError as error:
        message = str(error)
        assert "\n" not in message
        assert message.startswith("<csv>")
    else:
        assert parse_csv(dump_csv(parsed)) == parsed
