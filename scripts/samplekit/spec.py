"""The content spec of a sample factsheet: one set of types for every producer.

A sample's spec file (samplekit/samples/, read by samplekit/specfile.py) holds one Sample; the golden JSON is
written from it (samplekit/golden.py) and the producer's layout draws or prints the same
objects. Everything the golden says is in the spec, pages included, so that the golden can
be rebuilt without making the PDF; the layout or the PDF check fails when the page does
not show what the spec says.

Spec strings carry the markup of samplekit/markup.py. The last fields of Sec and It are
layout hints that only one layout reads (said next to each); the rest is content.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class D:
    """A date, written by hand following the contract's date table."""

    text: str          # as printed, one line
    start: str | None
    end: str | None
    precision: str
    qualifier: str     # "" when none
    edtf: str

    def golden(self, source: str) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "precision": self.precision, "qualifier": self.qualifier,
                "edtf": self.edtf, "source": source}


# Heading dates several samples share ("ACTIVITIES 2022").
Y2021 = D("2021", "2021-01-01", "2021-12-31", "year", "", "2021")
Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")


@dataclass
class Footnote:
    """A note as printed: marker, then term + sep + expansion (the golden's text)."""

    marker: str        # as printed; numbers may restart on every page
    term: str
    expansion: str
    sep: str = " - "
    page: int = 1      # the page the note is printed on


@dataclass
class It:
    """One item: paragraph, timeline entry, bullet, event title."""

    text: str                                   # printed text, with markup
    date: D | None = None                       # its own date, the first of `dates`
    dates: list[tuple[str, str]] = field(default_factory=list)  # (text, edtf) in the text
    refs: list[tuple[str, str]] = field(default_factory=list)   # (marker, anchor word)
    children: list[It] = field(default_factory=list)
    page: int | None = None                     # None: its parent's page, else its section's
    # Printed apart (table cells; a title line and a date line): `text` is the pieces joined
    # by one space, and the PDF check looks for each piece. The golden text joins them the
    # same way, unless they are the cells of a table row (`cells`): then with " | ".
    pieces: list[str] | None = None
    cells: bool = False
    # Layout hints of the boxed reportlab sheets (samplekit/reportlab.py, BoxedSheet):
    bullet: str | None = None                   # a key of BULLETS
    bold: bool = False
    region: int | None = None                   # move to this region of the section first


@dataclass
class TL:
    """A timeline label and the entries it dates (the label's date is theirs)."""

    label: str                                  # lines split by \n
    date: D
    entries: list[It]


@dataclass
class Region:
    """A place a boxed reportlab sheet's section flows into (top-down points); regions
    that share `box` are drawn as one box."""

    page: int
    x: float
    top: float
    w: float
    bottom: float | None = None   # fixed bottom of the drawn box (content must fit)
    label_w: float = 0.0          # width of the timeline label column (left)
    box: str | None = None
    pad: float = 8.0


@dataclass
class Frame:
    """How a boxed reportlab sheet draws one section: where it flows and its colours."""

    regions: list[Region]
    sub_region: int = 0                         # region index the subheadings go to
    items_region: int = 0                       # region index the first item goes to
    fill: str = "#FFFFFF"
    stroke: str | None = None
    accent: str = "#333333"                     # heading colour
    draw_rank: int = 0                          # higher is drawn earlier


@dataclass
class Sec:
    kind: str
    heading: str                                # lines split by \n
    blocks: list[It | TL]
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None
    page: int = 1                               # the page of the heading
    # A numbered list: the number style of each nesting depth ("1.", "1)", "a)"; a depth
    # beyond the tuple is not numbered). Every item of a numbered depth is numbered by its
    # place among its siblings (from 1 in each parent, as lists restart under a new
    # parent), and the golden text starts with the number as printed (list_number).
    numbering: tuple[str, ...] = ()
    # Layout hints:
    frame: Frame | None = None                  # boxed reportlab sheets
    form: str | None = None                     # Writer sheets: how the blocks are set
    break_before: str | None = None             # Writer sheets: "page" or "column"


@dataclass
class Sample:
    name: str
    producer: str                               # reportlab | chromium | libreoffice
    language: str
    title: str
    header_lines: list[str]                     # in reading order, one line each
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    sections: list[Sec]                         # in reading order
    footnotes: list[Footnote]                   # in citation order

    def repaged(self, section_page, item_page, note_page, pages: int) -> Sample:
        """The sample with the pages a producer chose: ``section_page(si, sec)``, then
        ``item_page(n, it)`` for each of its items in reading order (n as in `placed`), then
        ``note_page(note)``."""
        n_of = {id(p.item): p.n for p in self.placed()}

        def move(it: It) -> It:
            page = item_page(n_of[id(it)], it)
            return replace(it, page=page, children=[move(c) for c in it.children])

        sections = []
        for si, sec in enumerate(self.sections):
            page = section_page(si, sec)
            blocks = [replace(b, entries=[move(e) for e in b.entries]) if isinstance(b, TL) else move(b)
                      for b in sec.blocks]
            sections.append(replace(sec, page=page, blocks=blocks))
        return replace(self, sections=sections, footnotes=[replace(f, page=note_page(f)) for f in self.footnotes],
                       pages=pages)

    def section(self, kind: str) -> Sec:
        return next(sec for sec in self.sections if sec.kind == kind)

    def placed(self) -> list[Placed]:
        """Every item in reading order, numbered, with its section, parent and page."""
        out: list[Placed] = []

        def walk(items, depth, si, parent, group, page, first=1):
            style = self.sections[si].numbering[depth:depth + 1]
            for k, it in enumerate(items, first):
                n = len(out) + 1
                it_page = it.page or page
                number = list_number(style[0], k) if style else None
                out.append(Placed(it, group, depth, n, si, parent, it_page, number))
                walk(it.children, depth + 1, si, n, None, it_page)

        for si, sec in enumerate(self.sections):
            if sec.numbering:
                assert not any(isinstance(b, TL) for b in sec.blocks), (self.name, sec.kind)
            for k, block in enumerate(sec.blocks, 1):
                if isinstance(block, TL):
                    walk(block.entries, 0, si, None, block, sec.page)
                else:
                    walk([block], 0, si, None, None, sec.page, first=k)
        return out


@dataclass
class Placed:
    """An item where the reading order puts it."""

    item: It
    group: TL | None          # the timeline label the item sits under
    depth: int                # 0 for a top-level item
    n: int                    # 1-based number in reading order
    si: int                   # index of its section in Sample.sections
    parent: int | None        # n of the parent item
    page: int
    number: str | None = None  # its list number as printed ("1.", "a)"), if numbered

    @property
    def opens_group(self) -> bool:
        """The first entry of its timeline group (printed beside the label)."""
        return self.group is not None and self.group.entries[0] is self.item


def list_number(style: str, k: int) -> str:
    """The number printed before the k-th (1-based) item of a list level numbered `style`:
    a counter ("1" arabic, "a" lower-case letter) then its suffix ("1." -> "3.", "1)" ->
    "3)", "a)" -> "c)")."""
    counter, suffix = style[:1], style[1:]
    if counter == "1":
        return f"{k}{suffix}"
    if counter == "a" and 1 <= k <= 26:
        return f"{chr(ord('a') + k - 1)}{suffix}"
    raise ValueError(f"list number style {style!r}, item {k}")


def table_row(label: str, date: D, activity: str, partners: str, refs=()) -> TL:
    """A timeline table row "Date | Activity | Partners": one entry printed as two cells
    (the label cell is its timeline label, not its text), whose golden text is the activity
    cell + " | " + the partners cell."""
    return TL(label, date, [It(f"{activity} {partners}", pieces=[activity, partners],
                               cells=True, refs=list(refs))])
