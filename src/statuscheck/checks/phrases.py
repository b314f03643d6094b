"""Phrases: each one equals the registry's, and a mismatch says what kind it is.

Telling a superseded phrase ("Payload Too Large", replaced in 2021) from a
case slip ("Non Authoritative Information") from a plain error is what lets a
maintainer fix the right thing.
"""

from __future__ import annotations

import re

from statuscheck.checks.finding import Finding
from statuscheck.registry.former_phrases import former_phrases
from statuscheck.registry.model import Registry
from statuscheck.tables.table import ABSENT, StatusTable

__all__ = ["check_phrases", "classify_phrase"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def check_phrases(table: StatusTable, registry: Registry) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for definition in table.definitions:
        code = definition.code
        if code is None or not 100 <= code <= 599 or definition.phrase is ABSENT:
            continue
        entry = registry.entry(code)
        if not entry.is_assigned or entry.phrase is None:
            continue  # defining such a code at all is a values finding
        phrase = definition.phrase
        if phrase == entry.phrase or (code, repr(phrase)) in seen:
            continue
        seen.add((code, repr(phrase)))
        if not isinstance(phrase, str) or not phrase.strip():
            findings.append(
                Finding(
                    "phrases",
                    code,
                    "error",
                    "invalid-phrase",
                    f"{definition.where}: phrase {phrase!r} is not a non-empty string",
                    expected=entry.phrase,
                    actual=repr(phrase),
                    location=table.location_of(definition),
                )
            )
            continue
        kind, explanation = classify_phrase(code, phrase, entry.phrase)
        findings.append(
            Finding(
                "phrases",
                code,
                "error",
                kind,
                f"{definition.where}: {phrase!r} {explanation}; the registry says {entry.phrase!r}",
                expected=entry.phrase,
                actual=phrase,
                location=table.location_of(definition),
            )
        )
    return findings


def classify_phrase(code: int, phrase: str, expected: str) -> tuple[str, str]:
    """``(kind, explanation)`` for a phrase that differs from the registry's.

    A former phrase matched exactly wins over a case slip of the current one
    ("Unavailable for Legal Reasons" was the registry's for two months).
    """
    formers = former_phrases(code)
    for former in formers:
        if phrase == former.phrase:
            return "superseded-phrase", f"is {former.describe()}"
    if _fold(phrase) == _fold(expected):
        return "case-or-punctuation", "differs from the registry only in case or punctuation"
    for former in formers:
        if _fold(phrase) == _fold(former.phrase):
            return "superseded-phrase", f"is {former.describe()}"
    return "wrong-phrase", "is not the registry phrase"


def _fold(phrase: str) -> str:
    return _NOT_ALNUM.sub("", phrase.lower())
