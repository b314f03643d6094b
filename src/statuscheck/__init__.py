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
    from statuscheck._csv_codec import dump_csv, parse_csv
    from statuscheck._deviations import Deviation
    from statuscheck._diff import Change, diff_registries
    from statuscheck._engine import ConformanceReport, Outcome, check_implementation
    from statuscheck._errors import RegistryError, StatuscheckError
    from statuscheck._fetch import FetchError
    from statuscheck._findings import ConformanceWarning, Finding
    from statuscheck._formats import load_registry, parse_registry
    from statuscheck._history import FORMER_PHRASES, FormerPhrase, phrase_to_name
    from statuscheck._matrix import Implementation, Matrix, build_matrix
    from statuscheck._model import Entry, Reference, Registry
    from statuscheck._resolve import ImplementationError
    from statuscheck._snapshot import (
        Provenance,
        load_provenance,
        load_snapshot,
        snapshot_path,
    )

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
    "Change": "statuscheck._diff",
    "FetchError": "statuscheck._fetch",
    "diff_registries": "statuscheck._diff",
    "load_registry": "statuscheck._formats",
    "parse_registry": "statuscheck._formats",
    "ConformanceReport": "statuscheck._engine",
    "ConformanceWarning": "statuscheck._findings",
    "Deviation": "statuscheck._deviations",
    "Finding": "statuscheck._findings",
    "ImplementationError": "statuscheck._resolve",
    "Outcome": "statuscheck._engine",
    "check_implementation": "statuscheck._engine",
    "Implementation": "statuscheck._matrix",
    "Matrix": "statuscheck._matrix",
    "build_matrix": "statuscheck._matrix",
    "FORMER_PHRASES": "statuscheck._history",
    "Entry": "statuscheck._model",
    "FormerPhrase": "statuscheck._history",
    "Provenance": "statuscheck._snapshot",
    "Reference": "statuscheck._model",
    "Registry": "statuscheck._model",
    "RegistryError": "statuscheck._errors",
    "StatuscheckError": "statuscheck._errors",
    "dump_csv": "statuscheck._csv_codec",
    "load_provenance": "statuscheck._snapshot",
    "load_snapshot": "statuscheck._snapshot",
    "parse_csv": "statuscheck._csv_codec",
    "phrase_to_name": "statuscheck._history",
    "snapshot_path": "statuscheck._snapshot",
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
