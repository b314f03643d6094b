"""Machine-readable reports match the JSON schemas statuscheck publishes with the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import statuscheck
from statuscheck.cli.main import main
from tests.conftest import IANA, OLD_CSV

SCHEMAS = Path(statuscheck.__file__).parent / "schemas"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    main([*args, "--format", "json"])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "impl",
    [
        "statuscheck.HTTPStatus",
        "http.HTTPStatus",
        "tests.miniatures:GARBAGE_MAPPING",
        "tests.miniatures:LOOKUP_ACCEPTS_999",
        "tests.miniatures:CLEAN_LOOKUP",
    ],
)
def test_check_reports_match_their_schema(capsys: pytest.CaptureFixture[str], impl: str) -> None:
    report = _json(capsys, "check", impl, "--deviation", "values:418=declared")
    _validator("check-report.schema.json").validate(report)


@pytest.mark.parametrize(
    "args",
    [
        ("diff", str(OLD_CSV), str(IANA / "xml-2025-09-15.xml")),
        ("diff", str(IANA / "csv-2025-09-15.csv"), str(IANA / "xml-2025-09-15.xml")),
        ("refresh", "--file", str(IANA / "xhtml-2015-02-20.xhtml")),
        ("refresh", "--url", "http://127.0.0.1:9/closed.csv", "--retries", "0", "--timeout", "0.5"),
        ("diff", "2018-09-21", "2025-09-15"),
    ],
    ids=["drift", "equivalent", "refresh-file", "unreachable", "history-dates"],
)
def test_refresh_and_diff_reports_match_their_schema(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    report = _json(capsys, *args)
    _validator("refresh-report.schema.json").validate(report)


def test_the_schema_rejects_a_report_missing_a_field() -> None:
    validator = _validator("check-report.schema.json")
    with pytest.raises(jsonschema.ValidationError, match="'findings' is a required property"):
        validator.validate(
            {
                "impl": "x",
                "shape": "enum",
                "aliases": None,
                "conformant": True,
                "snapshot": {"path": "p", "sha256": "0" * 64, "registry_updated": None},
                "registry_match": None,
                "coverage": None,
                "notes": [],
                "stale_deviations": [],
            }
        )
