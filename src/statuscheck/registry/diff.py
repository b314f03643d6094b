"""Semantic, per-code differences between two registries.

Drift is what an implementation of the registry would notice: for a code,
its status, its reason phrase or its references. How IANA groups unassigned
codes into rows, its line endings or which format a registry came in are not
drift, so the comparison walks the codes 100-599 one by one rather than the
rows. A registry whose bytes changed while no code did is told apart from
one whose content changed (:class:`Comparison`).

A temporary registration's dates belong to its status here
(``temporary (registered 2024-11-13, expires 2025-11-13)``): an extension
changes nothing else about the code, and must not go unreported.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from statuscheck.registry.cells import format_references
from statuscheck.registry.model import FIRST_CODE, LAST_CODE, Entry, Registry

__all__ = [
    "FIELDS",
    "Change",
    "Comparison",
    "Field",
    "Verdict",
    "compare",
    "diff_registries",
    "field_values",
    "status_text",
]

Field = Literal["status", "phrase", "reference"]
FIELDS: tuple[Field, ...] = ("status", "phrase", "reference")

#: ``identical``: same bytes; ``equivalent``: different bytes, same content;
#: ``drift``: at least one code differs.
Verdict = Literal["identical", "equivalent", "drift"]


@dataclasses.dataclass(frozen=True)
class Change:
    """One field of one code that differs: ``old`` in the first registry, ``new`` in the second.

    ``phrase`` is ``None`` for codes that have none (unassigned, unused);
    ``reference`` is the Reference cell as IANA writes it, ``None`` when empty.
    """

    code: int
    field: Field
    old: str | None
    new: str | None

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "field": self.field, "old": self.old, "new": self.new}


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two registry files."""

    changes: tuple[Change, ...]
    same_bytes: bool

    @property
    def drift(self) -> bool:
        return bool(self.changes)

    @property
    def verdict(self) -> Verdict:
        if self.changes:
            return "drift"
        return "identical" if self.same_bytes else "equivalent"


def status_text(entry: Entry) -> str:
    """The status of a row, with a temporary registration's dates."""
    if entry.status != "temporary":
        return entry.status
    dates = [f"registered {entry.registered.isoformat()}" if entry.registered else ""]
    dates += [f"extension registered {day.isoformat()}" for day in entry.extensions_registered]
    dates.append(f"expires {entry.expires.isoformat()}" if entry.expires else "")
    return f"temporary ({', '.join(part for part in dates if part)})"


def field_values(entry: Entry) -> dict[Field, str | None]:
    """What a code's row says in each compared field."""
    return {
        "status": status_text(entry),
        "phrase": entry.phrase,
        "reference": format_references(entry.references) or None,
    }


def diff_registries(old: Registry, new: Registry) -> tuple[Change, ...]:
    """Every field of every code 100-599 that differs, ascending by code, then field."""
    changes: list[Change] = []
    for code in range(FIRST_CODE, LAST_CODE + 1):
        old_entry, new_entry = old.entry(code), new.entry(code)
        if old_entry == new_entry:
            continue
        before, after = field_values(old_entry), field_values(new_entry)
        changes.extend(
            Change(code, field, before[field], after[field])
            for field in FIELDS
            if before[field] != after[field]
        )
    return tuple(changes)


def compare(old: Registry, old_bytes: bytes, new: Registry, new_bytes: bytes) -> Comparison:
    """Compare two registries and the bytes they were parsed from."""
    return Comparison(diff_registries(old, new), same_bytes=old_bytes == new_bytes)
