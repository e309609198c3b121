"""Build glyphs, lines, blocks, pages and layouts by hand, so stage tests need no PDF.

Every glyph is CHAR_WIDTH font sizes wide; a line of ``size`` points is ``size`` high.
"""

from __future__ import annotations

from collections.abc import Sequence

from factextract.model import BBox, Block, Char, Layout, Line, Page, Section, Span

CHAR_WIDTH = 0.5  # of the font size, for every glyph
DOC = "0123456789abcdef"  # a doc_id


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


def page(*runs: list[Char], width: float = 595.0, height: float = 842.0, rects=(), rules=(), marks=(),
         number: int = 1) -> Page:
    return Page(number=number, width=width, height=height, chars=tuple(c for run in runs for c in run),
                rects=tuple(rects), rules=tuple(rules), marks=tuple(marks))


def line(text: str, x: float = 50.0, top: float = 100.0, size: float = 10.0, bold: bool = False,
         spans: tuple[Span, ...] | None = None, page_number: int = 1) -> Line:
    width = len(text) * size * CHAR_WIDTH
    font = "Helvetica-Bold" if bold else "Helvetica"
    return Line(text=text, page=page_number, bbox=BBox(x, top, x + width, top + size), size=size, bold=bold,
                spans=spans if spans is not None else (Span(text, font, size),))


def block(text: str, x: float = 100.0, top: float = 100.0, bold: bool = False, size: float = 10.0,
          marker_font: str | None = None, width: float | None = None, page_number: int = 1,
          pitch: float = 12.0) -> Block:
    """A block of one line per "|"-separated part of text, ``pitch`` points apart; with
    marker_font, the first line starts with that font's glyph "9"; ``width`` overrides the
    block's width (a justified column)."""
    built = []
    for i, part in enumerate(text.split("|")):
        spans = (Span(part, "Helvetica-Bold" if bold else "Helvetica", size),)
        if marker_font and i == 0:
            spans = (Span("9", marker_font, size), Span(" " + part, "Helvetica", size))
        built.append(line(part, x=x, top=top + pitch * i, size=size, bold=bold, spans=spans,
                          page_number=page_number))
    out = Block.of(built)
    if width is not None:
        out = Block(out.lines, out.page, BBox(out.bbox.x0, out.bbox.top, out.bbox.x0 + width, out.bbox.bottom))
    return out


def layout(blocks: Sequence[Block], pages: Sequence[Page] | None = None) -> Layout:
    """The blocks numbered in the order given, on A4 pages (numbered as the blocks need)."""
    if pages is None:
        numbers = sorted({b.page for b in blocks} | {1})
        pages = [Page(number=n, width=595.0, height=842.0, chars=()) for n in numbers]
    return Layout.of(pages, blocks)


def section(blocks: Sequence[Block], kind: str = "progress", heading: str | None = "PROGRÈS", n: int = 1,
            heading_period=None) -> Section:
    return Section(f"{DOC}:s{n}", n, kind, heading, blocks[0].page if blocks else 1, heading_period=heading_period,
                   blocks=tuple(blocks))


def ruled_table() -> tuple[list[Block], list[BBox]]:
    """A timeline set as a ruled three-column table (Date | Activity | Partners): two rows,
    each between drawn rules; the blocks and the rules."""
    blocks = [
        block("2019-2020", x=45, top=141, bold=True),
        block("National survey on remittances", x=127, top=141, width=175),
        block("BCV, World Bank", x=405, top=141, width=64),
        block("Q1 2022", x=45, top=161, bold=True),
        block("Lower fees on mobile wallets", x=127, top=161, width=175),
        block("Telecom operators", x=405, top=161, width=70),
    ]
    return blocks, [BBox(40, y, 560, y + 0.5) for y in (136, 156, 176)]
