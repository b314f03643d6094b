"""The extractors, really run: each stack's table printed by its own toolchain.

A missing toolchain skips (``bash extractors/install.sh`` installs them);
``STATUSCHECK_REQUIRE_TOOLCHAINS=1``, which CI sets, makes it fail instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from statuscheck.matrix.build import build_matrix
from statuscheck.matrix.implementations import load_implementations
from statuscheck.matrix.model import Implementation
from statuscheck.tables.documents import SCHEMA_PATH
from statuscheck.tables.extractors import run_extractor, toolchains_required
from statuscheck.tables.resolve import ImplementationError

REPO = Path(__file__).resolve().parents[1]
EXTRACTED = [
    i for i in load_implementations(REPO / "expectations" / "implementations.toml") if i.command
]
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
FAILING = (
    sys.executable,
    "-c",
    "import sys; sys.stderr.write('one\\ntwo\\nthree\\nfour\\n'); sys.exit(3)",
)


def require(program: str) -> None:
    if shutil.which(program) is None:
        if toolchains_required():
            pytest.fail(f"{program} is not installed (STATUSCHECK_REQUIRE_TOOLCHAINS=1)")
        pytest.skip(f"{program} is not installed: bash extractors/install.sh")


def test_the_table_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("implementation", EXTRACTED, ids=lambda i: i.name)
def test_each_extractor_prints_a_valid_document_of_its_language(
    implementation: Implementation,
) -> None:
    require(implementation.command[0])
    printed = subprocess.run(
        implementation.command, cwd=REPO, capture_output=True, check=True, timeout=300
    ).stdout
    document = json.loads(printed)
    assert sorted(Draft202012Validator(SCHEMA).iter_errors(document), key=str) == []
    assert document["language"] == implementation.language
    table = run_extractor(implementation.command, cwd=REPO)
    assert (table.label, table.language) == (document["implementation"], document["language"])
    assert [d.key for d in table.definitions] == [e["code"] for e in document["entries"]]
    assert 400 in table.codes()
    assert 404 in table.codes()


def test_a_table_piped_into_check_from_stdin() -> None:
    require("node")
    node = subprocess.run(
        ["node", "extractors/node_http.js"], cwd=REPO, capture_output=True, check=True
    )
    checked = subprocess.run(
        [sys.executable, "-m", "statuscheck", "check", "-", "--check", "phrases"],
        input=node.stdout,
        capture_output=True,
        check=False,
    )
    first = checked.stdout.decode().splitlines()[0]
    assert first.startswith("Node.js http.STATUS_CODES v")
    assert checked.returncode == 1  # Node still says "Payload Too Large"
    assert b"<stdin>:41: FAIL  phrases 413: $.entries[" in checked.stdout


def test_a_failing_extractor_is_one_line_with_its_last_stderr_lines() -> None:
    with pytest.raises(ImplementationError) as caught:
        run_extractor(FAILING)
    assert str(caught.value).endswith("exited with status 3: two | three | four")
    assert "\n" not in str(caught.value)


def test_a_failing_extractor_is_a_row_error_in_the_matrix() -> None:
    [row] = build_matrix([Implementation("broken", (), "", FAILING, "go")]).rows
    assert (row.report, row.language) == (None, "go")
    assert row.error is not None
    assert row.error.endswith("two | three | four")


def test_a_missing_toolchain_skips_the_row_locally_and_fails_it_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = Implementation("nowhere", (), "", ("no-such-toolchain-here", "x.js"), "javascript")
    monkeypatch.delenv("STATUSCHECK_REQUIRE_TOOLCHAINS", raising=False)
    skipped = build_matrix([missing])
    assert skipped.rows == ()
    assert skipped.skipped == (
        "nowhere: no-such-toolchain-here is not installed, needed by "
        "`no-such-toolchain-here x.js` (bash extractors/install.sh)",
    )
    monkeypatch.setenv("STATUSCHECK_REQUIRE_TOOLCHAINS", "1")
    [row] = build_matrix([missing]).rows
    assert row.error is not None
    assert "no-such-toolchain-here is not installed" in row.error
    assert not build_matrix([missing]).conformant
