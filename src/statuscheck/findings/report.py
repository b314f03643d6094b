"""A conformance report: the findings of one run and the verdict on each check and code.

The report is plain data plus the rule that turns findings and declared
deviations into outcomes (pass, fail, warn, expected, stale). Every view --
the pytest suite, the CLI reports, the matrix -- reads outcomes from here, so
a deviation is judged the same way wherever it is shown.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Literal

from statuscheck.checks.finding import CHECKS, Check, Finding
from statuscheck.checks.values import MissingPolicy
from statuscheck.findings.dating import RegistryMatch
from statuscheck.findings.deviations import PLACEHOLDER_REASON, Deviation
from statuscheck.tables.table import Location

__all__ = ["TABLE_CHECKS", "ConformanceReport", "Coverage", "Outcome", "SnapshotInfo", "Status"]


Status = Literal["pass", "fail", "warn", "expected", "stale"]


#: Checks about the table as a whole: judged once (code ``None``), plus once per
#: code they find fault with, rather than once per code.
TABLE_CHECKS: frozenset[Check] = frozenset({"ordering"})


@dataclasses.dataclass(frozen=True)
class SnapshotInfo:
    """Which registry a report was made against."""

    path: str
    sha256: str
    registry_updated: str | None

    def to_json(self) -> dict[str, str | None]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Coverage:
    """How much of the registry a table covers, and what a missing code counts as.

    A table may cover a deliberate subset (``--missing=warn``); the count keeps
    what it leaves out visible whatever the policy.
    """

    defined: int
    #: Codes the registry assigns on the report's date (expired registrations left out).
    assigned: int
    missing: MissingPolicy = "error"

    def __str__(self) -> str:
        return f"{self.defined} of {self.assigned} assigned codes"

    def to_json(self) -> dict[str, int | str]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Outcome:
    """The verdict for one check on one code, deviations applied."""

    check: Check
    code: int | None
    status: Status
    findings: tuple[Finding, ...] = ()
    deviation: Deviation | None = None

    def describe(self) -> str:
        """One line per finding, errors first; warnings say so (a failure's first line is
        what pytest's short summary shows, so it must be the finding itself)."""
        ordered = sorted(self.findings, key=lambda finding: finding.severity != "error")
        lines = [
            finding.message if finding.severity == "error" else f"warning: {finding.message}"
            for finding in ordered
        ]
        if self.status == "stale" and self.deviation is not None:
            lines.append(
                f"declared deviation {self.deviation.key} ({self.deviation.source}) no longer "
                f"occurs: remove it (reason given: {self.deviation.reason})"
            )
        return "\n".join(lines)


@dataclasses.dataclass(frozen=True)
class ConformanceReport:
    impl: str
    shape: str
    aliases: str | None
    snapshot: SnapshotInfo
    findings: tuple[Finding, ...]
    deviations: tuple[Deviation, ...] = ()
    checks: tuple[Check, ...] = CHECKS
    #: Codes the table defines or the registry assigns: what each check looked at.
    subjects: dict[Check, tuple[int, ...]] = dataclasses.field(default_factory=dict)
    #: The table's language: ``"python"``, or a table document's ``language``.
    language: str = "python"
    #: Where the table is defined: what CI annotations of a stale declaration point at.
    location: Location | None = None
    #: The registry states the table agrees with best (see :mod:`statuscheck.findings.dating`).
    registry_match: RegistryMatch | None = None
    coverage: Coverage | None = None
    #: Said once, in the report's header: about the snapshot or the declarations, not a code.
    notes: tuple[str, ...] = ()

    def outcome(self, check: Check, code: int | None) -> Outcome:
        findings = tuple(f for f in self.findings if f.check == check and f.code == code)
        deviation = next((d for d in self.deviations if d.check == check and d.code == code), None)
        status: Status
        if deviation is not None:
            status = "expected" if findings else "stale"
        elif any(finding.severity == "error" for finding in findings):
            status = "fail"
        else:
            status = "warn" if findings else "pass"
        return Outcome(check, code, status, findings, deviation)

    def codes_for(self, check: Check) -> tuple[int | None, ...]:
        """Every code the check has a verdict on: its subjects, findings and declarations."""
        codes: set[int] = set(self.subjects.get(check, ()))
        codes.update(f.code for f in self.findings if f.check == check and f.code is not None)
        codes.update(d.code for d in self.deviations if d.check == check and d.code is not None)
        ordered: tuple[int | None, ...] = tuple(sorted(codes))
        if (
            check in TABLE_CHECKS
            or any(f.check == check and f.code is None for f in self.findings)
            or any(d.check == check and d.code is None for d in self.deviations)
        ):
            ordered += (None,)
        return ordered

    def outcomes(self) -> list[Outcome]:
        """Every outcome that is not a plain pass, in check then code order."""
        return list(self._outcomes)

    @functools.cached_property
    def _outcomes(self) -> tuple[Outcome, ...]:
        """Judged once: a report is read several times (summary, verdict, findings)."""
        result = []
        for check in self.checks:
            for code in self.codes_for(check):
                outcome = self.outcome(check, code)
                if outcome.status != "pass":
                    result.append(outcome)
        return tuple(result)

    def pasteable_deviations(self, *, warnings: bool = False) -> list[tuple[str, str]]:
        """``("check:code", reason)`` for every current deviation, ready to declare.

        Declared ones keep their reason; new ones get a placeholder for their
        author to replace (the finding is what the report already shows, so it
        would only be said twice). Warning-level ones only when asked: they
        never fail a run, so most projects need not declare them.
        """
        wanted = {"fail", "expected", "warn"} if warnings else {"fail", "expected"}
        return [
            (
                f"{outcome.check}:{'*' if outcome.code is None else outcome.code}",
                PLACEHOLDER_REASON if outcome.deviation is None else outcome.deviation.reason,
            )
            for outcome in self.outcomes()
            if outcome.status in wanted
        ]

    @property
    def conformant(self) -> bool:
        return not any(outcome.status in ("fail", "stale") for outcome in self.outcomes())
