"""Former phrases: the cited RFC phrases and the registry history, merged into one timeline."""

from __future__ import annotations

import pytest

from statuscheck import FORMER_PHRASES, FormerPhrase
from statuscheck.checks.phrases import classify_phrase
from statuscheck.registry.former_phrases import former_phrases
from statuscheck.registry.history import load_history
from statuscheck.registry.rfc_phrases import RFC_PHRASES, STDLIB_FORMER_PHRASES

HISTORY = load_history()


def _current(code: int) -> str:
    phrase = HISTORY.timeline(code)[-1].phrase
    assert phrase is not None
    return phrase


def test_an_rfc_2616_phrase_is_named_as_such_with_its_successor() -> None:
    (rfc_2616,) = (p for p in RFC_PHRASES if p.code == 413 and p.rfc == 2616)
    (successor,) = (p for p in RFC_PHRASES if p.code == 413 and p.rfc > 2616)
    kind, text = classify_phrase(413, rfc_2616.phrase, _current(413))
    assert kind == "superseded-phrase"
    assert text == f"is the RFC 2616 phrase, superseded by RFC {successor.rfc} in {successor.year}"


@pytest.mark.parametrize("code", load_history().changed_codes())
def test_every_registry_phrase_replaced_since_names_its_dates_from_the_history(code: int) -> None:
    states = HISTORY.timeline(code)
    for state, after in zip(states, states[1:]):
        if state.phrase is None or state.phrase in (after.phrase, _current(code)):
            continue
        since = next(s.since for s in states if s.phrase == state.phrase)
        kind, text = classify_phrase(code, state.phrase, _current(code))
        assert kind == "superseded-phrase"
        assert text == f"is the registry's phrase from {since} until {after.since}"


def test_a_case_slip_of_the_current_phrase_is_not_taken_for_a_former_one() -> None:
    kind, _ = classify_phrase(451, _current(451).upper(), _current(451))
    assert kind == "case-or-punctuation"


def test_former_phrases_are_those_the_code_no_longer_has() -> None:
    for code in {p.code for p in RFC_PHRASES} | set(HISTORY.changed_codes()):
        formers = former_phrases(code)
        assert all(former.phrase != _current(code) for former in formers)
        assert len({former.phrase for former in formers}) == len(formers)


def test_the_public_list_is_the_replaced_cited_rfc_phrases() -> None:
    assert all(isinstance(former, FormerPhrase) for former in FORMER_PHRASES)
    cited = {(p.code, p.phrase) for p in RFC_PHRASES}
    assert {(f.code, f.phrase) for f in FORMER_PHRASES} <= cited
    assert {f.source for f in FORMER_PHRASES} <= {p.source for p in RFC_PHRASES}
    stdlib_from_rfcs = {(c, p) for c, p in STDLIB_FORMER_PHRASES if (c, p) in cited}
    assert {(f.code, f.phrase) for f in FORMER_PHRASES if f.stdlib_name} == stdlib_from_rfcs


def test_every_stdlib_name_is_a_former_phrase_of_its_code() -> None:
    for code, phrase in STDLIB_FORMER_PHRASES:
        assert phrase in {former.phrase for former in former_phrases(code) if former.stdlib_name}
