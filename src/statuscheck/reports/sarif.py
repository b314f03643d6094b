"""A check report as SARIF 2.1.0, for code scanning (``github/codeql-action/upload-sarif``).

One rule per check, one result per finding at the line that defines the entry,
so a deviation shows in the pull request's diff where the vendor fixes it.
Errors map to level ``error`` and warnings to ``warning``; a declared deviation
is still reported, but carries an external suppression with its reason (SARIF's
own word for "accepted on purpose"); a stale declaration is an error of its own,
at the table's line. GitHub rejects a whole upload in which any result has no
location, and every finding about a table statuscheck can locate has one; only a
table built at run time, with no line to point at, gives results without.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import PurePosixPath
from typing import Any

from statuscheck.checks.finding import CHECKS, Check, Finding
from statuscheck.findings.report import ConformanceReport, Outcome
from statuscheck.tables.table import Location

__all__ = ["PROJECT_URL", "RULE_HELP", "render_sarif"]

#: Where the README is published; each rule links to its section there.
PROJECT_URL = "https://pypi.org/project/statuscheck/"
_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

#: ``(one line, what the check demands, README anchor)`` for each check.
RULE_HELP: dict[Check, tuple[str, str, str]] = {
    "values": (
        "The table defines exactly the codes the IANA registry assigns.",
        "Every assigned code is present (a missing temporary or obsoleted registration only "
        "warns); nothing is defined on an (Unused) or unassigned row; keys are ints in 100-599; "
        "no code is claimed twice with different phrases.",
        "the-conformance-suite",
    ),
    "phrases": (
        "Each reason phrase is the registry's.",
        "The registry phrase exactly. A mismatch is classed as superseded (by which source, "
        "when), as differing only in case or punctuation, or as wrong.",
        "the-conformance-suite",
    ),
    "descriptions": (
        "Descriptions, where carried, are useful one-liners.",
        "Present, one line, and more than the phrase repeated; an empty one warns.",
        "the-conformance-suite",
    ),
    "ordering": (
        "Codes are listed in ascending order, each once.",
        "Iteration, keys and constants ascend; enum iteration never repeats an alias.",
        "the-conformance-suite",
    ),
    "aliases": (
        "Names follow current phrases and renamed codes keep their old names.",
        "A name spells the current phrase (CONTENT_TOO_LARGE); a renamed code keeps its old "
        "name as an alias in the table's own style; embedded codes are right; an aliases "
        "module binds every name to the member itself.",
        "the-conformance-suite",
    ),
    "api": (
        "The enum behaves like http.HTTPStatus at run time.",
        "Lookup by value returns the member and rejects every other int with ValueError; "
        "members equal their int; is_success and the other predicates agree with the code.",
        "the-conformance-suite",
    ),
}


def render_sarif(report: ConformanceReport, version: str) -> str:
    """The SARIF log of ``report``; ``version`` is statuscheck's, for ``tool.driver``."""
    rules = [_rule(check) for check in CHECKS]
    results: list[dict[str, Any]] = []
    for outcome in report.outcomes():
        results += [_result(outcome, finding) for finding in outcome.findings]
        if outcome.status == "stale":
            results.append(_stale_result(outcome, report.location))
    log = {
        "$schema": _SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "statuscheck",
                        "version": version,
                        "informationUri": PROJECT_URL,
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {
                    "impl": report.impl,
                    "registry": report.snapshot.registry_updated,
                    "snapshotSha256": report.snapshot.sha256,
                    "conformant": report.conformant,
                },
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(check: Check) -> dict[str, Any]:
    short, demands, anchor = RULE_HELP[check]
    return {
        "id": check,
        "name": check.capitalize(),
        "shortDescription": {"text": short},
        "fullDescription": {"text": demands},
        "help": {
            "text": f"{demands} Declare a deliberate deviation with a reason in "
            "[tool.statuscheck.deviations].",
            "markdown": f"{demands}\n\nDeclare a deliberate deviation with a reason in "
            f"`[tool.statuscheck.deviations]` ([how]({PROJECT_URL}#declared-deviations)).",
        },
        "helpUri": f"{PROJECT_URL}#{anchor}",
        "defaultConfiguration": {"level": "error"},
    }


def _result(outcome: Outcome, finding: Finding) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": CHECKS.index(finding.check),
        "level": "error" if finding.severity == "error" else "warning",
        "message": {"text": finding.message},
        "properties": {"code": finding.code, "kind": finding.kind},
    }
    if finding.location is not None:
        result["locations"] = [_location(finding.location)]
    if outcome.deviation is not None:
        result["suppressions"] = [{"kind": "external", "justification": outcome.deviation.reason}]
    return result


def _stale_result(outcome: Outcome, table: Location | None) -> dict[str, Any]:
    """A declaration that no longer deviates, anchored at the table it is about."""
    assert outcome.deviation is not None
    result: dict[str, Any] = {
        "ruleId": outcome.check,
        "ruleIndex": CHECKS.index(outcome.check),
        "level": "error",
        "message": {
            "text": f"declared deviation {outcome.deviation.key} no longer occurs; remove it "
            f"from {outcome.deviation.source}"
        },
        "properties": {"code": outcome.code, "kind": "stale-deviation"},
    }
    if table is not None:
        result["locations"] = [_location(table)]
    return result


def _location(location: Location) -> dict[str, Any]:
    path = PurePosixPath(location.path)
    artifact: dict[str, str] = (
        {"uri": path.as_uri()}
        if path.is_absolute()
        else {"uri": urllib.parse.quote(location.path), "uriBaseId": "%SRCROOT%"}
    )
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": location.line},
        }
    }
