"""The QA view: one self-contained HTML page per document, showing what was extracted on the page.

Each page of the PDF is drawn as an image (PDFium, through pypdfium2, which pdfplumber already
brings) with the extracted structure over it in SVG, in the tables' own coordinates (PDF points,
top-left origin): item boxes coloured by section kind and numbered in reading order, section
headings, lines from an item to its parent, from a timeline label to the entry it dates and from a
footnote marker to its note, each item's date as a badge, the entities' boxes, and in grey the
text no row comes from (running heads and feet, page numbers, anything dropped). Beside the pages,
the items as a table: a click on a row shows its box, a click on a box its row.

Everything is inside the one file (images as data URIs, style and script inline): it opens
offline, from a mail attachment or a CI artefact, with no server and no CDN. A page checks itself
when it loads and writes what it found on its ``<html>`` element (``data-qa-items``,
``data-qa-boxes``, ``data-qa-images``, ``data-qa-images-loaded``), which is what the browser test
reads.
"""

from __future__ import annotations

import base64
import html
import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, FileRecord, discover, run_batch
from .errors import UsageError
from .model import DEFAULT_READER, BBox, Factsheet, Item, Page, Placed
from .pipeline import process_file
from .plot import write_timeline
from .readers import read_pdf
from .vocab.countries import country_code

INDEX = "index.html"
# Page images: rendered at this many pixels per point (2 = 144 dpi: text stays legible when
# zoomed), saved as JPEG at this quality (a tenth of PNG's size for a page of photos and tints).
RENDER_SCALE = 2.0
JPEG_QUALITY = 80
# A page is drawn at most this many pixels on its longer side (a poster-sized page stays small),
# and a document at most this many pages (a QA page is for reading, not for archiving a book).
MAX_SIDE_PX = 2400
MAX_RENDERED_PAGES = 60
# How wide a page is shown: pixels per point (A4 is then about 740 pixels wide).
SHOWN_PX_PER_PT = 1.25
# Colours of the section kinds (a colour-blind-safe palette, Okabe and Ito's).
KIND_COLOURS = {
    "header": "#555555", "progress": "#0072B2", "activities": "#009E73", "referent_system": "#CC79A7",
    "suggestions": "#E69F00", "footnotes": "#8C564B", "other": "#999999",
}
# Glyphs closer than this many font sizes on one baseline are drawn as one grey run.
RUN_GAP_EM = 1.0
# A glyph lies in an extracted box when its centre is within this many points of it.
COVER_TOLERANCE = 1.0
# A page written this long before the run began (seconds: file systems round times) is an
# earlier run's.
CLOCK_SLACK_S = 2.0
# Height of the page bands boxes are filed in while glyphs are tested against them (points).
BAND = 20.0


@dataclass(frozen=True, slots=True)
class PageImage:
    """A rendered page: its number, its size in points, and the image's bytes (JPEG)."""

    number: int
    width: float
    height: float
    jpeg: bytes


def render_pages(path: Path, scale: float = RENDER_SCALE) -> tuple[list[PageImage], list[str]]:
    """The PDF's pages as images of their media box (the area the tables' coordinates measure,
    which pdfplumber reads from), at most MAX_RENDERED_PAGES, each at most MAX_SIDE_PX pixels
    on its longer side; and what could not be drawn, one sentence each for the page."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        return [], [f"PDFium cannot open the file ({exc}): no page images"]
    images, problems = [], []
    try:
        count = len(pdf)
        if count > MAX_RENDERED_PAGES:
            problems.append(f"only the first {MAX_RENDERED_PAGES} of {count} pages are drawn")
        for index in range(min(count, MAX_RENDERED_PAGES)):
            try:
                images.append(_render_page(pdf, index, scale))
            except pdfium.PdfiumError as exc:
                problems.append(f"PDFium cannot draw page {index + 1} ({exc})")
    finally:
        pdf.close()
    return images, problems


def _render_page(pdf, index: int, scale: float) -> PageImage:
    page = pdf[index]
    try:
        page.set_cropbox(*page.get_mediabox())
        width, height = page.get_size()
        scale = min(scale, MAX_SIDE_PX / max(width, height, 1.0))
        picture = page.render(scale=scale).to_pil().convert("RGB")
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=JPEG_QUALITY)
        return PageImage(index + 1, width, height, buffer.getvalue())
    finally:
        page.close()


def uncovered_runs(pages: Sequence[Page], covered: dict[int, list[BBox]]) -> dict[int, list[BBox]]:
    """By page, the runs of glyphs that no extracted box holds: the text no row comes from."""
    out: dict[int, list[BBox]] = {}
    for page in pages:
        # The boxes filed by the bands of the page they cross, so that a glyph is tested
        # against the few boxes level with it, not every box of a long page.
        bands: dict[int, list[BBox]] = {}
        for b in covered.get(page.number, []):
            for band in range(int((b.top - COVER_TOLERANCE) // BAND), int((b.bottom + COVER_TOLERANCE) // BAND) + 1):
                bands.setdefault(band, []).append(b)
        runs: list[BBox] = []
        last_baseline = last_size = None
        for char in page.chars:
            if not char.text.strip():
                continue
            cx, cy = (char.bbox.x0 + char.bbox.x1) / 2, (char.bbox.top + char.bbox.bottom) / 2
            if any(b.x0 - COVER_TOLERANCE <= cx <= b.x1 + COVER_TOLERANCE
                   and b.top - COVER_TOLERANCE <= cy <= b.bottom + COVER_TOLERANCE
                   for b in bands.get(int(cy // BAND), ())):
                last_baseline = None
                continue
            if (runs and last_baseline is not None and abs(char.baseline - last_baseline) < char.size / 2
                    and 0 <= char.bbox.x0 - runs[-1].x1 < RUN_GAP_EM * max(char.size, last_size or 0)):
                runs[-1] = runs[-1].union(char.bbox)
            else:
                runs.append(char.bbox)
            last_baseline, last_size = char.baseline, char.size
        if runs:
            out[page.number] = runs
    return out


def parts(lines: Sequence[Placed]) -> list[tuple[int, BBox]]:
    """Lines -> the boxes they make on the page: runs of lines one under the other, broken
    where the text moves up (to the next column) or to another page."""
    out: list[tuple[int, BBox]] = []
    last: Placed | None = None
    for line in lines:
        if last is not None and line.page == last.page and line.bbox.top >= last.bbox.top:
            page, box = out[-1]
            out[-1] = (page, box.union(line.bbox))
        else:
            out.append((line.page, line.bbox))
        last = line
    return out


def covered_boxes(sheet: Factsheet) -> dict[int, list[BBox]]:
    """By page, every box some row of the tables comes from."""
    covered: dict[int, list[BBox]] = {}
    for item in sheet.items:
        for line in item.lines + ((item.label_line,) if item.label_line else ()):
            covered.setdefault(line.page, []).append(line.bbox)
        if item.bbox is not None:
            covered.setdefault(item.page, []).append(item.bbox)
    for section in sheet.sections:
        for line in section.heading_lines:
            covered.setdefault(line.page, []).append(line.bbox)
    for note in sheet.footnotes:
        if note.bbox is not None:
            covered.setdefault(note.page, []).append(note.bbox)
    return covered


def _number(item: Item) -> str:
    return item.item_id.rsplit(":", 1)[-1]


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _rect(box: BBox, css: str, **attributes: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{html.escape(v)}"' for k, v in attributes.items())
    return (f'<rect class="{css}" x="{_f(box.x0)}" y="{_f(box.top)}" width="{_f(max(box.width, 0.5))}" '
            f'height="{_f(max(box.height, 0.5))}"{extra}/>')


def _line(x0: float, y0: float, x1: float, y1: float, css: str) -> str:
    return f'<line class="{css}" x1="{_f(x0)}" y1="{_f(y0)}" x2="{_f(x1)}" y2="{_f(y1)}"/>'


def _label(x: float, y: float, text: str, css: str) -> str:
    return f'<text class="{css}" x="{_f(x)}" y="{_f(y)}">{html.escape(text)}</text>'


def _overlay(sheet: Factsheet, number: int, grey: Sequence[BBox]) -> str:
    """The SVG shapes drawn over page ``number``."""
    shapes = [_rect(box, "dropped") for box in grey]
    by_id = {item.item_id: item for item in sheet.items}
    for section in sheet.sections:
        for line in section.heading_lines:
            if line.page == number:
                shapes.append(_rect(line.bbox, f"heading k-{section.kind}", data_section=section.section_id))
        if section.bbox is not None and section.page == number and section.heading_lines:
            shapes.append(_label(section.bbox.x0, section.bbox.top - 1.5, section.kind.replace("_", " "),
                                 f"kind k-{section.kind}"))
    notes = {note.marker: note for note in sheet.footnotes}
    for note in sheet.footnotes:
        if note.bbox is not None and note.page == number:
            shapes.append(_rect(note.bbox, "note", data_marker=note.marker))
    for item in sheet.items:
        kind, n = f"k-{item.section_kind}", _number(item)
        pieces = parts(item.lines) if item.lines else ([(item.page, item.bbox)] if item.bbox else [])
        for k, (page, box) in enumerate(pieces):
            if page != number:
                continue
            if k == 0 and item.bbox is not None and page == item.page:
                box = item.bbox
                shapes.append(_rect(box, f"item {kind}", id=f"box-{n}", data_item=n))
                shapes.append(_label(box.x0 - 1, box.top + 6, n.lstrip("i"), f"num {kind}"))
                if item.date is not None:
                    shapes.append(_label(box.x1, box.top - 1.5, item.date.edtf, "badge"))
            else:
                shapes.append(_rect(box, f"item more {kind}", data_item=n))
        if item.bbox is None or item.page != number:
            continue
        parent = by_id.get(item.parent_item_id or "")
        if parent is not None and parent.bbox is not None and parent.page == number:
            shapes.append(_line(parent.bbox.x0 + 2, parent.bbox.bottom, item.bbox.x0, item.bbox.top + 3, "parent"))
        label = item.label_line
        if label is not None and label.page == number:
            shapes.append(_rect(label.bbox, f"label {kind}", data_item=n))
            shapes.append(_line(label.bbox.x1, (label.bbox.top + label.bbox.bottom) / 2,
                                    item.bbox.x0, item.bbox.top + 3, "dates"))
        for marker in item.footnote_markers:
            note = notes.get(marker)
            if note is not None and note.bbox is not None and note.page == number:
                shapes.append(_line(item.bbox.x1, item.bbox.top + 3, note.bbox.x0, note.bbox.top + 3, "footlink"))
    for entity in sheet.entities:
        if entity.bbox is not None and entity.page == number:
            shapes.append(_rect(entity.bbox, f"entity e-{entity.label}"))
    return "".join(shapes)


def _items_table(sheet: Factsheet) -> str:
    notes = {note.marker: note.text for note in sheet.footnotes}
    rows = []
    for item in sheet.items:
        n = _number(item)
        parent = item.parent_item_id.rsplit(":", 1)[-1].lstrip("i") if item.parent_item_id else ""
        date = item.date
        when = (f'<span class="badge-cell">{html.escape(date.edtf)}</span> {html.escape(item.date_source or "")}'
                if date else "")
        refs = "".join(f'<div class="ref">{html.escape(m)}: {html.escape(notes.get(m, "(no note)"))}</div>'
                       for m in item.footnote_markers)
        boxed = "" if item.bbox is not None else ' <em>(no box)</em>'
        rows.append(
            f'<tr data-item="{n}" class="k-{item.section_kind}"><td class="n">{n.lstrip("i")}</td>'
            f'<td>{item.page}</td><td class="kindcell">{html.escape(item.section_kind)}</td>'
            f'<td>{parent}</td><td>{when}</td><td>{html.escape(item.text)}{refs}{boxed}</td></tr>')
    return ('<table class="items"><thead><tr><th>#</th><th>page</th><th>section</th><th>parent</th>'
            f'<th>date</th><th>text</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


_STYLE = """
body{font:13px/1.35 system-ui,sans-serif;margin:0;color:#222}
header{padding:8px 14px;background:#f4f4f4;border-bottom:1px solid #ddd}
header h1{font-size:16px;margin:0 0 4px}
.legend span{display:inline-block;margin-right:10px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:3px;vertical-align:-1px}
main{display:flex;align-items:flex-start}
.pages{flex:0 0 auto;padding:10px;max-width:60vw;overflow:auto;height:calc(100vh - 90px)}
.side{flex:1 1 auto;overflow:auto;height:calc(100vh - 90px);padding:10px}
.page{position:relative;margin:0 0 14px;box-shadow:0 1px 4px #999}
.page img,.page svg{position:absolute;left:0;top:0;width:100%;height:100%}
.page img{position:static;display:block}
.pageno{font-size:11px;color:#666;margin:4px 0}
svg .item{fill-opacity:.08;stroke-width:.9;cursor:pointer}
svg .item.more{stroke-dasharray:3 2;fill-opacity:.04}
svg .item.hl{stroke-width:2.5;fill-opacity:.25}
svg .heading{fill:none;stroke-width:1.6}
svg .label{fill:none;stroke-dasharray:1.5 1.5;stroke-width:.9}
svg .dropped{fill:#888;fill-opacity:.45;stroke:none}
svg .note{fill:#8C564B;fill-opacity:.08;stroke:#8C564B;stroke-width:.7}
svg .entity{fill:none;stroke:#d62728;stroke-width:.4;stroke-dasharray:1 1}
svg .parent{stroke:#333;stroke-width:.6;marker-end:url(#arrow)}
svg .dates{stroke:#009E73;stroke-width:.6;stroke-dasharray:2 1}
svg .footlink{stroke:#8C564B;stroke-width:.5;stroke-dasharray:1 1.5}
svg .num{font:bold 6px sans-serif;text-anchor:end}
svg .kind{font:bold 5px sans-serif;text-transform:uppercase}
svg .badge{font:5px monospace;text-anchor:end;fill:#fff;paint-order:stroke;stroke:#000;stroke-width:1.6}
table.items{border-collapse:collapse;width:100%}
table.items td,table.items th{border-bottom:1px solid #e3e3e3;padding:3px 5px;vertical-align:top;text-align:left}
table.items tr{cursor:pointer}
table.items tr.hl{background:#fff3b0}
td.n{font-weight:bold}
.badge-cell{font-family:monospace;background:#eee;padding:0 3px;border-radius:3px}
.ref{font-size:11px;color:#8C564B}
.warn{color:#a00}
"""

_SCRIPT = """
(function(){
  function show(n, fromRow){
    document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl')});
    var box=document.getElementById('box-'+n), row=document.querySelector('tr[data-item="'+n+'"]');
    if(box){box.classList.add('hl'); if(fromRow) box.scrollIntoView({block:'center'});}
    if(row){row.classList.add('hl'); if(!fromRow) row.scrollIntoView({block:'center'});}
  }
  document.querySelectorAll('tr[data-item]').forEach(function(r){
    r.addEventListener('click',function(){show(r.dataset.item,true)})});
  document.querySelectorAll('svg [data-item]').forEach(function(b){
    b.addEventListener('click',function(){show(b.dataset.item,false)})});
  window.addEventListener('load',function(){
    var rows=document.querySelectorAll('tr[data-item]'), boxes=0;
    rows.forEach(function(r){if(document.getElementById('box-'+r.dataset.item)) boxes++});
    var imgs=document.querySelectorAll('img'), loaded=0;
    imgs.forEach(function(i){if(i.complete&&i.naturalWidth>0) loaded++});
    var d=document.documentElement.dataset;
    d.qaItems=rows.length; d.qaBoxes=boxes; d.qaImages=imgs.length; d.qaImagesLoaded=loaded;
  });
})();
"""

_ARROW = ('<defs><marker id="arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="4" markerHeight="4" '
          'orient="auto"><path d="M0,0L6,3L0,6z" fill="#333"/></marker></defs>')


def _legend() -> str:
    kinds = "".join(f'<span><i style="background:{c}"></i>{k.replace("_", " ")}</span>'
                    for k, c in KIND_COLOURS.items())
    return (f'<div class="legend">{kinds}<span><i style="background:#888"></i>text in no row</span>'
            '<span><i style="border:1px dashed #d62728"></i>entity</span></div>')


def _kind_css() -> str:
    return "".join(f"svg .k-{k}{{stroke:{c};fill:{c}}} svg .heading.k-{k},svg .label.k-{k}{{fill:none}} "
                   f"svg text.k-{k}{{stroke:none}} tr.k-{k} td.n{{color:{c}}}\n"
                   for k, c in KIND_COLOURS.items())


def document_page(sheet: Factsheet, images: Sequence[PageImage], pages: Sequence[Page],
                  drawing_problems: Sequence[str] = ()) -> str:
    """The QA page of one document, as HTML text; ``drawing_problems`` say what of the PDF could
    not be drawn."""
    grey = uncovered_runs(pages, covered_boxes(sheet))
    info = sheet.info
    name = Path(sheet.source_path).name
    facts = " · ".join(html.escape(str(v)) for v in (
        info.country, country_code(info.country), info.language,
        f"action {info.action_number}" if info.action_number is not None else None,
        f"{len(sheet.items)} items", f"{len(sheet.footnotes)} notes", f"{len(sheet.entities)} entities",
        f"status {sheet.status}") if v)
    problems = "".join(f'<div class="warn">{html.escape(w)}</div>'
                       for w in ((sheet.error,) if sheet.error else ()) + sheet.warnings + tuple(drawing_problems))
    drawn = []
    for image in images:
        data = base64.b64encode(image.jpeg).decode("ascii")
        drawn.append(
            f'<div class="pageno">page {image.number}</div>'
            f'<div class="page" style="width:{_f(image.width * SHOWN_PX_PER_PT)}px">'
            f'<img alt="page {image.number}" src="data:image/jpeg;base64,{data}">'
            f'<svg viewBox="0 0 {_f(image.width)} {_f(image.height)}" preserveAspectRatio="none">{_ARROW}'
            f'{_overlay(sheet, image.number, grey.get(image.number, []))}</svg></div>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(name)}: '
            f'factextract QA</title><style>{_STYLE}{_kind_css()}</style></head><body>'
            f'<header><h1>{html.escape(name)}</h1><div>{facts}</div>{problems}{_legend()}</header>'
            f'<main><div class="pages">{"".join(drawn)}</div><div class="side">{_items_table(sheet)}</div></main>'
            f'<script>{_SCRIPT}</script></body></html>')


def page_name(sheet: Factsheet) -> str:
    """The QA page's file name: the PDF's name, and its doc_id where two inputs share a name."""
    return f"{Path(sheet.source_path).stem}-{sheet.doc_id[:8]}.html"


def index_page(entries: Iterable[tuple[Factsheet, str]], timeline_svg: str | None) -> str:
    """The report's first page: one row per document, linking to its page, and the timeline."""
    rows = "".join(
        f'<tr><td><a href="{html.escape(link)}">{html.escape(Path(s.source_path).name)}</a></td>'
        f'<td>{html.escape(s.status)}</td><td>{html.escape(s.info.country or "")}</td>'
        f'<td>{html.escape(country_code(s.info.country) or "")}</td><td>{len(s.items)}</td>'
        f'<td>{sum(1 for i in s.items if i.date is not None)}</td><td>{len(s.footnotes)}</td>'
        f'<td>{html.escape("; ".join(((s.error,) if s.error else ()) + s.warnings))}</td></tr>'
        for s, link in entries)
    plot = f'<h2>Dated items per country</h2><div class="plot">{timeline_svg}</div>' if timeline_svg else ""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>factextract QA</title>'
            f'<style>{_STYLE}.plot svg{{max-width:100%;height:auto}}</style></head><body><header><h1>factextract QA'
            '</h1></header><div style="padding:10px"><table class="items"><thead><tr><th>document</th><th>status'
            '</th><th>country</th><th>ISO</th><th>items</th><th>dated</th><th>notes</th><th>warnings</th></tr>'
            f'</thead><tbody>{rows}</tbody></table>{plot}</div></body></html>')


def write_report(inputs: Sequence[Path], out_dir: Path, *, reader: str = DEFAULT_READER, jobs: int | None = None,
                 timeout_s: float | None = DEFAULT_TIMEOUT_S, memory_mb: int | None = DEFAULT_MEMORY_MB,
                 progress: bool | None = None,
                 on_file: Callable[[Factsheet, Path], None] | None = None) -> list[Path]:
    """Extract each PDF of ``inputs`` (files, and the ``*.pdf`` under folders), write its QA page
    into ``out_dir``, and ``index.html`` with the timeline of their dated items; return the
    pages' paths, in the order of the inputs.

    Each file is extracted, read and drawn in a worker process of the batch runner, with its
    timeout and memory cap (a hostile PDF can hang pdfminer, or PDFium): a file that fails or
    runs out of time still gets a page, saying why."""
    files = discover(inputs)
    if not files:
        names = ", ".join(str(p) for p in inputs) or "(nothing)"
        raise UsageError(f"no PDF files found in {names}; name PDF files or folders holding *.pdf")
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.time()

    def done(sheet: Factsheet, record: FileRecord) -> None:
        target = out_dir / page_name(sheet)
        if not target.exists() or target.stat().st_mtime < started - CLOCK_SLACK_S:
            # The worker did not get as far as writing it (this time).
            why = ([f"the same bytes as {sheet.duplicate_of}"] if sheet.duplicate_of else
                   ["not drawn: the worker stopped before it could draw the pages"])
            target.write_text(document_page(sheet, [], [], why), encoding="utf-8")
        if on_file is not None:
            on_file(sheet, target)

    sheets = run_batch(files, jobs=jobs, timeout_s=timeout_s, memory_mb=memory_mb, progress=progress,
                       process=partial(inspect_file, out_dir, reader), reader=reader, on_file=done)
    entries = [(sheet, page_name(sheet)) for sheet in sheets]
    dated = [(country_code(s.info.country), i.date.start, i.date.end, i.date.precision)
             for s in sheets for i in s.items if i.date is not None]
    timeline = write_timeline(out_dir, dated).read_text(encoding="utf-8") if dated else None
    if timeline is not None:
        timeline = timeline[timeline.find("<svg"):]  # inline: without the XML declaration and doctype
    (out_dir / INDEX).write_text(index_page(entries, timeline), encoding="utf-8")
    return [out_dir / name for _, name in entries]


def inspect_file(out_dir: Path, reader: str, path: Path) -> Factsheet:
    """One file's QA page, written into ``out_dir`` (in a batch worker); returns its Factsheet."""
    sheet = process_file(path, reader=reader)
    try:
        pages = read_pdf(path, reader=sheet.reader or reader).pages
    except Exception:  # noqa: BLE001 - the page says why the file failed; greying is a nicety
        pages = ()
    images, problems = render_pages(path)
    (out_dir / page_name(sheet)).write_text(document_page(sheet, images, pages, problems), encoding="utf-8")
    return sheet
