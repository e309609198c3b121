"""The frozen document model passed between the pipeline's stages.

All coordinates are PDF points with a top-left origin (pdfplumber's convention,
``top = page_height - y1``), converted once in ``pages.py``. Where a value came
from (chars, the PDF) is kept out of equality and repr, as sqlite-utils does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SectionKind = Literal[
    "header", "progress", "activities", "referent_system", "suggestions", "footnotes", "other"
]
SECTION_KINDS: tuple[str, ...] = (
    "header", "progress", "activities", "referent_system", "suggestions", "footnotes", "other"
)
Precision = Literal["day", "month", "quarter", "season", "half", "third", "year"]
PRECISIONS: tuple[str, ...] = ("day", "month", "quarter", "season", "half", "third", "year")
Qualifier = Literal["", "range", "since", "until", "approx", "early", "mid", "late"]
QUALIFIERS: tuple[str, ...] = ("", "range", "since", "until", "approx", "early", "mid", "late")
DateSource = Literal["timeline", "inline", "parent", "heading"]
DATE_SOURCES: tuple[str, ...] = ("timeline", "inline", "parent", "heading")
Status = Literal["ok", "no_text", "error"]
STATUSES: tuple[str, ...] = ("ok", "no_text", "error")


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle in PDF points, top-left origin (``top < bottom``)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0), min(self.top, other.top),
            max(self.x1, other.x1), max(self.bottom, other.bottom),
        )

    def contains(self, other: BBox, tolerance: float = 0.0) -> bool:
        return (
            other.x0 >= self.x0 - tolerance and other.x1 <= self.x1 + tolerance
            and other.top >= self.top - tolerance and other.bottom <= self.bottom + tolerance
        )

    def v_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.bottom, other.bottom) - max(self.top, other.top))

    def h_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph as the PDF draws it."""

    text: str
    fontname: str
    size: float
    bbox: BBox
    baseline: float  # distance of the glyph origin from the top of the page


@dataclass(frozen=True, slots=True)
class Page:
    """One page's glyphs and drawn rectangles/rules, in drawing order."""

    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...] = field(compare=False, repr=False)
    rects: tuple[BBox, ...] = field(default=(), compare=False, repr=False)
    rules: tuple[BBox, ...] = field(default=(), compare=False, repr=False)
    marks: tuple[BBox, ...] = field(default=(), compare=False, repr=False)  # small drawn shapes: bullets


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one font within a line (after text repair)."""

    text: str
    fontname: str
    size: float
    superscript: bool = False  # raised and smaller than the line's body text


@dataclass(frozen=True, slots=True)
class Line:
    """A visual line of text: glyphs sharing a baseline with no column gap between them."""

    text: str
    page: int
    bbox: BBox
    size: float  # dominant (body) font size
    bold: bool
    spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    chars: tuple[Char, ...] = field(default=(), compare=False, repr=False)
    drawn_marker: bool = False  # a bullet drawn as a shape (a CSS disc, a square) stands before it


@dataclass(frozen=True, slots=True)
class Block:
    """Lines that belong together (a paragraph, a bullet, a heading, a timeline label)."""

    lines: tuple[Line, ...]
    page: int
    bbox: BBox

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved temporal expression: a period with its precision and qualifier."""

    text: str
    start: date | None
    end: date | None
    precision: str
    qualifier: str
    edtf: str
    start_char: int | None = None  # offsets into the text it was found in
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    section_id: str
    order: int
    kind: str
    heading: str
    page: int
    subheadings: tuple[str, ...] = ()
    heading_period: Period | None = None
    bbox: BBox | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    marker: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Item:
    """A bullet, timeline entry or paragraph, with its own date if it has one."""

    item_id: str
    section_id: str
    section_kind: str
    parent_item_id: str | None
    order: int
    page: int
    text: str
    date: Period | None = None
    date_source: str | None = None
    dates: tuple[Period, ...] = ()  # every temporal expression in the text, with offsets
    timeline_label: Period | None = None
    footnote_refs: tuple[FootnoteRef, ...] = ()
    marker: str = ""  # the list marker it had, normalised: "bullet", "arrow", "dash", "number", ""
    bbox: BBox | None = field(default=None, compare=False, repr=False)

    @property
    def footnote_markers(self) -> tuple[str, ...]:
        return tuple(ref.marker for ref in self.footnote_refs)


@dataclass(frozen=True, slots=True)
class Footnote:
    marker: str
    text: str
    term: str | None
    expansion: str | None
    page: int


@dataclass(frozen=True, slots=True)
class Entity:
    item_id: str
    text: str
    label: str
    start_char: int
    end_char: int
    source: str  # "model" or "rule"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Document-level fields read from the header and progress sections."""

    title: str | None = None
    language: str | None = None
    country: str | None = None
    domain_number: int | None = None
    domain_title: str | None = None
    action_number: int | None = None
    action_title: str | None = None


@dataclass(frozen=True, slots=True)
class Factsheet:
    """Everything extracted from one input file, whatever became of it."""

    doc_id: str
    source_path: str
    sha256: str
    status: str
    error: str | None = None
    info: DocumentInfo = DocumentInfo()
    page_count: int | None = None
    sections: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    entities: tuple[Entity, ...] = ()
    duplicate_of: str | None = None  # path of an earlier input with the same bytes


@dataclass(frozen=True, slots=True)
class SectionBlocks:
    """A section as the layout gives it: its heading lines and the blocks under it."""

    kind: str
    heading: str | None
    page: int
    subheadings: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)
    subheading_blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)
