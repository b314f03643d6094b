"""The matrix page in a real headless browser: it loads clean, shows every row, and is captured.

Skipped only when no Chromium is installed (``.ci/run`` installs Debian's);
set ``STATUSCHECK_REQUIRE_BROWSER=1`` to make a missing browser fail instead.
The screenshot goes to ``$STATUSCHECK_ARTIFACTS`` when set (tox's matrix env
sets it), else to the test's temporary directory.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from statuscheck.matrix.implementations import load_implementations
from statuscheck.matrix.model import Matrix, Row
from statuscheck.matrix.recorded import load_recorded
from statuscheck.reports.matrix_html import render_html
from tests.browser import Browser, find_browser
from tests.conftest import REPO

BROKEN_PAGES = {
    "uncaught exception": (
        "<script>throw new Error('boom')</script>",
        "uncaught: Error: boom",
    ),
    "late uncaught exception": (
        "<script>setTimeout(() => { null.x }, 0)</script>",
        "uncaught: TypeError: Cannot read properties of null",
    ),
    "console.error": ("<script>console.error('bad', 42)</script>", "console.error: bad 42"),
    "failed assertion": ("<script>console.assert(1 === 2)</script>", "console.assert"),
    "missing resource": (
        '<img src="does-not-exist.png" alt="">',
        "network: Failed to load resource: net::ERR_FILE_NOT_FOUND",
    ),
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        reason = (
            "no Chromium installed (apt-get install chromium, or set STATUSCHECK_CHROMIUM): "
            "the matrix page is not tested in a browser"
        )
        if os.environ.get("STATUSCHECK_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    with Browser(executable) as running:
        yield running


def page(directory: Path, body: str) -> Path:
    path = directory / "page.html"
    path.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        f"<body><p>text</p>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def test_a_clean_page_has_no_console_errors(browser: Browser, tmp_path: Path) -> None:
    report = browser.load(page(tmp_path, "<script>console.log('fine')</script>"))
    assert report.console_errors == ()
    assert report.external_requests == ()


@pytest.mark.parametrize("case", sorted(BROKEN_PAGES))
def test_a_broken_page_is_caught(browser: Browser, tmp_path: Path, case: str) -> None:
    body, expected = BROKEN_PAGES[case]
    report = browser.load(page(tmp_path, body))
    assert len(report.console_errors) == 1, report.console_errors
    assert report.console_errors[0].startswith(expected)


def test_a_page_that_fetches_from_the_network_is_caught(browser: Browser, tmp_path: Path) -> None:
    # Port 9 on loopback: the browser refuses it outright, so nothing leaves this machine.
    report = browser.load(page(tmp_path, '<img src="http://127.0.0.1:9/pixel.png" alt="">'))
    assert report.external_requests == ("http://127.0.0.1:9/pixel.png",)
    assert len(report.console_errors) == 1


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    """The recorded ecosystem matrix, plus a table that failed to import."""
    directory = REPO / "expectations"
    recorded = load_recorded(directory, load_implementations(directory / "implementations.toml"))
    broken = Row(
        "broken", "", "broken.status", None, error="cannot import 'broken.status': No module"
    )
    return dataclasses.replace(recorded, rows=(*recorded.rows, broken))


ROWS_AND_HEADERS = """
(() => {
  const rows = [...document.querySelectorAll('#summary-table tbody tr')];
  const box = document.querySelector('#codes .scroll');
  box.scrollTop = 600;
  box.scrollLeft = 300;
  const head = box.querySelector('thead th:nth-child(3)');
  const corner = box.querySelector('tbody tr:nth-child(30) th');
  return {
    rows: rows.map(row => [row.dataset.label, row.dataset.impl, row.dataset.status]),
    codes: document.querySelectorAll('#codes-table tbody tr').length,
    scrolled: [box.scrollTop, box.scrollLeft],
    headerOffset: head.getBoundingClientRect().top - box.getBoundingClientRect().top,
    columnOffset: corner.getBoundingClientRect().left - box.getBoundingClientRect().left,
    legend: document.querySelectorAll('.legend li').length,
  };
})()
"""


def test_the_matrix_page_loads_clean_with_every_row_and_is_captured(
    browser: Browser, tmp_path: Path, matrix: Matrix
) -> None:
    html = tmp_path / "matrix.html"
    html.write_text(render_html(matrix), encoding="utf-8")
    artifacts = Path(os.environ.get("STATUSCHECK_ARTIFACTS") or tmp_path)
    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    shot = artifacts / f"matrix-{python}.png"
    report = browser.load(html, evaluate=ROWS_AND_HEADERS, screenshot=shot)
    assert report.console_errors == ()
    assert report.external_requests == ()
    assert [tuple(row) for row in report.value["rows"]] == [
        (row.label, row.impl, "error" if row.report is None else "ok") for row in matrix.rows
    ]
    assert report.value["codes"] > 60
    assert report.value["legend"] == 8
    # Scrolled down and right, the header row and the code column stay in view.
    assert report.value["scrolled"][0] > 0
    assert report.value["scrolled"][1] > 0
    assert abs(report.value["headerOffset"]) <= 2
    assert abs(report.value["columnOffset"]) <= 2
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 1200
    assert height >= 1000
    print(f"screenshot of the matrix page: {shot}")
