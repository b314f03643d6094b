"""Markdown, JSON and HTML views of the matrix, and the README's copy of it."""

from __future__ import annotations

import dataclasses
import datetime
import html.parser
import json
import re
from html import escape as html_escape
from pathlib import Path

import jsonschema
import pytest

import statuscheck
from statuscheck.findings.deviations import Deviation
from statuscheck.matrix.build import build_matrix
from statuscheck.matrix.implementations import load_implementations
from statuscheck.matrix.model import Implementation, Matrix, Row
from statuscheck.matrix.recorded import load_recorded
from statuscheck.reports.matrix import render
from statuscheck.reports.matrix_html import render_html
from statuscheck.reports.matrix_json import to_json
from statuscheck.reports.matrix_markdown import (
    README_END,
    README_START,
    readme_block,
    render_markdown,
    replace_readme_block,
)
from statuscheck.reports.matrix_wording import code_groups
from tests.conftest import REPO

AS_OF = datetime.date(2026, 11, 28)
NA = "\N{EN DASH}"
TEAPOT = "tests.miniatures:TEAPOT"
CLEAN = "tests.miniatures:CLEAN_ENUM"
LOOKUP = "tests.miniatures:CLEAN_LOOKUP"
BROKEN = "tests.raising_impl"
BROKEN_ERROR = (
    "importing 'tests.raising_impl' for 'tests.raising_impl' raised RuntimeError: "
    "this status table is broken on import"
)


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return build_matrix(
        (
            Implementation("clean", (CLEAN, LOOKUP)),
            Implementation("teapot", (TEAPOT,)),
            Implementation("broken", (BROKEN,)),
        ),
        today=AS_OF,
    )


@pytest.fixture(scope="module")
def recorded() -> Matrix:
    directory = REPO / "expectations"
    return load_recorded(directory, load_implementations(directory / "implementations.toml"))


def test_markdown_has_a_row_per_table_and_a_cell_per_check(matrix: Matrix) -> None:
    lines = render_markdown(matrix).splitlines()
    assert lines[0] == "## Implementations \N{MULTIPLICATION SIGN} checks"
    assert lines[2].startswith(
        "Against the IANA HTTP Status Code Registry of 2025-09-15 (pinned snapshot, sha256 "
        "6c83d18dea7e), as of 2026-11-28. ✓ conforms to the registry · ✗ deviates · "
    )
    table = lines[lines.index("|---|---|---|---|---|---|---|---|---|---|---|") - 1 :][:6]
    dated = {
        row.impl: row.report.registry_match.summary
        for row in matrix.rows
        if row.report is not None and row.report.registry_match is not None
    }
    assert dated[CLEAN].endswith("… now (0 disagreements)")
    assert dated[TEAPOT].endswith("… now (1 disagreement)")
    assert table == [
        "| implementation | language | table | shape | closest registry | values | phrases "
        "| descriptions | ordering | aliases | api |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        f"| clean | python | `{CLEAN}` | enum | {dated[CLEAN]} | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |",
        f"| clean | python | `{LOOKUP}` | lookup | {dated[LOOKUP]} "
        f"| ✓ | {NA} | {NA} | ✓ | ✓ | {NA} |",
        f"| teapot | python | `{TEAPOT}` | enum | {dated[TEAPOT]} | ✗ 418 | ✓ | ✓ | ✓ | ✓ | ✓ |",
        f"| broken | python | `{BROKEN}` | ⊘ {BROKEN_ERROR} | {NA} | ⊘ | ⊘ | ⊘ | ⊘ | ⊘ | ⊘ |",
    ]


def test_markdown_per_code_groups_tables_by_what_they_have(matrix: Matrix) -> None:
    text = render_markdown(matrix)
    assert (
        "| 418 (Unused) | ✓ absent: clean (tests.miniatures:CLEAN_ENUM), "
        "clean (tests.miniatures:CLEAN_LOOKUP)<br>✗ defines it, though (Unused): teapot |"
    ) in text


def test_a_table_that_failed_to_import_is_shown_once(matrix: Matrix) -> None:
    markdown = render_markdown(matrix)
    assert markdown.count(BROKEN_ERROR) == 1
    per_code = markdown[markdown.index("Per code") :]
    assert "broken" not in per_code
    page = render_html(matrix)
    assert page.count(html_escape(BROKEN_ERROR)) == 1
    codes_table = page[page.index('id="codes-table"') :]
    assert BROKEN not in codes_table
    assert "s-error" not in codes_table


def test_consecutive_pythons_with_the_same_answer_read_as_a_range(recorded: Matrix) -> None:
    groups = {text: names for _, text, names in code_groups(recorded, 413)}
    assert groups["✓"][0] == "Python 3.13"
    assert groups["✗ “Request Entity Too Large”; named REQUEST_ENTITY_TOO_LARGE"] == [
        "Python 3.9-3.12",
        "httpx 0.28.1",
    ]


def test_an_abbreviated_name_only_warns(recorded: Matrix) -> None:
    groups = {text: names for _, text, names in code_groups(recorded, 407)}
    assert groups["⚠ abbreviated PROXY_AUTH_REQUIRED"] == ["twisted 26.10.0 (twisted.web.http)"]


def test_counts_replace_long_lists_of_codes(recorded: Matrix) -> None:
    text = render_markdown(recorded)
    assert "| requests 2.34.2 | python | `requests.codes` | lookup | " in text
    assert " | ✗ 9 codes | " in text
    assert " | ✗ 418, 47 outside 100-599" in text


def test_json_carries_rows_cells_outcomes_and_the_per_code_view(matrix: Matrix) -> None:
    document = json.loads(render(matrix, "json"))
    assert document["statuscheck_matrix"] == 1
    assert document["as_of"] == "2026-11-28"
    assert document["conformant"] is False
    assert [row["impl"] for row in document["rows"]] == [CLEAN, LOOKUP, TEAPOT, BROKEN]
    teapot = document["rows"][2]
    assert teapot["cells"]["values"] == {
        "status": "fail",
        "text": "✗ 418",
        "codes": {"fail": [418]},
    }
    [outcome] = teapot["outcomes"]
    assert (outcome["check"], outcome["code"], outcome["status"]) == ("values", 418, "fail")
    assert outcome["findings"][0]["kind"] == "unused-code"
    broken = document["rows"][3]
    assert (broken["error"], broken["shape"], broken["cells"]["api"]["status"]) == (
        BROKEN_ERROR,
        None,
        "error",
    )
    [code] = document["codes"]
    assert code["code"] == 418
    assert code["registry"] == "418 (Unused)"
    assert [cell["status"] for cell in code["cells"]] == ["pass", "pass", "fail", "error"]


class _Page(html.parser.HTMLParser):
    """Collects what the page is made of and checks that every tag is closed."""

    VOID = frozenset({"meta", "br", "link", "img", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.problems == []
    assert parser.open == []
    return parser


def test_html_is_one_well_formed_page_with_nothing_to_fetch(matrix: Matrix) -> None:
    page = render(matrix, "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    parsed = parse(page)
    names = {tag for tag, _ in parsed.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    assert not any("src" in attrs or "href" in attrs for _, attrs in parsed.tags)
    assert "url(" not in page
    assert "@import" not in page


def test_html_has_a_row_per_table_an_error_row_and_a_legend(matrix: Matrix) -> None:
    parsed = parse(render_html(matrix))
    rows = [attrs for tag, attrs in parsed.tags if tag == "tr" and "data-impl" in attrs]
    assert [(row["data-label"], row["data-impl"], row["data-status"]) for row in rows] == [
        ("clean", CLEAN, "ok"),
        ("clean", LOOKUP, "ok"),
        ("teapot", TEAPOT, "ok"),
        ("broken", BROKEN, "error"),
    ]
    cells = [attrs for tag, attrs in parsed.tags if tag == "td" and attrs.get("colspan")]
    assert cells == [{"class": "cell s-error", "colspan": "8"}]
    dated = [attrs for tag, attrs in parsed.tags if tag == "td" and attrs.get("class") == "dated"]
    assert len(dated) == 3  # every row that loaded
    page = render_html(matrix)
    assert "position: sticky" in page
    assert '<ul class="legend">' in page
    assert 'id="code-418">' in page  # one implementation gets 418 wrong: no headline
    assert 'title="Teapot.IM_A_TEAPOT defines 418, but the registry marks 418 (Unused)"' in page


def test_html_marks_the_codes_two_implementations_get_wrong(recorded: Matrix) -> None:
    page = render_html(recorded)
    assert '<tr id="code-413" class="headline">' in page
    assert '<tr id="code-404">' in page


def test_html_escapes_everything_it_shows(matrix: Matrix) -> None:
    evil = Row("<b>lib</b>", "1&2", "x.y", None, error='<script>alert("x")</script>')
    page = render_html(dataclasses.replace(matrix, rows=(*matrix.rows, evil)))
    parse(page)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;lib&lt;/b&gt; 1&amp;2" in page


def test_the_readme_shows_the_recorded_matrix(recorded: Matrix) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert replace_readme_block(readme, readme_block(recorded)) == readme, (
        "README.md's matrix is out of date: run `statuscheck matrix --update-readme README.md`"
    )
    block = readme[readme.index(README_START) : readme.index(README_END)]
    for label in ("Python 3.9", "Python 3.13", "starlette 1.10.0", "twisted 26.10.0"):
        assert f"| {label} |" in block


def test_replacing_the_readme_block_keeps_everything_else() -> None:
    readme = f"# Title\n\n{README_START}\nold\n{README_END}\n\n## Next\n"
    assert replace_readme_block(readme, "new\n") == (
        f"# Title\n\n{README_START}\nnew\n{README_END}\n\n## Next\n"
    )
    with pytest.raises(ValueError, match=r"no <!-- matrix:start --> \.\.\. <!-- matrix:end -->"):
        replace_readme_block("# Title\n", "new")


def _schema() -> jsonschema.Draft202012Validator:
    path = Path(statuscheck.__file__).parent / "schemas" / "matrix-report.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_json_matches_the_published_schema(matrix: Matrix, recorded: Matrix) -> None:
    validator = _schema()
    validator.validate(to_json(matrix))  # with a row that failed to import
    validator.validate(to_json(recorded))  # every Python and library, as recorded
    teapot = matrix.rows[2]
    assert teapot.report is not None
    declared = dataclasses.replace(
        teapot,
        report=dataclasses.replace(
            teapot.report,
            deviations=(
                Deviation("values", 418, "we brew"),
                Deviation("values", 404, "stale"),
            ),
        ),
    )
    document = to_json(dataclasses.replace(matrix, rows=(declared,)))
    validator.validate(document)
    assert {o["status"] for o in document["rows"][0]["outcomes"]} == {"expected", "stale"}


def test_the_schema_rejects_a_matrix_missing_a_field(matrix: Matrix) -> None:
    document = to_json(matrix)
    del document["rows"][0]["cells"]
    with pytest.raises(jsonschema.ValidationError, match="'cells' is a required property"):
        _schema().validate(document)


def test_every_recorded_row_is_dated_as_when_it_was_recorded(recorded: Matrix) -> None:
    rows = to_json(recorded)["rows"]
    assert all(row["registry_match"] is not None for row in rows)
    stdlib = {row["version"]: row["registry_match"] for row in rows if row["library"] == "stdlib"}
    # RFC 9110's phrases reached the stdlib in 3.13: it matches a later state than 3.12.
    assert stdlib["3.13"]["from"] > stdlib["3.12"]["from"]
    assert stdlib["3.12"]["until"] <= stdlib["3.13"]["from"]


def test_html_details_count_with_words_that_agree(matrix: Matrix, recorded: Matrix) -> None:
    assert f"<code>{html_escape(TEAPOT)}</code> (enum): 1 failing</summary>" in render_html(matrix)
    page = render_html(recorded)
    assert re.search(r"\): \d+ failing, \d+ warnings</summary>", page)
    assert not re.search(r"\d+ (fail|warn|expected)\b", page)
