"""The only place that knows the order of the stages: PDF file -> Factsheet.

``extract_pages`` is the pipeline, written once, in the order of ``stages.ORDER`` (docling's
``build_pipe``, pdfminer's ``analyze``). ``process_file`` adds what a file needs around it:
its identity (``identity.py``), and a Factsheet with status ``error`` instead of an exception
for a bad input.

Nothing is dropped silently: pages that could not be read make the status ``partial`` (or
``error`` when none could), and what was left unread or is doubtful (pages past ``max_pages``,
data lost while decompressing, no factsheet sections, no country) goes into ``warnings``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import (
    NO_COUNTRY, NO_TEXT_ON_PAGES_READ, NOT_A_FACTSHEET, PAGES_LOST, DocumentError, UsageError, one_line, page_list,
)
from .identity import doc_id_of, file_sha256, unreadable_sha256
from .model import DEFAULT_LANGUAGE, DEFAULT_READER, DocumentInfo, Factsheet, Item, Layout, PdfRead, Section
from .stages.blocks import lines_to_blocks
from .stages.document_info import document_info
from .stages.entities import find_entities
from .stages.footnotes import parse_footnotes, split_footnotes
from .stages.furniture import remove_furniture
from .stages.items import sections_to_items
from .stages.language import detect_language
from .stages.lines import chars_to_lines
from .stages.order import order_lines
from .stages.pages import reasons_of
from .readers import check_reader, read_pdf
from .stages.regroup import regroup_blocks
from .stages.sections import split_sections
from .stages.timeline import bind_timeline

# The longest exception text quoted in an unexpected failure's message (characters).
MAX_FAILURE_DETAIL_CHARS = 200
# The sections only a Rabat Process factsheet has: a document with none of them is not one.
FACTSHEET_SECTIONS = frozenset({"progress", "activities", "referent_system", "suggestions"})


def extract_pages(read: PdfRead, *, doc_id: str, sha256: str, source_path: str) -> Factsheet:
    """Every stage after reading the PDF: pages of glyphs -> Factsheet.

    Status ``partial`` when pages were lost (``error`` names them), else ``no_text`` when no
    page read has text, else ``ok``; ``warnings`` are the reading's, then the content's.
    """
    pages, page_count = read.pages, read.page_count
    status, error = "ok", None
    if read.lost_pages:
        status = "partial"
        error = PAGES_LOST.format(pages=page_list([n for n, _ in read.lost_pages]), count=page_count,
                                  why=reasons_of(read.lost_pages))
    if not any(c.text.strip() for p in pages for c in p.chars):
        warnings = read.warnings + ((NO_TEXT_ON_PAGES_READ,) if read.lost_pages else ())
        return Factsheet(doc_id=doc_id, source_path=source_path, sha256=sha256,
                         status="partial" if read.lost_pages else "no_text", error=error,
                         warnings=warnings, page_count=page_count, reader=read.reader)
    lines_per_page = remove_furniture(pages, [chars_to_lines(p) for p in pages])
    blocks = [block for page, lines in zip(pages, lines_per_page)
              for block in lines_to_blocks(order_lines(lines, page), page)]
    detected = detect_language(" ".join(b.text for b in blocks))
    language = detected or DEFAULT_LANGUAGE
    layout = split_footnotes(regroup_blocks(Layout.of(pages, blocks), language))
    sections = split_sections(layout, language, doc_id=doc_id)
    items = sections_to_items(sections, bind_timeline(sections, layout, language), language, doc_id=doc_id)
    footnotes = parse_footnotes(sections, language)
    info = document_info(sections, language, detected)
    entities = find_entities(items, language, footnotes)
    return Factsheet(
        doc_id=doc_id, source_path=source_path, sha256=sha256, status=status, error=error,
        warnings=read.warnings + content_warnings(sections, info),
        info=info, page_count=page_count,
        # The blocks stay in this process: a Factsheet crosses to the batch's parent and goes
        # into the cache, and a page's glyphs would weigh more than everything else in it.
        sections=tuple(dataclasses.replace(s, blocks=()) for s in sections),
        # So do the texts and glyphs of an item's lines, once the entities are placed by them
        # (the item has the text).
        items=tuple(_without_line_sources(item) for item in items), footnotes=footnotes, entities=entities,
        reader=read.reader,
    )


def _without_line_sources(item: Item) -> Item:
    return dataclasses.replace(item, lines=tuple(dataclasses.replace(line, text="", source=None) for line in item.lines))


def content_warnings(sections: tuple[Section, ...] | list[Section], info: DocumentInfo) -> tuple[str, ...]:
    """What the extracted content makes doubtful: no section only a factsheet has, no country."""
    warnings = []
    if not any(s.kind in FACTSHEET_SECTIONS for s in sections):
        warnings.append(NOT_A_FACTSHEET)
    if not info.country:
        warnings.append(NO_COUNTRY)
    return tuple(warnings)


def process_file(path: Path | str, *, max_pages: int | None = None, reader: str = DEFAULT_READER) -> Factsheet:
    """Extract one file; never raises for a bad input, which gets status ``error`` instead
    (or ``partial``, when only some pages could be read).

    ``max_pages``: read at most that many pages (None: every page); the pages left are named
    in ``warnings``, and ``page_count`` is the file's true count all the same. ``reader``:
    ``pdfplumber`` (which hands a file to PDFium where pdfminer cannot read it) or ``pdfium``.
    """
    if max_pages is not None and max_pages < 1:
        raise UsageError(f"max_pages must be at least 1, not {max_pages}")
    check_reader(reader)
    path = Path(path)
    try:
        sha = file_sha256(path)
    except OSError as exc:
        sha = unreadable_sha256(path)
        return Factsheet(doc_id=doc_id_of(sha), source_path=str(path), sha256=sha, status="error",
                         error=f"cannot be read: {exc.strerror or exc}")
    doc_id = doc_id_of(sha)
    try:
        return _extract(path, doc_id, sha, max_pages, reader)
    except DocumentError as exc:
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error", error=exc.problem)
    except MemoryError:
        raise  # the batch runner knows the memory limit and says so
    except Exception as exc:  # a bug here or deep in a library must not lose the batch
        detail = one_line(str(exc), MAX_FAILURE_DETAIL_CHARS)
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error",
                         error=f"unexpected failure while reading {path.name} ({type(exc).__name__}: {detail}); "
                               "please report it with the file")


def _extract(path: Path, doc_id: str, sha: str, max_pages: int | None = None,
             reader: str = DEFAULT_READER) -> Factsheet:
    """Read the PDF, then run every stage; a PDF without pages is a DocumentError."""
    read = read_pdf(path, max_pages=max_pages, reader=reader)
    if read.page_count == 0:
        raise DocumentError(str(path), "the PDF has no pages that pdfminer or PDFium can find (an empty or "
                            "broken page tree, or an XFA-only form); re-export it as a plain PDF")
    return extract_pages(read, doc_id=doc_id, sha256=sha, source_path=str(path))
