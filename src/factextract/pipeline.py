"""The only place that knows the order of the stages: PDF file -> Factsheet.

``extract_pages`` is the pipeline, written once, in the order of ``stages.ORDER`` (docling's
``build_pipe``, pdfminer's ``analyze``). ``process_file`` adds what a file needs around it:
its identity (``identity.py``), and a Factsheet with status ``error`` instead of an exception
for a bad input.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import DocumentError, one_line
from .identity import doc_id_of, file_sha256, unreadable_sha256
from .model import DEFAULT_LANGUAGE, Factsheet, Layout, Page
from .stages.blocks import lines_to_blocks
from .stages.document_info import document_info
from .stages.entities import find_entities
from .stages.footnotes import parse_footnotes, split_footnotes
from .stages.furniture import remove_furniture
from .stages.items import sections_to_items
from .stages.language import detect_language
from .stages.lines import chars_to_lines
from .stages.order import order_lines
from .stages.pages import read_pages
from .stages.regroup import regroup_blocks
from .stages.sections import split_sections
from .stages.timeline import bind_timeline

# The longest exception text quoted in an unexpected failure's message (characters).
MAX_FAILURE_DETAIL_CHARS = 200


def extract_pages(pages: tuple[Page, ...], page_count: int, *, doc_id: str, sha256: str,
                  source_path: str) -> Factsheet:
    """Every stage after reading the PDF: pages of glyphs -> Factsheet."""
    if not any(c.text.strip() for p in pages for c in p.chars):
        return Factsheet(doc_id=doc_id, source_path=source_path, sha256=sha256, status="no_text",
                         page_count=page_count)
    lines_per_page = remove_furniture(pages, [chars_to_lines(p) for p in pages])
    blocks = [block for page, lines in zip(pages, lines_per_page)
              for block in lines_to_blocks(order_lines(lines, page), page)]
    detected = detect_language(" ".join(b.text for b in blocks))
    language = detected or DEFAULT_LANGUAGE
    layout = split_footnotes(regroup_blocks(Layout.of(pages, blocks), language))
    sections = split_sections(layout, language, doc_id=doc_id)
    items = sections_to_items(sections, bind_timeline(sections, layout, language), language, doc_id=doc_id)
    footnotes = parse_footnotes(sections, language)
    return Factsheet(
        doc_id=doc_id, source_path=source_path, sha256=sha256, status="ok",
        info=document_info(sections, language, detected), page_count=page_count,
        # The blocks stay in this process: a Factsheet crosses to the batch's parent and goes
        # into the cache, and a page's glyphs would weigh more than everything else in it.
        sections=tuple(dataclasses.replace(s, blocks=()) for s in sections),
        items=items, footnotes=footnotes, entities=find_entities(items, language, footnotes),
    )


def process_file(path: Path | str) -> Factsheet:
    """Extract one file; never raises for a bad input, which gets status ``error`` instead."""
    path = Path(path)
    try:
        sha = file_sha256(path)
    except OSError as exc:
        sha = unreadable_sha256(path)
        return Factsheet(doc_id=doc_id_of(sha), source_path=str(path), sha256=sha, status="error",
                         error=f"cannot be read: {exc.strerror or exc}")
    doc_id = doc_id_of(sha)
    try:
        return _extract(path, doc_id, sha)
    except DocumentError as exc:
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error", error=exc.problem)
    except MemoryError:
        raise  # the batch runner knows the memory limit and says so
    except Exception as exc:  # a bug here or deep in a library must not lose the batch
        detail = one_line(str(exc), MAX_FAILURE_DETAIL_CHARS)
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error",
                         error=f"unexpected failure while reading {path.name} ({type(exc).__name__}: {detail}); "
                               "please report it with the file")


def _extract(path: Path, doc_id: str, sha: str) -> Factsheet:
    """Read the PDF, then run every stage; a PDF without pages is a DocumentError."""
    pages, page_count = read_pages(path)
    if page_count == 0:
        raise DocumentError(str(path), "the PDF has no pages that pdfminer can find (an empty or broken page "
                            "tree, or an XFA-only form); re-export it as a plain PDF")
    return extract_pages(pages, page_count, doc_id=doc_id, sha256=sha, source_path=str(path))
