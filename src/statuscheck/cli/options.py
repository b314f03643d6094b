"""Options several commands share, spelled and explained the same way in each.

``--as-of`` exists because a verdict depends on the day: a temporary
registration is expected until it expires, and tests, records and CI runs
must be able to pin that day instead of inheriting the machine's clock.
"""

from __future__ import annotations

import argparse
import datetime

__all__ = ["add_as_of"]


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=datetime.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="judge temporary registrations as of this date (default: today)",
    )
