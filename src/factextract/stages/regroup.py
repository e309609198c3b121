"""Blocks -> blocks re-cut where the vocabulary shows the layout cut them wrongly.

Three repairs, before anything is classified: a heading set over separate text boxes
("LE SYSTÈME DES" / "PAYS RÉFÉRENTS") becomes one block when the whole matches a longer
heading phrase than its first part, and so does a field title left open across boxes
("Action 20 : ... (notamment" / "par le biais ...)"); a block holding a field line after
other lines ("Mise en œuvre du Plan d'Action de Marrakech" / "Action 6 : ...") is cut before
it; a paragraph that runs on into the next column or page is one block, where it begins. The
blocks are then numbered again, in the same reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from ..dates import parse_date
from ..model import Block, Layout, Line
from ..text.markers import starts_with_marker
from ..text.repair import block_text, join_lines
from ..text.style import HEADING_SIZE_RATIO, is_heading_styled
from ..vocab.glyphs import font_family
from ..vocab.headings import is_field_line, phrase_match
from ..vocab.language import open_ended_ending

# A heading may be set over at most this many separate blocks, this many line heights apart
# (or overlapping by at most MAX_OVERLAP_RATIO line heights).
MAX_HEADING_PARTS = 3
HEADING_PART_GAP = 2.5
MAX_OVERLAP_RATIO = 0.5
# The parts of one heading differ in size by at most this many points.
SAME_SIZE_TOLERANCE = 0.5
# A label of an information box ("Budget:", "Commissioned and managed by:") has at most this
# many words over at most MAX_LABEL_LINES lines, and ends on a colon.
MAX_LABEL_WORDS = 5
MAX_LABEL_LINES = 3
# Its value starts at most this many font sizes right of it, level with its first line
# (tops within LEVEL_TOLERANCE_EM font sizes) ...
MAX_VALUE_GAP_EM = 10.0
LEVEL_TOLERANCE_EM = 0.3
# ... and a column of at least this many such labels is an information box's grid.
MIN_GRID_LABELS = 2
# Timeline labels set with no space between them: a column of at most this many lines of at
# most MAX_LABEL_CHARS characters, at most MAX_LABEL_GAP_EM font sizes from its entries.
MAX_STACKED_LABEL_LINES = 12
MAX_LABEL_CHARS = 40
MAX_LABEL_GAP_EM = 8.0
# Sizes (points) below this are broken font matrices: measures use at least this.
MIN_SIZE = 1.0
# Left edges within this many points are one column's edge.
EDGE_TOLERANCE = 2.0
# A key figure ("7,2 millions d’euros", "24 000", "+18 %") is a number set large, in at most
# MAX_FIGURE_WORDS words; its caption, in smaller type, starts at most MAX_CAPTION_GAP_EM
# (caption) sizes under it, in at most MAX_CAPTION_PARTS blocks.
_KEY_FIGURE = re.compile(r"^[+\-−]?\d[\d\s.,]*(?:\s?%)?(?=\s|$)")
# A number that opens a heading is no key figure: an outline number ("1. Introduction",
# "2.1 Contexte": a dot or bracket after it, or a capital word after a dotted number) or a
# year before words ("2017 en chiffres").
_HEADING_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|\d{1,2}(?:\.\d{1,2})+\s+[A-ZÀ-ÖØ-Þ]|(?:19|20)\d\d\s+\w)")
MAX_FIGURE_WORDS = 6
MAX_CAPTION_GAP_EM = 1.0
MAX_CAPTION_PARTS = 3
# A title ending on one of these continues in the next box.
_OPEN_ENDINGS = (",", ":", "-", "–", "(")
# A paragraph ending on one of these has ended; one ending on a hyphen broke a word.
_SENTENCE_ENDS = (".", "!", "?", ":", "…")
_LINE_BREAK_HYPHENS = ("-", "\u2010", "\u00ad")


def regroup_blocks(layout: Layout, language: str) -> Layout:
    """The layout with headings joined across boxes, field lines cut out of blocks, and
    paragraphs joined across column and page breaks."""
    body = layout.body_size
    blocks = [part for b in layout.blocks for part in _split_at_fields(b, language)]
    blocks = _split_at_timeline_labels(blocks, language)
    blocks = _join_key_figures(_pair_labels(blocks, language), body, language)
    return Layout.of(layout.pages, _join_continued_paragraphs(_join_broken_headings(blocks, body, language, layout.body_bold)))


def _join_key_figures(blocks: list[Block], body: float, language: str) -> list[Block]:
    """A key figure and its caption ("24 000" / "mois de chômage évités en 2017" / "grâce à
    …") are one statement, one block: the figure is set large, but it is no heading."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        figure = blocks[i]
        parts = [figure]
        if _is_key_figure(figure, body, language):
            size = max(ln.size for ln in figure.lines)
            for after in blocks[i + 1:i + 1 + MAX_CAPTION_PARTS]:
                above = parts[-1]
                caption_size = max(ln.size for ln in after.lines)
                if (after.page != figure.page or caption_size * HEADING_SIZE_RATIO > size
                        or after.bbox.h_overlap(figure.bbox) <= 0 or starts_with_marker(after.lines[0])
                        or not 0 <= after.bbox.top - above.bbox.bottom <= MAX_CAPTION_GAP_EM * caption_size):
                    break
                parts.append(after)
        out.append(figure if len(parts) == 1 else Block.of([ln for b in parts for ln in b.lines]))
        i += len(parts)
    return out


def _is_key_figure(block: Block, body: float, language: str) -> bool:
    """A short block set large that begins with a number and is not a date."""
    text = block.text.strip()
    return (block.lines[0].size >= body * HEADING_SIZE_RATIO and len(text.split()) <= MAX_FIGURE_WORDS
            and bool(_KEY_FIGURE.match(text)) and not _HEADING_NUMBER.match(text)
            and parse_date(text, language) is None)


def _pair_labels(blocks: list[Block], language: str) -> list[Block]:
    """An information box set as a grid (labels in one column, each value beside its label in
    another: "Evaluation type:" | "Central Evaluation") gives one block per row, label then
    value, where the label stands; the contract's item is "Budget: 37.741 USD"."""
    labels = [b for b in blocks if _is_label(b, language)]
    label_ids = {id(b) for b in labels}
    values = [b for b in blocks if id(b) not in label_ids]
    rows: dict[int, list[Line]] = {}  # id of a label block -> its value lines
    for column in _label_columns(labels):
        firsts = [_level_value(label, values) for label in column]
        paired = [first for first in firsts if first is not None]
        if len(paired) < MIN_GRID_LABELS:
            continue
        edge = min(first.bbox.x0 for first in paired)
        for k, (label, first) in enumerate(zip(column, firsts)):
            if first is None or abs(first.bbox.x0 - edge) > EDGE_TOLERANCE:
                continue
            below = column[k + 1].bbox.top if k + 1 < len(column) else None
            rows[id(label)] = _value_lines(first, values, edge, below)
    if not rows:
        return blocks
    taken = {id(ln) for lines in rows.values() for ln in lines}
    out: list[Block] = []
    for block in blocks:
        if id(block) in rows:
            out.append(Block.of(block.lines + tuple(rows[id(block)])))
            continue
        rest = [ln for ln in block.lines if id(ln) not in taken]
        if len(rest) == len(block.lines):
            out.append(block)
        elif rest:
            out.append(Block.of(rest))
    return out


def _is_label(block: Block, language: str) -> bool:
    """A short block ending on a colon that is not a date ("Budget:", "Donor :")."""
    text = block.text.strip()
    if (len(block.lines) > MAX_LABEL_LINES or not text.endswith(":") or len(text.split()) > MAX_LABEL_WORDS
            or starts_with_marker(block.lines[0])):
        return False
    return parse_date(text.rstrip(": "), language) is None


def _label_columns(labels: Sequence[Block]) -> list[list[Block]]:
    """Labels grouped by page and left edge (each within EDGE_TOLERANCE of the one before),
    each column top to bottom."""
    columns: list[list[Block]] = []
    for label in sorted(labels, key=lambda b: (b.page, b.bbox.x0)):
        column = next((c for c in columns if c[-1].page == label.page
                       and abs(c[-1].bbox.x0 - label.bbox.x0) <= EDGE_TOLERANCE), None)
        if column is None:
            columns.append([label])
        else:
            column.append(label)
    return [sorted(c, key=lambda b: b.bbox.top) for c in columns]


def _level_value(label: Block, blocks: Sequence[Block]) -> Line | None:
    """The nearest line right of the label, level with its first line, within reach."""
    first = label.lines[0]
    size = max(first.size, MIN_SIZE)
    candidates = [ln for b in blocks if b.page == label.page for ln in b.lines
                  if label.bbox.x1 - EDGE_TOLERANCE <= ln.bbox.x0 <= label.bbox.x1 + MAX_VALUE_GAP_EM * size
                  and abs(ln.bbox.top - first.bbox.top) <= LEVEL_TOLERANCE_EM * size]
    return min(candidates, key=lambda ln: ln.bbox.x0, default=None)


def _value_lines(first: Line, blocks: Sequence[Block], edge: float, below: float | None) -> list[Line]:
    """A value's lines: from its first line down its block (wrapped under the label too, as a
    tab leaves it), above the next label's top when there is one."""
    home = next(b for b in blocks if any(ln is first for ln in b.lines))
    start = next(i for i, ln in enumerate(home.lines) if ln is first)
    out = [first]
    for ln in home.lines[start + 1:]:
        if below is not None and ln.bbox.top >= below - EDGE_TOLERANCE:
            break
        out.append(ln)
    if below is not None:
        # A value the layout cut into blocks of their own lines ("February-March 2024" /
        # "March 2024 (Türkiye)"), down to the next label.
        out += [ln for b in blocks if b is not home and b.page == first.page for ln in b.lines
                if abs(ln.bbox.x0 - edge) <= EDGE_TOLERANCE and first.bbox.bottom <= ln.bbox.top < below - EDGE_TOLERANCE]
    return sorted(out, key=lambda ln: ln.bbox.top)


def _join_continued_paragraphs(blocks: list[Block]) -> list[Block]:
    """A paragraph broken by a column or page break is one block; its box stays where it
    begins (the contract puts such an item "in the place where it begins")."""
    out: list[Block] = []
    for block in blocks:
        if out and _runs_on(out[-1], block):
            first = out[-1]
            out[-1] = Block(first.lines + block.lines, first.page, first.bbox)
        else:
            out.append(block)
    return out


def _runs_on(before: Block, after: Block) -> bool:
    """``after`` continues ``before``'s sentence in a new column or on a new page: it starts
    higher up or on a later page, in the same style, with no list marker, and ``before``
    ends mid-sentence while ``after`` starts in lower case (or ``before`` ends on a
    line-break hyphen)."""
    last, first = before.lines[-1], after.lines[0]
    moved = after.page > before.page or (after.page == before.page and first.bbox.top < last.bbox.top)
    if not moved or starts_with_marker(first):
        return False
    if (first.bold != last.bold or abs(first.size - last.size) > SAME_SIZE_TOLERANCE
            or _family(first) != _family(last)):
        return False
    end, start = last.text.rstrip(), first.text.lstrip()
    if not end or not start or end.endswith(_SENTENCE_ENDS):
        return False
    return start[0].islower() or end.endswith(_LINE_BREAK_HYPHENS)


def _family(line: Line) -> str:
    main = max(line.spans, key=lambda sp: len(sp.text.strip()), default=None)
    return "" if main is None else font_family(main.fontname)


def _join_broken_headings(blocks: list[Block], body: float, language: str, body_bold: bool) -> list[Block]:
    """Join a heading set over separate text boxes ("LE SYSTÈME DES" / "PAYS RÉFÉRENTS",
    "Mise en œuvre" / "du Plan d'Action de Marrakech") when the joined text matches a longer
    heading phrase than its first part alone."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        take = _heading_parts(blocks, i, body, language, body_bold) if is_heading_styled(blocks[i], body, body_bold) else 1
        parts = blocks[i:i + take]
        out.append(parts[0] if take == 1 else Block.of([ln for b in parts for ln in b.lines]))
        i += take
    return out


def _heading_parts(blocks: list[Block], i: int, body: float, language: str, body_bold: bool) -> int:
    """How many blocks from ``blocks[i]`` (a heading-styled one) make one heading."""
    alone = phrase_match(block_text(blocks[i], language), language)
    best, take = (alone[1] if alone else 0), 1
    for k in range(2, MAX_HEADING_PARTS + 1):
        parts = blocks[i:i + k]
        if len(parts) < k or not _same_heading_run(parts, body, body_bold):
            break
        match = phrase_match(" ".join(block_text(b, language) for b in parts), language)
        if match and match[1] > best:
            best, take = match[1], k
    # A field title left open ("Action 20 : ... (notamment" / "par le biais ...)").
    if take == 1 and is_field_line(block_text(blocks[i], language), language):
        while (i + take < len(blocks)
               and _left_open(" ".join(block_text(b, language) for b in blocks[i:i + take]))
               and _same_heading_run(blocks[i:i + take + 1], body, body_bold)):
            take += 1
    return take


def _left_open(text: str) -> bool:
    """A title that does not end: an unclosed parenthesis, or a trailing word that needs more."""
    text = text.rstrip()
    return (text.count("(") > text.count(")") or text.endswith(_OPEN_ENDINGS)
            or bool(open_ended_ending().search(text)))


def _same_heading_run(parts: Sequence[Block], body: float, body_bold: bool) -> bool:
    """Consecutive heading-styled blocks, in the same style, close under one another."""
    first = parts[0]
    for prev, b in zip(parts, parts[1:]):
        if b.page != first.page or not is_heading_styled(b, body, body_bold):
            return False
        if (abs(b.lines[0].size - first.lines[0].size) > SAME_SIZE_TOLERANCE
                or b.lines[0].bold != first.lines[0].bold):
            return False
        height = max(ln.bbox.height for ln in prev.lines)
        if not (-MAX_OVERLAP_RATIO * height <= b.bbox.top - prev.bbox.bottom <= HEADING_PART_GAP * height):
            return False
        if b.bbox.h_overlap(prev.bbox) <= 0:
            return False
    return True


def _split_at_timeline_labels(blocks: list[Block], language: str) -> list[Block]:
    """Timeline labels and entries set with no space between them are cut apart where they
    meet: a column of labels ("2018" / "June" / "2018") before each line level with a line of
    the entries beside it, when the whole does not read as one date and every part does; the
    entries before each line level with the first line of such a label."""
    cuts: dict[int, set[int]] = {}
    by_page: dict[int, list[int]] = {}
    for k, block in enumerate(blocks):
        by_page.setdefault(block.page, []).append(k)
    for a, label in enumerate(blocks):
        if not _may_be_labels(label):
            continue
        # label and entry lines level with each other, the entries in any block beside the
        # labels, where an entry may start (not on a line going on in lower case)
        page_blocks = [blocks[b] for b in by_page[label.page]]
        # entries far from the labels (flush right of a wide column, nothing between) are
        # only dated where they start, never cut
        side = {b: _beside_labels(label, blocks[b], page_blocks) for b in by_page[label.page] if b != a}
        level = [(i, b, j) for b, where in side.items() if where is not None
                 for i, ln in enumerate(label.lines) for j, o in enumerate(blocks[b].lines)
                 if abs(ln.bbox.top - o.bbox.top) <= LEVEL_TOLERANCE_EM * max(ln.size, o.size, MIN_SIZE)
                 and not o.text[:1].islower() and (where == "near" or j == 0)]
        if not level:
            continue
        if _reads_as_date(label.lines, language):
            label_cuts: list[int] = []
        else:
            label_cuts = _date_parts(label.lines, sorted({i for i, _, _ in level if i > 0}), language)
            if not label_cuts:
                continue  # not a label, nor labels
        starts = {0, *label_cuts}
        cuts.setdefault(a, set()).update(label_cuts)
        for i, b, j in level:
            if i in starts and j > 0:
                cuts.setdefault(b, set()).add(j)
    out: list[Block] = []
    for k, block in enumerate(blocks):
        out += [Block.of(part) for part in _cut(block.lines, sorted(cuts.get(k, ())))] if cuts.get(k) else [block]
    return out


def _may_be_labels(block: Block) -> bool:
    return (len(block.lines) <= MAX_STACKED_LABEL_LINES and all(len(ln.text) <= MAX_LABEL_CHARS for ln in block.lines)
            and not any(starts_with_marker(ln) for ln in block.lines))


def _beside_labels(label: Block, entries: Block, page_blocks: Sequence[Block]) -> Literal["near", "far"] | None:
    """Side by side: "near", or "far" with nothing between them (labels flush right of a
    wide column): the entries a label column dates; else None."""
    if label.page != entries.page or label.bbox.h_overlap(entries.bbox) > 0 or label.bbox.v_overlap(entries.bbox) <= 0:
        return None
    gap = max(entries.bbox.x0 - label.bbox.x1, label.bbox.x0 - entries.bbox.x1)
    if gap <= MAX_LABEL_GAP_EM * max(label.lines[0].size, MIN_SIZE):
        return "near"
    lo, hi = sorted((label.bbox.x1, entries.bbox.x0) if entries.bbox.x0 > label.bbox.x1 else (entries.bbox.x1, label.bbox.x0))
    top, bottom = max(label.bbox.top, entries.bbox.top), min(label.bbox.bottom, entries.bbox.bottom)
    between = any(o is not label and o is not entries and o.bbox.top < bottom and o.bbox.bottom > top
                  and o.bbox.x0 < hi and o.bbox.x1 > lo for o in page_blocks)
    return None if between else "far"


def _cut(lines: Sequence[Line], cuts: Sequence[int]) -> list[Sequence[Line]]:
    bounds = [0, *cuts, len(lines)]
    return [lines[start:end] for start, end in zip(bounds, bounds[1:])]


def _date_parts(lines: Sequence[Line], candidates: Sequence[int], language: str) -> list[int]:
    """The cuts, among ``candidates``, that part the lines into the most dates, each part one
    date; [] when no such parting exists."""
    bounds = [0, *candidates, len(lines)]
    # best[k]: the most parts the lines before bounds[k] make, each a date, and the cuts made
    best: dict[int, tuple[int, list[int]]] = {0: (0, [])}
    for k in range(1, len(bounds)):
        for start in range(k):
            if start in best and _reads_as_date(lines[bounds[start]:bounds[k]], language):
                parts, made = best[start]
                if parts + 1 > best.get(k, (0, []))[0]:
                    best[k] = (parts + 1, made + ([bounds[start]] if start else []))
    return best.get(len(bounds) - 1, (0, []))[1]


def _reads_as_date(lines: Sequence[Line], language: str) -> bool:
    return parse_date(join_lines([ln.text for ln in lines], language), language) is not None


def _split_at_fields(block: Block, language: str) -> list[Block]:
    """A block cut before each line that opens a document field ("Mise en œuvre du Plan
    d'Action de Marrakech" / "Action 6 : ..." set as one bold block; "Reference country" /
    "Domain 3: ..." set as one block of the header)."""
    if len(block.lines) < 2:
        return [block]
    cuts = [i for i, ln in enumerate(block.lines) if i > 0 and is_field_line(ln.text, language)]
    if not cuts:
        return [block]
    return [Block.of(part) for part in _cut(block.lines, cuts)]
