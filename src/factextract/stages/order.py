"""A page's lines -> the same lines in the order a person reads them.

A recursive XY-cut (Nagy and Seth's): at each level, cut the units at every vertical
whitespace band of the region wide enough to be a gutter (columns, left to right), else at the
widest horizontal band (rows, top to bottom). A drawn box is a unit of its own, read whole, with
the boxes inside it read the same way; a box holding everything says nothing and is looked
inside of.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Literal

from ..model import BBox, Line, Page, Table

# A vertical whitespace band at least this many body sizes wide separates columns.
MIN_COLUMN_GAP_EM = 0.45
# Tolerance (points) when testing whether a line lies inside a drawn box.
BOX_TOLERANCE = 1.5
# A unit's vertical extent is shrunk by this share of its height (at most MAX_ROW_SHRINK
# points) so that touching ascenders and descenders do not hide a gap between rows.
ROW_SHRINK_SHARE = 0.15
MAX_ROW_SHRINK = 1.0
# Two texts start at one left edge when their x0 differ by at most this many points.
COLUMN_EDGE_TOLERANCE = 2.0
# A line's box runs from its font's ascent to its descent, past the letters' ink; a background
# painted behind large type may stop short of it. A line counts as inside a drawn box when its
# box, less this share of its height above and below, is.
GLYPH_OVERHANG_SHARE = 0.15


def order_lines(lines: Sequence[Line], page: Page) -> tuple[Line, ...]:
    """Reading order: drawn boxes kept whole, columns left to right, rows top to bottom."""
    if not lines:
        return ()
    sizes = [ln.size for ln in lines]
    min_gap = MIN_COLUMN_GAP_EM * statistics.median(sizes)
    tables = {t.bbox: t for t in page.tables if any(_holds(t.bbox, ln) for ln in lines)}
    # A table is read as one box, row by row; the boxes of its cells say nothing more.
    boxes = [r for r in page.rects if any(_holds(r, ln) for ln in lines)
             and not any(t.contains(r, BOX_TOLERANCE) for t in tables)]
    return tuple(_order_region(list(lines), boxes + list(tables), min_gap, tables, page_level=True))


def _holds(box: BBox, line: Line) -> bool:
    """The line lies inside the box (see GLYPH_OVERHANG_SHARE)."""
    b = line.bbox
    overhang = b.height * GLYPH_OVERHANG_SHARE
    return box.contains(BBox(b.x0, b.top + overhang, b.x1, b.bottom - overhang), BOX_TOLERANCE)


class _Unit:
    """A line, or a drawn box with the lines inside it, ordered as one piece.
    ``boxes`` is None for a line, and the boxes nested in it for a box."""

    __slots__ = ("bbox", "lines", "boxes")

    def __init__(self, bbox: BBox, lines: list[Line], boxes: list[BBox] | None) -> None:
        self.bbox, self.lines, self.boxes = bbox, lines, boxes


def _order_region(lines: list[Line], boxes: list[BBox], min_gap: float,
                  tables: dict[BBox, Table], page_level: bool = False) -> list[Line]:
    """The lines of a region in reading order, its boxes read whole, recursively.
    ``page_level``: the region is the page's, where a header band over the columns is looked
    for (see _head_band)."""
    whole = [t for box, t in tables.items() if box in boxes and all(_holds(box, ln) for ln in lines)]
    if whole:
        return _table_order(lines, whole[0])  # a table holding every line: row by row
    units = _units(lines, boxes)
    if len(units) == 1 and units[0].boxes is not None and units[0].lines == lines:
        if units[0].bbox in tables:
            return _table_order(lines, tables[units[0].bbox])
        # One box holds everything: look inside it, without it.
        return _order_region(lines, units[0].boxes, min_gap, tables, page_level)
    ordered: list[Line] = []
    for unit in _xy_cut(units, min_gap, page_level):
        if unit.boxes is None:
            ordered.extend(unit.lines)
        elif unit.bbox in tables:
            ordered.extend(_table_order(unit.lines, tables[unit.bbox]))
        else:
            ordered.extend(_order_region(unit.lines, unit.boxes, min_gap, tables))
    return ordered


def _table_order(lines: list[Line], table: Table) -> list[Line]:
    """A table's lines row by row, each row's cells left to right, each cell top to bottom;
    lines in no cell (a caption inside the frame) where their top places them."""
    def key(ln: Line) -> tuple[float, int, int, float, float]:
        cell = table.cell_of(ln.bbox)
        if cell is None:
            return (ln.bbox.top, -1, -1, ln.bbox.top, ln.bbox.x0)
        row, column = cell
        return (table.rows[row][0].top, row, column, ln.bbox.top, ln.bbox.x0)
    return sorted(lines, key=key)


def _units(lines: list[Line], boxes: list[BBox]) -> list[_Unit]:
    """Top-level boxes (with the lines inside) plus loose lines, as units to order."""
    containing = [b for b in boxes if any(_holds(b, ln) for ln in lines)]
    # A box that holds every line of the region says nothing about order at this level.
    informative = [b for b in containing if not all(_holds(b, ln) for ln in lines)]
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
        homes = [i for i, b in enumerate(unique) if _holds(b, ln)]
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


def _xy_cut(units: list[_Unit], min_gap: float, page_level: bool = False) -> list[_Unit]:
    """Units in reading order: split into columns if whitespace allows, else into rows."""
    if len(units) <= 1:
        return units
    columns = _columns(units, min_gap)
    row_gaps, row_groups = _gaps(units, axis="y", min_gap=0.0)  # the region's rows, for both tests below
    foot = _foot_band(row_gaps, row_groups, columns, min_gap)
    if foot is not None:
        above, below = foot
        return _xy_cut(above, min_gap, page_level) + _xy_cut(below, min_gap)
    if len(columns) > 1:
        return [u for col in columns for u in _xy_cut(col, min_gap)]
    rows = _row_cut(units, row_gaps, row_groups, min_gap, head_band=page_level)
    if len(rows) > 1:
        return [u for row in rows for u in _xy_cut(row, min_gap)]
    return sorted(units, key=lambda u: (round(u.bbox.top, 0), u.bbox.x0))


def _foot_band(gaps: list[float], groups: list[list[_Unit]], columns: list[list[_Unit]],
               min_gap: float) -> tuple[list[_Unit], list[_Unit]] | None:
    """(the rest, the band) when the region's last row (``groups``, between ``gaps``), set
    apart by a blank line, joins columns that are apart without it (notes at the foot,
    reaching the next column's edge): it is read after all of them, not with the first. None
    otherwise."""
    if len(groups) < 2:
        return None
    last = groups[-1]
    above = [u for g in groups[:-1] for u in g]
    pitch = statistics.median(u.bbox.height for u in last)
    if gaps[-1] < pitch or len(_columns(above, min_gap)) <= len(columns):
        return None
    return above, last


def _columns(units: list[_Unit], min_gap: float) -> list[list[_Unit]]:
    """The units split into columns at every vertical whitespace band wider than min_gap, or
    at the border of two boxes side by side when their boxes head the columns (see
    _heads_its_column); else the units, whole."""
    gaps, columns = _gaps(units, axis="x", min_gap=min_gap)
    if any(gap <= min_gap for gap in gaps) and not all(_heads_its_column(col) for col in columns):
        return [units]
    return columns


def _heads_its_column(column: list[_Unit]) -> bool:
    """A column cut off from the next only by the border between two boxes (no whitespace)
    is one when its boxes head it: their text starts at the left edge of the text under them
    (a band over each column). A row of cells whose text starts elsewhere (a title cell, a
    cell of header lines set flush right) is a header table across the columns, not their
    heads."""
    boxes = [u for u in column if u.boxes is not None]
    loose = [u.bbox.x0 for u in column if u.boxes is None]
    if not boxes or not loose:
        return True
    head = min(boxes, key=lambda u: u.bbox.top)  # the box at the column's top
    return abs(min(ln.bbox.x0 for ln in head.lines) - min(loose)) <= COLUMN_EDGE_TOLERANCE


def _row_cut(units: list[_Unit], gaps: list[float], groups: list[list[_Unit]], min_gap: float,
             head_band: bool = False) -> list[list[_Unit]]:
    """Where no gutter runs the region's full height, cut it in two across a horizontal gap:
    above a band at its foot (footnotes, a box across both columns) when that frees the rest
    to be read as columns; with ``head_band`` (the page's own region), under a band at its
    head (the title and header lines) that does; else across its widest gap. Cutting at every
    gap would read two columns whose paragraph gaps happen to line up as rows. ``groups``:
    the region's rows, ``gaps`` the whitespace between them."""
    if len(groups) < 2:
        return [units]
    above_foot = [u for g in groups[:-1] for u in g]
    if len(_columns(above_foot, min_gap)) > 1:
        return [above_foot, groups[-1]]
    head = _head_band(groups, min_gap) if head_band else None
    if head is not None:
        return [[u for g in groups[:head] for u in g], [u for g in groups[head:] for u in g]]
    widest = max(range(len(gaps)), key=lambda i: gaps[i])
    return [[u for g in groups[: widest + 1] for u in g], [u for g in groups[widest + 1:] for u in g]]


def _head_band(groups: list[list[_Unit]], min_gap: float) -> int | None:
    """How many row groups at the top of the page form a band over its columns (a title,
    the header lines under it): the fewest whose removal leaves the rest with a gutter, each
    of them running across it. The region is then cut under them, not at its widest gap,
    which may run across the columns where their paragraph gaps line up. None when no such
    band exists.

    Scanned from the foot up, keeping the x-extents the groups below cover merged, so that a
    page of many rows costs one pass."""
    covered: list[list[float]] = []  # merged x-extents of groups[k:], sorted
    first_with_gutter = None
    for k in range(len(groups) - 1, 0, -1):
        for u in groups[k]:
            covered = _merged(covered, u.bbox.x0, u.bbox.x1, min_gap)
        if len(covered) > 1:
            first_with_gutter = k
    if first_with_gutter is None:
        return None
    columns = _columns([u for g in groups[first_with_gutter:] for u in g], min_gap)
    gutters = [(max(u.bbox.x1 for u in left), min(u.bbox.x0 for u in right)) for left, right in zip(columns, columns[1:])]
    # A band is rows that each run across the columns' gutter; rows beside the gutter are the
    # top of the columns themselves (or of a table), and are read with them.
    across = all(any(x0 < lo and x1 > hi for x0, x1 in _extents(g, min_gap) for lo, hi in gutters)
                 for g in groups[:first_with_gutter])
    return first_with_gutter if gutters and across else None


def _extents(units: list[_Unit], min_gap: float) -> list[list[float]]:
    """The x-extents the units cover, those no more than min_gap apart joined (the cells of
    a header table, edge to edge, cover its width)."""
    covered: list[list[float]] = []
    for u in units:
        covered = _merged(covered, u.bbox.x0, u.bbox.x1, min_gap)
    return covered


def _merged(intervals: list[list[float]], lo: float, hi: float, min_gap: float) -> list[list[float]]:
    """Sorted x-intervals with [lo, hi] added, intervals no more than min_gap apart joined."""
    out: list[list[float]] = []
    for a, b in intervals:
        if b + min_gap < lo or a - min_gap > hi:
            out.append([a, b])
        else:
            lo, hi = min(lo, a), max(hi, b)
    out.append([lo, hi])
    return sorted(out)


def _gaps(units: list[_Unit], axis: Literal["x", "y"], min_gap: float) -> tuple[list[float], list[list[_Unit]]]:
    """The whitespace bands along one axis wider than min_gap, and the groups between them."""
    def extent(u: _Unit) -> tuple[float, float]:
        if axis == "x":
            return u.bbox.x0, u.bbox.x1
        # Shrink vertically a little so that touching ascenders/descenders do not hide a gap.
        shrink = min(MAX_ROW_SHRINK, u.bbox.height * ROW_SHRINK_SHARE)
        return u.bbox.top + shrink, u.bbox.bottom - shrink

    items = sorted(units, key=lambda u: extent(u)[0])
    groups: list[list[_Unit]] = [[items[0]]]
    gaps: list[float] = []
    reach, reacher = extent(items[0])[1], items[0]
    for u in items[1:]:
        lo, hi = extent(u)
        # Two drawn boxes side by side are apart even when their edges touch or overlap by a
        # hair (bands of a header, cells of a table): their borders separate them.
        least = -BOX_TOLERANCE if (axis == "x" and u.boxes is not None and reacher.boxes is not None) else min_gap
        if lo - reach > least:
            gaps.append(lo - reach)
            groups.append([u])
        else:
            groups[-1].append(u)
        if hi > reach:
            reach, reacher = hi, u
    return gaps, groups
