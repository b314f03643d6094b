"""Status tables as real source files: miniatures rendered by code, loaded from disk, compared.

The miniatures of :mod:`tests.miniatures` are built at run time, which
``statuscheck fix`` cannot edit; rendering them to ``.py`` files gives the
fix real source to work on while the tables stay derived from the snapshot.
"""

from __future__ import annotations

import difflib
import enum
import importlib.util
import itertools
import sys
import types
from collections.abc import Iterator, Mapping
from pathlib import Path

from statuscheck.findings.engine import check_implementation, registry_and_info
from statuscheck.findings.report import ConformanceReport
from statuscheck.fixes.apply import Fixed, fix_source
from statuscheck.fixes.locate import Kind, Target
from statuscheck.fixes.plan import Plan, Rename, ReplacePhrase, plan_fixes

_ENUM_HEADER = """
import enum


class {name}(enum.{base}):
    def __new__(cls, value, phrase="", description=""):
        member = int.__new__(cls, value)
        member._value_ = value
        member.phrase = phrase
        member.description = description
        return member

"""
_counter = itertools.count()


def render_enum(cls: type[enum.Enum]) -> str:
    """An enum class statement defining ``cls``'s members and aliases, in definition order."""
    plain = not hasattr(next(iter(cls)), "phrase")
    header = "\nimport enum\n\n\nclass {name}(enum.Enum):\n" if plain else _ENUM_HEADER
    lines = [header.format(name=cls.__name__, base="IntEnum")]
    for name, member in cls.__members__.items():
        if member.name != name:
            lines.append(f"    {name} = {member.name}\n")
        elif plain:
            lines.append(f"    {name} = {member.value!r}\n")
        else:
            value = (member.value, member.phrase, member.description)  # type: ignore[attr-defined]
            lines.append(f"    {name} = {value!r}\n")
    return "".join(lines)


def render_constants(module: types.ModuleType) -> str:
    return "".join(
        f"{name} = {value!r}\n" for name, value in vars(module).items() if name.isupper()
    )


def render_mapping(name: str, mapping: Mapping[int, str]) -> str:
    items = "".join(f"    {key!r}: {value!r},\n" for key, value in mapping.items())
    return f"{name} = {{\n{items}}}\n"


def load(path: Path, attribute: str = "", package: str = "") -> object:
    """Execute ``path`` under a private module name; its ``attribute`` (or the module itself).

    Inside ``package`` (already imported), the file's relative imports resolve there.
    No bytecode is cached: a file fixed within the same second, at the same size,
    would otherwise load its stale ``.pyc``.
    """
    name = f"_statuscheck_source_{next(_counter)}"
    name = f"{package}.{name}" if package else name
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = writes_bytecode
        sys.modules.pop(name, None)
    return getattr(module, attribute) if attribute else module


def check(obj: object) -> ConformanceReport:
    return check_implementation(obj, aliases=None, checks=("values", "phrases", "aliases"))


def plan_for(obj: object) -> Plan:
    registry, _ = registry_and_info(None)
    return plan_fixes(check(obj).findings, registry)


def fix_file(path: Path, kind: Kind, name: str, obj: object) -> Fixed:
    """The fix ``statuscheck fix`` computes for ``obj``, whose source is ``path``."""
    return fix_source(path.read_bytes(), Target(path, kind, name), plan_for(obj))


#: The errors a fix must leave none of: phrases, names and missing codes.
FIXABLE = ("phrases", "aliases")


def fixable_errors(report: ConformanceReport) -> list[tuple[str, int | None, str]]:
    return [
        (f.check, f.code, f.kind)
        for f in report.findings
        if f.severity == "error"
        and (f.check in FIXABLE or f.kind == "missing-code")
        and f.kind != "wrong-embedded-code"
    ]


def assert_fixed_exactly(before: ConformanceReport, after: ConformanceReport) -> None:
    """No fixable error is left, and every other finding is reported exactly as before."""
    assert fixable_errors(after) == []
    left = {(f.check, f.code, f.kind) for f in after.findings}
    assert left == {(f.check, f.code, f.kind) for f in before.findings} - set(
        fixable_errors(before)
    )


def assert_only_targets_changed(fixed: Fixed) -> None:
    """Lines are only added, or edited where they spell a phrase or name being fixed.

    So every line the fix did not target is byte-identical.
    """
    targets = {e.old for e in fixed.applied if isinstance(e, (ReplacePhrase, Rename))}
    for tag, old, new in changed_lines(fixed.original.decode(), fixed.fixed.decode()):
        assert tag in ("insert", "replace"), old
        assert len(new) >= len(old)
        for line in old:
            assert any(target in line for target in targets), line


def changed_lines(before: str, after: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """Each hunk of the change: (opcode, old lines, new lines); equal stretches left out."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield tag, old[i1:i2], new[j1:j2]
