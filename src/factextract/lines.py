"""Page glyphs -> lines -> blocks, in the order a person reads them.

Three steps, each a plain function:
``chars_to_lines`` groups glyphs that share a baseline and are not split by a column gap or a
drawn box edge; ``order_lines`` puts lines in reading order with a recursive XY-cut that keeps
the content of each drawn box together; ``lines_to_blocks`` groups consecutive lines into
paragraphs, bullets, headings and labels.
"""

from __future__ import annotations

import bisect
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence

from .glyphs import rules
from .model import BBox, Block, Char, Line, Page, Span

# A horizontal gap wider than this many font sizes between two glyphs on one baseline
# separates two columns (or a timeline label from its entry), not two words ...
COLUMN_GAP_EM = 1.2
# ... unless the line's other word gaps are about as wide (justified text): a column gap is
# at least this many times the line's usual word gap. Glyphs further apart than JOIN_GAP_EM
# never share a line.
JUSTIFIED_GAP_RATIO = 1.6
JOIN_GAP_EM = 2.5
# Glyphs whose baselines differ by more than this many font sizes share a line only when
# glued (at most GLUED_GAP_EM apart): superscripts and subscripts.
BASELINE_TOLERANCE_EM = 0.25
GLUED_GAP_EM = 0.5
# A footnote's small raised number may stand this many (note text) sizes before its text.
NOTE_NUMBER_GAP_EM = 1.0
# After a lone list marker the gap to the text may be wider (hanging indents).
MARKER_GAP_EM = 3.5
# Where the weight changes (a bold timeline label, then the regular entry), a gap this wide
# already separates columns: wider than any word space, narrower than a column gutter.
WEIGHT_CHANGE_GAP_EM = 0.6
# A drawn bullet stands at most this many font sizes before its line's text.
DRAWN_MARKER_GAP_EM = 2.5
# A gap wider than this many font sizes between glyphs is a word space when the PDF drew none.
WORD_GAP_EM = 0.2
# Glyphs on one line overlap vertically by at least this share of the smaller glyph.
LINE_OVERLAP = 0.5
# A glyph this much smaller than the line's text, raised this much, is a superscript.
SUPERSCRIPT_SIZE_RATIO = 0.85
SUPERSCRIPT_RAISE_EM = 0.15
# A vertical whitespace band at least this many body sizes wide separates columns.
MIN_COLUMN_GAP_EM = 0.45
# A left edge shared by at least this many lines is a column edge; within this many points.
MIN_EDGE_LINES = 3
EDGE_TOLERANCE = 1.0
# Height of the buckets open lines are filed in while glyphs are grouped (points).
BUCKET = 4.0
# Consecutive lines whose sizes differ by more than this share are in different styles.
STYLE_SIZE_CHANGE = 0.05
# A baseline step this much wider than the block's pitch, or (for its second line) wider than
# this many font sizes, is paragraph spacing.
PITCH_RATIO = 1.25
MAX_FIRST_PITCH_EM = 1.6
# Lines within this many points above or below, starting at the same left edge, show how far
# right a column reaches.
COLUMN_NEIGHBOURHOOD = 120.0
# The document's usual pitch for a size is trusted once seen this many times.
MIN_PITCH_SAMPLES = 5
# Lines further apart than this many line heights start a new block.
BLOCK_GAP_RATIO = 0.55
# Tolerance (points) when testing whether a line lies inside a drawn box.
BOX_TOLERANCE = 1.5


# ---------------------------------------------------------------------------------------------
# chars -> lines


class _LineBuilder:
    __slots__ = ("chars", "top", "bottom", "x1", "size", "baseline")

    def __init__(self, ch: Char) -> None:
        self.chars = [ch]
        self.top, self.bottom, self.x1 = ch.bbox.top, ch.bbox.bottom, ch.bbox.x1
        self.size = ch.size
        self.baseline = ch.baseline

    def accepts(self, ch: Char, page_edges: Sequence[BBox]) -> float | None:
        """Return a cost for adding ch to this line, or None when it does not belong."""
        gap = ch.bbox.x0 - self.x1
        size = max(self.size, ch.size, 1.0)
        if gap < -0.5 * size:
            return None
        max_gap = MARKER_GAP_EM if self._only_marker() else JOIN_GAP_EM
        if gap > max_gap * size:
            return None
        overlap = min(self.bottom, ch.bbox.bottom) - max(self.top, ch.bbox.top)
        smaller = max(min(self.bottom - self.top, ch.bbox.height), 0.1)
        if (overlap > 0 and self._raised_number() and ch.size > self.size * 1.15
                and -0.5 <= gap <= NOTE_NUMBER_GAP_EM * ch.size):
            return abs(ch.baseline - self.baseline) + gap * 0.01  # a footnote's number and its note
        if overlap < LINE_OVERLAP * smaller:
            return None
        # Glyphs on another baseline join only when glued on (a superscript marker), not when
        # small header lines stand beside a large title whose glyph box they fall inside.
        if (abs(ch.baseline - self.baseline) > BASELINE_TOLERANCE_EM * size
                and gap > GLUED_GAP_EM * min(self.size, ch.size)):
            return None
        if gap > WORD_GAP_EM * size and _edge_between(self.x1, ch.bbox.x0, ch.bbox, page_edges):
            return None
        if gap > WEIGHT_CHANGE_GAP_EM * size:
            glyphs = rules()
            if glyphs.is_bold_font(self.chars[-1].fontname) != glyphs.is_bold_font(ch.fontname) and not self._only_marker():
                return None
        return abs(ch.baseline - self.baseline) + max(gap, 0.0) * 0.01

    def _raised_number(self) -> bool:
        """The line so far is a small number (or asterisk): a footnote's marker, set apart
        from the note's text by up to a word space or two."""
        text = "".join(c.text for c in self.chars)
        return len(text) <= 3 and all(ch.isdigit() or ch == "*" for ch in text)

    def _only_marker(self) -> bool:
        glyphs = rules()
        if len(self.chars) == 1:
            ch = self.chars[0]
            return glyphs.is_symbol_font(ch.fontname) or ch.text in glyphs.marker_kinds or ch.text in glyphs.font_markers
        return len(self.chars) <= 3 and glyphs.is_numbered_marker("".join(c.text for c in self.chars))

    def add(self, ch: Char) -> None:
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
            if x_left - 0.5 <= e.x0 <= x_right + 0.5 or x_left - 0.5 <= e.x1 <= x_right + 0.5:
                if e.width < 2.0 or not (e.x0 <= x_left and e.x1 >= x_right):
                    return True
    return False


def chars_to_lines(page: Page) -> tuple[Line, ...]:
    """Group a page's glyphs into visual lines, split at column gaps and box edges."""
    chars = sorted((c for c in page.chars if c.text.strip() or c.text == " "), key=lambda c: (c.bbox.x0, c.bbox.top))
    edges = tuple(page.rects) + tuple(r for r in page.rules if r.width < 2.0)
    # Open lines are filed by height (buckets of BUCKET points) so that a glyph is only
    # compared with the lines at its own height, not with every line of the page.
    buckets: dict[int, list[_LineBuilder]] = {}
    done: list[_LineBuilder] = []
    spaces: dict[int, list[float]] = {}  # rounded baseline -> x centres of drawn space glyphs
    for ch in chars:
        if ch.text == " ":
            # Spaces do not join glyphs into lines (PDFs draw them inconsistently, sometimes as
            # runs across a column gap), but where one is drawn it marks a word boundary.
            spaces.setdefault(round(ch.baseline), []).append((ch.bbox.x0 + ch.bbox.x1) / 2)
            continue
        centre = (ch.bbox.top + ch.bbox.bottom) / 2
        reach = max(ch.size, 1.0) * 1.5
        best, best_cost = None, None
        for key in range(int((centre - reach) // BUCKET), int((centre + reach) // BUCKET) + 1):
            for ln in buckets.get(key, ()):
                cost = ln.accepts(ch, edges)
                if cost is not None and (best_cost is None or cost < best_cost):
                    best, best_cost = ln, cost
        if best is None:
            best = _LineBuilder(ch)
            buckets.setdefault(int(centre // BUCKET), []).append(best)
            done.append(best)
        else:
            best.add(ch)
    groups = _split_at_column_edges([sorted(b.chars, key=lambda c: c.bbox.x0) for b in done])
    for xs in spaces.values():
        xs.sort()
    lines = [_finish_line(g, page.number, spaces) for g in groups]
    bullets = _bullet_marks(page)
    if bullets:
        lines = [_with_drawn_marker(ln, bullets) for ln in lines]
    return tuple(sorted((ln for ln in lines if ln.text.strip()), key=lambda ln: (ln.bbox.top, ln.bbox.x0)))


def _split_at_column_edges(groups: list[list[Char]]) -> list[list[Char]]:
    """Split lines where a column starts.

    Two signs: a gap wider than COLUMN_GAP_EM that stands out from the line's word gaps (in
    justified text every word gap is wide), or a left edge shared by several lines reached after
    a space and a change of font (a bold timeline label a word space from its entry). A list
    marker and its text are never split.
    """
    edges = Counter(round(g[0].bbox.x0) for g in groups if g)
    strong = [x for x, n in edges.items() if n >= MIN_EDGE_LINES]
    out = []
    for chars in groups:
        gaps = [chars[i].bbox.x0 - chars[i - 1].bbox.x1 for i in range(1, len(chars))]
        size = max(statistics.median(c.size for c in chars), 1.0)
        word_gaps = [g for g in gaps if g > WORD_GAP_EM * size]
        start = 0
        for i in range(1, len(chars)):
            prev, ch, gap = chars[i - 1], chars[i], gaps[i - 1]
            if gap <= WORD_GAP_EM * max(ch.size, 1.0):
                continue
            others = [g for g in word_gaps if g is not gap]
            usual = statistics.median(others) if others else 0.0
            column_gap = gap > COLUMN_GAP_EM * size and gap > JUSTIFIED_GAP_RATIO * usual
            edge = (prev.fontname != ch.fontname
                    and any(abs(ch.bbox.x0 - x) <= EDGE_TOLERANCE for x in strong))
            if not (column_gap or edge):
                continue
            left = chars[start:i]
            if _is_marker_run(left, ch):
                continue  # a list marker and its text: one line
            out.append(left)
            start = i
        out.append(chars[start:])
    return out


def _is_marker_run(left: list[Char], following: Char) -> bool:
    glyphs = rules()
    text = "".join(c.text for c in left)
    if len(left) == 1 and glyphs.is_marker_glyph(text, left[0].fontname, following.fontname):
        return True
    return len(left) <= 4 and glyphs.is_numbered_marker(text)


def _bullet_marks(page: Page) -> tuple[BBox, ...]:
    """Small drawn shapes that can be bullets: not the nodes of a drawn timeline, which sit on
    a vertical rule running past them."""
    verticals = [r for r in page.rules if r.width < 2.0 and r.height > 0]
    out = []
    for m in page.marks:
        cx = (m.x0 + m.x1) / 2
        on_rule = any(r.x0 - 1.0 <= cx <= r.x1 + 1.0 and (r.top < m.top - 1.0 or r.bottom > m.bottom + 1.0)
                      and r.top <= m.bottom and r.bottom >= m.top for r in verticals)
        if not on_rule:
            out.append(m)
    return tuple(out)


def _with_drawn_marker(line: Line, marks: Sequence[BBox]) -> Line:
    """Mark a line that a small drawn shape stands just before, on its middle: a bullet."""
    middle = (line.bbox.top + line.bbox.bottom) / 2
    for m in marks:
        gap = line.bbox.x0 - m.x1
        if (-0.5 <= gap <= DRAWN_MARKER_GAP_EM * line.size and m.top <= middle <= m.bottom + line.size * 0.3
                and m.height <= line.bbox.height):
            return Line(text=line.text, page=line.page, bbox=line.bbox, size=line.size, bold=line.bold,
                        spans=line.spans, chars=line.chars, drawn_marker=True)
    return line


def _space_between(spaces: dict[int, list[float]], baseline: float, x_left: float, x_right: float) -> bool:
    for row in (round(baseline) - 1, round(baseline), round(baseline) + 1):
        xs = spaces.get(row)
        if xs:
            i = bisect.bisect_left(xs, x_left - 0.5)
            if i < len(xs) and xs[i] <= x_right + 0.5:
                return True
    return False


def _finish_line(chars: list[Char], page_number: int, spaces: dict[int, list[float]] | None = None) -> Line:
    glyphs = rules()
    chars = sorted(chars, key=lambda c: c.bbox.x0)
    size_weights = Counter()
    for c in chars:
        size_weights[round(c.size, 1)] += 1
    body_size = max(size_weights.items(), key=lambda kv: (kv[1], kv[0]))[0]
    body = [c for c in chars if abs(c.size - body_size) < 0.5] or chars
    body_baseline = statistics.median(c.baseline for c in body)
    # Letter-spaced text (tracked capitals) puts a gap after every glyph: a word space is then
    # the usual glyph gap plus a space.
    glyph_gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(chars, chars[1:])]
    tracking = max(statistics.median(glyph_gaps), 0.0) if glyph_gaps else 0.0
    spans: list[Span] = []
    cur_text: list[str] = []
    cur_key: tuple[str, float, bool] | None = None
    prev: Char | None = None
    for c in chars:
        superscript = (c.size <= body_size * SUPERSCRIPT_SIZE_RATIO
                       and c.baseline < body_baseline - SUPERSCRIPT_RAISE_EM * body_size)
        key = (c.fontname, round(c.size, 1), superscript)
        space = prev is not None and (
            c.bbox.x0 - prev.bbox.x1 > tracking + WORD_GAP_EM * max(min(prev.size, c.size), 1.0)
            or (spaces is not None and _space_between(spaces, c.baseline, prev.bbox.x1, c.bbox.x0)))
        text = c.text if c.text in glyphs.superscripts else unicodedata.normalize("NFKC", c.text)
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
    bbox = chars[0].bbox
    for c in chars[1:]:
        bbox = bbox.union(c.bbox)
    bold_chars = sum(1 for c in chars if glyphs.is_bold_font(c.fontname) and not c.text.isspace())
    bold = bold_chars * 2 > len(chars)
    return Line(text=text, page=page_number, bbox=bbox, size=body_size, bold=bold,
                spans=tuple(spans), chars=tuple(chars))


# ---------------------------------------------------------------------------------------------
# lines -> reading order


def order_lines(lines: Sequence[Line], page: Page) -> tuple[Line, ...]:
    """Reading order: drawn boxes kept whole, columns left to right, rows top to bottom."""
    if not lines:
        return ()
    sizes = [ln.size for ln in lines]
    min_gap = MIN_COLUMN_GAP_EM * statistics.median(sizes)
    boxes = [r for r in page.rects if any(r.contains(ln.bbox, BOX_TOLERANCE) for ln in lines)]
    return tuple(_order_region(list(lines), boxes, min_gap))


class _Unit:
    __slots__ = ("bbox", "lines", "boxes")

    def __init__(self, bbox: BBox, lines: list[Line], boxes: list[BBox]) -> None:
        self.bbox, self.lines, self.boxes = bbox, lines, boxes


def _order_region(lines: list[Line], boxes: list[BBox], min_gap: float) -> list[Line]:
    units = _units(lines, boxes)
    if len(units) == 1 and units[0].boxes is not None and units[0].lines == lines:
        # One box holds everything: look inside it, without it.
        return _order_region(lines, units[0].boxes, min_gap)
    ordered: list[Line] = []
    for unit in _xy_cut(units, min_gap):
        if unit.boxes is None:
            ordered.extend(unit.lines)
        else:
            ordered.extend(_order_region(unit.lines, unit.boxes, min_gap))
    return ordered


def _units(lines: list[Line], boxes: list[BBox]) -> list[_Unit]:
    """Top-level boxes (with the lines inside) plus loose lines, as units to order."""
    containing = [b for b in boxes if any(b.contains(ln.bbox, BOX_TOLERANCE) for ln in lines)]
    # A box that holds every line of the region says nothing about order at this level.
    informative = [b for b in containing if not all(b.contains(ln.bbox, BOX_TOLERANCE) for ln in lines)]
    top_level = [b for b in informative
                 if not any(o is not b and o.contains(b, BOX_TOLERANCE) and not b.contains(o, BOX_TOLERANCE)
                            for o in informative)]
    # Identical duplicates (fill + stroke drawn separately): keep one.
    unique: list[BBox] = []
    for b in sorted(top_level, key=lambda b: (b.width * b.height)):
        if not any(u.contains(b, BOX_TOLERANCE) and b.contains(u, BOX_TOLERANCE) for u in unique):
            unique.append(b)
    assigned: dict[int, list[Line]] = {i: [] for i in range(len(unique))}
    loose: list[Line] = []
    for ln in lines:
        homes = [i for i, b in enumerate(unique) if b.contains(ln.bbox, BOX_TOLERANCE)]
        if homes:
            smallest = min(homes, key=lambda i: unique[i].width * unique[i].height)
            assigned[smallest].append(ln)
        else:
            loose.append(ln)
    units = [_Unit(ln.bbox, [ln], None) for ln in loose]
    for i, b in enumerate(unique):
        if assigned[i]:
            inner = [o for o in boxes if o is not b and b.contains(o, BOX_TOLERANCE) and not o.contains(b, BOX_TOLERANCE)]
            units.append(_Unit(b, assigned[i], inner))
    return units


def _xy_cut(units: list[_Unit], min_gap: float) -> list[_Unit]:
    if len(units) <= 1:
        return units
    columns = _split(units, axis="x", min_gap=min_gap)
    if len(columns) > 1:
        return [u for col in columns for u in _xy_cut(col, min_gap)]
    rows = _split(units, axis="y", min_gap=0.0, widest_only=True)
    if len(rows) > 1:
        return [u for row in rows for u in _xy_cut(row, min_gap)]
    return sorted(units, key=lambda u: (round(u.bbox.top, 0), u.bbox.x0))


def _split(units: list[_Unit], axis: str, min_gap: float, widest_only: bool = False) -> list[list[_Unit]]:
    """Split units at whitespace bands along one axis (x: columns, y: rows)."""
    def span(u: _Unit) -> tuple[float, float]:
        if axis == "x":
            return u.bbox.x0, u.bbox.x1
        # Shrink vertically a little so that touching ascenders/descenders do not hide a gap.
        shrink = min(1.0, u.bbox.height * 0.15)
        return u.bbox.top + shrink, u.bbox.bottom - shrink

    items = sorted(units, key=lambda u: span(u)[0])
    groups: list[list[_Unit]] = [[items[0]]]
    gaps: list[float] = []
    reach = span(items[0])[1]
    for u in items[1:]:
        lo, hi = span(u)
        if lo - reach > min_gap:
            gaps.append(lo - reach)
            groups.append([u])
        else:
            groups[-1].append(u)
        reach = max(reach, hi)
    if widest_only and len(groups) > 2:
        widest = max(range(len(gaps)), key=lambda i: gaps[i])
        upper = [u for g in groups[: widest + 1] for u in g]
        lower = [u for g in groups[widest + 1:] for u in g]
        return [upper, lower]
    return groups


# ---------------------------------------------------------------------------------------------
# lines -> blocks


def starts_with_marker(line: Line) -> bool:
    """True when the line begins with a list marker (symbol glyph, bullet, arrow, dash, number)."""
    glyphs = rules()
    if line.drawn_marker:
        return True
    if not line.spans:
        return False
    first = line.spans[0]
    if glyphs.is_symbol_font(first.fontname) and first.text.strip():
        return True
    following = line.spans[1].fontname if len(line.spans) > 1 else None
    if glyphs.is_marker_glyph(first.text, first.fontname, following):
        return True
    text = line.text.lstrip()
    if not text:
        return False
    kind = glyphs.marker_kinds.get(text[0])
    if kind in ("bullet", "arrow"):
        return True
    if kind == "dash":
        return len(text) > 1 and text[1] == " "
    return bool(glyphs.numbered_marker.match(text))


def lines_to_blocks(lines: Sequence[Line], page: Page | None = None) -> tuple[Block, ...]:
    """Group lines (in reading order) into blocks: paragraphs, bullets, headings, labels.

    With the page, a drawn horizontal rule or box edge between two lines (a table's cell
    border) always separates them."""
    blocks: list[list[Line]] = []
    pitches = _line_pitches(lines)
    rights = _column_rights(lines)
    horizontals = _horizontal_edges(page) if page is not None else ()
    for ln in lines:
        if (blocks and _continues(blocks[-1], ln, pitches, rights)
                and not _rule_between(blocks[-1][-1], ln, horizontals)):
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    out = []
    for group in blocks:
        bbox = group[0].bbox
        for ln in group[1:]:
            bbox = bbox.union(ln.bbox)
        out.append(Block(lines=tuple(group), page=group[0].page, bbox=bbox))
    return tuple(out)


def _horizontal_edges(page: Page) -> tuple[tuple[float, float, float], ...]:
    """(y, x0, x1) of every drawn horizontal rule and box edge of a page."""
    edges = [((r.top + r.bottom) / 2, r.x0, r.x1) for r in page.rules if r.height < 2.0]
    for r in page.rects:
        edges += [(r.top, r.x0, r.x1), (r.bottom, r.x0, r.x1)]
    return tuple(edges)


def _rule_between(upper: Line, lower: Line, edges: Sequence[tuple[float, float, float]]) -> bool:
    """A rule in the gap between two lines, as wide as half the narrower one: a cell border or
    separator, not an underline (which sits inside its line's box and spans a word)."""
    left, right = max(upper.bbox.x0, lower.bbox.x0), min(upper.bbox.x1, lower.bbox.x1)
    least = 0.5 * min(upper.bbox.width, lower.bbox.width)
    return any(upper.bbox.bottom + 0.5 < y < lower.bbox.top - 0.5 and x0 < right and x1 > left
               and x1 - x0 >= least for y, x0, x1 in edges)


def _line_pitches(lines: Sequence[Line]) -> dict[float, float]:
    """The usual baseline step between consecutive lines of one size, per size: the document's
    own leading, against which paragraph spacing stands out."""
    steps: dict[float, list[float]] = {}
    for prev, ln in zip(lines, lines[1:]):
        if prev.page != ln.page or abs(prev.size - ln.size) > 0.1 or prev.bbox.h_overlap(ln.bbox) <= 0:
            continue
        step = _baseline(ln) - _baseline(prev) - _raised_by_superscripts(ln)
        if 0.9 * ln.size <= step <= 2.5 * ln.size:
            steps.setdefault(round(ln.size, 1), []).append(step)
    return {size: statistics.median(v) for size, v in steps.items() if len(v) >= MIN_PITCH_SAMPLES}


def _column_rights(lines: Sequence[Line]) -> dict[int, float]:
    """For each line (by id), the right edge of its column: the furthest right that nearby lines
    starting at the same left edge reach. A paragraph's last line stops short of it."""
    out: dict[int, float] = {}
    for ln in lines:
        near = [o.bbox.x1 for o in lines if o.page == ln.page and abs(o.bbox.x0 - ln.bbox.x0) <= 2.0
                and abs(o.bbox.top - ln.bbox.top) <= COLUMN_NEIGHBOURHOOD]
        out[id(ln)] = max(near, default=ln.bbox.x1)
    return out


def _continues(block: list[Line], ln: Line, pitches: dict[float, float] | None = None,
               rights: dict[int, float] | None = None) -> bool:
    prev = block[-1]
    if ln.page != prev.page or starts_with_marker(ln):
        return False
    if ln.bold != prev.bold or abs(ln.size - prev.size) > STYLE_SIZE_CHANGE * max(ln.size, prev.size):
        return False
    if _family(ln) != _family(prev):
        return False  # a heading's sans-serif over the body's serif, an event title's face
    height = max(prev.bbox.height, ln.bbox.height, 1.0)
    gap = ln.bbox.top - prev.bbox.bottom
    if gap < -0.5 * height or gap > BLOCK_GAP_RATIO * height:
        return False
    # Baselines further apart than the block's own line pitch (or, for its second line, than
    # a generous single pitch) mean paragraph spacing, whatever superscripts do to the boxes.
    # A line with a raised superscript is pushed down by it in CSS and Writer layouts.
    step = _baseline(ln) - _baseline(prev) - _raised_by_superscripts(ln)
    if len(block) >= 2:
        pitch = _baseline(block[-1]) - _baseline(block[-2])
        if pitch > 0 and step > pitch * PITCH_RATIO:
            return False
    else:
        usual = (pitches or {}).get(round(ln.size, 1))
        limit = usual * PITCH_RATIO if usual else MAX_FIRST_PITCH_EM * max(ln.size, prev.size)
        if step > min(limit, MAX_FIRST_PITCH_EM * max(ln.size, prev.size)):
            return False
    if ln.bbox.h_overlap(prev.bbox) <= 0:
        return False
    # Text start of the block (after a hanging marker) vs this line's start.
    left = _text_start(block[0]) if len(block) == 1 else min(_text_start(b) for b in block[1:])
    if ln.bbox.x0 < left - 0.8 * ln.size and len(block) > 1:
        return False
    # A short line that ends a sentence, followed by a capital at the left edge: new paragraph.
    # The measure is the block's widest line, or for a one-line block the line that follows.
    right = max([b.bbox.x1 for b in block] + [ln.bbox.x1, (rights or {}).get(id(prev), prev.bbox.x1)])
    if (prev.text.rstrip().endswith((".", "!", "?", ":")) and ln.text[:1].isupper()
            and prev.bbox.x1 < right - 3 * prev.size):
        return False
    return True


def _family(line: Line) -> str:
    """The typeface family of a line's main text, without subset prefix or style suffix."""
    main = max(line.spans, key=lambda sp: len(sp.text.strip()), default=None)
    if main is None:
        return ""
    name = main.fontname.split("+", 1)[-1]
    return re.split(r"[-,]", name, maxsplit=1)[0].lower()


def _raised_by_superscripts(line: Line) -> float:
    """How far a line's superscripts stand above its full-size glyphs (0 without any)."""
    body = [c for c in line.chars if c.size >= line.size * SUPERSCRIPT_SIZE_RATIO]
    if not body or len(body) == len(line.chars):
        return 0.0
    return max(0.0, min(c.bbox.top for c in body) - min(c.bbox.top for c in line.chars))


def _baseline(line: Line) -> float:
    return statistics.median(c.baseline for c in line.chars) if line.chars else line.bbox.bottom


def _text_start(line: Line) -> float:
    """x where a line's text begins, after a list marker if it has one."""
    if starts_with_marker(line) and len(line.chars) > 1 and not line.drawn_marker:
        first = line.chars[0]
        for c in line.chars[1:]:
            if c.bbox.x0 > first.bbox.x1 + 0.5:
                return c.bbox.x0
    return line.bbox.x0
