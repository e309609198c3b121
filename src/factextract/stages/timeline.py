"""Sections' blocks -> the timeline: which label dates which block, and which blocks join
another's item.

A timeline label is a short block that reads as one date and stands beside, above or under
other blocks of its section. Which entries it dates comes from geometry alone: the side of the label
column its entries stand on, runs of entries cut at wide gaps or moved edges, drawn cell
borders, and whether labels are set level with their first entry or centred on their group.
A date line printed right under a bold event title is part of that event, not a label; the
other cells of a ruled table row are part of the row's entry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..dates import parse_date
from ..model import BBox, Block, Layout, Period, Section, Table, Timeline
from ..text.markers import starts_with_marker
from ..text.repair import block_text, squash

# A timeline label is at most this long (characters) and this many lines.
MAX_LABEL_CHARS = 40
MAX_LABEL_LINES = 4
# An entry may start this many points above its label's top and still be dated by it.
LABEL_TOP_TOLERANCE = 4.0
# A label stands at most this share of the page width away from its entries.
MAX_LABEL_DISTANCE_SHARE = 0.3
# A label above its entries stands at most this many font sizes above the first of them.
ABOVE_LABEL_MAX_GAP_EM = 1.5
# Two blocks are one above the other when they overlap horizontally by at least this share
# of the narrower one.
STACKED_OVERLAP_SHARE = 0.5
# A block overlapping a label horizontally by more than this (points) is above or below it,
# not beside it; one starting this close to the label's right edge is on its right.
SIDE_TOLERANCE = 1.0
# A table row's rule stands at most this many line heights above or below the row, and spans
# the row to within CELL_EDGE_TOLERANCE points of its ends.
ROW_RULE_GAP_EM = 1.5
CELL_EDGE_TOLERANCE = 2.0
# A date line at most this many font sizes under a bold title is the title's date; the title
# ends at most DATE_LINE_TOLERANCE points below the date line's top.
EVENT_DATE_GAP_EM = 1.2
DATE_LINE_TOLERANCE = 2.0
# A drawn edge bounds a label's cell when it overlaps the label by more than the label's width
# or this many points, whichever is less; the cell reaches CELL_TOLERANCE points past its edges.
MIN_CELL_EDGE_OVERLAP = 4.0
CELL_TOLERANCE = 1.0
# Entries beside a label column form separate runs where the gap between them is this many
# times the smallest gap, and at least this many line heights ...
RUN_GAP_RATIO = 2.5
RUN_MIN_GAP_EM = 0.8
# ... or where their left edge moves by more than this (points).
INDENT_TOLERANCE = 3.0

Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class _Label:
    block: Block
    period: Period
    extent: tuple[float, float]  # the vertical extent it dates beside it: its own, or its cell's


def bind_timeline(sections: Sequence[Section], layout: Layout, language: str) -> Timeline:
    """The timeline of every section with items (not the header, not the footnotes).

    The layout gives the page width (distances are shares of it) and each page's drawn
    boxes and rules (which bound table cells)."""
    edges = {p.number: p.rects + p.rules for p in layout.pages}
    tables = {p.number: p.tables for p in layout.pages if p.tables}
    labels: dict[int, Period] = {}
    label_blocks: dict[int, Block] = {}
    date_lines: dict[int, Block] = {}
    row_cells: dict[int, tuple[Block, ...]] = {}
    consumed: set[int] = set()
    width: float | None = None  # layout.width walks every page: once, not per section
    for section in sections:
        if section.kind in ("header", "footnotes"):
            continue
        if width is None:
            width = layout.width
        found = _bind_section(section.blocks, language, width, edges, tables)
        labels.update(found.labels)
        label_blocks.update(found.label_blocks)
        date_lines.update(found.date_lines)
        row_cells.update(found.row_cells)
        consumed.update(found.consumed)
    return Timeline(labels=labels, label_blocks=label_blocks, date_lines=date_lines, row_cells=row_cells,
                    consumed=frozenset(consumed))


def _bind_section(blocks: Sequence[Block], language: str, page_width: float,
                  edges: Mapping[int, Sequence[BBox]], tables: Mapping[int, Sequence[Table]]) -> Timeline:
    """One section's timeline."""
    alone = _dates_alone(blocks, language)
    found = _timeline_labels(alone, blocks, page_width, edges)
    # a date line under an event's title need not stand beside or above anything (the last
    # line of a column, its event's items at the top of the next)
    date_lines = _event_date_lines(blocks, alone)
    date_line_ids = {d.index for d in date_lines.values()}
    found = [lb for lb in found if lb.block.index not in date_line_ids]
    taken = {lb.block.index for lb in found} | date_line_ids
    bindings = _bind_labels(blocks, found, page_width)
    row_cells = _table_row_cells(blocks, bindings, taken, edges)
    row_cells.update(_grid_row_cells(blocks, tables, taken | set(row_cells)
                                     | {c.index for cells in row_cells.values() for c in cells}))
    consumed = taken | {c.index for cells in row_cells.values() for c in cells}
    return Timeline(labels={index: label.period for index, label in bindings.items()},
                    label_blocks={index: label.block for index, label in bindings.items()},
                    date_lines=date_lines, row_cells=row_cells, consumed=frozenset(consumed))


def _dates_alone(blocks: Sequence[Block], language: str) -> list[_Label]:
    """Short blocks that read as one date."""
    out = []
    for block in blocks:
        if len(block.lines) > MAX_LABEL_LINES:
            continue
        text = block_text(block, language)
        if len(text) > MAX_LABEL_CHARS:
            continue
        period = parse_date(text, language)
        if period is not None:
            out.append(_Label(block, _with_text(period, text), (block.bbox.top, block.bbox.bottom)))
    return out


def _timeline_labels(alone: Sequence[_Label], blocks: Sequence[Block], page_width: float,
                     edges: Mapping[int, Sequence[BBox]]) -> list[_Label]:
    """The dates alone (short blocks that read as one date) that stand beside, or above,
    other blocks."""
    labels = []
    for label in alone:
        block = label.block
        others = [o for o in blocks if o is not block and o.page == block.page]
        beside = any(_beside(block, o, page_width) and o.bbox.bottom > block.bbox.top - LABEL_TOP_TOLERANCE
                     for o in others)
        above = any(_below(block, o) for o in others)
        # a label set under its entries, closing the group: the last of its column has nothing
        # under it to date
        closing = any(_below(o, block) for o in others)
        if beside or above or closing:
            labels.append(label)
    # a date set in a label column (flush with its labels' left or right edge) beside an entry
    # too short to reach it is a label of that column as well
    found = {lb.block.index for lb in labels}
    for label in alone:
        block = label.block
        if block.index in found:
            continue
        in_column = any(lb.block.page == block.page and (abs(lb.block.bbox.x1 - block.bbox.x1) <= SIDE_TOLERANCE
                                                         or abs(lb.block.bbox.x0 - block.bbox.x0) <= SIDE_TOLERANCE)
                        for lb in labels)
        level = any(o is not block and o.page == block.page and o.bbox.v_overlap(block.bbox) > 0 for o in blocks)
        if in_column and level:
            labels.append(label)
    return _with_cell_extents(labels, edges, blocks)


def _table_row_cells(blocks: Sequence[Block], bindings: Mapping[int, _Label], taken: set[int],
                     edges: Mapping[int, Sequence[BBox]]) -> dict[int, tuple[Block, ...]]:
    """The other cells of a drawn table's row ("2019-2020 | Activity | Partners"): blocks level
    with a timeline entry, to its right, under or over a drawn rule that spans them all.
    {entry index: cells, left to right}, for the entry's item to take in."""
    out: dict[int, tuple[Block, ...]] = {}
    for entry in blocks:
        if entry.index not in bindings:
            continue
        label = bindings[entry.index].block
        # a block dated by another label is that label's entry, not a cell of this row (the
        # groups of a horizontal timeline stand level under a line)
        cells = sorted((b for b in blocks if b is not entry and b.index not in taken and b.page == entry.page
                        and abs(b.bbox.top - entry.bbox.top) <= LABEL_TOP_TOLERANCE
                        and b.bbox.x0 >= entry.bbox.x1 - SIDE_TOLERANCE
                        and bindings.get(b.index, bindings[entry.index]).block is label), key=lambda b: b.bbox.x0)
        if not cells:
            continue
        right = cells[-1].bbox.x1
        reach = ROW_RULE_GAP_EM * entry.lines[0].bbox.height
        bottom = max(c.bbox.bottom for c in [entry, *cells])
        ruled = any(e.x0 <= entry.bbox.x0 + CELL_EDGE_TOLERANCE and e.x1 >= right - CELL_EDGE_TOLERANCE
                    and (0 <= entry.bbox.top - y <= reach or 0 <= y - bottom <= reach)
                    for e in edges.get(entry.page, ()) for y in (e.top, e.bottom))
        if ruled:
            out[entry.index] = tuple(cells)
    bound_cells = {c.index for cells in out.values() for c in cells}
    return {k: v for k, v in out.items() if k not in bound_cells}


def _grid_row_cells(blocks: Sequence[Block], tables: Mapping[int, Sequence[Table]],
                    done: set[int]) -> dict[int, tuple[Block, ...]]:
    """The rows of the page's drawn tables (``Page.tables``) not already read as timeline
    rows: the first cell with text is the row's entry, the others its cells, left to right.
    {entry index: cells}."""
    rows: dict[tuple[int, int, int], list[Block]] = {}
    for block in blocks:
        for t, table in enumerate(tables.get(block.page, ())):
            cell = table.cell_of(block.bbox)
            if cell is not None:
                rows.setdefault((block.page, t, cell[0]), []).append(block)
                break
    out: dict[int, tuple[Block, ...]] = {}
    for row in rows.values():
        if any(b.index in done for b in row):
            continue
        cells = sorted(row, key=lambda b: (b.bbox.x0, b.bbox.top))
        if len(cells) > 1:
            out[cells[0].index] = tuple(cells[1:])
    return out


def _event_date_lines(blocks: Sequence[Block], labels: Sequence[_Label]) -> dict[int, Block]:
    """Date lines printed right under a bold event title ("Regional workshop on ..." /
    "12–14 May 2022"): part of the event's item, not timeline labels. {title index: date line}."""
    out: dict[int, Block] = {}
    label_ids = {lb.block.index for lb in labels}
    for lb in labels:
        box = lb.block.bbox
        above = [o for o in blocks if o.page == lb.block.page and o.index not in label_ids
                 and o.bbox.bottom <= box.top + DATE_LINE_TOLERANCE
                 and o.bbox.h_overlap(box) >= min(o.bbox.width, box.width) * STACKED_OVERLAP_SHARE]
        if not above:
            continue
        title = max(above, key=lambda o: o.bbox.bottom)
        gap = box.top - title.bbox.bottom
        if (gap <= EVENT_DATE_GAP_EM * lb.block.lines[0].size and all(ln.bold for ln in title.lines)
                and not starts_with_marker(title.lines[0]) and title.index not in out):
            out[title.index] = lb.block
    return out


def _with_cell_extents(labels: list[_Label], edges: Mapping[int, Sequence[BBox]],
                       blocks: Sequence[Block]) -> list[_Label]:
    """A label in a drawn cell (a table cell spanning rows, a box beside a group) dates what
    stands beside the whole cell: its extent is the cell's, bounded by the nearest horizontal
    edges above and below it, provided no other label shares that cell and no text stands
    under the label in it (a label heading its entries, which then date nothing beside)."""
    out = []
    for lb in labels:
        box = lb.block.bbox
        horizontal = [(e.top, e.bottom) for e in edges.get(lb.block.page, ())
                      if e.h_overlap(box) > min(box.width, MIN_CELL_EDGE_OVERLAP)]
        ys = sorted({y for pair in horizontal for y in pair})
        top = max((y for y in ys if y <= box.top + CELL_TOLERANCE), default=None)
        bottom = min((y for y in ys if y >= box.bottom - CELL_TOLERANCE), default=None)
        extent = (box.top, box.bottom)
        if top is not None and bottom is not None:
            shares = any(o is not lb and o.block.page == lb.block.page and o.block.bbox.h_overlap(box) > 0
                         and top - CELL_TOLERANCE <= o.block.bbox.top and o.block.bbox.bottom <= bottom + CELL_TOLERANCE
                         for o in labels)
            heads = any(b is not lb.block and b.page == lb.block.page and b.bbox.h_overlap(box) > 0
                        and box.bottom - CELL_TOLERANCE <= b.bbox.top and b.bbox.bottom <= bottom + CELL_TOLERANCE
                        for b in blocks)
            if not shares and not heads:
                extent = (top, bottom)
        out.append(_Label(lb.block, lb.period, extent))
    return out


def _with_text(period: Period, text: str) -> Period:
    """The label's period, named by the label's whole text on one line."""
    return Period(text=squash(text), start=period.start, end=period.end, precision=period.precision,
                  qualifier=period.qualifier, edtf=period.edtf)


def _beside(label: Block, other: Block, page_width: float) -> bool:
    """True when other stands left or right of label, not above or below it. Its left edge is
    that of its lines level with the label, when it has any: its later lines may run back
    under a long label, as a hanging indent's do."""
    level = [ln.bbox.x0 for ln in other.lines if ln.bbox.v_overlap(label.bbox) > 0]
    box = BBox(min(level), other.bbox.top, other.bbox.x1, other.bbox.bottom) if level else other.bbox
    if label.bbox.h_overlap(box) > SIDE_TOLERANCE:
        return False
    if box.x0 >= label.bbox.x1 - SIDE_TOLERANCE:
        distance = box.x0 - label.bbox.x1
    else:
        distance = label.bbox.x0 - box.x1
    return distance <= page_width * MAX_LABEL_DISTANCE_SHARE


def _below(label: Block, other: Block) -> bool:
    """True when other starts right under label, in the same column (a label above its entries)."""
    if label.bbox.h_overlap(other.bbox) < min(label.bbox.width, other.bbox.width) * STACKED_OVERLAP_SHARE:
        return False
    gap = other.bbox.top - label.bbox.bottom
    return -LABEL_TOP_TOLERANCE <= gap <= ABOVE_LABEL_MAX_GAP_EM * label.lines[0].size


def _bind_labels(blocks: Sequence[Block], labels: Sequence[_Label], page_width: float) -> dict[int, _Label]:
    """Which label dates which block: {block index: label}.

    Labels beside entries: the entries beside one column of labels are cut into runs at wide
    vertical gaps; a run with one label in reach is all that label's (a label centred beside its
    group, a cell spanning rows); in a run with several, an entry takes the label whose extent it
    overlaps most, else the last label that starts above it (labels aligned with the first
    entry they date). Labels above entries date the blocks under them, down to the next label;
    labels under their entries (the last one with nothing under it) date the blocks above them.
    """
    label_ids = {lb.block.index for lb in labels}
    entries = [b for b in blocks if b.index not in label_ids]
    bound: dict[int, _Label] = {}
    for column in _label_columns(labels):
        for side in _entry_sides(column, entries, page_width):
            beside = [e for e in entries if e.index not in bound and _on_side(e, column, side, page_width, entries)]
            for run in _runs(beside):
                bound.update(_bind_run(run, column))
    # labels with no entry level beside them stand above (or under) their entries
    above = [lb for lb in labels if not any(_beside(lb.block, e, page_width) and _within(e, lb)
                                            for e in entries if e.page == lb.block.page)]
    for column in _label_columns(above):
        if _closes_groups(column, entries):
            bound.update(_bind_closing(column, [e for e in entries if e.index not in bound]))
    for e in entries:
        if e.index in bound:
            continue
        candidates = [lb for lb in above if lb.block.page == e.page
                      and lb.block.bbox.h_overlap(e.bbox) >= min(lb.block.bbox.width, e.bbox.width) * STACKED_OVERLAP_SHARE
                      and lb.block.bbox.bottom <= e.bbox.top + LABEL_TOP_TOLERANCE]
        if candidates:
            bound[e.index] = max(candidates, key=lambda lb: lb.block.bbox.top)
    return bound


def _closes_groups(column: Sequence[_Label], entries: Sequence[Block]) -> bool:
    """The column's labels stand under the entries they date: its last label has an entry
    right above it and none under it (a label above its entries always has one under it)."""
    last = column[-1].block
    return (any(_below(e, last) for e in entries if e.page == last.page)
            and not any(_below(last, e) for e in entries if e.page == last.page))


def _bind_closing(column: Sequence[_Label], entries: Sequence[Block]) -> dict[int, _Label]:
    """Labels under their groups: each dates the entries above it, up to the label before it.
    Above the first label, its group reaches up to a gap as wide as those that set the other
    groups apart (with one label, wider than the gap over the label): the text above that
    gap introduces the timeline and is not dated by it."""
    out: dict[int, _Label] = {}
    stacked = [e for e in entries if e.page == column[0].block.page and any(
        lb.block.bbox.h_overlap(e.bbox) >= min(lb.block.bbox.width, e.bbox.width) * STACKED_OVERLAP_SHARE
        for lb in column)]
    for prev, lb in zip([None, *column], column):
        top = prev.block.bbox.bottom - LABEL_TOP_TOLERANCE if prev is not None else float("-inf")
        group = sorted((e for e in stacked if top <= e.bbox.top and e.bbox.bottom <= lb.block.bbox.top + LABEL_TOP_TOLERANCE),
                       key=lambda e: e.bbox.top)
        if prev is None and group:
            group = _closing_group(group, lb, column, stacked)
        out.update({e.index: lb for e in group})
    return out


def _closing_group(above: list[Block], first: _Label, column: Sequence[_Label], stacked: Sequence[Block]) -> list[Block]:
    """The blocks right above the first closing label that are its group (see _bind_closing)."""
    apart = []  # how far under each label (but the last) the next group starts
    for lb in column[:-1]:
        under = [e.bbox.top for e in stacked if e.bbox.top >= lb.block.bbox.bottom - LABEL_TOP_TOLERANCE]
        if under:
            apart.append(min(under) - lb.block.bbox.bottom)
    own_gap = first.block.bbox.top - above[-1].bbox.bottom
    widest = min(apart) - LABEL_TOP_TOLERANCE if apart else own_gap + RUN_MIN_GAP_EM * first.block.lines[0].size
    group = [above[-1]]
    for upper in reversed(above[:-1]):
        if group[0].bbox.top - upper.bbox.bottom >= widest:
            break
        group.insert(0, upper)
    return group


def _bind_run(run: Sequence[Block], column: Sequence[_Label]) -> dict[int, _Label]:
    """The labels of one run of entries beside a label column."""
    lo = min(e.bbox.top for e in run) - LABEL_TOP_TOLERANCE
    hi = max(e.bbox.bottom for e in run) + LABEL_TOP_TOLERANCE
    reach = [lb for lb in column if lb.extent[0] < hi and lb.extent[1] > lo and lb.block.page == run[0].page]
    # Labels set level with the first entry they date (a designer's usual timeline) date down
    # to the next label; labels centred on their group date the nearest.
    aligned = all(any(abs(lb.extent[0] - e.bbox.top) <= LABEL_TOP_TOLERANCE for e in run) for lb in reach)
    # One label dates the whole run (centred beside its group, or a cell spanning rows), unless
    # it is set level with an entry further down and not centred on the run: the entries above
    # it are not its.
    whole_run = len(reach) == 1 and (
        not aligned or reach[0].extent[0] <= lo + 2 * LABEL_TOP_TOLERANCE
        or abs(sum(reach[0].extent) / 2 - (lo + hi) / 2) <= (reach[0].extent[1] - reach[0].extent[0]) / 2)
    out: dict[int, _Label] = {}
    for e in run:
        if whole_run:
            label = reach[0]
        else:
            label = _pick_started(e, reach) if aligned else _pick_nearest(e, reach)
        if label is not None:
            out[e.index] = label
    return out


def _label_columns(labels: Sequence[_Label]) -> list[list[_Label]]:
    """Labels grouped by the column they stand in (overlapping horizontally, same page)."""
    columns: list[list[_Label]] = []
    for lb in sorted(labels, key=lambda lb: (lb.block.page, lb.block.bbox.x0)):
        for col in columns:
            if col[0].block.page == lb.block.page and any(c.block.bbox.h_overlap(lb.block.bbox) > 0 for c in col):
                col.append(lb)
                break
        else:
            columns.append([lb])
    return [sorted(col, key=lambda lb: lb.block.bbox.top) for col in columns]


def _entry_sides(column: Sequence[_Label], entries: Sequence[Block], page_width: float) -> list[Side]:
    """The side of a label column its entries stand on: the nearer one when both sides have
    blocks at the labels' height (the other side is then another column's text)."""
    distances: dict[Side, float] = {}
    sides: tuple[Side, ...] = ("left", "right")
    for side in sides:
        near = [e for e in entries if _on_side(e, column, side, page_width, entries)
                and any(e.bbox.v_overlap(lb.block.bbox) > 0 or _within(e, lb) for lb in column)]
        if near:
            if side == "left":
                distances[side] = min(min(lb.block.bbox.x0 for lb in column) - e.bbox.x1 for e in near)
            else:
                distances[side] = min(e.bbox.x0 - max(lb.block.bbox.x1 for lb in column) for e in near)
    if not distances:
        return []
    return [min(distances, key=distances.__getitem__)]


def _within(entry: Block, label: _Label) -> bool:
    return label.extent[0] < entry.bbox.bottom and label.extent[1] > entry.bbox.top


def _on_side(entry: Block, column: Sequence[_Label], side: Side, page_width: float,
             others: Sequence[Block] = ()) -> bool:
    """The entry stands on that side of the label column, near enough to be dated by it:
    beside the labels level with its first line, else the nearest label above it (labels
    then a tab: each entry starts at the tab stop after its own label, left of a longer
    label's end), else the whole column."""
    if entry.page != column[0].block.page:
        return False
    first = entry.lines[0].bbox
    level = [lb for lb in column if lb.block.bbox.v_overlap(first) > 0]
    above = [lb for lb in column if lb.block.bbox.top <= first.top + LABEL_TOP_TOLERANCE]
    near = level or ([max(above, key=lambda lb: lb.block.bbox.top)] if above else list(column))
    left = min(lb.block.bbox.x0 for lb in near)
    right = max(lb.block.bbox.x1 for lb in near)
    # an entry's later lines may run back under the label (a hanging indent): its first line
    # says where it starts
    distance = left - entry.bbox.x1 if side == "left" else first.x0 - right
    if level and distance > page_width * MAX_LABEL_DISTANCE_SHARE:
        # a short entry level with its label far across the measure (labels flush right of a
        # wide column): its own when nothing stands between them
        lo, hi = (entry.bbox.x1, left) if side == "left" else (right, first.x0)
        return lo < hi and not any(o is not entry and o.bbox.v_overlap(first) > 0 and o.bbox.x0 < hi and o.bbox.x1 > lo
                                   for o in others)
    return -SIDE_TOLERANCE <= distance <= page_width * MAX_LABEL_DISTANCE_SHARE


def _runs(entries: Sequence[Block]) -> list[list[Block]]:
    """Entries cut where the vertical gap is clearly wider than the usual gap between them, or
    where their left edge moves (a group set in its own box or cell)."""
    ordered = sorted(entries, key=lambda e: e.bbox.top)
    if not ordered:
        return []
    gaps = [b.bbox.top - a.bbox.bottom for a, b in zip(ordered, ordered[1:])]
    line_height = sorted(ln.bbox.height for e in ordered for ln in e.lines)[0]
    smallest = min((g for g in gaps if g > -line_height), default=0.0)
    runs = [[ordered[0]]]
    for gap, prev, e in zip(gaps, ordered, ordered[1:]):
        # A wide gap, or a change of left edge (another cell or box), starts a new run.
        if (gap > max(RUN_GAP_RATIO * max(smallest, 0.0), RUN_MIN_GAP_EM * line_height)
                or abs(e.bbox.x0 - prev.bbox.x0) > INDENT_TOLERANCE):
            runs.append([e])
        else:
            runs[-1].append(e)
    return runs


def _overlap(label: _Label, entry: Block) -> float:
    return max(0.0, min(label.extent[1], entry.bbox.bottom) - max(label.extent[0], entry.bbox.top))


def _pick_started(entry: Block, labels: Sequence[_Label]) -> _Label | None:
    """The last label that starts at or above the entry's top."""
    started = [lb for lb in labels if lb.extent[0] - LABEL_TOP_TOLERANCE <= entry.bbox.top]
    return max(started, key=lambda lb: lb.extent[0]) if started else None


def _pick_nearest(entry: Block, labels: Sequence[_Label]) -> _Label | None:
    """The label whose extent overlaps the entry most, else the one nearest to it vertically."""
    def gap(lb: _Label) -> float:
        return max(lb.extent[0] - entry.bbox.bottom, entry.bbox.top - lb.extent[1], 0.0)

    overlapping = [lb for lb in labels if _overlap(lb, entry) > 0]
    if overlapping:
        return max(overlapping, key=lambda lb: _overlap(lb, entry))
    return min(labels, key=lambda lb: (gap(lb), lb.extent[0])) if labels else None
