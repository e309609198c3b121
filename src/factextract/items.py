"""Sections' blocks -> items: timeline labels bound by geometry, nesting, clean text, dates.

A timeline label is a short block that reads as one date and stands beside or above other
blocks of its section. Which entries it dates comes from geometry alone: the side of the label
column its entries stand on, runs of entries cut at wide gaps or moved edges, drawn cell
borders, and whether labels are set level with their first entry or centred on their group.
Nesting comes from list markers, their kind and indentation: a bullet hangs under the title or
the less indented item above it, a dash under the bullet before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .dates import find_dates, parse_date
from .model import BBox, Block, Item, Period, Section, SectionBlocks
from .lines import starts_with_marker
from .text import clean_block, join_lines

# A timeline label is at most this long (characters) and this many lines.
MAX_LABEL_CHARS = 40
MAX_LABEL_LINES = 4
# An entry may start this many points above its label's top and still be dated by it.
LABEL_TOP_TOLERANCE = 4.0
# A label stands at most this share of the page width away from its entries.
MAX_LABEL_DISTANCE_SHARE = 0.3
# A label above its entries stands at most this many font sizes above the first of them.
ABOVE_LABEL_MAX_GAP_EM = 1.5
# A table row's rule stands at most this many line heights above or below the row.
ROW_RULE_GAP_EM = 1.5
# A date line at most this many font sizes under a bold title is the title's date.
EVENT_DATE_GAP_EM = 1.2
# Entries beside a label column form separate runs where the gap between them is this many
# times the smallest gap, and at least this many line heights.
RUN_GAP_RATIO = 2.5
RUN_MIN_GAP_EM = 0.8
# List markers that a dash item at the same indent hangs under.
SUB_MARKER_PARENTS = ("bullet", "arrow", "number")
# Indentation differences smaller than this (points) are the same level.
INDENT_TOLERANCE = 3.0
# A block without a marker and at most this long, not ending a sentence, is a title that
# the bullets below it hang under (e.g. "Document final").
MAX_TITLE_CHARS = 90


@dataclass(frozen=True, slots=True)
class _Label:
    block: Block
    period: Period
    span: tuple[float, float]  # the vertical extent it dates beside it: its own, or its cell's


def sections_to_items(doc_id: str, sections: Sequence[Section], drafts: Sequence[SectionBlocks],
                      language: str, page_width: float,
                      edges: Mapping[int, Sequence[BBox]] | None = None) -> tuple[Item, ...]:
    """Every item of every section, numbered in reading order across the document.

    ``edges`` are each page's drawn rectangles and rules, which bound table cells and boxes.
    """
    items: list[Item] = []
    for section, draft in zip(sections, drafts):
        if draft.kind in ("header", "footnotes"):
            continue
        items.extend(_section_items(doc_id, section, draft, language, page_width, edges or {},
                                    start=len(items) + 1))
    return tuple(items)


def _section_items(doc_id: str, section: Section, draft: SectionBlocks, language: str,
                   page_width: float, edges: Mapping[int, Sequence[BBox]], start: int) -> list[Item]:
    labels = _timeline_labels(draft.blocks, language, page_width, edges)
    date_lines = _event_date_lines(draft.blocks, labels)
    labels = [lb for lb in labels if not any(lb.block is d for d in date_lines.values())]
    label_blocks = {id(lb.block) for lb in labels} | {id(d) for d in date_lines.values()}
    bindings = _bind_labels(draft.blocks, labels, page_width)
    row_cells = _table_row_cells(draft.blocks, bindings, label_blocks, edges)
    label_blocks |= {id(c) for cells in row_cells.values() for c in cells}
    items: list[Item] = []
    # Stack of open items that later bullets may hang under: (indent, item, is_title).
    stack: list[tuple[float, Item, bool]] = []
    for block in draft.blocks:
        if id(block) in label_blocks:
            continue
        extra = date_lines[id(block)].lines if id(block) in date_lines else ()
        extra += tuple(ln for cell in row_cells.get(id(block), ()) for ln in cell.lines)
        clean = clean_block(block.lines + extra, language)
        if not clean.text:
            continue
        indent = _relative_indent(block, draft.blocks)
        has_marker = bool(clean.marker)
        bold = all(ln.bold for ln in block.lines)
        text_end = clean.text.rstrip()
        is_title = not has_marker and (bold or text_end.endswith(":") or (
            len(clean.text) <= MAX_TITLE_CHARS and not text_end.endswith((".", ";", "!", "?"))))
        # Only a list item hangs under another: under the title above it, or under a less
        # indented list item. A paragraph without a marker closes every open list.
        if not has_marker:
            stack.clear()
        while stack:
            top_indent, top_item, top_title = stack[-1]
            if top_indent > indent + INDENT_TOLERANCE:
                stack.pop()
            elif (abs(top_indent - indent) <= INDENT_TOLERANCE and not top_title
                  and not _sub_marker(clean.marker, top_item.marker)):
                stack.pop()
            else:
                break
        parent = stack[-1][1] if stack else None
        label = bindings.get(id(block))
        inline = find_dates(clean.text, language)
        if label is not None:
            date, source = label.period, "timeline"
        elif inline:
            date, source = inline[0], "inline"
        elif parent is not None and parent.date is not None:
            date, source = parent.date, "parent"
        elif section.heading_period is not None:
            date, source = section.heading_period, "heading"
        else:
            date, source = None, None
        n = start + len(items)
        item = Item(
            item_id=f"{doc_id}:i{n}", section_id=section.section_id, section_kind=section.kind,
            parent_item_id=parent.item_id if parent else None, order=n, page=block.page,
            text=clean.text, date=date, date_source=source, dates=inline,
            timeline_label=label.period if label else None, footnote_refs=clean.refs,
            marker=clean.marker, bbox=block.bbox,
        )
        items.append(item)
        stack.append((indent, item, is_title))
    return items


def _sub_marker(marker: str, above: str) -> bool:
    """A dash item right after a bullet, arrow or numbered item at the same indent is its
    sub-item: the dash is the usual second-level marker."""
    return marker == "dash" and above in SUB_MARKER_PARENTS


def _relative_indent(block: Block, blocks: Sequence[Block]) -> float:
    """x of a block from the left edge of its column on its page, so that a list continued in
    another column or on the next page keeps its levels."""
    left = min((b.bbox.x0 for b in blocks if b.page == block.page and b.bbox.h_overlap(block.bbox) > 0),
               default=block.bbox.x0)
    return block.bbox.x0 - left


def _timeline_labels(blocks: Sequence[Block], language: str, page_width: float,
                     edges: Mapping[int, Sequence[BBox]]) -> list[_Label]:
    """Short blocks that read as one date and stand beside, or above, other blocks."""
    labels = []
    for block in blocks:
        if len(block.lines) > MAX_LABEL_LINES:
            continue
        text = join_lines([ln.text for ln in block.lines], language)
        if len(text) > MAX_LABEL_CHARS:
            continue
        period = parse_date(text, language)
        if period is None:
            continue
        others = [o for o in blocks if o is not block and o.page == block.page]
        beside = any(_beside(block, o, page_width) and o.bbox.bottom > block.bbox.top - LABEL_TOP_TOLERANCE
                     for o in others)
        above = any(_below(block, o) for o in others)
        if beside or above:
            labels.append(_Label(block, _with_text(period, text), (block.bbox.top, block.bbox.bottom)))
    return _with_cell_spans(labels, edges)


def _table_row_cells(blocks: Sequence[Block], bindings: Mapping[int, _Label], taken: set[int],
                     edges: Mapping[int, Sequence[BBox]]) -> dict[int, list[Block]]:
    """The other cells of a drawn table's row ("2019-2020 | Activity | Partners"): blocks level
    with a timeline entry, to its right, under or over a drawn rule that spans them all.
    {id(entry): [cells, left to right]}, for the entry's item to take in."""
    out: dict[int, list[Block]] = {}
    for entry in blocks:
        if id(entry) not in bindings:
            continue
        cells = sorted((b for b in blocks if b is not entry and id(b) not in taken and b.page == entry.page
                        and abs(b.bbox.top - entry.bbox.top) <= LABEL_TOP_TOLERANCE
                        and b.bbox.x0 >= entry.bbox.x1 - 1.0), key=lambda b: b.bbox.x0)
        if not cells:
            continue
        right = cells[-1].bbox.x1
        reach = ROW_RULE_GAP_EM * entry.lines[0].bbox.height
        ruled = any(e.x0 <= entry.bbox.x0 + 2.0 and e.x1 >= right - 2.0 and (
                    0 <= entry.bbox.top - y <= reach or 0 <= y - max(c.bbox.bottom for c in [entry, *cells]) <= reach)
                    for e in edges.get(entry.page, ()) for y in (e.top, e.bottom))
        if ruled:
            out[id(entry)] = cells
    bound_cells = {id(c) for cells in out.values() for c in cells}
    return {k: v for k, v in out.items() if k not in bound_cells}


def _event_date_lines(blocks: Sequence[Block], labels: Sequence[_Label]) -> dict[int, Block]:
    """Date lines printed right under a bold event title ("Regional workshop on ..." /
    "12–14 May 2022"): part of the event's item, not timeline labels. {id(title): date line}."""
    out: dict[int, Block] = {}
    label_ids = {id(lb.block) for lb in labels}
    for lb in labels:
        box = lb.block.bbox
        above = [o for o in blocks if o.page == lb.block.page and id(o) not in label_ids
                 and o.bbox.bottom <= box.top + 2.0 and o.bbox.h_overlap(box) >= min(o.bbox.width, box.width) * 0.5]
        if not above:
            continue
        title = max(above, key=lambda o: o.bbox.bottom)
        gap = box.top - title.bbox.bottom
        if (gap <= EVENT_DATE_GAP_EM * lb.block.lines[0].size and all(ln.bold for ln in title.lines)
                and not starts_with_marker(title.lines[0]) and id(title) not in out):
            out[id(title)] = lb.block
    return out


def _with_cell_spans(labels: list[_Label], edges: Mapping[int, Sequence[BBox]]) -> list[_Label]:
    """A label in a drawn cell (a table cell spanning rows, a box beside a group) dates what
    stands beside the whole cell: its span is the cell's, bounded by the nearest horizontal
    edges above and below it, provided no other label shares that cell."""
    out = []
    for lb in labels:
        box = lb.block.bbox
        horizontal = [(e.top, e.bottom) for e in edges.get(lb.block.page, ())
                      if e.h_overlap(box) > min(box.width, 4.0)]
        ys = sorted({y for pair in horizontal for y in pair})
        top = max((y for y in ys if y <= box.top + 1.0), default=None)
        bottom = min((y for y in ys if y >= box.bottom - 1.0), default=None)
        span = (box.top, box.bottom)
        if top is not None and bottom is not None:
            shares = any(o is not lb and o.block.page == lb.block.page and o.block.bbox.h_overlap(box) > 0
                         and top - 1.0 <= o.block.bbox.top and o.block.bbox.bottom <= bottom + 1.0 for o in labels)
            if not shares:
                span = (top, bottom)
        out.append(_Label(lb.block, lb.period, span))
    return out


def _with_text(period: Period, text: str) -> Period:
    return Period(text=" ".join(text.split()), start=period.start, end=period.end, precision=period.precision,
                  qualifier=period.qualifier, edtf=period.edtf)


def _beside(label: Block, other: Block, page_width: float) -> bool:
    """True when other stands left or right of label, not above or below it."""
    if label.bbox.h_overlap(other.bbox) > 1.0:
        return False
    distance = other.bbox.x0 - label.bbox.x1 if other.bbox.x0 >= label.bbox.x1 - 1 else label.bbox.x0 - other.bbox.x1
    return distance <= page_width * MAX_LABEL_DISTANCE_SHARE


def _below(label: Block, other: Block) -> bool:
    """True when other starts right under label, in the same column (a label above its entries)."""
    if label.bbox.h_overlap(other.bbox) < min(label.bbox.width, other.bbox.width) * 0.5:
        return False
    gap = other.bbox.top - label.bbox.bottom
    return -LABEL_TOP_TOLERANCE <= gap <= ABOVE_LABEL_MAX_GAP_EM * label.lines[0].size


def _bind_labels(blocks: Sequence[Block], labels: Sequence[_Label], page_width: float) -> dict[int, _Label]:
    """Which label dates which block: {id(block): label}.

    Labels beside entries: the entries beside one column of labels are cut into runs at wide
    vertical gaps; a run with one label in reach is all that label's (a label centred beside its
    group, a cell spanning rows); in a run with several, an entry takes the label whose span it
    overlaps most, else the last label that starts above it (labels aligned with the first
    entry they date). Labels above entries date the blocks under them, down to the next label.
    """
    label_ids = {id(lb.block) for lb in labels}
    entries = [b for b in blocks if id(b) not in label_ids]
    bound: dict[int, _Label] = {}
    for column in _label_columns(labels):
        for side in _entry_sides(column, entries, page_width):
            beside = [e for e in entries if id(e) not in bound and _on_side(e, column, side, page_width)]
            for run in _runs(beside):
                lo = min(e.bbox.top for e in run) - LABEL_TOP_TOLERANCE
                hi = max(e.bbox.bottom for e in run) + LABEL_TOP_TOLERANCE
                reach = [lb for lb in column if lb.span[0] < hi and lb.span[1] > lo and lb.block.page == run[0].page]
                # Labels set level with the first entry they date (a designer's usual timeline)
                # date down to the next label; labels centred on their group date the nearest.
                aligned = all(any(abs(lb.span[0] - e.bbox.top) <= LABEL_TOP_TOLERANCE for e in run) for lb in reach)
                for e in run:
                    if len(reach) == 1:
                        label = reach[0]
                    else:
                        label = _pick_started(e, reach) if aligned else _pick_nearest(e, reach)
                    if label is not None:
                        bound[id(e)] = label
    above = [lb for lb in labels if not any(_beside(lb.block, e, page_width) for e in entries if e.page == lb.block.page)]
    for e in entries:
        if id(e) in bound:
            continue
        candidates = [lb for lb in above if lb.block.page == e.page
                      and lb.block.bbox.h_overlap(e.bbox) >= min(lb.block.bbox.width, e.bbox.width) * 0.5
                      and lb.block.bbox.bottom <= e.bbox.top + LABEL_TOP_TOLERANCE]
        if candidates:
            bound[id(e)] = max(candidates, key=lambda lb: lb.block.bbox.top)
    return bound


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


def _entry_sides(column: Sequence[_Label], entries: Sequence[Block], page_width: float) -> list[str]:
    """The side of a label column its entries stand on: the nearer one when both sides have
    blocks at the labels' height (the other side is then another column's text)."""
    distances = {}
    for side in ("left", "right"):
        near = [e for e in entries if _on_side(e, column, side, page_width)
                and any(e.bbox.v_overlap(lb.block.bbox) > 0 or _within(e, lb) for lb in column)]
        if near:
            if side == "left":
                distances[side] = min(min(lb.block.bbox.x0 for lb in column) - e.bbox.x1 for e in near)
            else:
                distances[side] = min(e.bbox.x0 - max(lb.block.bbox.x1 for lb in column) for e in near)
    if not distances:
        return []
    return [min(distances, key=distances.get)]


def _within(entry: Block, label: _Label) -> bool:
    return label.span[0] < entry.bbox.bottom and label.span[1] > entry.bbox.top


def _on_side(entry: Block, column: Sequence[_Label], side: str, page_width: float) -> bool:
    if entry.page != column[0].block.page:
        return False
    left = min(lb.block.bbox.x0 for lb in column)
    right = max(lb.block.bbox.x1 for lb in column)
    if side == "left":
        distance = left - entry.bbox.x1
    else:
        distance = entry.bbox.x0 - right
    return -1.0 <= distance <= page_width * MAX_LABEL_DISTANCE_SHARE


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
    return max(0.0, min(label.span[1], entry.bbox.bottom) - max(label.span[0], entry.bbox.top))


def _pick_started(entry: Block, labels: Sequence[_Label]) -> _Label | None:
    """The last label that starts at or above the entry's top."""
    started = [lb for lb in labels if lb.span[0] - LABEL_TOP_TOLERANCE <= entry.bbox.top]
    return max(started, key=lambda lb: lb.span[0]) if started else None


def _pick_nearest(entry: Block, labels: Sequence[_Label]) -> _Label | None:
    """The label whose span overlaps the entry most, else the one nearest to it vertically."""
    def gap(lb: _Label) -> float:
        return max(lb.span[0] - entry.bbox.bottom, entry.bbox.top - lb.span[1], 0.0)

    overlapping = [lb for lb in labels if _overlap(lb, entry) > 0]
    if overlapping:
        return max(overlapping, key=lambda lb: _overlap(lb, entry))
    return min(labels, key=lambda lb: (gap(lb), lb.span[0])) if labels else None
