"""The error types statuscheck raises.

Every problem with input a user controls -- a registry file, an implementation
path, a declaration of deviations -- is reported through one of these, so the
CLI can print a single line naming the file/line or object at fault and exit
with a distinct status instead of showing a traceback.
"""

from __future__ import annotations

__all__ = ["RegistryError", "StatuscheckError"]


class StatuscheckError(Exception):
    """Base class for every error statuscheck reports to its users."""


class RegistryError(StatuscheckError, ValueError):
    """A registry file (or a registry built in code) is not a valid IANA registry.

    The message always names where the problem is: ``source:line: problem``
    when the line is known, ``source: problem`` otherwise.
    """

    def __init__(self, problem: str, *, source: str = "<registry>", line: int | None = None):
        self.problem = problem
        self.source = source
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {problem}")
