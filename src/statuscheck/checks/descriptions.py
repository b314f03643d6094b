"""Descriptions: where a table carries them, every code has a useful one-liner.

Only tables that carry descriptions at all (``HTTPStatus.description``,
``(phrase, description)`` mappings) are checked. An empty description is a
warning -- the stdlib has fourteen -- while one that is not a string or spans
lines is an error, because it breaks the code that displays it.
"""

from __future__ import annotations

import dataclasses
import re

from statuscheck.checks.finding import Finding
from statuscheck.tables.table import ABSENT, Definition, StatusTable

__all__ = ["check_descriptions"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def check_descriptions(table: StatusTable) -> list[Finding]:
    if not table.carries_descriptions:
        return []
    findings: list[Finding] = []
    seen: set[int] = set()
    for definition in table.definitions:
        code = definition.code
        if code is None or definition.alias or code in seen:
            continue
        seen.add(code)
        finding = _judge(definition, code)
        if finding is not None:
            findings.append(dataclasses.replace(finding, location=table.location_of(definition)))
    return findings


def _judge(definition: Definition, code: int) -> Finding | None:
    description = definition.description
    where = definition.where
    if description is ABSENT or description is None:
        return Finding(
            "descriptions",
            code,
            "warning",
            "missing-description",
            f"{where} has no description",
            actual=None,
        )
    if not isinstance(description, str):
        return Finding(
            "descriptions",
            code,
            "error",
            "invalid-description",
            f"{where}: description {description!r} is not a string",
            actual=repr(description),
        )
    if not description.strip():
        return Finding(
            "descriptions",
            code,
            "warning",
            "empty-description",
            f"{where} has an empty description",
            actual=description,
        )
    if "\n" in description.strip() or "\r" in description:
        return Finding(
            "descriptions",
            code,
            "error",
            "multi-line-description",
            f"{where}: description spans several lines",
            actual=description,
        )
    phrase = definition.phrase
    if isinstance(phrase, str) and _fold(description) == _fold(phrase):
        return Finding(
            "descriptions",
            code,
            "warning",
            "description-repeats-phrase",
            f"{where}: description {description!r} only repeats the phrase",
            actual=description,
        )
    return None


def _fold(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())
