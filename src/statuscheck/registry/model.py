"""Typed model of the IANA HTTP Status Code Registry.

A :class:`Registry` is validated when it is built, whatever it was parsed
from: rows ascend, never overlap and cover every code from 100 to 599 exactly
once. Code that holds a ``Registry`` can therefore look up any code without
checking for gaps, and a refresh can never write a registry that would break
the harness.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Literal

from statuscheck.registry.errors import RegistryError

__all__ = [
    "ASSIGNED_STATUSES",
    "FIRST_CODE",
    "LAST_CODE",
    "Entry",
    "Reference",
    "ReferenceKind",
    "Registry",
    "Status",
]

FIRST_CODE = 100
LAST_CODE = 599

Status = Literal["assigned", "temporary", "obsoleted", "unused", "unassigned"]
ReferenceKind = Literal["rfc", "draft", "text"]

#: Statuses whose codes an implementation is expected to define.
ASSIGNED_STATUSES: frozenset[Status] = frozenset({"assigned", "temporary", "obsoleted"})


@dataclasses.dataclass(frozen=True)
class Reference:
    """One bracketed reference of a registry row, e.g. ``[RFC9110, Section 15.5.14]``.

    ``text`` is exactly what IANA shows between the brackets; ``kind``,
    ``document`` and ``section`` are derived from it so that consumers need not
    re-parse it.
    """

    text: str
    kind: ReferenceKind
    document: str
    section: str | None = None
    #: The URI a link reference points to (IANA's XML ``<xref type="uri">``). Its display
    #: ``text`` may be reworded while the target stays: the history compares by target.
    target: str | None = dataclasses.field(default=None, compare=False)


@dataclasses.dataclass(frozen=True)
class Entry:
    """One row of the registry: a single code or a range of codes.

    ``phrase`` is the reason phrase with IANA's annotations removed
    (``Not Extended``, not ``Not Extended (OBSOLETED)``); it is ``None`` for
    unassigned and ``(Unused)`` rows, which have no phrase.
    """

    first: int
    last: int
    status: Status
    phrase: str | None = None
    references: tuple[Reference, ...] = ()
    registered: datetime.date | None = None
    extensions_registered: tuple[datetime.date, ...] = ()
    expires: datetime.date | None = None
    line: int | None = dataclasses.field(default=None, compare=False)

    @property
    def codes(self) -> range:
        """Every code the row covers."""
        return range(self.first, self.last + 1)

    @property
    def is_range(self) -> bool:
        return self.first != self.last

    @property
    def value_text(self) -> str:
        """The row's value as IANA writes it: ``404`` or ``105-199``."""
        return str(self.first) if not self.is_range else f"{self.first}-{self.last}"

    @property
    def is_assigned(self) -> bool:
        """Whether implementations are expected to define this code."""
        return self.status in ASSIGNED_STATUSES

    @property
    def extension_registered(self) -> datetime.date | None:
        """The most recent extension of a temporary registration, if any."""
        return self.extensions_registered[-1] if self.extensions_registered else None

    def has_expired(self, on: datetime.date) -> bool:
        """Whether a temporary registration has expired on the given date.

        RFC 7120 registrations expire at the end of their expiry date, so a
        registration expiring 2026-11-13 is still valid on that day.
        """
        return self.expires is not None and on > self.expires

    def describe(self) -> str:
        """A short human label for messages: ``413 Content Too Large``."""
        label = self.phrase if self.phrase is not None else self.status
        return f"{self.value_text} {label}"


@dataclasses.dataclass(frozen=True)
class Registry:
    """The whole registry, validated on construction.

    ``newline`` and ``final_newline`` record the line-ending style of the file
    a registry came from, so that serialising it reproduces that file byte for
    byte; they take no part in comparisons of content.
    """

    entries: tuple[Entry, ...]
    newline: str = dataclasses.field(default="\n", compare=False)
    final_newline: bool = dataclasses.field(default=True, compare=False)
    source: str = dataclasses.field(default="<registry>", compare=False)
    _by_code: dict[int, Entry] = dataclasses.field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if self.newline not in ("\n", "\r\n"):
            raise RegistryError(f"unsupported line ending {self.newline!r}", source=self.source)
        by_code: dict[int, Entry] = {}
        for entry in self.entries:
            _validate_entry(entry, self.source)
            for code in entry.codes:
                if code in by_code:
                    other = by_code[code]
                    where = f" (line {other.line})" if other.line is not None else ""
                    raise RegistryError(
                        f"{entry.value_text} overlaps {other.value_text}{where}",
                        source=self.source,
                        line=entry.line,
                    )
                by_code[code] = entry
        previous: Entry | None = None
        for entry in self.entries:
            if previous is not None and entry.first < previous.first:
                raise RegistryError(
                    f"{entry.value_text} comes after {previous.value_text}: rows must ascend",
                    source=self.source,
                    line=entry.line,
                )
            previous = entry
        missing = [code for code in range(FIRST_CODE, LAST_CODE + 1) if code not in by_code]
        if missing:
            raise RegistryError(
                f"codes {_ranges_text(missing)} are not covered by any row", source=self.source
            )
        self._by_code.update(by_code)

    def entry(self, code: int) -> Entry:
        """The row covering ``code`` (ranges included).

        Raises ``LookupError`` for anything outside 100-599, which no row can cover.
        """
        entry = self._by_code.get(code) if _is_int(code) else None
        if entry is None:
            raise LookupError(f"{code!r} is not a status code in 100-599")
        return entry

    def assigned(self) -> tuple[Entry, ...]:
        """Rows implementations are expected to define, ascending."""
        return tuple(entry for entry in self.entries if entry.is_assigned)

    def assigned_codes(self) -> tuple[int, ...]:
        return tuple(entry.first for entry in self.assigned())

    def expired_temporary(self, on: datetime.date) -> tuple[Entry, ...]:
        """Temporary registrations whose expiry date has passed on ``on``."""
        return tuple(entry for entry in self.entries if entry.has_expired(on))


def _is_int(value: object) -> bool:
    """Ints and int subclasses such as enum members, but not bools or floats."""
    return isinstance(value, int) and not isinstance(value, bool)


def _validate_entry(entry: Entry, source: str) -> None:
    def fail(problem: str) -> RegistryError:
        return RegistryError(problem, source=source, line=entry.line)

    if not FIRST_CODE <= entry.first <= LAST_CODE or not FIRST_CODE <= entry.last <= LAST_CODE:
        raise fail(f"value {entry.value_text} is outside {FIRST_CODE}-{LAST_CODE}")
    if entry.last < entry.first:
        raise fail(f"range {entry.first}-{entry.last} has its ends reversed")
    has_phrase = entry.status in ASSIGNED_STATUSES
    if has_phrase and not entry.phrase:
        raise fail(f"{entry.value_text} is {entry.status} but has no phrase")
    if not has_phrase and entry.phrase is not None:
        raise fail(f"{entry.value_text} is {entry.status} and cannot have a phrase")
    if entry.is_range and has_phrase:
        raise fail(f"range {entry.value_text} cannot be {entry.status}: only single codes are")
    is_temporary = entry.status == "temporary"
    if is_temporary != (entry.registered is not None and entry.expires is not None):
        raise fail(f"{entry.value_text}: registration and expiry dates go with temporary rows")
    if not is_temporary and entry.extensions_registered:
        raise fail(f"{entry.value_text}: only temporary rows have extension dates")


def _ranges_text(codes: list[int]) -> str:
    """``[105, 106, 107, 200]`` -> ``105-107, 200``: short messages for big gaps."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
