"""The content spec of a sample factsheet: one set of types for every producer.

A sample module (scripts/samples/) writes its factsheet as one Sample; the golden JSON is
written from it (samplekit/golden.py) and the producer's layout draws or prints the same
objects. Everything the golden says is in the spec, pages included, so that the golden can
be rebuilt without making the PDF; the layout or the PDF check fails when the page does
not show what the spec says.

Spec strings carry the markup of samplekit/markup.py. The last fields of Sec and It are
layout hints that only one layout reads (said next to each); the rest is content.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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
    # Printed apart (table cells; a title line and a date line): the text is the pieces
    # joined by one space, and the PDF check looks for each piece.
    pieces: list[str] | None = None
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
    centred: bool = False                       # label centred beside its group (Chromium)


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

    def section(self, kind: str) -> Sec:
        return next(sec for sec in self.sections if sec.kind == kind)

    def placed(self) -> list[Placed]:
        """Every item in reading order, numbered, with its section, parent and page."""
        out: list[Placed] = []

        def walk(items, depth, si, parent, group, page):
            for it in items:
                n = len(out) + 1
                it_page = it.page or page
                out.append(Placed(it, group, depth, n, si, parent, it_page))
                walk(it.children, depth + 1, si, n, None, it_page)

        for si, sec in enumerate(self.sections):
            for block in sec.blocks:
                if isinstance(block, TL):
                    walk(block.entries, 0, si, None, block, sec.page)
                else:
                    walk([block], 0, si, None, None, sec.page)
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

    @property
    def opens_group(self) -> bool:
        """The first entry of its timeline group (printed beside the label)."""
        return self.group is not None and self.group.entries[0] is self.item


def table_row(label: str, date: D, activity: str, partners: str, refs=()) -> TL:
    """A timeline table row "Date | Activity | Partners": one entry printed as two cells,
    whose text is the activity cell + " " + the partners cell."""
    return TL(label, date, [It(f"{activity} {partners}", pieces=[activity, partners],
                               refs=list(refs))])
