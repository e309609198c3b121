"""The self-check of a generated PDF, with pdfplumber (a project dependency): what the golden
says about the pages must be true of their text layer. A sample whose check finds a problem
is not written.

Text is compared in stream order with whitespace dropped and ligature glyphs spelled out, so
that a line break, a justified gap or a ligature does not matter, but a piece printed out of
order does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from samplekit.markup import clean, printed, spell_ligatures
from samplekit.spec import Placed, Sample

# A soft hyphen or break hint taken at a line end shows one of these between the two halves
# of the word (Chromium adds a zero-width space, which squash() drops). {/} adds no hyphen
# (the word has one already) and is not looked for.
LINE_END_HYPHENS = "-\u00ad\u2010"
# A drop cap is set at least this many times the page's usual text size.
INITIAL_SIZE_RATIO = 2.2
HYPHENATED_BREAK = re.compile(r"(\S+)\{(?:-|‐|shy)\}(\S+)")


def squash(text: str) -> str:
    """Whitespace dropped."""
    return re.sub(r"\s+", "", text)


def page_text(page) -> str:
    """A pdfplumber page's characters in stream order, ligatures spelled out, whitespace
    dropped."""
    return squash(spell_ligatures("".join(c["text"] for c in page.chars)))


def unhyphenated(text: str) -> str:
    """Hyphens, soft hyphens and U+2010 (Chromium's at a line end) dropped."""
    return re.sub("[-\u00ad\u2010]", "", text)


def overlapping_words(n: int, words: list[dict]) -> list[str]:
    """Problems for every two words (pdfplumber extract_words) on page n whose boxes
    overlap."""
    problems = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if (a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5
                    and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1):
                problems.append(f"p{n}: words overlap {a['text']!r} / {b['text']!r}")
    return problems


def line_end_breaks(markup: str) -> list[tuple[str, str]]:
    """(left, right) halves of every word of a spec string that must break at a line end
    with a hyphen, as printed."""
    return [(printed(m.group(1)), printed(m.group(2)))
            for m in HYPHENATED_BREAK.finditer(markup)]


def printed_pieces(p: Placed) -> list[str]:
    """What an item prints in one piece each: its text, or its pieces (table cells; a title
    line and a date line), the first one after its list number, if it has one."""
    pieces = p.item.pieces or [p.item.text]
    if p.number:
        pieces = [f"{p.number} {pieces[0]}", *pieces[1:]]
    return pieces


# A producer-specific check: the sample, the open pdfplumber document -> problems.
PageCheck = Callable[[Sample, object], list[str]]


@dataclass(frozen=True)
class PdfCheck:
    """How a sample prints what the check looks for, and the checks only its layout needs.
    `marker` prints a footnote marker of the text (as typed: "1", "¹"), `note_marker` the
    marker before a note (default: as in the text)."""

    marker: Callable[[str], str] = str
    note_marker: Callable[[str], str] | None = None
    extra: tuple[PageCheck, ...] = field(default_factory=tuple)
    # The producer hyphenates by itself (Typst): it writes U+00AD or "-" where it breaks a
    # word, so both are dropped from the page and from what is looked for.
    soft_hyphens: bool = False
    # The first paragraph opens on a drop cap, which the producer may write anywhere in the
    # content stream: that paragraph is looked for without its first letter.
    initial_apart: bool = False


def _without_initial(page):
    """The page without its drop cap (a letter several lines tall, which pdfplumber makes one
    word with the rest of its first line, a box over the lines beside it): the letters set
    at least INITIAL_SIZE_RATIO times the page's usual size, alone."""
    import statistics

    usual = statistics.median(c["size"] for c in page.chars)
    return page.filter(lambda o: o.get("object_type") != "char" or not (
        o["size"] >= INITIAL_SIZE_RATIO * usual and len(o["text"]) == 1 and o["text"].isalpha()))


def check_pdf(s: Sample, pdf_path: Path, how: PdfCheck = PdfCheck()) -> list[str]:
    """The page count; every item (each of its printed pieces, its list number included),
    section heading and subheading, and header line in one piece on its page; every note,
    after its marker, on its page; every break the spec asks for taken at a line end; no two
    words overlapping; then the layout's own checks."""
    import pdfplumber

    note_marker = how.note_marker or how.marker
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != s.pages:
            return [f"{s.name}: {len(pdf.pages)} pages printed, spec says {s.pages}"]
        texts: dict[int, str] = {}
        problems: list[str] = []
        for n, page in enumerate(pdf.pages, 1):
            texts[n] = unhyphenated(page_text(page)) if how.soft_hyphens else page_text(page)
            problems += overlapping_words(n, _without_initial(page).extract_words() if how.initial_apart
                                          else page.extract_words())
        placed = s.placed()
        # a break taken at a line end: the hyphen printed there is not part of the text
        for p in placed:
            for left, right in line_end_breaks(p.item.text):
                texts[p.page], taken = re.subn(
                    re.escape(squash(left)) + f"[{LINE_END_HYPHENS}]" + re.escape(squash(right)),
                    squash(left + right), texts[p.page])
                if not taken:
                    problems.append(f"the break in {left}-{right} is not taken at a line end")
        wanted = [(f"item {p.n} {clean(p.item.text)[:50]!r}",
                   printed(piece[1:] if how.initial_apart and p.n == 1 else piece, how.marker), p.page)
                  for p in placed for piece in printed_pieces(p)]
        wanted += [(f"heading {h[:40]!r}", printed(h), sec.page)
                   for sec in s.sections for h in [sec.heading, *sec.subheadings]]
        wanted += [(f"header line {h!r}", h, 1) for h in [s.title, *s.header_lines]]
        wanted += [(f"footnote {f.marker}", note_marker(f.marker) + f.term + f.sep + f.expansion,
                    f.page) for f in s.footnotes]
        looked_for = unhyphenated if how.soft_hyphens else (lambda text: text)
        problems += [f"{what} not in one piece on page {page}" for what, text, page in wanted
                     if looked_for(squash(spell_ligatures(text))) not in texts[page]]
        for extra in how.extra:
            problems += extra(s, pdf)
    return [f"{s.name}: {p}" for p in problems]



# Where a piece of text is looked for on the pages: at most this many of its first characters
# (whitespace dropped), which a line break does not split.
FIND_CHARS = 24


def found_pages(sample: Sample, pdf: Path, marker: Callable[[str], str], initial_apart: bool = False) -> Sample:
    """The spec with the pages a producer that paginates by itself (Chromium, Writer) put
    each piece on: the first page, from the last piece's on, whose text holds its first
    characters (notes: from the first page). ``marker`` prints a note marker as the sheet
    does; ``initial_apart``: as in PdfCheck. LookupError names a piece on no page."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        texts = [unhyphenated(page_text(p)) for p in doc.pages]
    last = [1]  # the page of the last piece found, in reading order

    def page_of(markup: str, after: int) -> int:
        want = unhyphenated(squash(spell_ligatures(printed(markup, marker))))[:FIND_CHARS]
        for n in range(after, len(texts) + 1):
            if want in texts[n - 1]:
                return n
        raise LookupError(f"{sample.name}: {markup[:40]!r} is on no page")

    def in_order(markup: str) -> int:
        last.append(page_of(markup, last[-1]))
        return last[-1]

    found_notes: dict[str, int] = {}  # a note's text -> the page it was last found on

    def note_page(f) -> int:
        """From the first page, or past the page of the same note printed before (a note
        printed again on a later page, as numbering per page does)."""
        text = f.term + f.sep + f.expansion
        found_notes[text] = page_of(text, found_notes.get(text, 0) + 1)
        return found_notes[text]

    return sample.repaged(section_page=lambda si, sec: in_order(sec.heading.replace("\n", " ")),
                          item_page=lambda n, it: in_order(it.text[1:] if initial_apart and n == 1 else it.text),
                          note_page=note_page, pages=len(texts))
