"""Naming a new code the way its neighbours are named.

Tables spell names in their own style (``NOT_FOUND``, ``HTTP_404_NOT_FOUND``,
``not_found``, ``StatusNotFound``, ``HTTP_404``). Rather than enumerate
styles, a new name is derived by analogy with an existing one: whatever
surrounds the model's code digits and the model's phrase, in whichever case
it was written, surrounds the new code's digits and phrase.
"""

from __future__ import annotations

import keyword

from statuscheck.registry.former_phrases import phrase_to_name

__all__ = ["core_forms", "derive_name"]


def core_forms(phrase: str) -> tuple[str, ...]:
    """The ways tables spell a phrase in names: ``NOT_FOUND``, ``not_found``, ``NotFound``."""
    upper = phrase_to_name(phrase)
    camel = "".join(word.capitalize() for word in upper.split("_"))
    return upper, upper.lower(), camel


def derive_name(
    model: str, model_code: int, model_phrase: str, code: int, phrase: str
) -> str | None:
    """``model`` rewritten for ``code`` and ``phrase``; ``None`` if it spells neither.

    A name Python cannot bind (``continue``) is ``None`` too: the code is then
    left missing and reported, rather than written as a syntax error.

    ``derive_name("HTTP_404_NOT_FOUND", 404, "Not Found", 104, "Upload Resumption
    Supported")`` is ``HTTP_104_UPLOAD_RESUMPTION_SUPPORTED``.
    """
    name = _by_analogy(model, model_code, model_phrase, code, phrase)
    if name is None or keyword.iskeyword(name) or not name.isidentifier():
        return None
    return name


def _by_analogy(
    model: str, model_code: int, model_phrase: str, code: int, phrase: str
) -> str | None:
    for old_core, new_core in zip(core_forms(model_phrase), core_forms(phrase)):
        if model.endswith(old_core):
            head = model[: len(model) - len(old_core)]
            return head.replace(str(model_code), str(code)) + new_core
    digits = str(model_code)
    if digits in model and not any(ch.isalpha() for ch in model.split(digits, 1)[1]):
        return model.replace(digits, str(code))
    return None
