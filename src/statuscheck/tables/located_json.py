"""JSON parsing that remembers where each object and member value starts.

Findings about a table document point at the document's own lines, which the
standard ``json`` module forgets. Its pure-Python scanner takes the object
parser from the decoder, so wrapping that parser records the offset of every
object and of every member's value, while ``json`` still does all the parsing
(and reports malformed input with its line and column).
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any, Callable

__all__ = ["LocatedObject", "parse_located"]


class LocatedObject(dict):  # type: ignore[type-arg]  # holds any JSON value
    """A JSON object (last duplicate key wins, as in ``json``) that knows its lines.

    ``pairs`` keeps every member in document order, duplicates included, with
    the line its value starts on.
    """

    line: int
    pairs: list[tuple[str, Any, int]]


def parse_located(text: str) -> Any:
    """``json.loads(text)`` with every object a :class:`LocatedObject`.

    Raises :class:`json.JSONDecodeError` (with ``lineno`` and ``colno``).
    """
    line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset)

    decoder: Any = json.JSONDecoder()
    json_object: Any = getattr(json.decoder, "JSONObject")  # noqa: B009  # untyped internal
    make_scanner: Any = getattr(json.scanner, "py_make_scanner")  # noqa: B009

    def parse_object(
        s_and_end: tuple[str, int],
        strict: bool,
        scan_once: Callable[[str, int], tuple[Any, int]],
        object_hook: Any,
        object_pairs_hook: Any,
        memo: dict[str, str] | None = None,
    ) -> tuple[LocatedObject, int]:
        value_offsets: list[int] = []

        def scan_recording(string: str, index: int) -> tuple[Any, int]:
            value_offsets.append(index)
            return scan_once(string, index)

        pairs, end = json_object(s_and_end, strict, scan_recording, None, list, memo)
        located = LocatedObject(pairs)
        located.line = line_of(s_and_end[1] - 1)
        located.pairs = [
            (key, value, line_of(offset)) for (key, value), offset in zip(pairs, value_offsets)
        ]
        return located, end

    decoder.parse_object = parse_object
    decoder.scan_once = make_scanner(decoder)
    return decoder.decode(text)
