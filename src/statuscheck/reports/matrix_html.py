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
from statuscheck.matrix.model import Matrix, Row
from statuscheck.reports.check import counted
from statuscheck.reports.matrix_wording import (
    LEGEND,
    SYMBOLS,
    check_cell_text,
    code_cell_text,
    code_heading,
    readable_rows,
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

_STYLE = """
:root {
  --pass-bg: #e3f4e8; --pass-fg: #17602d;
  --fail-bg: #fde4e6; --fail-fg: #a0101e;
  --warn-bg: #fff2cc; --warn-fg: #6e4a00;
  --expected-bg: #e6e9f7; --expected-fg: #33408f;
  --stale-bg: #f3e1f6; --stale-fg: #6a1b7a;
  --na-bg: #f5f5f5; --na-fg: #8a8a8a;
  --error-bg: #3d3d3d; --error-fg: #ffffff;
  --line: #d0d4da; --head-bg: #f7f8fa;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 1600px; padding: 1.5rem;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #1f2328; background: #ffffff;
}
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
code { font: 12px/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.lede { color: #4b535d; max-width: 70rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch {
  display: inline-block; min-width: 1.8rem; padding: .1rem .35rem; text-align: center;
  border: 1px solid var(--line); border-radius: 3px; font-weight: 600;
}
.scroll { overflow: auto; max-height: 85vh; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: separate; border-spacing: 0; width: max-content; min-width: 100%; }
th, td {
  padding: .35rem .55rem; border-right: 1px solid var(--line);
  border-bottom: 1px solid var(--line); text-align: left; vertical-align: top;
}
thead th {
  position: sticky; top: 0; z-index: 2; background: var(--head-bg);
  font-weight: 600; white-space: nowrap;
}
tbody th {
  position: sticky; left: 0; z-index: 1; background: #ffffff; font-weight: 600;
  white-space: nowrap;
}
thead th.corner { left: 0; z-index: 3; }
th .table-name { display: block; font-weight: 400; }
td.cell { max-width: 22rem; }
table.codes td.cell { min-width: 8rem; max-width: 15rem; }
table.codes thead th { white-space: normal; min-width: 8rem; }
tr.headline th, .headline-mark { box-shadow: inset 4px 0 0 #d4a72c; }
.s-pass { background: var(--pass-bg); color: var(--pass-fg); }
.s-fail { background: var(--fail-bg); color: var(--fail-fg); }
.s-warn { background: var(--warn-bg); color: var(--warn-fg); }
.s-expected { background: var(--expected-bg); color: var(--expected-fg); }
.s-stale { background: var(--stale-bg); color: var(--stale-fg); }
.s-na { background: var(--na-bg); color: var(--na-fg); }
.s-error { background: var(--error-bg); color: var(--error-fg); }
details { margin: .3rem 0; border: 1px solid var(--line); border-radius: 4px; }
summary { cursor: pointer; padding: .4rem .6rem; background: var(--head-bg); }
details table { width: 100%; }
details td { white-space: normal; }
footer { margin-top: 2rem; color: #6a737d; font-size: .9rem; }
"""


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


def _summary(matrix: Matrix) -> list[str]:
    head = "".join(f"<th>{_e(check)}</th>" for check in matrix.checks)
    lines = [
        '<div class="scroll"><table id="summary-table" class="matrix">',
        f'<thead><tr><th class="corner">implementation</th><th>shape</th>{head}</tr></thead>',
        "<tbody>",
    ]
    for index, row in enumerate(matrix.rows):
        attributes = (
            f' id="row-{index}" data-label="{_e(row.label)}" data-impl="{_e(row.impl)}"'
            f' data-status="{"error" if row.report is None else "ok"}"'
        )
        if row.report is None:
            lines.append(
                f"<tr{attributes}>{_row_header(row)}"
                f'<td class="cell s-error" colspan="{len(matrix.checks) + 1}">'
                f"{SYMBOLS['error']} {_e(row.error or 'could not be loaded')}</td></tr>"
            )
            continue
        cells = []
        for check in matrix.checks:
            cell = check_cell(row, check)
            cells.append(_td(cell.status, cell.outcomes, check_cell_text(cell)))
        lines.append(
            f"<tr{attributes}>{_row_header(row)}<td>{_e(row.report.shape)}</td>"
            + "".join(cells)
            + "</tr>"
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
        f'<th>{_e(row.label)}<code class="table-name">{_e(row.impl)}</code></th>' for row in rows
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
        f"<style>{_STYLE}</style>",
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
