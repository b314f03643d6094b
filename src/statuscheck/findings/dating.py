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

from statuscheck.registry.history import History, HistoryRangeError, State, latest_best_run
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
    counts = _counts(_carried(table), history)
    first, last = latest_best_run(counts)
    until = history.dates[last + 1] if last + 1 < len(history.dates) else None
    return RegistryMatch(history.dates[first], until, counts[first])


def disagreements(table: StatusTable, history: History, day: datetime.date) -> int:
    """How many codes 100-599 ``table`` disagrees on with the registry state in force on ``day``."""
    carried = _carried(table)
    return sum(
        not _agrees(carried.get(code), history.state_on(code, day))
        for code in range(FIRST_CODE, LAST_CODE + 1)
    )


def _counts(carried: dict[int, list[object]], history: History) -> list[int]:
    """``disagreements`` on every state at once, walking each code's timeline a single time.

    Checking runs on every ``statuscheck check`` (a pre-commit hook): most codes
    never changed, so one pass over each timeline beats a lookup per code per state.
    """
    dates = history.dates
    counts = [0] * len(dates)
    for code in range(FIRST_CODE, LAST_CODE + 1):
        states = history.timeline(code)
        phrases = carried.get(code)
        current = -1
        for index, day in enumerate(dates):
            while current + 1 < len(states) and states[current + 1].since <= day:
                current += 1
            if current < 0:
                raise HistoryRangeError(f"{day.isoformat()} is before {history.covered()}")
            if not _agrees(phrases, states[current]):
                counts[index] += 1
    return counts


def _carried(table: StatusTable) -> dict[int, list[object]]:
    """Each code 100-599 the table defines, with the phrases it carries for it."""
    phrases: dict[int, list[object]] = {}
    for definition in table.definitions:
        code = definition.code
        if code is not None and FIRST_CODE <= code <= LAST_CODE:
            carried = phrases.setdefault(code, [])
            if definition.phrase is not ABSENT:
                carried.append(definition.phrase)
    return phrases


def _agrees(phrases: list[object] | None, state: State) -> bool:
    """Defined exactly when assigned, and every phrase carried is the state's phrase."""
    if phrases is None:
        return not state.is_assigned
    return state.is_assigned and all(phrase == state.phrase for phrase in phrases)
