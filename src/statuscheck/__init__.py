"""statuscheck: the IANA HTTP Status Code Registry, pinned, as an enum and as a conformance suite.

``statuscheck.HTTPStatus`` is imported eagerly and costs what ``http.HTTPStatus``
costs; everything else is loaded on first attribute access, so that using the
reference enum never imports the registry parser, requests, bs4, hypothesis or
pytest.

Like the generated enum, this module does without ``from __future__ import
annotations``: it sits on the import path of ``statuscheck.HTTPStatus`` and its
few annotations evaluate fine on every supported Python.
"""

from statuscheck._httpstatus import HTTPStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statuscheck import client
    from statuscheck.checks.finding import ConformanceWarning, Finding
    from statuscheck.findings.deviations import Deviation
    from statuscheck.findings.engine import check_implementation
    from statuscheck.findings.report import ConformanceReport, Outcome
    from statuscheck.matrix.build import build_matrix
    from statuscheck.matrix.model import Implementation, Matrix
    from statuscheck.refresh.fetch_model import FetchError
    from statuscheck.registry.csv_codec import dump_csv, parse_csv
    from statuscheck.registry.diff import Change, diff_registries
    from statuscheck.registry.errors import RegistryError, StatuscheckError
    from statuscheck.registry.formats import load_registry, parse_registry
    from statuscheck.registry.former_phrases import FORMER_PHRASES, FormerPhrase, phrase_to_name
    from statuscheck.registry.model import Entry, Reference, Registry
    from statuscheck.registry.snapshot import (
        Provenance,
        load_provenance,
        load_snapshot,
        snapshot_path,
    )
    from statuscheck.tables.resolve import ImplementationError

    __version__: str

__all__ = [
    "FORMER_PHRASES",
    "Change",
    "ConformanceReport",
    "ConformanceWarning",
    "Deviation",
    "Entry",
    "FetchError",
    "Finding",
    "FormerPhrase",
    "HTTPStatus",
    "Implementation",
    "ImplementationError",
    "Matrix",
    "Outcome",
    "Provenance",
    "Reference",
    "Registry",
    "RegistryError",
    "StatuscheckError",
    "__version__",
    "build_matrix",
    "check_implementation",
    "client",
    "diff_registries",
    "dump_csv",
    "load_provenance",
    "load_registry",
    "load_snapshot",
    "parse_csv",
    "parse_registry",
    "phrase_to_name",
    "snapshot_path",
]

_LAZY = {
    "Change": "statuscheck.registry.diff",
    "FetchError": "statuscheck.refresh.fetch_model",
    "diff_registries": "statuscheck.registry.diff",
    "load_registry": "statuscheck.registry.formats",
    "parse_registry": "statuscheck.registry.formats",
    "ConformanceReport": "statuscheck.findings.report",
    "ConformanceWarning": "statuscheck.checks.finding",
    "Deviation": "statuscheck.findings.deviations",
    "Finding": "statuscheck.checks.finding",
    "ImplementationError": "statuscheck.tables.resolve",
    "Outcome": "statuscheck.findings.report",
    "check_implementation": "statuscheck.findings.engine",
    "Implementation": "statuscheck.matrix.model",
    "Matrix": "statuscheck.matrix.model",
    "build_matrix": "statuscheck.matrix.build",
    "FORMER_PHRASES": "statuscheck.registry.former_phrases",
    "Entry": "statuscheck.registry.model",
    "FormerPhrase": "statuscheck.registry.former_phrases",
    "Provenance": "statuscheck.registry.snapshot",
    "Reference": "statuscheck.registry.model",
    "Registry": "statuscheck.registry.model",
    "RegistryError": "statuscheck.registry.errors",
    "StatuscheckError": "statuscheck.registry.errors",
    "dump_csv": "statuscheck.registry.csv_codec",
    "load_provenance": "statuscheck.registry.snapshot",
    "load_snapshot": "statuscheck.registry.snapshot",
    "parse_csv": "statuscheck.registry.csv_codec",
    "phrase_to_name": "statuscheck.registry.former_phrases",
    "snapshot_path": "statuscheck.registry.snapshot",
}


def __getattr__(name: str) -> object:
    import importlib  # here, not at the top: it is not loaded at start-up

    if name == "client":
        return importlib.import_module("statuscheck.client")
    if name == "__version__":  # from the installed metadata: one source of truth
        from importlib.metadata import version

        return version("statuscheck")
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'statuscheck' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
