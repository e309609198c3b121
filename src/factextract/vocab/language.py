"""Words of each language, from ``<lang>/language.yaml``: the function words that tell a text's
language, and the small words that text repair and name matching must know."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..model import LANGUAGES
from . import load, path_of, require, words

_KEYS: tuple[str, ...] = ("function_words", "open_ended_words", "elisions", "leading_articles")
_NEVER = re.compile(r"(?!)")  # an empty word list matches nothing


def validate(data: Any, path: str) -> None:
    """Check ``<lang>/language.yaml``: function words, and the (possibly empty) word lists."""
    require(data, path, _KEYS, exact=True)
    words(data["function_words"], path, "function_words")
    for key in _KEYS[1:]:
        words(data[key], path, key, empty_ok=True)


@cache
def _words(language: str) -> dict[str, Any]:
    data = load(language, "language")
    validate(data, path_of(language, "language"))
    return data


def _every_language(key: str) -> list[str]:
    """The words under ``key`` in every language's file, in file order, once each."""
    return list(dict.fromkeys(w for lang in LANGUAGES for w in _words(lang)[key]))


@cache
def function_words(language: str) -> frozenset[str]:
    """Frequent function words of the language, case-folded."""
    return frozenset(w.casefold() for w in _words(language)["function_words"])


@cache
def open_ended_ending() -> re.Pattern[str]:
    """A text that ends on a word that needs more ("... de", "... of the"), in any language."""
    found = _every_language("open_ended_words")
    if not found:
        return _NEVER
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")$", re.IGNORECASE)


@cache
def elision() -> re.Pattern[str]:
    """An elided word and its apostrophe at the start of a word ("l’", "Qu'"), in any language;
    the first letter may be a capital."""
    found = sorted(_every_language("elisions"), key=len, reverse=True)
    if not found:
        return _NEVER
    alternatives = "|".join(f"[{w[0].lower()}{w[0].upper()}]{re.escape(w[1:])}" for w in found)
    return re.compile(r"^(?:" + alternatives + r")['’‘`]")


@cache
def leading_article() -> re.Pattern[str]:
    """An article that leads a name ("L'", "the "), any case, with the spaces after it; matched
    on text whose apostrophes are plain (``keys.PLAIN_PUNCTUATION``)."""
    found = _every_language("leading_articles")
    if not found:
        return _NEVER
    alternatives = "|".join(re.escape(a) + ("" if a.endswith("'") else r"\s") for a in found)
    return re.compile(r"^(?:" + alternatives + r")\s*", re.IGNORECASE)
