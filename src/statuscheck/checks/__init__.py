"""Checks: pure functions from a table and the registry to findings.

One module per check (values, phrases, descriptions, ordering, aliases, api),
and :class:`~statuscheck.checks.finding.Finding`, the one currency they all
produce. Imports tables and the registry; never prints, never raises for a
defect in the table (a defect is a finding).
"""
