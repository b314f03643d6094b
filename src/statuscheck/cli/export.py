"""``statuscheck export IMPL``: any table the harness reads, as a JSON table document.

The document checks exactly as the implementation does, so a table can be
judged where its library is not installed, kept as a fixture, or diffed
between versions. Written atomically: an interrupted export leaves no file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write an implementation as a JSON table document",
        description="Write any implementation statuscheck can read as a version 1 table "
        "document (schemas/table.schema.json); checking it gives the same findings.",
    )
    parser.add_argument(
        "impl",
        metavar="IMPL",
        help="pkg.module.Attr, pkg.module:Attr, a module, path/file.py[:Attr], "
        "a table document (.json, .csv) or - for standard input",
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write here, not to stdout"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from statuscheck.findings.engine import registry_and_info
    from statuscheck.registry.files import write_text_atomically
    from statuscheck.reports.table_document import render_table_document
    from statuscheck.tables.resolve import import_from_cwd, load_table

    import_from_cwd()
    registry, _ = registry_and_info(None)
    text = render_table_document(load_table(args.impl), registry)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
