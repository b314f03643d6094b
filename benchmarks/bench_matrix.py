"""Wall time of ``statuscheck matrix`` over the whole list against just importing the libraries.

The floor is a fresh interpreter that imports exactly the modules the
implementations list names (``http``, ``starlette.status``, ``httpx``,
``werkzeug.http``, ``requests``, ``falcon.status_codes``, ``twisted.web.http``)
and nothing else. The matrix is ``python -m statuscheck matrix`` over the same
list, in one process, rendering the HTML page. Target: the matrix takes at most
3x the floor. Both commands run alternately in fresh processes; medians are
reported. Run it where the libraries are installed, e.g. in tox's matrix env:

    .tox/matrix/bin/python benchmarks/bench_matrix.py [--runs N] [--file PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import median_wall_pair

TARGET = 3.0
REPO = Path(__file__).resolve().parents[1]


def _module_of(path: str) -> str:
    """The longest importable module prefix of a table's dotted path, found without importing."""
    parts = path.replace(":", ".").split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    raise SystemExit(f"cannot find a module for {path!r}: is it installed here?")


def _check_every_row_loads(command: list[str]) -> None:
    """Time nothing that is not the real thing: every table must load in this environment."""
    result = subprocess.run(
        [*command, "--format", "json", "--no-progress"], capture_output=True, text=True, check=False
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"statuscheck matrix failed:\n{result.stderr}")
    failed = [row["impl"] for row in json.loads(result.stdout)["rows"] if row["error"]]
    if failed:
        raise SystemExit(f"cannot load {', '.join(failed)} here: install the pinned libraries")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", type=Path, default=REPO / "expectations" / "implementations.toml")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))  # only to read the list; the runs use what is installed
    from statuscheck.matrix.implementations import load_implementations

    tables = [table for entry in load_implementations(args.file) for table in entry.tables]
    modules = sorted({_module_of(table) for table in tables})
    imports = f"import importlib; [importlib.import_module(m) for m in {modules!r}]"
    command = [sys.executable, "-m", "statuscheck", "matrix", "--file", str(args.file)]
    _check_every_row_loads(command)
    with tempfile.TemporaryDirectory() as scratch:
        page = os.path.join(scratch, "matrix.html")
        matrix, floor = median_wall_pair(
            [*command, "--format", "html", "--output", page, "--no-progress"],
            [sys.executable, "-c", imports],
            args.runs,
            cwd=scratch,
        )
    ratio = matrix / floor
    print(f"Python {sys.version.split()[0]}, {len(tables)} tables from {len(modules)} modules:")
    print(f"  {', '.join(modules)}")
    print(f"statuscheck matrix: {matrix:.3f} s   imports alone: {floor:.3f} s   ratio {ratio:.2f}")
    print(f"target: ratio <= {TARGET}: {'met' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
