"""The pinned snapshot is the newest published registry, byte for byte, with honest provenance."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from statuscheck import load_provenance, load_snapshot, snapshot_path
from statuscheck.registry.snapshot import Provenance
from tests.conftest import NEWEST_CSV, REPO, SNAPSHOT

SHARED_IANA = REPO.parent / "shared" / "iana"


def test_snapshot_is_a_byte_exact_copy_of_the_newest_registry() -> None:
    assert SNAPSHOT.read_bytes() == NEWEST_CSV.read_bytes()


def test_recorded_sha256_and_size_match_the_bytes() -> None:
    data = SNAPSHOT.read_bytes()
    provenance = json.loads(SNAPSHOT.with_suffix(".json").read_text(encoding="utf-8"))
    assert provenance["sha256"] == hashlib.sha256(data).hexdigest()
    assert provenance["size"] == len(data)
    assert provenance["registry_updated"] == "2025-09-15"
    assert provenance["source_url"] == (
        "https://www.iana.org/assignments/http-status-codes/http-status-codes-1.csv"
    )


def test_provenance_check_notices_any_changed_byte() -> None:
    provenance = load_provenance(SNAPSHOT)
    data = SNAPSHOT.read_bytes()
    assert provenance.matches(data)
    assert not provenance.matches(data.replace(b"Gone", b"Gona"))


def test_the_installed_package_uses_the_same_snapshot() -> None:
    assert snapshot_path().read_bytes() == SNAPSHOT.read_bytes()
    assert load_provenance() == load_provenance(SNAPSHOT)
    assert load_snapshot() == load_snapshot(SNAPSHOT)


@pytest.mark.skipif(not SHARED_IANA.is_dir(), reason="no ../shared/iana beside this checkout")
@pytest.mark.parametrize("name", sorted(path.name for path in NEWEST_CSV.parent.iterdir()))
def test_test_data_are_unedited_copies_of_the_shared_registry_files(name: str) -> None:
    assert (NEWEST_CSV.parent / name).read_bytes() == (SHARED_IANA / name).read_bytes()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not valid JSON"),
        ("[]", "must be an object"),
        ('{"sha256": "x", "colour": "red"}', "must be an object"),
        ('{"sha256": "x"}', "incomplete"),
    ],
)
def test_broken_provenance_is_a_clear_error(text: str, problem: str, tmp_path: Path) -> None:
    from statuscheck import RegistryError

    with pytest.raises(RegistryError, match=problem):
        Provenance.from_json(text, source="p.json")
