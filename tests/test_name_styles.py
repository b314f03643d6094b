"""Naming styles: detected from a table's names, phrases rendered in them, names read back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuscheck import load_snapshot
from statuscheck.checks.name_styles import (
    CASES,
    NameStyle,
    abbreviates,
    detect_style,
    embedded_codes,
    follows,
    is_code_only,
    name_words,
    phrase_words,
)
from statuscheck.registry.former_phrases import FORMER_PHRASES, phrase_to_name
from tests.name_miniatures import STYLES, abbreviated

#: The registry's phrase of every assigned code.
PHRASE = {entry.first: entry.phrase or "" for entry in load_snapshot().assigned()}
#: (code, phrase) for every assigned code and every phrase a code used to carry.
PHRASES = [*PHRASE.items(), *((former.code, former.phrase) for former in FORMER_PHRASES)]


@pytest.mark.parametrize("key", sorted(STYLES))
def test_a_table_rendered_in_a_style_is_detected_as_that_style(key: str) -> None:
    style, _ = STYLES[key]
    assert detect_style(style.render(phrase, code) for code, phrase in PHRASES) == style


@pytest.mark.parametrize("key", sorted(STYLES))
def test_every_phrase_rendered_in_every_style_reads_back_as_itself(key: str) -> None:
    style, _ = STYLES[key]
    for code, phrase in PHRASES:
        name = style.render(phrase, code)
        assert follows(name, phrase), name
        assert not abbreviates(name, phrase), name
        assert style.like(name) == style, name
        assert embedded_codes(name) == ((code,) if style.with_code else ()), name


def test_snake_cases_render_by_the_stdlib_rule() -> None:
    for code, phrase in PHRASES:
        assert NameStyle("UPPER_SNAKE").render(phrase, code) == phrase_to_name(phrase)
        assert NameStyle("lower_snake").render(phrase, code) == phrase_to_name(phrase).lower()


@pytest.mark.parametrize(
    ("style", "code", "name"),
    [
        (NameStyle("PascalCase", "Status"), 226, "StatusIMUsed"),
        (NameStyle("PascalCase", "Status"), 505, "StatusHTTPVersionNotSupported"),
        (NameStyle("PascalCase", "Status"), 414, "StatusURITooLong"),
        (NameStyle("PascalCase", "Status"), 200, "StatusOK"),
        (NameStyle("PascalCase"), 203, "NonAuthoritativeInformation"),
        (NameStyle("Title_Snake"), 207, "Multi_Status"),
        (NameStyle("UPPER_SNAKE", "HTTP_", with_code=True), 404, "HTTP_404_NOT_FOUND"),
        (NameStyle("UPPER_SNAKE", "HTTP_"), 505, "HTTP_HTTP_VERSION_NOT_SUPPORTED"),
    ],
)
def test_pascal_and_title_case_keep_acronyms_and_drop_hyphens(
    style: NameStyle, code: int, name: str
) -> None:
    assert style.render(PHRASE[code], code) == name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        (226, "StatusImUsed"),  # acronyms compare case-insensitively
        (505, "HttpVersionNotSupported"),  # .NET's spelling
        (414, "UriTooLong"),
        (404, "not_found"),
        (404, "Not_Found"),
        (404, "http_404_not_found"),
        (404, "Status404NotFound"),
        (505, "HTTP_VERSION_NOT_SUPPORTED"),  # a phrase that starts like a prefix
    ],
)
def test_names_follow_phrases_whatever_their_case(code: int, name: str) -> None:
    assert follows(name, PHRASE[code])


@pytest.mark.parametrize(
    ("code", "name"),
    [
        (404, "NOTFOUND"),  # word boundaries matter
        (404, "NotFoundNow"),
        (300, "MULTIPLE_CHOICE"),
        (200, "\\o/"),
    ],
)
def test_names_that_do_not_follow_their_phrase(code: int, name: str) -> None:
    assert not follows(name, PHRASE[code])


@pytest.mark.parametrize(
    ("code", "name", "abbreviation"),
    [
        (203, "StatusNonAuthoritativeInfo", True),  # Go
        (407, "StatusProxyAuthRequired", True),  # Go
        (407, "PROXY_AUTH_REQUIRED", True),  # twisted
        (300, "MULTIPLE_CHOICE", False),  # one letter short is a wrong word
        (200, "o", False),  # too short to stand for anything
        (404, "NOT_FOUND", False),  # spelled out
        (431, "HEADER_FIELDS_TOO_LARGE", False),  # a word left out
    ],
)
def test_abbreviations_shorten_words_not_drop_them(
    code: int, name: str, abbreviation: bool
) -> None:
    assert abbreviates(name, PHRASE[code]) is abbreviation


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["NOT_FOUND", "OK", "HTTP_VERSION_NOT_SUPPORTED"], NameStyle("UPPER_SNAKE")),
        (["HTTP_404", "HTTP_NOT_FOUND", "HTTP_200", "HTTP_OK"], NameStyle("UPPER_SNAKE", "HTTP_")),
        (["ok", "OK", "not_found", "NOT_FOUND", "found"], NameStyle("lower_snake")),
        (["StatusOK", "StatusNotFound", "StatusIMUsed"], NameStyle("PascalCase", "Status")),
        (["OK", "NotFound", "HttpVersionNotSupported"], NameStyle("PascalCase")),
        (["http_404_not_found", "http_200_ok"], NameStyle("lower_snake", "http_", True)),
        ([], NameStyle()),
    ],
)
def test_the_majority_sets_the_style(names: list[str], expected: NameStyle) -> None:
    assert detect_style(names) == expected


def test_a_name_keeps_its_own_case_and_prefix_in_a_table_of_another() -> None:
    table = NameStyle("UPPER_SNAKE", "HTTP_", with_code=True)
    assert table.like("http_404_not_found") == NameStyle("lower_snake", "http_", True)
    assert table.like("NOT_FOUND") == NameStyle("UPPER_SNAKE")
    assert NameStyle("lower_snake").like("OK") == NameStyle("UPPER_SNAKE")
    assert NameStyle("Title_Snake").like("OK") == NameStyle("Title_Snake")


@pytest.mark.parametrize(
    ("name", "codes", "code_only"),
    [
        ("HTTP_404", (404,), True),
        ("Status404", (404,), True),
        ("HTTP_404_NOT_FOUND", (404,), False),
        ("Status404NotFound", (404,), False),
        ("NOT_FOUND_404", (404,), False),
        ("HTTP_1000", (), True),
        ("HTTP2_NOT_FOUND", (), False),
        ("NOT_FOUND", (), False),
    ],
)
def test_codes_in_names(name: str, codes: tuple[int, ...], code_only: bool) -> None:
    assert embedded_codes(name) == codes
    assert is_code_only(name) is code_only


def test_the_abbreviated_miniature_phrase_is_an_abbreviation() -> None:
    shortened = abbreviated(PHRASE[203])
    for style, _ in STYLES.values():
        assert abbreviates(style.render(shortened, 203), PHRASE[203])


_WORD = st.from_regex(r"[A-Z][a-z]{1,9}|[a-z]{2,10}", fullmatch=True)
_ACRONYM = st.from_regex(r"[A-Z]{2,4}", fullmatch=True)


@st.composite
def _phrases(draw: st.DrawFn) -> str:
    """Phrases like the registry's: words, at most one acronym, spaces and hyphens."""
    words = draw(st.lists(_WORD, min_size=1, max_size=6))
    acronym = draw(st.none() | _ACRONYM)
    if acronym is not None:
        words.insert(draw(st.integers(0, len(words))), acronym)
    separators = draw(st.lists(st.sampled_from([" ", "-"]), min_size=len(words)))
    return "".join(sep + word for sep, word in zip(separators, words)).lstrip(" -")


@given(
    phrase=_phrases(),
    style=st.sampled_from([style for style, _ in STYLES.values()]),
    code=st.integers(100, 599),
)
def test_any_phrase_rendered_in_any_style_follows_it(
    phrase: str, style: NameStyle, code: int
) -> None:
    name = style.render(phrase, code)
    assert follows(name, phrase)
    assert not abbreviates(name, phrase)
    assert phrase_words(phrase) == tuple(phrase.replace("-", " ").split())


@given(phrase=_phrases(), style=st.sampled_from([style for style, _ in STYLES.values()]))
def test_any_shortened_word_abbreviates_and_any_extra_word_does_not(
    phrase: str, style: NameStyle
) -> None:
    words = phrase_words(phrase)
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    if len(words[longest]) >= 5:
        short = (*words[:longest], words[longest][:3], *words[longest + 1 :])
        assert abbreviates(style.render(" ".join(short), 200), phrase)
    assert not abbreviates(style.render(phrase + " Indeed", 200), phrase)
    assert not follows(style.render(phrase + " Indeed", 200), phrase)


@given(names=st.lists(st.text(max_size=20), max_size=8), code=st.sampled_from(sorted(PHRASE)))
def test_any_names_are_read_without_crashing(names: list[str], code: int) -> None:
    style = detect_style(names)
    for name in names:
        assert style.like(name).case in CASES
        assert style.like(name).render(PHRASE[code], code)
        assert all(words and "" not in words for words in name_words(name))
        assert all(f"{found:03d}" in name for found in embedded_codes(name))
        assert not (follows(name, PHRASE[code]) and abbreviates(name, PHRASE[code]))
