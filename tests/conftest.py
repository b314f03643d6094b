"""Shared fixtures: the real registry copies, the loopback registry servers, pytester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported by the fixtures, so envs without trustme can still run tests
    from tests.registry_server import RegistryServer, Tls

pytest_plugins = ["pytester"]
# Their asserts are the proofs of many tests: show the values when one fails.
pytest.register_assert_rewrite("tests.documents", "tests.source_files")

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


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    """A throw-away certificate authority and a certificate for 127.0.0.1."""
    from tests.registry_server import make_tls

    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def server() -> Iterator[RegistryServer]:
    """A plain-HTTP registry server on 127.0.0.1 serving the real registry files."""
    from tests.registry_server import serve

    with serve() as running:
        yield running


@pytest.fixture
def https_server(tls: Tls) -> Iterator[RegistryServer]:
    """The same server behind TLS, for redirect and certificate tests."""
    from tests.registry_server import serve

    with serve(tls.context) as running:
        yield running
