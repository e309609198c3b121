"""Footnotes: blocks set apart as footnotes, and footnote blocks -> footnotes (marker, term,
expansion).

A footnote starts with a marker (a raised number, "¹", "*", "[1]") and is told by size and
place: type smaller than the body, in the lower part of a page or after the last text of
body size on it (notes printed where the text ends); or, at any size, under a short
separator rule after the page's text. ``1 MIEUX+ - L’initiative conjointe UE-ICMPD ...``
gives marker ``1``, term ``MIEUX+`` and the expansion after the
separator. A line that starts with a marker starts a new note; other lines continue the note
above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import POSITION_TOLERANCE, RULE_THICKNESS, Block, Footnote, Layout, Line, Page, Section, first_box
from ..text.markers import is_footnote_marker, note_marker
from ..text.repair import join_lines

# Footnotes are set smaller than the body text (at most this share of its size) and sit in
# the lower part of a page (below this share of its height).
FOOTNOTE_SIZE_RATIO = 0.93
FOOTNOTE_ZONE = 0.5
# Notes at any size stand under a separator: a drawn rule at most this share of the page wide,
# at most this many font sizes above the first note.
SEPARATOR_MAX_SHARE = 0.5
SEPARATOR_GAP_EM = 2.5
# A rule whose top is at most this many font sizes under a block's text underlines that text
# (a heading's rule), and separates no notes.
UNDERLINE_GAP_EM = 0.5
# Between an acronym and its expansion: a spaced dash, a colon, or an equals sign.
_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*:\s+|\s+=\s+|\s*[–—]\s*")
# An acronym is short: at most this many words before the separator.
MAX_TERM_WORDS = 6


def split_footnotes(layout: Layout) -> Layout:
    """The layout with its footnote blocks set apart in ``footnotes``."""
    body = layout.body_size
    pages: dict[int, Page] = {}
    for page in layout.pages:
        pages.setdefault(page.number, page)  # Layout.page's, without a walk over every page per block

    def page_of(b: Block) -> Page:
        return pages[b.page] if b.page in pages else layout.page(b.page)

    ruled = _ruled_notes(layout.blocks, page_of)
    lowest_body: dict[int, float] = {}  # per page, the top of its lowest block of body-size text
    for b in layout.blocks:
        if not _small(b, body) and b.index not in ruled:
            lowest_body[b.page] = max(lowest_body.get(b.page, float("-inf")), b.bbox.top)

    def after_the_text(b: Block) -> bool:
        return b.bbox.top > lowest_body.get(b.page, float("-inf"))

    notes = {b.index for b in layout.blocks
             if is_footnote(b, page_of(b), body, after_the_text=after_the_text(b))
             or (b.index in ruled and after_the_text(b))}
    return Layout(pages=layout.pages,
                  blocks=tuple(b for b in layout.blocks if b.index not in notes),
                  footnotes=layout.footnotes + tuple(b for b in layout.blocks if b.index in notes))


def _small(block: Block, body_size: float) -> bool:
    return all(ln.size <= body_size * FOOTNOTE_SIZE_RATIO for ln in block.lines)


def _starts_with_note_marker(block: Block) -> bool:
    first = block.lines[0]
    if first.spans and first.spans[0].superscript and is_footnote_marker(first.spans[0].text, ""):
        return True
    return note_marker(first.text) is not None


def _ruled_notes(blocks: Sequence[Block], page_of) -> set[int]:
    """Notes set at any size under a separator: a block of words starting with a note marker
    right under a short drawn rule that starts at or left of it, and the blocks starting with
    a marker that follow it on its page; never a table's cell (a figure there is data)."""
    out: set[int] = set()
    previous: Block | None = None
    on_page: dict[int, list[Block]] = {}
    for b in blocks:
        on_page.setdefault(b.page, []).append(b)
    for b in blocks:
        page = page_of(b)
        if (_starts_with_note_marker(b) and any(ch.isalpha() for ch in b.text)
                and page.cell_of(b.bbox) is None) and (
                (previous is not None and previous.index in out and previous.page == b.page
                 and previous.bbox.bottom <= b.bbox.top + POSITION_TOLERANCE)
                or _separator_above(b, page, on_page[b.page])):
            out.add(b.index)
        previous = b
    return out


def _separator_above(block: Block, page: Page, page_blocks: Sequence[Block]) -> bool:
    """A short rule just above the block that stands alone: not a heading's underline, which
    has the heading's text right on it."""
    size = block.lines[0].size

    def underlines_text(r) -> bool:
        return any(o is not block and o.bbox.x0 < r.x1 and o.bbox.x1 > r.x0
                   and r.top - UNDERLINE_GAP_EM * o.lines[-1].size <= o.bbox.bottom <= r.top + POSITION_TOLERANCE
                   for o in page_blocks)

    return any(r.bottom - r.top <= RULE_THICKNESS and r.x1 - r.x0 <= page.width * SEPARATOR_MAX_SHARE
               and r.x0 <= block.bbox.x0 + size and r.x1 > block.bbox.x0
               and -POSITION_TOLERANCE <= block.bbox.top - r.bottom <= SEPARATOR_GAP_EM * size
               and not underlines_text(r)
               for r in page.rules)


def is_footnote(block: Block, page: Page, body_size: float, after_the_text: bool = False) -> bool:
    """Small type in the lower half of the page or below all the body-size text of the page
    (``after_the_text``), starting with a footnote marker, and not in a table's cell (a
    figure there is data)."""
    low = block.bbox.top >= page.height * FOOTNOTE_ZONE or after_the_text
    if not low or page.cell_of(block.bbox) is not None or not _small(block, body_size):
        return False
    return _starts_with_note_marker(block)


def parse_footnotes(sections: Sequence[Section], language: str) -> tuple[Footnote, ...]:
    """The notes of every footnotes section, in order (those under a "Notes" heading, then
    the ones found at the foot of the pages)."""
    notes: list[tuple[str, list[str], list[Line]]] = []
    for block in (b for s in sections if s.kind == "footnotes" for b in s.blocks):
        for line in block.lines:
            marker, rest = _split_marker(line)
            if marker is not None:
                notes.append((marker, [rest], [line]))
            elif notes:
                notes[-1][1].append(line.text)
                notes[-1][2].append(line)
    out = []
    for marker, pieces, lines in notes:
        text = join_lines(pieces, language)
        term, expansion = split_term(text)
        out.append(Footnote(marker=marker, text=text, term=term, expansion=expansion, page=lines[0].page,
                            bbox=first_box(lines)))
    return tuple(out)


def _split_marker(line: Line) -> tuple[str | None, str]:
    """(marker, the rest of the line) when a line starts a note, else (None, the line)."""
    if line.spans and line.spans[0].superscript and is_footnote_marker(line.spans[0].text, ""):
        return line.spans[0].text.strip(), "".join(s.text for s in line.spans[1:]).strip()
    found = note_marker(line.text)
    if found is None:
        return None, line.text
    return found


def split_term(text: str) -> tuple[str | None, str | None]:
    """``"OFII - Office Français ..."`` -> ``("OFII", "Office Français ...")``."""
    m = _SEPARATOR.search(text)
    if not m:
        return None, None
    term, expansion = text[: m.start()].strip(), text[m.end():].strip()
    if not term or not expansion or len(term.split()) > MAX_TERM_WORDS:
        return None, None
    return term, expansion
