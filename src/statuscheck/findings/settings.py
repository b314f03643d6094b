"""Settings that ``statuscheck check`` and the pytest plugin read alike.

An option given on the command line wins over ``[tool.statuscheck]`` in
``pyproject.toml``, which wins over the default; a bad value in either names
where it came from, so the two front ends reject the same mistakes the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from statuscheck.checks.values import MISSING_POLICIES, MissingPolicy
from statuscheck.registry.errors import StatuscheckError

__all__ = ["SettingsError", "missing_policy"]


class SettingsError(StatuscheckError):
    """A ``[tool.statuscheck]`` setting has a value statuscheck does not understand."""


def missing_policy(given: str | None, settings: dict[str, Any], source: Path) -> MissingPolicy:
    """``--missing``, else ``missing = ...`` from the settings, else ``"error"``."""
    value: object = given if given is not None else settings.get("missing", "error")
    for policy in MISSING_POLICIES:
        if value == policy:
            return policy
    raise SettingsError(
        f"{source} [tool.statuscheck]: missing = {value!r} is not one of "
        f"{', '.join(MISSING_POLICIES)}"
    )
