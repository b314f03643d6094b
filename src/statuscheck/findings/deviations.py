"""Declared deviations: codes an implementation differs on *on purpose*, with a reason.

Declarations come from the command line (``phrases:413=reason``), from a
TOML file, or from the ``[tool.statuscheck.deviations]`` table of a vendor's
``pyproject.toml``; a table keyed by implementation
(``[tool.statuscheck.deviations."pkg.Status"]``) scopes declarations to it.
A declaration is a promise that the deviation exists: one that no longer
deviates is reported as stale, so lists never rot. A scope is matched however
the implementation is spelled (``pkg.mod:Attr`` or ``pkg.mod.Attr``), and
scopes none of which is for the implementation checked are reported, since
their declarations would otherwise be ignored without a word.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from statuscheck.checks.finding import CHECKS, Check, Finding
from statuscheck.registry.errors import StatuscheckError

__all__ = [
    "PLACEHOLDER_REASON",
    "Declarations",
    "Deviation",
    "DeviationError",
    "deviation_entries",
    "deviations_from_table",
    "format_deviations",
    "gather_declarations",
    "load_deviations_file",
    "load_pyproject_settings",
    "parse_deviation",
    "read_toml",
    "same_implementation",
    "toml_string",
]

#: The reason ``--print-deviations`` gives a new declaration: only its author knows why.
PLACEHOLDER_REASON = "TODO: why"

_KEY = re.compile(r"^(?P<check>[a-z]+):(?P<code>-?\d+|\*)$")


class DeviationError(StatuscheckError):
    """A deviation declaration cannot be understood."""


@dataclasses.dataclass(frozen=True)
class Deviation:
    """``check`` deviates on ``code`` (``None``: on findings that belong to no code)."""

    check: Check
    code: int | None
    reason: str
    source: str = "<command line>"

    @property
    def key(self) -> str:
        return f"{self.check}:{'*' if self.code is None else self.code}"


@dataclasses.dataclass(frozen=True)
class Declarations:
    """The deviations declared for one implementation, and notes on declarations that miss it."""

    deviations: tuple[Deviation, ...]
    notes: tuple[str, ...] = ()


def same_implementation(first: str, second: str) -> bool:
    """``pkg.mod:Attr`` and ``pkg.mod.Attr`` name one object, so they match either way."""
    return first.replace(":", ".") == second.replace(":", ".")


def parse_deviation(text: str, *, source: str = "<command line>") -> Deviation:
    """``phrases:413=Kept for compatibility`` -> a :class:`Deviation`."""
    key, separator, reason = text.partition("=")
    if not separator or not reason.strip():
        raise DeviationError(f"{source}: {text!r} needs a reason: CHECK:CODE=REASON")
    return _deviation(key.strip(), reason.strip(), source)


def deviations_from_table(
    table: object, *, source: str, impl: str | None = None
) -> tuple[Deviation, ...]:
    """Read a ``{"check:code": reason}`` table, plus the sub-table keyed by ``impl``."""
    if not isinstance(table, dict):
        raise DeviationError(f"{source}: deviations must be a table of 'check:code' = 'reason'")
    found: list[Deviation] = []
    for key, value in table.items():
        if isinstance(value, dict):
            if impl is not None and same_implementation(key, impl):
                found += deviations_from_table(value, source=f"{source} [{key}]")
            continue
        if not isinstance(value, str) or not value.strip():
            raise DeviationError(f"{source}: {key!r} needs a non-empty reason string")
        found.append(_deviation(str(key), value.strip(), source))
    return tuple(found)


def load_deviations_file(path: Path, *, impl: str | None = None) -> tuple[Deviation, ...]:
    """Deviations from a TOML file's ``[deviations]`` (or ``[tool.statuscheck.deviations]``)."""
    return deviations_from_table(_file_table(path), source=str(path), impl=impl)


def gather_declarations(
    *,
    impl: str,
    settings: dict[str, Any],
    settings_source: Path,
    file: Path | None = None,
    given: tuple[Deviation, ...] = (),
) -> Declarations:
    """Everything declared for ``impl``: pyproject settings, a deviations file, then ``given``.

    The pytest plugin and ``statuscheck check`` both gather declarations here,
    so the same project configuration means the same thing to both.
    """
    tables = []
    if "deviations" in settings:
        tables.append((settings["deviations"], f"{settings_source} [tool.statuscheck.deviations]"))
    if file is not None:
        tables.append((_file_table(file), str(file)))
    declared: list[Deviation] = []
    notes: list[str] = []
    for table, source in tables:
        declared += deviations_from_table(table, source=source, impl=impl)
        notes += _unmatched_scopes(table, source=source, impl=impl)
    return Declarations((*declared, *given), tuple(notes))


def _unmatched_scopes(table: object, *, source: str, impl: str) -> list[str]:
    """A note when ``table`` has scoped sub-tables and none of them is for ``impl``."""
    scopes = (
        [key for key, value in table.items() if isinstance(value, dict)]
        if isinstance(table, dict)
        else []
    )
    if not scopes or any(same_implementation(scope, impl) for scope in scopes):
        return []
    names = ", ".join(toml_string(scope) for scope in scopes)
    return [
        f"{source}: the scoped deviations {names} match nothing here (the implementation "
        f"checked is {impl}), so they are not applied"
    ]


def _file_table(path: Path) -> object:
    document = read_toml(path)
    table = document.get("deviations")
    return _tool_settings(document).get("deviations", {}) if table is None else table


def load_pyproject_settings(path: Path) -> dict[str, Any]:
    """The ``[tool.statuscheck]`` table of a ``pyproject.toml`` ({} if there is none)."""
    if not path.is_file():
        return {}
    return _tool_settings(read_toml(path))


def deviation_entries(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """``("check:code", reason)`` per deviating check and code, in report order.

    A reason joins the distinct messages of that check and code with ``; `` --
    the form both pasteable tables and recorded expectations use.
    """
    reasons: dict[str, list[str]] = {}
    for finding in findings:
        key = f"{finding.check}:{'*' if finding.code is None else finding.code}"
        messages = reasons.setdefault(key, [])
        if finding.message not in messages:
            messages.append(finding.message)
    return [(key, "; ".join(reasons[key])) for key in sorted(reasons, key=_sort_key)]


def format_deviations(entries: Iterable[tuple[str, str]], *, impl: str | None = None) -> str:
    """``("check:code", reason)`` entries as a ``[tool.statuscheck.deviations]`` table."""
    header = "[tool.statuscheck.deviations]"
    if impl is not None:
        header = f"[tool.statuscheck.deviations.{toml_string(impl)}]"
    lines = [header]
    lines += [f"{toml_string(key)} = {toml_string(reason)}" for key, reason in entries]
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """A TOML basic string for any text: JSON's escaping, which TOML shares, plus DEL.

    Lone surrogates, which TOML cannot hold, become U+FFFD.
    """
    clean = re.sub("[\ud800-\udfff]", "\ufffd", text)
    return json.dumps(clean, ensure_ascii=False).replace("\x7f", "\\u007f")


def _deviation(key: str, reason: str, source: str) -> Deviation:
    match = _KEY.match(key)
    if match is None or match["check"] not in CHECKS:
        raise DeviationError(
            f"{source}: {key!r} is not CHECK:CODE with CHECK one of {', '.join(CHECKS)}"
        )
    check: Check = match["check"]  # validated against CHECKS above
    code = None if match["code"] == "*" else int(match["code"])
    return Deviation(check, code, reason, source)


def _sort_key(key: str) -> tuple[int, int]:
    check, _, code = key.partition(":")
    return CHECKS.index(check), -1 if code == "*" else int(code)


def _tool_settings(document: dict[str, Any]) -> dict[str, Any]:
    tool = document.get("tool", {})
    settings = tool.get("statuscheck", {}) if isinstance(tool, dict) else {}
    return settings if isinstance(settings, dict) else {}


def read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised by the py39/py310 environments
        import tomli as tomllib
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise DeviationError(f"{path}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise DeviationError(f"{path}: invalid TOML: {error}") from None
