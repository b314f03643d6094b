"""Using the reference enum must not drag in the heavy dependencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("requests", "bs4", "hypothesis", "pytest", "_pytest", "urllib3", "libcst")


@pytest.mark.parametrize(
    "statement",
    [
        "import statuscheck",
        "from statuscheck import HTTPStatus; HTTPStatus(404).phrase",
        "import statuscheck.client",
        "import statuscheck; statuscheck.HTTPStatus(510).references",
        "import statuscheck; statuscheck.load_snapshot().entry(104)",
    ],
)
def test_statement_imports_none_of_the_heavy_packages(statement: str) -> None:
    script = f"{statement}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_reference_enum_does_not_load_the_registry_history() -> None:
    script = (
        "from statuscheck import HTTPStatus; HTTPStatus(413).phrase\n"
        "import sys\n"
        "print(sorted(m for m in sys.modules if 'history' in m or 'former' in m))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


#: What ``statuscheck check`` must leave alone: the network, the property-testing and
#: HTML libraries, package metadata, and the matrix with its renderers.
NOT_FOR_CHECK = (
    "ssl",
    "requests",
    "bs4",
    "hypothesis",
    "importlib.metadata",
    "statuscheck.matrix",
    "statuscheck.reports.matrix",
    "statuscheck.reports.matrix_markdown",
    "statuscheck.reports.matrix_html",
    "statuscheck.reports.matrix_json",
    "statuscheck.refresh",
)


def _modules_after(script: str, cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{script}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("impl", ["http.HTTPStatus", "statuscheck.HTTPStatus"])
def test_the_check_command_imports_only_what_it_needs(impl: str, tmp_path: Path) -> None:
    command = (
        "from statuscheck.cli.main import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {impl!r}, '--format', 'json'])"
    )
    # http.HTTPStatus is checked with http.client as its aliases, and http.client
    # imports ssl itself: only what statuscheck adds counts.
    table = "import http.client" if impl == "http.HTTPStatus" else "import statuscheck.client"
    added = _modules_after(command, tmp_path) - _modules_after(table, tmp_path)
    assert sorted(m for m in added if m in NOT_FOR_CHECK or m.startswith(NOT_FOR_CHECK)) == []
    assert "ssl" not in _modules_after(command, tmp_path) or impl == "http.HTTPStatus"
