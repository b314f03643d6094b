"""How tables spell names: detect a table's naming style, render phrases in it, compare names.

Every language names status codes its own way -- ``NOT_FOUND`` (Python),
``HTTP_404_NOT_FOUND`` (starlette), ``not_found`` (Rack), ``StatusNotFound``
(Go), ``NotFound`` (.NET), ``Not_Found`` -- so the names checks cannot demand
the stdlib's spelling. A table's style is read from the table itself, by
majority (one odd name does not set it), and names are compared as words,
case-insensitively, so that Go's ``StatusIMUsed`` and ``StatusURITooLong``
keep their acronyms without being wrong. Pure functions over strings; the
aliases check decides what the comparisons mean.
"""

from __future__ import annotations

import collections
import dataclasses
import re
from collections.abc import Iterable
from typing import Literal, TypeVar

from statuscheck.registry.former_phrases import phrase_to_name

__all__ = [
    "CASES",
    "Case",
    "NameStyle",
    "abbreviates",
    "detect_style",
    "embedded_codes",
    "follows",
    "is_code_only",
    "name_words",
    "phrase_words",
]

Case = Literal["UPPER_SNAKE", "lower_snake", "PascalCase", "Title_Snake"]
#: Every case style, in the order that breaks a tie between equally common ones.
CASES: tuple[Case, ...] = ("UPPER_SNAKE", "lower_snake", "PascalCase", "Title_Snake")

# A prefix word, its separator, then optionally the code and the separator again:
# HTTP_, HTTP_404_, http_, STATUS_, Status, Status404.
_PREFIX = re.compile(
    r"^(?P<word>HTTP|STATUS)(?P<sep>_?)(?:(?P<code>\d{3})(?P=sep))?(?P<core>[A-Za-z].*)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_]+$")
_TITLE_WORD = re.compile(r"^(?:[A-Z][a-z0-9]*|[A-Z0-9]+)$")
_CODE_ONLY = re.compile(r"^(?:HTTP|STATUS)?[_0-9]*$", re.IGNORECASE)
_THREE_DIGITS = re.compile(r"(?<![0-9])[0-9]{3}(?![0-9])")
#: Shortest word an abbreviation may shorten another to: ``Info``, ``Auth``, ``Req``.
_SHORTEST_ABBREVIATION = 3
#: Fewest letters an abbreviation drops: ``CHOICE`` for ``CHOICES`` is a wrong word.
_FEWEST_DROPPED = 2


@dataclasses.dataclass(frozen=True)
class _Parsed:
    """A name split into its prefix (``HTTP_``, ``Status``; with the code if any) and core."""

    prefix: str
    with_code: bool
    core: str


def _parse(name: str) -> _Parsed:
    match = _PREFIX.match(name)
    if match is None or not _pascal_boundary(match["word"], match["sep"], match["core"]):
        return _Parsed("", False, name)
    return _Parsed(match["word"] + match["sep"], match["code"] is not None, match["core"])


def _pascal_boundary(word: str, sep: str, core: str) -> bool:
    """Without a separator the prefix must end where a Pascal word begins.

    ``StatusNotFound`` and ``HTTPVersion`` have a prefix; ``STATUSCODE`` and
    ``httpversion`` do not.
    """
    if sep:
        return True
    return core[0].isupper() and (not word.isupper() or core[1:2].islower())


def _cases_of(core: str) -> tuple[Case, ...]:
    """Every case style ``core`` is consistent with (``OK`` fits several)."""
    if not _IDENTIFIER.match(core):
        return ()
    cases: list[Case] = []
    if not any(char.islower() for char in core):
        cases.append("UPPER_SNAKE")
    if not any(char.isupper() for char in core):
        cases.append("lower_snake")
    if "_" not in core and core[0].isupper():
        cases.append("PascalCase")
    words = core.split("_")
    # ``OK`` is an acronym in a Title_Snake table, as in a Pascal one.
    if all(_TITLE_WORD.match(word) for word in words) and (
        len(words) == 1 or any(char.islower() for char in core)
    ):
        cases.append("Title_Snake")
    return tuple(cases)


_Vote = TypeVar("_Vote")


def _majority(votes: collections.Counter[_Vote], order: Iterable[_Vote]) -> _Vote | None:
    """The most common vote; a tie goes to the one ``order`` lists first."""
    ranked = sorted(order, key=lambda item: -votes[item])
    return ranked[0] if ranked and votes[ranked[0]] else None


@dataclasses.dataclass(frozen=True)
class NameStyle:
    """A naming convention: a case style and a prefix, with or without the code.

    ``prefix`` is spelled as the table spells it, separator included
    (``HTTP_``, ``http_``, ``Status``); ``with_code`` puts the code after it
    (``HTTP_404_``).
    """

    case: Case = "UPPER_SNAKE"
    prefix: str = ""
    with_code: bool = False

    def render(self, phrase: str, code: int) -> str:
        """``phrase`` named for ``code`` in this style: ``Not Found`` -> ``StatusNotFound``.

        Snake cases follow the stdlib (:func:`phrase_to_name`); Pascal and Title
        case keep a phrase's acronyms upper-case (``StatusIMUsed``), as Go does.
        """
        if self.case == "UPPER_SNAKE":
            core = phrase_to_name(phrase)
        elif self.case == "lower_snake":
            core = phrase_to_name(phrase).lower()
        else:
            glue = "" if self.case == "PascalCase" else "_"
            core = glue.join(_capitalised(word) for word in phrase_words(phrase))
        code_part = ""
        if self.with_code:  # the code takes the prefix's separator: HTTP_404_, Status404
            code_part = f"{code}_" if self.prefix.endswith("_") else f"{code}"
        return f"{self.prefix}{code_part}{core}"

    def like(self, name: str) -> NameStyle:
        """This style, adjusted to what ``name`` itself shows.

        A table may use two cases (``requests.codes`` has ``not_found`` and
        ``NOT_FOUND``): a name that is unambiguous keeps its own case and prefix;
        ``OK`` or ``HTTP_VERSION_NOT_SUPPORTED`` are read in the table's style.
        """
        parsed = _parse(name)
        if parsed.prefix.lower() == self.prefix.lower():
            prefix, with_code = parsed.prefix, parsed.with_code
        elif not parsed.prefix:
            prefix, with_code = "", False
        else:
            prefix, with_code, parsed = self.prefix, self.with_code, _Parsed("", False, name)
        cases = _cases_of(parsed.core)
        case = self.case if self.case in cases or not cases else cases[0]
        return NameStyle(case, prefix, with_code)


def _capitalised(word: str) -> str:
    return word if len(word) > 1 and word.isupper() else word[:1].upper() + word[1:].lower()


def detect_style(names: Iterable[str]) -> NameStyle:
    """The style most of ``names`` follow; names that are only a code do not vote."""
    cases: collections.Counter[Case] = collections.Counter()
    prefixes: collections.Counter[tuple[str, bool]] = collections.Counter()
    #: How the table first spells each prefix (``HTTP_`` or ``http_``).
    spelled: dict[str, str] = {}
    for name in names:
        if is_code_only(name) or not _IDENTIFIER.match(name):
            continue
        parsed = _parse(name)
        cases.update(_cases_of(parsed.core))
        prefixes[parsed.prefix.lower(), parsed.with_code] += 1
        spelled.setdefault(parsed.prefix.lower(), parsed.prefix)
    case = _majority(cases, CASES) or "UPPER_SNAKE"
    prefix, with_code = _majority(prefixes, prefixes) or ("", False)  # a tie: the first seen
    return NameStyle(case, spelled.get(prefix, ""), with_code)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase as the stdlib's rule cuts them, spelled as the phrase spells them.

    ``I'm a teapot`` -> ``("Im", "a", "teapot")``; ``Non-Authoritative Information``
    -> ``("Non", "Authoritative", "Information")``.
    """
    return tuple(word for word in re.split(r"[^A-Za-z0-9]+", phrase.replace("'", "")) if word)


def name_words(name: str) -> tuple[tuple[str, ...], ...]:
    """Every reading of ``name`` as lower-case words, with and without its prefix.

    ``StatusIMUsed`` -> ``(("status", "im", "used"), ("im", "used"))``. A name
    that is no identifier (``requests.codes`` has ``\\o/``) has no reading.
    """
    if not _IDENTIFIER.match(name):
        return ()
    readings = (name, _parse(name).core)
    words = (tuple(word.lower() for word in _WORD.findall(reading)) for reading in readings)
    return tuple(dict.fromkeys(reading for reading in words if reading))


def follows(name: str, phrase: str) -> bool:
    """Whether ``name``, with or without its prefix, spells ``phrase`` word for word."""
    return _spoken(phrase) in name_words(name)


def abbreviates(name: str, phrase: str) -> bool:
    """Whether ``name`` shortens ``phrase`` word by word: ``PROXY_AUTH_REQUIRED``.

    Each word must begin its counterpart and at least one must be shorter. A
    shortened word keeps at least three letters (``o`` never abbreviates ``ok``)
    and drops at least two (``MULTIPLE_CHOICE`` is a wrong name for ``Multiple
    Choices``, not a short one).
    """
    spoken = _spoken(phrase)
    return any(_shortens(words, spoken) for words in name_words(name))


def _spoken(phrase: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in phrase_words(phrase))


def _shortens(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    if len(words) != len(phrase) or words == phrase:
        return False
    return all(
        short == full
        or (
            full.startswith(short)
            and len(short) >= _SHORTEST_ABBREVIATION
            and len(full) - len(short) >= _FEWEST_DROPPED
        )
        for short, full in zip(words, phrase)
    )


def is_code_only(name: str) -> bool:
    """``HTTP_404``, ``Status404``: a name made of a code, which no phrase can be expected of."""
    return bool(_CODE_ONLY.match(name)) and any(char.isdigit() for char in name)


def embedded_codes(name: str) -> tuple[int, ...]:
    """The three-digit numbers a name carries: ``HTTP_404_NOT_FOUND``, ``Status404NotFound``."""
    return tuple(int(digits) for digits in _THREE_DIGITS.findall(name))
