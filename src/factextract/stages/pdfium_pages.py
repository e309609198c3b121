"""PDF file -> pages, read with PDFium (pypdfium2): the same ``PdfRead`` as ``pages.read_pages``,
several times faster.

PDFium interprets the content streams, the costly part of reading: it gives each glyph's
character, origin and matrix, and each path's points. The rest is done the way pdfminer and
pdfplumber do it, so that both readers give the same pages:

- positions are turned into pdfplumber's coordinates as pdfminer and pdfplumber turn them
  (pdfminer's device space: the page turned by /Rotate, its media box's corner at the origin;
  then y counted from the top): ``_Frame``;
- a glyph's box is pdfminer's: its advance wide, one font size high, standing on the font's
  descent below its origin. The font's name and descent are read from the file's font
  dictionaries as pdfminer reads them (``_FontBook``: pdfminer parses the dictionaries, not
  the content streams), as PDFium's own differ (it strips the subset prefix from a simple
  font's name, and makes up a descent where the dictionary says 0). Where pdfminer cannot
  read them, PDFium's values stand in;
- PDFium's text page, made for selecting text, is read back into the glyphs drawn: its
  generated spaces and line ends are left out, the drawn spaces it drops are put back, a
  glyph it splits into characters ("fi") is one glyph again (``_glyphs``);
- a path is split and sorted into rects, lines and curves as pdfminer's ``paint_path`` does
  (``_painted``);
- then ``pages.page_of`` keeps the glyphs and shapes and finds the tables, for both readers.

What is left different, and why, is listed in ``tests/test_readers.py``.
"""

from __future__ import annotations

import ctypes
import dataclasses
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

import pypdfium2
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, num_value, resolve1, resolve_all
from pdfminer.psparser import PSLiteral, literal_name
from pdfplumber.page import fix_fontname_bytes
from pypdfium2 import raw

from ..errors import DocumentError
from ..model import PdfRead
from . import pages as plumber
from .pages import (
    ATTACHMENTS_ENCRYPTED_FOR, ENCRYPTION_UNREADABLE, NEEDS_PASSWORD, PAGE_DAMAGED, UNKNOWN_ENCRYPTION, UNREADABLE,
    PageObjects, _attachments_only, _check_is_pdf, _encryption, _encryption_summary, _FontWidths, _Reading,
)

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MATRIX_D = 3  # the place of d (the vertical scale) in a matrix (a, b, c, d, e, f)
# A box is four numbers; PDFium's colours are red, green, blue and alpha; a Bézier segment is
# two control points and its end.
BOX_NUMBERS = 4
COLOUR_CHANNELS = 4
BEZIER_POINTS = 3
# /Rotate, in degrees (PDFium counts quarter turns).
QUARTER_TURN, HALF_TURN, THREE_QUARTER_TURN, FULL_TURN = 90, 180, 270, 360
# Widths and descents are asked of PDFium per point of font size.
ONE_POINT = 1.0
READER = "PDFium"
# A font name's subset prefix: six capitals and "+" ("BAAAAA+DejaVuSans").
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
# pdfminer reads a font's metrics in thousandths of its size (a Type 3 font's, by its matrix).
GLYPH_UNITS = 0.001
# The standard security handler's versions and revisions (PDF 2.0, 7.6.4): PDFium asks for
# a password for an /Encrypt dictionary of any other too, which no password opens.
STANDARD_VERSIONS = frozenset({1, 2, 4, 5})
STANDARD_REVISIONS = frozenset({2, 3, 4, 5, 6})
# PDFium's characters: a space (the ones it generates too), and its mark for a hyphen ending a
# line, which is read as HYPHEN (a hyphen or a soft hyphen was drawn: PDFium does not say).
SPACE = ord(" ")
PDFIUM_HYPHEN = 0x2
HYPHEN = "-"
# The Latin ligatures U+FB00-FB06 as PDFium decomposes them, put back together as pdfminer
# reads them.
LIGATURES = {"ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02", "ffi": "\ufb03", "ffl": "\ufb04", "\u017ft": "\ufb05",
             "st": "\ufb06"}
# The advance of a space, in font sizes, where its font has none; a wider one a font gives is
# not its space's (PDFium gives a character a font lacks the default width, 1000).
DEFAULT_SPACE_EM = 0.25
MAX_SPACE_EM = 0.6
# A text object whose ink is narrower than this (points) draws none: PDFium's text page
# leaves it out (its kSizeEpsilon).
INKLESS = 0.01
# pdfminer parses an object stream whole the first time it needs one of its objects, some
# 0.1 ms an object: past this many objects in one (producers put 100 or so), reading the
# fonts' dictionaries would cost more than the PDFium reading, and PDFium's values stand in.
MAX_OBJECT_STREAM = 2000
# The /N (object count) in an object stream's dictionary, after or before its /Type /ObjStm.
_OBJECT_STREAM_SIZE = re.compile(rb"/Type\s*/ObjStm\b[^>]{0,200}?/N\s+(\d+)|/N\s+(\d+)[^>]{0,200}?/Type\s*/ObjStm\b")
# The standard 14 fonts' names: a font of such a name is matched by it.
_STANDARD_NAMES = frozenset(FONT_METRICS)
# Slices of one glyph's ink (a glyph replaced by its /ActualText) meet within this (points).
SLICE_TOLERANCE = 0.01
# A matrix entry smaller than this is 0: a glyph runs at right angles to it.
_FLAT = 1e-9


def _direct(function):
    """pypdfium2's binding of a PDFium function, taking and giving handles (FPDF_PAGE,
    FPDF_FONT ...) as plain addresses: ctypes then builds no pointer object per argument and
    per result, which is most of the cost of asking about each of a page's glyphs."""
    def plain(kind):
        return ctypes.c_void_p if kind is not None and kind.__name__.startswith("LP_struct_fpdf_") else kind

    prototype = ctypes.CFUNCTYPE(plain(function.restype), *(plain(kind) for kind in function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


# The PDFium functions read through, each taking and giving handles as ints.
_P = SimpleNamespace(**{name: _direct(getattr(raw, name)) for name in (
    "FPDFText_LoadPage", "FPDFText_ClosePage", "FPDFText_CountChars", "FPDFText_GetTextObject", "FPDFText_GetUnicode",
    "FPDFText_GetCharOrigin", "FPDFText_IsGenerated", "FPDFText_IsHyphen", "FPDFText_HasUnicodeMapError",
    "FPDFText_GetLooseCharBox", "FPDFText_GetCharBox", "FPDFText_GetMatrix", "FPDFTextObj_GetFont",
    "FPDFTextObj_GetFontSize",
    "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject",
    "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFPageObj_GetBounds", "FPDFPageObj_GetFillColor",
    "FPDFPath_CountSegments", "FPDFPath_GetPathSegment", "FPDFPath_GetDrawMode", "FPDFPathSegment_GetPoint",
    "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose", "FPDFFont_GetBaseFontName", "FPDFFont_GetFlags",
    "FPDFFont_GetIsEmbedded", "FPDFFont_GetFontData", "FPDFFont_GetDescent", "FPDFFont_GetGlyphWidth",
    "FPDFPage_GetMediaBox", "FPDFPage_GetTrimBox", "FPDFPage_GetRotation", "FPDF_GetPageBoundingBox",
)})


def read_pages_pdfium(path: Path, *, max_pages: int | None = None) -> PdfRead:
    """Read each page's glyphs and drawn shapes with PDFium (the first ``max_pages`` only, if
    given); return them with the true page count, the pages PDFium could not load, and the
    warnings the pdfplumber reader gives (pages left unread, pages read as US Letter, text
    all rotated).

    Raises ``DocumentError`` for an empty file, a file that is not a PDF, an encrypted PDF
    without an empty password, a PDF PDFium cannot open, or one whose pages all fail.
    """
    _check_is_pdf(path)
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_SUCCESS or (code == raw.FPDF_ERR_FORMAT and _FontBook.page_count(path) == 0):
            # pypdfium2 refuses a document PDFium finds no page in, and PDFium a page tree it
            # cannot walk: a PDF without pages, as pdfminer (where it opens it) tells.
            return PdfRead(pages=(), page_count=0, reader="pdfium")
        raise DocumentError(str(path), _explain(code, path)) from exc
    reading = _Reading(pages=[], page_count=0, lost=[], failure=None, widths=_FontWidths(), dropped=Counter(),
                       unsized=[])
    try:
        reading.page_count = len(document)
        book = _FontBook.of(path, reading.page_count)
        for number in range(1, reading.page_count + 1):
            if max_pages is not None and number > max_pages:
                break
            try:
                page = document[number - 1]
            except pypdfium2.PdfiumError:
                reading.lost.append((number, PAGE_DAMAGED))
                continue
            try:
                objects, unsized = _page_objects(ctypes.cast(page.raw, ctypes.c_void_p).value, number, book)
                if unsized:
                    reading.unsized.append(number)
                reading.pages.append(plumber.page_of(objects, reading.widths, reading.dropped))
            except MemoryError:
                raise
            except Exception as exc:  # one bad page must not cost the others
                reading.lost.append((number, plumber._page_reason(exc)))
                reading.failure = reading.failure or exc
            finally:
                page.close()
    finally:
        document.close()
    return plumber.assemble(path, reading, max_pages, reader="pdfium")


def _explain(code: int | None, path: Path) -> str:
    """Why PDFium could not open the file, for a person, in the pdfplumber reader's words."""
    encryption = _encryption(path)
    if code == raw.FPDF_ERR_PASSWORD and encryption is not None and _standard(encryption):
        if _attachments_only(encryption):
            return ATTACHMENTS_ENCRYPTED_FOR.format(reader=READER)
        return NEEDS_PASSWORD
    if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY) or encryption is not None:
        what = _encryption_summary(encryption) if encryption is not None else ""
        return ENCRYPTION_UNREADABLE.format(reader=READER, what=what or UNKNOWN_ENCRYPTION)
    return UNREADABLE.format(reader=READER, said="")


def _standard(encryption: dict) -> bool:
    """Encrypted by the standard security handler, in a version and revision PDF defines."""
    return (encryption.get("Filter") == "Standard" and encryption.get("V") in STANDARD_VERSIONS
            and encryption.get("R") in STANDARD_REVISIONS)


# --- a page -------------------------------------------------------------------------------------

def _page_objects(page: int, number: int, book: _FontBook) -> tuple[PageObjects, bool]:
    """The page's glyphs and shapes as pdfplumber's dicts, and whether it had no valid
    /MediaBox (read as US Letter)."""
    media, rotation, trim, unsized = book.boxes(number) or _pdfium_boxes(page)
    frame = _Frame.of(media, rotation, trim)
    faces = book.fonts(number)
    textpage = _P.FPDFText_LoadPage(page)
    if not textpage:
        raise RuntimeError("PDFium cannot read the page's text")  # noqa: TRY003 - a page it loaded
    try:
        chars = _glyphs(textpage, frame, faces)
    finally:
        _P.FPDFText_ClosePage(textpage)
    shapes, spaces = _walk(page, frame, faces)
    by_kind: dict[str, list[dict]] = {"rect": [], "curve": [], "line": [], "image": []}
    for shape in shapes:
        by_kind[shape["object_type"]].append(shape)
    objects = PageObjects(number=number, width=frame.width, height=frame.height,
                          visible=plumber.visible_area(frame.bbox, frame.trim), chars=chars + spaces,
                          rects=by_kind["rect"], curves=by_kind["curve"], lines=by_kind["line"],
                          images=by_kind["image"])
    return objects, unsized


def _pdfium_boxes(page: int) -> tuple[tuple, int, tuple | None, bool]:
    """The page's media box, /Rotate and trim box as PDFium gives them, where pdfminer could
    not read the page's dictionary. PDFium's media box is the page's own, not one inherited
    from the page tree: without one, its visible box (the crop box cut to the media box) is
    taken. Whether it had none PDFium cannot tell, so no page is said to be read as Letter."""
    def box(getter) -> tuple | None:
        values = [ctypes.c_float() for _ in range(BOX_NUMBERS)]
        if not getter(page, *(ctypes.byref(v) for v in values)):
            return None
        return tuple(float(v.value) for v in values)

    media = box(_P.FPDFPage_GetMediaBox)
    if media is None:
        visible = raw.FS_RECTF()
        _P.FPDF_GetPageBoundingBox(page, ctypes.byref(visible))
        media = (visible.left, visible.bottom, visible.right, visible.top)
    return media, _P.FPDFPage_GetRotation(page) * QUARTER_TURN, box(_P.FPDFPage_GetTrimBox), False


@dataclasses.dataclass(frozen=True)
class _Frame:
    """pdfplumber's coordinates on a page, from PDF user space (PDFium's): pdfminer's device
    space first (``ctm``, as ``PDFPageInterpreter.process_page`` sets it: the page turned by
    /Rotate, its media box's corner at the origin), then pdfplumber's flip (``top = height -
    y + top_shift``, ``x + x_shift``: the media box's top-left corner, ``Page.point2coord``).
    ``bbox`` and ``trim`` are pdfplumber's ``Page.bbox`` and ``Page.trimbox``."""

    ctm: Matrix
    width: float
    height: float
    x_shift: float
    top_shift: float
    bbox: tuple[float, float, float, float]
    trim: tuple[float, float, float, float] | None

    @classmethod
    def of(cls, media: Sequence[float], rotation: int, trim: Sequence[float] | None) -> _Frame:
        x0, y0, x1, y1 = (float(v) for v in media)
        rotation %= FULL_TURN
        ctm: Matrix = {QUARTER_TURN: (0, -1, 1, 0, -y0, x1), HALF_TURN: (-1, 0, 0, -1, x1, y1),
                       THREE_QUARTER_TURN: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
        _, bottom, _, top = _normalized(media, rotation)
        height = top - bottom
        bbox = _inverted(_normalized(media, rotation), height)
        trimmed = _inverted(_normalized(trim, rotation), height) if trim is not None else None
        left, upper, right, lower = bbox
        return cls(ctm=ctm, width=right - left, height=lower - upper, x_shift=left, top_shift=upper,
                   bbox=bbox, trim=trimmed)

    def device(self, matrix: Matrix) -> Matrix:
        """A user-space matrix carried on into device space."""
        return _mult(matrix, self.ctm)


def _normalized(box: Sequence[float], rotation: int) -> tuple[float, float, float, float]:
    """pdfplumber's ``_normalize_box``: corners sorted, x and y swapped on a page turned a
    quarter (as pdfplumber does it: the box is not rotated about the page)."""
    left, bottom, right, top = (float(v) for v in box)
    x0, x1 = sorted((left, right))
    y0, y1 = sorted((bottom, top))
    return (y0, x0, y1, x1) if rotation in (QUARTER_TURN, THREE_QUARTER_TURN) else (x0, y0, x1, y1)


def _inverted(box: tuple[float, float, float, float], height: float) -> tuple[float, float, float, float]:
    """pdfplumber's ``_invert_box``: a bottom-left box as a top-left one."""
    x0, y0, x1, y1 = box
    return (x0, height - y1, x1, height - y0)


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """pdfminer's ``mult_matrix``: ``m1`` then ``m0``."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


# --- glyphs -------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _Face:
    """What a glyph's box needs of its font: pdfminer's name for it, and its descent (a share
    of the size, negative below the baseline)."""

    fontname: str
    descent: float


class _Run(NamedTuple):
    """What the glyphs of one PDFium text object share: their font's face, the font size, the
    font (PDFium's handle), their matrix's a, b, c, d (user space), and a number for the
    font, size and matrix together. ``level``: where they are upright and unslanted (most
    text), the device matrix's a and d and the bottom and top of their boxes above the origin
    (device space): all a glyph's box needs besides its origin and advance."""

    face: _Face
    fontsize: float
    font: int
    linear: tuple[float, float, float, float]
    style: int
    level: tuple[float, float, float, float] | None


def _glyphs(textpage: int, frame: _Frame, faces: _Faces) -> list[dict]:
    """The glyphs of PDFium's text page, as pdfplumber's char dicts (the keys ``page_of``
    reads). A glyph PDFium has no Unicode for gets no text, as pdfminer's "(cid:N)" has none.

    PDFium's generated characters (the spaces and line ends it infers) are left out, but for
    one: where a drawn space stood after a gap in a line's spacing, PDFium puts its generated
    space at the drawn one's place and drops the drawn one (two spaces in a row); a generated
    space in a text object, not where the next glyph is, stands for a drawn one. A glyph
    mapped to several characters ("fi", a ligature U+FB00-FB06 PDFium decomposes, a glyph
    replaced by its /ActualText) comes as one character each, at one place: they are one.

    Reading a glyph costs three calls into PDFium; what is the same for a text object (its
    font, size, matrix) or for a character of a font (its advance, its Unicode mapping) is
    asked once."""
    object_of, unicode_of, origin_of = _P.FPDFText_GetTextObject, _P.FPDFText_GetUnicode, _P.FPDFText_GetCharOrigin
    ca, cb, cc, cd, ce, cf = frame.ctm
    height, x_shift, top_shift = frame.height, frame.x_shift, frame.top_shift
    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.byref(x), ctypes.byref(y)
    runs: dict[int, _Run] = {}
    mapped: dict[tuple[int, int], bool] = {}  # (font, character) -> PDFium maps it to Unicode
    advances = _Advances(textpage)
    out: list[dict] = []
    pending: tuple[Point, int] | None = None  # a generated space that may stand for a drawn one, and its object
    last = _Last()  # the glyph read last, which the next character may be a piece of
    for i in range(_P.FPDFText_CountChars(textpage)):
        obj = object_of(textpage, i)
        if not obj:  # a line end, or a space PDFium generated between two text objects
            if pending is not None:
                out.append(_space(pending[0], runs.get(pending[1]), pending[1], frame, faces))  # the line ends after it
                pending = None
            last.obj = None
            continue
        code = unicode_of(textpage, i)
        origin_of(textpage, i, px, py)
        origin = (x.value, y.value)
        if code == SPACE and _P.FPDFText_IsGenerated(textpage, i):
            # Its matrix is not its text object's (PDFium gives it the form's): its run is
            # known once the object's next glyph is read.
            pending = (origin, obj)
            last.obj = None
            continue
        run = runs.get(obj)
        if run is None:
            run = runs[obj] = _run(obj, textpage, i, faces, advances, frame)
        if pending is not None:
            if pending[0] != origin:
                out.append(_space(pending[0], runs.get(pending[1]), pending[1], frame, faces))
            pending = None
        if obj == last.obj and origin == last.origin and _pieces(textpage, last.tail, i):
            out[-1] = last.joined(chr(code), i, advances, frame)
            continue
        if code == PDFIUM_HYPHEN and _P.FPDFText_IsHyphen(textpage, i):
            code = ord(HYPHEN)
        known = mapped.get((run.font, code))
        if known is None:
            known = mapped[(run.font, code)] = not _P.FPDFText_HasUnicodeMapError(textpage, i)
        text = chr(code) if known else ""
        adv = advances.of(i, run, origin[0], code)
        level = run.level
        if level is None:
            out.append(_char(text, (*run.linear, *origin), adv, run.fontsize, run.face, frame))
        else:  # _char, the short way
            a, d, low, high = level
            e, f = origin[0] * ca + origin[1] * cc + ce, origin[0] * cb + origin[1] * cd + cf
            y0, y1 = low + f, high + f
            out.append({
                "text": text, "fontname": run.face.fontname, "size": y1 - y0, "adv": adv,
                "matrix": (a, 0.0, 0.0, d, e, f), "upright": True, "x0": e + x_shift, "x1": e + a * adv + x_shift,
                "top": height - y1 + top_shift, "bottom": height - y0 + top_shift,
            })
        last.read(obj, origin, i, code, text, run)
    if pending is not None:
        out.append(_space(pending[0], runs.get(pending[1]), pending[1], frame, faces))
    return out


def _pieces(textpage: int, first: int, then: int) -> bool:
    """Two characters at one place are pieces of one glyph: PDFium gives the pieces of a glyph
    its loose box each, or, for a glyph replaced by its /ActualText, a slice of its ink each,
    side by side. A mark drawn over a letter (a Thai vowel, a tone mark) is a glyph of its own."""
    loose_first, loose_then = raw.FS_RECTF(), raw.FS_RECTF()
    _P.FPDFText_GetLooseCharBox(textpage, first, ctypes.byref(loose_first))
    _P.FPDFText_GetLooseCharBox(textpage, then, ctypes.byref(loose_then))
    if (loose_first.left, loose_first.right, loose_first.bottom, loose_first.top) == (
            loose_then.left, loose_then.right, loose_then.bottom, loose_then.top):
        return True
    ink_first, ink_then = _ink_box(textpage, first), _ink_box(textpage, then)
    return (ink_first[2:] == ink_then[2:] and ink_first[1] < ink_then[1]
            and abs(ink_then[0] - ink_first[1]) <= SLICE_TOLERANCE)


def _ink_box(textpage: int, index: int) -> tuple[float, float, float, float]:
    """The glyph's ink (PDFium's tight box): left, right, bottom, top, user space."""
    box = [ctypes.c_double() for _ in range(BOX_NUMBERS)]
    _P.FPDFText_GetCharBox(textpage, index, *(ctypes.byref(v) for v in box))
    return tuple(v.value for v in box)


def _run(obj: int, textpage: int, index: int, faces: _Faces, advances: _Advances, frame: _Frame) -> _Run:
    """The run of a text object, from one of its glyphs (its matrix is the glyph's: the
    object's, through the forms it is drawn in)."""
    size, m = ctypes.c_float(), raw.FS_MATRIX()
    _P.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    _P.FPDFText_GetMatrix(textpage, index, ctypes.byref(m))
    font = _P.FPDFTextObj_GetFont(obj) or 0
    fontsize, linear = float(size.value), (m.a, m.b, m.c, m.d)
    known = advances.styles.get((font, fontsize, linear))
    if known is not None:  # a browser draws each glyph as a text object of its own
        return known
    face = faces.of(font)
    a, b, c, d, _, _ = frame.device((*linear, 0.0, 0.0))
    level = None
    if b == 0 and c == 0 and a > 0 and d > 0:
        low = face.descent * fontsize
        level = (a, d, d * low, d * (low + fontsize))
    run = advances.styles[(font, fontsize, linear)] = _Run(face, fontsize, font, linear, len(advances.styles), level)
    return run


class _Last:
    """The glyph read last: a character next read at its place, in its text object, is a
    piece of it ("fi" drawn as one glyph)."""

    def __init__(self) -> None:
        self.obj: int | None = None
        self.origin: Point = (0.0, 0.0)

    def read(self, obj: int, origin: Point, index: int, code: int, text: str, run: _Run) -> None:
        self.obj, self.origin, self.index, self.code, self.text, self.run = obj, origin, index, code, text, run
        self.pieces, self.tail = 1, index  # how many characters it is, and the last one's index

    def joined(self, piece: str, index: int, advances: _Advances, frame: _Frame) -> dict:
        """The glyph with one more piece: its text (a ligature PDFium decomposed put back
        together); its advance measured as its own (its first character's may be another
        glyph's), reaching as far as the piece's ink (PDFium gives each piece of a glyph
        replaced by its /ActualText the width of its own letter, and spreads the glyph's ink
        over them)."""
        if self.pieces == 1:
            advances.not_alone(self.run, self.code)
        self.pieces += 1
        self.tail = index
        self.text += piece
        run, (ox, oy) = self.run, self.origin
        adv = advances.measured(self.index, run, ox, self.code)
        char = _char(LIGATURES.get(self.text, self.text), (*run.linear, ox, oy), adv, run.fontsize, run.face, frame)
        return _wider(char, (_ink_box(advances.textpage, index)[1], oy), frame)


class _Advances:
    """Each glyph's advance (text space), as pdfminer reads it from the font's widths.

    PDFium's loose box of a glyph is its advance (from its origin, the font's box high) joined
    with its ink: where the advance reaches past the ink, its end is the advance's. Where the
    ink reaches as far or further (an overhanging "f", a slanted glyph), the font's width of
    the character is taken (PDFium's, in whole thousandths), no wider than the ink. A font's
    character at one size and slant has one advance: it is measured once."""

    def __init__(self, textpage: int) -> None:
        self.textpage = textpage
        self.styles: dict[tuple, _Run] = {}  # (font, size, matrix) -> their run, numbered
        self.known: dict[tuple[int, int], float] = {}  # (style, character) -> advance
        self.fresh: tuple[int, int] | None = None  # the key the last glyph's advance was measured for

    def of(self, index: int, run: _Run, x: float, code: int) -> float:
        key = (run.style, code)
        adv = self.known.get(key)
        self.fresh = None if adv is not None else key
        if adv is None:
            adv = self.known[key] = self.measured(index, run, x, code)
        return adv

    def not_alone(self, run: _Run, code: int) -> None:
        """The glyph just measured is more than its first character (an "f" starts "ﬁ"): its
        advance is not that character's."""
        key = (run.style, code)
        if self.fresh == key:
            del self.known[key]

    def measured(self, index: int, run: _Run, x: float, code: int) -> float:
        a, b, c, _ = run.linear
        bound = None
        if abs(b) <= _FLAT and abs(c) <= _FLAT and abs(a) > _FLAT:
            loose = raw.FS_RECTF()
            _P.FPDFText_GetLooseCharBox(self.textpage, index, ctypes.byref(loose))
            ink_left, ink_right, _, _ = _ink_box(self.textpage, index)
            end, ink = (loose.right, ink_right) if a > 0 else (loose.left, ink_left)
            bound = (end - x) / a
            if (end - ink) * a > 0 or ink_left >= ink_right:
                return bound
        width = _glyph_width(run.font, code) * run.fontsize
        return min(width, bound) if bound is not None and bound > 0 else width


def _glyph_width(font: int, code: int) -> float:
    """The width PDFium's font gives the character, per point of size (0 without a font)."""
    width = ctypes.c_float()
    if font and _P.FPDFFont_GetGlyphWidth(font, code, ONE_POINT, ctypes.byref(width)):
        return float(width.value)
    return 0.0


def _char(text: str, user: Matrix, adv: float, fontsize: float, face: _Face, frame: _Frame) -> dict:
    """A glyph as pdfplumber's char dict: ``user`` is its matrix in user space, its origin in
    e, f; ``adv`` its advance in text space. Its matrix in device space is pdfminer's
    LTChar.matrix, and its box pdfminer's: the advance wide, the font size high, from the
    font's descent up, through the matrix (``apply_matrix_rect``)."""
    ua, ub, uc, ud, ue, uf = user
    ca, cb, cc, cd, ce, cf = frame.ctm
    a, b, c, d = ua * ca + ub * cc, ua * cb + ub * cd, uc * ca + ud * cc, uc * cb + ud * cd
    e, f = ue * ca + uf * cc + ce, ue * cb + uf * cd + cf
    low = face.descent * fontsize
    high = low + fontsize
    if b == 0 and c == 0:  # upright and unslanted: most glyphs
        x0, x1 = (e, e + a * adv) if a >= 0 else (e + a * adv, e)
        y0, y1 = (d * low + f, d * high + f) if d >= 0 else (d * high + f, d * low + f)
    else:
        xs = (c * low + e, a * adv + c * low + e, a * adv + c * high + e, c * high + e)
        ys = (d * low + f, b * adv + d * low + f, b * adv + d * high + f, d * high + f)
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    height, x_shift, top_shift = frame.height, frame.x_shift, frame.top_shift
    return {
        "text": text, "fontname": face.fontname, "size": y1 - y0, "adv": adv, "matrix": (a, b, c, d, e, f),
        "upright": a * d > 0 and b * c <= 0,
        "x0": x0 + x_shift, "x1": x1 + x_shift, "top": height - y1 + top_shift, "bottom": height - y0 + top_shift,
    }


def _wider(char: dict, right: Point, frame: _Frame) -> dict:
    """The glyph reaching at least to ``right`` (a point of its ink's right edge, user space)."""
    a, _, c, _, e, _ = frame.ctm
    x1 = a * right[0] + c * right[1] + e + frame.x_shift
    if x1 <= char["x1"] or abs(char["matrix"][0]) <= _FLAT:
        return char
    char["adv"] += (x1 - char["x1"]) / char["matrix"][0]
    char["x1"] = x1
    return char


def _space(origin: Point, run: _Run | None, obj: int, frame: _Frame, faces: _Faces) -> dict:
    """A drawn space PDFium's text page leaves out, at its origin, as wide as its font's space:
    in the run of its text object, or (none of whose glyphs was read) in its font and size,
    its matrix the object's own."""
    if run is None:
        size = ctypes.c_float()
        _P.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
        font = _P.FPDFTextObj_GetFont(obj) or 0
        a, b, c, d, _, _ = _object_matrix(obj)
        return _char(" ", (a, b, c, d, *origin), _space_advance(font, float(size.value)),
                     float(size.value), faces.of(font), frame)
    return _char(" ", (*run.linear, *origin), _space_advance(run.font, run.fontsize), run.fontsize, run.face, frame)


def _space_advance(font: int, fontsize: float) -> float:
    """The advance of the font's space at this size (text space); DEFAULT_SPACE_EM where the
    font has none."""
    width = _glyph_width(font, SPACE)
    return (width if 0 < width <= MAX_SPACE_EM else DEFAULT_SPACE_EM) * fontsize


# --- fonts ---------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _DictFont:
    """A font as its dictionary in the file says (pdfminer's reading): its /BaseFont, whether
    it is composite (Type 0), pdfminer's name and descent for it, its descriptor's /Flags,
    and its embedded font program (a stream, or None)."""

    basefont: str
    composite: bool
    face: _Face
    flags: int | None
    program: object | None

    @property
    def key(self) -> str:
        """The base font's name without subset prefix, as PDFium names a simple font."""
        return _SUBSET_PREFIX.sub("", self.basefont)


class _Faces:
    """The faces of one page's fonts: each PDFium font matched to a font dictionary of the
    page; PDFium's own name and descent where none matches.

    PDFium names a font by its /BaseFont, less the subset prefix for a simple font: a name
    with its prefix is a composite font's, matched whole; a name without one is matched
    among the fonts of that name, simple ones first (Word embeds a font twice, as a simple
    and as a composite font, with two prefixes). Where several fonts are left, the /Flags,
    then the size of the embedded program, tell them apart."""

    def __init__(self, fonts: Sequence[_DictFont]) -> None:
        self.by_key: dict[str, list[_DictFont]] = {}
        for font in fonts:
            self.by_key.setdefault(font.key, []).append(font)
        self.unembedded = [font for font in fonts if font.program is None]
        self.known: dict[int, _Face] = {}

    def of(self, font: int) -> _Face:
        face = self.known.get(font)
        if face is None:
            face = self.known[font] = self._match(font) if font else _Face("", 0.0)
        return face

    def _match(self, font: int) -> _Face:
        name = _pdfium_name(font)
        candidates = self.by_key.get(_SUBSET_PREFIX.sub("", name), [])
        if not candidates and not _P.FPDFFont_GetIsEmbedded(font):
            # PDFium names a font it does not have by the standard font it draws it with
            # ("TimesNewRomanPSMT" as "Times-Roman"): the one font not embedded of its flags
            # and style.
            flags, style = _P.FPDFFont_GetFlags(font), _style(name)
            candidates = [c for c in self.unembedded
                          if c.flags == flags and c.key not in _STANDARD_NAMES and _style(c.key) == style]
            candidates = candidates if len({c.face for c in candidates}) == 1 else []
        for narrower in ((lambda c: c.basefont == name), (lambda c: not c.composite),
                         (lambda c: c.flags == _P.FPDFFont_GetFlags(font)),
                         (lambda c: _stream_size(c.program) == _program_size(font))):
            if len({c.face for c in candidates}) <= 1:
                break
            candidates = [c for c in candidates if narrower(c)] or candidates
        if candidates:
            return candidates[0].face
        descent = ctypes.c_float()
        _P.FPDFFont_GetDescent(font, ONE_POINT, ctypes.byref(descent))
        return _Face(name, min(float(descent.value), 0.0))


def _style(name: str) -> tuple[bool, bool]:
    """Bold, and italic, by the font's name."""
    name = name.lower()
    return "bold" in name, "italic" in name or "oblique" in name


def _pdfium_name(font: int) -> str:
    length = _P.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(max(length, 1))
    _P.FPDFFont_GetBaseFontName(font, buffer, length)
    return buffer.value.decode("utf-8", "replace")


def _program_size(font: int) -> int | None:
    """The size of the font's embedded program, as PDFium decoded it (None: not embedded)."""
    if not _P.FPDFFont_GetIsEmbedded(font):
        return None
    size = ctypes.c_ulong()
    _P.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
    return size.value


def _stream_size(stream: object) -> int | None:
    if not isinstance(stream, PDFStream):
        return None
    try:
        return len(stream.get_data())
    except Exception:  # noqa: BLE001 - a broken stream only fails to tell fonts apart
        return None


class _FontBook:
    """The file's dictionaries as pdfminer reads them, without any content stream: each
    page's boxes and /Rotate, and the fonts its content may draw with (its resources' and its
    forms'). Empty where pdfminer cannot read the file, or finds another number of pages than
    PDFium (which page is which is not sure then)."""

    def __init__(self, pages: Sequence[PDFPage]) -> None:
        self.pages = pages  # pdfminer's PDFPage of each page, in order
        self._fonts: dict[object, _DictFont | None] = {}  # by object id

    @classmethod
    def of(cls, path: Path, page_count: int) -> _FontBook:
        try:
            data = path.read_bytes()
            if any(int(after or before) > MAX_OBJECT_STREAM for after, before in _OBJECT_STREAM_SIZE.findall(data)):
                return cls([])
            with _PdfminerQuiet():
                # From memory: pdfminer reads the objects as they are asked for, page by page.
                document = PDFDocument(PDFParser(io.BytesIO(data)))
                pages = list(PDFPage.create_pages(document))
            return cls(pages if len(pages) == page_count else [])
        except Exception:  # noqa: BLE001 - PDFium's own values stand in
            return cls([])

    @staticmethod
    def page_count(path: Path) -> int | None:
        """How many pages pdfminer finds in the file (None: it cannot open it)."""
        try:
            with _PdfminerQuiet():
                return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(path.read_bytes())))))
        except Exception:  # noqa: BLE001 - a damaged file
            return None

    def _page(self, number: int) -> PDFPage | None:
        return self.pages[number - 1] if number <= len(self.pages) else None

    def boxes(self, number: int) -> tuple[tuple, int, tuple | None, bool] | None:
        """(media box, /Rotate, trim box, read as US Letter), as pdfplumber reads them; None
        where pdfminer could not read the page."""
        page = self._page(number)
        if page is None:
            return None
        try:
            unsized = plumber._give_default_size(page)
            rotation = resolve_all(page.attrs.get("Rotate", 0))
            trim = resolve_all(page.attrs.get("TrimBox"))
            return (tuple(float(v) for v in page.mediabox), int(rotation or 0), trim if _is_box(trim) else None,
                    unsized)
        except Exception:  # noqa: BLE001 - PDFium's own values stand in
            return None

    def fonts(self, number: int) -> _Faces:
        """The faces of the fonts on the page (none where pdfminer could not read them)."""
        page = self._page(number)
        if page is None:
            return _Faces(())
        try:
            with _PdfminerQuiet():
                return _Faces([f for f in self._fonts_in(page.resources, set()) if f is not None])
        except Exception:  # noqa: BLE001 - PDFium's own values stand in
            return _Faces(())

    def _fonts_in(self, resources: object, seen: set[object]) -> Iterator[_DictFont | None]:
        """The fonts of these resources and of the forms they hold, each form once."""
        resources = resolve1(resources)
        if not isinstance(resources, dict):
            return
        fonts = resolve1(resources.get("Font"))
        for ref in (fonts.values() if isinstance(fonts, dict) else ()):
            objid = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
            if objid not in self._fonts:
                self._fonts[objid] = _dict_font(resolve1(ref))
            yield self._fonts[objid]
        xobjects = resolve1(resources.get("XObject"))
        for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
            objid = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
            if objid in seen:
                continue
            seen.add(objid)
            form = resolve1(ref)
            if isinstance(form, PDFStream) and _name(form.attrs.get("Subtype")) == "Form":
                yield from self._fonts_in(form.attrs.get("Resources"), seen)


def _name(value: object) -> str:
    """A PDF name (or string) as text."""
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return "" if value is None else str(value)


def _is_box(value: object) -> bool:
    return isinstance(value, list) and len(value) == BOX_NUMBERS and all(isinstance(v, (int, float)) for v in value)


def _dict_font(spec: object) -> _DictFont | None:
    """A font dictionary as pdfminer reads it (``PDFResourceManager.get_font`` and its font
    classes): a composite font by its descendant; a standard 14 font by its built-in metrics;
    a Type 3 font's descent from its /FontBBox, through its /FontMatrix; any other's from its
    descriptor, made negative. The name is the descriptor's /FontName."""
    if not isinstance(spec, dict):
        return None
    top_basefont = _name(spec.get("BaseFont"))
    subtype = _name(spec.get("Subtype")) or "Type1"
    composite = subtype == "Type0"
    if composite:
        descendants = resolve1(spec.get("DescendantFonts"))
        spec = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else {}
        if not isinstance(spec, dict):
            return None
        subtype = _name(spec.get("Subtype"))
    descriptor = resolve1(spec.get("FontDescriptor"))
    descriptor = descriptor if isinstance(descriptor, dict) else {}
    program = next((resolve1(descriptor[k]) for k in ("FontFile", "FontFile2", "FontFile3") if k in descriptor), None)
    basefont = _name(spec.get("BaseFont")) if "BaseFont" in spec else "unknown"
    if subtype not in ("Type3", "CIDFontType0", "CIDFontType2") and basefont in FONT_METRICS:
        descriptor = FONT_METRICS[basefont][0]
    flags = resolve1(descriptor.get("Flags"))
    descent = num_value(descriptor.get("Descent", 0))
    descent = -descent if descent > 0 else descent
    scale = GLYPH_UNITS
    if subtype == "Type3":
        if "FontDescriptor" not in spec:
            descriptor = {"FontBBox": spec.get("FontBBox")}
        box = resolve_all(descriptor.get("FontBBox"))
        descent = float(box[1]) if _is_box(box) else 0.0
        matrix = resolve_all(spec.get("FontMatrix"))
        ok = (isinstance(matrix, list) and len(matrix) == len(IDENTITY)
              and all(isinstance(v, (int, float)) for v in matrix))
        scale = float(matrix[1] + matrix[_MATRIX_D]) if ok else 0.0  # pdfminer's apply_matrix_norm
    face = _Face(_pdfminer_fontname(descriptor), float(descent) * scale)
    return _DictFont(basefont=top_basefont, composite=composite, face=face,
                     flags=flags if isinstance(flags, int) else None, program=program)


def _pdfminer_fontname(descriptor: dict) -> str:
    """The descriptor's /FontName as pdfminer reads it (``literal_name``) and pdfplumber gives
    it (a string's bytes through ``fix_fontname_bytes``)."""
    value = resolve1(descriptor.get("FontName", "unknown"))
    if isinstance(value, PSLiteral):
        return literal_name(value)
    if isinstance(value, bytes):
        return fix_fontname_bytes(value)
    return str(value)


class _PdfminerQuiet:
    """pdfminer's warnings while it reads dictionaries for PDFium's sake are not news about
    the file: the pdfplumber reader, not this one, reports data pdfminer lost."""

    def __enter__(self) -> _PdfminerQuiet:
        self.logger = logging.getLogger(plumber.PDFMINER_LOGGER)
        self.disabled = self.logger.disabled
        self.logger.disabled = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.disabled = self.disabled


# --- shapes --------------------------------------------------------------------------------------

def _walk(page: int, frame: _Frame, faces: _Faces) -> tuple[list[dict], list[dict]]:
    """The page's objects PDFium's text page does not give: its painted paths, as pdfplumber's
    rect, line and curve dicts, and the spaces it leaves out (a text object drawing no ink,
    as a browser draws each space, is dropped whole), as char dicts; in drawing order, those
    inside forms too, through the forms' matrices."""
    shapes: list[dict] = []
    spaces: list[dict] = []
    bounds = [ctypes.c_float() for _ in range(BOX_NUMBERS)]
    pbounds = [ctypes.byref(v) for v in bounds]

    def walk(objects: Iterator[int], outer: Matrix) -> None:
        for obj in objects:
            kind = _P.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                shapes.extend(_path(obj, _mult(_object_matrix(obj), outer), frame))
            elif kind == raw.FPDF_PAGEOBJ_TEXT:
                _P.FPDFPageObj_GetBounds(obj, *pbounds)
                if abs(bounds[2].value - bounds[0].value) < INKLESS:
                    spaces.append(_inkless(obj, _mult(_object_matrix(obj), outer), faces, frame))
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                shapes.append(_image(_mult(_object_matrix(obj), outer), frame))
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                inner = (_P.FPDFFormObj_GetObject(obj, j) for j in range(_P.FPDFFormObj_CountObjects(obj)))
                walk(inner, _mult(_object_matrix(obj), outer))

    walk((_P.FPDFPage_GetObject(page, i) for i in range(_P.FPDFPage_CountObjects(page))), IDENTITY)
    return shapes, spaces


def _image(matrix: Matrix, frame: _Frame) -> dict:
    """Where an image object paints: its unit square through its matrix, as pdfminer's LTImage
    box in pdfplumber's coordinates."""
    a, b, c, d, e, f = frame.device(matrix)
    xs = [e, a + e, c + e, a + c + e]
    ys = [f, b + f, d + f, b + d + f]
    height, x_shift, top_shift = frame.height, frame.x_shift, frame.top_shift
    return {"object_type": "image", "x0": min(xs) + x_shift, "x1": max(xs) + x_shift,
            "top": height - max(ys) + top_shift, "bottom": height - min(ys) + top_shift}


def _inkless(obj: int, matrix: Matrix, faces: _Faces, frame: _Frame) -> dict:
    """A text object that draws no ink, as the space it (most likely) is: at its origin (its
    matrix's e, f), one space of its font wide (PDFium does not say what it holds)."""
    size = ctypes.c_float()
    _P.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    font = _P.FPDFTextObj_GetFont(obj) or 0
    fontsize = float(size.value)
    return _char(" ", matrix, _space_advance(font, fontsize), fontsize, faces.of(font), frame)


def _object_matrix(obj: int) -> Matrix:
    m = raw.FS_MATRIX()
    _P.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _path(obj: int, matrix: Matrix, frame: _Frame) -> Iterator[dict]:
    """One path object as pdfminer paints it; its fill colour as RGBA (pdfminer gives it in
    its colour space: only equal or not matters)."""
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    _P.FPDFPath_GetDrawMode(obj, ctypes.byref(fillmode), ctypes.byref(stroke))
    colour = None
    if fillmode.value:
        rgba = [ctypes.c_uint() for _ in range(COLOUR_CHANNELS)]
        _P.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in rgba))
        colour = tuple(v.value for v in rgba)
    yield from _painted(_operations(obj, frame.device(matrix)), bool(stroke.value), bool(fillmode.value), colour,
                        frame)


def _operations(obj: int, matrix: Matrix) -> list[tuple]:
    """The path as pdfminer's operations, in device space: ("m", p), ("l", p), ("c", p1, p2,
    p3), ("h",). PDFium writes ``h`` as a closing flag on the last point, after a line back to
    the start where the path was not there already; pdfminer drops such a line before ``h``."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(x), ctypes.byref(y)
    segment_of, point_of, kind_of, closes = (_P.FPDFPath_GetPathSegment, _P.FPDFPathSegment_GetPoint,
                                             _P.FPDFPathSegment_GetType, _P.FPDFPathSegment_GetClose)
    ops: list[tuple] = []
    bezier: list[Point] = []
    for j in range(_P.FPDFPath_CountSegments(obj)):
        segment = segment_of(obj, j)
        point_of(segment, px, py)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = kind_of(segment)
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier.append(point)
            if len(bezier) < BEZIER_POINTS:
                continue
            ops.append(("c", *bezier))
            bezier = []
        elif kind == raw.FPDF_SEGMENT_MOVETO:
            ops.append(("m", point))
        else:
            ops.append(("l", point))
        if closes(segment):
            ops.append(("h",))
    return ops


def _painted(ops: list[tuple], stroke: bool, fill: bool, colour: object, frame: _Frame) -> Iterator[dict]:
    """pdfminer's ``PDFLayoutAnalyzer.paint_path``: each subpath (from a move to the next) as
    a line (two points), a rect (four points at right angles, closed), or a curve."""
    shape = "".join(op[0] for op in ops)
    if shape[:1] != "m":
        return
    if shape.count("m") > 1:
        for found in re.finditer(r"m[^m]+", shape):
            yield from _painted(ops[found.start():found.end()], stroke, fill, colour, frame)
        return
    pts = [op[-1] if op[0] != "h" else ops[0][-1] for op in ops]
    if shape.endswith("lh") and shape != "mlh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind, pts = "line", pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), end = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == end and square:
            kind, pts = "rect", [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
    yield _shape_dict(kind, pts, stroke, fill, colour, frame)


def _shape_dict(kind: str, pts: list[Point], stroke: bool, fill: bool, colour: object, frame: _Frame) -> dict:
    """A pdfminer LTCurve (its box that of its points) as pdfplumber's dict."""
    x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
    x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
    height, x_shift, top_shift = frame.height, frame.x_shift, frame.top_shift
    top = height - y1 + top_shift
    return {
        "object_type": kind, "x0": x0 + x_shift, "x1": x1 + x_shift, "y0": y0, "y1": y1,
        "top": top, "bottom": height - y0 + top_shift, "doctop": top, "width": x1 - x0, "height": y1 - y0,
        "pts": [(x + x_shift, top_shift + height - y) for x, y in pts],
        "stroke": stroke, "fill": fill, "non_stroking_color": colour,
    }
