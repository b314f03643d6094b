"""What a user gets from ``pip install statuscheck``: metadata, data files, entry points."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

import statuscheck
from tests.conftest import SNAPSHOT

DISTRIBUTION = metadata.distribution("statuscheck")


def _is_editable() -> bool:
    direct_url = DISTRIBUTION.read_text("direct_url.json")
    return bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))


wheel_only = pytest.mark.skipif(
    _is_editable(), reason="an editable install reads fixtures/ and conformance/ from the checkout"
)


def test_version_comes_from_the_package_metadata() -> None:
    assert statuscheck.__version__ == DISTRIBUTION.version


def test_entry_points_register_the_command_and_the_pytest_plugin() -> None:
    points = {(point.group, point.name): point.value for point in DISTRIBUTION.entry_points}
    assert points[("console_scripts", "statuscheck")] == "statuscheck.__main__:main"
    assert points[("pytest11", "statuscheck")] == "statuscheck.plugin"


def test_python_versions_and_typing_marker() -> None:
    assert DISTRIBUTION.metadata["Requires-Python"] == ">=3.9"
    assert "Typing :: Typed" in DISTRIBUTION.metadata.get_all("Classifier", [])


@wheel_only
def test_the_wheel_ships_the_snapshot_its_provenance_the_suite_and_py_typed() -> None:
    files = {str(path) for path in DISTRIBUTION.files or ()}
    assert {
        "statuscheck/_data/iana_snapshot.csv",
        "statuscheck/_data/iana_snapshot.json",
        "statuscheck/conformance/test_values.py",
        "statuscheck/conformance/test_api.py",
        "statuscheck/py.typed",
        "statuscheck/_httpstatus.pyi",
        "statuscheck/schemas/check-report.schema.json",
        "statuscheck/schemas/refresh-report.schema.json",
        "statuscheck/schemas/matrix-report.schema.json",
        "statuscheck/registry/history.json",
    } <= files
    packaged = DISTRIBUTION.locate_file("statuscheck/_data/iana_snapshot.csv")
    assert packaged.read_bytes() == SNAPSHOT.read_bytes()  # type: ignore[attr-defined]


@wheel_only
def test_vendors_run_the_installed_suite_with_pyargs(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(
        "--pyargs",
        "statuscheck.conformance",
        "--impl=statuscheck.HTTPStatus",
        "-p",
        "no:cacheprovider",
    )
    outcomes = result.parseoutcomes()
    assert outcomes["passed"] > 300
    assert "failed" not in outcomes
