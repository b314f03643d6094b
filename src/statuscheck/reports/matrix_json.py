"""The matrix as JSON (``statuscheck_matrix: 1``, schema ``matrix-report.schema.json``).

Every row's outcomes and cells and the per-code view, with the same cell
texts the markdown and HTML show, for dashboards and scripts.
"""

from __future__ import annotations

from typing import Any

from statuscheck.matrix.cells import (
    check_cell,
    code_cell,
    deviating_codes,
    headline_codes,
)
from statuscheck.matrix.model import Matrix, Row
from statuscheck.reports.matrix_wording import LISTED, check_cell_text, code_cell_text, code_heading

__all__ = ["to_json"]


def to_json(matrix: Matrix) -> dict[str, Any]:
    """The matrix as data: every row's outcomes and cells, and the per-code view."""
    headline = set(headline_codes(matrix))
    return {
        "statuscheck_matrix": 1,
        "snapshot": matrix.snapshot.to_json(),
        "as_of": matrix.as_of.isoformat() if matrix.as_of is not None else None,
        "conformant": matrix.conformant,
        "checks": list(matrix.checks),
        "rows": [_row_json(matrix, row) for row in matrix.rows],
        "codes": [
            {
                "code": code,
                "registry": code_heading(matrix, code),
                "headline": code in headline,
                "cells": [
                    {"status": cell.status, "defined": cell.defined, "text": code_cell_text(cell)}
                    for cell in (code_cell(row, code) for row in matrix.rows)
                ],
            }
            for code in deviating_codes(matrix)
        ],
    }


def _row_json(matrix: Matrix, row: Row) -> dict[str, Any]:
    cells = {}
    for check in matrix.checks:
        cell = check_cell(row, check)
        cells[check] = {
            "status": cell.status,
            "text": check_cell_text(cell),
            "codes": {status: list(cell.codes(status)) for status in LISTED if cell.codes(status)},
        }
    report = row.report
    return {
        "library": row.library,
        "version": row.version,
        "label": row.label,
        "language": row.language,
        "impl": row.impl,
        "error": row.error,
        "shape": report.shape if report is not None else None,
        "aliases": report.aliases if report is not None else None,
        "registry_match": (
            report.registry_match.to_json()
            if report is not None and report.registry_match is not None
            else None
        ),
        "conformant": report.conformant if report is not None else False,
        "cells": cells,
        "outcomes": [
            {
                "check": outcome.check,
                "code": outcome.code,
                "status": outcome.status,
                "deviation": outcome.deviation.reason if outcome.deviation is not None else None,
                "findings": [finding.to_json() for finding in outcome.findings],
            }
            for outcome in row.outcomes()
        ],
    }
