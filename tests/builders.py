"""Build glyphs, lines and pages by hand, so stage tests need no PDF."""

from __future__ import annotations

from factextract.model import BBox, Char, Line, Page, Span

CHAR_WIDTH = 0.5  # of the font size, for every glyph


def chars(text: str, x: float, baseline: float, size: float = 10.0, font: str = "Helvetica",
          raise_by: float = 0.0) -> list[Char]:
    """One Char per character, left to right from x, spaces advancing like a glyph."""
    out = []
    for ch in text:
        w = size * CHAR_WIDTH
        if ch != " ":
            b = baseline - raise_by
            out.append(Char(ch, font, size, BBox(x, b - size * 0.8, x + w, b + size * 0.2), b))
        x += w
    return out


def page(*runs: list[Char], width: float = 595.0, height: float = 842.0, rects=(), number: int = 1) -> Page:
    return Page(number=number, width=width, height=height, chars=tuple(c for run in runs for c in run),
                rects=tuple(rects))


def line(text: str, x: float = 50.0, top: float = 100.0, size: float = 10.0, bold: bool = False,
         spans: tuple[Span, ...] | None = None, page_number: int = 1) -> Line:
    width = len(text) * size * CHAR_WIDTH
    font = "Helvetica-Bold" if bold else "Helvetica"
    return Line(text=text, page=page_number, bbox=BBox(x, top, x + width, top + size), size=size, bold=bold,
                spans=spans if spans is not None else (Span(text, font, size),))
