"""Aliases and names: constants mirror the implementation, and names follow phrases.

A name is the API most code uses (``HTTPStatus.CONTENT_TOO_LARGE``), so
names must track the current phrase, a renamed code must keep its old name
(in the table's own style: ``HTTP_413_REQUEST_ENTITY_TOO_LARGE``) so upgrades
do not break callers, a name that embeds a code must embed the right one, and
a constants module such as ``http.client`` must expose every member name bound
to the member itself.
"""

from __future__ import annotations

import enum
import re

from statuscheck.checks.finding import Finding
from statuscheck.registry.former_phrases import former_phrases, phrase_to_name
from statuscheck.registry.model import Registry
from statuscheck.tables.table import ABSENT, Definition, StatusTable

__all__ = ["check_aliases", "name_parts"]

_STYLE = re.compile(r"^(?P<prefix>(?:HTTP_)?(?:\d{3}_)?)(?P<core>.*)$", re.IGNORECASE)
_EMBEDDED = re.compile(r"(?:^|_)(\d{3})(?:_|$)")


def name_parts(name: str) -> tuple[str, str]:
    """``HTTP_404_NOT_FOUND`` -> ``("HTTP_404_", "NOT_FOUND")``; the core is upper-cased."""
    match = _STYLE.match(name)
    assert match is not None  # the pattern matches every string
    return match["prefix"], match["core"].upper()


def check_aliases(
    table: StatusTable, registry: Registry, aliases: StatusTable | None = None
) -> list[Finding]:
    findings: list[Finding] = []
    if aliases is not None:
        findings += _mirrored(table, aliases)
    if not table.carries_names:
        return findings
    for definition in table.definitions:
        findings += _embedded_code(definition, table)
    for code in table.codes():
        if not 100 <= code <= 599:
            continue
        entry = registry.entry(code)
        named = [d for d in table.by_code(code) if d.name and not name_parts(d.name)[1].isdigit()]
        if not entry.is_assigned or entry.phrase is None or not named:
            continue
        current = phrase_to_name(entry.phrase)
        matching = [d for d in named if _prefix_for(d.name or "", current) is not None]
        if not matching:
            findings.append(_not_current(code, named, current, table))
            continue
        findings += _kept_former_names(table, code, matching[0], current)
    return findings


def _prefix_for(name: str, current: str) -> str | None:
    """The style prefix of ``name`` if it spells ``current``, else ``None``.

    ``HTTP_VERSION_NOT_SUPPORTED`` spells itself with no prefix, although it
    starts like the ``HTTP_`` style.
    """
    if name.upper() == current:
        return ""
    prefix, core = name_parts(name)
    return prefix if core == current else None


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
    embedded = [int(number) for number in _EMBEDDED.findall(definition.name)]
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


def _not_current(code: int, named: list[Definition], current: str, table: StatusTable) -> Finding:
    prefix, _ = name_parts(named[0].name or "")
    styled = _styled(prefix, current, named[0].name or "")
    names = ", ".join(d.name or "" for d in named)
    return Finding(
        "aliases",
        code,
        "error",
        "name-not-current",
        f"no name for {code} follows its current phrase: expected {styled}, found {names}",
        expected=styled,
        actual=[d.name or "" for d in named],
        location=table.location_of(named[0]),
    )


def _kept_former_names(
    table: StatusTable, code: int, current_definition: Definition, current: str
) -> list[Finding]:
    findings = []
    prefix = _prefix_for(current_definition.name or "", current) or ""
    for former in former_phrases(code):
        if not former.stdlib_name or former.name == current:
            continue
        old_name = _styled(prefix, former.name, current_definition.name or "")
        value = table.resolve(old_name)
        if value is ABSENT:
            findings.append(
                Finding(
                    "aliases",
                    code,
                    "error",
                    "renamed-without-alias",
                    f"{code} was renamed to {current_definition.name} without keeping "
                    f"{old_name} as an alias",
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


def _code_of(value: object) -> object:
    """The code a name resolves to; an enum member stands for its value.

    Whether members compare equal to ints is the api check's business, not this one's.
    """
    return value.value if isinstance(value, enum.Enum) else value


def _styled(prefix: str, core: str, example: str) -> str:
    """``core`` written the way ``example`` is: same prefix, same case."""
    name = prefix + core
    return name.lower() if example.islower() else name
