"""Sections' blocks -> items: timeline labels bound by geometry, nesting, clean text, dates.

A timeline label is a short block that reads as one date and stands beside other blocks of
its section; it dates every entry beside it from its own top down to the next label's top.
Nesting comes from list markers and indentation: a bullet hangs under the title or the less
indented item above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .dates import find_dates, parse_date
from .model import Block, Item, Period, Section, SectionBlocks
from .text import clean_block, join_lines

# A timeline label is at most this long (characters) and this many lines.
MAX_LABEL_CHARS = 40
MAX_LABEL_LINES = 4
# An entry may start this many points above its label's top and still be dated by it.
LABEL_TOP_TOLERANCE = 4.0
# A label stands at most this share of the page width away from its entries.
MAX_LABEL_DISTANCE_SHARE = 0.3
# Indentation differences smaller than this (points) are the same level.
INDENT_TOLERANCE = 3.0
# A block without a marker and at most this long, not ending a sentence, is a title that
# the bullets below it hang under (e.g. "Document final").
MAX_TITLE_CHARS = 90


@dataclass(frozen=True, slots=True)
class _Label:
    block: Block
    period: Period


def sections_to_items(doc_id: str, sections: Sequence[Section], drafts: Sequence[SectionBlocks],
                      language: str, page_width: float) -> tuple[Item, ...]:
    """Every item of every section, numbered in reading order across the document."""
    items: list[Item] = []
    for section, draft in zip(sections, drafts):
        if draft.kind in ("header", "footnotes"):
            continue
        items.extend(_section_items(doc_id, section, draft, language, page_width, start=len(items) + 1))
    return tuple(items)


def _section_items(doc_id: str, section: Section, draft: SectionBlocks, language: str,
                   page_width: float, start: int) -> list[Item]:
    labels = _timeline_labels(draft.blocks, language, page_width)
    label_blocks = {id(lb.block) for lb in labels}
    items: list[Item] = []
    # Stack of open items that later bullets may hang under: (indent, item, is_title).
    stack: list[tuple[float, Item, bool]] = []
    for block in draft.blocks:
        if id(block) in label_blocks:
            continue
        clean = clean_block(block.lines, language)
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
            top_indent, _, top_title = stack[-1]
            if top_indent > indent + INDENT_TOLERANCE:
                stack.pop()
            elif abs(top_indent - indent) <= INDENT_TOLERANCE and not top_title:
                stack.pop()
            else:
                break
        parent = stack[-1][1] if stack else None
        label = _label_for(block, labels, page_width)
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


def _relative_indent(block: Block, blocks: Sequence[Block]) -> float:
    """x of a block from the left edge of its column on its page, so that a list continued in
    another column or on the next page keeps its levels."""
    left = min((b.bbox.x0 for b in blocks if b.page == block.page and b.bbox.h_overlap(block.bbox) > 0),
               default=block.bbox.x0)
    return block.bbox.x0 - left


def _timeline_labels(blocks: Sequence[Block], language: str, page_width: float) -> list[_Label]:
    """Short blocks that read as one date and stand beside another block of the section."""
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
        beside = any(o is not block and _beside(block, o, page_width) and
                     o.bbox.bottom > block.bbox.top - LABEL_TOP_TOLERANCE for o in blocks)
        if beside:
            labels.append(_Label(block, _with_text(period, text)))
    return labels


def _with_text(period: Period, text: str) -> Period:
    return Period(text=" ".join(text.split()), start=period.start, end=period.end, precision=period.precision,
                  qualifier=period.qualifier, edtf=period.edtf)


def _beside(label: Block, other: Block, page_width: float) -> bool:
    """True when other stands left or right of label, not above or below it."""
    if label.bbox.h_overlap(other.bbox) > 1.0:
        return False
    distance = other.bbox.x0 - label.bbox.x1 if other.bbox.x0 >= label.bbox.x1 - 1 else label.bbox.x0 - other.bbox.x1
    return distance <= page_width * MAX_LABEL_DISTANCE_SHARE


def _label_for(block: Block, labels: Sequence[_Label], page_width: float) -> _Label | None:
    """The label beside this block whose band (its top down to the next label) holds its top."""
    best: _Label | None = None
    for lb in labels:
        if lb.block.page != block.page or not _beside(lb.block, block, page_width):
            continue
        if lb.block.bbox.top - LABEL_TOP_TOLERANCE <= block.bbox.top:
            if best is None or lb.block.bbox.top > best.block.bbox.top:
                best = lb
    return best
