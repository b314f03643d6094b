"""The normalised view of an implementation that every check reads.

Status tables come as enums, constants modules, mappings, lookup objects and
status-line strings. Adapters (:mod:`statuscheck.tables.adapters`) turn each into a
:class:`StatusTable` of :class:`Definition` rows, keeping the raw values, so
that checks are written once and garbage (a ``None`` phrase, a ``str`` key) is
reported by the check responsible for it instead of crashing an adapter.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from typing import Callable, Literal

__all__ = ["ABSENT", "Absent", "Definition", "Location", "Shape", "StatusTable"]

Shape = Literal["enum", "constants", "mapping", "lookup", "document"]


class Absent(enum.Enum):
    """Marks a field the implementation's shape does not carry at all."""

    ABSENT = "absent"


ABSENT = Absent.ABSENT


@dataclasses.dataclass(frozen=True)
class Location:
    """Where a definition stands in a file: what editors and CI annotations jump to."""

    path: str
    line: int

    def to_json(self) -> dict[str, str | int]:
        return {"path": self.path, "line": self.line}


@dataclasses.dataclass(frozen=True)
class Definition:
    """One status code as the implementation defines it.

    ``key`` is the raw value claimed as the code (normally an ``int``);
    ``where`` says how to find it (``HTTPStatus.NOT_FOUND``,
    ``HTTP_STATUS_CODES[404]``) so messages point at the implementation's own
    source.
    """

    key: object
    where: str
    name: str | None = None
    phrase: object = ABSENT
    description: object = ABSENT
    alias: bool = False
    #: The object the implementation binds (the member itself for enums); defaults to ``key``.
    value: object = ABSENT
    #: The file and line that define it, when they can be found.
    location: Location | None = None

    @property
    def bound(self) -> object:
        return self.key if self.value is ABSENT else self.value

    @property
    def code(self) -> int | None:
        """The key as a status code, or ``None`` when it is not an int."""
        if isinstance(self.key, int) and not isinstance(self.key, bool):
            return int(self.key)
        return None


def _no_probe(name: str) -> object:
    return ABSENT


@dataclasses.dataclass(frozen=True)
class StatusTable:
    """Everything the checks need to know about one implementation."""

    label: str
    shape: Shape
    definitions: tuple[Definition, ...]
    enum_class: type[enum.Enum] | None = None
    #: Resolves a name the table does not list (e.g. a deprecated module attribute).
    probe: Callable[[str], object] = _no_probe
    #: ``"python"`` for an imported table; a document's ``language`` (``""`` if it has none).
    language: str = "python"
    #: Where the table itself is defined: what a finding about a code it lacks points at.
    location: Location | None = None

    @property
    def carries_phrases(self) -> bool:
        return any(definition.phrase is not ABSENT for definition in self.definitions)

    @property
    def carries_descriptions(self) -> bool:
        return any(definition.description is not ABSENT for definition in self.definitions)

    @property
    def carries_names(self) -> bool:
        return any(definition.name is not None for definition in self.definitions)

    def codes(self) -> tuple[int, ...]:
        """Distinct int codes in 100-599 order of first appearance."""
        seen: dict[int, None] = {}
        for definition in self.definitions:
            if definition.code is not None:
                seen.setdefault(definition.code)
        return tuple(seen)

    def by_code(self, code: int) -> tuple[Definition, ...]:
        return self._by_code.get(code, ())

    @functools.cached_property
    def _by_code(self) -> dict[int | None, tuple[Definition, ...]]:
        """Definitions per code, built once: checks ask for every code of the table."""
        grouped: dict[int | None, list[Definition]] = {}
        for definition in self.definitions:
            grouped.setdefault(definition.code, []).append(definition)
        return {code: tuple(definitions) for code, definitions in grouped.items()}

    def location_of(self, definition: Definition | None) -> Location | None:
        """Where to look for ``definition``: its own line, else the table's."""
        if definition is not None and definition.location is not None:
            return definition.location
        return self.location

    def location_of_code(self, code: int | None) -> Location | None:
        """Where ``code`` is first defined, else where the table is."""
        definitions = self.by_code(code) if code is not None else ()
        return self.location_of(definitions[0] if definitions else None)

    def named(self, name: str) -> Definition | None:
        return next((d for d in self.definitions if d.name == name), None)

    def resolve(self, name: str) -> object:
        """The value the implementation gives ``name``, listed or probed; ABSENT if none."""
        for definition in self.definitions:
            if definition.name == name:
                return definition.bound
        return self.probe(name)
