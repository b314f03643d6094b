"""Presenting a :class:`~statuscheck.matrix.model.Matrix`: one entry point for every format.

Each format is a renderer module of its own (``matrix_markdown``,
``matrix_json``, ``matrix_html``) sharing the cell wording of
``matrix_wording``; this module only picks one, importing just that one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the caller already; `statuscheck matrix --help` need not
    from statuscheck.matrix.model import Matrix

__all__ = ["FORMATS", "render"]

FORMATS = ("markdown", "json", "html")


def render(matrix: Matrix, fmt: str) -> str:
    if fmt == "json":
        from statuscheck.reports.matrix_json import to_json

        return json.dumps(to_json(matrix), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        from statuscheck.reports.matrix_html import render_html

        return render_html(matrix)
    from statuscheck.reports.matrix_markdown import render_markdown

    return render_markdown(matrix)
