"""``statuscheck generate``: rewrite (or verify) the generated reference enum."""

from __future__ import annotations

import argparse
import sys

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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.codegen.generate import generate_from_snapshot, write_generated

    files = generate_from_snapshot()
    if args.check:
        stale = [
            path
            for path, text in files.by_path().items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path}: out of date; run `statuscheck generate`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_generated(files):
        print(f"wrote {path}")
    return 0
