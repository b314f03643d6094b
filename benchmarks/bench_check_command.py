"""Wall time of ``statuscheck check http.HTTPStatus --format json`` against ``python -c pass``.

The check runs in pre-commit hooks and CI steps, so its start-up is most of
its cost: it must import what the check command needs and nothing else (no
matrix renderer, no HTTP client, no package metadata). Target: at most 4x a
bare interpreter. Both commands run alternately in fresh processes with
cached bytecode; medians are reported. Run it against an installed wheel, as
users get it (an editable install resolves imports through extra path hooks),
e.g. in a tox env:

    .tox/py311/bin/python benchmarks/bench_check_command.py [--runs N] [--impl PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import fresh_env, median_wall_pair

TARGET = 4.0
REPO = Path(__file__).resolve().parents[1]


def _installed_package() -> Path:
    """Where statuscheck is imported from; exits unless that is an installed wheel."""
    spec = importlib.util.find_spec("statuscheck")
    if spec is None or spec.origin is None:
        raise SystemExit("statuscheck is not installed here: python -m pip install .")
    origin = Path(spec.origin).resolve()
    if REPO / "src" in origin.parents:
        raise SystemExit(f"statuscheck is imported from the checkout ({origin}): install the wheel")
    return origin.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--impl", default="http.HTTPStatus")
    args = parser.parse_args()
    package = _installed_package()
    command = [sys.executable, "-m", "statuscheck", "check", args.impl, "--format", "json"]
    with tempfile.TemporaryDirectory() as scratch:  # no pyproject.toml of ours applies
        result = subprocess.run(
            command, cwd=scratch, env=fresh_env(), capture_output=True, text=True, check=False
        )
        if result.returncode not in (0, 1):
            raise SystemExit(f"statuscheck check failed:\n{result.stderr}")
        check, floor = median_wall_pair(
            command, [sys.executable, "-c", "pass"], args.runs, cwd=scratch
        )
        # What no run can avoid: the engine, the table and the table's aliases module.
        table = (
            "from statuscheck.findings.engine import known_aliases\n"
            "from statuscheck.tables.resolve import resolve\n"
            f"aliases = known_aliases(resolve({args.impl!r}))\n"
            "aliases is None or resolve(aliases)"
        )
        imports, _ = median_wall_pair(
            [sys.executable, "-c", table], [sys.executable, "-c", "pass"], args.runs, cwd=scratch
        )
    ratio = check / floor
    print(f"Python {sys.version.split()[0]}, statuscheck from {package}")
    print(f"statuscheck check {args.impl} --format json: {check * 1e3:.1f} ms")
    print(f"python -c pass: {floor * 1e3:.1f} ms   ratio {ratio:.2f}")
    print(
        f"importing the engine, the table and its aliases alone: {imports * 1e3:.1f} ms   "
        f"ratio {imports / floor:.2f}"
    )
    print(f"target: ratio <= {TARGET}: {'met' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
