"""Values: the implementation defines exactly the codes the registry assigns.

A missing temporary or obsoleted registration is only a warning: the former
may expire and the latter is on its way out, so reasonable tables differ. Once
a temporary registration has expired, lacking it is right and nothing is
reported here: the snapshot is what is out of date, which the report says once.

A table that covers a deliberate subset of the registry chooses what a missing
assigned code counts as, its :data:`MissingPolicy`.
"""

from __future__ import annotations

import datetime
from typing import Literal

from statuscheck.checks.finding import Finding, Severity
from statuscheck.registry.model import Entry, Registry
from statuscheck.tables.table import Definition, StatusTable

__all__ = ["MISSING_POLICIES", "MissingPolicy", "check_values", "expected_codes"]

#: What a missing assigned code counts as: an error (the default), a warning, or nothing.
MissingPolicy = Literal["error", "warn", "ignore"]
MISSING_POLICIES: tuple[MissingPolicy, ...] = ("error", "warn", "ignore")


def expected_codes(registry: Registry, today: datetime.date) -> tuple[int, ...]:
    """The codes a complete table defines on ``today``: assigned, and not expired."""
    return tuple(entry.first for entry in registry.assigned() if not entry.has_expired(today))


def check_values(
    table: StatusTable,
    registry: Registry,
    *,
    today: datetime.date,
    missing: MissingPolicy = "error",
) -> list[Finding]:
    findings: list[Finding] = []
    defined: dict[int, list[Definition]] = {}
    for definition in table.definitions:
        code = definition.code
        if code is None:
            findings.append(_not_an_int(definition, table))
        elif not 100 <= code <= 599:
            findings.append(
                Finding(
                    "values",
                    code,
                    "error",
                    "out-of-range",
                    f"{definition.where} is {code}, outside the status-code range 100-599",
                    expected="100-599",
                    actual=code,
                    location=table.location_of(definition),
                )
            )
        else:
            defined.setdefault(code, []).append(definition)
    for code, definitions in defined.items():
        entry = registry.entry(code)
        if not entry.is_assigned:
            findings.append(_not_assigned(code, definitions[0], entry, table))
        phrases = sorted({d.phrase for d in definitions if isinstance(d.phrase, str)})
        if len(phrases) > 1:
            findings.append(
                Finding(
                    "values",
                    code,
                    "error",
                    "conflicting-definitions",
                    f"{code} is claimed with different phrases: "
                    + ", ".join(repr(phrase) for phrase in phrases),
                    expected=entry.phrase,
                    actual=list(phrases),
                    location=table.location_of(definitions[1]),
                )
            )
    if missing != "ignore":
        for entry in registry.assigned():
            if entry.first not in defined and not entry.has_expired(today):
                findings.append(_missing(entry, missing, table))
    return findings


def _not_an_int(definition: Definition, table: StatusTable) -> Finding:
    return Finding(
        "values",
        None,
        "error",
        "not-an-int",
        f"{definition.where}: {definition.key!r} is a {type(definition.key).__name__}, "
        "not an int status code",
        expected="int",
        actual=repr(definition.key),
        location=table.location_of(definition),
    )


def _not_assigned(code: int, definition: Definition, entry: Entry, table: StatusTable) -> Finding:
    if entry.status == "unused":
        kind = "unused-code"
        reason = f"the registry marks {code} (Unused)"
    else:
        kind = "unassigned-code"
        reason = f"{code} falls in the registry row {entry.value_text} Unassigned"
    return Finding(
        "values",
        code,
        "error",
        kind,
        f"{definition.where} defines {code}, but {reason}",
        expected=None,
        actual=code,
        location=table.location_of(definition),
    )


def _missing(entry: Entry, missing: MissingPolicy, table: StatusTable) -> Finding:
    """A missing code has no line of its own: the finding points at the table."""
    code = entry.first
    if entry.status == "temporary" and entry.expires is not None:
        note = f" (a temporary registration that expires {entry.expires.isoformat()})"
    elif entry.status == "obsoleted":
        note = " (obsoleted in the registry)"
    else:
        note = ""
    severity: Severity = "error" if entry.status == "assigned" and missing == "error" else "warning"
    return Finding(
        "values",
        code,
        severity,
        "missing-code",
        f"{code} {entry.phrase} is missing{note}",
        expected=code,
        actual=None,
        location=table.location,
    )
