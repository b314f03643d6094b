"""``statuscheck fix`` on table documents: real extractors' output and miniatures.

For each: after the fix, checking again finds no phrase, name or
missing-code error (what no edit resolves is still reported, as before), the
document still validates against the published schema, and every line the
fix did not target is byte-identical.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuscheck.cli.main import main
from statuscheck.fixes.plan import AddCode, Rename, ReplacePhrase
from statuscheck.matrix.model import Implementation
from statuscheck.registry.former_phrases import former_phrases
from tests.documents import (
    LAYOUTS,
    STYLES,
    assert_fix_holds,
    assert_untouched_lines_kept,
    fix_path,
    render_document,
)
from tests.miniatures import FORMER_NAMES, ROWS
from tests.test_extractors import EXTRACTED, REPO, require

#: Assigned (not temporary or obsoleted) codes: the ones whose absence is an error.
CODES = [code for _, code, _, _ in ROWS if code not in (104, 510)]
RENAMED = sorted(set(FORMER_NAMES.values()))
#: One defect per miniature, each in the layouts and styles it can occur in.
DEFECTS: dict[str, dict[str, Any]] = {
    "former-phrase": {"broken": {413: "former"}},
    "case-of-phrase": {"broken": {404: "case"}},
    "renamed": {"renamed": [413]},
    "missing-first": {"dropped": [CODES[0]]},
    "missing-middle": {"dropped": [404]},
    "missing-last": {"dropped": [CODES[-1]]},
}
CASES = [
    (layout, style, defect)
    for defect in DEFECTS
    for layout in LAYOUTS
    for style in (("unnamed",) if layout == "mapping" else STYLES)
    if not (defect == "renamed" and (layout == "mapping" or style == "unnamed"))
]
MINIATURES = [pytest.param(*case, id="-".join(case)) for case in CASES]


@pytest.mark.parametrize("implementation", EXTRACTED, ids=lambda i: i.name)
def test_fixing_each_extractors_real_document(
    implementation: Implementation, tmp_path: Path
) -> None:
    require(implementation.command[0])
    path = tmp_path / f"{implementation.name}.json"
    path.write_bytes(
        subprocess.run(
            implementation.command, cwd=REPO, capture_output=True, check=True, timeout=300
        ).stdout
    )
    fixed = assert_fix_holds(path)
    assert fixed.changed  # every stack still has an outdated phrase
    assert_untouched_lines_kept(fixed)
    assert fix_path(path).changed is False  # fixing the fixed document changes nothing


@pytest.mark.parametrize(("layout", "style", "defect"), MINIATURES)
def test_fixing_a_document_miniature(layout: str, style: str, defect: str, tmp_path: Path) -> None:
    path = tmp_path / "table.json"
    path.write_text(render_document(layout, style, **DEFECTS[defect]), encoding="utf-8")
    fixed = assert_fix_holds(path)
    assert fixed.changed
    if layout != "one-line":
        assert_untouched_lines_kept(fixed)


def test_the_miniatures_cover_each_kind_of_fix(tmp_path: Path) -> None:
    kinds = set()
    for layout, style, defect in CASES:
        path = tmp_path / "table.json"
        path.write_text(render_document(layout, style, **DEFECTS[defect]), encoding="utf-8")
        kinds |= {type(edit) for edit in fix_path(path).applied}
    assert kinds == {ReplacePhrase, Rename, AddCode}


def test_a_new_code_goes_after_the_previous_codes_last_entry(tmp_path: Path) -> None:
    """414 follows 413's aliases, named in Go's style, its stdlib-era name kept as an alias."""
    path = tmp_path / "table.json"
    path.write_text(render_document("lines", "go", dropped=[414]), encoding="utf-8")
    entries = json.loads(fix_path(path).fixed)["entries"]
    codes = [entry["code"] for entry in entries]
    first, last = codes.index(414), len(codes) - codes[::-1].index(414) - 1
    assert (codes[first - 1], codes[last + 1]) == (413, 415)
    assert entries[first]["name"] == "StatusURITooLong"
    assert [entry.get("alias") for entry in entries[first : last + 1]] == [None] + [True] * (
        last - first
    )
    assert last > first  # 414 had a name in Python's stdlib, kept as an alias


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.sampled_from(LAYOUTS),
    style=st.sampled_from(sorted(STYLES)),
    dropped=st.sets(st.sampled_from(CODES), max_size=10),
    broken=st.dictionaries(st.sampled_from(CODES), st.sampled_from(["former", "case"]), max_size=8),
    renamed=st.sets(st.sampled_from(RENAMED)),
)
def test_fixing_any_damage_to_a_document_holds(
    layout: str, style: str, dropped: set[int], broken: dict[int, str], renamed: set[int]
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "table.json"
        text = render_document(layout, style, dropped=dropped, broken=broken, renamed=renamed)
        path.write_text(text, encoding="utf-8")
        fixed = assert_fix_holds(path)
    if layout != "one-line":
        assert_untouched_lines_kept(fixed)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_fix_prints_a_documents_diff_and_writes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "table.json"
    original = render_document("lines", "go", broken={413: "former"})
    path.write_text(original, encoding="utf-8")
    status, out, _ = run(capsys, "fix", str(path))
    assert status == 1
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert path.read_text(encoding="utf-8") == original  # printing changes nothing
    status, _, err = run(capsys, "fix", str(path), "--write")
    assert (status, err) == (1, f"fixed {path}\n")
    assert run(capsys, "fix", str(path)) == (0, "", "")


def test_standard_input_is_fixed_as_a_diff_and_never_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = render_document("mapping", "unnamed", broken={413: "former"}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(capsys, "fix", "-")
    assert status == 1
    assert out.startswith("--- a/<stdin>\n+++ b/<stdin>\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, err = run(capsys, "fix", "-", "--write")
    assert (status, out) == (2, "")
    assert err.startswith("statuscheck: error: cannot --write standard input: ")
    assert err.count("\n") == 1


def test_a_csv_document_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "table.csv"
    path.write_text(f"code,phrase\n413,{former_phrases(413)[0].phrase}\n", encoding="utf-8")
    status, out, err = run(capsys, "fix", str(path))
    assert (status, out) == (2, "")
    assert err == (
        f"statuscheck: error: cannot fix {path}: fix writes JSON table documents, not CSV "
        "(it has no alias column to keep a renamed code's old name in)\n"
    )
    rows = "".join(f'{code},"{phrase}"\n' for _, code, phrase, _ in ROWS)
    path.write_text(f"code,phrase\n{rows}", encoding="utf-8")
    assert run(capsys, "fix", str(path))[:2] == (0, "")  # nothing to fix is not an error


def test_a_repeated_code_survives_a_document_written_again(tmp_path: Path) -> None:
    """Nothing is deleted, not even the second phrase of a code the object repeats."""
    former = former_phrases(413)[0].phrase
    text = render_document("mapping", "unnamed", broken={413: "former"})
    one_line = json.dumps(json.loads(text))[:-1] + f', "413": {json.dumps(former)}}}'
    path = tmp_path / "node.json"
    path.write_text(one_line, encoding="utf-8")
    fixed = fix_path(path).fixed.decode()
    assert fixed.count('"413": ') == 2
    assert former not in fixed
    assert "\n" not in fixed  # the one-line layout is kept
