"""Tables: any status-code implementation, read into one normalised shape.

Resolving ``--impl`` to an object, and the adapters that read an enum, a
constants module, a mapping, a lookup object or status-line strings into a
:class:`~statuscheck.tables.table.StatusTable`. Imports only the registry.
"""
