"""A check report as a shields.io endpoint badge: ``IANA status codes | conformant``.

The JSON follows https://shields.io/badges/endpoint-badge (``schemaVersion`` 1);
a vendor publishes it (GitHub Pages, a gist) and points
``https://img.shields.io/endpoint?url=…`` at it. The message counts deviations
-- failing check-and-code outcomes plus stale declarations, the same outcomes
that make ``statuscheck check`` exit 1 -- and the colour follows the worst
severity: red for deviations, yellow for warnings only, green when clean.
"""

from __future__ import annotations

import json

from statuscheck.findings.report import ConformanceReport

__all__ = ["LABEL", "render_shields"]

LABEL = "IANA status codes"


def render_shields(report: ConformanceReport) -> str:
    outcomes = report.outcomes()
    deviations = sum(outcome.status in ("fail", "stale") for outcome in outcomes)
    warnings = sum(outcome.status == "warn" for outcome in outcomes)
    if deviations:
        message = f"{deviations} deviation{'s' if deviations != 1 else ''}"
        color = "red"
    else:
        message = "conformant"
        color = "yellow" if warnings else "brightgreen"
    badge = {"schemaVersion": 1, "label": LABEL, "message": message, "color": color}
    return json.dumps(badge) + "\n"
