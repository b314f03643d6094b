"""Ordering: tables list codes in ascending order, each once.

Users print these tables (``for status in HTTPStatus``) and diff them against
the registry; ascending order is what the registry uses and what makes both
work. Enums are judged by iteration (which must not repeat aliases), other
shapes by the order their keys or constants first appear.
"""

from __future__ import annotations

from statuscheck.checks.finding import Finding
from statuscheck.tables.table import StatusTable

__all__ = ["check_ordering"]


def check_ordering(table: StatusTable, aliases: StatusTable | None = None) -> list[Finding]:
    findings = _ascending(_sequence(table), f"{table.label} lists", table)
    if table.enum_class is not None:
        values = [member.value for member in table.enum_class]
        repeated = sorted({value for value in values if values.count(value) > 1}, key=repr)
        findings += [
            Finding(
                "ordering",
                value if isinstance(value, int) else None,
                "error",
                "repeated-in-iteration",
                f"iterating {table.label} yields {value!r} more than once",
                actual=values.count(value),
                expected=1,
                location=table.location_of_code(value if isinstance(value, int) else None),
            )
            for value in repeated
        ]
    if aliases is not None:
        findings += _ascending(
            list(aliases.codes()), f"aliases module {aliases.label} lists", aliases
        )
    return findings


def _sequence(table: StatusTable) -> list[int]:
    if table.enum_class is not None:
        return [
            int(member.value)
            for member in table.enum_class
            if isinstance(member.value, int) and not isinstance(member.value, bool)
        ]
    return list(table.codes())


def _ascending(codes: list[int], subject: str, table: StatusTable) -> list[Finding]:
    findings = []
    highest: int | None = None
    for code in codes:
        if highest is not None and code < highest:
            findings.append(
                Finding(
                    "ordering",
                    code,
                    "error",
                    "out-of-order",
                    f"{subject} {code} after {highest}: codes must ascend",
                    expected=f"before {highest}",
                    actual=f"after {highest}",
                    location=table.location_of_code(code),
                )
            )
        else:
            highest = code
    return findings
