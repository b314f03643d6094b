"""Import cost and value-lookup speed of ``statuscheck.HTTPStatus`` against ``http.HTTPStatus``.

Target: both within 1.2x of the stdlib. Import cost is the time ``import``
takes as the first statement of a fresh interpreter (median of many runs,
bytecode cached, the two measured alternately); lookup speed is
``HTTPStatus(404)`` in a tight loop (best of several repeats).

    python benchmarks/bench_enum.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit

from _timing import in_process_seconds

TARGET = 1.2


def import_costs(runs: int) -> tuple[float, float]:
    ours, theirs = [], []
    for _ in range(3):  # interleave batches so background load hits both
        ours.append(in_process_seconds("from statuscheck import HTTPStatus", runs))
        theirs.append(in_process_seconds("from http import HTTPStatus", runs))
    return statistics.median(ours), statistics.median(theirs)


def lookup_costs() -> tuple[float, float]:
    import http

    import statuscheck

    number = 200_000
    ours = min(timeit.repeat(lambda: statuscheck.HTTPStatus(404), number=number, repeat=7))
    theirs = min(timeit.repeat(lambda: http.HTTPStatus(404), number=number, repeat=7))
    return ours / number, theirs / number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="processes per batch (default 15)")
    args = parser.parse_args()
    ours_import, stdlib_import = import_costs(args.runs)
    ours_lookup, stdlib_lookup = lookup_costs()
    rows = [
        ("import", ours_import * 1e6, stdlib_import * 1e6, ours_import / stdlib_import),
        ("HTTPStatus(404)", ours_lookup * 1e9, stdlib_lookup * 1e9, ours_lookup / stdlib_lookup),
    ]
    print(f"Python {sys.version.split()[0]}")
    print(f"{'measure':<18}{'statuscheck':>14}{'stdlib':>12}{'ratio':>8}")
    for (name, ours, theirs, ratio), unit in zip(rows, ("us", "ns")):
        print(f"{name:<18}{ours:>11.1f} {unit}{theirs:>9.1f} {unit}{ratio:>8.2f}")
    worst = max(row[3] for row in rows)
    print(f"target: ratio <= {TARGET}: {'met' if worst <= TARGET else 'MISSED'}")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
