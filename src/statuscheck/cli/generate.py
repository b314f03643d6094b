"""``statuscheck generate``: rewrite (or verify) the reference enum and the registry history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="regenerate statuscheck.HTTPStatus and statuscheck.client from the snapshot",
        description="Regenerate the reference enum, its stub and its constants module "
        "from the pinned snapshot and the descriptions table.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the committed files differ from what would be generated",
    )
    parser.add_argument(
        "--history",
        type=Path,
        metavar="DIR",
        help="the registry files IANA published (default: shared/iana/history beside the "
        "checkout, when it exists); regenerates the shipped registry history",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.codegen.generate import generate_from_snapshot, write_files
    from statuscheck.codegen.history import default_history_dir, generate_history
    from statuscheck.registry.errors import StatuscheckError
    from statuscheck.registry.history import HISTORY_DATA

    by_path = generate_from_snapshot().by_path()
    history = args.history if args.history is not None else default_history_dir()
    if history is None:
        print("no registry history directory: history.json left as it is", file=sys.stderr)
    else:
        try:
            by_path[HISTORY_DATA] = generate_history(history)
        except StatuscheckError as error:
            print(f"statuscheck generate: {error}", file=sys.stderr)
            return 2
    if args.check:
        stale = [
            path
            for path, text in by_path.items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path}: out of date; run `statuscheck generate`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_files(by_path):
        print(f"wrote {path}")
    return 0
