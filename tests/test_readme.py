"""The README's examples run as written."""

from __future__ import annotations

import doctest

from tests.conftest import REPO


def test_readme_examples() -> None:
    results = doctest.testfile(str(REPO / "README.md"), module_relative=False, verbose=False)
    assert results.attempted >= 7
    assert results.failed == 0
