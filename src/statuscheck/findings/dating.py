"""Dating a table: which published states of the registry it agrees with best.

A verdict says a table is wrong; its date says how stale it is. For each state
S of the registry history and each code c in 100-599, the table *agrees* on c
when it defines c exactly when S assigns it (assigned, temporary and obsoleted
all count) and, where both define c and the table carries a phrase, that phrase
is S's. The match is the latest run of consecutive states that all have the
fewest disagreements: a table written against the 2018 registry matches every
state from the one that last changed what it agrees with up to the next change.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping

from statuscheck.registry.history import History, latest_best_run
from statuscheck.registry.model import FIRST_CODE, LAST_CODE
from statuscheck.tables.table import ABSENT, StatusTable

__all__ = ["RegistryMatch", "date_table", "disagreements"]


@dataclasses.dataclass(frozen=True)
class RegistryMatch:
    """The run of registry states a table agrees with best.

    ``since`` is the date of the run's first state; ``until`` the date of the
    first later state outside it (``None`` when the run reaches the newest state).
    """

    since: datetime.date
    until: datetime.date | None
    disagreements: int

    def to_json(self) -> dict[str, str | int | None]:
        return {
            "from": self.since.isoformat(),
            "until": self.until.isoformat() if self.until is not None else None,
            "disagreements": self.disagreements,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> RegistryMatch:
        since, until, count = data["from"], data["until"], data["disagreements"]
        if not isinstance(since, str) or not isinstance(count, int):
            raise ValueError("a registry match needs a 'from' date and a count of disagreements")
        if until is not None and not isinstance(until, str):
            raise ValueError("a registry match's 'until' is a date or null")
        return cls(
            datetime.date.fromisoformat(since),
            datetime.date.fromisoformat(until) if until is not None else None,
            count,
        )

    @property
    def span(self) -> str:
        """``2017-10-30 … 2021-10-01``, or ``2022-06-08 … now`` for a run that is still current."""
        end = self.until.isoformat() if self.until is not None else "now"
        return f"{self.since.isoformat()} … {end}"

    @property
    def summary(self) -> str:
        """``2017-10-30 … 2021-10-01 (1 disagreement)``."""
        plural = "" if self.disagreements == 1 else "s"
        return f"{self.span} ({self.disagreements} disagreement{plural})"

    def describe(self) -> str:
        """``closest to the registry of 2017-10-30 … 2021-10-01 (1 disagreement)``."""
        return f"closest to the registry of {self.summary}"


def date_table(table: StatusTable, history: History) -> RegistryMatch:
    """The latest run of registry states with the fewest disagreements with ``table``."""
    counts = [disagreements(table, history, day) for day in history.dates]
    first, last = latest_best_run(counts)
    until = history.dates[last + 1] if last + 1 < len(history.dates) else None
    return RegistryMatch(history.dates[first], until, counts[first])


def disagreements(table: StatusTable, history: History, day: datetime.date) -> int:
    """How many codes 100-599 ``table`` disagrees on with the registry state in force on ``day``."""
    phrases: dict[int, list[object]] = {}
    for definition in table.definitions:
        code = definition.code
        if code is not None and FIRST_CODE <= code <= LAST_CODE:
            carried = phrases.setdefault(code, [])
            if definition.phrase is not ABSENT:
                carried.append(definition.phrase)
    count = 0
    for code in range(FIRST_CODE, LAST_CODE + 1):
        state = history.state_on(code, day)
        defines = code in phrases
        if state.is_assigned != defines or (
            defines and any(phrase != state.phrase for phrase in phrases[code])
        ):
            count += 1
    return count
