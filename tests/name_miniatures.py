"""Miniature tables named in every style real tables use, clean and broken one way each.

``NOT_FOUND`` (Python), ``HTTP_404_NOT_FOUND`` (starlette), ``HTTP_NOT_FOUND``
(Perl, falcon), ``not_found`` (Rack), ``StatusNotFound`` (Go), ``NotFound``
(.NET), ``Not_Found``: each is rendered by code from the snapshot's phrases,
in the shape such a table takes in Python (a constants module, a lookup, a
mapping of name to code, an enum). The broken ones misname one code: a wrong
name, a renamed code without its old name, an abbreviation (a warning only).
Importable by dotted path (``tests.name_miniatures:GO_CLEAN``), like
:mod:`tests.miniatures`.
"""

from __future__ import annotations

import types
from typing import Callable, Literal

from statuscheck.checks.finding import Check
from statuscheck.checks.name_styles import NameStyle, phrase_words
from statuscheck.registry.rfc_phrases import STDLIB_FORMER_PHRASES
from tests.miniatures import ROWS, make_enum, make_module

Shape = Literal["constants", "lookup", "mapping", "enum"]

#: Every style, with the shape a table so named takes in Python.
STYLES: dict[str, tuple[NameStyle, Shape]] = {
    "UPPER": (NameStyle("UPPER_SNAKE"), "constants"),
    "HTTP_CODE": (NameStyle("UPPER_SNAKE", "HTTP_", with_code=True), "constants"),
    "HTTP": (NameStyle("UPPER_SNAKE", "HTTP_"), "constants"),
    "LOWER": (NameStyle("lower_snake"), "lookup"),
    "GO": (NameStyle("PascalCase", "Status"), "mapping"),
    "DOTNET": (NameStyle("PascalCase"), "enum"),
    "TITLE": (NameStyle("Title_Snake"), "enum"),
}

#: The code each damage is done to.
WRONG_NAME_CODE = 404
RENAMED_CODE = min(code for code, _ in STDLIB_FORMER_PHRASES)
ABBREVIATED_CODE = 203


def abbreviated(phrase: str) -> str:
    """``phrase`` with its last word cut to four letters: ``Non-Authoritative Info``."""
    words = phrase_words(phrase)
    return " ".join((*words[:-1], words[-1][:4]))


def styled_names(
    style: NameStyle, phrases: dict[int, str] | None = None, dropped_former: int | None = None
) -> list[tuple[str, int]]:
    """Every assigned code named in ``style``, each renamed one followed by its old name.

    ``phrases`` names some codes after other phrases; ``dropped_former`` loses
    one code's old name.
    """
    names = []
    for _, code, phrase, _ in ROWS:
        names.append((style.render((phrases or {}).get(code, phrase), code), code))
        names += [
            (style.render(former, code), code)
            for renamed, former in sorted(STDLIB_FORMER_PHRASES)
            if renamed == code and code != dropped_former
        ]
    return names


def shaped(label: str, names: list[tuple[str, int]], shape: Shape) -> object:
    """``names`` as a table of ``shape``; an enum's first name for a code is its member."""
    if shape == "constants":
        return make_module(label, names)
    if shape == "lookup":
        return types.SimpleNamespace(**dict(names))
    if shape == "mapping":
        return dict(names)
    members = {code: name for name, code in reversed(names)}
    rows = [(members[code], code, phrase, description) for _, code, phrase, description in ROWS]
    aliases = {name: code for name, code in names if members[code] != name}
    return make_enum(label, rows, aliases)


#: Every miniature of this module by name; the module's ``__getattr__`` serves them.
TABLES: dict[str, object] = {}
#: clean miniature -> the shape it is read as.
CLEAN: dict[str, str] = {}
#: broken miniature -> (aliases module, the one (check, code, kind) it must produce).
BROKEN: dict[str, tuple[str | None, tuple[Check, int, str]]] = {}

#: The registry phrase of every assigned code.
PHRASE = {code: phrase for _, code, phrase, _ in ROWS}
_DAMAGES: dict[str, tuple[Callable[[NameStyle], list[tuple[str, int]]], tuple[Check, int, str]]] = {
    "WRONG_NAME": (
        lambda style: styled_names(style, phrases={WRONG_NAME_CODE: "Not Here"}),
        ("aliases", WRONG_NAME_CODE, "name-not-current"),
    ),
    "RENAMED_WITHOUT_OLD_ALIAS": (
        lambda style: styled_names(style, dropped_former=RENAMED_CODE),
        ("aliases", RENAMED_CODE, "renamed-without-alias"),
    ),
    "ABBREVIATED": (
        lambda style: styled_names(
            style, phrases={ABBREVIATED_CODE: abbreviated(PHRASE[ABBREVIATED_CODE])}
        ),
        ("aliases", ABBREVIATED_CODE, "abbreviated-name"),
    ),
}

for _key, (_style, _shape) in STYLES.items():
    TABLES[f"{_key}_CLEAN"] = shaped(f"{_key}_CLEAN", styled_names(_style), _shape)
    CLEAN[f"{_key}_CLEAN"] = "lookup" if _shape == "mapping" else _shape
    for _damage, (_damaged_names, _expected) in _DAMAGES.items():
        TABLES[f"{_key}_{_damage}"] = shaped(f"{_key}_{_damage}", _damaged_names(_style), _shape)
        BROKEN[f"{_key}_{_damage}"] = (None, _expected)


def __getattr__(name: str) -> object:
    try:
        return TABLES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
