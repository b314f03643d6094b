"""Aliases and names: constants mirror the implementation, and names follow phrases.

A name is the API most code uses (``HTTPStatus.CONTENT_TOO_LARGE``), so
names must track the current phrase, a renamed code must keep its old name
(in the table's own style: ``HTTP_413_REQUEST_ENTITY_TOO_LARGE``) so upgrades
do not break callers, a name that embeds a code must embed the right one, and
a constants module such as ``http.client`` must expose every member name bound
to the member itself.

Names are read in the table's own style (:mod:`statuscheck.checks.name_styles`):
Go's ``StatusNotFound`` follows "Not Found" as much as ``NOT_FOUND`` does, and
an abbreviation such as ``StatusProxyAuthRequired`` is a warning, not an error.
"""

from __future__ import annotations

import enum

from statuscheck.checks.finding import Finding, Severity
from statuscheck.checks.name_styles import (
    NameStyle,
    abbreviates,
    detect_style,
    embedded_codes,
    follows,
    is_code_only,
)
from statuscheck.registry.former_phrases import former_phrases
from statuscheck.registry.model import Registry
from statuscheck.tables.table import ABSENT, Definition, Location, StatusTable

__all__ = ["check_aliases"]


def check_aliases(
    table: StatusTable, registry: Registry, aliases: StatusTable | None = None
) -> list[Finding]:
    findings: list[Finding] = []
    if aliases is not None:
        findings += _mirrored(table, aliases)
    if not table.carries_names:
        return findings
    style = detect_style(d.name for d in table.definitions if d.name)
    for definition in table.definitions:
        findings += _embedded_code(definition, table)
    for code in table.codes():
        if not 100 <= code <= 599:
            continue
        entry = registry.entry(code)
        named = [d for d in table.by_code(code) if d.name and not is_code_only(d.name)]
        if not entry.is_assigned or entry.phrase is None or not named:
            continue
        current = [d for d in named if follows(d.name or "", entry.phrase)]
        if current:
            findings += _kept_former_names(table, current[0], style, code)
            continue
        expected = style.like(named[0].name or "").render(entry.phrase, code)
        names = [d.name or "" for d in named]
        shortened = [name for name in names if abbreviates(name, entry.phrase)]
        findings.append(
            _misnamed(
                code,
                shortened or names,
                expected,
                abbreviated=bool(shortened),
                location=table.location_of(named[0]),
            )
        )
    return findings


def _mirrored(table: StatusTable, aliases: StatusTable) -> list[Finding]:
    findings = []
    for definition in table.definitions:
        if definition.name is None:
            continue
        value = aliases.resolve(definition.name)
        member = definition.bound
        where = f"{aliases.label}.{definition.name}"
        if value is ABSENT:
            findings.append(
                Finding(
                    "aliases",
                    definition.code,
                    "error",
                    "alias-missing",
                    f"{aliases.label} has no {definition.name} (mirroring {definition.where})",
                    expected=definition.name,
                    actual=None,
                    location=aliases.location,
                )
            )
        elif not (value is member if table.enum_class is not None else value == member):
            findings.append(
                Finding(
                    "aliases",
                    definition.code,
                    "error",
                    "alias-mismatch",
                    f"{where} is {value!r}, not {definition.where}",
                    expected=repr(member),
                    actual=repr(value),
                    location=aliases.location_of(aliases.named(definition.name)),
                )
            )
    return findings


def _embedded_code(definition: Definition, table: StatusTable) -> list[Finding]:
    if definition.name is None or definition.code is None:
        return []
    embedded = embedded_codes(definition.name)
    if not embedded or definition.code in embedded:
        return []
    return [
        Finding(
            "aliases",
            definition.code,
            "error",
            "wrong-embedded-code",
            f"{definition.where} embeds {embedded[0]} in its name but is {definition.code}",
            expected=embedded[0],
            actual=definition.code,
            location=table.location_of(definition),
        )
    ]


def _misnamed(
    code: int, names: list[str], expected: str, *, abbreviated: bool, location: Location | None
) -> Finding:
    """No name of ``code`` follows its current phrase.

    An abbreviation of it (Go's ``StatusProxyAuthRequired``) only warns:
    callers can still find the code by it, and some languages abbreviate
    throughout.
    """
    listed = ", ".join(names)
    if abbreviated:
        severity: Severity = "warning"
        kind = "abbreviated-name"
        message = (
            f"no name for {code} spells out its current phrase: {listed} abbreviates {expected}"
        )
    else:
        severity = "error"
        kind = "name-not-current"
        message = (
            f"no name for {code} follows its current phrase: expected {expected}, found {listed}"
        )
    return Finding(
        "aliases",
        code,
        severity,
        kind,
        message,
        expected=expected,
        actual=[*names],
        location=location,
    )


def _kept_former_names(
    table: StatusTable, current_definition: Definition, table_style: NameStyle, code: int
) -> list[Finding]:
    """Each former stdlib name of ``code``, in the style of its current name, still resolves."""
    findings = []
    current = current_definition.name or ""
    style = table_style.like(current)
    for former in former_phrases(code):
        if not former.stdlib_name:
            continue
        old_name = style.render(former.phrase, code)
        value = _former_value(table, style, old_name, former.phrase)
        if value is ABSENT:
            findings.append(
                Finding(
                    "aliases",
                    code,
                    "error",
                    "renamed-without-alias",
                    f"{code} was renamed to {current} without keeping {old_name} as an alias",
                    expected=old_name,
                    actual=None,
                    location=table.location_of(current_definition),
                )
            )
        elif _code_of(value) != code:
            findings.append(
                Finding(
                    "aliases",
                    code,
                    "error",
                    "alias-mismatch",
                    f"{old_name} is {value!r}, not {code}",
                    expected=code,
                    actual=repr(value),
                    location=table.location_of(table.named(old_name) or current_definition),
                )
            )
    return findings


def _former_value(table: StatusTable, style: NameStyle, old_name: str, phrase: str) -> object:
    """What the table binds to ``old_name``, or to another spelling of it in the same style.

    The second reading finds ``.NET``'s ``RequestUriTooLong`` where the
    rendering says ``RequestURITooLong``.
    """
    value = table.resolve(old_name)
    if value is not ABSENT:
        return value
    for definition in table.definitions:
        name = definition.name or ""
        if style.like(name) == style and follows(name, phrase):
            return definition.bound
    return ABSENT


def _code_of(value: object) -> object:
    """The code a name resolves to; an enum member stands for its value.

    Whether members compare equal to ints is the api check's business, not this one's.
    """
    return value.value if isinstance(value, enum.Enum) else value
