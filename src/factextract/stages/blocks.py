"""Lines in reading order -> blocks: paragraphs, bullets, headings and labels.

Consecutive lines stay together while nothing says otherwise. A new block starts at a list
marker, a change of weight, size or typeface, a vertical gap wider than the line pitch, a
line that starts left of the block's text, a drawn rule between two lines, a sentence that
ends short of the column's right edge before a capital, or a capital whose word would have
fitted on the line above. The measures are the document's own:
its usual line pitch per size, and how far right each column's lines reach.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Sequence

from ..dates import parse_date
from ..model import POSITION_TOLERANCE, Block, Line, Page
from ..text.markers import starts_with_marker
from ..text.style import in_capitals
from ..vocab.glyphs import font_family, glyph_rules

# Consecutive lines whose sizes differ by more than this share are in different styles.
STYLE_SIZE_CHANGE = 0.05
# Lines whose sizes differ by at most this many points are of one size when measuring pitch.
SAME_SIZE_TOLERANCE = 0.1
# A line that wrapped (the next word would not fit) is continued by a line at most this many
# font sizes below it, whatever the document's leading.
MAX_WRAP_PITCH_EM = 2.0
# ... in a column at least this many font sizes wide (in a narrow one every line looks full).
MIN_WRAP_COLUMN_EM = 12.0
# ... and starts at most this many font sizes right of where the wrapped line's text starts.
MAX_WRAP_INDENT_EM = 3.0
# A baseline step this much wider than the block's pitch, or (for its second line) wider than
# this many font sizes, is paragraph spacing.
PITCH_RATIO = 1.25
MAX_FIRST_PITCH_EM = 1.6
# Baseline steps between these many font sizes are line pitches (outside: overlaps, gaps).
MIN_PITCH_EM, MAX_PITCH_EM = 0.9, 2.5
# The document's usual pitch for a size is trusted once seen this many times.
MIN_PITCH_SAMPLES = 5
# Lines within this many points above or below, starting at the same left edge (within
# SAME_EDGE points), show how far right a column reaches.
COLUMN_NEIGHBOURHOOD = 120.0
SAME_EDGE = 2.0
# Lines further apart than this many line heights start a new block; lines overlapping by
# more than MAX_OVERLAP_RATIO line heights are not one above the other.
BLOCK_GAP_RATIO = 0.55
MAX_OVERLAP_RATIO = 0.5
# A line starting more than this many font sizes left of the block's text starts a new block.
OUTDENT_EM = 0.8
# A sentence that ends more than this many font sizes short of the column's right edge,
# before a capital, ends its paragraph.
SHORT_LINE_EM = 3.0
# A rule between two lines separates them when it is at least this share of the narrower
# line wide (a cell border), not an underline under one word.
RULE_SPAN_SHARE = 0.5
# A line with at least this many letters in each weight mixes them (running text with words
# set in bold), whatever its majority weight.
MIN_MIXED_LETTERS = 3
# Line heights below this (points) are broken glyph boxes; gaps are judged by at least this.
MIN_LINE_HEIGHT = 1.0
# An entry of a list without markers: a label of at most four words, then a spaced dash.
_ENTRY = re.compile(r"^[^\s–—-]+(?:\s+[^\s–—-]+){0,3}\s+[–—-]\s")
# A line's last words after a comma, to be read as a date: at most this many characters.
_DATE_TAIL = re.compile(r",\s*([^,]{2,40})$")
# A sentence ends on one of these before a new paragraph.
_SENTENCE_ENDS = (".", "!", "?", ":")


def lines_to_blocks(lines: Sequence[Line], page: Page | None = None) -> tuple[Block, ...]:
    """Group lines (in reading order) into blocks: paragraphs, bullets, headings, labels.

    With the page, a drawn horizontal rule or box edge between two lines (a table's cell
    border) always separates them, and the lines of one cell of a drawn table are one block."""
    groups: list[list[Line]] = []
    # Each line's baseline (a median of its glyphs'), worked out once: the tests below ask for
    # a line's several times. By id: equal lines may hold different glyphs.
    baselines = {id(ln): _baseline(ln) for ln in lines}
    pitches = _line_pitches(lines, baselines)
    rights = _column_rights(lines)
    horizontals = _horizontal_edges(page) if page is not None else ()
    heavy = page.heavy_fonts if page is not None else frozenset()
    cells = [page.cell_of(ln.bbox) if page is not None and page.tables else None for ln in lines]
    for i, ln in enumerate(lines):
        if groups and (cells[i] is not None or cells[i - 1] is not None):
            joins = cells[i] == cells[i - 1]  # a table's cell is one block, whatever its lines
        else:
            joins = bool(groups) and (_continues(groups[-1], ln, pitches, rights[i - 1], heavy, baselines)
                                      and not _rule_between(groups[-1][-1], ln, horizontals))
        if joins:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return tuple(Block.of(group) for group in groups)


def _horizontal_edges(page: Page) -> tuple[tuple[float, float, float], ...]:
    """(y, x0, x1) of every drawn horizontal rule and box edge of a page."""
    edges = [((r.top + r.bottom) / 2, r.x0, r.x1) for r in page.horizontal_rules]
    for r in page.rects:
        edges += [(r.top, r.x0, r.x1), (r.bottom, r.x0, r.x1)]
    return tuple(edges)


def _rule_between(upper: Line, lower: Line, edges: Sequence[tuple[float, float, float]]) -> bool:
    """A rule in the gap between two lines, as wide as half the narrower one: a cell border or
    separator, not an underline (which sits inside its line's box and spans a word)."""
    left, right = max(upper.bbox.x0, lower.bbox.x0), min(upper.bbox.x1, lower.bbox.x1)
    least = RULE_SPAN_SHARE * min(upper.bbox.width, lower.bbox.width)
    return any(upper.bbox.bottom + POSITION_TOLERANCE < y < lower.bbox.top - POSITION_TOLERANCE
               and x0 < right and x1 > left and x1 - x0 >= least for y, x0, x1 in edges)


def _line_pitches(lines: Sequence[Line], baselines: dict[int, float]) -> dict[float, float]:
    """The usual baseline step between consecutive lines of one size, per size: the document's
    own leading, against which paragraph spacing stands out."""
    steps: dict[float, list[float]] = {}
    for prev, ln in zip(lines, lines[1:]):
        if (prev.page != ln.page or abs(prev.size - ln.size) > SAME_SIZE_TOLERANCE
                or prev.bbox.h_overlap(ln.bbox) <= 0):
            continue
        step = baselines[id(ln)] - baselines[id(prev)] - ln.superscript_rise
        if MIN_PITCH_EM * ln.size <= step <= MAX_PITCH_EM * ln.size:
            steps.setdefault(round(ln.size, 1), []).append(step)
    return {size: statistics.median(v) for size, v in steps.items() if len(v) >= MIN_PITCH_SAMPLES}


def _column_rights(lines: Sequence[Line]) -> list[float]:
    """For each line, the right edge of its column: the furthest right that nearby lines
    starting at the same left edge reach. A paragraph's last line stops short of it."""
    # The lines at a left edge are found by bisection among the lines sorted by it (a NaN edge
    # is at none), then taken in reading order, as a scan of every line would take them.
    order = sorted((i for i, ln in enumerate(lines) if ln.bbox.x0 == ln.bbox.x0), key=lambda i: lines[i].bbox.x0)
    lefts = [lines[i].bbox.x0 for i in order]
    out: list[float] = []
    for ln in lines:
        x0 = ln.bbox.x0
        # abs(left - x0) <= SAME_EDGE, as two conditions that turn true once as left grows.
        lo = bisect.bisect_left(lefts, True, key=lambda left: left - x0 >= -SAME_EDGE)
        hi = bisect.bisect_left(lefts, True, lo, key=lambda left: left - x0 > SAME_EDGE)
        near = [o.bbox.x1 for o in (lines[i] for i in sorted(order[lo:hi]))
                if o.page == ln.page and abs(o.bbox.top - ln.bbox.top) <= COLUMN_NEIGHBOURHOOD]
        out.append(max(near, default=ln.bbox.x1))
    return out


def _continues(block: list[Line], ln: Line, pitches: dict[float, float], column_right: float,
               heavy: frozenset[str], baselines: dict[int, float]) -> bool:
    """Whether ``ln`` continues the block (the lines so far); ``column_right`` is how far
    right the column of the block's last line reaches; ``heavy`` the document's bold fonts;
    ``baselines`` the lines' baselines, by id."""
    prev = block[-1]
    if ln.page != prev.page or starts_with_marker(ln):
        return False
    if abs(ln.size - prev.size) > STYLE_SIZE_CHANGE * max(ln.size, prev.size):
        return False
    if ln.bold != prev.bold and not (
            # Running text with words in bold: a wrapped line, then one mixing weights or going
            # on with the sentence in lower case.
            (_mixes_weights(ln, heavy) or _mixes_weights(prev, heavy) or ln.text[:1].islower())
            and _wrapped(prev, ln, column_right)):
        return False
    if _family(ln) != _family(prev):
        return False  # a heading's sans-serif over the body's serif, an event title's face
    height = max(prev.bbox.height, ln.bbox.height, MIN_LINE_HEIGHT)
    gap = ln.bbox.top - prev.bbox.bottom
    if gap < -MAX_OVERLAP_RATIO * height:
        return False
    wrapped = (_wrapped(prev, ln, column_right)
               and baselines[id(ln)] - baselines[id(prev)] <= MAX_WRAP_PITCH_EM * max(ln.size, prev.size))
    spaced = _spaced_apart(block, ln, pitches, baselines)
    if spaced and len(block) >= 2:
        return False  # further below than the block's own lines are apart, even after a full line
    if (gap > BLOCK_GAP_RATIO * height or spaced) and not wrapped:
        return False
    if ln.bbox.h_overlap(prev.bbox) <= 0:
        return False
    if (len(block) == 1 and in_capitals(prev.text) and not ln.text[:1].islower()
            and any(ch.islower() for ch in ln.text) and not wrapped):
        # A heading in capitals, then text in small letters: "CALENDAR OF EVENTS" / "Oct. 24 – …"
        # (a line of figures, or of capitals too short to count as a heading, has no small
        # letter: "ACTIVITÉS MENÉES EN" / "2017" and "ACTIVITÉS MENÉES" / "EN 2018" are one heading).
        return False
    # Text start of the block (after a hanging marker) vs this line's start.
    left = _text_start(block[0]) if len(block) == 1 else min(_text_start(b) for b in block[1:])
    if ln.bbox.x0 < left - OUTDENT_EM * ln.size and len(block) > 1:
        return False
    # A line that ends a sentence short of the right edge, followed by a capital: a new
    # paragraph. Short: by SHORT_LINE_EM, or enough for the next line's first word to have
    # fitted (a line breaker would have put it there: the break was the writer's, even with
    # no space between the paragraphs). The measure is the block's widest line, or for a
    # one-line block the line that follows, or the column's.
    right = max([b.bbox.x1 for b in block] + [ln.bbox.x1, column_right])
    if ln.text[:1].isupper() and (
            (prev.text.rstrip().endswith(_SENTENCE_ENDS)
             and (prev.bbox.x1 < right - SHORT_LINE_EM * prev.size or not _runs_to_edge(prev, ln, right)))
            # An entry ending on its date ("..., 2018-2019") needs no full stop: a capital whose
            # word would have fitted on the line above, within the block's own measure (its
            # widest line: the column may be wider), starts the next one. Headings in capitals
            # are broken by hand, so not them.
            or (len(block) > 1 and not in_capitals(prev.text)
                and not _runs_to_edge(prev, ln, max(b.bbox.x1 for b in block)))):
        return False
    # An entry that ends on its date after a comma ("..., 16 juin 2018"), then a capital: the
    # next entry, even where the line is full or the column's measure is unknown (one-line
    # entries set one under another).
    if ln.text[:1].isupper() and not in_capitals(prev.text) and _ends_on_date(prev.text):
        return False
    # A line back at the block's left edge, not going on in lower case, where it and the
    # block's first line are both entries "label – text" ("Nov. 3 – SSC Meeting"): a list
    # set without markers, one entry a line even where an entry fills the measure.
    return not (abs(ln.bbox.x0 - left) <= SAME_EDGE and not ln.text[:1].islower()
                and _ENTRY.match(ln.text) is not None and _ENTRY.match(block[0].text) is not None)


def _ends_on_date(text: str) -> bool:
    """The text ends with a comma and a date ("..., Octobre 2019", "..., 2018-2019")."""
    m = _DATE_TAIL.search(text.rstrip())
    return m is not None and parse_date(m.group(1)) is not None


def _wrapped(prev: Line, ln: Line, column_right: float) -> bool:
    """``prev`` broke where ``ln``'s first word would not fit: it runs on to the column's right
    edge without ending a sentence. Such a line is continued whatever the leading (Canva
    sets lines 1.6 em apart)."""
    end = prev.text.rstrip()
    if end.endswith(_SENTENCE_ENDS[:-1]) or not ln.chars:
        return False
    if end.endswith(":") and ln.text[:1].isupper():
        return False  # a lead-in, then the first entry it introduces
    if column_right - prev.bbox.x0 < MIN_WRAP_COLUMN_EM * prev.size:
        return False  # a narrow column (timeline labels) breaks every line
    if ln.bbox.x0 > _text_start(prev) + MAX_WRAP_INDENT_EM * prev.size:
        return False  # text set further right (a heading, then the first entry in a column)
    return _runs_to_edge(prev, ln, column_right)


def _runs_to_edge(prev: Line, ln: Line, column_right: float) -> bool:
    """``ln``'s first word would not have fit at the end of ``prev``."""
    first_word = ln.text.split(" ", 1)[0]
    word_width = ln.bbox.width * len(first_word) / max(len(ln.text), 1)
    return prev.bbox.x1 + word_width > column_right - OUTDENT_EM * prev.size


def _mixes_weights(line: Line, heavy: frozenset[str]) -> bool:
    """The line sets some words in bold and others not."""
    rules = glyph_rules()
    bold = sum(1 for c in line.chars if c.text.isalnum() and (c.fontname in heavy or rules.is_bold_font(c.fontname)))
    regular = sum(1 for c in line.chars if c.text.isalnum()) - bold
    return bold >= MIN_MIXED_LETTERS and regular >= MIN_MIXED_LETTERS


def _spaced_apart(block: list[Line], ln: Line, pitches: dict[float, float], baselines: dict[int, float]) -> bool:
    """Baselines further apart than the block's own line pitch (or, for its second line, than
    the document's usual pitch or a generous single pitch) mean paragraph spacing, whatever
    superscripts do to the boxes: a line with a raised superscript is pushed down by it in CSS
    and Writer layouts."""
    prev = block[-1]
    step = baselines[id(ln)] - baselines[id(prev)] - ln.superscript_rise
    if len(block) >= 2:
        pitch = baselines[id(block[-1])] - baselines[id(block[-2])]
        return pitch > 0 and step > pitch * PITCH_RATIO
    generous = MAX_FIRST_PITCH_EM * max(ln.size, prev.size)
    usual = pitches.get(round(ln.size, 1))
    if usual is None:
        return step > generous
    return step > min(usual * PITCH_RATIO, generous)


def _family(line: Line) -> str:
    """The typeface family of a line's main text (its longest run)."""
    main = max(line.spans, key=lambda sp: len(sp.text.strip()), default=None)
    return "" if main is None else font_family(main.fontname)


def _baseline(line: Line) -> float:
    return statistics.median(c.baseline for c in line.chars) if line.chars else line.bbox.bottom


def _text_start(line: Line) -> float:
    """x where a line's text begins, after a list marker if it has one."""
    if starts_with_marker(line) and len(line.chars) > 1 and not line.drawn_marker:
        first = line.chars[0]
        for c in line.chars[1:]:
            if c.bbox.x0 > first.bbox.x1 + POSITION_TOLERANCE:
                return c.bbox.x0
    return line.bbox.x0
