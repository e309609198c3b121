"""Font and glyph facts, from ``common/glyphs.yaml``: symbol fonts, bold faces, list-marker
characters, hyphens and superscript digits, whatever produced the PDF."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..errors import VocabularyError
from ..model import ListMarker
from . import load, path_of, pattern, require, words

_KEYS: tuple[str, ...] = (
    "symbol_fonts", "markers", "font_markers", "numbered_marker", "hyphens", "soft_hyphens",
    "superscripts", "bold_font_words", "ligatures",
)
# The marker kinds a Unicode character can be; a number is told by ``numbered_marker``.
_CHARACTER_MARKERS: tuple[ListMarker, ...] = ("bullet", "arrow", "dash")
# Asked for every glyph of every page, what a font name or a glyph's text says costs more
# computed than looked up: this many answers of each kind are remembered (a batch's worker
# meets new subset fonts with every file), for texts (glyphs, short runs) this long at most.
REMEMBERED_ANSWERS = 4096
MAX_REMEMBERED_TEXT = 4


@dataclass(frozen=True, slots=True)
class GlyphRules:
    """The validated ``common/glyphs.yaml``."""

    symbol_fonts: tuple[str, ...]
    bold_font_words: tuple[str, ...]
    marker_kinds: dict[str, ListMarker]  # character -> "bullet" | "arrow" | "dash"
    font_markers: frozenset[str]
    numbered_marker: re.Pattern[str]
    hyphens: frozenset[str]
    soft_hyphens: frozenset[str]
    superscripts: dict[str, str]  # Unicode superscript digit -> the digit
    ligatures: dict[str, str]  # a ligature glyph some fonts map wrongly -> its letters
    # What each font name seen says (symbol font, bold face), and each glyph text's letters
    # (see REMEMBERED_ANSWERS); a copy with other rules (dataclasses.replace) starts afresh.
    _symbol_fonts: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)
    _bold_fonts: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)
    _letters: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    def letters(self, text: str) -> str:
        """A glyph's text as letters: a ligature split ("ﬁ" -> "fi"), a mis-mapped one
        corrected ("ﬅ" -> "ft"); fractions, ellipses and the like stay as printed."""
        found = self._letters.get(text)
        if found is None:
            if text in self.ligatures:
                found = self.ligatures[text]
            else:
                split = unicodedata.normalize("NFKC", text)
                found = split if split != text and split.isalpha() else text
            if len(text) <= MAX_REMEMBERED_TEXT:
                _remember(self._letters, text, found)
        return found

    def is_symbol_font(self, fontname: str) -> bool:
        """A symbol font draws icons: its glyphs' code points ("9", "l", "n") are not text."""
        found = self._symbol_fonts.get(fontname)
        if found is None:
            name = base_font(fontname)
            found = _remember(self._symbol_fonts, fontname, any(word in name for word in self.symbol_fonts))
        return found

    def is_icon(self, text: str, fontname: str) -> bool:
        """A glyph (or run) that draws an icon, never text: set in a symbol font, or written
        with private-use code points (U+F0B7, Word's Symbol bullet; an icon font's glyphs)."""
        return self.is_symbol_font(fontname) or is_private_use(text)

    def is_bold_font(self, fontname: str) -> bool:
        """A font whose name says bold, black, heavy, semibold ..."""
        found = self._bold_fonts.get(fontname)
        if found is None:
            name = base_font(fontname)
            found = _remember(self._bold_fonts, fontname, any(word in name for word in self.bold_font_words))
        return found


def _remember(answers: dict[str, Any], key: str, value: Any) -> Any:
    """Keep an answer (forgetting them all once REMEMBERED_ANSWERS are kept), and return it."""
    if len(answers) >= REMEMBERED_ANSWERS:
        answers.clear()
    answers[key] = value
    return value


@lru_cache(maxsize=REMEMBERED_ANSWERS)
def is_private_use(text: str) -> bool:
    """Every character of the text (spaces aside) is a private-use code point: a glyph a font
    maps to no character of any script, as symbol and icon fonts do."""
    chars = [ch for ch in text if not ch.isspace()]
    return bool(chars) and all(unicodedata.category(ch) == "Co" for ch in chars)


def base_font(fontname: str) -> str:
    """The font's own name, lower case: subset fonts are named "ABCDEF+Real-Name", and the
    prefix says nothing about the face."""
    return fontname.split("+", 1)[-1].lower()


# Monotype's and Adobe's tags at the end of a PostScript name: part of no family's name.
_FOUNDRY_TAG = re.compile(r"(?:PSMT|MT|PS)$")


def font_family(fontname: str) -> str:
    """The typeface family of a font name, without subset prefix, style suffix or the
    foundry's tag ("ABCDEF+Lato-Bold" -> "lato", "Arial,Bold" -> "arial", "ArialMT" and
    "Arial-BoldMT" -> "arial", "TimesNewRomanPSMT" -> "timesnewroman")."""
    name = fontname.split("+", 1)[-1]
    family = re.split(r"[-,]", name, maxsplit=1)[0]
    return _FOUNDRY_TAG.sub("", family).lower() or family.lower()


def validate(data: Any, path: str) -> None:
    """Check ``common/glyphs.yaml``: its keys, single-character markers, a valid numbered-
    marker pattern, superscript digits."""
    require(data, path, _KEYS, exact=True)
    for key in ("symbol_fonts", "font_markers", "hyphens", "soft_hyphens", "bold_font_words"):
        words(data[key], path, key)
    markers = require(data["markers"], path, _CHARACTER_MARKERS, exact=True)
    for kind in _CHARACTER_MARKERS:
        chars = words(markers[kind], path, f"markers.{kind}")
        if any(len(ch) != 1 for ch in chars):
            raise VocabularyError(path, f"markers.{kind} must list single characters")
    pattern(data["numbered_marker"], path, "numbered_marker", lambda p: re.compile(p, re.IGNORECASE))
    superscripts = data["superscripts"]
    if not isinstance(superscripts, dict) or not superscripts or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) and v.isdigit() for k, v in superscripts.items()
    ):
        raise VocabularyError(path, "superscripts must map single superscript characters to digits")
    ligatures = data["ligatures"]
    if not isinstance(ligatures, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) and v.isalpha() for k, v in ligatures.items()
    ):
        raise VocabularyError(path, "ligatures must map single ligature characters to their letters")


@cache
def glyph_rules() -> GlyphRules:
    """The validated ``common/glyphs.yaml``, once per process."""
    data = load("common", "glyphs")
    validate(data, path_of("common", "glyphs"))
    marker_kinds = {ch: kind for kind, chars in data["markers"].items() for ch in chars}
    return GlyphRules(
        symbol_fonts=tuple(w.lower() for w in data["symbol_fonts"]),
        bold_font_words=tuple(w.lower() for w in data["bold_font_words"]),
        marker_kinds=marker_kinds,
        font_markers=frozenset(data["font_markers"]),
        numbered_marker=re.compile(data["numbered_marker"], re.IGNORECASE),
        hyphens=frozenset(data["hyphens"]),
        soft_hyphens=frozenset(data["soft_hyphens"]),
        superscripts=dict(data["superscripts"]),
        ligatures=dict(data["ligatures"]),
    )
