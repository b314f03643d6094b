"""The refresher: the pinned snapshot against the live registry.

A careful HTTP fetch, the comparison with its verdict (identical, equivalent,
not-modified, drift, error) and ``--write``. Imports only the registry: it
judges registries, not tables.
"""
