"""The committed enum, stub and constants module are exactly what the generator makes."""

from __future__ import annotations

import pytest

from statuscheck import load_snapshot
from statuscheck._descriptions import DESCRIPTIONS
from statuscheck._generate import generate, generate_from_snapshot, members
from statuscheck._model import Entry, Registry
from tests.conftest import REPO

GENERATED = ("_httpstatus.py", "_httpstatus.pyi", "client.py")


@pytest.mark.parametrize("name", GENERATED)
def test_committed_file_matches_the_generator(name: str) -> None:
    files = {path.name: text for path, text in generate_from_snapshot().by_path().items()}
    committed = (REPO / "src" / "statuscheck" / name).read_text(encoding="utf-8")
    assert committed == files[name], "run `statuscheck generate`"


def test_generation_is_deterministic() -> None:
    first = generate(load_snapshot(), origin="x")
    assert first == generate(load_snapshot(), origin="x")


def test_descriptions_cover_exactly_the_assigned_codes() -> None:
    assert set(DESCRIPTIONS) == set(load_snapshot().assigned_codes())
    for code, text in DESCRIPTIONS.items():
        assert text == text.strip(), code
        assert "\n" not in text, code
        assert text.lower() != (load_snapshot().entry(code).phrase or "").lower()


def test_a_newly_assigned_code_without_description_is_refused() -> None:
    rows: list[Entry] = []
    for entry in load_snapshot().entries:
        if entry.value_text == "105-199":
            rows += [Entry(105, 105, "assigned", "Brand New"), Entry(106, 199, "unassigned")]
        else:
            rows.append(entry)
    with pytest.raises(ValueError, match="no description for 105 Brand New"):
        members(Registry(tuple(rows)))
