"""Blocks in reading order -> sections with a kind (header, progress, activities, ...).

A heading is recognised by its style (bold, larger than the body, or in capitals) and
classified by the heading vocabularies in ``vocab/<lang>/sections.yaml``; where no phrase
matches, the lemmas of its words are looked up (spaCy), so "Activités menées en 2022" is
still an activities heading. Blocks go to the section opened last. The header (the country's
name, the reference-country label, the domain line) is the top of page 1, or a band found
elsewhere on page 1 by what it says; its title is the block in the largest type that names a
country. The footnote blocks, already set apart, make the last section.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dates import find_dates, parse_date
from ..model import Block, Layout, Line, Page, Placed, Section, SectionKind, first_box
from ..text.markers import is_marker_glyph, starts_with_marker, text_marker
from ..text.repair import block_text, squash
from ..text.style import in_capitals, is_heading_styled, is_large
from ..vocab.countries import find_country
from ..vocab.glyphs import glyph_rules
from ..vocab.headings import (
    MAX_HEADING_WORDS, classify_heading, is_domain_line, is_field_line, is_header_label,
    names_heading_exactly,
)

# A heading is at most this long (characters), this many lines, and does not end a sentence;
# one whose words no vocabulary knows has at most MAX_OTHER_HEADING_WORDS words and, if only
# bold, is set at least BOLD_HEADING_SIZE_RATIO times the body size.
MAX_HEADING_CHARS = 120
MAX_HEADING_LINES = 3
MAX_OTHER_HEADING_WORDS = 16
BOLD_HEADING_SIZE_RATIO = 1.05
# Past MAX_PLAIN_HEADING_WORDS words, a heading in the body's weight and lower case is set at
# least LONG_HEADING_SIZE_RATIO times the body size: a sentence in slightly larger type (a
# form's or a cover's lead paragraph) is text, not a heading.
MAX_PLAIN_HEADING_WORDS = 8
LONG_HEADING_SIZE_RATIO = 1.4
_NOT_HEADING_ENDS = (".", ";", ",")
# An underline is a rule whose middle lies within UNDERLINE_DROP_EM font sizes of the line's
# bottom, under at least UNDERLINE_SHARE of its text, running at most UNDERLINE_OVERRUN_EM
# font sizes past it.
UNDERLINE_DROP_EM = 0.4
UNDERLINE_SHARE = 0.8
UNDERLINE_OVERRUN_EM = 2.0
# A date alone is a heading only when set at least this many times the body size.
DATE_HEADING_SIZE_RATIO = 2.0
# A bold line at body size ending on a colon is a heading in at most this many words.
MAX_COLON_HEADING_WORDS = 8
# A line of the title block has at most this many words (the title itself at most
# MAX_TITLE_WORDS_OF_TITLE), in at most this many lines, and stands at most this many title
# sizes above or below the title.
MAX_TITLE_BLOCK_WORDS = 20
MAX_TITLE_WORDS_OF_TITLE = 30
MAX_TITLE_BLOCK_LINES = 4
TITLE_BLOCK_REACH_EM = 4.0
# A table's header row: cells of at most this many words, level within ROW_TOLERANCE points,
# with the first row's date at most HEADER_ROW_GAP_EM line heights below.
MAX_HEADER_CELL_WORDS = 3
ROW_TOLERANCE = 3.0
HEADER_ROW_GAP_EM = 2.5
# A header found elsewhere spans at most this share of the page height, and its country name
# is set at least this many times larger than the body, in at most MAX_TITLE_WORDS words.
HEADER_BAND_SHARE = 0.2
TITLE_SIZE_RATIO = 1.4
MAX_TITLE_WORDS = 6
# Header blocks sit in the top part of the first page (this share of its height).
HEADER_ZONE = 0.35
# Sections never found by a heading of their own: their kind comes from place.
_PLACED_KINDS: tuple[SectionKind, ...] = ("header", "footnotes")


@dataclass
class _Draft:
    """A section while blocks are assigned: its heading, subheading lines and blocks."""

    kind: SectionKind
    heading: str | None
    page: int
    subheadings: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    heading_blocks: list[Block] = field(default_factory=list)  # the subheadings' blocks
    heading_size: float = 0.0  # the type size of a heading found by its style
    heading_block: Block | None = None  # the heading's block, where it has one

    def add_subheading(self, text: str, block: Block) -> None:
        self.subheadings.append(text)
        self.heading_blocks.append(block)


def split_sections(layout: Layout, language: str, *, doc_id: str) -> tuple[Section, ...]:
    """Assign every block to a section; the layout's footnote blocks make the last one.

    Section ids are derived (``{doc_id}:s{n}``), so a re-run gives the same rows.
    """
    body = layout.body_size
    # A header placed away from the top (a band at the foot of page 1) is found by what it says.
    placed = _header_elsewhere(layout, body, language)
    placed_ids = {b.index for b in placed}
    recurring = frozenset(_key(b) for b in layout.blocks if b.page > 1)
    reader = _Reader(layout, body, language, _title_candidate(layout, body, placed_ids, recurring), recurring)
    for block in layout.blocks:
        if block.index not in placed_ids:
            reader.place(block)
    drafts = reader.drafts
    if placed:
        header = next((d for d in drafts if d.kind == "header"), None)
        if header is None:
            header = _Draft("header", None, page=1)
            drafts.insert(0, header)
        header.blocks.extend(placed)
    for draft in drafts:
        if draft.kind not in _PLACED_KINDS:
            _take_table_header_rows(draft, language)
    if layout.footnotes:
        drafts.append(_Draft("footnotes", None, layout.footnotes[0].page, blocks=list(layout.footnotes)))
    return tuple(_section(d, n, doc_id, language, reader.title) for n, d in enumerate(drafts, start=1))


@dataclass
class _Reader:
    """Reads blocks in order into sections: what the document's body size, language and
    title (the block in the largest type at the top of page 1) say about each block."""

    layout: Layout
    body: float
    language: str
    title: Block | None
    recurring: frozenset[str] = frozenset()  # the texts of blocks on later pages (_key)
    drafts: list[_Draft] = field(default_factory=list)
    # What the layout says about itself, worked out once rather than for every block:
    # ``Layout.body_bold`` walks every line, ``Layout.page`` every page.
    body_bold: bool = field(init=False)
    pages: dict[int, Page] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.body_bold = self.layout.body_bold
        self.pages = {}
        for page in self.layout.pages:
            self.pages.setdefault(page.number, page)  # the first of a number, as Layout.page

    def page(self, number: int) -> Page:
        """``Layout.page``: the page of that number."""
        return self.pages[number] if number in self.pages else self.layout.page(number)

    def place(self, block: Block) -> None:
        """Put a block where it belongs: a new section's heading, a subheading of the section
        just opened, the title block, or the content of the section opened last."""
        current = self.drafts[-1] if self.drafts else None
        text = block_text(block, self.language)
        if self.page(block.page).cell_of(block.bbox) is not None:
            # A table's cell, however it is set, is part of its row, not a heading.
            if current is None or current.kind == "header":
                current = _open(self.drafts, "other", None, block.page)
            current.blocks.append(block)
            return
        styled = (is_heading_styled(block, self.body, self.body_bold)
                  or self._underlined(block))
        if current is not None and current.kind == "header" and is_header_label(text, self.language):
            current.blocks.append(block)
            return
        if self._before_title(block, text, styled):
            # The title, and a logo's lines before it on page 1: the title block, whatever
            # their words name.
            if current is None or current.kind != "header":
                current = _open(self.drafts, "header", None, block.page)
            current.blocks.append(block)
            return
        kind = _heading_kind(block, text, styled, self.body, self.language, first=current is None)
        if kind is not None:
            if current is not None and current.kind == kind and not current.blocks:
                current.add_subheading(text, block)  # a second heading line of the same section
            else:
                self.drafts.append(_Draft(kind, text, block.page, heading_block=block))
            return
        at_heading = current is None or current.kind == "header" or not current.blocks
        if (styled or at_heading) and is_field_line(text, self.language):
            if current is None:
                current = _open(self.drafts, "header", None, block.page)
            current.add_subheading(text, block)
            return
        opening = current is None or current.kind == "header"
        if opening and self._in_title_block(block, text, styled):
            if current is None:
                current = _open(self.drafts, "header", None, block.page)
            current.blocks.append(block)
            return
        if styled and self._is_heading(block, text):
            heading = _without_marker(block, text)
            if (current is not None and current.kind != "header" and current.heading is not None
                    and not current.blocks and current.heading_size >= _size(block)):
                current.add_subheading(heading, block)  # a subtitle right under its heading
                return
            opened = _open(self.drafts, "other", heading, block.page)
            opened.heading_size, opened.heading_block = _size(block), block
            return
        if opening:
            # Text before the first heading that is not the title block: a section of its own.
            current = _open(self.drafts, "other", None, block.page)
        current.blocks.append(block)

    def _before_title(self, block: Block, text: str, styled: bool) -> bool:
        """Before the title in reading order and before any section, styled text that later
        pages repeat (a logo's wordmark and baseline); then the title itself."""
        if self.title is None or block.page != self.title.page or block.index > self.title.index:
            return False
        if block.index == self.title.index:
            # After a title block already begun; a title standing first is read as any block.
            return bool(self.drafts) and all(d.kind == "header" for d in self.drafts)
        return (styled and all(d.kind == "header" for d in self.drafts) and _key(block) in self.recurring
                and _heading_kind(block, text, styled, self.body, self.language, first=True) is None)

    def _in_title_block(self, block: Block, text: str, styled: bool) -> bool:
        """A line of the title block on page 1: the title itself (the largest type), or a short
        line near it (TITLE_BLOCK_REACH_EM title sizes), above or level with it, or set apart
        (bold, large, capitals), a date line or naming a country. Without a title, the top of
        page 1 (HEADER_ZONE) is the title block's place. A body paragraph, a list or an
        information box never is in it."""
        if block.page != 1:
            return False
        if self.title is not None and block.index == self.title.index:
            return True
        if (len(block.lines) > MAX_TITLE_BLOCK_LINES or len(text.split()) > MAX_TITLE_BLOCK_WORDS
                or starts_with_marker(block.lines[0])):
            return False
        named = parse_date(text, self.language) is not None or find_country([text]) is not None
        set_apart = styled or named
        if self.title is None:
            # No type larger than the body: only a date or a country's name at the top makes
            # a title block, or a styled line that holds a date ("COMMUNIQUÉ DU CONSEIL DES
            # MINISTRES DU 14 AOÛT 2024"); another styled line there is the first heading.
            dated = styled and bool(find_dates(text, self.language))
            return block.bbox.top < self.page(1).height * HEADER_ZONE and (named or dated)
        reach = TITLE_BLOCK_REACH_EM * max(ln.size for ln in self.title.lines)
        if not self.title.bbox.top - reach <= block.bbox.top <= self.title.bbox.bottom + reach:
            return False
        return block.bbox.top <= self.title.bbox.bottom or set_apart

    def _is_heading(self, block: Block, text: str) -> bool:
        """A heading whose words no vocabulary knows: a short styled block, set apart from the
        body by size or capitals, or bold and larger (an event title in bold at body size is
        an item that bullets hang under, not a heading); not a sentence, a list item, a date
        label or a label:value line."""
        marked = starts_with_marker(block.lines[0])
        if (len(block.lines) > MAX_HEADING_LINES or len(text) > MAX_HEADING_CHARS
                or len(text.split()) > MAX_OTHER_HEADING_WORDS or text.rstrip().endswith(_NOT_HEADING_ENDS)
                or (marked and not self._marked_heading(block))):
            return False
        bold = all(ln.bold for ln in block.lines) and not self.body_bold
        set_apart = (in_capitals(text) or is_large(block, self.body) or (marked and bold)
                     or self._underlined(block)
                     or (bold and block.lines[0].size >= self.body * BOLD_HEADING_SIZE_RATIO)
                     # "3- Objectifs du projet :": a bold line standing alone and ending on a
                     # colon introduces what follows as a heading does.
                     or (bold and text.rstrip().endswith(":") and _word_count(text) <= MAX_COLON_HEADING_WORDS))
        if not any(ch.isalnum() for ch in text):
            return False  # an ornament (a large opening quote), not a heading
        if (len(text.split()) > MAX_PLAIN_HEADING_WORDS and not any(ln.bold for ln in block.lines)
                and not in_capitals(text) and _size(block) < self.body * LONG_HEADING_SIZE_RATIO):
            return False
        # A date is a timeline's label, unless set as large as a title ("2017" over a spread).
        dated = parse_date(text, self.language) is not None and _size(block) < self.body * DATE_HEADING_SIZE_RATIO
        return set_apart and not dated and not is_header_label(text, self.language)


    def _underlined(self, block: Block) -> bool:
        """A one-line block with a rule drawn right under it, about as wide as its text: an
        underlined heading (a separator rule runs much wider)."""
        if len(block.lines) != 1:
            return False
        line = block.lines[0]
        reach = UNDERLINE_DROP_EM * line.size
        return any(line.bbox.bottom - reach <= (r.top + r.bottom) / 2 <= line.bbox.bottom + reach
                   and r.h_overlap(line.bbox) >= UNDERLINE_SHARE * line.bbox.width
                   and r.width <= line.bbox.width + UNDERLINE_OVERRUN_EM * line.size
                   for r in self.page(block.page).horizontal_rules)

    def _marked_heading(self, block: Block) -> bool:
        """A heading set after a symbol ("✓ Les recettes", "❖ LES PROJECTIONS"): one line, a
        glyph marker (not a number or a dash, which number and list points), and no list around
        it: neither block beside it in the reading order starts with the same glyph, and the
        next is no list point (an event title in bold has its points under it)."""
        if len(block.lines) > 1:
            return False
        glyph = _marker_glyph(block.lines[0])
        if glyph is None:
            return False
        neighbours = [b for b in self.layout.blocks if abs(b.index - block.index) == 1]
        if any(_marker_glyph(b.lines[0]) == glyph for b in neighbours):
            return False
        # What follows is text, or another heading: not the points of a list it titles.
        following = [b for b in neighbours if b.index > block.index]
        return not any(starts_with_marker(b.lines[0]) and not (len(b.lines) == 1 and b.lines[0].bold)
                       for b in following)


def _size(block: Block) -> float:
    return max(ln.size for ln in block.lines)


def _marker_glyph(line: Line) -> str | None:
    """The symbol, bullet or arrow glyph a line starts with, or None (no marker, a number or
    a dash, a drawn bullet)."""
    if not line.spans or line.drawn_marker:
        return None
    first = line.spans[0]
    following = line.spans[1].fontname if len(line.spans) > 1 else None
    head = first.text.strip()
    if head and (glyph_rules().is_icon(head, first.fontname) or is_marker_glyph(head[:1], first.fontname, following)):
        return head[:1]
    kind, _ = text_marker(line.text)
    return line.text.strip()[:1] if kind in ("bullet", "arrow") else None


def _without_marker(block: Block, text: str) -> str:
    """A heading's text without the symbol it is set after."""
    glyph = _marker_glyph(block.lines[0])
    return text.strip()[1:].strip() if glyph is not None and text.strip().startswith(glyph) else text


def _word_count(text: str) -> int:
    """Words with a letter or digit in them (French sets its colon apart: "Objectifs :")."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def _key(block: Block) -> str:
    """A block's text as blocks on different pages are compared."""
    return squash(block.text).casefold()


def _title_candidate(layout: Layout, body: float, skip: set[int], recurring: frozenset[str]) -> Block | None:
    """The document's title: the block in the largest type on page 1, wherever it stands (a
    photo may fill the top), if it is larger than the body and short enough to be a title.

    Display text that page 1 shares with a later page (a logo's wordmark and baseline, a
    banner) names the publisher or the series; where page 1 also has display type of its own
    (TITLE_SIZE_RATIO times the body), that is the title."""
    candidates = [b for b in layout.blocks if b.page == 1 and b.index not in skip
                  and len(b.lines) <= MAX_TITLE_BLOCK_LINES and len(b.text.split()) <= MAX_TITLE_WORDS_OF_TITLE]
    if not candidates:
        return None
    by_size = sorted(candidates, key=lambda b: (-_size(b), b.index))
    largest = by_size[0]
    if _size(largest) <= body:
        return None
    own = [b for b in by_size if _key(b) not in recurring and _size(b) >= body * TITLE_SIZE_RATIO]
    return own[0] if own else largest


def _open(drafts: list[_Draft], kind: SectionKind, heading: str | None, page: int) -> _Draft:
    drafts.append(_Draft(kind, heading, page))
    return drafts[-1]


def _heading_kind(block: Block, text: str, styled: bool, body: float, language: str,
                  first: bool) -> SectionKind | None:
    """The section kind the block names as a heading, or None.

    A heading-styled block is classified by phrase, and by lemma when it looks like a
    section heading; a block in the body style only when it is exactly a vocabulary phrase.
    A notes heading before any section is not one (a header line saying "Notes")."""
    kind = None
    if styled and len(text) <= MAX_HEADING_CHARS:
        kind = classify_heading(text, language, by_lemma=_looks_like_section_heading(block, text, body))
    if kind is None and not styled and names_heading_exactly(text, language):
        kind = classify_heading(text, language, by_lemma=False)
    if kind == "footnotes" and first:
        return None
    return kind


def _looks_like_section_heading(block: Block, text: str, body: float) -> bool:
    """Capitals or large type, in a few words: worth looking up by lemma."""
    return (in_capitals(text) or is_large(block, body)) and len(text.split()) <= MAX_HEADING_WORDS


def _section(draft: _Draft, n: int, doc_id: str, language: str, title: Block | None) -> Section:
    """The finished section: headings on one line; the header's title is its largest text
    that names a country, and every other header line is a subheading."""
    heading, subheadings = draft.heading, draft.subheadings
    heading_block = draft.heading_block
    printed = ([heading_block] if heading_block is not None else []) + draft.heading_blocks
    if draft.kind == "header":
        header_blocks = sorted(draft.blocks + draft.heading_blocks, key=lambda b: b.index)
        title = heading_block = _title_block(header_blocks, language, title)
        heading = block_text(title, language) if title is not None else None
        subheadings = [block_text(b, language) for b in header_blocks if b is not title]
        printed = header_blocks
    heading = squash(heading or "") or None
    periods = find_dates(heading, language) if heading and draft.kind not in _PLACED_KINDS else ()
    where = heading_block if heading_block is not None else (draft.blocks[0] if draft.blocks else None)
    pages = [b.page for b in printed + draft.blocks]
    return Section(section_id=f"{doc_id}:s{n}", order=n, kind=draft.kind, heading=heading, page=draft.page,
                   subheadings=tuple(squash(s) for s in subheadings),
                   heading_period=periods[0] if periods else None, blocks=tuple(draft.blocks),
                   bbox=first_box(where.lines) if where is not None and where.page == draft.page else None,
                   last_page=max(pages) if pages else draft.page,
                   heading_lines=tuple(p for b in printed for p in Placed.of_lines(b.lines)))


def _take_table_header_rows(draft: _Draft, language: str) -> None:
    """Move the header rows of tables used as timelines from the blocks to the subheadings."""
    for row in _table_header_rows(draft.blocks, language):
        in_row = {b.index for b in row}
        draft.blocks = [b for b in draft.blocks if b.index not in in_row]
        draft.subheadings.append(" ".join(block_text(b, language) for b in row))


def _table_header_rows(blocks: Sequence[Block], language: str) -> list[list[Block]]:
    """Header rows of tables used as timelines ("Date | Activité | Partenaires"): two or more
    short bold cells side by side, level with each other, with a date right under the first."""
    rows = []
    candidates = [b for b in blocks if all(ln.bold for ln in b.lines) and len(b.text.split()) <= MAX_HEADER_CELL_WORDS
                  and parse_date(b.text, language) is None]
    used: set[int] = set()
    for b in sorted(candidates, key=lambda b: (b.page, b.bbox.top, b.bbox.x0)):
        if b.index in used:
            continue
        row = sorted((o for o in candidates if o.page == b.page and abs(o.bbox.top - b.bbox.top) <= ROW_TOLERANCE
                      and o.index not in used), key=lambda o: o.bbox.x0)
        if len(row) < 2 or any(o.bbox.h_overlap(p.bbox) > 0 for o, p in zip(row, row[1:])):
            continue
        first, height = row[0], row[0].lines[0].bbox.height
        under = [o for o in blocks if o.page == first.page and o.bbox.h_overlap(first.bbox) > 0
                 and 0 <= o.bbox.top - first.bbox.bottom <= HEADER_ROW_GAP_EM * height]
        if any(parse_date(o.text, language) is not None for o in under):
            rows.append(row)
            used.update(o.index for o in row)
    return rows


def _title_block(blocks: Sequence[Block], language: str, candidate: Block | None) -> Block | None:
    """The header's title: the block in the largest type that names a country, else the
    document's title candidate (_title_candidate) if the header holds it, else the block in the
    largest type (a "FICHE PAYS" banner above the country's name is not the title)."""
    if not blocks:
        return None

    def largest(candidates: Sequence[Block]) -> Block:
        return max(candidates, key=lambda b: (max(ln.size for ln in b.lines), -b.index))

    naming = [b for b in blocks if find_country([block_text(b, language)]) is not None
              and not is_header_label(block_text(b, language), language)
              and not is_field_line(block_text(b, language), language)]
    if naming:
        return largest(naming)
    if candidate is not None and any(b.index == candidate.index for b in blocks):
        return candidate
    return largest(blocks)


def _header_elsewhere(layout: Layout, body: float, language: str) -> list[Block]:
    """Header blocks of page 1 outside the top zone: the reference-country label, the domain
    line, and a country name set large, standing together (within a few lines of each other)."""
    if not any(p.number == 1 for p in layout.pages):
        return []
    page = layout.page(1)
    found = []
    for b in layout.blocks:
        if b.page != 1 or b.bbox.top < page.height * HEADER_ZONE:
            continue
        text = block_text(b, language)
        large = max(ln.size for ln in b.lines) >= body * TITLE_SIZE_RATIO
        if is_header_label(text, language) or is_domain_line(text, language) or (
                large and len(text.split()) <= MAX_TITLE_WORDS and find_country([text]) is not None):
            found.append(b)
    if not any(is_header_label(block_text(b, language), language) for b in found):
        return []  # without the label, a large country name may just be a heading
    top = min(b.bbox.top for b in found)
    return [b for b in found if b.bbox.top - top <= page.height * HEADER_BAND_SHARE]
