"""The registry: the data everything else is judged against, and its formats.

The model (:class:`~statuscheck.registry.model.Registry`, entries, references),
IANA's CSV, XML and XHTML codecs, the pinned snapshot with its provenance and
atomic write, the semantic diff between two registries, the registry's history
since 2015, and the phrases RFCs and the registry have since replaced. The bottom
stage: it imports nothing else of statuscheck's.
"""
