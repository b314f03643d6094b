"""Findings: the one currency every check produces and every view presents.

A finding is plain data (JSON-ready ``expected``/``actual``), so the pytest
suite, the CLI's text/JSON/markdown reports and the matrix all show the same
facts without re-deriving them.
"""

from __future__ import annotations

import dataclasses
from typing import Literal, Union

from statuscheck.tables.table import Location

__all__ = ["CHECKS", "Check", "ConformanceWarning", "Finding", "JSONValue", "Severity"]

Check = Literal["values", "phrases", "descriptions", "ordering", "aliases", "api"]
Severity = Literal["error", "warning"]
JSONValue = Union[None, bool, int, str, list["JSONValue"]]

#: Every check category, in the order reports list them.
CHECKS: tuple[Check, ...] = ("values", "phrases", "descriptions", "ordering", "aliases", "api")


@dataclasses.dataclass(frozen=True)
class Finding:
    """One way an implementation deviates from the registry.

    ``code`` is the status code the finding is about; it is ``None`` only for
    problems that belong to no code (a key that is not an int at all).
    """

    check: Check
    code: int | None
    severity: Severity
    #: A stable machine-readable classification, e.g. ``superseded-phrase``.
    kind: str
    message: str
    expected: JSONValue = None
    actual: JSONValue = None
    #: The file and line a vendor edits; not part of what the finding *is*, so two runs
    #: from different checkouts (or a recorded finding, which keeps no path) compare equal.
    location: Location | None = dataclasses.field(default=None, compare=False)

    def to_json(self) -> dict[str, JSONValue | dict[str, str | int]]:
        return {
            "code": self.code,
            "check": self.check,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "location": None if self.location is None else self.location.to_json(),
        }


class ConformanceWarning(UserWarning):
    """Emitted by the pytest suite for warning-level findings (a missing 104, an empty description).

    The suite shows them without failing; run with
    ``-W error::statuscheck.ConformanceWarning`` to make them fail.
    """
