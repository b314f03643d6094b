"""One entry point for every format IANA publishes the registry in: CSV, XML and XHTML.

The format is detected from the bytes, never from a file name, URL or
Content-Type: servers mislabel, and a mirror may serve the XML under a
``.csv`` name. Whatever the format, the result is the same validated
:class:`Registry`, so a CSV and the XML of the same registry date compare
equal and a diff between them is empty.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from pathlib import Path
from typing import Literal

from statuscheck.registry.csv_codec import parse_csv
from statuscheck.registry.errors import RegistryError
from statuscheck.registry.model import Registry

__all__ = [
    "MAX_REGISTRY_BYTES",
    "RegistryDocument",
    "RegistryFormat",
    "detect_format",
    "load_document",
    "load_registry",
    "parse_document",
    "parse_registry",
    "read_registry_bytes",
]

RegistryFormat = Literal["csv", "xml", "xhtml"]

#: The largest registry file statuscheck reads. IANA's biggest format (the
#: XHTML page) is about 25 kB; anything near this limit is not a registry.
MAX_REGISTRY_BYTES = 1024 * 1024

_FORMAT_NAMES = {"csv": "CSV", "xml": "XML", "xhtml": "XHTML"}
_ROOT = re.compile(rb"<([A-Za-z][A-Za-z0-9_.:-]*)")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclasses.dataclass(frozen=True)
class RegistryDocument:
    """A parsed registry file: its registry, its format and what the file says of itself."""

    registry: Registry
    format: RegistryFormat
    sha256: str
    size: int
    #: The registry's "last updated" date as the file states it (XML and XHTML
    #: state one; the CSV does not).
    updated: datetime.date | None = None

    @property
    def format_name(self) -> str:
        return _FORMAT_NAMES[self.format]


def detect_format(data: bytes, *, source: str = "<registry>") -> RegistryFormat:
    """Tell CSV, XML and XHTML apart by content.

    Markup is recognised by its root element: ``<registry>`` is IANA's XML,
    ``<html>`` a web page (the XHTML registry or an error page). Anything
    that is not markup is handed to the CSV parser, whose errors are the most
    precise for near-CSV input (a missing header, a truncated row).
    """
    if data.startswith(_UTF16_BOMS):
        raise RegistryError(
            "is UTF-16 (byte-order mark); IANA publishes its registries in UTF-8",
            source=source,
            line=1,
        )
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise RegistryError("is empty: no registry in it", source=source, line=1)
    if not head.startswith(b"<"):
        return "csv"
    root = _ROOT.search(head)
    name = root[1].decode("ascii") if root is not None else ""
    if name == "registry":
        return "xml"
    if name.lower() == "html":
        return "xhtml"
    described = f"<{name}>" if name else "none"
    raise RegistryError(
        f"is markup whose root element is {described}, neither IANA's XML (<registry>) "
        "nor a web page (<html>)",
        source=source,
    )


def parse_document(data: bytes, *, source: str = "<registry>") -> RegistryDocument:
    """Parse a registry in any of IANA's formats, detected from ``data``."""
    if len(data) > MAX_REGISTRY_BYTES:
        raise RegistryError(
            f"is {len(data)} bytes, more than the {MAX_REGISTRY_BYTES}-byte limit for a registry",
            source=source,
        )
    kind = detect_format(data, source=source)
    updated: datetime.date | None = None
    if kind == "csv":
        registry = parse_csv(data, source=source)
    else:
        from statuscheck.registry.xml_codec import parse_xhtml, parse_xml

        parsed = (parse_xml if kind == "xml" else parse_xhtml)(data, source=source)
        registry, updated = parsed.registry, parsed.updated
    return RegistryDocument(
        registry=registry,
        format=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        updated=updated,
    )


def parse_registry(data: bytes, *, source: str = "<registry>") -> Registry:
    """The registry in ``data``, whichever of IANA's formats it is in."""
    return parse_document(data, source=source).registry


def load_document(path: str | Path) -> RegistryDocument:
    """Read and parse a registry file of any format; errors name the file."""
    return parse_document(read_registry_bytes(Path(path)), source=str(path))


def load_registry(path: str | Path) -> Registry:
    """The registry in the file at ``path``, whichever of IANA's formats it is in."""
    return load_document(path).registry


def read_registry_bytes(path: Path) -> bytes:
    """The bytes of a registry file, refusing to read more than ``MAX_REGISTRY_BYTES``."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_REGISTRY_BYTES + 1)
    except OSError as error:
        raise RegistryError(f"cannot read: {error.strerror}", source=str(path)) from None
    if len(data) > MAX_REGISTRY_BYTES:
        raise RegistryError(
            f"is more than the {MAX_REGISTRY_BYTES}-byte limit for a registry", source=str(path)
        )
    return data
