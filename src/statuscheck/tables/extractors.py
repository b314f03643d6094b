"""Running an extractor: a program that prints another language's table as a document.

The table comes from the real toolchain or library, run as it is installed,
so the matrix judges what Node, Go, Ruby or Perl programs really get. A
missing toolchain is :class:`ToolchainMissing` (the matrix skips the row, or
fails it where toolchains are required); a failing extractor is one
:class:`ImplementationError` line ending with the last lines it wrote on
stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from statuscheck.tables.documents import read_document
from statuscheck.tables.errors import ImplementationError
from statuscheck.tables.table import StatusTable

__all__ = ["TIMEOUT_SECONDS", "ToolchainMissing", "run_extractor", "toolchains_required"]

#: ``go run`` compiles first; nothing takes longer on a cold cache.
TIMEOUT_SECONDS = 300
_STDERR_LINES = 3


class ToolchainMissing(ImplementationError):
    """The extractor's program is not installed here."""


def toolchains_required() -> bool:
    """Whether a missing toolchain is a failure (CI sets it) rather than a skip."""
    return os.environ.get("STATUSCHECK_REQUIRE_TOOLCHAINS", "") == "1"


def run_extractor(command: Sequence[str], *, cwd: Path | None = None) -> StatusTable:
    """Run ``command`` and read the table document it prints on stdout."""
    shown = " ".join(command)
    if shutil.which(command[0]) is None:
        raise ToolchainMissing(
            f"{command[0]} is not installed, needed by `{shown}` (bash extractors/install.sh)"
        )
    # Go must neither download a toolchain nor modules: the table is the installed one's.
    environment = {"GOTOOLCHAIN": "local", "GOPROXY": "off", **os.environ}
    try:
        finished = subprocess.run(
            list(command),
            cwd=cwd,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ImplementationError(
            f"`{shown}` printed no table within {TIMEOUT_SECONDS} s"
        ) from None
    except OSError as error:
        raise ImplementationError(f"`{shown}` cannot run: {error.strerror}") from None
    if finished.returncode != 0:
        raise ImplementationError(
            f"`{shown}` exited with status {finished.returncode}: {_tail(finished.stderr)}"
        )
    if not finished.stdout.strip():
        raise ImplementationError(f"`{shown}` printed nothing: {_tail(finished.stderr)}")
    return read_document(finished.stdout, f"<{shown}>")


def _tail(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    last = [line for line in lines if line][-_STDERR_LINES:]
    return " | ".join(last) if last else "(nothing on stderr)"
