"""The one error every table source raises: the table cannot be loaded or read."""

from __future__ import annotations

from statuscheck.registry.errors import StatuscheckError

__all__ = ["ImplementationError"]


class ImplementationError(StatuscheckError):
    """An implementation (or aliases module) cannot be loaded or read."""
