"""The matrix as data: one engine report per table, arranged, never re-judged."""

from __future__ import annotations

import datetime
import enum
import importlib.metadata
import sys
from pathlib import Path

import pytest

from statuscheck.findings.deviations import Deviation
from statuscheck.findings.engine import check_implementation
from statuscheck.matrix.build import build_matrix
from statuscheck.matrix.cells import check_cell, code_cell, deviating_codes, headline_codes
from statuscheck.matrix.implementations import adhoc_implementation, load_implementations
from statuscheck.matrix.model import STDLIB, Implementation, MatrixError, Row
from tests.conftest import REPO

AS_OF = datetime.date(2026, 11, 28)
CLEAN = "tests.miniatures:CLEAN_ENUM"
TEAPOT = "tests.miniatures:TEAPOT"
LEGACY = "tests.miniatures:LEGACY_PHRASE"
LOOKUP = "tests.miniatures:CLEAN_LOOKUP"
BROKEN = "tests.raising_impl"
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

IMPLEMENTATIONS = (
    Implementation("clean", (CLEAN, LOOKUP)),
    Implementation("teapot", (TEAPOT,)),
    Implementation("broken", (BROKEN,)),
)


def rows_by_impl(implementations: tuple[Implementation, ...] = IMPLEMENTATIONS) -> dict[str, Row]:
    matrix = build_matrix(implementations, today=AS_OF)
    return {row.impl: row for row in matrix.rows}


def test_every_table_is_a_row_in_the_order_given() -> None:
    matrix = build_matrix(IMPLEMENTATIONS, today=AS_OF)
    assert [(row.library, row.impl) for row in matrix.rows] == [
        ("clean", CLEAN),
        ("clean", LOOKUP),
        ("teapot", TEAPOT),
        ("broken", BROKEN),
    ]
    assert matrix.as_of == AS_OF
    assert matrix.snapshot.registry_updated == "2025-09-15"


def test_a_table_that_fails_to_import_is_a_row_with_the_error_and_the_rest_still_run() -> None:
    rows = rows_by_impl()
    broken = rows[BROKEN]
    assert broken.report is None
    assert broken.error == (
        "importing 'tests.raising_impl' for 'tests.raising_impl' raised "
        "RuntimeError: this status table is broken on import"
    )
    assert check_cell(broken, "values").status == "error"
    assert code_cell(broken, 404).status == "error"
    assert rows[TEAPOT].report is not None


class Exploding(enum.IntEnum):
    """Third-party code can raise anything while being read."""

    OK = 200

    @property
    def phrase(self) -> str:
        raise RuntimeError("no phrase today")


def test_a_table_that_cannot_be_read_or_raises_while_read_is_an_error_row_too() -> None:
    rows = rows_by_impl(
        (Implementation("odd", ("tests.miniatures:NOT_A_TABLE", "tests.test_matrix:Exploding")),)
    )
    unreadable, exploding = rows.values()
    assert unreadable.report is None
    assert unreadable.error is not None
    assert unreadable.error.startswith("cannot read tests.miniatures:NOT_A_TABLE: a int is not")
    assert exploding.report is None
    assert exploding.error == (
        "checking 'tests.test_matrix:Exploding' raised RuntimeError: no phrase today"
    )


def test_rows_carry_the_engines_reports_unchanged() -> None:
    for impl, row in rows_by_impl().items():
        if row.report is None:
            continue
        alone = check_implementation(impl, today=AS_OF)
        assert row.report.findings == alone.findings
        assert row.report.subjects == alone.subjects
        assert row.report.shape == alone.shape


def test_check_cells_show_the_worst_outcome_and_what_does_not_apply() -> None:
    rows = rows_by_impl()
    teapot, clean, lookup = rows[TEAPOT], rows[CLEAN], rows[LOOKUP]
    assert [check_cell(clean, check).status for check in ("values", "phrases", "api")] == [
        "pass",
        "pass",
        "pass",
    ]
    cell = check_cell(teapot, "values")
    assert cell.status == "fail"
    assert cell.codes("fail") == (418,)
    # A lookup table of names carries no phrases, descriptions or enum API.
    assert [check_cell(lookup, check).status for check in ("phrases", "descriptions", "api")] == [
        "n/a",
        "n/a",
        "n/a",
    ]
    assert check_cell(lookup, "ordering").status == "pass"


def test_code_cells_say_whether_the_table_defines_the_code() -> None:
    rows = rows_by_impl()
    teapot = code_cell(rows[TEAPOT], 418)
    assert (teapot.status, teapot.defined) == ("fail", True)
    assert [f.kind for o in teapot.outcomes for f in o.findings] == ["unused-code"]
    clean = code_cell(rows[CLEAN], 418)
    assert (clean.status, clean.defined, clean.outcomes) == ("pass", False, ())
    assert code_cell(rows[CLEAN], 404).defined


def test_a_missing_code_is_not_defined() -> None:
    rows = rows_by_impl((Implementation("missing", ("tests.miniatures:MISSING_CODE",)),))
    cell = code_cell(rows["tests.miniatures:MISSING_CODE"], 404)
    assert (cell.status, cell.defined) == ("fail", False)


def test_declared_deviations_become_expected_and_undue_ones_stale() -> None:
    declared = {
        TEAPOT: (Deviation("values", 418, "we brew"),),
        CLEAN: (Deviation("values", 404, "not true"),),
    }
    implementations = IMPLEMENTATIONS[:2]
    matrix = build_matrix(
        implementations, today=AS_OF, declared=lambda row: declared.get(row.impl, ())
    )
    rows = {row.impl: row for row in matrix.rows}
    assert check_cell(rows[TEAPOT], "values").status == "expected"
    assert check_cell(rows[CLEAN], "values").status == "stale"
    assert not matrix.conformant
    del declared[CLEAN]
    matrix = build_matrix(
        implementations, today=AS_OF, declared=lambda row: declared.get(row.impl, ())
    )
    assert matrix.conformant


def test_a_row_that_failed_to_load_makes_the_matrix_not_conformant() -> None:
    assert build_matrix(IMPLEMENTATIONS[:1], today=AS_OF).conformant
    assert not build_matrix((IMPLEMENTATIONS[0], IMPLEMENTATIONS[2]), today=AS_OF).conformant


def test_headline_codes_are_those_two_implementations_get_wrong() -> None:
    matrix = build_matrix(
        (Implementation("a", (TEAPOT,)), Implementation("b", (TEAPOT, LEGACY))), today=AS_OF
    )
    assert 413 in deviating_codes(matrix)
    assert headline_codes(matrix) == (418,)  # 413: only b's legacy table, twice is one library
    alone = build_matrix((Implementation("b", (TEAPOT, LEGACY)),), today=AS_OF)
    assert headline_codes(alone) == deviating_codes(alone) == (413, 418)


def test_progress_is_reported_before_each_table_and_at_the_end() -> None:
    calls: list[tuple[int, int, str]] = []
    build_matrix(IMPLEMENTATIONS, today=AS_OF, progress=lambda *call: calls.append(call))
    assert calls == [(0, 4, CLEAN), (1, 4, LOOKUP), (2, 4, TEAPOT), (3, 4, BROKEN), (4, 4, "")]


def test_rows_are_versioned_by_distribution_or_by_python() -> None:
    matrix = build_matrix(
        (
            Implementation(STDLIB, ("http.HTTPStatus",)),
            Implementation("requests", ("requests.codes",)),
            Implementation("teapot", (TEAPOT,)),
        ),
        today=AS_OF,
    )
    stdlib, requests, teapot = matrix.rows
    assert (stdlib.version, stdlib.label, stdlib.record_key) == (
        PYTHON,
        f"Python {PYTHON}",
        f"stdlib-py{PYTHON}",
    )
    version = importlib.metadata.version("requests")
    assert (requests.version, requests.label, requests.record_key) == (
        version,
        f"requests {version}",
        f"requests-{version}",
    )
    assert requests.report is not None
    assert requests.report.shape == "lookup"
    assert (teapot.version, teapot.label) == ("", "teapot")


@pytest.mark.parametrize(
    ("impl", "name"),
    [
        ("http.HTTPStatus", STDLIB),
        ("http.client.responses", STDLIB),
        ("requests.codes", "requests"),
        ("requests.status_codes:codes", "requests"),
        (TEAPOT, TEAPOT),
        ("no.such.module", "no.such.module"),
    ],
)
def test_an_implementation_named_on_the_command_line_is_named_after_its_distribution(
    impl: str, name: str
) -> None:
    assert adhoc_implementation(impl) == Implementation(name, (impl,))


def test_the_implementations_list_reads_names_tables_and_notes(tmp_path: Path) -> None:
    listed = tmp_path / "implementations.toml"
    listed.write_text(
        '[[implementation]]\nname = "stdlib"\ntables = ["http.HTTPStatus"]\n'
        '[[implementation]]\nname = "twisted"\n'
        'tables = ["twisted.web.http.RESPONSES", "twisted.web.http"]\n'
        'note = """\nTwo tables.\n"""\n',
        encoding="utf-8",
    )
    assert load_implementations(listed) == (
        Implementation("stdlib", ("http.HTTPStatus",)),
        Implementation(
            "twisted", ("twisted.web.http.RESPONSES", "twisted.web.http"), "Two tables."
        ),
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "needs [[implementation]] tables"),
        ("implementation = 3\n", "needs [[implementation]] tables"),
        ('[[implementation]]\nname = "a b"\ntables = ["x"]\n', "name must be"),
        ('[[implementation]]\nname = "a"\ntables = []\n', "(a): tables must be a non-empty list"),
        ('[[implementation]]\nname = "a"\ntables = ["x"]\nnote = 1\n', "note must be a string"),
        ('[[implementation]]\nname = "a"\ntables = ["x"]\npath = "y"\n', "unknown key(s) path"),
        (
            '[[implementation]]\nname = "a"\ntables = ["x"]\n' * 2,
            "a listed more than once",
        ),
        ("[[implementation]\n", "invalid TOML"),
    ],
)
def test_a_bad_implementations_list_is_one_clear_error(
    tmp_path: Path, text: str, problem: str
) -> None:
    listed = tmp_path / "implementations.toml"
    listed.write_text(text, encoding="utf-8")
    with pytest.raises(MatrixError) as caught:
        load_implementations(listed)
    assert str(caught.value).startswith(str(listed))
    assert problem in str(caught.value)


def test_the_projects_list_names_the_stdlib_the_six_libraries_and_six_other_stacks() -> None:
    listed = load_implementations(REPO / "expectations" / "implementations.toml")
    assert {i.name: i.tables for i in listed if not i.command} == {
        "stdlib": ("http.HTTPStatus",),
        "starlette": ("starlette.status",),
        "httpx": ("httpx.codes",),
        "werkzeug": ("werkzeug.http.HTTP_STATUS_CODES",),
        "requests": ("requests.codes",),
        "falcon": ("falcon.status_codes",),
        "twisted": ("twisted.web.http.RESPONSES", "twisted.web.http"),
    }
    assert {i.name: (i.language, i.command[-1]) for i in listed if i.command} == {
        "node": ("javascript", "extractors/node_http.js"),
        "npm-statuses": ("javascript", "extractors/npm_statuses.js"),
        "npm-http-status-codes": ("javascript", "extractors/npm_http_status_codes.js"),
        "go-net-http": ("go", "extractors/go_net_http.go"),
        "ruby-rack": ("ruby", "extractors/ruby_rack.rb"),
        "perl-http-status": ("perl", "extractors/perl_http_status.pl"),
    }
    assert all((REPO / i.command[-1]).is_file() for i in listed if i.command)
    assert all(implementation.note for implementation in listed)
