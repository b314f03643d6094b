"""IANA's Description and Reference cells, to typed fields and back.

Every registry format IANA publishes (CSV, XML, XHTML) carries the same two
kinds of cell text, so the format parsers share this one interpretation and
cannot disagree about what ``Not Extended (OBSOLETED)`` means.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from statuscheck.registry.errors import RegistryError
from statuscheck.registry.model import Entry, Reference, ReferenceKind, Status

__all__ = [
    "Description",
    "format_description",
    "format_references",
    "parse_description",
    "parse_reference",
    "parse_references",
    "row_entry",
]

_UNASSIGNED = "Unassigned"
_UNUSED = "(Unused)"
_OBSOLETED = " (OBSOLETED)"
_DATE = r"\d{4}-\d{2}-\d{2}"
_TEMPORARY = re.compile(
    rf"^(?P<phrase>.+) \(TEMPORARY - registered (?P<registered>{_DATE}), "
    rf"(?P<extensions>(?:extension registered {_DATE}, )*)"
    rf"expires (?P<expires>{_DATE})\)$"
)
_EXTENSION = re.compile(rf"extension registered ({_DATE}), ")
_TRAILING_ANNOTATION = re.compile(r"\s\([^()]*\)$")
_REFERENCE_CELL = re.compile(r"(?:\[[^\[\]]+\])*")
_REFERENCE = re.compile(r"\[([^\[\]]+)\]")
_RFC = re.compile(r"^(?P<doc>RFC\d+)(?:, ?(?:Section|section) (?P<section>.+))?$")
_DRAFT = re.compile(
    r"^(?P<doc>(?:draft|RFC)-[A-Za-z0-9.-]+)(?:, ?(?:Section|section) (?P<section>.+))?$"
)


@dataclasses.dataclass(frozen=True)
class Description:
    """What a Description cell says, annotations separated from the phrase."""

    status: Status
    phrase: str | None = None
    registered: datetime.date | None = None
    extensions_registered: tuple[datetime.date, ...] = ()
    expires: datetime.date | None = None


def parse_description(text: str) -> Description:
    """Split a Description cell into its phrase and its registry annotation.

    Raises ``ValueError`` with a one-line reason for an annotation this
    module does not know, so that a new kind of annotation is noticed rather
    than silently becoming part of a phrase.
    """
    if text == _UNASSIGNED:
        return Description("unassigned")
    if text == _UNUSED:
        return Description("unused")
    if text.endswith(_OBSOLETED):
        return Description("obsoleted", _checked_phrase(text[: -len(_OBSOLETED)]))
    if "(TEMPORARY" in text:
        match = _TEMPORARY.match(text)
        if match is None:
            raise ValueError(f"malformed temporary registration annotation in {text!r}")
        return Description(
            "temporary",
            _checked_phrase(match["phrase"]),
            registered=_date(match["registered"]),
            extensions_registered=tuple(
                _date(day) for day in _EXTENSION.findall(match["extensions"])
            ),
            expires=_date(match["expires"]),
        )
    return Description("assigned", _checked_phrase(text))


def format_description(description: Description) -> str:
    """The Description cell IANA would publish for these fields."""
    if description.status == "unassigned":
        return _UNASSIGNED
    if description.status == "unused":
        return _UNUSED
    phrase = description.phrase or ""
    if description.status == "obsoleted":
        return phrase + _OBSOLETED
    if description.status == "temporary":
        extensions = "".join(
            f"extension registered {day.isoformat()}, " for day in description.extensions_registered
        )
        registered = description.registered.isoformat() if description.registered else ""
        expires = description.expires.isoformat() if description.expires else ""
        return f"{phrase} (TEMPORARY - registered {registered}, {extensions}expires {expires})"
    return phrase


def parse_references(cell: str) -> tuple[Reference, ...]:
    """``[RFC2774][Status change of HTTP experiments to Historic]`` -> two references."""
    if _REFERENCE_CELL.fullmatch(cell) is None:
        raise ValueError(f"reference cell {cell!r} is not a sequence of [bracketed] references")
    return tuple(parse_reference(text) for text in _REFERENCE.findall(cell))


def parse_reference(text: str) -> Reference:
    """Classify the text of one reference (without its brackets)."""
    text_kind: ReferenceKind
    for pattern, text_kind in ((_RFC, "rfc"), (_DRAFT, "draft")):
        match = pattern.match(text)
        if match is not None:
            return Reference(text, text_kind, match["doc"], match["section"])
    return Reference(text, "text", text)


def format_references(references: tuple[Reference, ...]) -> str:
    return "".join(f"[{reference.text}]" for reference in references)


def _checked_phrase(phrase: str) -> str:
    if not phrase or phrase != phrase.strip():
        raise ValueError(f"phrase {phrase!r} is empty or has surrounding white space")
    if any(not character.isprintable() for character in phrase):
        raise ValueError(f"phrase {phrase!r} contains control characters")
    annotation = _TRAILING_ANNOTATION.search(phrase)
    if annotation is not None:
        raise ValueError(f"unknown annotation {annotation.group().strip()!r} in {phrase!r}")
    if phrase in (_UNASSIGNED, _UNUSED):
        raise ValueError(f"{phrase!r} cannot carry an annotation")
    return phrase


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date") from None


_VALUE = re.compile(r"^(\d+)(?:-(\d+))?$")


def row_entry(
    value: str,
    description: str,
    references: str | tuple[Reference, ...],
    *,
    source: str,
    line: int | None,
) -> Entry:
    """One registry row from its cells, whichever format they were read from.

    ``references`` is the Reference cell's text (CSV, XHTML) or references
    already read from elsewhere (XML ``<xref>`` elements). Every problem is a
    :class:`RegistryError` naming ``source`` and ``line``.
    """
    match = _VALUE.match(value)
    if match is None:
        raise RegistryError(f"non-numeric value {value!r}", source=source, line=line)
    first = int(match[1])
    last = int(match[2]) if match[2] is not None else first
    if last < first:
        raise RegistryError(f"range {value} has its ends reversed", source=source, line=line)
    try:
        parsed = parse_description(description)
        if isinstance(references, str):
            references = parse_references(references)
    except ValueError as error:
        raise RegistryError(str(error), source=source, line=line) from None
    return Entry(
        first=first,
        last=last,
        status=parsed.status,
        phrase=parsed.phrase,
        references=references,
        registered=parsed.registered,
        extensions_registered=parsed.extensions_registered,
        expires=parsed.expires,
        line=line,
    )
