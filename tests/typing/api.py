"""Never executed: type-checked by mypy to prove the public API reads well to users.

Each annotated assignment fails ``mypy --strict`` if the public types drift.
"""

from __future__ import annotations

import datetime

import statuscheck
from statuscheck import (
    ConformanceReport,
    Entry,
    Finding,
    HTTPStatus,
    Reference,
    Registry,
    check_implementation,
    client,
    load_snapshot,
)

member: HTTPStatus = HTTPStatus(404)
same: HTTPStatus = HTTPStatus.NOT_FOUND
alias: HTTPStatus = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
phrase: str = member.phrase
description: str = member.description
value: int = member.value
success: bool = member.is_success
status: str = member.registry_status
references: tuple[Reference, ...] = member.references
constant: HTTPStatus = client.NOT_FOUND
version: str = statuscheck.__version__

registry: Registry = load_snapshot()
entry: Entry = registry.entry(413)
expires: datetime.date | None = registry.entry(104).expires
assigned: tuple[int, ...] = registry.assigned_codes()

report: ConformanceReport = check_implementation("http.HTTPStatus", aliases=None)
findings: tuple[Finding, ...] = report.findings
first_code: int | None = findings[0].code if findings else None
conformant: bool = report.conformant
