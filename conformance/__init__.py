"""The statuscheck conformance suite: ``pytest conformance --impl=pkg.module.Attr``.

Installed with statuscheck as ``statuscheck.conformance``, so vendors run the
same suite with ``pytest --pyargs statuscheck.conformance --impl=...``.
"""
