"""IANA's XML registry and XHTML page, parsed with beautifulsoup4 into a :class:`Registry`.

Both formats carry the same Description and Reference texts as the CSV, so
the cells go through :mod:`statuscheck.registry.cells` like the CSV's do; what this
module adds is finding those texts in the markup. XML references follow the
rule in ``tests/data/iana/SOURCES.md`` (an ``<xref>``'s text when it has one,
else its ``data``, upper-cased for ``type="rfc"``), which makes
``dump_csv(parse_xml(xml))`` reproduce IANA's CSV of the same date byte for
byte.

The bytes are vetted by :mod:`statuscheck.registry.markup` first, then parsed with
the standard library's ``html.parser`` (through bs4), which neither expands
entities nor fetches anything. :mod:`statuscheck.registry.formats` imports this
module only when it meets markup, so ``import statuscheck`` never loads bs4.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import warnings
from collections.abc import Iterable

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning

from statuscheck.registry.cells import parse_reference, row_entry
from statuscheck.registry.errors import RegistryError
from statuscheck.registry.markup import decode_markup
from statuscheck.registry.model import Entry, Reference, Registry

__all__ = ["MarkupRegistry", "parse_xhtml", "parse_xml"]

REGISTRY_ID = "http-status-codes-1"
TABLE_ID = "table-http-status-codes-1"
_RECORD_FIELDS = frozenset({"value", "description", "xref"})


@dataclasses.dataclass(frozen=True)
class MarkupRegistry:
    """A registry read from markup, with the "last updated" date the markup states."""

    registry: Registry
    updated: datetime.date | None


def parse_xml(data: bytes, *, source: str = "<xml>") -> MarkupRegistry:
    """Parse IANA's ``http-status-codes.xml``."""
    soup = _soup(decode_markup(data, source=source, allow_doctype=False))
    root = _child(soup, "registry")
    if root is None:
        raise RegistryError("no <registry> root element", source=source)
    inner = root.find("registry", attrs={"id": REGISTRY_ID})
    if not isinstance(inner, Tag):
        raise RegistryError(
            f'no <registry id="{REGISTRY_ID}">: not the HTTP status code registry',
            source=source,
            line=root.sourceline,
        )
    records = _tags(inner.find_all("record", recursive=False))
    entries = [_record_entry(record, source) for record in records]
    if not entries:
        raise RegistryError("the registry has no <record> elements", source=source)
    updated = _date(_child(root, "updated"), source)
    return MarkupRegistry(Registry(tuple(entries), source=source), updated)


def parse_xhtml(data: bytes, *, source: str = "<xhtml>") -> MarkupRegistry:
    """Parse IANA's ``http-status-codes.xhtml`` page (the table, and the Last Updated date).

    Any other HTML page -- typically an error page served with status 200 --
    is refused with its title in the message, never read as an empty registry.
    """
    soup = _soup(decode_markup(data, source=source, allow_doctype=True))
    table = soup.find("table", attrs={"id": TABLE_ID})
    if not isinstance(table, Tag):
        title = soup.find("title")
        named = f" {_text(title)!r}" if isinstance(title, Tag) and _text(title) else ""
        raise RegistryError(
            f"HTML page{named} has no registry table (table#{TABLE_ID}): "
            "an error page rather than the registry?",
            source=source,
        )
    entries = []
    for row in _tags(table.find_all("tr")):
        cells = _tags(row.find_all(["td", "th"], recursive=False))
        if cells and all(cell.name == "th" for cell in cells):
            continue
        if len(cells) != 3:
            raise RegistryError(
                f"table row has {len(cells)} cells, expected 3 (Value, Description, Reference)",
                source=source,
                line=row.sourceline,
            )
        value, description, reference = (_text(cell) for cell in cells)
        reference = re.sub(r"\]\s+\[", "][", reference)
        entries.append(row_entry(value, description, reference, source=source, line=row.sourceline))
    if not entries:
        raise RegistryError(f"table#{TABLE_ID} has no rows", source=source, line=table.sourceline)
    return MarkupRegistry(Registry(tuple(entries), source=source), _last_updated(soup, source))


def _record_entry(record: Tag, source: str) -> Entry:
    line = record.sourceline
    children = _tags(record.children)
    unknown = sorted({child.name for child in children} - _RECORD_FIELDS)
    if unknown:
        raise RegistryError(
            f"<record> has unexpected element <{unknown[0]}>", source=source, line=line
        )
    values = [child for child in children if child.name == "value"]
    descriptions = [child for child in children if child.name == "description"]
    if len(values) != 1 or len(descriptions) != 1:
        raise RegistryError(
            "<record> needs exactly one <value> and one <description>", source=source, line=line
        )
    references = tuple(_xref_reference(child, source) for child in children if child.name == "xref")
    return row_entry(
        values[0].get_text(), descriptions[0].get_text(), references, source=source, line=line
    )


def _xref_reference(xref: Tag, source: str) -> Reference:
    text = xref.get_text()
    if not text:
        data = xref.get("data")
        if not isinstance(data, str) or not data:
            raise RegistryError(
                "<xref> has neither text nor a data attribute", source=source, line=xref.sourceline
            )
        text = data.upper() if xref.get("type") == "rfc" else data
    if "[" in text or "]" in text:
        raise RegistryError(
            f"reference {text!r} cannot be written as a [bracketed] reference",
            source=source,
            line=xref.sourceline,
        )
    target = xref.get("data") if xref.get("type") == "uri" else None
    reference = parse_reference(text)
    return dataclasses.replace(reference, target=target) if isinstance(target, str) else reference


def _last_updated(soup: BeautifulSoup, source: str) -> datetime.date | None:
    for term in _tags(soup.find_all("dt")):
        if _text(term) == "Last Updated":
            return _date(term.find_next_sibling("dd"), source)
    return None


def _date(tag: object, source: str) -> datetime.date | None:
    if not isinstance(tag, Tag):
        return None
    text = _text(tag)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise RegistryError(
            f"last-updated date {text!r} is not a valid date", source=source, line=tag.sourceline
        ) from None


def _soup(text: str) -> BeautifulSoup:
    # html.parser on purpose: it ships with Python, never resolves entities or
    # DTDs, and keeps line numbers. bs4 warns that XML deserves an XML parser;
    # that parser (lxml) is exactly what this module avoids.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(text, "html.parser")


def _tags(nodes: Iterable[object]) -> list[Tag]:
    """The elements among ``nodes``, skipping text, comments and the like."""
    return [node for node in nodes if isinstance(node, Tag)]


def _child(parent: BeautifulSoup | Tag, name: str) -> Tag | None:
    found = parent.find(name, recursive=False)
    return found if isinstance(found, Tag) else None


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text().split())
