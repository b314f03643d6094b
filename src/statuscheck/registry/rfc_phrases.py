"""Reason phrases older than the registry files, each cited to the RFC section that gave it.

The registry history (:mod:`statuscheck.registry.history`) starts on 2015-02-20;
libraries are older. These are the phrases the HTTP/1.1 RFCs gave before that
(RFC 2068, January 1997; RFC 2616, June 1999; RFC 7231 and RFC 7233, June 2014)
wherever the registry has said something else since, plus the successors that
replaced them, so that a phrase's whole life can be told. Facts from RFCs, typed
here with their section; registry content is never typed by hand.
"""

from __future__ import annotations

import dataclasses

__all__ = ["RFC_PHRASES", "STDLIB_FORMER_PHRASES", "RfcPhrase"]


@dataclasses.dataclass(frozen=True)
class RfcPhrase:
    """The phrase RFC ``rfc`` gives ``code`` in ``section``, and when that RFC was published."""

    code: int
    phrase: str
    rfc: int
    section: str
    year: int
    month: int

    @property
    def source(self) -> str:
        return f"RFC {self.rfc}"

    @property
    def citation(self) -> str:
        return f"RFC {self.rfc}, Section {self.section}"


RFC_PHRASES: tuple[RfcPhrase, ...] = (
    RfcPhrase(302, "Moved Temporarily", 2068, "10.3.3", 1997, 1),
    RfcPhrase(413, "Request Entity Too Large", 2068, "10.4.14", 1997, 1),
    RfcPhrase(414, "Request-URI Too Long", 2068, "10.4.15", 1997, 1),
    RfcPhrase(302, "Found", 2616, "10.3.3", 1999, 6),
    RfcPhrase(413, "Request Entity Too Large", 2616, "10.4.14", 1999, 6),
    RfcPhrase(414, "Request-URI Too Long", 2616, "10.4.15", 1999, 6),
    RfcPhrase(416, "Requested Range Not Satisfiable", 2616, "10.4.17", 1999, 6),
    RfcPhrase(413, "Payload Too Large", 7231, "6.5.11", 2014, 6),
    RfcPhrase(414, "URI Too Long", 7231, "6.5.12", 2014, 6),
    RfcPhrase(416, "Range Not Satisfiable", 7233, "4.4", 2014, 6),
)

#: Former phrases Python's ``http.HTTPStatus`` named members after (``Lib/http/__init__.py``,
#: Python 3.5-3.12), kept as aliases since 3.13: the reference enum keeps these names too.
STDLIB_FORMER_PHRASES: frozenset[tuple[int, str]] = frozenset(
    {
        (413, "Request Entity Too Large"),
        (414, "Request-URI Too Long"),
        (416, "Requested Range Not Satisfiable"),
        (422, "Unprocessable Entity"),
    }
)
