"""Checks that run on XML and XHTML bytes *before* any parser sees them.

A refresher parses whatever a server sent, so the markup it hands to
beautifulsoup4 must already be known to be harmless: UTF-8 text of bounded
size, no entity declarations (the "billion laughs" expansion and external
entities both need one), and no absurd nesting. Each check is a single linear
scan of the bytes, so hostile input is refused in time and memory
proportional to its (already capped) size, and the parser never builds a tree
for it.
"""

from __future__ import annotations

import re

from statuscheck.registry.errors import RegistryError

__all__ = ["MAX_DEPTH", "check_markup", "decode_markup"]

#: Far deeper than any registry (the XML nests five levels, the XHTML about ten).
MAX_DEPTH = 64

_BOM = b"\xef\xbb\xbf"
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE\b([^>\[]*)(\[)?", re.IGNORECASE)
_ENCODING = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})
# Start, end and empty-element tags; comments, declarations and processing
# instructions do not match because their "<" is followed by "!" or "?". No
# part may span a "<", which keeps the scan linear on input such as "<a<a<a".
_TAG = re.compile(rb"<(/?)([A-Za-z][^\s/<>]*)[^<>]*?(/?)>")
# HTML elements that never have an end tag, so they never deepen the tree.
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())


def decode_markup(data: bytes, *, source: str, allow_doctype: bool) -> str:
    """Check ``data`` (see :func:`check_markup`) and decode it as UTF-8."""
    check_markup(data, source=source, allow_doctype=allow_doctype)
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    declared = _ENCODING.match(body)
    if declared is not None and declared[1].decode("ascii").lower() not in _UTF8_NAMES:
        name = declared[1].decode("ascii")
        raise RegistryError(
            f"declares encoding {name!r}; IANA publishes its registries in UTF-8",
            source=source,
            line=1,
        )
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        raise RegistryError(
            f"invalid UTF-8 (byte 0x{body[error.start]:02x})", source=source, line=line
        ) from None


def check_markup(data: bytes, *, source: str, allow_doctype: bool) -> None:
    """Refuse entity declarations, internal DTD subsets and nesting beyond ``MAX_DEPTH``.

    ``allow_doctype`` admits a plain ``<!DOCTYPE html PUBLIC ...>`` line, as
    XHTML pages carry; the DTD it names is never fetched. IANA's XML has no
    DOCTYPE at all, so there any DOCTYPE is refused.
    """
    entity = _ENTITY_DECLARATION.search(data)
    if entity is not None:
        raise RegistryError(
            "declares an entity (<!ENTITY>): refused, a registry needs none",
            source=source,
            line=_line_of(data, entity.start()),
        )
    doctype = _DOCTYPE.search(data)
    if doctype is not None and (not allow_doctype or doctype[2] is not None):
        what = "an internal DTD subset" if doctype[2] is not None else "a DOCTYPE"
        raise RegistryError(
            f"has {what}: refused, IANA's registry XML has none",
            source=source,
            line=_line_of(data, doctype.start()),
        )
    depth = 0
    for tag in _TAG.finditer(data):
        closing, name, empty = tag.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not empty and name.lower() not in _VOID:
            depth += 1
            if depth > MAX_DEPTH:
                raise RegistryError(
                    f"elements nest more than {MAX_DEPTH} deep: refused",
                    source=source,
                    line=_line_of(data, tag.start()),
                )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
