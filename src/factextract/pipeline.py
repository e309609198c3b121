"""The only place that knows the order of the stages: PDF file -> Factsheet.

    pages      read_pages          file -> pages of glyphs, boxes and rules
    lines      chars_to_lines      page -> lines (with font spans, superscripts)
    furniture  remove_furniture    lines -> lines without running headers/footers/page numbers
    lines      order_lines         lines -> lines in reading order
    lines      lines_to_blocks     lines -> blocks
    fields     detect_language     text -> fr | en
    sections   split_sections      blocks -> sections with a kind
    items      sections_to_items   sections -> items (timeline, nesting, text, dates)
    footnotes  parse_footnotes     footnote blocks -> footnotes
    fields     document_info       sections -> title, country, domain, action
    entities   find_entities       items -> entities
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__
from .dates import find_dates
from .entities import find_entities
from .errors import DocumentError
from .fields import detect_language, document_info
from .footnotes import parse_footnotes
from .furniture import remove_furniture
from .items import sections_to_items
from .lines import chars_to_lines, lines_to_blocks, order_lines
from .model import Factsheet, Page, Section, SectionBlocks
from .pages import read_pages
from .sections import split_sections

PIPELINE_VERSION = __version__


def file_identity(path: Path) -> tuple[str, str]:
    """(doc_id, sha256) of a file's bytes; doc_id is the first 16 hex digits."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    return sha[:16], sha


def process_file(path: Path | str) -> Factsheet:
    """Extract one file; never raises for a bad input, which gets status ``error`` instead."""
    path = Path(path)
    try:
        doc_id, sha = file_identity(path)
    except OSError as exc:
        sha = hashlib.sha256(str(path).encode("utf-8")).hexdigest()
        return Factsheet(doc_id=sha[:16], source_path=str(path), sha256=sha, status="error",
                         error=f"cannot be read: {exc.strerror or exc}")
    try:
        return _extract(path, doc_id, sha)
    except DocumentError as exc:
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error", error=exc.message)
    except MemoryError:
        raise  # the batch runner knows the memory limit and says so
    except Exception as exc:  # a bug here or deep in a library must not lose the batch
        detail = " ".join(str(exc).split())[:200]
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="error",
                         error=f"unexpected failure while reading {path.name} ({type(exc).__name__}: {detail}); "
                               "please report it with the file")


def _extract(path: Path, doc_id: str, sha: str) -> Factsheet:
    pages, page_count = read_pages(path)
    if page_count == 0:
        raise DocumentError(str(path), "the PDF has no pages that pdfminer can find (an empty or broken page "
                            "tree, or an XFA-only form); re-export it as a plain PDF")
    return extract_pages(pages, page_count, doc_id=doc_id, sha256=sha, source_path=str(path))


def extract_pages(pages: tuple[Page, ...], page_count: int, *, doc_id: str, sha256: str,
                  source_path: str) -> Factsheet:
    """Every stage after reading the PDF: pages of glyphs -> Factsheet."""
    path, sha = source_path, sha256
    if not any(c.text.strip() for p in pages for c in p.chars):
        return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="no_text",
                         error=None, page_count=page_count)
    lines_per_page = remove_furniture(pages, [chars_to_lines(p) for p in pages])
    blocks_per_page = [lines_to_blocks(order_lines(lines, page), page) for page, lines in zip(pages, lines_per_page)]
    detected = detect_language(" ".join(b.text for blocks in blocks_per_page for b in blocks))
    language = detected or "fr"  # the vocabularies to read a text in neither language with
    drafts = split_sections(pages, blocks_per_page, language)
    sections = _sections(doc_id, drafts, language)
    page_width = max(p.width for p in pages)
    edges = {p.number: p.rects + p.rules for p in pages}
    items = sections_to_items(doc_id, sections, drafts, language, page_width, edges)
    footnote_blocks = [b for d in drafts if d.kind == "footnotes" for b in d.blocks]
    footnotes = parse_footnotes(footnote_blocks, language)
    info = document_info(drafts, language, detected)
    entities = find_entities(items, language, footnotes)
    return Factsheet(doc_id=doc_id, source_path=str(path), sha256=sha, status="ok", info=info,
                     page_count=page_count, sections=sections, items=items, footnotes=footnotes,
                     entities=entities)


def _sections(doc_id: str, drafts: tuple[SectionBlocks, ...], language: str) -> tuple[Section, ...]:
    out = []
    for n, d in enumerate(drafts, start=1):
        heading = " ".join(d.heading.split()) if d.heading else None
        periods = find_dates(heading, language) if heading and d.kind not in ("header", "footnotes") else ()
        out.append(Section(section_id=f"{doc_id}:s{n}", order=n, kind=d.kind, heading=heading or "",
                           page=d.page, subheadings=tuple(" ".join(s.split()) for s in d.subheadings),
                           heading_period=periods[0] if periods else None))
    return tuple(out)
