"""Content-spec types, golden and PDF check of the variant samples.

Markup in spec strings:
    [^1]   footnote marker, printed as a superscript glued to the character before
           (which may be a word, a closing parenthesis or a full stop); left out of the
           golden text, goes to footnote_refs.
    \\n     forced line break (timeline labels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from samplekit.checks import not_on_page, overlapping_words, page_text
from samplekit.golden import D, Entry, Footnote, golden as golden_json, markers_cited
from samplekit.markup import Markup, join_label
from samplekit.paths import FONT_DIR

# Word's Wingdings bullets "§" (small square) and "Ø" (arrowhead). Same PostScript name as
# scripts/fonts/Wingdings-Regular.ttf but other code points, and make_samples.py rebuilds
# that file with its own cmap: hence a file of its own, built by make_samples_variants.py.
WINGDINGS = FONT_DIR / "Wingdings-Regular-variants.ttf"
WINGDINGS_CMAP = {0xA7: 0x25AA, 0xD8: 0x27A2}
# Symbol's "·" bullet: the font make_samples.py builds already has it.
SYMBOL = FONT_DIR / "SymbolMT.ttf"


Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")


@dataclass
class It:
    text: str
    date: D | None = None                       # own inline date (first of `dates`)
    dates: list[tuple[str, str]] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    children: list["It"] = field(default_factory=list)
    page: int | None = None                     # page override (else the section's)


@dataclass
class TL:
    label: str
    date: D
    entries: list[It]


@dataclass
class Sec:
    kind: str
    heading: str
    blocks: list
    page: int = 1
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
    footnotes: list[Footnote]
    footnote_page: int


def sec_of(s: Sample, kind: str) -> Sec:
    return next(x for x in s.sections if x.kind == kind)


TOKEN = re.compile(r"\[\^([0-9]+)\]")
MARKUP = Markup(TOKEN)
clean = MARKUP.clean


def flatten(s: Sample):
    """(item, timeline group, n, section index, parent n, page) in reading order."""
    out = []

    def walk(items, si, parent, group, page):
        for it in items:
            n = len(out) + 1
            pg = it.page or page
            out.append((it, group, n, si, parent, pg))
            walk(it.children, si, n, None, pg)

    for si, sec in enumerate(s.sections):
        for b in sec.blocks:
            if isinstance(b, TL):
                walk(b.entries, si, None, b, b.entries[0].page or sec.page)
            else:
                walk([b], si, None, None, sec.page)
    return out


def golden(s: Sample) -> dict:
    """The ground truth, written from the spec (dates by hand, plus the fallback rule)."""
    entries = []
    for it, group, n, si, parent, page in flatten(s):
        # hand-written data cross-checks: an inline date is the first of `dates`; a label's
        # date is the label
        if it.date is not None:
            assert it.dates and it.dates[0] == (it.date.text, it.date.edtf), (s.name, it.text)
        if group is not None:
            assert group.date.text == join_label(group.label), (group.label, group.date.text)
        entries.append(Entry(it, n, si, parent, page,
                             timeline=group.date if group is not None else None,
                             inline=it.date))
    used = markers_cited(entries)
    assert list(dict.fromkeys(used)) == [f.marker for f in s.footnotes], (s.name, used)
    return golden_json(s, s.producer, entries, MARKUP, footnotes_page=s.footnote_page)


def check_pdf(s: Sample, pdf_path: Path) -> list[str]:
    """Page count; every item's printed text in one piece on its page and every section
    heading on its page (whitespace dropped); no two words overlap."""
    import pdfplumber
    problems = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != s.pages:
            return [f"{len(pdf.pages)} pages, spec {s.pages}"]
        streams = {}
        for n, page in enumerate(pdf.pages, 1):
            streams[n] = page_text(page)
            problems += overlapping_words(n, page.extract_words())
        problems += not_on_page(streams, [
            *((f"item {n} {clean(it.text)[:50]!r}", TOKEN.sub(lambda m: m.group(1), it.text),
               page) for it, _g, n, _si, _p, page in flatten(s)),
            *((f"heading {sec.heading!r}", sec.heading, sec.page) for sec in s.sections)])
    return problems
