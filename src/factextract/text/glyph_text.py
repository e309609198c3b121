"""A glyph's text in its line, and where each character of a line's text is on the page.

The lines stage builds a line's text glyph by glyph with ``glyph_text``; ``char_edges`` walks the
same glyphs the same way, so that a character of the text (an entity's, a word's) can be pointed
at on the page without keeping every glyph.
"""

from __future__ import annotations

from ..model import Line
from ..vocab.glyphs import GlyphRules, glyph_rules

# Some producers write U+00AD as their ordinary hyphen glyph: drawn inside a line, it is one.
PRINTED_HYPHEN = "-"
# Character edges are kept to a hundredth of a point: finer is below what a glyph box means.
EDGE_DECIMALS = 2


def glyph_text(text: str, glyphs: GlyphRules, *, inside: bool) -> str:
    """What a glyph adds to its line's text: its letters (a ligature's several, a symbol font's
    mapped), a superscript as drawn, and a soft hyphen drawn ``inside`` the line as a hyphen."""
    out = text if text in glyphs.superscripts else glyphs.letters(text)
    if inside and out in glyphs.soft_hyphens:
        return PRINTED_HYPHEN
    return out


def char_edges(line: Line) -> tuple[float, ...]:
    """Where each character of ``line.text`` begins on the page (x, points), and where the last
    one ends: ``len(line.text) + 1`` values, so that ``text[i:j]`` runs from ``edges[i]`` to
    ``edges[j]``. A word space begins where the glyph before it ends; a glyph of several letters
    is shared among them. Empty when the text is no longer the glyphs' (changed after the line
    was made): then no place is claimed for it."""
    glyphs = glyph_rules()
    text, edges, at = line.text, [], 0
    previous_end = line.bbox.x0
    chars = sorted(line.chars, key=lambda c: c.bbox.x0)
    for i, c in enumerate(chars):
        printed = glyph_text(c.text, glyphs, inside=i < len(chars) - 1)
        if not printed:  # a glyph that prints nothing (a zero-width mark) adds no character
            previous_end = c.bbox.x1
            continue
        while at < len(text) and text[at] == " " and not printed.startswith(" "):
            edges.append(round(previous_end, EDGE_DECIMALS))
            at += 1
        if text[at:at + len(printed)] != printed:
            return ()
        step = c.bbox.width / len(printed)
        edges.extend(round(c.bbox.x0 + step * k, EDGE_DECIMALS) for k in range(len(printed)))
        at += len(printed)
        previous_end = c.bbox.x1
    if at != len(text):
        return ()
    edges.append(round(previous_end, EDGE_DECIMALS))
    return tuple(edges)
