"""Where a table and each of its entries are written: the file and line a vendor edits.

``inspect`` names the file that defines a class or module; ``ast`` then finds the
statement that binds each name (an enum member, a constant, a class attribute)
or, for a dict literal, the line of each item's key. A name bound by
``from .x import NAME`` is followed to the module that assigns it, so
``requests.codes`` points into ``requests/status_codes.py``. Nothing here raises:
a table built at run time, a C extension or a missing source file simply has no
location, and reports print the finding without one.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import enum
import functools
import importlib.util
import inspect
import os
import sys
import types
from collections.abc import Iterator, Mapping

from statuscheck.tables.table import Location

__all__ = ["Located", "display_path", "locate", "locate_file"]

#: How many ``from x import NAME`` re-exports are followed before giving up.
_MAX_HOPS = 8


@dataclasses.dataclass(frozen=True)
class Located:
    """The table's own location and its entries' (keyed by name, or by key for dict literals)."""

    table: Location | None = None
    entries: Mapping[object, Location] = dataclasses.field(default_factory=dict)

    def entry(self, key: object) -> Location | None:
        try:
            return self.entries.get(key)
        except TypeError:  # an unhashable key of a garbage table
            return None


def display_path(path: str) -> str:
    """``path`` relative to the current directory when it lies under it, as editors want."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute.startswith(cwd + os.sep):
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    return absolute


def locate(obj: object, label: str) -> Located:
    """Where ``obj`` -- a class, a module, or a value a module binds as ``label`` -- is written."""
    try:
        if isinstance(obj, types.ModuleType):
            return _locate_module(obj)
        if isinstance(obj, type):
            return _locate_class(obj)
        return _locate_value(label)
    except (OSError, TypeError, ValueError, SyntaxError, RecursionError):
        return Located()


def locate_file(module: types.ModuleType) -> Located:
    """The module's file (its first line), without reading what is in it."""
    try:
        path = inspect.getsourcefile(module)
    except TypeError:  # a built-in module
        return Located()
    return Located(Location(display_path(path), 1) if path is not None else None)


def _locate_module(module: types.ModuleType) -> Located:
    parsed = _parse_module(module)
    if parsed is None:
        return Located()
    path, tree = parsed
    entries: dict[object, Location] = {}
    for name, (line, statement) in _bindings(tree.body).items():
        here = Location(path, line)
        # A re-exported constant points where it is assigned. Only ints and strings can be
        # table entries; following every imported function would parse half the stdlib.
        value = vars(module).get(name)
        if isinstance(statement, ast.ImportFrom) and isinstance(value, (int, str)):
            here = _locate_binding(module, name, 0).table or here
        entries[name] = here
    return Located(Location(path, 1), entries)


def _locate_class(cls: type) -> Located:
    for path, tree in _class_sources(cls):
        node = _class_node(cls, tree)
        if node is not None:
            entries: dict[object, Location] = {
                name: Location(path, line) for name, (line, _) in _bindings(node.body).items()
            }
            return Located(Location(path, node.lineno), entries)
    # Built at run time (``Enum("Status", ...)``): where its name is bound, if anywhere.
    module = sys.modules.get(cls.__module__)
    parsed = _parse_module(module) if module is not None else None
    binding = _bindings(parsed[1].body).get(cls.__name__) if parsed is not None else None
    return Located(Location(parsed[0], binding[0]) if parsed and binding else None)


def _class_sources(cls: type) -> Iterator[tuple[str, ast.Module]]:
    """The files that may hold ``class cls``: its module's, then those of its methods.

    Packages re-label what they export (httpx sets ``codes.__module__ = "httpx"``);
    a method's code object still knows the file it was compiled from.
    """
    module = sys.modules.get(cls.__module__)
    paths = [inspect.getsourcefile(module)] if module is not None else []
    for value in vars(cls).values():
        function = getattr(value, "__func__", value)  # classmethod and staticmethod wrap it
        code = getattr(function, "__code__", None)
        qualname = getattr(function, "__qualname__", "")
        if code is not None and qualname.startswith(f"{cls.__qualname__}."):
            paths.append(code.co_filename)
    for path in dict.fromkeys(paths):
        parsed = _parse_file(path) if path else None
        if parsed is not None:
            yield parsed


def _locate_value(label: str) -> Located:
    """A mapping or lookup object: where its name is bound, and its dict literal's keys.

    For ``pkg.mod:Holder.TABLE`` that is where ``Holder`` is bound in ``pkg.mod``.
    """
    module_name, _, attribute = label.partition(":")
    if not attribute:  # pkg.mod.Holder.TABLE: the longest imported prefix is the module
        parts = label.split(".")
        split = next(
            (i for i in range(len(parts) - 1, 0, -1) if ".".join(parts[:i]) in sys.modules), 0
        )
        module_name, attribute = ".".join(parts[:split]), ".".join(parts[split:])
    module = sys.modules.get(module_name)
    if module is None or not attribute:
        return Located()
    return _locate_binding(module, attribute.split(".")[0], 0)


def _locate_binding(module: types.ModuleType, name: str, hops: int) -> Located:
    parsed = _parse_module(module)
    if parsed is None:
        return Located()
    path, tree = parsed
    binding = _bindings(tree.body).get(name)
    if binding is None:
        return Located()
    line, statement = binding
    source = _imported_from(module, statement, name)
    if source is not None and hops < _MAX_HOPS:
        followed = _locate_binding(source[0], source[1], hops + 1)
        if followed.table is not None:
            return followed
    value = getattr(statement, "value", None)
    entries: dict[object, Location] = {}
    if isinstance(value, ast.Dict):
        for key in value.keys:
            evaluated = _evaluate(key, module) if key is not None else _UNKNOWN
            if evaluated is not _UNKNOWN and key is not None:
                with contextlib.suppress(TypeError):  # unhashable keys name no entry
                    entries[evaluated] = Location(path, key.lineno)
    return Located(Location(path, line), entries)


def _imported_from(
    module: types.ModuleType, statement: ast.stmt, name: str
) -> tuple[types.ModuleType, str] | None:
    if not isinstance(statement, ast.ImportFrom):
        return None
    package = module.__name__ if hasattr(module, "__path__") else module.__name__.rpartition(".")[0]
    try:
        source_name = importlib.util.resolve_name(
            "." * statement.level + (statement.module or ""), package
        )
    except (ImportError, ValueError):
        return None
    source = sys.modules.get(source_name)
    original = next(
        (alias.name for alias in statement.names if (alias.asname or alias.name) == name), name
    )
    return (source, original) if source is not None and source is not module else None


def _bindings(body: list[ast.stmt]) -> dict[str, tuple[int, ast.stmt]]:
    """Each name a block binds, with the line and statement of its first binding."""
    found: dict[str, tuple[int, ast.stmt]] = {}
    for statement in _statements(body):
        for name in _bound_names(statement):
            found.setdefault(name, (statement.lineno, statement))
    return found


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The block's statements, looking inside ``if``/``try``/``with``, not into defs."""
    for statement in body:
        yield statement
        if isinstance(statement, (ast.If, ast.For, ast.While, ast.With)):
            yield from _statements(statement.body)
            yield from _statements(getattr(statement, "orelse", []))
        elif isinstance(statement, ast.Try):
            yield from _statements(statement.body)
            for handler in statement.handlers:
                yield from _statements(handler.body)
            yield from _statements(statement.orelse)
            yield from _statements(statement.finalbody)


def _bound_names(statement: ast.stmt) -> Iterator[str]:
    if isinstance(statement, ast.Assign):
        for target in statement.targets:
            yield from _target_names(target)
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        yield from _target_names(statement.target)
    elif isinstance(statement, (ast.Import, ast.ImportFrom)):
        for alias in statement.names:
            yield (alias.asname or alias.name).split(".")[0]
    elif isinstance(statement, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        yield statement.name


def _target_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)


def _class_node(cls: type, tree: ast.Module) -> ast.ClassDef | None:
    candidates = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__
    ]
    if len(candidates) > 1:  # the same name twice in one module: ask inspect which
        first_line = inspect.findsource(cls)[1] + 1
        candidates = [
            node
            for node in candidates
            if first_line in (node.lineno, *(d.lineno for d in node.decorator_list))
        ]
    return candidates[0] if len(candidates) == 1 else None


_UNKNOWN = object()


def _evaluate(node: ast.expr, module: types.ModuleType) -> object:
    """A dict key's value: a literal, or a name or attribute the module binds (``_OK``)."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        pass
    if isinstance(node, ast.Name):
        return vars(module).get(node.id, _UNKNOWN)
    if isinstance(node, ast.Attribute):
        owner = _evaluate(node.value, module)
        if isinstance(owner, enum.EnumMeta):
            return owner.__members__.get(node.attr, _UNKNOWN)
        if isinstance(owner, (type, types.ModuleType)):
            return vars(owner).get(node.attr, _UNKNOWN)
    return _UNKNOWN


def _parse_module(module: types.ModuleType) -> tuple[str, ast.Module] | None:
    try:
        path = inspect.getsourcefile(module)
    except TypeError:  # a built-in module
        return None
    return _parse_file(path) if path is not None else None


def _parse_file(path: str) -> tuple[str, ast.Module] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    tree = _parse(os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    return (display_path(path), tree) if tree is not None else None


@functools.lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int, size: int) -> ast.Module | None:
    """The parsed file, cached while it is unchanged (the matrix reads some modules twice)."""
    try:
        with open(path, "rb") as source:
            return ast.parse(source.read(), filename=path)
    except (OSError, SyntaxError, ValueError):
        return None
