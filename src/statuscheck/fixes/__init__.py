"""Fixes: the engine's findings turned into edits of the implementation's own source.

``statuscheck fix`` never judges a table itself: it plans edits from the
findings of :func:`statuscheck.findings.engine.check_implementation` (one
engine, many views) and applies them with libcst, so formatting and comments
survive. Imports findings and below; libcst is imported only here.
"""
