"""Findings: one run of the checks on one implementation, and the verdict on each.

The engine (:func:`~statuscheck.findings.engine.check_implementation`), the
:class:`~statuscheck.findings.report.ConformanceReport` with its outcomes, and
declared deviations that turn an expected finding into an expected failure, and
the dating of a table against the registry history.
Every view presents these reports and none re-judges them.
"""
