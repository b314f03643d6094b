"""``statuscheck matrix``: many implementations, checked in one process, as one table.

Modes, all over the same implementations list (IMPL arguments, ``--file``, or
``DIR/implementations.toml``, narrowed with ``--only``):

* default: run the harness and render the matrix (markdown, JSON or HTML);
  with ``--expectations DIR`` each row's recorded deviations are declared, so
  the exit status says whether every implementation behaves as recorded;
* ``--write-expectations`` / ``--check-expectations``: (re)generate DIR's
  records from this run, or fail when one would change (what tox runs);
* ``--recorded``: render the matrix DIR's records describe, importing nothing
  (every Python's stdlib and every library in one table);
* ``--update-readme PATH``: put that recorded matrix between the README's markers.

Exit status: 0 when every row conforms (or behaves as recorded) and the
records are current, 1 otherwise, 2 on bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, TextIO

from statuscheck.cli.options import add_as_of

__all__ = ["DEFAULT_DIRECTORY", "progress_writer", "register", "run"]

DEFAULT_DIRECTORY = Path("expectations")

#: The formats of :func:`statuscheck.reports.matrix.render`, named here so that
#: building the parser imports no renderer; ``--output``'s suffix implies one.
FORMATS = ("markdown", "json", "html")
_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "matrix",
        help="check many implementations and render the ecosystem matrix",
        description="Check many status-code implementations in one process and render the "
        "result as a matrix: implementations x checks, and what each has per code.",
    )
    parser.add_argument(
        "impls",
        nargs="*",
        metavar="IMPL",
        help="pkg.module.Attr, pkg.module:Attr or module (default: the implementations list)",
    )
    parser.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="implementations list: [[implementation]] name = ..., tables = [...] "
        "(default: DIR/implementations.toml when no IMPL is given)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="only this implementation of the list, e.g. starlette or stdlib (repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="markdown (default), json or html; implied by --output's suffix "
        "(.md, .markdown, .json, .html, .htm) when not given",
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="PATH", help="write the matrix here, not to stdout"
    )
    parser.add_argument(
        "--expectations",
        type=Path,
        metavar="DIR",
        help="declare each implementation's recorded deviations from DIR/<name>-<version>.toml "
        f"(the modes below use DIR, default ./{DEFAULT_DIRECTORY})",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--write-expectations",
        action="store_true",
        help="write each implementation's record in DIR from this run",
    )
    mode.add_argument(
        "--check-expectations",
        action="store_true",
        help="exit 1 when a record in DIR differs from what this run would write",
    )
    mode.add_argument(
        "--recorded",
        action="store_true",
        help="render the matrix recorded in DIR (every Python, every library), importing nothing",
    )
    mode.add_argument(
        "--update-readme",
        type=Path,
        metavar="README",
        help="replace the matrix between README's <!-- matrix:start/end --> markers with the "
        "recorded matrix",
    )
    add_as_of(parser)
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress line on stderr, even on a terminal"
    )
    parser.set_defaults(run=run)


def progress_writer(stream: TextIO) -> Callable[[int, int, str], None] | None:
    """A one-line progress indicator for ``stream``; ``None`` unless it is a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, impl: str) -> None:
        if done >= total:
            stream.write("\r\x1b[K")
        else:
            stream.write(f"\r\x1b[Kstatuscheck matrix: [{done + 1}/{total}] {impl}")
        stream.flush()

    return show


def run(args: argparse.Namespace) -> int:
    from statuscheck.matrix.build import build_matrix
    from statuscheck.matrix.expectations import (
        check_expectations,
        declared_from,
        write_expectations,
    )
    from statuscheck.matrix.implementations import adhoc_implementation, load_implementations
    from statuscheck.matrix.model import Implementation, MatrixError
    from statuscheck.matrix.recorded import IMPLEMENTATIONS_FILE, load_recorded
    from statuscheck.reports.matrix import render
    from statuscheck.reports.matrix_markdown import readme_block, replace_readme_block
    from statuscheck.tables.resolve import import_from_cwd

    fmt = _format(args)
    import_from_cwd()
    directory: Path = args.expectations or DEFAULT_DIRECTORY
    listed = args.file or directory / IMPLEMENTATIONS_FILE
    implementations: list[Implementation] = []
    if args.file is not None or not args.impls:
        if not listed.is_file():
            raise MatrixError(
                f"no implementations: give IMPL arguments or --file, or run where {listed} exists"
            )
        implementations += load_implementations(listed)
    implementations += [adhoc_implementation(impl) for impl in args.impls]
    if args.only:
        unknown = sorted(set(args.only) - {i.name for i in implementations})
        if unknown:
            raise MatrixError(f"--only {', '.join(unknown)}: not in the implementations list")
        implementations = [i for i in implementations if i.name in args.only]

    if args.recorded or args.update_readme is not None:
        recorded = load_recorded(directory, implementations, only=args.only)
        if args.update_readme is not None:
            return _update_readme(args.update_readme, readme_block(recorded), replace_readme_block)
        return _emit(render(recorded, fmt), args.output)

    recording = args.write_expectations or args.check_expectations
    matrix = build_matrix(
        implementations,
        declared=declared_from(directory) if args.expectations and not recording else None,
        today=args.as_of,
        progress=None if args.no_progress else progress_writer(sys.stderr),
    )
    for reason in matrix.skipped:
        print(f"statuscheck: skipped {reason}", file=sys.stderr)
    if args.write_expectations:
        written, problems = write_expectations(matrix, directory, implementations)
        for path in written:
            print(f"wrote {path}")
        for problem in problems:
            print(f"statuscheck: {problem}", file=sys.stderr)
        return 1 if problems else 0
    if args.check_expectations:
        problems = check_expectations(matrix, directory, implementations)
        for problem in problems:
            print(problem)
        if not problems:
            keys = sorted({row.record_key for row in matrix.rows})
            print(f"up to date: {', '.join(f'{directory / key}.toml' for key in keys)}")
        return 1 if problems else 0
    _emit(render(matrix, fmt), args.output)
    return 0 if matrix.conformant else 1


def _format(args: argparse.Namespace) -> str:
    """The format asked for, checked against ``--output``'s suffix before any work is done."""
    from statuscheck.matrix.model import MatrixError

    given: str | None = args.format
    output: Path | None = args.output
    if output is None:
        return given or "markdown"
    implied = _SUFFIXES.get(output.suffix.lower())
    if implied is None and given is None:
        raise MatrixError(
            f"{output}: cannot tell the format from {output.suffix or 'a name without suffix'}; "
            f"use {', '.join(_SUFFIXES)} or give --format"
        )
    if implied is not None and given is not None and given != implied:
        raise MatrixError(
            f"{output}: --format {given} disagrees with the suffix, which means {implied}"
        )
    return given or str(implied)


def _emit(text: str, output: Path | None) -> int:
    from statuscheck.registry.files import write_text

    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_text(output, text)
    except OSError as error:
        from statuscheck.matrix.model import MatrixError

        raise MatrixError(f"{output}: cannot write: {error.strerror or error}") from None
    return 0


def _update_readme(path: Path, block: str, replace: Callable[[str, str], str]) -> int:
    from statuscheck.matrix.model import MatrixError
    from statuscheck.registry.files import write_text

    try:
        readme = path.read_text(encoding="utf-8")
        updated = replace(readme, block)
    except (OSError, ValueError) as error:
        raise MatrixError(f"{path}: {error}") from None
    if updated == readme:
        print(f"{path}: the matrix is up to date")
    else:
        write_text(path, updated)
        print(f"{path}: matrix updated")
    return 0
