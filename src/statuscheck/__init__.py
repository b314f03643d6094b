"""statuscheck: the IANA HTTP Status Code Registry, pinned, as an enum and as a conformance suite.

``statuscheck.HTTPStatus`` is imported eagerly and costs what ``http.HTTPStatus``
costs; everything else is loaded on first attribute access, so that using the
reference enum never imports the registry parser, requests, bs4, hypothesis or
pytest.
"""

from __future__ import annotations

import importlib

from statuscheck._httpstatus import HTTPStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statuscheck import client
    from statuscheck._csv_codec import dump_csv, parse_csv
    from statuscheck._deviations import Deviation
    from statuscheck._engine import ConformanceReport, Outcome, check_implementation
    from statuscheck._errors import RegistryError, StatuscheckError
    from statuscheck._findings import ConformanceWarning, Finding
    from statuscheck._history import FORMER_PHRASES, FormerPhrase, phrase_to_name
    from statuscheck._model import Entry, Reference, Registry
    from statuscheck._resolve import ImplementationError
    from statuscheck._snapshot import (
        Provenance,
        load_provenance,
        load_snapshot,
        snapshot_path,
    )

__all__ = [
    "FORMER_PHRASES",
    "ConformanceReport",
    "ConformanceWarning",
    "Deviation",
    "Entry",
    "Finding",
    "FormerPhrase",
    "HTTPStatus",
    "ImplementationError",
    "Outcome",
    "Provenance",
    "Reference",
    "Registry",
    "RegistryError",
    "StatuscheckError",
    "check_implementation",
    "client",
    "dump_csv",
    "load_provenance",
    "load_snapshot",
    "parse_csv",
    "phrase_to_name",
    "snapshot_path",
]

_LAZY = {
    "ConformanceReport": "statuscheck._engine",
    "ConformanceWarning": "statuscheck._findings",
    "Deviation": "statuscheck._deviations",
    "Finding": "statuscheck._findings",
    "ImplementationError": "statuscheck._resolve",
    "Outcome": "statuscheck._engine",
    "check_implementation": "statuscheck._engine",
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
    if name == "client":
        return importlib.import_module("statuscheck.client")
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'statuscheck' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
