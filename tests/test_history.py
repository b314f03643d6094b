"""The registry history: generated from IANA's published files, and true to them."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuscheck.cli.main import main
from statuscheck.codegen.history import generate_history, read_history_files
from statuscheck.registry.diff import status_text
from statuscheck.registry.errors import RegistryError
from statuscheck.registry.history import (
    HISTORY_DATA,
    HistoryRangeError,
    State,
    history_from_json,
    latest_best_run,
    load_history,
    state_to_json,
)
from statuscheck.registry.model import Entry
from tests.conftest import HISTORY_DIR

needs_history = pytest.mark.skipif(
    not HISTORY_DIR.is_dir(), reason="no ../shared/iana/history beside this checkout"
)
CODES = (413, 422, 104, 510)


@needs_history
def test_the_shipped_history_is_what_the_generator_makes_of_the_files() -> None:
    assert HISTORY_DATA.read_text(encoding="utf-8") == generate_history(HISTORY_DIR), (
        "run `statuscheck generate`"
    )


@needs_history
def test_generate_check_demands_the_same_bytes() -> None:
    assert main(["generate", "--check", "--history", str(HISTORY_DIR)]) == 0


@needs_history
@pytest.mark.parametrize("code", CODES)
def test_every_file_says_what_the_timeline_has_in_force_on_its_date(code: int) -> None:
    history = load_history()
    previous: Entry | None = None
    starts = []
    for path, document in read_history_files(HISTORY_DIR):
        assert document.updated is not None
        entry = document.registry.entry(code)
        state = history.state_on(code, document.updated)
        assert (status_text(state.entry(code)), state.phrase) == (
            status_text(entry),
            entry.phrase,
        ), path.name
        targets = [ref.target or ref.text for ref in entry.references]
        assert len(state.references) == len(targets), path.name
        if previous is None or (status_text(previous), previous.phrase, previous.references) != (
            status_text(entry),
            entry.phrase,
            entry.references,
        ):
            starts.append(document.updated)
        previous = entry
    # A state starts exactly where a file changed the code (a reworded link excepted).
    assert {state.since for state in history.timeline(code)} <= set(starts)


@needs_history
def test_the_text_timeline_tells_each_change_once() -> None:
    history = load_history()
    documents = read_history_files(HISTORY_DIR)
    expected_413 = []
    before: Entry | None = None
    for _path, document in documents:
        entry = document.registry.entry(413)
        parts = []
        if before is None or entry.phrase != before.phrase:
            parts.append(entry.phrase or "")
        if before is None or entry.references != before.references:
            parts.append("".join(f"[{ref.text}]" for ref in entry.references))
        if parts:
            expected_413.append(" ".join([str(document.updated), *parts]))
        before = entry
    lines = _run_history(["413", "422", "104", "510"]).splitlines()
    assert lines[0] == "413  " + " → ".join(expected_413)
    assert [line.split()[0] for line in lines] == ["413", "422", "104", "510"]
    newest = documents[-1][1].registry
    assert lines[2].startswith("104  2015-02-20 unassigned → ")
    assert lines[2].endswith(status_text(newest.entry(104)))
    assert lines[3].count("→") == len(history.timeline(510)) - 1
    assert " obsoleted " in lines[3]


def _run_history(args: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["history", *args]) == 0
    return out.getvalue()


def test_json_has_one_state_per_change_with_iso_dates() -> None:
    data = json.loads(_run_history(["413", "--format", "json"]))
    states = data["codes"][0]["states"]
    assert data["codes"][0]["code"] == 413
    assert [set(state) for state in states] == [{"from", "status", "phrase", "references"}] * len(
        states
    )
    assert [state["from"] for state in states] == [
        state.since.isoformat() for state in load_history().timeline(413)
    ]
    for before, after in zip(states, states[1:]):
        assert (before["status"], before["phrase"], before["references"]) != (
            after["status"],
            after["phrase"],
            after["references"],
        )


def test_without_codes_every_code_that_ever_changed_is_shown() -> None:
    lines = _run_history([]).splitlines()
    assert [int(line.split()[0]) for line in lines] == list(load_history().changed_codes())
    assert all("→" in line for line in lines)


def test_a_reworded_link_is_a_publication_but_no_change() -> None:
    history = load_history()
    same_day = [p for p in history.publications if p.updated == datetime.date(2022, 6, 8)]
    assert len(same_day) == 2  # the .r2 republication is kept
    assert [s.since for s in history.timeline(510)][-1] < datetime.date(2022, 6, 8)


def test_a_date_outside_the_history_is_refused_with_the_range() -> None:
    history = load_history()
    with pytest.raises(HistoryRangeError, match=history.first.isoformat()):
        history.registry_on(datetime.date(1999, 1, 1))
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(HistoryRangeError, match="to today"):
        history.registry_on(tomorrow)


@needs_history
def test_a_file_that_does_not_parse_fails_generation_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in sorted(HISTORY_DIR.glob("xml-2015-0*.xml")):
        shutil.copy(path, tmp_path / path.name)
    broken = tmp_path / "xml-2016-01-01.xml"
    lines = (HISTORY_DIR / "xml-2015-04-09.xml").read_text(encoding="utf-8").splitlines()
    value = next(i for i, line in enumerate(lines) if "<value>" in line)
    lines[value] = lines[value].replace("<value>", "<value>x")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=rf"{broken.name}:\d+: non-numeric value"):
        generate_history(tmp_path)
    assert main(["generate", "--check", "--history", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{broken}:" in err


def test_an_empty_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="holds no registry files"):
        generate_history(tmp_path)


@needs_history
def test_diff_by_date_reports_like_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "2018-09-21", "2021-10-01", "--format", "json"]) == 1
    by_date = json.loads(capsys.readouterr().out)
    old, new = HISTORY_DIR / "xml-2018-09-21.r2.xml", HISTORY_DIR / "xml-2021-10-01.xml"
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    by_file = json.loads(capsys.readouterr().out)
    assert by_date["changes"] == by_file["changes"]
    assert by_date["snapshot"]["registry_updated"] == "2018-09-21"


def test_diff_of_a_date_before_the_history_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", "1999-01-01", "2025-09-15"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert load_history().first.isoformat() in captured.err


def test_diff_of_two_days_in_one_state_is_no_drift(capsys: pytest.CaptureFixture[str]) -> None:
    history = load_history()
    day = history.dates[3]
    assert main(["diff", day.isoformat(), (day + datetime.timedelta(days=1)).isoformat()]) == 0
    assert f"note: both days fall in the registry state of {day}" in capsys.readouterr().out


def test_diff_of_a_date_and_a_file_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "2020-01-01", str(HISTORY_DIR / "xml-2025-09-15.xml")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def _states() -> st.SearchStrategy[State]:
    days = st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 1, 1))
    texts = st.text(min_size=1, max_size=20)
    plain = st.builds(
        State,
        since=days,
        status=st.sampled_from(["assigned", "obsoleted", "unused", "unassigned"]),
        phrase=st.none() | texts,
        references=st.lists(texts, max_size=3).map(tuple),
    )
    temporary = st.builds(
        State,
        since=days,
        status=st.just("temporary"),
        phrase=texts,
        references=st.lists(texts, max_size=3).map(tuple),
        registered=days,
        extensions_registered=st.lists(days, max_size=2).map(tuple),
        expires=days,
    )
    return plain | temporary


@settings(deadline=None, max_examples=50)  # each example builds 500 timelines
@given(st.lists(_states(), min_size=1, max_size=4))
def test_states_survive_the_trip_through_json(states: list[State]) -> None:
    document = {
        "publications": [["2015-02-20", "f.xml", "0" * 64]],
        "timelines": {
            str(code): [state_to_json(state) for state in states] for code in range(100, 600)
        },
    }
    history = history_from_json(json.loads(json.dumps(document)))
    assert history.timeline(404) == tuple(states)


def test_a_history_missing_a_code_is_refused() -> None:
    with pytest.raises(ValueError, match="every code"):
        history_from_json({"publications": [], "timelines": {"100": []}})


@given(st.lists(st.integers(0, 5), min_size=1, max_size=12))
def test_the_best_run_is_the_latest_run_of_minimal_counts(counts: list[int]) -> None:
    first, last = latest_best_run(counts)
    best = min(counts)
    assert all(count == best for count in counts[first : last + 1])
    assert best not in counts[last + 1 :]
    assert first == 0 or counts[first - 1] != best


def test_the_first_state_is_the_first_publication() -> None:
    history = load_history()
    assert history.first == history.publications[0].updated
    assert history.newest == history.publications[-1].updated
