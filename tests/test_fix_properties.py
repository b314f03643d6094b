"""Property: whatever subset of phrases, names and codes a generated table gets wrong, fixing it
leaves no phrase, name or missing-code error, and every line not targeted is byte-identical."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuscheck.fixes.locate import Kind
from statuscheck.registry.former_phrases import former_phrases
from tests.miniatures import FORMER_NAMES, ROWS
from tests.source_files import (
    assert_only_targets_changed,
    check,
    fix_file,
    fixable_errors,
    load,
    render_mapping,
)

STYLES: dict[str, Kind] = {
    "enum": "enum",
    "prefixed": "constants",
    "bare": "constants",
    "dict": "mapping",
}
#: Assigned (not temporary or obsoleted) codes: the ones whose absence is an error.
CODES = [code for _, code, _, _ in ROWS if code not in (104, 510)]
RENAMED = sorted(set(FORMER_NAMES.values()))
_FORMER_NAME = {code: name for name, code in FORMER_NAMES.items()}


def _broken(code: int, phrase: str, how: str) -> str:
    formers = former_phrases(code)
    if how == "former" and formers:
        return formers[0].phrase
    if how == "wrong":
        return f"Not {phrase}"
    return phrase.swapcase()


def _name(style: str, code: int, name: str) -> str:
    return f"HTTP_{code}_{name}" if style == "prefixed" else name


def render(style: str, dropped: set[int], broken: dict[int, str], renamed: set[int]) -> str:
    """A table of every assigned code but ``dropped``, in ``style``, with the damage given."""
    lines = []
    if style == "enum":
        lines += [
            "import enum\n\n\nclass Table(enum.IntEnum):\n",
            "    def __new__(cls, value, phrase, description=''):\n",
            "        member = int.__new__(cls, value)\n        member._value_ = value\n",
            "        member.phrase = phrase\n        member.description = description\n",
            "        return member\n\n",
        ]
    indent = "    " if style == "enum" else ""
    mapping = {}
    for name, code, phrase, description in ROWS:
        if code in dropped:
            continue
        if code in broken:
            phrase = _broken(code, phrase, broken[code])
        mapping[code] = phrase
        current = _name(style, code, _FORMER_NAME[code] if code in renamed else name)
        value = repr((code, phrase, description)) if style == "enum" else repr(code)
        lines.append(f"{indent}{current} = {value}\n")
        if code in _FORMER_NAME and code not in renamed:
            lines.append(f"{indent}{_name(style, code, _FORMER_NAME[code])} = {current}\n")
    if style == "dict":
        return render_mapping("TABLE", mapping)
    return "".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    style=st.sampled_from(sorted(STYLES)),
    dropped=st.sets(st.sampled_from(CODES), max_size=12),
    broken=st.dictionaries(
        st.sampled_from(CODES), st.sampled_from(["former", "case", "wrong"]), max_size=8
    ),
    renamed=st.sets(st.sampled_from(RENAMED)),
)
def test_fixing_any_damage_leaves_no_fixable_error(
    style: str, dropped: set[int], broken: dict[int, str], renamed: set[int]
) -> None:
    attribute = {"enum": "Table", "dict": "TABLE"}.get(style, "")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "table.py"
        path.write_text(render(style, dropped, broken, renamed), encoding="utf-8")
        before = check(load(path, attribute))
        fixed = fix_file(path, STYLES[style], attribute, load(path, attribute))
        assert fixed.unapplied == ()
        assert fixed.changed == bool(fixable_errors(before))
        path.write_bytes(fixed.fixed)
        after = check(load(path, attribute))
    assert fixable_errors(after) == []
    assert_only_targets_changed(fixed)
