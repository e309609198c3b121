"""Font and glyph facts read from ``data/common/glyphs.yaml``: symbol fonts, markers, bold."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import vocab


@dataclass(frozen=True, slots=True)
class GlyphRules:
    symbol_fonts: tuple[str, ...]
    bold_font_words: tuple[str, ...]
    marker_kinds: dict[str, str]  # character -> "bullet" | "arrow" | "dash"
    font_markers: frozenset[str]
    numbered_marker: re.Pattern[str]
    hyphens: frozenset[str]
    soft_hyphens: frozenset[str]
    superscripts: dict[str, str]
    page_number_patterns: tuple[re.Pattern[str], ...]

    def is_symbol_font(self, fontname: str) -> bool:
        name = _base_font(fontname)
        return any(word in name for word in self.symbol_fonts)

    def is_marker_glyph(self, text: str, fontname: str, next_fontname: str | None) -> bool:
        """A lone first glyph that marks a list item: a symbol-font glyph, a bullet or arrow
        character, or a font marker ("o") set in another font than the text after it."""
        text = text.strip()
        if len(text) != 1:
            return False
        if self.is_symbol_font(fontname) or self.marker_kinds.get(text) in ("bullet", "arrow"):
            return True
        return text in self.font_markers and next_fontname is not None and next_fontname != fontname

    def is_numbered_marker(self, text: str) -> bool:
        """"1)", "2.", "a)": a numbered-list marker standing alone."""
        return bool(self.numbered_marker.match(text.strip() + " "))

    def is_bold_font(self, fontname: str) -> bool:
        name = _base_font(fontname)
        return any(word in name for word in self.bold_font_words)


def _base_font(fontname: str) -> str:
    # Subset fonts are named "ABCDEF+Real-Name"; the prefix says nothing about the face.
    return fontname.split("+", 1)[-1].lower()


@cache
def rules() -> GlyphRules:
    data = vocab.load("common", "glyphs")
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
        page_number_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["page_number_patterns"]),
    )
