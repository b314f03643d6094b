"""Phrases the registry and the RFCs have since replaced, and the names derived from them.

Libraries written against RFC 2616 or the pre-2021 registry still carry these
phrases. Knowing them lets the harness say *why* a phrase is wrong ("the RFC
2616 phrase, superseded by RFC 7231 in 2014"; "the registry's phrase from
2015-02-20 until 2021-10-01") instead of only that it differs. Nothing here is
kept by hand: a code's phrases are its cited RFC phrases
(:mod:`statuscheck.registry.rfc_phrases`) followed by its registry history,
merged into one timeline.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from statuscheck.registry.history import load_history
from statuscheck.registry.rfc_phrases import RFC_PHRASES, STDLIB_FORMER_PHRASES

__all__ = ["FORMER_PHRASES", "FormerPhrase", "former_phrases", "phrase_to_name"]


@dataclasses.dataclass(frozen=True)
class FormerPhrase:
    """A phrase a code used to carry: who gave it, from when, and when and by whom it was replaced.

    ``since`` and ``until`` are a year for RFCs (``1999``) and a registry date
    (``2015-02-20``) for the registry.
    """

    code: int
    phrase: str
    source: str
    since: str
    until: str
    superseded_by: str
    #: Whether Python's ``http.HTTPStatus`` named a member after this phrase.
    stdlib_name: bool = False

    @property
    def name(self) -> str:
        return phrase_to_name(self.phrase)

    def describe(self) -> str:
        """``the RFC 2616 phrase, superseded by RFC 7231 in 2014``, or
        ``the registry's phrase from 2015-02-20 until 2021-10-01``."""
        if self.source == _REGISTRY:
            return f"the registry's phrase from {self.since} until {self.until}"
        when = f"on {self.until}" if "-" in self.until else f"in {self.until}"
        return f"the {self.source} phrase, superseded by {self.superseded_by} {when}"


_REGISTRY = "the registry"


@dataclasses.dataclass(frozen=True)
class _Said:
    """One source giving a code a phrase (``None``: none) from ``since`` on."""

    phrase: str | None
    source: str
    since: str


def _timeline(code: int) -> list[_Said]:
    """The phrases of ``code``, oldest first: its cited RFCs, then its registry states."""
    cited = sorted((p for p in RFC_PHRASES if p.code == code), key=lambda p: (p.year, p.month))
    said = [_Said(p.phrase, p.source, str(p.year)) for p in cited]
    said += [
        _Said(state.phrase, _REGISTRY, state.since.isoformat())
        for state in load_history().timeline(code)
    ]
    return said


@functools.cache
def former_phrases(code: int) -> tuple[FormerPhrase, ...]:
    """Every phrase ``code`` carried before its current one, oldest first."""
    return _former_phrases(code, _timeline(code))


def _former_phrases(code: int, said: list[_Said]) -> tuple[FormerPhrase, ...]:
    current = said[-1].phrase if said else None
    found: list[FormerPhrase] = []
    start = 0
    while start < len(said):
        end = start
        while end + 1 < len(said) and said[end + 1].phrase == said[start].phrase:
            end += 1
        phrase = said[start].phrase
        if phrase is not None and phrase != current and end + 1 < len(said):
            run, successor = said[start : end + 1], said[end + 1]
            from_registry = [item for item in run if item.source == _REGISTRY]
            since = from_registry[0].since if from_registry else run[-1].since
            found.append(
                FormerPhrase(
                    code,
                    phrase,
                    run[-1].source,
                    since,
                    successor.since,
                    successor.source,
                    (code, phrase) in STDLIB_FORMER_PHRASES,
                )
            )
        start = end + 1
    return tuple(found)


#: The cited pre-registry phrases that RFCs replaced; :func:`former_phrases` has them all.
FORMER_PHRASES: tuple[FormerPhrase, ...] = tuple(
    former
    for code in sorted({cited.code for cited in RFC_PHRASES})
    for former in _former_phrases(
        code,
        [
            _Said(p.phrase, p.source, str(p.year))
            for p in sorted(RFC_PHRASES, key=lambda p: (p.year, p.month))
            if p.code == code
        ],
    )
)

_NOT_NAME = re.compile(r"[^A-Z0-9]+")


def phrase_to_name(phrase: str) -> str:
    """The identifier Python's stdlib derives from a phrase.

    ``Non-Authoritative Information`` -> ``NON_AUTHORITATIVE_INFORMATION``,
    ``I'm a teapot`` -> ``IM_A_TEAPOT``.
    """
    return _NOT_NAME.sub("_", phrase.upper().replace("'", "")).strip("_")
