"""The matrix page's stylesheet, inlined into the page so it needs nothing fetched.

Colours follow the cell statuses (pass, fail, warn, expected, stale, n/a,
error); both tables keep their header row and first column in view while
they scroll, which is what makes a 20-row by 60-code table readable.
"""

from __future__ import annotations

__all__ = ["STYLE"]


STYLE = """
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
