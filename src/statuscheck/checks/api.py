"""API: an enum implementation behaves like ``http.HTTPStatus`` at run time.

Lookup by value must return the member and reject everything else with
``ValueError`` -- a ``_missing_`` hook that accepts 999 silently turns garbage
into a status. The sweep is exhaustive over -100..1099 plus extreme ints, so
the CLI and the pytest suite see the same deterministic result; the suite adds a
hypothesis property over all ints on top.
"""

from __future__ import annotations

import dataclasses
import enum

from statuscheck.checks.finding import Finding
from statuscheck.tables.table import StatusTable

__all__ = ["PREDICATES", "check_api", "lookup_problem"]

PREDICATES = (
    "is_informational",
    "is_success",
    "is_redirection",
    "is_client_error",
    "is_server_error",
)
# Every code-sized int and its neighbourhood, then the extremes.
_SWEEP = (*range(-100, 1100), 2**31, 2**63, -(2**63), 10**100)
_MOST_LISTED = 20


def check_api(table: StatusTable) -> list[Finding]:
    cls = table.enum_class
    if cls is None:
        return []
    findings: list[Finding] = []
    defined = {member.value for member in cls}
    for name, member in cls.__members__.items():
        findings += [
            dataclasses.replace(finding, location=table.location_of(table.named(name)))
            for finding in _member_problems(cls, name, member)
        ]
    offenders = []
    for value in _SWEEP:
        if value not in defined:
            problem = lookup_problem(cls, value)
            if problem is not None:
                offenders.append((value, problem))
    for value, problem in offenders[:_MOST_LISTED]:
        findings.append(
            Finding(
                "api",
                value,
                "error",
                "lookup-accepts-unassigned",
                problem,
                expected="ValueError",
                actual=problem,
                location=table.location,
            )
        )
    if len(offenders) > _MOST_LISTED:
        findings.append(
            Finding(
                "api",
                None,
                "error",
                "lookup-accepts-unassigned",
                f"{cls.__name__}(value) accepts {len(offenders) - _MOST_LISTED} more "
                "undefined values",
                expected="ValueError",
                actual=len(offenders) - _MOST_LISTED,
                location=table.location,
            )
        )
    return findings


def lookup_problem(cls: type[enum.Enum], value: int) -> str | None:
    """Why ``cls(value)`` misbehaves for an undefined value; ``None`` if it raises ValueError."""
    try:
        result = cls(value)
    except ValueError:
        return None
    except Exception as error:
        return f"{cls.__name__}({value}) raised {type(error).__name__} instead of ValueError"
    return f"{cls.__name__}({value}) returned {result!r} instead of raising ValueError"


def _member_problems(cls: type[enum.Enum], name: str, member: enum.Enum) -> list[Finding]:
    value = member.value
    code = value if isinstance(value, int) and not isinstance(value, bool) else None
    where = f"{cls.__name__}.{name}"
    problems = []
    try:
        if cls(value) is not member:
            problems.append(("lookup-wrong-member", f"{cls.__name__}({value!r}) is not {where}"))
    except Exception as error:
        problems.append(("lookup-fails", f"{cls.__name__}({value!r}) raised {error!r}"))
    if cls[name] is not member:
        problems.append(("lookup-wrong-member", f"{cls.__name__}[{name!r}] is not {where}"))
    as_object: object = member  # IntEnum members are ints; the static type says Enum
    if code is not None and not (as_object == code and hash(as_object) == hash(code)):
        problems.append(("not-int-compatible", f"{where} does not compare equal to {code}"))
    if code is not None and member.name == name:
        problems += _predicate_problems(member, code, where)
    return [Finding("api", code, "error", kind, message) for kind, message in problems]


def _predicate_problems(member: enum.Enum, code: int, where: str) -> list[tuple[str, str]]:
    problems = []
    for index, predicate in enumerate(PREDICATES):
        if not hasattr(type(member), predicate):
            continue
        expected = code // 100 == index + 1
        try:
            answer = getattr(member, predicate)
            if callable(answer):  # httpx spells them as classmethods taking the value
                answer = answer(code)
        except Exception as error:
            problems.append(("predicate-fails", f"{where}.{predicate} raised {error!r}"))
            continue
        if answer is not expected:
            problems.append(
                ("predicate-wrong", f"{where}.{predicate} is {answer!r}, expected {expected}")
            )
    return problems
