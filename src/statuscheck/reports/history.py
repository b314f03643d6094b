"""Presenting code timelines from the registry history as text, JSON or markdown.

Each state shows only what changed since the one before it (its status when
that is not plain "assigned" or has changed, its phrase, its references), so a
timeline reads as the story of the code:
``413  2015-02-20 Payload Too Large [RFC7231, Section 6.5.11] → 2021-10-01 …``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from statuscheck.registry.diff import status_text
from statuscheck.registry.history import History, State

__all__ = ["FORMATS", "render_history", "to_json"]

FORMATS = ("text", "json", "markdown")


def render_history(history: History, codes: Sequence[int], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_json(history, codes), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(history, codes)
    return "".join(f"{code}  {_story(code, history.timeline(code))}\n" for code in codes)


def to_json(history: History, codes: Sequence[int]) -> dict[str, object]:
    return {
        "codes": [
            {"code": code, "states": [_state_json(state) for state in history.timeline(code)]}
            for code in codes
        ]
    }


def _state_json(state: State) -> dict[str, object]:
    data: dict[str, object] = {
        "from": state.since.isoformat(),
        "status": state.status,
        "phrase": state.phrase,
        "references": list(state.references),
    }
    if state.status == "temporary":
        data["registered"] = state.registered.isoformat() if state.registered else None
        data["extensions_registered"] = [day.isoformat() for day in state.extensions_registered]
        data["expires"] = state.expires.isoformat() if state.expires else None
    return data


def _story(code: int, states: Sequence[State]) -> str:
    steps = []
    previous: State | None = None
    for state in states:
        steps.append(" ".join([state.since.isoformat(), *_changes(code, previous, state)]))
        previous = state
    return " → ".join(steps)


def _changes(code: int, previous: State | None, state: State) -> list[str]:
    """What ``state`` says that ``previous`` did not: status, phrase, references."""
    status = status_text(state.entry(code))
    parts = []
    if previous is None:
        if state.status != "assigned":
            parts.append(status)
    elif status != status_text(previous.entry(code)):
        parts.append(status)
    if state.phrase is not None and (previous is None or state.phrase != previous.phrase):
        parts.append(state.phrase)
    if previous is None or state.references != previous.references:
        parts.append(_references(state) if state.references or previous else "")
    return [part for part in parts if part]


def _references(state: State) -> str:
    return "".join(f"[{text}]" for text in state.references) or "(no references)"


def _markdown(history: History, codes: Sequence[int]) -> str:
    lines = ["| code | from | status | phrase | references |", "|---|---|---|---|---|"]
    for code in codes:
        for state in history.timeline(code):
            cells = [
                str(code),
                state.since.isoformat(),
                status_text(state.entry(code)),
                state.phrase or "",
                _references(state) if state.references else "",
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
