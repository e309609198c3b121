"""PDF file -> pages of glyphs (font, size, baseline, bbox) and drawn rectangles and rules.

This is the only module that touches pdfplumber/pdfminer. Every failure to read a file is
turned into a ``DocumentError`` whose message a person can act on. Coordinates are converted
here, once, to pdfplumber's top-left origin (``top = page_height - y1``).
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path

from ..errors import DocumentError, one_line
from ..model import RULE_THICKNESS, BBox, Char, Page, Table

# Rectangles smaller than this in both directions are decoration (dots, ticks), not boxes.
MIN_BOX_SIZE = 6.0
# A box may run this far (points) past the page's edge (a background printed to the bleed);
# a shape running further is a drawing cut by the page, not a box of the layout.
BLEED = 20.0
# Glyphs of the same text closer than this (points) are one glyph drawn twice.
DUPLICATE_TOLERANCE = 1.0
# A filled shape at most this size (points) is a mark (a drawn bullet), not a box.
MAX_MARK_SIZE = 8.0
# Font sizes are kept to this many decimals: producers write 9.96 for 10 and the like.
SIZE_DECIMALS = 2
# Documents larger than this are not factsheets; only the first pages are read.
MAX_PAGES = 40
# pdfminer writes a glyph it cannot map to Unicode as "(cid:N)": it has no text.
_UNMAPPED = re.compile(r"\(cid:\d+\)")
SOFT_HYPHEN = "\u00ad"
# The places in a PDF matrix (a, b, c, d, e, f) of the shear (c) and of the x and y
# translations (e, f).
_MATRIX_SHEAR, _MATRIX_X, _MATRIX_Y = 2, 4, 5
# How much of a file's start is searched for the %PDF header (bytes), as PDF readers do.
HEADER_SEARCH_BYTES = 1024
# A font whose letters are at least this many times as wide as the same letters of the body
# font is its bold (bold faces run 4-25 % wider; italics and mediums 0-3 %), judged over at
# least this many letters the two share.
HEAVIER_RATIO = 1.03
MIN_COMPARED_LETTERS = 5
# A ruled grid is a table of data when at least this many of its rows, and this share of the
# rows holding text, hold text in two cells or more ...
MIN_TABLE_ROWS = 3
TABLE_ROW_SHARE = 0.6
# ... and at least this share of its rows with text are parted from the next by drawn edges
# covering this share of its width, found within EDGE_TOLERANCE points of the rows' bounds.
RULED_ROW_SHARE = 0.8
RULE_COVER_SHARE = 0.9
EDGE_TOLERANCE = 1.5
# The longest library message quoted in an error (characters).
MAX_DETAIL_CHARS = 160


def read_pages(path: Path) -> tuple[tuple[Page, ...], int]:
    """Read every page's glyphs and drawn shapes; return (pages, page_count).

    Raises ``DocumentError`` for an empty file, a file that is not a PDF, an encrypted PDF
    without an empty password, or a PDF that pdfminer cannot parse.
    """
    _check_is_pdf(path)
    import pdfplumber

    widths = _FontWidths()
    try:
        with pdfplumber.open(path) as pdf:
            page_count = len(pdf.pages)
            pages = tuple(_read_page(p, i + 1, widths) for i, p in enumerate(pdf.pages[:MAX_PAGES]))
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises plain TypeError/KeyError/... on broken files
        raise DocumentError(str(path), _explain(_unwrap(exc))) from exc
    heavy = widths.heavier_than_body()
    return tuple(dataclasses.replace(p, heavy_fonts=heavy) for p in pages) if heavy else pages, page_count


class _FontWidths:
    """The advance of each letter in each font, per point of size: a bold face sets the same
    letters wider than its roman, whatever the font is named ("Shaker-RB", "CIDFont+F1")."""

    def __init__(self) -> None:
        self.advances: dict[tuple[str, str], list[float]] = {}
        self.glyphs: Counter[str] = Counter()

    def add(self, ch: dict) -> None:
        matrix, advance, size = ch.get("matrix"), ch.get("adv"), ch.get("size")
        if ch["text"].isalpha() and matrix and advance and size and matrix[0] > 0:
            self.advances.setdefault((ch["fontname"], ch["text"]), []).append(advance * matrix[0] / size)
            self.glyphs[ch["fontname"]] += 1

    def heavier_than_body(self) -> frozenset[str]:
        """The fonts whose letters are at least HEAVIER_RATIO times as wide as the same letters
        in the body font (the one most glyphs are set in), over MIN_COMPARED_LETTERS letters."""
        if not self.glyphs:
            return frozenset()
        body = self.glyphs.most_common(1)[0][0]
        heavy = set()
        for font in self.glyphs:
            letters = [t for (f, t) in self.advances if f == font and (body, t) in self.advances]
            if font == body or len(letters) < MIN_COMPARED_LETTERS:
                continue
            ratio = statistics.median(statistics.median(self.advances[(font, t)])
                                      / statistics.median(self.advances[(body, t)]) for t in letters)
            if ratio >= HEAVIER_RATIO:
                heavy.add(font)
        return frozenset(heavy)


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exceptions in ``PdfminerException(original)``."""
    if type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _explain(exc: BaseException) -> str:
    """A one-line message, for a person, about why pdfminer could not read a file."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    detail = one_line(str(exc), MAX_DETAIL_CHARS)
    if isinstance(exc, PDFPasswordIncorrect):
        return "encrypted PDF: it needs a password to open; decrypt it (e.g. qpdf --decrypt) and run again"
    if isinstance(exc, PDFEncryptionError) or "crypt" in detail.lower():
        return (f"encrypted PDF with an encryption pdfminer cannot read ({detail or type(exc).__name__}); "
                "decrypt it (e.g. qpdf --decrypt) and run again")
    if isinstance(exc, PDFSyntaxError):
        return f"corrupt PDF: {detail or 'no valid PDF structure'}; re-export or repair the file"
    if isinstance(exc, RecursionError):
        return "corrupt PDF: its objects refer to each other in a loop; re-export or repair the file"
    return (f"unreadable PDF ({type(exc).__name__}: {detail or 'no detail'}); "
            "it may be damaged: re-export or repair the file")


def _check_is_pdf(path: Path) -> None:
    """Refuse, with a message saying what the file is, anything that is not a PDF."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEADER_SEARCH_BYTES)
    except IsADirectoryError as exc:
        raise DocumentError(str(path), "is a folder, not a PDF file") from exc
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be opened ({exc.strerror or exc})") from exc
    if not head:
        raise DocumentError(str(path), "empty file (0 bytes): not a PDF; was the download or copy interrupted?")
    if b"%PDF-" not in head:
        kind = "text" if _looks_like_text(head) else "binary data"
        raise DocumentError(str(path), f"not a PDF: the file holds {kind}, with no %PDF header")


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _spaces_as_space(text: str) -> str:
    """A drawn space of any width (a no-break space, the narrow one French sets before ":"
    and between digit groups, an em space) is a space: it marks a word boundary."""
    return " " if len(text) == 1 and unicodedata.category(text) == "Zs" else text


def _is_text(text: str) -> bool:
    """A glyph that writes text: not empty, not white space other than a space, not a glyph
    with no Unicode mapping (pdfminer's "(cid:N)"), not an invisible format character (a
    zero-width space or joiner, a byte-order mark; the soft hyphen stays, as it marks a break)."""
    if not text or (text.isspace() and text != " ") or _UNMAPPED.fullmatch(text):
        return False
    return not all(unicodedata.category(ch) == "Cf" and ch != SOFT_HYPHEN for ch in text)


def _glyph_box(ch: dict) -> BBox:
    """The glyph's box. A glyph slanted by its matrix (an italic made by shearing a roman face,
    as Word does) gets a box as wide as the slant from pdfminer, overlapping its neighbours:
    its horizontal extent is then taken from its origin and advance, where the next glyph
    starts, so that the gaps between glyphs still show the word spaces."""
    x0, x1 = float(ch["x0"]), float(ch["x1"])
    matrix, advance = ch.get("matrix"), ch.get("adv")
    if matrix and advance and matrix[_MATRIX_SHEAR] != 0 and matrix[0] > 0:
        x0 = float(matrix[_MATRIX_X])
        x1 = x0 + float(advance) * float(matrix[0])
    return BBox(x0, float(ch["top"]), x1, float(ch["bottom"]))


def _visible_area(page) -> BBox:
    """The part of the page a reader sees: the crop box, cut down to the trim box where the
    producer set one (a print PDF's slug line, crop marks and colour bars lie outside it)."""
    area = BBox(*(float(v) for v in page.bbox))
    trim = getattr(page, "trimbox", None)
    if trim:
        x0, top, x1, bottom = (float(v) for v in trim)
        cut = BBox(max(area.x0, x0), max(area.top, top), min(area.x1, x1), min(area.bottom, bottom))
        if cut.width > 0 and cut.height > 0:
            return cut
    return area


def _within(box: BBox, area: BBox | None, margin: float) -> bool:
    if area is None:
        return True
    return (box.x0 >= area.x0 - margin and box.top >= area.top - margin
            and box.x1 <= area.x1 + margin and box.bottom <= area.bottom + margin)


def _on_page(box: BBox, visible: BBox | None) -> bool:
    """The centre lies in the page's visible area (None: the page's boxes are broken, and
    everything counts). Designers' tools place the facing page of a spread, pasteboard notes
    and printer's marks outside it."""
    if visible is None:
        return True
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return visible.x0 <= cx <= visible.x1 and visible.top <= cy <= visible.bottom


def _read_page(page, number: int, widths: _FontWidths) -> Page:
    """One pdfplumber page as a ``Page``: upright glyphs, once each, and the drawn shapes
    sorted into rules, boxes and marks by size."""
    height = float(page.height)
    chars = []
    seen: set[tuple] = set()
    visible: BBox | None = _visible_area(page)
    if not any(_on_page(_glyph_box(ch), visible) for ch in page.chars if _is_text(ch.get("text") or "")):
        # Not one glyph on the page: its boxes are broken (an inverted or shifted media box),
        # not its text; read everything.
        visible = None
    for ch in page.chars:
        text = _spaces_as_space(ch.get("text") or "")
        if not _is_text(text):
            continue
        if not ch.get("upright", True):
            # Vertical or rotated text (margins, stamps) is not part of a factsheet's body.
            continue
        box = _glyph_box(ch)
        if not _on_page(box, visible):
            continue
        # Some producers draw text twice (fake bold, shadows); keep one glyph per place.
        # pdfplumber's own dedupe_chars does this too, but sorts all glyphs for every page.
        key = (text, round(float(ch["x0"]) / DUPLICATE_TOLERANCE), round(float(ch["top"]) / DUPLICATE_TOLERANCE))
        if key in seen:
            continue
        seen.add(key)
        widths.add(ch)
        # pdfminer's LTChar.matrix is the text matrix times the CTM, so its y translation is
        # the glyph origin in the same space as y0/y1; convert it to a top-left distance once.
        matrix = ch.get("matrix") or (1, 0, 0, 1, ch["x0"], ch["y0"])
        baseline = height - float(matrix[_MATRIX_Y])
        chars.append(Char(
            text=text,
            fontname=str(ch.get("fontname") or ""),
            size=round(float(ch.get("size") or 0.0), SIZE_DECIMALS),
            bbox=box,
            baseline=baseline,
        ))
    rects, rules, marks = [], [], []
    fills: list[tuple[BBox, object]] = []  # filled, unstroked boxes and their colour
    drawn: list[tuple[BBox, dict]] = []  # every shape on the page, for the table finder
    # Rounded boxes and drawn bullets (a browser's list discs) come as curves, not rects.
    for r in list(page.rects) + [c for c in page.curves if _encloses(c)]:
        box = BBox(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
        if not _on_page(box, visible):
            continue
        drawn.append((box, r))
        if box.width < RULE_THICKNESS or box.height < RULE_THICKNESS:
            if max(box.width, box.height) >= MIN_BOX_SIZE:
                rules.append(box)
        elif box.width <= MAX_MARK_SIZE and box.height <= MAX_MARK_SIZE:
            marks.append(box)
        elif box.width >= MIN_BOX_SIZE and box.height >= MIN_BOX_SIZE:
            if not _within(box, visible, BLEED):
                continue  # background art running off the page, not a box of the layout
            rects.append(box)
            if r.get("fill") and not r.get("stroke"):
                fills.append((box, _colour(r.get("non_stroking_color"))))
    for ln in page.lines:
        box = BBox(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"]))
        if _on_page(box, visible):
            rules.append(box)
            drawn.append((box, ln))
    return Page(number=number, width=float(page.width), height=height,
                chars=tuple(chars), rects=tuple(rects), rules=tuple(rules), marks=tuple(marks),
                tables=_tables(page, chars, _showing(drawn, fills)))


def _encloses(curve: dict) -> bool:
    """A curve that draws a shape (filled, or closed: a rounded box, a disc), not an open
    stroke (the lines of a drawing behind the text), whose box says nothing of the layout."""
    points = curve.get("pts") or []
    if curve.get("fill") or len(points) < 2:
        return True
    (x0, y0), (x1, y1) = points[0], points[-1]
    return abs(x0 - x1) <= DUPLICATE_TOLERANCE and abs(y0 - y1) <= DUPLICATE_TOLERANCE


def _colour(value: object) -> object:
    """A fill colour as a comparable value (pdfplumber gives a number, a tuple or a list)."""
    return tuple(value) if isinstance(value, list) else value


def _showing(drawn: list[tuple[BBox, dict]], fills: list[tuple[BBox, object]]) -> list[tuple[BBox, dict]]:
    """The shapes whose edges show: not a box filled, unstroked, inside another box of the
    same fill (InDesign draws a frame per line inside its card: nothing shows between them)."""
    hidden = {box for box, colour in fills
              if any(c == colour and other.contains(box, DUPLICATE_TOLERANCE)
                     and not box.contains(other, DUPLICATE_TOLERANCE) for other, c in fills)}
    return [(box, obj) for box, obj in drawn if box not in hidden]


def _tables(page, chars: list[Char], shapes: list[tuple[BBox, dict]]) -> tuple[Table, ...]:
    """The ruled tables of data on a page: pdfplumber's table finder on the edges that show,
    its grids kept where most rows hold text in two cells or more and most are ruled off from
    the next (cards side by side, a framed page, only look like a table)."""
    if len(shapes) < 2:
        return ()
    objects = [obj for _, obj in shapes]
    edges = [((b.top + b.bottom) / 2, b.x0, b.x1) for b, _ in shapes if b.height < RULE_THICKNESS]
    edges += [(y, b.x0, b.x1) for b, _ in shapes if b.height >= RULE_THICKNESS for y in (b.top, b.bottom)]
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": objects, "explicit_horizontal_lines": objects}
    found = []
    for table in page.find_tables(settings):
        bbox = BBox(*(float(v) for v in table.bbox))
        inside = [c for c in chars if _centre_in(c.bbox, bbox)]
        rows = tuple(tuple(BBox(*(float(v) for v in cell)) for cell in row.cells if cell is not None)
                     for row in table.rows)
        filled = [sum(1 for cell in row if any(_centre_in(c.bbox, cell) for c in inside)) for row in rows]
        with_text = [n for n in filled if n]
        several = [n for n in with_text if n >= 2]
        if len(several) < MIN_TABLE_ROWS or len(several) < TABLE_ROW_SHARE * len(with_text):
            continue
        text_rows = [BBox.around(row) for row, n in zip(rows, filled) if n]
        if not _ruled(text_rows, edges, (bbox.x0, bbox.x1)):
            continue
        found.append(Table(bbox=bbox, rows=tuple(r for r in rows if r)))
    return tuple(found)


def _ruled(text_rows: list[BBox], edges: list[tuple[float, float, float]], width: tuple[float, float]) -> bool:
    """Most rows with text are parted from the next by a drawn edge across the table (a rule,
    or cells' borders end to end). Cards side by side only line up like cells; their lines
    have no rules between them."""
    left, right = width
    ruled = bounds = 0
    for upper, lower in zip(text_rows, text_rows[1:]):
        if lower.top < upper.bottom - EDGE_TOLERANCE:
            continue  # rows that overlap (a cell spanning both) are one row of the page
        bounds += 1
        lo, hi = upper.bottom - EDGE_TOLERANCE, lower.top + EDGE_TOLERANCE
        spans = sorted((max(x0, left), min(x1, right)) for y, x0, x1 in edges if lo <= y <= hi and x1 > left and x0 < right)
        covered, reach = 0.0, left
        for x0, x1 in spans:
            if x1 > reach:
                covered += x1 - max(x0, reach)
                reach = x1
        ruled += covered >= RULE_COVER_SHARE * (right - left)
    return ruled >= RULED_ROW_SHARE * bounds


def _centre_in(box: BBox, cell: BBox) -> bool:
    cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    return cell.x0 <= cx <= cell.x1 and cell.top <= cy <= cell.bottom
