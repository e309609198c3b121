"""A document's text -> its language, ``fr`` or ``en``: the one whose function words
(``vocab/<lang>/language.yaml``) the text uses most."""

from __future__ import annotations

import re

from ..model import LANGUAGES, Language
from ..vocab.language import function_words

# A word: letters, with one elided or possessive part ("l’OFII", "country's").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> Language | None:
    """``fr`` or ``en``: the language whose function words occur most (French on a tie);
    None when the text has none of either (another language, or no words at all)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    scores = {lang: sum(1 for w in words if w in function_words(lang)) for lang in LANGUAGES}
    if not any(scores.values()):
        return None
    return max(LANGUAGES, key=lambda lang: (scores[lang], lang == "fr"))
