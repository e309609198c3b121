"""Reading a PDF with the reader asked for, and a second opinion where the first sees nothing.

Two readers, two stages, give the same page model (``PdfRead``): pdfplumber (``stages/pages.py``,
on pdfminer.six, the reader this project was specified with and the default) and PDFium
(``stages/pdfium_pages.py``, on pypdfium2, several times faster). pdfminer cannot open some files PDFium opens (a broken cross
reference table, a page tree it cannot walk) and sees no text in others whose text PDFium reads
(fonts or content streams it cannot decode): there the pdfplumber reader hands the file to
PDFium, and the reading says so in its warnings and in ``PdfRead.reader``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import READ_WITH_PDFIUM, DocumentError, UsageError
from .model import DEFAULT_READER, READERS, PdfRead
from .stages.pages import read_pages

# What pdfminer's reading lacked, in READ_WITH_PDFIUM's {why}.
WHY_NOT_OPENED = "pdfminer cannot open the file ({problem})"
WHY_NO_PAGES = "pdfminer finds no pages in it"
WHY_NO_TEXT = "pdfminer sees no text in it"


def check_reader(reader: str) -> str:
    """``reader`` if it is one of ``READERS``; else a UsageError naming them."""
    if reader not in READERS:
        raise UsageError(f"unknown reader {reader!r}: use one of {', '.join(READERS)}")
    return reader


def read_pdf(path: Path, *, max_pages: int | None = None, reader: str = DEFAULT_READER) -> PdfRead:
    """Read the PDF with ``reader``; with pdfplumber, fall back to PDFium where pdfminer cannot
    open the file, finds no pages or sees no text, and PDFium reads text.

    Raises ``DocumentError`` as the reader asked for does, when the fallback does no better.
    """
    check_reader(reader)
    if reader == "pdfium":
        return _read_pdfium(path, max_pages)
    try:
        read = read_pages(path, max_pages=max_pages)
    except DocumentError as exc:
        second = _second_opinion(path, max_pages)
        if second is None:
            raise
        return _fell_back(second, WHY_NOT_OPENED.format(problem=exc.problem.rstrip(".")))
    if read.page_count == 0 or not _has_text(read):
        second = _second_opinion(path, max_pages)
        if second is not None:
            return _fell_back(second, WHY_NO_PAGES if read.page_count == 0 else WHY_NO_TEXT)
    return read


def _read_pdfium(path: Path, max_pages: int | None) -> PdfRead:
    from .stages.pdfium_pages import read_pages_pdfium

    return read_pages_pdfium(path, max_pages=max_pages)


def _second_opinion(path: Path, max_pages: int | None) -> PdfRead | None:
    """PDFium's reading, if it gives pages with text; None otherwise (it fails too, or sees
    nothing more: a scan stays a scan)."""
    try:
        read = _read_pdfium(path, max_pages)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - the first reader's verdict stands
        return None
    return read if read.page_count and _has_text(read) else None


def _fell_back(read: PdfRead, why: str) -> PdfRead:
    return dataclasses.replace(read, warnings=(READ_WITH_PDFIUM.format(why=why), *read.warnings))


def _has_text(read: PdfRead) -> bool:
    return any(c.text.strip() for p in read.pages for c in p.chars)
