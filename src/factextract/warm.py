"""What a process loads once, before its first file, so that no file's clock pays for it.

The stages load their models, word lists and grammars on first use: spaCy's French model,
wordfreq's frequency lists, the date grammars, the vocabularies. The batch's fork server imports
this module (``batch.FORKSERVER_PRELOAD``), so every worker is forked with all of that already
in memory (shared, copy-on-write) and starts on its first file at full speed.

Rather than list the loaders here, where the list would go stale as stages change, ``warm_up``
runs the pipeline on two small pages built in memory (one French, one English) whose text makes
every stage do its work once: factsheet headings, a hyphenated line break, dates, an
organisation's acronym and a footnote.
"""

from __future__ import annotations

import ctypes
import logging

from .model import BBox, Char, Page, PdfRead

log = logging.getLogger(__name__)

# (text, font size, bold) per line, top to bottom, as a factsheet prints them; the last line is
# a footnote, set at the foot of the page.
WARM_UP_PAGES: dict[str, tuple[tuple[str, float, bool], ...]] = {
    "fr": (
        ("Fiche pays de référence : Cameroun", 16.0, True),
        ("Progrès réalisés", 12.0, True),
        ("Le Cameroun a organisé en mars 2023 un atelier national sur la migra-", 10.0, False),
        ("tion de travail avec l'Organisation internationale pour les migrations (OIM)1.", 10.0, False),
        ("Activités 2023", 12.0, True),
        ("• Du 12 au 14 juin 2023 : réunion thématique à Rabat, Maroc.", 10.0, False),
        ("1 OIM : Organisation internationale pour les migrations", 7.0, False),
    ),
    "en": (
        ("Reference country factsheet: The Gambia", 16.0, True),
        ("Progress made", 12.0, True),
        ("In the second half of 2022 The Gambia hosted a regional work-", 10.0, False),
        ("shop with the International Organization for Migration (IOM)1.", 10.0, False),
        ("Activities 2022", 12.0, True),
        ("• 5 October 2022: thematic meeting in Banjul, The Gambia.", 10.0, False),
        ("1 IOM: International Organization for Migration", 7.0, False),
    ),
}
PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
LEFT_MARGIN = 50.0
FIRST_BASELINE = 80.0
FOOTNOTE_BASELINE = 800.0
LINE_PITCH = 1.4  # baselines apart, in font sizes
GLYPH_WIDTH = 0.5  # of the font size
ASCENT, DESCENT = 0.8, 0.2  # of the font size, above and below the baseline


def warm_up() -> None:
    """Run the pipeline once on the built-in pages; a failure (the spaCy model missing, say)
    is left for the first real file to report."""
    from .pipeline import extract_pages

    for language, lines in WARM_UP_PAGES.items():
        try:
            extract_pages(_read_of(lines), doc_id=f"warm-up-{language}", sha256="", source_path="")
        except Exception as exc:  # noqa: BLE001 - never stop a worker from starting
            log.debug("warm-up on the %s page failed: %s", language, exc)


def _read_of(lines: tuple[tuple[str, float, bool], ...]) -> PdfRead:
    chars = []
    baseline = FIRST_BASELINE
    for number, (text, size, bold) in enumerate(lines, start=1):
        if number == len(lines):
            baseline = FOOTNOTE_BASELINE
        font = "Helvetica-Bold" if bold else "Helvetica"
        x = LEFT_MARGIN
        for glyph in text:
            width = size * GLYPH_WIDTH
            if glyph != " ":
                box = BBox(x, baseline - size * ASCENT, x + width, baseline + size * DESCENT)
                chars.append(Char(glyph, font, size, box, baseline))
            x += width
        baseline += size * LINE_PITCH
    page = Page(number=1, width=PAGE_WIDTH, height=PAGE_HEIGHT, chars=tuple(chars))
    return PdfRead(pages=(page,), page_count=1)


def release_free_memory() -> None:
    """Hand the heap the warm-up freed (the lemma tables' packed bytes, the parsers' scratch)
    back to the system, where the C library is glibc: the process stays ~8 MiB smaller, and
    so does every worker forked from it. Elsewhere, nothing to do."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows): it has no malloc_trim
        pass


warm_up()  # importing this module warms the process: how the fork server is told to
release_free_memory()
