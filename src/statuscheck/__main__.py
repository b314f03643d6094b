"""``python -m statuscheck``: the command-line interface."""

from __future__ import annotations

from statuscheck.cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
