"""Lines per page -> the same lines without page furniture (running headers, footers, page numbers).

Furniture is recognised from the PDF's geometry: a line alone in the top or bottom margin that
reads as a page number, or margin text repeated at the same place on several pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Line, Page
from ..text.markers import note_marker
from ..text.repair import squash
from ..vocab.page_numbers import is_page_number

_NON_WORD = re.compile(r"\W+")
_NUMBER = re.compile(r"\d+")
# What sets a running line's parts apart: a spaced middle dot, bar or dash.
_FURNITURE_SEPARATOR = re.compile(r"\s[·|•—–-]\s")
# The top and bottom margins, as a share of the page height, where furniture lives.
MARGIN_SHARE = 0.1
# A footer line beside the page's number has at most this many words, and stands at least
# this many font sizes away from the number.
MAX_FOOTER_WORDS = 12
FOOTER_GAP_EM = 3.0
# Repeated furniture in the top margin sits at the same height on every page, within this many
# points; in the bottom margin anywhere (BOTTOM_MARGIN stands for its place).
SAME_PLACE_TOLERANCE = 4.0
BOTTOM_MARGIN = -1
# Lines whose sizes differ by less than this (points) are set in the same size.
SAME_SIZE_TOLERANCE = 0.5
# A running head repeats the title's words: at least this many characters of them.
MIN_TITLE_CHARS = 3


def _signature(line: Line) -> str:
    """The line's text as furniture is compared: page numbers change from page to page, so
    its digits are masked."""
    return _NUMBER.sub("#", squash(line.text).casefold())


def _place_key(line: Line, page: Page) -> tuple[str, int]:
    """Where margin text counts as the same on two pages: at the same height in the top margin
    (a banner there may be page 1's title, so only an exact repeat is a running head), anywhere
    in the bottom margin (a footer band rises when page 1's has an extra line of address)."""
    if line.bbox.top > page.height * (1 - MARGIN_SHARE):
        return _signature(line), BOTTOM_MARGIN
    return _signature(line), round(line.bbox.top / SAME_PLACE_TOLERANCE)


def _in_margin(line: Line, page: Page) -> bool:
    """The line stands in the top or bottom margin, where furniture lives."""
    return line.bbox.bottom < page.height * MARGIN_SHARE or line.bbox.top > page.height * (1 - MARGIN_SHARE)


def _alone_on_band(line: Line, lines: Sequence[Line]) -> bool:
    """No other text (but page numbers) shares the line's height."""
    return not any(o is not line and o.bbox.v_overlap(line.bbox) > 0 and
                   not is_page_number(o.text) for o in lines)


def _beside_page_number(line: Line, lines: Sequence[Line], page: Page) -> bool:
    """In the margin, this page's own number and short text far beside it on one band: a
    footer ("Rabat Process | Factsheet ......... 1"). A footnote's number sits right against
    its text instead, and is kept."""
    if not _in_margin(line, page) or len(line.text.split()) > MAX_FOOTER_WORDS:
        return False
    band = [o for o in lines if o is not line and o.bbox.v_overlap(line.bbox) > 0 and _in_margin(o, page)]

    def own_number(ln: Line) -> bool:
        text = squash(ln.text)
        numbers = _NUMBER.findall(text)
        return is_page_number(text) and bool(numbers) and int(numbers[0]) == page.number

    def far(a: Line, b: Line) -> bool:
        gap = max(b.bbox.x0 - a.bbox.x1, a.bbox.x0 - b.bbox.x1)
        return gap > FOOTER_GAP_EM * max(a.size, b.size)

    if own_number(line):
        return any(far(line, o) and len(o.text.split()) <= MAX_FOOTER_WORDS for o in band)
    return any(own_number(o) and far(line, o) for o in band)


def _ends_on_own_number(line: Line, page: Page) -> bool:
    """A short margin line whose last part, after a separator, is this page's number: a
    running head or foot printing it ("Nigeria — Rabat Process · 1/2"), on a page of its own
    as on every page."""
    if len(line.text.split()) > MAX_FOOTER_WORDS:
        return False
    parts = _FURNITURE_SEPARATOR.split(" ".join(line.text.split()))
    if len(parts) < 2 or not is_page_number(parts[-1]):
        return False
    numbers = _NUMBER.findall(parts[-1])
    return bool(numbers) and int(numbers[0]) == page.number


def _cited_note(line: Line, lines: Sequence[Line]) -> bool:
    """The line is a note whose marker the page's text cites: raised, or in brackets."""
    found = note_marker(line.text)
    if found is None:
        return False
    marker = found[0]
    return any(o is not line and (any(s.superscript and s.text.strip() == marker for s in o.spans)
                                  or f"[{marker}]" in o.text) for o in lines)


def _title_words(lines: Sequence[Line]) -> str | None:
    """The first page's largest text, normalised: running heads of later pages repeat it."""
    if not lines:
        return None
    largest = max(ln.size for ln in lines)
    words = " ".join(ln.text for ln in lines if abs(ln.size - largest) < SAME_SIZE_TOLERANCE)
    norm = _NON_WORD.sub(" ", words.casefold()).strip()
    return norm if len(norm) >= MIN_TITLE_CHARS else None


def _names_title(line: Line, title: str | None) -> bool:
    """The line's words hold the title's words, whole."""
    if title is None:
        return False
    words = _NON_WORD.sub(" ", line.text.casefold()).strip()
    return f" {title} " in f" {words} "


def remove_furniture(pages: Sequence[Page], lines_per_page: Sequence[Sequence[Line]]) -> tuple[tuple[Line, ...], ...]:
    """Drop running headers, footers and page numbers from every page's lines.

    Furniture is margin text that repeats at the same place on several pages, a page number
    alone on its band or ending a short line alone on it, or, on a later page, a margin line
    naming the document's title (a running head printed only from page 2 on).
    """
    title = _title_words(lines_per_page[0]) if len(pages) > 1 and lines_per_page else None
    repeated: Counter[tuple[str, int]] = Counter()
    texts: dict[tuple[str, int], set[str]] = {}  # the texts, digits and all, seen at each place
    if len(pages) > 1:
        for page, lines in zip(pages, lines_per_page):
            seen = {_place_key(ln, page) for ln in lines if _in_margin(ln, page)}
            repeated.update(seen)
            for ln in lines:
                if _in_margin(ln, page):
                    texts.setdefault(_place_key(ln, page), set()).add(squash(ln.text))
    kept_pages = []
    for page, lines in zip(pages, lines_per_page):
        kept = []
        for ln in lines:
            if _in_margin(ln, page):
                key = _place_key(ln, page)
                # the same note printed at each page's foot (notes numbered on every page, the
                # same acronym cited on each) repeats word for word, its marker too; a running
                # footer's page number changes
                same_note = len(texts.get(key, ())) == 1 and _cited_note(ln, lines)
                if (repeated[key] >= 2 and not same_note) or (is_page_number(ln.text) and _alone_on_band(ln, lines)):
                    continue
                if (page.number > 1 and ln.bbox.bottom < page.height * MARGIN_SHARE and _names_title(ln, title)
                        and ln.size < max(o.size for o in lines)):
                    continue  # a running head printed from page 2 on, naming the title
                if _beside_page_number(ln, lines, page) or (_alone_on_band(ln, lines) and _ends_on_own_number(ln, page)):
                    continue
            kept.append(ln)
        kept_pages.append(tuple(kept))
    return tuple(kept_pages)
