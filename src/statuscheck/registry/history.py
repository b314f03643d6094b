"""Every published state of the registry since 2015: a timeline per code, and queries on it.

The history is generated (``statuscheck generate``) from the registry files IANA
published, into ``history.json`` beside this module, and shipped like the snapshot.
Each code keeps only its *changes*: a new :class:`State` when its status (with a
temporary registration's dates), its phrase or its references change. A publication
that changed bytes but no data (a processing instruction, a link's display text) is
listed among :attr:`History.publications` but starts no state.

Nothing here is loaded by ``import statuscheck``: :func:`load_history` reads the
data on first use.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import cast

from statuscheck.registry.cells import parse_reference
from statuscheck.registry.errors import StatuscheckError
from statuscheck.registry.model import (
    ASSIGNED_STATUSES,
    FIRST_CODE,
    LAST_CODE,
    Entry,
    Registry,
    Status,
)

__all__ = [
    "HISTORY_DATA",
    "History",
    "HistoryRangeError",
    "Publication",
    "State",
    "latest_best_run",
    "load_history",
]

HISTORY_DATA = Path(__file__).with_name("history.json")


class HistoryRangeError(StatuscheckError):
    """A date the shipped history cannot speak for: before its first state, or in the future."""


@dataclasses.dataclass(frozen=True)
class Publication:
    """One registry file IANA published: its registry date, its file name and its sha256."""

    updated: datetime.date
    file: str
    sha256: str


@dataclasses.dataclass(frozen=True)
class State:
    """What the registry said of one code from ``since`` until the code's next state."""

    since: datetime.date
    status: Status
    phrase: str | None = None
    references: tuple[str, ...] = ()
    registered: datetime.date | None = None
    extensions_registered: tuple[datetime.date, ...] = ()
    expires: datetime.date | None = None

    @property
    def is_assigned(self) -> bool:
        return self.status in ASSIGNED_STATUSES

    def entry(self, code: int) -> Entry:
        """The registry row this state amounts to for ``code``."""
        return Entry(
            first=code,
            last=code,
            status=self.status,
            phrase=self.phrase,
            references=tuple(parse_reference(text) for text in self.references),
            registered=self.registered,
            extensions_registered=self.extensions_registered,
            expires=self.expires,
        )


@dataclasses.dataclass(frozen=True)
class History:
    """The timeline of every code 100-599 and the publications it was read from."""

    publications: tuple[Publication, ...]
    timelines: Mapping[int, tuple[State, ...]]

    @functools.cached_property
    def dates(self) -> tuple[datetime.date, ...]:
        """The registry's states: every date on which some code changed, ascending."""
        return tuple(
            sorted({state.since for states in self.timelines.values() for state in states})
        )

    @property
    def first(self) -> datetime.date:
        return self.dates[0]

    @property
    def newest(self) -> datetime.date:
        return self.dates[-1]

    def timeline(self, code: int) -> tuple[State, ...]:
        try:
            return self.timelines[code]
        except KeyError:
            raise LookupError(f"{code!r} is not a status code in 100-599") from None

    def changed_codes(self) -> tuple[int, ...]:
        """Codes that went through more than one state, ascending."""
        return tuple(code for code, states in sorted(self.timelines.items()) if len(states) > 1)

    def state_on(self, code: int, day: datetime.date) -> State:
        """The state of ``code`` in force on ``day`` (which must not precede the first state)."""
        current = None
        for state in self.timeline(code):
            if state.since > day:
                break
            current = state
        if current is None:
            raise HistoryRangeError(f"{day.isoformat()} is before {self.covered()}")
        return current

    def registry_on(self, day: datetime.date, *, today: datetime.date | None = None) -> Registry:
        """The registry in force on ``day``; :class:`HistoryRangeError` outside the history."""
        self.check_covered(day, today=today)
        entries = tuple(self.state_on(code, day).entry(code) for code in sorted(self.timelines))
        return Registry(entries, source=f"the registry of {self.date_in_force(day).isoformat()}")

    def date_in_force(self, day: datetime.date) -> datetime.date:
        """The date of the registry state in force on ``day``."""
        return max(date for date in self.dates if date <= day)

    def check_covered(self, day: datetime.date, *, today: datetime.date | None = None) -> None:
        if day < self.first or day > (today or datetime.date.today()):
            raise HistoryRangeError(f"{day.isoformat()} is outside {self.covered()}")

    def covered(self) -> str:
        return (
            f"the registry history, which covers {self.first.isoformat()} to today "
            f"(newest state {self.newest.isoformat()})"
        )


def latest_best_run(counts: Sequence[int]) -> tuple[int, int]:
    """``(first, last)`` indexes of the latest run of consecutive minimal ``counts``."""
    best = min(counts)
    last = max(index for index, count in enumerate(counts) if count == best)
    first = last
    while first > 0 and counts[first - 1] == best:
        first -= 1
    return first, last


def history_from_json(document: Mapping[str, object]) -> History:
    """The :class:`History` a ``history.json`` document holds."""
    publications = tuple(
        Publication(datetime.date.fromisoformat(day), file, sha256)
        for day, file, sha256 in cast("list[list[str]]", document["publications"])
    )
    rows = cast("dict[str, list[list[object]]]", document["timelines"])
    timelines = {int(code): tuple(_state(row) for row in states) for code, states in rows.items()}
    if sorted(timelines) != list(range(FIRST_CODE, LAST_CODE + 1)):
        raise ValueError("a history must hold a timeline for every code 100-599")
    return History(publications, timelines)


def state_to_json(state: State) -> list[object]:
    """The compact row ``history.json`` keeps for a state (the inverse of reading it)."""
    row: list[object] = [
        state.since.isoformat(),
        state.status,
        state.phrase,
        list(state.references),
    ]
    if state.registered is not None or state.expires is not None:
        row.append(_iso_dates((state.registered, *state.extensions_registered, state.expires)))
    return row


def _state(row: list[object]) -> State:
    since, status, phrase, references, *registration = row
    dates = [_date(text) for text in cast("list[str]", registration[0])] if registration else []
    return State(
        since=_date(cast(str, since)),
        status=cast(Status, status),
        phrase=cast("str | None", phrase),
        references=tuple(cast("list[str]", references)),
        registered=dates[0] if dates else None,
        extensions_registered=tuple(dates[1:-1]),
        expires=dates[-1] if dates else None,
    )


def _iso_dates(days: Iterable[datetime.date | None]) -> list[str]:
    return [day.isoformat() for day in days if day is not None]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@functools.cache
def load_history() -> History:
    """The history shipped with statuscheck (read once, on first use)."""
    with HISTORY_DATA.open(encoding="utf-8") as stream:
        return history_from_json(json.load(stream))
