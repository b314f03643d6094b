"""The committed enum, stub and constants module are exactly what the generator makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from statuscheck import load_snapshot
from statuscheck.cli.main import main
from statuscheck.codegen.generate import generate, generate_from_snapshot, members
from statuscheck.registry.descriptions import DESCRIPTIONS
from statuscheck.registry.model import Entry, Registry
from tests.conftest import REPO

PACKAGE = REPO / "src" / "statuscheck"

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


def _redirect_outputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    targets = {name: tmp_path / name for name in GENERATED}
    monkeypatch.setattr("statuscheck.codegen.generate.ENUM_MODULE", targets["_httpstatus.py"])
    monkeypatch.setattr("statuscheck.codegen.generate.ENUM_STUB", targets["_httpstatus.pyi"])
    monkeypatch.setattr("statuscheck.codegen.generate.CLIENT_MODULE", targets["client.py"])
    return targets


def test_generate_writes_only_what_changed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = _redirect_outputs(monkeypatch, tmp_path)
    assert main(["generate"]) == 0
    assert capsys.readouterr().out.count("wrote ") == 3
    for name, path in targets.items():
        assert path.read_text(encoding="utf-8") == (PACKAGE / name).read_text(encoding="utf-8")
    assert main(["generate"]) == 0
    assert capsys.readouterr().out == ""


def test_generate_check_names_each_stale_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = _redirect_outputs(monkeypatch, tmp_path)
    assert main(["generate"]) == 0
    targets["client.py"].write_text("# edited by hand\n", encoding="utf-8")
    targets["_httpstatus.pyi"].unlink()
    capsys.readouterr()
    assert main(["generate", "--check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{targets['_httpstatus.pyi']}: out of date; run `statuscheck generate`",
        f"{targets['client.py']}: out of date; run `statuscheck generate`",
    ]
