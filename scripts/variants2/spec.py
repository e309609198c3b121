"""Content-spec types, golden and PDF check of the second group of variant samples.

Unlike scripts/variants/, a spec here does not say on which page an item or a section
lands: the check finds it in the PDF (every item and heading must be in one piece on one
page), and the golden takes those pages. The footnotes' pages are written in the spec.

Markup in spec strings:
    [^1] / [^a]   footnote marker (digits or letters); how it is printed is up to each
                  producer (superscript, "[1]" inline at body size, Writer footnote); left
                  out of the golden text, goes to footnote_refs.
    \\n            forced line break (timeline labels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from samplekit.checks import overlapping_words, page_text, pages_holding, squash
from samplekit.golden import D, Entry, Footnote, golden as golden_json
from samplekit.markup import Markup, join_label

TOKEN = re.compile(r"\[\^([0-9a-z]+)\]")
MARKUP = Markup(TOKEN)
clean = MARKUP.clean

Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")


@dataclass
class It:
    text: str
    date: D | None = None                       # own inline date (the first of `dates`)
    dates: list[tuple[str, str]] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    children: list["It"] = field(default_factory=list)
    # the printed pieces when the item is not printed as one run (table cells, or a title
    # line + a date line): the golden text is the pieces joined by one space
    pieces: list[str] | None = None


@dataclass
class TL:
    label: str          # as printed, "\n" = forced line break
    date: D
    entries: list[It]


@dataclass
class Sec:
    kind: str
    heading: str
    blocks: list
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None


@dataclass
class Sample:
    name: str
    producer: str
    language: str
    title: str
    header_lines: list[str]                     # in reading order, joined to one line each
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    sections: list[Sec]                         # in reading order
    footnotes: list[Footnote]                   # in citation order (a marker may repeat
    footnote_pages: list[int]                   # when numbering restarts per page)
    marker_format: str = "{}"                   # a marker as the text layer has it


def row(label: str, date: D, activity: str, partners: str, refs=()) -> TL:
    """A table row "Date | Activity | Partners": one timeline entry, printed as two cells,
    whose text is the activity cell + " " + the partners cell."""
    return TL(label, date, [It(f"{activity} {partners}", pieces=[activity, partners],
                               refs=list(refs))])


def sec_of(s: Sample, kind: str) -> Sec:
    return next(x for x in s.sections if x.kind == kind)


def flatten(s: Sample):
    """(item, timeline group, n, section index, parent n) in reading order."""
    out = []

    def walk(items, si, parent, group):
        for it in items:
            n = len(out) + 1
            out.append((it, group, n, si, parent))
            walk(it.children, si, n, None)

    for si, sec in enumerate(s.sections):
        for b in sec.blocks:
            if isinstance(b, TL):
                walk(b.entries, si, None, b)
            else:
                walk([b], si, None, None)
    return out


def printed(s: Sample, markup: str) -> str:
    """A spec string as its text layer has it: markers as the producer prints them."""
    return TOKEN.sub(lambda m: s.marker_format.format(m.group(1)), markup)


@dataclass
class Layout:
    """What the check found: problems, each item's page (by n), each section's page."""

    problems: list[str]
    item_pages: dict[int, int]
    section_pages: list[int]


def check_pdf(s: Sample, pdf_path: Path) -> Layout:
    """Page count; every item (each of its printed pieces, on one same page) and every
    section heading in one piece on a page (whitespace dropped); every footnote on its page;
    no two words overlap. Finds each item's and section's page (the first that holds it)."""
    import pdfplumber
    problems: list[str] = []
    item_pages: dict[int, int] = {}
    sec_pages: list[int] = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != s.pages:
            problems.append(f"{len(pdf.pages)} pages, spec {s.pages}")
        texts = {}
        for n, page in enumerate(pdf.pages, 1):
            texts[n] = page_text(page)
            problems += overlapping_words(n, page.extract_words())
        for it, _g, n, _si, _p in flatten(s):
            pages = None
            for piece in it.pieces or [it.text]:
                found = set(pages_holding(texts, printed(s, piece)))
                pages = found if pages is None else pages & found
            if not pages:
                problems.append(f"item {n} not in one piece: {clean(it.text)[:60]!r}")
            else:
                item_pages[n] = min(pages)
        for sec in s.sections:
            found = pages_holding(texts, sec.heading)
            if not found:
                problems.append(f"heading {sec.heading!r} not found")
            sec_pages.append(min(found) if found else 1)
        for f, pg in zip(s.footnotes, s.footnote_pages):
            if squash(f.term + f.sep + f.expansion) not in texts.get(pg, ""):
                problems.append(f"footnote {f.marker} not on page {pg}")
    return Layout(problems, item_pages, sec_pages)


def golden(s: Sample, layout: Layout) -> dict:
    """The ground truth, written from the spec (dates by hand, plus the fallback rule) and
    the pages the check found. One footnotes section (the repo's convention), on the page of
    the first note, even when the notes are printed at the foot of several pages."""
    entries = []
    for it, group, n, si, parent in flatten(s):
        # hand-written data cross-checks: the pieces make the text; an inline date is the
        # first of `dates`; a label's date is the label
        if it.pieces:
            assert clean(" ".join(it.pieces)) == clean(it.text), (it.pieces, it.text)
        if it.date is not None:
            assert it.dates and it.dates[0] == (it.date.text, it.date.edtf), (s.name, it.text)
        if group is not None:
            assert group.date.text == join_label(group.label), (group.label, group.date.text)
        entries.append(Entry(it, n, si, parent, layout.item_pages[n],
                             timeline=group.date if group is not None else None,
                             inline=it.date))
    cited = {m for e in entries for m, _ in e.item.refs}
    assert cited == {f.marker for f in s.footnotes}, (s.name, cited)
    return golden_json(s, s.producer, entries, MARKUP, section_pages=layout.section_pages,
                       footnotes_page=min(s.footnote_pages, default=1),
                       footnote_pages=s.footnote_pages)
