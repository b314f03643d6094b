"""Phrases the registry and the RFCs have since replaced, and the names derived from them.

Libraries written against RFC 2616 or the pre-2021 registry still carry these
phrases. Knowing them lets the harness say *why* a phrase is wrong ("the RFC
2616 phrase, replaced in 2014") instead of only that it differs, and lets
the reference enum keep the names Python's ``http.HTTPStatus`` used as
aliases so it can replace the stdlib enum in existing code.
"""

from __future__ import annotations

import dataclasses
import re

__all__ = ["FORMER_PHRASES", "FormerPhrase", "former_phrases", "phrase_to_name"]


@dataclasses.dataclass(frozen=True)
class FormerPhrase:
    """A phrase a code used to carry, where it came from and when it was replaced."""

    code: int
    phrase: str
    source: str
    superseded: str
    #: Whether Python's ``http.HTTPStatus`` named a member after this phrase.
    stdlib_name: bool = False

    @property
    def name(self) -> str:
        return phrase_to_name(self.phrase)


FORMER_PHRASES: tuple[FormerPhrase, ...] = (
    FormerPhrase(413, "Request Entity Too Large", "RFC 2616", "by RFC 7231 in 2014", True),
    FormerPhrase(
        413, "Payload Too Large", "the IANA registry (RFC 7231)", "on 2021-10-01 by RFC 9110"
    ),
    FormerPhrase(414, "Request-URI Too Long", "RFC 2616", "by RFC 7231 in 2014", True),
    FormerPhrase(416, "Requested Range Not Satisfiable", "RFC 2616", "by RFC 7233 in 2014", True),
    FormerPhrase(
        422,
        "Unprocessable Entity",
        "the IANA registry (RFC 4918)",
        "on 2021-10-01 by RFC 9110",
        True,
    ),
)


def former_phrases(code: int) -> tuple[FormerPhrase, ...]:
    return tuple(former for former in FORMER_PHRASES if former.code == code)


_NOT_NAME = re.compile(r"[^A-Z0-9]+")


def phrase_to_name(phrase: str) -> str:
    """The identifier Python's stdlib derives from a phrase.

    ``Non-Authoritative Information`` -> ``NON_AUTHORITATIVE_INFORMATION``,
    ``I'm a teapot`` -> ``IM_A_TEAPOT``.
    """
    return _NOT_NAME.sub("_", phrase.upper().replace("'", "")).strip("_")
