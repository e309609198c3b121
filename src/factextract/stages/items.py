"""Sections' blocks and the timeline -> items: clean text, nesting and each item's date.

Every block of a section with items (not the header, not the footnotes) is an item unless the
timeline consumed it (a label, or a block joined into another's item). Nesting comes from list
markers, their kind and indentation: a bullet hangs under the title or the less indented item
above it, a dash under the bullet before it; a paragraph without a marker closes every list.
An item's date is, in order: its timeline label, the first date in its text, its parent's
date, its section heading's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..dates import find_dates
from ..model import Block, DateSource, Item, ListMarker, Period, Placed, Section, Timeline, first_box
from ..text.repair import CleanText, clean_block

# Between the cells of a table row, in the row's item (the contract's " | ").
CELL_SEPARATOR = " | "
# List markers that a dash item at the same indent hangs under.
SUB_MARKER_PARENTS: tuple[ListMarker, ...] = ("bullet", "arrow", "number")
# Indentation differences smaller than this (points) are the same level.
INDENT_TOLERANCE = 3.0
# A block without a marker and at most this long, not ending a sentence, is a title that
# the bullets below it hang under (e.g. "Document final").
MAX_LIST_TITLE_CHARS = 90
# A title ends on ":" or on no sentence end; a sentence ends on one of these.
_SENTENCE_ENDS = (".", ";", "!", "?")


def sections_to_items(sections: Sequence[Section], timeline: Timeline, language: str,
                      *, doc_id: str) -> tuple[Item, ...]:
    """Every item of every section, numbered in reading order across the document
    (``{doc_id}:i{n}``)."""
    items: list[Item] = []
    for section in sections:
        if section.kind in ("header", "footnotes"):
            continue
        items.extend(_section_items(section, timeline, language, doc_id, start=len(items) + 1))
    return tuple(items)


@dataclass(frozen=True, slots=True)
class _Open:
    """An item later list items may hang under, at its indent."""

    indent: float
    item: Item
    is_title: bool


def _section_items(section: Section, timeline: Timeline, language: str, doc_id: str,
                   start: int) -> list[Item]:
    """The items of one section, numbered from ``start``."""
    items: list[Item] = []
    stack: list[_Open] = []  # the open items, outermost first
    # The section's blocks by page, in order: an indent is measured among its page's blocks.
    on_page: dict[int, list[Block]] = {}
    for block in section.blocks:
        on_page.setdefault(block.page, []).append(block)
    for block in section.blocks:
        if block.index in timeline.consumed:
            continue
        clean = _row_text(block, timeline, language)
        if not any(ch.isalnum() for ch in clean.text):
            continue  # nothing to read: an ornament, a marker on its own
        indent = _relative_indent(block, on_page[block.page])
        parent = _parent(stack, indent, clean.marker)
        label = timeline.labels.get(block.index)
        inline = find_dates(clean.text, language)
        date, source = _date(label, inline, parent, section)
        n = start + len(items)
        item = Item(
            item_id=f"{doc_id}:i{n}", section_id=section.section_id, section_kind=section.kind,
            parent_item_id=parent.item_id if parent else None, order=n, page=block.page,
            text=clean.text, date=date, date_source=source, dates=inline, timeline_label=label,
            footnote_refs=clean.refs, marker=clean.marker, bbox=first_box(block.lines),
            last_page=max(line.page for line in block.lines), lines=_printed_lines(block, timeline),
            label_line=_label_line(timeline.label_blocks.get(block.index)),
        )
        items.append(item)
        stack.append(_Open(indent, item, _is_title(block, clean)))
    return items


def _printed_lines(block: Block, timeline: Timeline) -> tuple[Placed, ...]:
    """Every line the item's text comes from: the block's, its date line's, its row cells'."""
    date_line = timeline.date_lines.get(block.index)
    lines = block.lines + (date_line.lines if date_line else ())
    lines += tuple(line for cell in timeline.row_cells.get(block.index, ()) for line in cell.lines)
    return tuple(Placed(line.page, line.bbox, line.text, line) for line in lines)


def _label_line(label: Block | None) -> Placed | None:
    """The timeline label's place, as one box."""
    return Placed(label.page, label.bbox, label.text) if label is not None else None


def _row_text(block: Block, timeline: Timeline, language: str) -> CleanText:
    """The block's clean text, with the date line under it (an event title's), and the other
    cells of its table row joined by ``CELL_SEPARATOR``, as the contract writes a table row."""
    date_line = timeline.date_lines.get(block.index)
    clean = clean_block(block.lines + (date_line.lines if date_line else ()), language)
    cells = [clean_block(cell.lines, language) for cell in timeline.row_cells.get(block.index, ())]
    cells = [c for c in cells if c.text]
    if not cells:
        return clean
    return CleanText(CELL_SEPARATOR.join([clean.text] + [c.text for c in cells]),
                     clean.refs + tuple(r for c in cells for r in c.refs), clean.marker)


def _parent(stack: list[_Open], indent: float, marker: ListMarker | None) -> Item | None:
    """The item a new one hangs under, with ``stack`` closed down to it. Only a list item
    hangs under another: under the title above it, or under a less indented list item. A
    paragraph without a marker closes every open list."""
    if marker is None:
        stack.clear()
    while stack:
        top = stack[-1]
        if top.indent > indent + INDENT_TOLERANCE:
            stack.pop()
        elif (abs(top.indent - indent) <= INDENT_TOLERANCE and not top.is_title
              and not _sub_marker(marker, top.item.marker)):
            stack.pop()
        else:
            break
    return stack[-1].item if stack else None


def _is_title(block: Block, clean: CleanText) -> bool:
    """A block without a marker that list items below it hang under: bold, ending on a colon,
    or short and not a sentence."""
    text_end = clean.text.rstrip()
    return clean.marker is None and (all(ln.bold for ln in block.lines) or text_end.endswith(":") or (
        len(clean.text) <= MAX_LIST_TITLE_CHARS and not text_end.endswith(_SENTENCE_ENDS)))


def _date(label: Period | None, inline: tuple[Period, ...], parent: Item | None,
          section: Section) -> tuple[Period | None, DateSource | None]:
    """The contract's rule: the timeline label, else the first date in the text, else the
    parent's date, else the section heading's."""
    if label is not None:
        return label, "timeline"
    if inline:
        return inline[0], "inline"
    if parent is not None and parent.date is not None:
        return parent.date, "parent"
    if section.heading_period is not None:
        return section.heading_period, "heading"
    return None, None


def _sub_marker(marker: ListMarker | None, above: ListMarker | None) -> bool:
    """A dash item right after a bullet, arrow or numbered item at the same indent is its
    sub-item: the dash is the usual second-level marker."""
    return marker == "dash" and above in SUB_MARKER_PARENTS


def _relative_indent(block: Block, blocks: Sequence[Block]) -> float:
    """x of a block from the left edge of its column on its page, so that a list continued in
    another column or on the next page keeps its levels."""
    left = min((b.bbox.x0 for b in blocks if b.page == block.page and b.bbox.h_overlap(block.bbox) > 0),
               default=block.bbox.x0)
    return block.bbox.x0 - left
