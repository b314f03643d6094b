"""The ecosystem matrix as one self-contained HTML page: the page people link to.

A single file with its styles inline and no scripts, fonts or images to fetch,
so it can be attached to a CI run, served from anywhere or opened offline and
always look the same. Cell wording comes from ``_report_matrix`` so the page,
the README and the JSON never disagree; this module only lays it out: colours,
sticky headers (both tables scroll under their header row and first column),
a legend, and every finding in full.
"""

from __future__ import annotations

import html

from statuscheck.findings.report import Outcome
from statuscheck.matrix.cells import (
    CellStatus,
    check_cell,
    code_cell,
    deviating_codes,
    headline_codes,
    worst,
)
from statuscheck.matrix.model import PYTHON, Matrix, Row
from statuscheck.reports.check import counted
from statuscheck.reports.matrix_style import STYLE
from statuscheck.reports.matrix_wording import (
    LEGEND,
    SYMBOLS,
    check_cell_text,
    code_cell_text,
    code_heading,
    readable_rows,
    registry_match_text,
)

__all__ = ["render_html"]

_CLASS: dict[CellStatus, str] = {
    "pass": "s-pass",
    "fail": "s-fail",
    "warn": "s-warn",
    "expected": "s-expected",
    "stale": "s-stale",
    "n/a": "s-na",
    "error": "s-error",
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _td(status: CellStatus, outcomes: tuple[Outcome, ...], text: str) -> str:
    """One coloured cell, its findings in the tooltip: the same in both tables."""
    return f'<td class="cell {_CLASS[status]}"{_title(outcomes)}>{_e(text)}</td>'


def _title(outcomes: tuple[Outcome, ...]) -> str:
    lines = []
    for outcome in outcomes:
        lines += [line for line in outcome.describe().splitlines() if line]
        if outcome.deviation is not None and outcome.status == "expected":
            lines.append(f"declared: {outcome.deviation.reason}")
    return f' title="{_e(chr(10).join(lines))}"' if lines else ""


def _row_header(row: Row) -> str:
    return f'<th scope="row">{_e(row.label)}<code class="table-name">{_e(row.impl)}</code></th>'


def _language(row: Row) -> str:
    return f"<td>{_e(row.language or 'unknown')}</td>"


def _summary(matrix: Matrix) -> list[str]:
    head = "".join(f"<th>{_e(check)}</th>" for check in matrix.checks)
    lines = [
        '<div class="scroll"><table id="summary-table" class="matrix">',
        '<thead><tr><th class="corner">implementation</th><th>language</th><th>shape</th>'
        f"<th>closest registry</th>{head}</tr></thead>",
        "<tbody>",
    ]
    for index, row in enumerate(matrix.rows):
        attributes = (
            f' id="row-{index}" data-label="{_e(row.label)}" data-impl="{_e(row.impl)}"'
            f' data-status="{"error" if row.report is None else "ok"}"'
        )
        if row.report is None:
            lines.append(
                f"<tr{attributes}>{_row_header(row)}{_language(row)}"
                f'<td class="cell s-error" colspan="{len(matrix.checks) + 2}">'
                f"{SYMBOLS['error']} {_e(row.error or 'could not be loaded')}</td></tr>"
            )
            continue
        cells = []
        for check in matrix.checks:
            cell = check_cell(row, check)
            cells.append(_td(cell.status, cell.outcomes, check_cell_text(cell)))
        lines.append(
            f"<tr{attributes}>{_row_header(row)}{_language(row)}<td>{_e(row.report.shape)}</td>"
            f'<td class="dated">{_e(registry_match_text(row))}</td>' + "".join(cells) + "</tr>"
        )
    lines.append("</tbody></table></div>")
    return lines


def _codes(matrix: Matrix) -> list[str]:
    headline = set(headline_codes(matrix))
    shown = set(deviating_codes(matrix)) | set(matrix.registry.assigned_codes())
    for row in matrix.rows:
        shown |= row.defined
    inside = sorted(code for code in shown if 100 <= code <= 599)
    outside = sorted(code for code in shown if not 100 <= code <= 599)
    rows = readable_rows(matrix)  # an unreadable table's error is in the summary, once
    head = "".join(
        f'<th>{_e(row.label)}<code class="table-name">'
        f"{_e(row.impl if row.language == PYTHON else row.language)}</code></th>"
        for row in rows
    )
    lines = [
        '<div class="scroll"><table id="codes-table" class="codes">',
        f'<thead><tr><th class="corner">code</th>{head}</tr></thead>',
        "<tbody>",
    ]
    for code in inside:
        cells = []
        for row in rows:
            cell = code_cell(row, code)
            cells.append(_td(cell.status, cell.outcomes, code_cell_text(cell)))
        mark = ' class="headline"' if code in headline else ""
        lines.append(
            f'<tr id="code-{code}"{mark}><th scope="row">{_e(code_heading(matrix, code))}</th>'
            + "".join(cells)
            + "</tr>"
        )
    if outside:
        cells = []
        for row in rows:
            theirs = [code for code in outside if code_cell(row, code).outcomes]
            status = worst([code_cell(row, code).status for code in theirs])
            text = (
                SYMBOLS[status]
                if not theirs
                else f"{SYMBOLS[status]} {len(theirs)}: {', '.join(map(str, theirs))}"
            )
            cells.append(f'<td class="cell {_CLASS[status]}">{_e(text)}</td>')
        lines.append(
            '<tr id="code-outside"><th scope="row">outside 100-599</th>' + "".join(cells) + "</tr>"
        )
    lines.append("</tbody></table></div>")
    return lines


def _details(matrix: Matrix) -> list[str]:
    lines = []
    for row in matrix.rows:
        if row.report is None:
            continue
        outcomes = row.outcomes()
        counts = {
            status: sum(1 for outcome in outcomes if outcome.status == status)
            for status in ("stale", "fail", "warn", "expected")
        }
        summary = ", ".join(_counted(status, n) for status, n in counts.items() if n)
        summary = summary or "conformant"
        lines.append(
            f"<details><summary><strong>{_e(row.label)}</strong> <code>{_e(row.impl)}</code>"
            f" ({_e(row.report.shape)}): {_e(summary)}</summary>"
        )
        if outcomes:
            lines.append(
                "<table><thead><tr><th></th><th>check</th><th>code</th><th>finding</th>"
                "</tr></thead><tbody>"
            )
            for outcome in outcomes:
                code = "table" if outcome.code is None else str(outcome.code)
                text = _e(outcome.describe()).replace("\n", "<br>")
                if outcome.deviation is not None and outcome.status == "expected":
                    text += f"<br><em>declared: {_e(outcome.deviation.reason)}</em>"
                lines.append(
                    f'<tr><td class="{_CLASS[outcome.status]}">{SYMBOLS[outcome.status]}</td>'
                    f"<td>{_e(outcome.check)}</td><td>{_e(code)}</td><td>{text}</td></tr>"
                )
            lines.append("</tbody></table>")
        lines.append("</details>")
    return lines


def render_html(matrix: Matrix) -> str:
    snapshot = matrix.snapshot
    as_of = f", as of {matrix.as_of.isoformat()}" if matrix.as_of is not None else ""
    legend = "".join(
        f'<li><span class="swatch {_CLASS[status]}">{SYMBOLS[status]}</span>{_e(text)}</li>'
        for status, text in LEGEND
    ) + (
        '<li><span class="swatch headline-mark">413</span>per code: a code whose value, '
        "phrase or name two or more implementations get wrong</li>"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>statuscheck: HTTP status codes across the Python ecosystem</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>HTTP status codes across the Python ecosystem</h1>",
        f'<p class="lede">Every table below was checked by '
        "statuscheck against the IANA "
        f"HTTP Status Code Registry of {_e(snapshot.registry_updated or 'unknown date')} "
        f"(pinned snapshot, sha256 <code>{_e(snapshot.sha256[:12])}</code>){_e(as_of)}. "
        "Hover over a cell for the findings behind it; codes where two or more "
        "implementations deviate are marked in the per-code view.</p>",
        "</header>",
        '<section id="legend"><h2>Legend</h2>',
        f'<ul class="legend">{legend}</ul></section>',
        '<section id="summary"><h2>Implementations \N{MULTIPLICATION SIGN} checks</h2>',
        *_summary(matrix),
        "</section>",
        '<section id="codes"><h2>Per code</h2>',
        *_codes(matrix),
        "</section>",
        '<section id="details"><h2>Every finding</h2>',
        *_details(matrix),
        "</section>",
        "<footer>Generated by <code>statuscheck matrix --format html</code>.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _counted(status: str, count: int) -> str:
    """``2 failing``, ``1 warning``, ``3 warnings``: how a row's details sum its outcomes."""
    if status == "warn":
        return counted(count, "warning")
    return f"{count} {_WORDS.get(status, status)}"


_WORDS = {"fail": "failing", "expected": "declared"}
