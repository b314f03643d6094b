"""Wall time of ``pytest conformance --impl=http.HTTPStatus`` against pytest's own floor.

The floor is a bare pytest run of one trivial test in the same environment (same
plugins load, statuscheck's included). Target: the suite takes at most 1.5x the
floor. Both commands run alternately in fresh processes; medians are reported.

    python benchmarks/bench_conformance.py [--runs N] [--impl PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _timing import median_wall_pair

TARGET = 1.5
REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--impl", default="http.HTTPStatus")
    args = parser.parse_args()
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    with tempfile.TemporaryDirectory() as scratch:
        trivial = Path(scratch) / "test_trivial.py"
        trivial.write_text("def test_trivial():\n    pass\n", encoding="utf-8")
        suite, floor = median_wall_pair(
            [*pytest, str(REPO / "conformance"), f"--impl={args.impl}"],
            [*pytest, str(trivial)],
            args.runs,
            cwd=str(REPO),
        )
    ratio = suite / floor
    print(f"Python {sys.version.split()[0]}, impl {args.impl}")
    print(
        f"conformance suite: {suite:.3f} s   bare pytest floor: {floor:.3f} s   ratio {ratio:.2f}"
    )
    print(f"target: ratio <= {TARGET}: {'met' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
