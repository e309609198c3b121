"""Page glyphs -> lines: glyphs that share a baseline, split at column gaps and drawn edges.

A glyph joins the open line it costs least to join: on (about) the same baseline, not too far
after its last glyph, with no drawn box edge or rule between them. Lines are then cut where a
column starts: a gap that stands out from the line's own word gaps, or a left edge many lines
share reached after a change of font. Superscripts are found by size and raised baseline, and
a small drawn shape just before a line marks it as a list item.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..model import POSITION_TOLERANCE, RULE_THICKNESS, BBox, Char, Line, Page, Span
from ..text.glyph_text import glyph_text
from ..text.markers import MAX_NUMBERED_MARKER_GLYPHS, is_marker_run, may_be_marker
from ..vocab.glyphs import glyph_rules, is_private_use

# Hyphens that end a line broken inside a word (hard, U+2010, soft).
LINE_END_HYPHENS = ("-", "\u2010", "\u00ad")
# A horizontal gap wider than this many font sizes between two glyphs on one baseline
# separates two columns (or a timeline label from its entry), not two words ...
COLUMN_GAP_EM = 1.2
# ... unless the line's other word gaps are about as wide (justified text): a column gap is
# at least this many times the line's usual word gap. Glyphs further apart than JOIN_GAP_EM
# never share a line.
JUSTIFIED_GAP_RATIO = 1.6
JOIN_GAP_EM = 2.5
# ... unless they are the pieces of one justified line (see _join_justified): at most this
# many font sizes apart, their line running the measure of a line at most this many sizes
# above or below (three lines' pitch: past a paragraph's short last line).
MAX_JUSTIFIED_GAP_EM = 8.0
NEIGHBOUR_PITCH_EM = 4.0
# That line starts where the row does, give or take this many font sizes (a list marker set
# a little inside the column's edge); it ends where the row ends, within EDGE_TOLERANCE.
MEASURE_START_EM = 0.5
# A glyph may start this many font sizes left of the line's end (kerning, italics, overprint).
OVERLAP_GAP_EM = 0.5
# Glyphs whose baselines differ by more than this many font sizes share a line only when
# glued (at most GLUED_GAP_EM apart): superscripts and subscripts.
BASELINE_TOLERANCE_EM = 0.25
GLUED_GAP_EM = 0.5
# A footnote's small raised number (at most MAX_NOTE_NUMBER_CHARS) may stand this many (note
# text) sizes before its text, which is at least NOTE_TEXT_SIZE_RATIO times larger.
NOTE_NUMBER_GAP_EM = 1.0
MAX_NOTE_NUMBER_CHARS = 3
NOTE_TEXT_SIZE_RATIO = 1.15
# After a lone list marker the gap to the text may be wider (hanging indents).
MARKER_GAP_EM = 3.5
# Where the weight changes (a bold timeline label, then the regular entry), a gap this wide
# already separates columns: wider than any word space, narrower than a column gutter.
WEIGHT_CHANGE_GAP_EM = 0.6
# A drawn bullet stands at most this many font sizes before its line's text, its top above the
# line's middle, its bottom at most DRAWN_MARKER_DROP_EM sizes below it.
DRAWN_MARKER_GAP_EM = 1.2
DRAWN_MARKER_DROP_EM = 0.3
# A drawn dot this close (points) to a vertical rule that runs past it is a timeline node.
SPINE_TOLERANCE = 1.0
# A drop cap is a letter at least this many times the size of the text right of it (at most
# DROP_CAP_GAP_EM of its sizes away, its top level with the cap's); moved into the first
# line, it is given this width (in that line's font sizes).
DROP_CAP_SIZE_RATIO = 2.5
DROP_CAP_GAP_EM = 1.0
DROP_CAP_WIDTH_EM = 0.5
# A letter inside a word is mostly glued to a glyph drawn just before it: the glyphs this many
# places before it in the page's drawing order are looked at before the rest of the page.
NEIGHBOURS_FIRST = 2
# A gap wider than this many font sizes between glyphs is a word space when the PDF drew none.
WORD_GAP_EM = 0.2
# A drawn space glyph marks a word boundary within this many points of a glyph's baseline,
# where the glyphs around it stand apart by at least this share of its width.
SPACE_BASELINE_TOLERANCE = 1
MIN_SPACE_GAP_SHARE = 0.25
# Glyphs on one line overlap vertically by at least this share of the smaller glyph.
LINE_OVERLAP = 0.5
# A glyph this much smaller than the line's text, raised this much, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.85
SUPERSCRIPT_RAISE_EM = 0.15
# A figure at the text's own size raised this much (a note number in Word's "raised"
# position) is a superscript too.
RAISED_FIGURE_EM = 0.25
# A note's number may follow a word's closing punctuation: "(AICS)¹", "OIM,¹".
_WORD_CLOSERS = (")", "]", ".", ",", ";", ":", "»", "”", "’")
# A superior figure (OpenType "sups": a note number drawn in the text's own font and size, on
# its baseline, only smaller and raised in the glyph) is a digit glued to a letter and set at
# most SUPERIOR_WIDTH_RATIO as wide as the same digit in the same font elsewhere on the page,
# where that digit is seen at least MIN_DIGIT_SAMPLES times.
SUPERIOR_WIDTH_RATIO = 0.75
MIN_DIGIT_SAMPLES = 3
# A glyph within this many points of the line's commonest size is body text.
BODY_SIZE_TOLERANCE = 0.5
# A gap this many font sizes wide, standing out from the line's word gaps, separates two
# columns when the glyph after it starts at a left edge that other lines share (a gutter).
GUTTER_GAP_EM = 0.6
# A label ("Budget:", "Final report date:") has at most this many words.
MAX_LABEL_WORDS = 5
# A left edge shared by at least this many lines is a column edge; within this many points.
MIN_EDGE_LINES = 3
EDGE_TOLERANCE = 1.0
# Height of the buckets open lines are filed in while glyphs are grouped (points), and how
# many font sizes above and below a glyph's centre lines are looked for.
BUCKET = 4.0
BUCKET_REACH_EM = 1.5
# Sizes (points) below these are broken font matrices, not type: measures use at least these.
MIN_SIZE = 1.0
MIN_GLYPH_HEIGHT = 0.1
# Joining cost: baseline distance first; the gap, weighted this little, breaks ties.
GAP_COST_WEIGHT = 0.01


class _LineBuilder:
    """A line being built: its glyphs so far, and the band and size new glyphs are judged by."""

    __slots__ = ("chars", "top", "bottom", "x1", "size", "baseline")

    def __init__(self, ch: Char) -> None:
        self.chars = [ch]
        self.top, self.bottom, self.x1 = ch.bbox.top, ch.bbox.bottom, ch.bbox.x1
        self.size = ch.size
        self.baseline = ch.baseline

    def accepts(self, ch: Char, page_edges: Sequence[BBox], heavy: frozenset[str]) -> float | None:
        """Return a cost for adding ch to this line, or None when it does not belong."""
        overlap = min(self.bottom, ch.bbox.bottom) - max(self.top, ch.bbox.top)
        if overlap <= 0:
            # Above or below the line, as most lines a glyph is compared with are: no test
            # below would take it (``smaller`` is positive), so none is run.
            return None
        gap = ch.bbox.x0 - self.x1
        size = max(self.size, ch.size, MIN_SIZE)
        if gap < -OVERLAP_GAP_EM * size:
            return None
        # Whether the line so far may be a marker only matters for a gap past the nearer reach.
        if gap > min(MARKER_GAP_EM, JOIN_GAP_EM) * size:
            max_gap = MARKER_GAP_EM if may_be_marker(self.chars) else JOIN_GAP_EM
            if gap > max_gap * size:
                return None
        smaller = max(min(self.bottom - self.top, ch.bbox.height), MIN_GLYPH_HEIGHT)
        if (overlap > 0 and ch.size > self.size * NOTE_TEXT_SIZE_RATIO and self._raised_number()
                and -POSITION_TOLERANCE <= gap <= NOTE_NUMBER_GAP_EM * ch.size):
            return self._cost(ch, gap)  # a footnote's number and its note
        if overlap < LINE_OVERLAP * smaller:
            return None
        # Glyphs on another baseline join only when glued on (a superscript marker), not when
        # small header lines stand beside a large title whose glyph box they fall inside.
        if (abs(ch.baseline - self.baseline) > BASELINE_TOLERANCE_EM * max(min(self.size, ch.size), MIN_SIZE)
                and gap > GLUED_GAP_EM * min(self.size, ch.size)):
            return None
        if gap > WORD_GAP_EM * size and _edge_between(self.x1, ch.bbox.x0, ch.bbox, page_edges):
            return None
        if gap > WEIGHT_CHANGE_GAP_EM * size:
            if (_is_bold(self.chars[-1].fontname, heavy) != _is_bold(ch.fontname, heavy)
                    and not may_be_marker(self.chars)):
                return None
        return self._cost(ch, max(gap, 0.0))

    def _cost(self, ch: Char, gap: float) -> float:
        return abs(ch.baseline - self.baseline) + gap * GAP_COST_WEIGHT

    def _raised_number(self) -> bool:
        """The line so far is a small number (or asterisk): a footnote's marker, set apart
        from the note's text by up to a word space or two."""
        if len(self.chars) > MAX_NOTE_NUMBER_CHARS:
            return False  # every glyph of a line has text: too long already, and asked often
        text = "".join(c.text for c in self.chars)
        return len(text) <= MAX_NOTE_NUMBER_CHARS and all(ch.isdigit() or ch == "*" for ch in text)

    def add(self, ch: Char) -> None:
        """Take a glyph in; the line's band and size follow its full-size glyphs."""
        self.chars.append(ch)
        self.x1 = max(self.x1, ch.bbox.x1)
        # The line's band follows its full-size glyphs, so superscripts do not widen it.
        if ch.size >= self.size * SUPERSCRIPT_SIZE_RATIO:
            self.top = min(self.top, ch.bbox.top)
            self.bottom = max(self.bottom, ch.bbox.bottom)
        if ch.size > self.size:
            self.size, self.baseline = ch.size, ch.baseline


def _edge_between(x_left: float, x_right: float, ch_box: BBox, edges: Sequence[BBox]) -> bool:
    """True when a drawn vertical edge (box side or rule) stands between two glyphs."""
    for e in edges:
        if e.top <= ch_box.bottom and e.bottom >= ch_box.top:
            if (x_left - POSITION_TOLERANCE <= e.x0 <= x_right + POSITION_TOLERANCE
                    or x_left - POSITION_TOLERANCE <= e.x1 <= x_right + POSITION_TOLERANCE):
                if e.width < RULE_THICKNESS or not (e.x0 <= x_left and e.x1 >= x_right):
                    return True
    return False


def chars_to_lines(page: Page) -> tuple[Line, ...]:
    """Group a page's glyphs into visual lines, split at column gaps and box edges."""
    chars = sorted(_drop_caps_in_line(c for c in page.chars if c.text.strip() or c.text == " "),
                   key=lambda c: (c.bbox.x0, c.bbox.top))
    edges = tuple(page.rects) + page.vertical_rules
    # Open lines are filed by height (buckets of BUCKET points) so that a glyph is only
    # compared with the lines at its own height, not with every line of the page.
    buckets: dict[int, list[_LineBuilder]] = {}
    filled: list[int] = []  # the keys of ``buckets``, sorted
    done: list[_LineBuilder] = []
    spaces = _DrawnSpaces()
    for ch in chars:
        if ch.text == " ":
            # Spaces do not join glyphs into lines (PDFs draw them inconsistently, sometimes as
            # runs across a column gap), but where one is drawn it marks a word boundary.
            spaces.add(ch)
            continue
        top, bottom = ch.bbox.top, ch.bbox.bottom
        centre = (top + bottom) / 2
        reach = max(ch.size, MIN_SIZE) * BUCKET_REACH_EM
        best, best_cost = None, None
        # The filled buckets in reach, lowest first: most of the range is empty.
        first = bisect.bisect_left(filled, int((centre - reach) // BUCKET))
        last = bisect.bisect_right(filled, int((centre + reach) // BUCKET), first)
        for key in filled[first:last]:
            for ln in buckets[key]:
                if ln.bottom <= top or ln.top >= bottom:
                    continue  # wholly above or below: ``accepts`` refuses it first thing
                cost = ln.accepts(ch, edges, page.heavy_fonts)
                if cost is not None and (best_cost is None or cost < best_cost):
                    best, best_cost = ln, cost
        if best is None:
            best = _LineBuilder(ch)
            key = int(centre // BUCKET)
            if key not in buckets:
                buckets[key] = []
                bisect.insort(filled, key)
            buckets[key].append(best)
            done.append(best)
        else:
            best.add(ch)
    groups = _join_justified(_split_at_column_edges([sorted(b.chars, key=lambda c: c.bbox.x0) for b in done]))
    spaces.sort()
    superior = _superior_figures(groups)
    lines = [_finish_line(g, page.number, spaces, page.heavy_fonts, superior) for g in groups]
    bullets = _bullet_marks(page)
    if bullets:
        lines = [_with_drawn_marker(ln, bullets) for ln in lines]
    return tuple(sorted((ln for ln in lines if ln.text.strip()), key=lambda ln: (ln.bbox.top, ln.bbox.x0)))


def _superior_figures(groups: Sequence[Sequence[Char]]) -> frozenset[int]:
    """The ids of glyphs that are superior figures: note numbers that keep the text's size and
    baseline, so that only their narrower advance tells them from the digits of a number."""
    widths: dict[tuple[str, str], list[float]] = {}
    for group in groups:
        for c in group:
            if c.text.isdigit() and len(c.text) == 1 and c.size > 0:
                widths.setdefault((c.fontname, c.text), []).append(c.bbox.width / c.size)
    usual = {key: statistics.median(v) for key, v in widths.items() if len(v) >= MIN_DIGIT_SAMPLES}
    if not usual:
        return frozenset()
    found: set[int] = set()
    for group in groups:
        for i, c in enumerate(group):
            if not i or not c.text.isdigit() or (c.fontname, c.text) not in usual:
                continue
            if c.bbox.width / max(c.size, MIN_SIZE) > SUPERIOR_WIDTH_RATIO * usual[(c.fontname, c.text)]:
                continue
            # The run of figures it starts or continues must follow a letter, glued to it.
            j = i
            while j > 0 and group[j - 1].text.isdigit() and id(group[j - 1]) in found:
                j -= 1
            before = group[j - 1] if j > 0 else None
            if before is not None and (before.text[-1:].isalpha() or id(before) in found) \
                    and c.bbox.x0 - before.bbox.x1 <= GLUED_GAP_EM * max(c.size, MIN_SIZE):
                found.add(id(c))
    return frozenset(found)


def _drop_caps_in_line(chars: Iterable[Char]) -> list[Char]:
    """A drop cap (a paragraph's first letter set several lines tall, its top level with the
    first line's) moved into that line, set like it, glued to the glyph after it: "T" +
    "he Emergency …" is "The Emergency …", not a line of its own across three."""
    chars = list(chars)
    if not chars:
        return chars
    smallest = min(max(c.size, MIN_SIZE) for c in chars)
    candidates = [i for i, ch in enumerate(chars)
                  if ch.text.isalpha() and len(ch.text) == 1 and not ch.size < smallest * DROP_CAP_SIZE_RATIO]
    if not candidates:
        return chars
    # Where the smallest type is small, every letter of the body is a candidate: the glyphs
    # near one are found by bisection in the page's glyphs sorted by edge, not by a scan.
    by_right = _XIndex(chars, "x1")
    by_left = _XIndex(chars, "x0")
    out = list(chars)
    for i in candidates:
        ch = chars[i]
        x0, x1, reach = ch.bbox.x0, ch.bbox.x1, DROP_CAP_GAP_EM * ch.size
        # The glyph drawn just before a letter is mostly the one before it in its word; else
        # the glyphs whose right edge is at most ``reach`` left of it (x0 - right only falls
        # as right grows, so each bound is found by bisection).
        if any(_glued_before(chars[j], ch) for j in range(max(i - NEIGHBOURS_FIRST, 0), i)) or any(
                _glued_before(c, ch) for c in by_right.between(lambda right: x0 - right <= reach,
                                                               lambda right: x0 - right < 0)):
            continue  # a letter inside a word of large type ("Belgique¹"), no drop cap
        # A glyph after the cap is smaller (its size at most the cap's), so it starts at most
        # ``reach`` after it.
        after = [c for c in by_left.between(lambda left: left >= x1 - POSITION_TOLERANCE,
                                            lambda left: left > x1 + reach)
                 if c.text.strip() and c.size * DROP_CAP_SIZE_RATIO <= ch.size
                 and ch.bbox.x1 - POSITION_TOLERANCE <= c.bbox.x0 <= ch.bbox.x1 + DROP_CAP_GAP_EM * c.size
                 and abs(c.bbox.top - ch.bbox.top) <= c.size]
        if not after:
            continue
        first = min(after, key=lambda c: (c.bbox.top, c.bbox.x0))
        width = first.size * DROP_CAP_WIDTH_EM
        out[i] = Char(text=ch.text, fontname=first.fontname, size=first.size, baseline=first.baseline,
                      bbox=BBox(first.bbox.x0 - width, first.bbox.top, first.bbox.x0, first.bbox.bottom))
    return out


def _glued_before(c: Char, ch: Char) -> bool:
    """``c`` is text not much smaller than the letter ``ch``, level with it and at most
    DROP_CAP_GAP_EM of its sizes before it: ``ch`` goes on a word."""
    return (c is not ch and bool(c.text.strip()) and c.size * DROP_CAP_SIZE_RATIO > ch.size
            and 0 <= ch.bbox.x0 - c.bbox.x1 <= DROP_CAP_GAP_EM * ch.size and c.bbox.v_overlap(ch.bbox) > 0)


class _XIndex:
    """A page's glyphs sorted by one side of their boxes (``x0`` or ``x1``), to find those in a
    range by bisection; sorted on first use, as most pages need no look-up at all."""

    __slots__ = ("_chars", "_side", "_xs", "_order")

    def __init__(self, chars: Sequence[Char], side: str) -> None:
        self._chars, self._side = chars, side
        self._xs: list[float] | None = None
        self._order: list[int] = []

    def between(self, starts: Callable[[float], bool], past: Callable[[float], bool]) -> list[Char]:
        """The glyphs, in page order (where callers pick the first of equals, they pick the one
        a scan of the page would), from the first coordinate where ``starts`` holds to the first
        where ``past`` does; both must turn true once and stay so as the coordinate grows."""
        if self._xs is None:
            # A NaN coordinate is in no range (every comparison with it is false), and would
            # break the sort: such glyphs are left out.
            xs = [getattr(c.bbox, self._side) for c in self._chars]
            self._order = sorted((i for i, x in enumerate(xs) if x == x), key=xs.__getitem__)
            self._xs = [xs[i] for i in self._order]
        lo = bisect.bisect_left(self._xs, True, key=starts)
        hi = bisect.bisect_left(self._xs, True, lo, key=past)
        return [self._chars[i] for i in sorted(self._order[lo:hi])]


def _split_at_column_edges(groups: list[list[Char]]) -> list[list[Char]]:
    """Split lines where a column starts.

    Two signs: a gap wider than COLUMN_GAP_EM that stands out from the line's word gaps (in
    justified text every word gap is wide), or a left edge shared by several lines reached after
    a space and a change of font (a bold timeline label a word space from its entry). A list
    marker and its text are never split.
    """
    edges = Counter(round(g[0].bbox.x0) for g in groups if g)
    strong = [x for x, n in edges.items() if n >= MIN_EDGE_LINES]
    # Gaps at least a gutter wide, found in one pass over the glyphs.
    wide = [(a, b) for g in groups for a, b in zip(g, g[1:])
            if b.bbox.x0 - a.bbox.x1 > GUTTER_GAP_EM * max(b.size, MIN_SIZE)]
    # A gutter's right side: a left edge where lines start, or where, row after row, a gap at
    # least a gutter wide ends (two columns set one em apart merge into one line per row).
    edges.update(round(b.bbox.x0) for _, b in wide)
    gutter_edges = [x for x, n in edges.items() if n >= MIN_EDGE_LINES]
    # A gutter's left side: where, row after row, text stops before such a gap, or a line
    # ends (a justified column's right edge, which a line-end hyphen may hang past).
    ends = [_text_end(g, len(g)) for g in groups if g] + [
        _text_end(g, i) for g in groups for i in range(1, len(g))
        if g[i].bbox.x0 - g[i - 1].bbox.x1 > GUTTER_GAP_EM * max(g[i].size, MIN_SIZE)]
    out = []
    for chars in groups:
        gaps = [chars[i].bbox.x0 - chars[i - 1].bbox.x1 for i in range(1, len(chars))]
        size = max(statistics.median(c.size for c in chars), MIN_SIZE)
        spaced = [i for i in range(1, len(chars)) if gaps[i - 1] > WORD_GAP_EM * size]
        # The gap after a list marker is its hanging indent, not a word gap ("d)  Favorise   les
        # échanges": in a short justified line it would make the other gaps stand out).
        if spaced and is_marker_run(chars[:spaced[0]], chars[spaced[0]]):
            spaced = spaced[1:]
        word_gaps = [gaps[i - 1] for i in spaced]
        start = 0
        for i in range(1, len(chars)):
            prev, ch, gap = chars[i - 1], chars[i], gaps[i - 1]
            if gap <= WORD_GAP_EM * max(ch.size, MIN_SIZE):
                continue
            others = [g for g in word_gaps if g is not gap]
            usual = statistics.median(others) if others else 0.0
            column_gap = gap > COLUMN_GAP_EM * size and gap > JUSTIFIED_GAP_RATIO * usual
            at_edge = any(abs(ch.bbox.x0 - x) <= EDGE_TOLERANCE for x in strong)
            edge = prev.fontname != ch.fontname and at_edge
            # A narrow gutter: a gap that stands out from the word gaps and reaches a left edge
            # other lines start at (two columns of justified text one em apart). A label and
            # its value ("Budget:   37.741 USD") are one line, even when values share an edge.
            # In justified text the word gaps may be nearly as wide as the gutter: there, the
            # text before the gap stopping at a right edge other rows share tells it instead.
            gutter = (gap > GUTTER_GAP_EM * size
                      and any(abs(ch.bbox.x0 - x) <= EDGE_TOLERANCE for x in gutter_edges)
                      and (gap > JUSTIFIED_GAP_RATIO * usual or _shared_end(_text_end(chars, i), ends))
                      and not _is_label(chars[start:i]) and not _is_note_number(chars[start:i]))
            if not (column_gap or edge or gutter):
                continue
            left = chars[start:i]
            if is_marker_run(left, ch):
                continue  # a list marker and its text: one line
            out.append(left)
            start = i
        out.append(chars[start:])
    return out


def _text_end(chars: Sequence[Char], stop: int) -> tuple[float, float]:
    """Where the glyphs before ``stop`` end: from the end of their letters to that of a hyphen
    ending them, which may hang past the measure, in part or whole."""
    last = chars[stop - 1]
    if stop > 1 and last.text in LINE_END_HYPHENS:
        return chars[stop - 2].bbox.x1, last.bbox.x1
    return last.bbox.x1, last.bbox.x1


def _shared_end(end: tuple[float, float], ends: Sequence[tuple[float, float]]) -> bool:
    """At least MIN_EDGE_LINES of ``ends`` (this one among them) meet it: within half
    EDGE_TOLERANCE either way, as two ends within it of a common edge are."""
    lo, hi = end[0] - EDGE_TOLERANCE / 2, end[1] + EDGE_TOLERANCE / 2
    return sum(1 for a, b in ends if a <= hi and b >= lo) >= MIN_EDGE_LINES


def _join_justified(groups: list[list[Char]]) -> list[list[Char]]:
    """Pieces of one justified line joined again: in a narrow column set justified without
    hyphenation, a line of few words is stretched until its word gaps pass for column gaps.

    Neighbouring pieces on one baseline, of one size, each at most MAX_JUSTIFIED_GAP_EM from
    the next, are one line when together they run from edge to edge of the measure that a
    line of a row near it fills, and none but the first starts at a left edge that lines
    share (MIN_EDGE_LINES): a column, or the values beside their labels, do."""
    pieces = [_Piece(g) for g in groups if g]
    changed = True
    while changed:
        changed = False
        rows = _rows(pieces)
        starts = sorted(p.box.x0 for p in pieces)
        for k, row in enumerate(rows):
            i = 0
            while i < len(row) - 1:
                end = i  # the pieces after row[i] that may continue its line
                while end + 1 < len(row) and _may_continue(row[end], row[end + 1], starts):
                    end += 1
                # the longest run of them that fills a neighbour's measure
                j = next((j for j in range(end, i, -1) if _fills_a_measure(row[i], row[j], rows, k)), None)
                if j is not None:
                    row[i:j + 1] = [_Piece([c for piece in row[i:j + 1] for c in piece.chars])]
                    changed = True
                i += 1
        pieces = [p for row in rows for p in row]
    return [p.chars for p in sorted(pieces, key=lambda p: (p.box.top, p.box.x0))]


class _Piece:
    """A run of glyphs on one baseline, with its box and size."""

    __slots__ = ("chars", "box", "size")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        self.box = _box_around(chars)
        self.size = max(statistics.median(c.size for c in chars), MIN_SIZE)


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces by baseline (their boxes' bottoms within BASELINE_TOLERANCE_EM), top down,
    each row left to right."""
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: p.box.bottom):
        if rows and piece.box.bottom - rows[-1][0].box.bottom <= BASELINE_TOLERANCE_EM * piece.size:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [sorted(row, key=lambda p: p.box.x0) for row in rows]


def _may_continue(left: _Piece, right: _Piece, starts: Sequence[float]) -> bool:
    """``right`` may be the next words of ``left``'s line, stretched: as large, no further
    than MAX_JUSTIFIED_GAP_EM, and not at a left edge that lines share (a column, or the
    values beside their labels, start at one edge line after line; a justified line's words
    start wherever the widths before them put them)."""
    size = left.size
    if not (WORD_GAP_EM * size < right.box.x0 - left.box.x1 <= MAX_JUSTIFIED_GAP_EM * size
            and abs(left.size - right.size) <= BODY_SIZE_TOLERANCE):
        return False
    at_edge = (bisect.bisect_right(starts, right.box.x0 + EDGE_TOLERANCE)
               - bisect.bisect_left(starts, right.box.x0 - EDGE_TOLERANCE))
    return at_edge < MIN_EDGE_LINES


def _fills_a_measure(first: _Piece, last: _Piece, rows: list[list[_Piece]], k: int) -> bool:
    """From ``first`` to ``last``, the row fills the measure of a line of a row near it,
    above or below: it ends where that line ends, and starts where it starts, or where its
    text starts after a list marker (the row hangs under a list item's first line); or, when
    the row opens with a list marker, left of it but within ``first`` (the lines of a list
    item hang under its text)."""
    x0, x1, size = first.box.x0, last.box.x1, first.size
    near = (_rows_near(rows, k, -1, x0, x1, size), _rows_near(rows, k, +1, x0, x1, size))
    reach = MEASURE_START_EM * size  # a list's marker set a little inside the column's edge
    starts_before = first.box.x1 if _opens_with_marker(first) else x0 + reach
    return any(x0 - reach <= start <= starts_before and abs(p.box.x1 - x1) <= EDGE_TOLERANCE
               for r in near for p in r for start in (p.box.x0, _text_after_marker(p)))


def _text_after_marker(piece: _Piece) -> float:
    """Where the piece's text starts: after its list marker and the gap that follows it, if
    it opens with one; else where it starts."""
    if _opens_with_marker(piece):
        chars = piece.chars
        for prev, ch in zip(chars, chars[1:]):
            if ch.bbox.x0 - prev.bbox.x1 > WORD_GAP_EM * piece.size:
                return ch.bbox.x0
    return piece.box.x0


def _opens_with_marker(piece: _Piece) -> bool:
    """The piece starts with a list marker: a symbol glyph, or a number ("3.", "b)")."""
    chars = piece.chars
    return any(may_be_marker(chars[:n]) for n in range(1, min(len(chars), MAX_NUMBERED_MARKER_GLYPHS) + 1))


def _rows_near(rows: list[list[_Piece]], k: int, step: int, x0: float, x1: float, size: float) -> list[_Piece]:
    """The pieces between x0 and x1 of the rows above (step -1) or below (+1) row k, within
    NEIGHBOUR_PITCH_EM (the lines of the same paragraph and the next)."""
    bottom = rows[k][0].box.bottom
    found: list[_Piece] = []
    j = k + step
    while 0 <= j < len(rows) and abs(rows[j][0].box.bottom - bottom) <= NEIGHBOUR_PITCH_EM * size:
        found += [p for p in rows[j] if p.box.x1 > x0 and p.box.x0 < x1]
        j += step
    return found


def _is_bold(fontname: str, heavy: frozenset[str]) -> bool:
    """Bold by its name, or set wider than the body font (``Page.heavy_fonts``)."""
    return fontname in heavy or glyph_rules().is_bold_font(fontname)


def _is_label(chars: Sequence[Char]) -> bool:
    """The glyphs are a short label ending with a colon: "Budget:", "Date de l'évaluation :"."""
    text = "".join(c.text for c in chars).rstrip()
    if not text.endswith(":"):
        return False
    # Words are counted from the glyphs' gaps as well: many PDFs draw no space glyph.
    gaps = sum(1 for a, b in zip(chars, chars[1:]) if a.text.strip() and b.text.strip()
               and b.bbox.x0 - a.bbox.x1 > WORD_GAP_EM * max(a.size, MIN_SIZE))
    words = sum(1 for w in text.split() if any(ch.isalnum() for ch in w)) + gaps
    return words <= MAX_LABEL_WORDS


def _is_note_number(chars: Sequence[Char]) -> bool:
    """The glyphs are a note's number (or asterisk) set before its text, as Word and Writer
    set their notes: a tab after the number, every note's text at one edge."""
    text = "".join(c.text for c in chars).strip()
    return 0 < len(text) <= MAX_NOTE_NUMBER_CHARS and all(ch.isdigit() or ch == "*" for ch in text)


def _bullet_marks(page: Page) -> tuple[BBox, ...]:
    """Small drawn shapes that can be bullets: not the nodes of a drawn timeline, which sit on
    a vertical rule running past them."""
    verticals = [r for r in page.vertical_rules if r.height > 0]
    out = []
    for m in page.marks:
        cx = (m.x0 + m.x1) / 2
        on_rule = any(r.x0 - SPINE_TOLERANCE <= cx <= r.x1 + SPINE_TOLERANCE
                      and (r.top < m.top - SPINE_TOLERANCE or r.bottom > m.bottom + SPINE_TOLERANCE)
                      and r.top <= m.bottom and r.bottom >= m.top for r in verticals)
        if not on_rule:
            out.append(m)
    return tuple(out)


def _with_drawn_marker(line: Line, marks: Sequence[BBox]) -> Line:
    """Mark a line that a small drawn shape stands just before, on its middle: a bullet."""
    middle = (line.bbox.top + line.bbox.bottom) / 2
    for m in marks:
        gap = line.bbox.x0 - m.x1
        if (-POSITION_TOLERANCE <= gap <= DRAWN_MARKER_GAP_EM * line.size
                and m.top <= middle <= m.bottom + line.size * DRAWN_MARKER_DROP_EM
                and m.height <= line.bbox.height):
            return replace(line, drawn_marker=True)
    return line


class _DrawnSpaces:
    """A page's space glyphs: (x centre, width) by rounded baseline, sorted once all are in;
    and the narrowest one's width, which no two glyphs closer than a share of it can reach."""

    __slots__ = ("rows", "narrowest")

    def __init__(self) -> None:
        self.rows: dict[int, list[tuple[float, float]]] = {}
        self.narrowest = math.inf

    def add(self, ch: Char) -> None:
        self.rows.setdefault(round(ch.baseline), []).append(((ch.bbox.x0 + ch.bbox.x1) / 2, ch.bbox.width))
        if ch.bbox.width < self.narrowest:
            self.narrowest = ch.bbox.width

    def sort(self) -> None:
        for xs in self.rows.values():
            xs.sort()

    def between(self, baseline: float, x_left: float, x_right: float) -> bool:
        """A space glyph is drawn between two glyphs of this baseline, and they stand apart by
        a share of its width: a space from another layer laid over a word ("recomm endations")
        is not a word boundary."""
        row = round(baseline)  # first: a baseline that cannot be rounded fails as it always has
        if x_right - x_left < MIN_SPACE_GAP_SHARE * self.narrowest:
            return False  # the glyphs of a word, as most pairs asked about are: too close for any
        for near in range(row - SPACE_BASELINE_TOLERANCE, row + SPACE_BASELINE_TOLERANCE + 1):
            xs = self.rows.get(near, ())
            i = bisect.bisect_left(xs, (x_left - POSITION_TOLERANCE,))
            while i < len(xs) and xs[i][0] <= x_right + POSITION_TOLERANCE:
                if x_right - x_left >= MIN_SPACE_GAP_SHARE * xs[i][1]:
                    return True
                i += 1
        return False


def _finish_line(chars: list[Char], page_number: int, spaces: _DrawnSpaces | None = None,
                 heavy: frozenset[str] = frozenset(), superior: frozenset[int] = frozenset()) -> Line:
    """A line's glyphs -> ``Line``: its text with word spaces, its runs of one font (with
    superscripts marked), its body size and weight."""
    glyphs = glyph_rules()
    chars = sorted(chars, key=lambda c: c.bbox.x0)
    sizes = [round(c.size, 1) for c in chars]  # to a tenth of a point, as spans tell sizes apart
    size_weights = Counter(sizes)
    body_size = max(size_weights.items(), key=lambda kv: (kv[1], kv[0]))[0]
    body = [c for c in chars if abs(c.size - body_size) < BODY_SIZE_TOLERANCE] or chars
    body_baseline = statistics.median(c.baseline for c in body)
    # Letter-spaced text (tracked capitals) puts a gap after every glyph: a word space is then
    # the usual glyph gap plus a space.
    glyph_gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(chars, chars[1:])]
    raised = _raised(chars, body_baseline, body_size)
    tracking = max(statistics.median(glyph_gaps), 0.0) if glyph_gaps else 0.0
    spans: list[Span] = []
    cur_text: list[str] = []
    cur_key: tuple[str, float, bool, bool] | None = None
    prev: Char | None = None
    for i, c in enumerate(chars):
        superscript = id(c) in superior or id(c) in raised
        # A private-use glyph (an icon) is a span of its own, so that it is told from text.
        key = (c.fontname, sizes[i], superscript, is_private_use(c.text))
        space = prev is not None and (
            c.bbox.x0 - prev.bbox.x1 > tracking + WORD_GAP_EM * max(min(prev.size, c.size), MIN_SIZE)
            or (spaces is not None and spaces.between(c.baseline, prev.bbox.x1, c.bbox.x0)))
        text = glyph_text(c.text, glyphs, inside=i < len(chars) - 1)
        if key != cur_key:
            if cur_key is not None:
                spans.append(Span("".join(cur_text), cur_key[0], cur_key[1], cur_key[2]))
            cur_text, cur_key = [], key
        if space:
            cur_text.append(" ")
        cur_text.append(text)
        prev = c
    if cur_key is not None:
        spans.append(Span("".join(cur_text), cur_key[0], cur_key[1], cur_key[2]))
    text = "".join(s.text for s in spans)
    # Counted by font: a line has many glyphs and few fonts.
    fonts = Counter(c.fontname for c in chars if not c.text.isspace())
    bold_chars = sum(n for fontname, n in fonts.items() if _is_bold(fontname, heavy))
    bold = bold_chars * 2 > len(chars)
    return Line(text=text, page=page_number, bbox=_box_around(chars), size=body_size,
                bold=bold, spans=tuple(spans), chars=tuple(chars),
                superscript_rise=_superscript_rise(chars, body_size, raised))


def _raised(chars: Sequence[Char], body_baseline: float, body_size: float) -> frozenset[int]:
    """The ids of a line's superscripts (its glyphs in order): smaller glyphs raised above
    its baseline, and figures at full size raised further that follow a word, glued to it
    (a note's number, not a stacked fraction's numerator)."""
    out: set[int] = set()
    for i, c in enumerate(chars):
        if c.size <= body_size * SUPERSCRIPT_SIZE_RATIO:
            if c.baseline < body_baseline - SUPERSCRIPT_RAISE_EM * body_size:
                out.add(id(c))
        elif c.text.isdigit() and c.baseline < body_baseline - RAISED_FIGURE_EM * body_size and i:
            prev = chars[i - 1]
            glued = c.bbox.x0 - prev.bbox.x1 <= GLUED_GAP_EM * max(c.size, MIN_SIZE)
            if glued and (id(prev) in out or prev.text[-1:].isalpha() or prev.text[-1:] in _WORD_CLOSERS):
                out.add(id(c))
    return frozenset(out)


def _box_around(chars: Sequence[Char]) -> BBox:
    """``BBox.around`` the glyphs' boxes (the same min and max, taken in the same order),
    without a box made for every glyph on the way."""
    boxes = [c.bbox for c in chars]
    return BBox(min(b.x0 for b in boxes), min(b.top for b in boxes),
                max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def _superscript_rise(chars: Sequence[Char], size: float, raised: frozenset[int]) -> float:
    """How far a line's superscripts (smaller glyphs, or the ids ``raised``) stand above its
    full-size glyphs (0 without any)."""
    body = [c for c in chars if c.size >= size * SUPERSCRIPT_SIZE_RATIO and id(c) not in raised]
    if not body or len(body) == len(chars):
        return 0.0
    return max(0.0, min(c.bbox.top for c in body) - min(c.bbox.top for c in chars))
