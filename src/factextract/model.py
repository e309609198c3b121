"""The frozen document model passed between the pipeline's stages.

All coordinates are PDF points with a top-left origin (pdfplumber's convention,
``top = page_height - y1``), converted once in ``stages/pages.py``. Where a value came from
(glyphs, blocks, the PDF's shapes) is kept out of equality and repr, as sqlite-utils does, so
two results compare equal when they say the same thing. The value sets of the output contract
are ``Literal`` types; their tuples (``SECTION_KINDS`` ...) are derived from them, never
written twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal, get_args

Language = Literal["fr", "en"]
SectionKind = Literal[
    "header", "progress", "activities", "referent_system", "suggestions", "footnotes", "other"
]
Precision = Literal["day", "month", "quarter", "season", "half", "third", "year"]
Qualifier = Literal["", "range", "since", "until", "approx", "early", "mid", "late"]  # "": none
DateSource = Literal["timeline", "inline", "parent", "heading"]
Status = Literal["ok", "partial", "no_text", "error"]
ListMarker = Literal["bullet", "arrow", "dash", "number"]
EntityLabel = Literal["ORG", "LOC", "PROGRAMME"]
EntitySource = Literal["model", "rule"]
# The PDF readers: pdfplumber (pdfminer.six, the default) and PDFium (pypdfium2: faster, and a
# second opinion where pdfminer cannot open a file or sees no text).
Reader = Literal["pdfplumber", "pdfium"]

LANGUAGES: tuple[Language, ...] = get_args(Language)
SECTION_KINDS: tuple[SectionKind, ...] = get_args(SectionKind)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
DATE_SOURCES: tuple[DateSource, ...] = get_args(DateSource)
STATUSES: tuple[Status, ...] = get_args(Status)
LIST_MARKERS: tuple[ListMarker, ...] = get_args(ListMarker)
ENTITY_LABELS: tuple[EntityLabel, ...] = get_args(EntityLabel)
READERS: tuple[Reader, ...] = get_args(Reader)
DEFAULT_READER: Reader = "pdfplumber"

# The vocabularies a text in neither language is read with.
DEFAULT_LANGUAGE: Language = "fr"

# A drawn shape thinner than this (points) is a rule (a line), not a box; its thin side says
# whether it runs across the page or down it.
RULE_THICKNESS = 2.0
# Two coordinates this many points apart are one place: producers round positions differently.
POSITION_TOLERANCE = 0.5
# The body size of a document with no text at all (points); nothing is measured against it.
DEFAULT_BODY_SIZE = 10.0


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
        """``other`` lies inside this box, give or take ``tolerance`` points."""
        return (
            other.x0 >= self.x0 - tolerance and other.x1 <= self.x1 + tolerance
            and other.top >= self.top - tolerance and other.bottom <= self.bottom + tolerance
        )

    def v_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.bottom, other.bottom) - max(self.top, other.top))

    def h_overlap(self, other: BBox) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    @staticmethod
    def around(boxes: Sequence[BBox]) -> BBox:
        """The smallest box holding every one of ``boxes`` (at least one)."""
        out = boxes[0]
        for box in boxes[1:]:
            out = out.union(box)
        return out


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph as the PDF draws it."""

    text: str
    fontname: str
    size: float
    bbox: BBox
    baseline: float  # distance of the glyph origin from the top of the page


@dataclass(frozen=True, slots=True)
class Table:
    """A drawn table of data: a grid of ruled cells, most of its rows holding text in two
    cells or more. ``rows`` are its rows top to bottom, each its cells left to right."""

    bbox: BBox
    rows: tuple[tuple[BBox, ...], ...]

    def cell_of(self, box: BBox) -> tuple[int, int] | None:
        """(row, column) of the cell holding the box's centre, or None outside the table."""
        cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.x0 <= cx <= cell.x1 and cell.top <= cy <= cell.bottom:
                    return r, c
        return None


@dataclass(frozen=True, slots=True)
class Page:
    """One page's glyphs and drawn shapes, in drawing order.

    ``rules`` are the thin shapes and stroked lines (any orientation); ``rects`` the boxes;
    ``marks`` the small filled shapes that may be drawn bullets; ``tables`` the ruled tables
    of data.
    """

    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...] = field(compare=False, repr=False)
    rects: tuple[BBox, ...] = field(default=(), compare=False, repr=False)
    rules: tuple[BBox, ...] = field(default=(), compare=False, repr=False)
    marks: tuple[BBox, ...] = field(default=(), compare=False, repr=False)
    # Fonts the document sets wider than its body font: bold faces, whatever they are named.
    heavy_fonts: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    tables: tuple[Table, ...] = field(default=(), compare=False, repr=False)

    def cell_of(self, box: BBox) -> tuple[int, int, int] | None:
        """(table, row, column) of the table cell holding the box's centre, or None."""
        for t, table in enumerate(self.tables):
            found = table.cell_of(box)
            if found is not None:
                return (t, *found)
        return None

    @property
    def vertical_rules(self) -> tuple[BBox, ...]:
        """Rules running down the page: column separators, box sides, timeline spines."""
        return tuple(r for r in self.rules if r.width < RULE_THICKNESS)

    @property
    def horizontal_rules(self) -> tuple[BBox, ...]:
        """Rules running across the page: table row borders, separators, underlines."""
        return tuple(r for r in self.rules if r.height < RULE_THICKNESS)


@dataclass(frozen=True, slots=True)
class PdfRead:
    """What reading a PDF gave: the pages read, in order; the file's true page count; the pages
    that could not be read, each with why (a short phrase for a person, e.g. "its content
    stream is corrupt"); and warnings about what was read (pages left unread, data lost)."""

    pages: tuple[Page, ...]
    page_count: int
    lost_pages: tuple[tuple[int, str], ...] = ()
    warnings: tuple[str, ...] = ()
    reader: Reader = DEFAULT_READER  # which reader gave the pages


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
    # How far the line's superscripts stand above its full-size glyphs (points; 0 without any):
    # CSS and Writer push a line down by that much, which is not paragraph spacing.
    superscript_rise: float = field(default=0.0, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Block:
    """Lines that belong together (a paragraph, a bullet, a heading, a timeline label).

    ``index`` is the block's place in the document's reading order, set by ``Layout.of``
    (pdfminer's ``IndexAssigner``): later stages say which block they mean by it.
    """

    lines: tuple[Line, ...]
    page: int
    bbox: BBox
    index: int = 0

    @property
    def text(self) -> str:
        """The lines' texts joined by spaces, as printed (no hyphenation undone)."""
        return " ".join(line.text for line in self.lines)

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Block:
        """The block of these lines (at least one), on the first one's page."""
        return cls(lines=tuple(lines), page=lines[0].page, bbox=BBox.around([ln.bbox for ln in lines]))


@dataclass(frozen=True, slots=True)
class Layout:
    """A document as the layout stages leave it: its pages, and its blocks in reading order.

    ``footnotes`` holds the blocks set apart as footnotes (small type at the foot of a page),
    once the footnote stage has found them; they are no longer in ``blocks``.
    """

    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    footnotes: tuple[Block, ...] = ()

    @classmethod
    def of(cls, pages: Sequence[Page], blocks: Sequence[Block]) -> Layout:
        """The layout of these blocks, numbered in the order given (their reading order)."""
        numbered = tuple(Block(b.lines, b.page, b.bbox, index=i) for i, b in enumerate(blocks))
        return cls(pages=tuple(pages), blocks=numbered)

    def page(self, number: int) -> Page:
        return next(p for p in self.pages if p.number == number)

    @property
    def width(self) -> float:
        """The widest page's width: the measure that horizontal distances are judged by."""
        return max(p.width for p in self.pages)

    @property
    def body_size(self) -> float:
        """The document's body text size: the most common font size, weighted by characters."""
        counts: dict[float, int] = {}  # in reading order, so that a tie goes to the size met first
        for block in sorted(self.blocks + self.footnotes, key=lambda b: b.index):
            for line in block.lines:
                size = round(line.size, 1)
                counts[size] = counts.get(size, 0) + len(line.text)
        return max(counts, key=counts.__getitem__) if counts else DEFAULT_BODY_SIZE

    @property
    def body_bold(self) -> bool:
        """Most of the document's text is bold (a flyer set all in a heavy face): bold then
        sets nothing apart."""
        bold = total = 0
        for block in self.blocks + self.footnotes:
            for line in block.lines:
                total += len(line.text)
                bold += len(line.text) if line.bold else 0
        return total > 0 and bold * 2 > total


@dataclass(frozen=True, slots=True)
class Placed:
    """Where some extracted text is printed: a page, a box on it, and the text as printed
    there (one line, or a block)."""

    page: int
    bbox: BBox
    text: str = ""
    # The line it was read from, for what needs its glyphs (an entity's place on it); dropped
    # with the text before a Factsheet leaves the pipeline.
    source: Line | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of_lines(cls, lines: Sequence[Line]) -> tuple[Placed, ...]:
        return tuple(cls(line.page, line.bbox, line.text) for line in lines)


def first_box(lines: Sequence[Line]) -> BBox:
    """The box of the lines where a run of lines begins: the first line and those under it on
    the same page, down to a line that starts higher up (the top of the next column) or on
    another page. Text continued in the next column or on the next page is pointed at where it
    starts."""
    first = lines[0]
    kept = [first]
    for line in lines[1:]:
        if line.page != first.page or line.bbox.top < kept[-1].bbox.top:
            break
        kept.append(line)
    return BBox.around([line.bbox for line in kept])


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved temporal expression: a period with its precision and qualifier."""

    text: str
    start: date | None
    end: date | None
    precision: Precision
    qualifier: Qualifier
    edtf: str
    start_char: int | None = None  # offsets into the text it was found in
    end_char: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a document: its kind, heading and the blocks under it.

    ``blocks`` (the content, without heading and subheading blocks) serve the later stages;
    they stay out of equality and are dropped from the ``Factsheet`` (see ``pipeline``).
    """

    section_id: str
    order: int
    kind: SectionKind
    heading: str | None
    page: int
    subheadings: tuple[str, ...] = ()
    heading_period: Period | None = None
    blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)
    # Where it is printed: the box of its heading where it begins (of its first block, for a
    # section without one), the page it ends on, and every heading and subheading line.
    bbox: BBox | None = field(default=None, compare=False, repr=False)
    last_page: int | None = field(default=None, compare=False, repr=False)
    heading_lines: tuple[Placed, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Timeline:
    """What the timeline stage found in a document's sections, by block ``index``.

    ``labels``: the period of the timeline label that dates a block; ``label_blocks``: that
    label's block. ``date_lines``: the date
    line printed under an event title, part of the title's item. ``row_cells``: the other cells
    of a table row, left to right, part of the row's item. ``consumed``: blocks that are labels,
    date lines or cells, with no item of their own.
    """

    labels: Mapping[int, Period] = field(default_factory=dict)
    label_blocks: Mapping[int, Block] = field(default_factory=dict)
    date_lines: Mapping[int, Block] = field(default_factory=dict)
    row_cells: Mapping[int, tuple[Block, ...]] = field(default_factory=dict)
    consumed: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote marker in an item's text, and the word it sits on."""

    marker: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Item:
    """A bullet, timeline entry or paragraph, with its own date if it has one."""

    item_id: str
    section_id: str
    section_kind: SectionKind
    parent_item_id: str | None
    order: int
    page: int
    text: str
    date: Period | None = None
    date_source: DateSource | None = None
    dates: tuple[Period, ...] = ()  # every temporal expression in the text, with offsets
    timeline_label: Period | None = None
    footnote_refs: tuple[FootnoteRef, ...] = ()
    marker: ListMarker | None = None  # the list marker it had, if any
    # Where it is on the page: the box where it begins (its first column's lines, on ``page``),
    # and the page it ends on (``page`` when it does not run over a page break).
    bbox: BBox | None = field(default=None, compare=False, repr=False)
    last_page: int | None = field(default=None, compare=False, repr=False)
    # Every line of it as printed (its date line and row cells too), and its timeline label's.
    lines: tuple[Placed, ...] = field(default=(), compare=False, repr=False)
    label_line: Placed | None = field(default=None, compare=False, repr=False)

    @property
    def footnote_markers(self) -> tuple[str, ...]:
        return tuple(ref.marker for ref in self.footnote_refs)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its marker and text, and the term it defines with its expansion, if any."""

    marker: str
    text: str
    term: str | None
    expansion: str | None
    page: int
    # Where it begins on ``page`` (its lines in their first column).
    bbox: BBox | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation, place or programme in an item's text; offsets slice ``Item.text``."""

    item_id: str
    text: str
    label: EntityLabel
    start_char: int
    end_char: int
    source: EntitySource
    # Where it is printed: its page, and its box there (its share of the line it is on).
    page: int | None = field(default=None, compare=False, repr=False)
    bbox: BBox | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Document-level fields read from the header and progress sections."""

    title: str | None = None
    language: Language | None = None
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
    status: Status
    error: str | None = None
    # What a person should know about a document that was read (pages not read, data lost,
    # not a factsheet ...): one short sentence each, in the order met.
    warnings: tuple[str, ...] = ()
    info: DocumentInfo = DocumentInfo()
    page_count: int | None = None
    sections: tuple[Section, ...] = ()
    items: tuple[Item, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    entities: tuple[Entity, ...] = ()
    duplicate_of: str | None = None  # path of an earlier input with the same bytes
    # The reader whose pages were extracted; None where no page was read.
    reader: Reader | None = None

    def without_content(self, **changes: object) -> Factsheet:
        """The documents row's part alone (and ``changes``): what a batch keeps once the rows
        are written, and what a copy of another input or a document whose rows broke a
        schema is left with."""
        return replace(self, sections=(), items=(), footnotes=(), entities=(), **changes)
