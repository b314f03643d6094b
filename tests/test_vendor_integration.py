"""The GitHub Action, the pre-commit hook and the README's snippets for vendors.

The action's metadata is held to GitHub's rules that a schema cannot express
(every input it reads is declared, every action pinned by commit), its check
step's script is run for real with bash, and the hook manifest is loaded by
pre-commit's own loader. The README's snippets must name only what exists.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

ACTION = REPO / "action.yml"
EXAMPLE_WORKFLOW = REPO / ".github" / "workflows" / "action.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
INPUTS = {"impl", "aliases", "deviations-file", "python-version", "sarif"}
_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _readme_blocks(language: str) -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## For vendors", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


def test_the_action_declares_what_it_reads_and_pins_what_it_uses() -> None:
    action = _yaml(ACTION)
    assert action["name"]
    assert action["description"]
    assert set(action["inputs"]) == INPUTS
    assert all(spec["description"] for spec in action["inputs"].values())
    assert [n for n, spec in action["inputs"].items() if spec.get("required")] == ["impl"]
    assert action["runs"]["using"] == "composite"
    text = ACTION.read_text(encoding="utf-8")
    assert set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)", text)) == INPUTS
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            assert "${{" not in step["run"], f"{step['name']}: pass inputs through env"
        else:
            assert _PINNED.match(step["uses"]), step["uses"]
    uploads = [s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert [step["if"] for step in uploads] == ["inputs.sarif == 'true'"]


def test_the_example_workflow_uses_the_action_with_declared_inputs() -> None:
    workflow = _yaml(EXAMPLE_WORKFLOW)
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step for step in steps if step.get("uses") == "./"]
    assert uses
    for step in uses:
        assert "impl" in step["with"]
        assert set(step["with"]) <= INPUTS
    for step in steps:
        if "uses" in step and step["uses"] != "./":
            assert _PINNED.match(step["uses"]), step["uses"]


def test_the_readme_workflow_uses_the_action_as_declared() -> None:
    [workflow] = [yaml.safe_load(block) for block in _readme_blocks("yaml") if "jobs:" in block]
    steps = workflow["jobs"]["statuscheck"]["steps"]
    [step] = [step for step in steps if str(step.get("uses", "")).endswith("statuscheck@v1")]
    assert "impl" in step["with"]
    assert set(step["with"]) <= INPUTS
    inputs_table = re.findall(r"^\| `([\w-]+)`", "\n".join(_readme_section_lines()), re.M)
    assert set(inputs_table) >= INPUTS


def _readme_section_lines() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text.split("## For vendors", 1)[1].split("\n## ", 1)[0].splitlines()


def _run_check_step(tmp_path: Path, impl: str, sarif: str) -> tuple[int, str, str, Path]:
    """The action's check step, run by bash as the runner would, with statuscheck on PATH."""
    [step] = [s for s in _yaml(ACTION)["runs"]["steps"] if s.get("id") == "check"]
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "STATUSCHECK_IMPL": impl,
        "STATUSCHECK_ALIASES": "",
        "STATUSCHECK_DEVIATIONS_FILE": "",
        "STATUSCHECK_SARIF": sarif,
    }
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, "-e", "-o", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    written = output.read_text(encoding="utf-8") if output.exists() else ""
    return result.returncode, result.stdout, written, summary


def test_the_check_step_annotates_and_reports_the_exit_status(tmp_path: Path) -> None:
    code, stdout, output, summary = _run_check_step(tmp_path, "http.HTTPStatus", "false")
    assert code == 0
    assert output == "status=1\n"
    assert "::error file=" in stdout
    assert "### statuscheck: `http.HTTPStatus`" in summary.read_text(encoding="utf-8")


def test_the_check_step_writes_sarif_when_asked(tmp_path: Path) -> None:
    code, stdout, output, _ = _run_check_step(tmp_path, "statuscheck.HTTPStatus", "true")
    assert (code, output) == (0, "status=0\n")
    assert "0 failing" in stdout
    sarif = (tmp_path / "statuscheck.sarif").read_text(encoding="utf-8")
    assert '"version": "2.1.0"' in sarif


def test_the_check_step_fails_at_once_when_the_table_cannot_be_loaded(tmp_path: Path) -> None:
    code, _, output, _ = _run_check_step(tmp_path, "no.such.module", "false")
    assert (code, output) == (2, "")


def test_the_pre_commit_hook_loads_and_runs_a_real_console_script() -> None:
    from pre_commit.clientlib import load_manifest

    [hook] = load_manifest(str(HOOKS))
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == (
        "statuscheck",
        "python",
        False,
    )
    script, *arguments = hook["entry"].split()
    scripts = _project_scripts()
    assert script in scripts
    installed = shutil.which(script, path=str(Path(sys.executable).parent))
    assert installed is not None
    result = subprocess.run(
        [installed, *arguments, "statuscheck.HTTPStatus"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def _project_scripts() -> dict[str, str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised by the py39/py310 environments
        import tomli as tomllib
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    scripts: dict[str, str] = pyproject["project"]["scripts"]
    return scripts


def test_the_readme_pre_commit_config_names_the_hook(tmp_path: Path) -> None:
    from pre_commit.clientlib import load_config

    [block] = [block for block in _readme_blocks("yaml") if "repos:" in block]
    config_path = tmp_path / ".pre-commit-config.yaml"
    config_path.write_text(block, encoding="utf-8")
    [repo] = load_config(str(config_path))["repos"]
    [hook_ids] = [[hook["id"] for hook in repo["hooks"]]]
    assert hook_ids == [hook["id"] for hook in _yaml(HOOKS)]


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "shields"])
def test_the_readme_lists_every_ci_format(fmt: str) -> None:
    assert f"| `{fmt}` |" in "\n".join(_readme_section_lines())
