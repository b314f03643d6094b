"""Miniature implementations: one clean table per shape, one broken table per defect.

Every miniature is derived by code from the pinned snapshot (phrases, codes)
and statuscheck's own enum (descriptions), then damaged in exactly one way,
so each proves that one check catches one defect and stays quiet otherwise.
They are importable by dotted path (``tests.miniatures:TEAPOT``) for the
pytest plugin and the CLI.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Sequence
from typing import Any, Callable

from statuscheck import HTTPStatus, load_snapshot
from statuscheck.checks.finding import Check
from statuscheck.registry.former_phrases import former_phrases, phrase_to_name
from statuscheck.registry.rfc_phrases import STDLIB_FORMER_PHRASES

ASSIGNED = load_snapshot().assigned()

#: (name, code, phrase, description) for every assigned code, as the registry has it.
ROWS: list[tuple[str, int, str, str]] = [
    (
        phrase_to_name(entry.phrase or ""),
        entry.first,
        entry.phrase or "",
        HTTPStatus(entry.first).description,
    )
    for entry in ASSIGNED
]
#: Names Python's stdlib used before a rename, kept as aliases: {"REQUEST_ENTITY_TOO_LARGE": 413}.
FORMER_NAMES = {phrase_to_name(phrase): code for code, phrase in sorted(STDLIB_FORMER_PHRASES)}


def _member_new(cls: Any, value: int, phrase: str = "", description: str = "") -> Any:
    member = int.__new__(cls, value)
    member._value_ = value
    member.phrase = phrase
    member.description = description
    return member


def make_enum(
    name: str,
    rows: list[tuple[str, int, str, str]],
    aliases: dict[str, int] | None = None,
    missing: Callable[[Any, object], Any] | None = None,
) -> type[enum.IntEnum]:
    """An IntEnum with ``phrase``/``description`` members, built like ``http.HTTPStatus``."""
    namespace: Any = enum.EnumMeta.__prepare__(name, (enum.IntEnum,))
    namespace["__new__"] = _member_new
    namespace["__module__"] = __name__
    definitions = {}
    for member_name, code, phrase, description in rows:
        namespace[member_name] = definitions[code] = (code, phrase, description)
    for alias, code in (aliases or {}).items():
        namespace[alias] = definitions[code]
    if missing is not None:
        namespace["_missing_"] = classmethod(missing)
    cls: Any = enum.EnumMeta(name, (enum.IntEnum,), namespace)
    return cls  # type: ignore[no-any-return]  # EnumMeta(...) is typed as EnumMeta, not the class


def make_module(name: str, constants: Sequence[tuple[str, object]]) -> types.ModuleType:
    module = types.ModuleType(f"{__name__}.{name}")
    for constant, value in constants:
        setattr(module, constant, value)
    return module


def replace(code: int, **changes: str) -> list[tuple[str, int, str, str]]:
    """ROWS with one code's phrase and/or description changed."""
    return [
        (name, value, changes.get("phrase", phrase), changes.get("description", description))
        if value == code
        else (name, value, phrase, description)
        for name, value, phrase, description in ROWS
    ]


def aliases_for(
    cls: type[enum.IntEnum], skip: str = "", rebind: tuple[str, str] = ("", "")
) -> types.ModuleType:
    """A constants module mirroring ``cls`` like http.client, optionally damaged."""
    constants: list[tuple[str, object]] = []
    for member_name, member in cls.__members__.items():
        if member_name == skip:
            continue
        if member_name == rebind[0]:
            member = cls[rebind[1]]
        constants.append((member_name, member))
    return make_module(f"{cls.__name__}_aliases", constants)


def _accepts_999(cls: Any, value: object) -> Any:
    return cls(404) if value == 999 else None


# --- clean miniatures, one per shape --------------------------------------------------------

CLEAN_ENUM = make_enum("CleanStatus", ROWS, FORMER_NAMES)
CLEAN_ENUM_ALIASES = aliases_for(CLEAN_ENUM)

CLEAN_CONSTANTS = make_module(
    "clean_constants",
    [(f"HTTP_{code}_{name}", code) for name, code, _, _ in ROWS]
    + [(f"HTTP_{code}_{name}", code) for name, code in FORMER_NAMES.items()],
)
CLEAN_BARE_CONSTANTS = make_module(
    "clean_bare_constants",
    [(name, code) for name, code, _, _ in ROWS] + list(FORMER_NAMES.items()),
)
CLEAN_STATUS_LINES = make_module(
    "clean_status_lines",
    [(f"HTTP_{code}", f"{code} {phrase}") for _, code, phrase, _ in ROWS]
    + [(f"HTTP_{name}", f"{code} {phrase}") for name, code, phrase, _ in ROWS]
    + [
        (f"HTTP_{name}", f"{code} {load_snapshot().entry(code).phrase}")
        for name, code in FORMER_NAMES.items()
    ],
)
CLEAN_PHRASES = {code: phrase for _, code, phrase, _ in ROWS}
CLEAN_BYTES = {code: phrase.encode("ascii") for _, code, phrase, _ in ROWS}
CLEAN_TUPLES = {code: (phrase, description) for _, code, phrase, description in ROWS}
CLEAN_LOOKUP = types.SimpleNamespace(
    **{name.lower(): code for name, code, _, _ in ROWS},
    **{name: code for name, code, _, _ in ROWS},
    **{name.lower(): code for name, code in FORMER_NAMES.items()},
    **FORMER_NAMES,
)

CLEAN = {
    "CLEAN_ENUM": ("enum", "tests.miniatures:CLEAN_ENUM_ALIASES"),
    "CLEAN_CONSTANTS": ("constants", None),
    "CLEAN_BARE_CONSTANTS": ("constants", None),
    "CLEAN_STATUS_LINES": ("constants", None),
    "CLEAN_PHRASES": ("mapping", None),
    "CLEAN_BYTES": ("mapping", None),
    "CLEAN_TUPLES": ("mapping", None),
    "CLEAN_LOOKUP": ("lookup", None),
}

# --- broken miniatures, one per defect -------------------------------------------------------

MISSING_CODE = make_enum("MissingCode", [row for row in ROWS if row[1] != 404], FORMER_NAMES)
EXTRA_UNASSIGNED = make_enum(
    "ExtraUnassigned",
    sorted(
        [*ROWS, ("ENHANCE_YOUR_CALM", 420, "Enhance Your Calm", "Slow down")],
        key=lambda row: row[1],
    ),
    FORMER_NAMES,
)
TEAPOT = make_enum(
    "Teapot",
    sorted(
        [*ROWS, ("IM_A_TEAPOT", 418, "I'm a teapot", "Short and stout")], key=lambda row: row[1]
    ),
    FORMER_NAMES,
)
WRONG_PHRASE = make_enum("WrongPhrase", replace(404, phrase="Not Here"), FORMER_NAMES)
LEGACY_PHRASE = make_enum(
    "LegacyPhrase",
    replace(413, phrase=next(f.phrase for f in former_phrases(413) if not f.stdlib_name)),
    FORMER_NAMES,
)
CASE_ONLY_PHRASE = make_enum(
    "CaseOnlyPhrase",
    replace(451, phrase=load_snapshot().entry(451).phrase.upper()),  # type: ignore[union-attr]
    FORMER_NAMES,
)
EMPTY_DESCRIPTION = make_enum("EmptyDescription", replace(200, description=""), FORMER_NAMES)
OUT_OF_ORDER = make_enum(
    "OutOfOrder",
    [row for row in ROWS if row[1] < 404]
    + [row for row in ROWS if row[1] == 405]
    + [row for row in ROWS if row[1] == 404]
    + [row for row in ROWS if row[1] > 405],
    FORMER_NAMES,
)
ALIASES_MISSING_NAME = aliases_for(CLEAN_ENUM, skip="NOT_FOUND")
ALIASES_WRONG_MEMBER = aliases_for(CLEAN_ENUM, rebind=("NOT_FOUND", "METHOD_NOT_ALLOWED"))
RENAMED_WITHOUT_OLD_ALIAS = make_enum(
    "RenamedWithoutOldAlias", ROWS, {k: v for k, v in FORMER_NAMES.items() if v != 413}
)
WRONG_EMBEDDED_CODE = make_module(
    "wrong_embedded_code",
    [
        (f"HTTP_{code}_{name}" if code != 404 else f"HTTP_403_{name}", code)
        for name, code, _, _ in ROWS
    ]
    + [(f"HTTP_{code}_{name}", code) for name, code in FORMER_NAMES.items()],
)
LOOKUP_ACCEPTS_999 = make_enum("LookupAccepts999", ROWS, FORMER_NAMES, missing=_accepts_999)
#: A plain Enum: its members do not compare equal to their codes.
NOT_INT_COMPATIBLE: type[enum.Enum] = enum.Enum(  # type: ignore[misc]  # functional API
    "NotIntCompatible",
    [(name, code) for name, code, _, _ in ROWS] + list(FORMER_NAMES.items()),
    module=__name__,
)


def _claims_success(self: Any) -> bool:
    return bool(200 <= self <= 299 or self == 404)


WRONG_PREDICATE = make_enum("WrongPredicate", ROWS, FORMER_NAMES)
WRONG_PREDICATE.is_success = property(_claims_success)  # type: ignore[attr-defined]

#: miniature -> (aliases module or None, the one (check, code, kind) it must produce)
BROKEN: dict[str, tuple[str | None, tuple[Check, int, str]]] = {
    "MISSING_CODE": (None, ("values", 404, "missing-code")),
    "EXTRA_UNASSIGNED": (None, ("values", 420, "unassigned-code")),
    "TEAPOT": (None, ("values", 418, "unused-code")),
    "WRONG_PHRASE": (None, ("phrases", 404, "wrong-phrase")),
    "LEGACY_PHRASE": (None, ("phrases", 413, "superseded-phrase")),
    "CASE_ONLY_PHRASE": (None, ("phrases", 451, "case-or-punctuation")),
    "EMPTY_DESCRIPTION": (None, ("descriptions", 200, "empty-description")),
    "OUT_OF_ORDER": (None, ("ordering", 404, "out-of-order")),
    "CLEAN_ENUM/ALIASES_MISSING_NAME": ("ALIASES_MISSING_NAME", ("aliases", 404, "alias-missing")),
    "CLEAN_ENUM/ALIASES_WRONG_MEMBER": ("ALIASES_WRONG_MEMBER", ("aliases", 404, "alias-mismatch")),
    "RENAMED_WITHOUT_OLD_ALIAS": (None, ("aliases", 413, "renamed-without-alias")),
    "WRONG_EMBEDDED_CODE": (None, ("aliases", 404, "wrong-embedded-code")),
    "LOOKUP_ACCEPTS_999": (None, ("api", 999, "lookup-accepts-unassigned")),
    "NOT_INT_COMPATIBLE": (None, ("api", 200, "not-int-compatible")),
    "WRONG_PREDICATE": (None, ("api", 404, "predicate-wrong")),
}

# --- garbage: the harness must report it, never crash on it ---------------------------------

GARBAGE_MAPPING: dict[object, object] = {}
GARBAGE_MAPPING.update((code, phrase) for code, phrase in CLEAN_PHRASES.items())
GARBAGE_MAPPING.update(
    {"404": "Not Found", -1: "Negative", None: "Nothing", 200: None, (1, 2): b"\xff\xfe"}
)
EMPTY_MAPPING: dict[int, str] = {}
NOT_A_TABLE = 42
