"""Matching keys: the spellings a text is compared in, so that case, accents, apostrophes
and spacing do not decide whether a vocabulary word is found.

Three keys, from loosest to strictest, each for its own kind of match:

- ``match_key``: case-folded, accents and punctuation gone ("Mise en œuvre du Plan d’Action"
  -> "mise en oeuvre du plan d action"); headings, labels and country names are matched in it.
- ``fold``: lower case and accents gone, but every other character kept and the length
  recoverable, so that a date found in the folded text slices the original one.
- ``name_key``: only apostrophes, hyphens, spaces and case made plain; "MIEUX+" and "MIEUX"
  stay apart, as names of organisations must.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")
# How many texts' match keys are remembered.
MATCH_KEY_CACHE_SIZE = 8192


@lru_cache(maxsize=MATCH_KEY_CACHE_SIZE)
def match_key(text: str) -> str:
    """Case-folded, accent-free, punctuation-free form used to match vocabularies (remembered:
    the vocabularies' own phrases are keyed again at every look-up)."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("’", "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text).split())


# One-for-one substitutions, so offsets into a text made plain are offsets into the text
# itself. Factsheets mix apostrophes (the Cameroon seed has `d‘accueil` with U+2018 next to
# `d’Europe` with U+2019); spaCy's French tokenizer splits elisions only for ' and ’.
PLAIN_PUNCTUATION = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-",            # (non-breaking) hyphen
    "\u00a0": " ", "\u202f": " ",            # (narrow) no-break space
})


def name_key(name: str) -> str:
    """A name with apostrophes, hyphens, spaces and case made plain: how spellings of a known
    name are told apart or found the same."""
    return " ".join(name.translate(PLAIN_PUNCTUATION).casefold().split())


# The Unicode blocks that fold, as (first code point, code point after the last): Basic Latin
# to the combining marks, phonetic extensions, Latin Extended Additional, general punctuation
# (dashes, spaces, quotes) and the Latin ligatures (ﬁ, ﬂ).
_FOLDED_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0000, 0x0370), (0x1D00, 0x1DC0), (0x1E00, 0x1F00), (0x2000, 0x2070), (0xFB00, 0xFB07),
)
_APOSTROPHES = "\u2018\u2019\u02bc\u2032\u00b4`"
_INVISIBLE = "\u200b\u200c\u200d\u2060"  # zero-width spaces and joiners
_MINUS_SIGN, _BYTE_ORDER_MARK = 0x2212, 0xFEFF


def _build_fold_table() -> dict[int, str]:
    """Map each Latin letter to its lower-case base letters ('É' -> 'e', 'ﬁ' -> 'fi'), drop
    combining marks (text in NFD), and make apostrophes, dashes and spaces plain."""
    table: dict[int, str] = {}
    for lo, hi in _FOLDED_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            cat = unicodedata.category(ch)
            if ch in _APOSTROPHES:
                out = "'"
            elif cat == "Pd" or ch == "\u00ad":  # soft hyphen: a line-end hyphen in PDFs
                out = "-"
            elif cat == "Zs":
                out = " "
            elif cat == "Mn" or ch in _INVISIBLE:
                out = ""
            elif cat.startswith("L"):
                out = "".join(c for c in unicodedata.normalize("NFKD", ch)
                              if not unicodedata.combining(c)).lower()
            else:
                continue
            if out != ch:
                table[cp] = out
    table[_MINUS_SIGN] = "-"
    table[_BYTE_ORDER_MARK] = ""
    return table


_FOLD = _build_fold_table()
# Characters that fold to more or fewer than one character: only these need an offset map.
_RESIZING = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp, out in _FOLD.items() if len(out) != 1) + "]"
)


def fold(text: str) -> tuple[str, list[int] | None]:
    """Return the folded text and, when its length differs, the original index of each of its
    characters (plus ``len(text)`` at the end); ``None`` means offsets are unchanged."""
    folded = text.translate(_FOLD)
    if not _RESIZING.search(text):
        return folded, None
    starts: list[int] = []
    for i, ch in enumerate(text):
        starts.extend([i] * len(_FOLD.get(ord(ch), ch)))
    starts.append(len(text))
    return folded, starts
