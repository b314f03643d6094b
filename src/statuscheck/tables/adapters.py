"""Reading any shape of status-code table into a :class:`StatusTable`.

Shapes are detected, not declared: enum classes, modules of constants (int
constants such as ``HTTP_404_NOT_FOUND`` or ``NOT_FOUND``, and status-line
strings such as ``HTTP_404 = "404 Not Found"``), mappings of code to phrase
(``str``, ``bytes`` or ``(phrase, description)``) and name-to-code lookup
tables (``requests.codes``). Modules are read through ``vars()`` so that
deprecation machinery (module ``__getattr__``) never fires while reading.
"""

from __future__ import annotations

import collections.abc
import enum
import re
import types
import warnings

from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.locate import Located, locate, locate_file
from statuscheck.tables.table import ABSENT, Definition, StatusTable

__all__ = ["read_table"]

_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")
_EMBEDDED_HTTP_CODE = re.compile(r"^HTTP_\d{3}(?:_|$)")
_STATUS_LINE = re.compile(r"^(\d{3}) (\S.*)$")


def read_table(obj: object, label: str, *, entry_lines: bool = True) -> StatusTable:
    """Detect the shape of ``obj`` and read it; ``ImplementationError`` if no shape fits.

    ``entry_lines=False`` locates a module only as a file, without parsing it: an aliases
    module such as ``http.client`` (1,500 lines, names bound by ``globals().update``)
    would cost more to parse than it tells.
    """
    if isinstance(obj, StatusTable):  # already read (a table document)
        return obj
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return _read_enum(obj, label)
    if isinstance(obj, types.ModuleType):
        return _read_module(obj, label, entry_lines)
    if isinstance(obj, collections.abc.Mapping) and len(obj) > 0:
        return _read_mapping(obj, label)
    attributes = _int_attributes(obj)
    if attributes:
        return _read_lookup(attributes, label, locate(obj, label))
    raise ImplementationError(
        f"cannot read {label}: a {type(obj).__name__} is not an enum, a module of constants, "
        "a non-empty mapping or a name-to-code lookup table"
    )


def _read_enum(cls: type[enum.Enum], label: str) -> StatusTable:
    located = locate(cls, label)
    definitions = []
    for name, member in cls.__members__.items():
        definitions.append(
            Definition(
                key=member.value,
                where=f"{cls.__name__}.{name}",
                name=name,
                phrase=getattr(member, "phrase", ABSENT),
                description=getattr(member, "description", ABSENT),
                alias=member.name != name,
                value=member,
                location=located.entry(name),
            )
        )
    return StatusTable(label, "enum", tuple(definitions), enum_class=cls, location=located.table)


def _read_module(module: types.ModuleType, label: str, entry_lines: bool) -> StatusTable:
    located = locate(module, label) if entry_lines else locate_file(module)
    definitions = []
    namespace = list(vars(module).items())
    # A module that mirrors an enum (http.client) holds its members; its plain
    # ints (HTTPS_PORT = 443) are then something else.
    mirrors_enum = any(isinstance(value, enum.IntEnum) for _, value in namespace)
    for name, value in namespace:
        if not _CONSTANT.match(name):
            continue
        where = f"{module.__name__}.{name}"
        location = located.entry(name)
        if isinstance(value, int) and not isinstance(value, bool):
            if mirrors_enum and not isinstance(value, enum.IntEnum):
                continue
            if 100 <= value <= 599 or _EMBEDDED_HTTP_CODE.match(name):
                definitions.append(
                    Definition(
                        key=int(value), where=where, name=name, value=value, location=location
                    )
                )
        elif isinstance(value, str):
            line = _STATUS_LINE.match(value)
            if line is not None:
                definitions.append(
                    Definition(
                        key=int(line[1]), where=where, name=name, phrase=line[2], location=location
                    )
                )
    if not definitions:
        raise ImplementationError(
            f"cannot read {label}: the module defines no status-code constants "
            "(UPPER_CASE ints in 100-599 or '404 Not Found' status lines)"
        )
    return StatusTable(
        label,
        "constants",
        tuple(definitions),
        probe=lambda name: _probe(module, name),
        location=located.table,
    )


def _read_mapping(mapping: collections.abc.Mapping[object, object], label: str) -> StatusTable:
    items = list(mapping.items())
    located = locate(mapping, label)
    if all(isinstance(key, str) for key, _ in items) and all(
        isinstance(value, int) and not isinstance(value, bool) for _, value in items
    ):
        return _read_lookup(dict(items), label, located)  # type: ignore[arg-type]  # keys checked above
    definitions = []
    for key, value in items:
        phrase: object = value
        description: object = ABSENT
        if isinstance(value, (tuple, list)):
            phrase = value[0] if value else None
            description = value[1] if len(value) > 1 else ABSENT
        elif isinstance(value, bytes):
            phrase = _decode(value)
        shown = int(key) if isinstance(key, int) and not isinstance(key, bool) else repr(key)
        definitions.append(
            Definition(
                key=key,
                where=f"{label}[{shown}]",
                phrase=phrase,
                description=description,
                location=located.entry(key),
            )
        )
    return StatusTable(label, "mapping", tuple(definitions), location=located.table)


def _read_lookup(names: dict[str, int], label: str, located: Located) -> StatusTable:
    definitions = tuple(
        Definition(key=code, where=f"{label}.{name}", name=name, location=located.entry(name))
        for name, code in names.items()
    )
    return StatusTable(
        label,
        "lookup",
        definitions,
        probe=lambda name: names.get(name, ABSENT),
        location=located.table,
    )


def _int_attributes(obj: object) -> dict[str, int]:
    try:
        attributes = vars(obj)
    except TypeError:
        return {}
    return {
        name: value
        for name, value in attributes.items()
        if not name.startswith("_") and isinstance(value, int) and not isinstance(value, bool)
    }


def _probe(module: types.ModuleType, name: str) -> object:
    """``getattr`` that tolerates deprecation warnings and raising module ``__getattr__``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return getattr(module, name, ABSENT)
        except Exception:
            return ABSENT


def _decode(value: bytes) -> object:
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        return value
