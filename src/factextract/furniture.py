"""Lines per page -> the same lines without page furniture (running headers, footers, page numbers).

Furniture is recognised from the PDF's geometry: a line alone in the top or bottom margin that
reads as a page number, or margin text repeated at the same place on several pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .glyphs import rules
from .model import Line, Page

# The top and bottom margins, as a share of the page height, where furniture lives.
MARGIN_SHARE = 0.1
# Repeated furniture sits at the same height on every page, within this many points.
SAME_PLACE_TOLERANCE = 4.0


def _signature(line: Line) -> str:
    # Page numbers change from page to page: compare the text with its digits masked.
    return re.sub(r"\d+", "#", " ".join(line.text.split()).casefold())


def _in_margin(line: Line, page: Page) -> bool:
    return line.bbox.bottom < page.height * MARGIN_SHARE or line.bbox.top > page.height * (1 - MARGIN_SHARE)


def _alone_on_band(line: Line, lines: Sequence[Line]) -> bool:
    return not any(o is not line and o.bbox.v_overlap(line.bbox) > 0 and
                   not _is_page_number_text(o.text) for o in lines)


def _is_page_number_text(text: str) -> bool:
    t = " ".join(text.split())
    return any(p.match(t) for p in rules().page_number_patterns)


def remove_furniture(pages: Sequence[Page], lines_per_page: Sequence[Sequence[Line]]) -> tuple[tuple[Line, ...], ...]:
    """Drop running headers, footers and page numbers from every page's lines."""
    repeated: Counter[tuple[str, int]] = Counter()
    if len(pages) > 1:
        for page, lines in zip(pages, lines_per_page):
            seen = {(_signature(ln), round(ln.bbox.top / SAME_PLACE_TOLERANCE)) for ln in lines if _in_margin(ln, page)}
            repeated.update(seen)
    kept_pages = []
    for page, lines in zip(pages, lines_per_page):
        kept = []
        for ln in lines:
            if _in_margin(ln, page):
                key = (_signature(ln), round(ln.bbox.top / SAME_PLACE_TOLERANCE))
                if repeated[key] >= 2 or (_is_page_number_text(ln.text) and _alone_on_band(ln, lines)):
                    continue
            kept.append(ln)
        kept_pages.append(tuple(kept))
    return tuple(kept_pages)
