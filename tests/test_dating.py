"""Dating a table: a table built from any registry state matches exactly that state's run."""

from __future__ import annotations

import datetime
import json
import types

import pytest

from statuscheck import check_implementation
from statuscheck.findings.dating import RegistryMatch, date_table, disagreements
from statuscheck.registry.former_phrases import phrase_to_name
from statuscheck.registry.history import load_history
from statuscheck.registry.model import Registry
from statuscheck.reports.check import render
from statuscheck.tables.adapters import read_table
from tests.conftest import HISTORY_DIR

HISTORY = load_history()


def _mapping(registry: Registry) -> dict[int, str]:
    return {entry.first: entry.phrase or "" for entry in registry.assigned()}


def _constants(registry: Registry) -> types.ModuleType:
    module = types.ModuleType("constants_of_a_state")
    for entry in registry.assigned():
        setattr(module, f"HTTP_{entry.first}_{phrase_to_name(entry.phrase or '')}", entry.first)
    return module


def _run_of(day: datetime.date, same: object) -> tuple[datetime.date, datetime.date | None]:
    """The run of states around ``day`` that a table equal to its state cannot tell apart."""
    dates = HISTORY.dates
    index = dates.index(HISTORY.date_in_force(day))
    key = [same(HISTORY.registry_on(date)) for date in dates]  # type: ignore[operator]
    first = index
    while first > 0 and key[first - 1] == key[index]:
        first -= 1
    last = index
    while last + 1 < len(dates) and key[last + 1] == key[index]:
        last += 1
    return dates[first], dates[last + 1] if last + 1 < len(dates) else None


@pytest.mark.parametrize("day", HISTORY.dates, ids=str)
def test_a_mapping_built_from_a_state_has_no_disagreement_and_that_states_run(
    day: datetime.date,
) -> None:
    report = check_implementation(_mapping(HISTORY.registry_on(day)), aliases=None)
    match = report.registry_match
    assert match is not None
    assert match.disagreements == 0
    assert (match.since, match.until) == _run_of(day, _mapping)
    assert match.since <= day
    assert match.until is None or day < match.until


@pytest.mark.parametrize("day", HISTORY.dates, ids=str)
def test_constants_without_phrases_are_dated_by_the_codes_they_define(day: datetime.date) -> None:
    table = read_table(_constants(HISTORY.registry_on(day)), "constants")
    match = date_table(table, HISTORY)
    assert match.disagreements == 0
    assert (match.since, match.until) == _run_of(day, lambda r: set(_mapping(r)))


@pytest.mark.skipif(
    not HISTORY_DIR.is_dir(), reason="no ../shared/iana/history beside this checkout"
)
def test_a_table_built_from_each_published_file_is_dated_to_that_file() -> None:
    from statuscheck.codegen.history import read_history_files

    for path, document in read_history_files(HISTORY_DIR):
        assert document.updated is not None
        match = check_implementation(_mapping(document.registry), aliases=None).registry_match
        assert match is not None, path.name
        assert match.disagreements == 0, path.name
        assert match.since <= document.updated, path.name
        assert match.until is None or document.updated < match.until, path.name


def test_one_extra_code_is_one_disagreement_in_the_header_and_the_json() -> None:
    day = HISTORY.dates[-1]
    registry = HISTORY.registry_on(day)
    table = _mapping(registry)
    unassigned = next(code for code in range(100, 600) if not registry.entry(code).is_assigned)
    table[unassigned] = "Made Up"
    report = check_implementation(table, aliases=None)
    match = report.registry_match
    assert match is not None
    assert match.disagreements == 1
    expected_since, _ = _run_of(day, _mapping)
    assert match == RegistryMatch(expected_since, None, 1)
    assert (
        f"closest to the registry of {expected_since} … now (1 disagreement)"
        in render(report, "text").splitlines()[0]
    )
    assert json.loads(render(report, "json"))["registry_match"] == {
        "from": expected_since.isoformat(),
        "until": None,
        "disagreements": 1,
    }


def test_a_phrase_from_another_state_disagrees_only_there() -> None:
    first, newest = HISTORY.dates[0], HISTORY.dates[-1]
    old, new = HISTORY.registry_on(first), HISTORY.registry_on(newest)
    renamed = next(
        code
        for code in old.assigned_codes()
        if new.entry(code).is_assigned and old.entry(code).phrase != new.entry(code).phrase
    )
    table = read_table(_mapping(new) | {renamed: old.entry(renamed).phrase or ""}, "mixed")
    assert disagreements(table, HISTORY, newest) == 1
    assert disagreements(table, HISTORY, first) > 1


def test_the_match_survives_json() -> None:
    match = RegistryMatch(HISTORY.dates[0], HISTORY.dates[1], 3)
    assert RegistryMatch.from_json(match.to_json()) == match
    assert RegistryMatch.from_json(RegistryMatch(HISTORY.dates[0], None, 0).to_json()).until is None
