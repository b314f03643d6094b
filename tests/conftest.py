"""Shared fixtures: the real registry copies, the loopback registry servers, pytester."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:  # imported by the fixtures, so envs without trustme can still run tests
    from tests.registry_server import RegistryServer, Tls

pytest_plugins = ["pytester"]
# Their asserts are the proofs of many tests: show the values when one fails.
pytest.register_assert_rewrite("tests.documents", "tests.source_files")

# `tox -p` runs the environments side by side on the machine's cores, where a property's
# first example can overrun hypothesis's 200 ms deadline for reasons that are not the
# code's; tox.ini selects this profile, a plain `pytest` keeps the deadline.
settings.register_profile("parallel", deadline=None)
settings.load_profile(os.environ.get("STATUSCHECK_HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
IANA = REPO / "tests" / "data" / "iana"
SNAPSHOT = REPO / "fixtures" / "iana_snapshot.csv"
NEWEST_CSV = IANA / "csv-2025-09-15.csv"
OLD_CSV = IANA / "csv-2022-06-08.csv"
#: Every published state of the registry (shared, read-only; absent outside the workspace).
HISTORY_DIR = REPO.parent / "shared" / "iana" / "history"


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
