"""Any table as a version 1 table document: what ``statuscheck export`` writes.

The document must judge exactly as the table does, so it carries every
definition in the table's own order (the ordering check reads it), its
phrases and descriptions, and the names the table answers to without listing
them (a deprecated module attribute served by ``__getattr__``): those are
found by letting the names check ask the table, and kept as alias entries.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from statuscheck.checks.aliases import check_aliases
from statuscheck.registry.model import Registry
from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.table import ABSENT, Definition, StatusTable

__all__ = ["render_table_document", "table_document"]


def table_document(table: StatusTable, registry: Registry) -> dict[str, Any]:
    """The document's JSON value; :class:`ImplementationError` if a value cannot be written."""
    entries = [_entry(definition) for definition in table.definitions]
    listed = {definition.name for definition in table.definitions}
    for name, code in _answered_names(table, registry):
        if name not in listed:
            entries.append({"code": code, "name": name, "alias": True})
            listed.add(name)
    return {
        "statuscheck_table": 1,
        "implementation": table.label,
        "language": table.language or "python",
        "entries": entries,
    }


def render_table_document(table: StatusTable, registry: Registry) -> str:
    """The document as text: 2-space indent, one entry per line, as the extractors print."""
    document = table_document(table, registry)
    lines = [json.dumps(entry, ensure_ascii=False) for entry in document.pop("entries")]
    head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # drop the closing "\n}"
    return head + ',\n  "entries": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"


def _entry(definition: Definition) -> dict[str, Any]:
    code = definition.code
    if code is None or not 0 <= code <= 999:
        raise ImplementationError(
            f"cannot export {definition.where}: code {definition.key!r} is not an integer "
            "from 0 to 999"
        )
    entry: dict[str, Any] = {"code": code}
    if definition.name is not None:
        entry["name"] = definition.name
    if definition.alias:
        entry["alias"] = True
        return entry  # a further name of a member listed before: its text is that member's
    for field in ("phrase", "description"):
        value = getattr(definition, field)
        if value is ABSENT:
            continue
        if not isinstance(value, str):
            raise ImplementationError(
                f"cannot export {definition.where}: its {field} {value!r} is not a string"
            )
        entry[field] = value
    return entry


def _answered_names(table: StatusTable, registry: Registry) -> list[tuple[str, int]]:
    """Names the table resolves only when asked, with the code each stands for."""
    answered: list[tuple[str, int]] = []

    def recording_probe(name: str) -> object:
        value = table.probe(name)
        code = getattr(value, "value", value)  # an enum member stands for its value
        if isinstance(code, int) and not isinstance(code, bool) and 0 <= code <= 999:
            answered.append((name, int(code)))
        return value

    check_aliases(dataclasses.replace(table, probe=recording_probe), registry)
    return answered
