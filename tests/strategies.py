"""Hypothesis strategies for registries, their cells and their CSV form.

Generated registries satisfy every rule :class:`statuscheck.Registry`
enforces -- ascending rows covering 100-599 exactly once -- so properties can
exercise the parsers and serialisers rather than the validator.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from statuscheck.registry.cells import parse_reference
from statuscheck.registry.model import FIRST_CODE, LAST_CODE, Entry, Reference, Registry, Status

_WORD = st.text(
    alphabet=st.sampled_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-'\",.&/"
    ),
    min_size=1,
    max_size=12,
)

phrases = (
    st.lists(_WORD, min_size=1, max_size=5)
    .map(" ".join)
    .filter(lambda phrase: phrase not in ("Unassigned",))
)

dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2099, 12, 31))

_REFERENCE_TEXTS = st.one_of(
    st.integers(1, 99999).map(lambda number: f"RFC{number}"),
    st.tuples(st.integers(1, 99999), st.lists(st.integers(1, 30), min_size=1, max_size=3)).map(
        lambda pair: f"RFC{pair[0]}, Section {'.'.join(map(str, pair[1]))}"
    ),
    st.from_regex(r"draft-ietf-[a-z]{2,8}-[a-z-]{2,16}-[0-9]{2}", fullmatch=True),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="[]"),
        min_size=1,
        max_size=40,
    ),
)

references: st.SearchStrategy[Reference] = _REFERENCE_TEXTS.map(parse_reference)


@st.composite
def entries(draw: st.DrawFn, first: int, last: int) -> Entry:
    """A row for ``first``-``last``; only single codes can be assigned."""
    refs = tuple(draw(st.lists(references, max_size=3)))
    if first != last:
        return Entry(first, last, "unassigned", references=refs)
    status: Status = draw(
        st.sampled_from(["assigned", "temporary", "obsoleted", "unused", "unassigned"])
    )
    if status in ("unused", "unassigned"):
        return Entry(first, last, status, references=refs)
    phrase = draw(phrases)
    if status != "temporary":
        return Entry(first, last, status, phrase, refs)
    return Entry(
        first,
        last,
        status,
        phrase,
        refs,
        registered=draw(dates),
        extensions_registered=tuple(draw(st.lists(dates, max_size=2))),
        expires=draw(dates),
    )


@st.composite
def registries(draw: st.DrawFn) -> Registry:
    """A complete, valid registry with a random partition of 100-599."""
    cuts = sorted(draw(st.sets(st.integers(FIRST_CODE + 1, LAST_CODE), max_size=40)))
    bounds = [FIRST_CODE, *cuts, LAST_CODE + 1]
    rows = tuple(draw(entries(start, end - 1)) for start, end in zip(bounds, bounds[1:]))
    return Registry(
        rows,
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        final_newline=draw(st.booleans()),
    )
