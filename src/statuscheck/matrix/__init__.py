"""The ecosystem matrix: many implementations through the one engine, and their records.

Which implementations to check, the rows and cells built from their reports,
and the checked-in expectations (one TOML record per implementation and
version) that CI keeps true. Imports findings and below; renderers live in
:mod:`statuscheck.reports`.
"""
