"""Using the reference enum must not drag in the heavy dependencies."""

from __future__ import annotations

import subprocess
import sys

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
