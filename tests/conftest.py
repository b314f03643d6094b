"""Shared fixtures: the real registry copies and the pytester plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[1]
IANA = REPO / "tests" / "data" / "iana"
SNAPSHOT = REPO / "fixtures" / "iana_snapshot.csv"
NEWEST_CSV = IANA / "csv-2025-09-15.csv"
OLD_CSV = IANA / "csv-2022-06-08.csv"


@pytest.fixture(scope="session")
def iana_dir() -> Path:
    return IANA


@pytest.fixture(scope="session")
def newest_csv() -> bytes:
    return NEWEST_CSV.read_bytes()


@pytest.fixture(scope="session")
def old_csv() -> bytes:
    return OLD_CSV.read_bytes()
