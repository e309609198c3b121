"""PDF file -> pages with PDFium: the same page model as the pdfplumber reader.

Each case reads one PDF with both readers and compares their pages: the glyphs (text, font,
size, box, baseline), the rules, boxes and marks, the tables and the warnings. The PDFs are
the samples and the hand-made PDFs of ``test_pages.py``, written byte by byte.

Where the readers cannot agree exactly the tolerance is named here with its reason:

- PDFium lays out a text object's glyphs with the font's widths in whole thousandths of an
  em (pdfminer keeps the file's fractions), so a glyph's x drifts along a line by up to
  X_DRIFT points from pdfminer's;
- PDFium computes in single precision: sizes on a rounding boundary (9.195) may round the
  other way (SIZE_TOLERANCE), boxes and rules differ by float noise (SHAPE_TOLERANCE).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from conftest import SAMPLES, sample_names
from factextract.errors import DocumentError
from factextract.model import BBox, Page, PdfRead
from factextract.stages import pdfium_pages
from factextract.stages.pages import (
    ENCRYPTION_UNREADABLE, NEEDS_PASSWORD, PAGE_SIZE_ASSUMED, ROTATED_TEXT_ONLY, read_pages,
)
from factextract.stages.pdfium_pages import read_pages_pdfium
from stages.test_pages import ATTACHMENTS_ONLY, ENCRYPTED, GOOD, make_pdf, text

# How far a glyph's x may stand from pdfminer's (points): PDFium's whole-thousandth widths,
# summed along a line (the samples' worst is 0.94).
X_DRIFT = 1.0
# Vertical positions come from the font's descent and the text matrix, the same numbers for
# both readers: they agree but for float noise (points).
Y_TOLERANCE = 0.05
# Sizes are rounded to 0.01: single-precision noise tips 9.195 either way.
SIZE_TOLERANCE = 0.011
# Rules, boxes, marks and table cells (points).
SHAPE_TOLERANCE = 0.05
# The glyph texts PDFium cannot tell apart: a ligature mapped to its letters ("fi") or to
# its code point ("ﬁ") comes out of PDFium decomposed either way, and is put back together
# as the code point; a hyphen ending a line is one mark, whether a hyphen or a soft hyphen
# was drawn.
SAME_TEXT = {"fi": "\ufb01", "ff": "\ufb00", "fl": "\ufb02", "ffi": "\ufb03", "ffl": "\ufb04", "\u00ad": "-"}


def both(tmp_path: Path, data: bytes) -> tuple[PdfRead, PdfRead]:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    return read_pages(path), read_pages_pdfium(path)


def _near(a: BBox, b: BBox, tolerance: float) -> bool:
    return max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top), abs(a.bottom - b.bottom)) <= tolerance


def assert_same_page(plumber: Page, pdfium: Page) -> None:
    """The pages agree glyph for glyph (in reading position, whatever the drawing order) and
    shape for shape, within the tolerances above."""
    assert (pdfium.number, pdfium.width, pdfium.height) == (plumber.number, plumber.width, plumber.height)
    assert pdfium.heavy_fonts == plumber.heavy_fonts

    def placed(page: Page) -> list:
        """The glyphs by reading position. Spaces drawn one after another (a CSS list
        marker's "·  ") count as one: PDFium's text page keeps one, and the pipeline reads a
        space only as a word boundary."""
        out = []
        for c in sorted(page.chars, key=lambda c: (round(c.baseline), c.bbox.x0)):
            if c.text == " " and out and out[-1].text == " " and round(out[-1].baseline) == round(c.baseline):
                continue
            out.append(c)
        return out

    ours, theirs = placed(plumber), placed(pdfium)
    assert [SAME_TEXT.get(c.text, c.text) for c in ours] == [c.text for c in theirs]
    for a, b in zip(ours, theirs):
        assert b.fontname == a.fontname, a
        assert math.isclose(b.size, a.size, abs_tol=SIZE_TOLERANCE), a
        assert abs(b.bbox.x0 - a.bbox.x0) <= X_DRIFT and abs(b.bbox.x1 - a.bbox.x1) <= X_DRIFT, (a, b)
        assert abs(b.bbox.top - a.bbox.top) <= Y_TOLERANCE and abs(b.bbox.bottom - a.bbox.bottom) <= Y_TOLERANCE, (a, b)
        assert abs(b.baseline - a.baseline) <= Y_TOLERANCE, (a, b)
    for kind in ("rects", "rules", "marks"):
        mine = sorted(getattr(plumber, kind), key=lambda r: (r.top, r.x0, r.bottom, r.x1))
        yours = sorted(getattr(pdfium, kind), key=lambda r: (r.top, r.x0, r.bottom, r.x1))
        assert len(yours) == len(mine), kind
        assert all(_near(a, b, SHAPE_TOLERANCE) for a, b in zip(mine, yours)), kind
    assert len(pdfium.tables) == len(plumber.tables)
    for a, b in zip(plumber.tables, pdfium.tables):
        assert [len(row) for row in b.rows] == [len(row) for row in a.rows]
        assert all(_near(x, y, SHAPE_TOLERANCE) for ra, rb in zip(a.rows, b.rows) for x, y in zip(ra, rb))


def assert_same_read(plumber: PdfRead, pdfium: PdfRead) -> None:
    assert (pdfium.page_count, pdfium.lost_pages, pdfium.warnings) == (
        plumber.page_count, plumber.lost_pages, plumber.warnings)
    assert (plumber.reader, pdfium.reader) == ("pdfplumber", "pdfium")
    assert len(pdfium.pages) == len(plumber.pages)
    for a, b in zip(plumber.pages, pdfium.pages):
        assert_same_page(a, b)


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_page_reads_the_same_with_pdfium(name):
    path = SAMPLES / f"{name}.pdf"
    assert_same_read(read_pages(path), read_pages_pdfium(path))


# --- hand-made pages: the geometry of pdfminer and pdfplumber, case by case --------------------

@pytest.mark.parametrize("content, boxes", [
    (text("Hello world", 72, 700) + text("Bold", 72, 650, "F2", 12), ""),
    (text("Hello", 72, 700), "/Rotate 90"),                          # every glyph sideways: dropped, said
    (text("Hello", 72, 700), "/Rotate 180"),
    (text("Hello", 72, 700) + text("W", 580, 500), "/CropBox [10 20 500 800] /TrimBox [30 30 560 800]"),
    ("BT /F1 10 Tf 80 Tz 1 Tc 3 Tw 72 700 Td (A B C) Tj ET", ""),   # scaling, char and word spacing
    ("BT /F1 1 Tf 12 0 0 12 72 700 Tm (Hello) Tj ET", ""),           # the size in the text matrix
    ("BT /F1 10 Tf 1 0 0.3 1 72 700 Tm (Hello) Tj ET", ""),          # slanted by the matrix (Word's italics)
    ("q 0.75 0 0 -0.75 0 842 cm BT /F1 16 Tf 1 0 0 -1 100 200 Tm (Hello) Tj ET Q", ""),  # a browser's flip
    (text("Body", 72, 700) + text("Stamp", 560, 300, turn="0 1 -1 0"), ""),  # a vertical stamp
    ("10 10 200 100 re S 300 300 50 50 re f 100 500 m 400 500 l S 100 600 m 400 600 l 400 620 l h S "
     "50 50 m 60 60 l 70 50 l 50 50 l f 20 700 4 4 re f 80 80 m 90 90 100 90 110 80 c S", ""),  # shapes
], ids=["fonts", "rotated-90", "rotated-180", "crop-and-trim", "spacing", "scaled-matrix", "slanted", "flipped",
        "vertical-stamp", "shapes"])
def test_a_hand_made_page_reads_the_same(tmp_path, content, boxes):
    assert_same_read(*both(tmp_path, make_pdf(content, boxes=boxes)))


def test_a_page_whose_media_box_is_offset_reads_the_same(tmp_path):
    data = make_pdf(text("Hello", 72, 700) + "100 100 200 50 re S").replace(
        b"/MediaBox [0 0 595 842]", b"/MediaBox [10 20 605 862]")
    assert_same_read(*both(tmp_path, data))


def test_the_warnings_are_the_pdfplumber_reader_s(tmp_path):
    rotated = both(tmp_path, make_pdf(text("Hello", 72, 700), boxes="/Rotate 90"))
    assert rotated[1].warnings == (ROTATED_TEXT_ONLY.format(glyphs=5),)
    unsized = both(tmp_path, make_pdf(text("Hello", 72, 700), media=False))
    assert unsized[1].warnings == (PAGE_SIZE_ASSUMED.format(pages="page 1", have="has"),)
    assert [(p.width, p.height) for p in unsized[1].pages] == [(612, 792)]
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(*(text(f"page {n}", 72, 700) for n in range(1, 6))))
    read = read_pages_pdfium(path, max_pages=2)
    assert (len(read.pages), read.page_count, read.warnings) == (2, 5, ("pages 3-5 not read (--max-pages 2)",))


def test_a_pdf_without_pages_reads_as_no_pages(tmp_path):
    path = tmp_path / "none.pdf"
    path.write_bytes(make_pdf())
    assert read_pages_pdfium(path) == PdfRead(pages=(), page_count=0, reader="pdfium")


def pdf_with_form(page_content: str, form_content: str, form_matrix: str) -> bytes:
    """One A4 page drawing /Fm1: a form XObject with its own /Matrix, drawing with Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> "
        b"/XObject << /Fm1 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page_content), page_content.encode()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [%s] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Length %d >>\nstream\n%s\nendstream" % (form_matrix.encode(), len(form_content), form_content.encode()),
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("inner", [
    "BT /F1 10 Tf 10 20 Td (Inside) Tj ET 10 10 100 50 re S 5 100 m 200 100 l S",
    "BT /F1 10 Tf 10 20 Td (In) Tj ( ) Tj (side) Tj ET",  # a space drawn on its own: no ink
], ids=["text-and-shapes", "space-on-its-own"])
def test_what_a_form_draws_is_placed_through_its_matrix(tmp_path, inner):
    assert_same_read(*both(tmp_path, pdf_with_form("q 2 0 0 2 50 60 cm /Fm1 Do Q", inner, "1 0 0 1 30 40")))


# --- what PDFium's text page does, undone --------------------------------------------------------

def pdf_with_to_unicode(mapped_to: str, content: str) -> bytes:
    """A page drawing with a font (not embedded, of two widths) whose /ToUnicode maps code 0x41
    ("A") to ``mapped_to`` (UTF-16BE, hex)."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            "1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <%s> endbfchar "
            "endcmap CMapName currentdict /CMap defineresource pop end end" % mapped_to).encode()
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content.encode()),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Ligatures /FirstChar 65 /LastChar 66 /Widths [600 700] "
        b"/ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ])


@pytest.mark.parametrize("mapped_to, read_as", [
    ("FB01", "\ufb01"),      # the ligature's code point: PDFium decomposes it, put back together
    ("00660069", "\ufb01"),  # its letters: one glyph all the same (pdfminer says "fi")
    ("FB05", "\ufb05"),      # long s + t, which fonts write for the "ft" ligature
], ids=["code-point", "letters", "long-s-t"])
def test_a_glyph_written_as_several_characters_is_one_glyph(tmp_path, mapped_to, read_as):
    plumber, pdfium = both(tmp_path, pdf_with_to_unicode(mapped_to, "BT /F1 20 Tf 72 700 Td (AB) Tj ET"))
    (a_plumber, b_plumber), (a_pdfium, b_pdfium) = plumber.pages[0].chars, pdfium.pages[0].chars
    assert (a_pdfium.text, b_pdfium.text) == (read_as, "B")
    assert _near(a_pdfium.bbox, a_plumber.bbox, Y_TOLERANCE) and _near(b_pdfium.bbox, b_plumber.bbox, Y_TOLERANCE)


def test_a_space_pdfium_drops_for_its_own_is_put_back_where_it_was_drawn(tmp_path):
    """A justified line: a drawn space, then a gap. PDFium generates a space there, at the
    drawn one's place, and drops the drawn one as a second space in a row."""
    plumber, pdfium = both(tmp_path, make_pdf("BT /F1 10 Tf 72 700 Td [(on) ( ) -600 (off)] TJ ET"))
    assert [c.text for c in pdfium.pages[0].chars] == ["o", "n", " ", "o", "f", "f"]
    assert_same_read(plumber, pdfium)


def test_a_hyphen_ending_a_line_stays_a_hyphen(tmp_path):
    """PDFium marks it U+0002 (and would drop it from its text)."""
    content = text("identi-", 72, 700) + text("fication", 72, 688)
    plumber, pdfium = both(tmp_path, make_pdf(content))
    assert "".join(c.text for c in pdfium.pages[0].chars) == "identi-fication"
    assert_same_read(plumber, pdfium)


# --- fonts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, fontname, descent", [
    ("libreoffice-congo-fr", "CAAAAA+LiberationSans", 0.0),        # its descriptor says 0: PDFium makes one up
    ("chromium-ghana-en", "BAAAAA+DejaVuSansCondensed", -0.23584),  # a composite font
    ("cameroun-fr", "AAAAAA+DejaVuSansCondensed", -0.2402344),      # a simple font: PDFium drops its prefix
])
def test_a_font_is_named_and_placed_as_its_dictionary_says(name, fontname, descent):
    page = read_pages_pdfium(SAMPLES / f"{name}.pdf").pages[0]
    char = next(c for c in page.chars if c.fontname == fontname and c.text.isalpha())
    assert char.bbox.bottom - char.baseline == pytest.approx(-descent * char.size, abs=Y_TOLERANCE)


def test_without_pdfminer_s_reading_pdfium_s_own_names_and_descents_stand_in(monkeypatch):
    """Where pdfminer cannot read the file's dictionaries (the pdfplumber reader fell back to
    PDFium), the text is read all the same, with PDFium's names (no subset prefix on a
    simple font's)."""
    monkeypatch.setattr(pdfium_pages._FontBook, "of", classmethod(lambda cls, path, count: cls([])))
    page = read_pages_pdfium(SAMPLES / "cameroun-fr.pdf").pages[0]
    plumber = read_pages(SAMPLES / "cameroun-fr.pdf").pages[0]
    assert sorted(c.text for c in page.chars) == sorted(SAME_TEXT.get(c.text, c.text) for c in plumber.chars)
    assert {c.fontname for c in page.chars} == {c.fontname.split("+", 1)[-1] for c in plumber.chars}


def test_a_huge_object_stream_is_not_handed_to_pdfminer(tmp_path):
    """pdfminer parses an object stream whole: past MAX_OBJECT_STREAM objects PDFium's values
    stand in rather than seconds of parsing."""
    path = tmp_path / "big.pdf"
    path.write_bytes(GOOD + b"\n%% << /Type /ObjStm /N 65000 /First 9 >>\n")
    assert pdfium_pages._FontBook.of(path, 1).pages == []
    path.write_bytes(GOOD)
    assert len(pdfium_pages._FontBook.of(path, 1).pages) == 1


# --- files PDFium cannot open: the pdfplumber reader's messages ---------------------------------

@pytest.mark.parametrize("data, problem", [
    (b"", "empty file (0 bytes): not a PDF; was the download or copy interrupted?"),
    (b"<html><body>Fiche pays</body></html>\n", "not a PDF: the file holds text, with no %PDF header"),
    (b"%PDF-1.4\n", "unreadable PDF: PDFium cannot make sense of it, it may be damaged; repair it (e.g. with qpdf) "
                    "or re-export it, and run again"),
    (ENCRYPTED.read_bytes(), NEEDS_PASSWORD),
    (make_pdf(text("Hi", 72, 700), encrypt="/Encrypt << /Filter /Standard /V 9 /R 9 >>"),
     ENCRYPTION_UNREADABLE.format(reader="PDFium", what="version 9, revision 9")),
], ids=["empty", "text", "header-only", "password", "unknown-encryption"])
def test_a_file_pdfium_cannot_open_is_a_document_error_saying_what_to_do(tmp_path, data, problem):
    path = tmp_path / "input.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_pages_pdfium(path)
    assert caught.value.problem == problem


@pytest.mark.parametrize("data, read", [
    (make_pdf(text("Hello", 72, 700), owner_only=True), "Hello"),       # an owner password only
    (make_pdf(text("Hi", 72, 700), encrypt=ATTACHMENTS_ONLY), "Hi"),    # only its attachments encrypted
], ids=["owner-password", "attachments-only"])
def test_a_pdf_pdfium_decrypts_is_read(tmp_path, data, read):
    path = tmp_path / "input.pdf"
    path.write_bytes(data)
    assert "".join(c.text for c in read_pages_pdfium(path).pages[0].chars) == read


def test_a_page_pdfium_cannot_load_is_lost_and_the_others_are_read(tmp_path, monkeypatch):
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), text("two", 72, 700), text("three", 72, 700)))
    loaded = pdfium_pages.pypdfium2.PdfDocument.__getitem__

    def broken_page_2(document, index):
        if index == 1:
            raise pdfium_pages.pypdfium2.PdfiumError("Failed to load page.")
        return loaded(document, index)

    monkeypatch.setattr(pdfium_pages.pypdfium2.PdfDocument, "__getitem__", broken_page_2)
    read = read_pages_pdfium(path)
    assert [(p.number, "".join(c.text for c in p.chars)) for p in read.pages] == [(1, "one"), (3, "three")]
    assert read.lost_pages == ((2, "it is damaged"),)


@pytest.mark.parametrize("size, is_mark", [(6, True), (40, False)])
def test_a_small_painted_image_is_a_mark_read_the_same_by_both_readers(tmp_path, size, is_mark):
    # A bullet set as a picture: an inline 1x1 image painted over a size x size square at PDF
    # (100, 700), before a line of text. As small as a mark, it is one; a figure is not.
    content = f"q {size} 0 0 {size} 100 700 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \xff EI Q" + text("Un point", 112, 700)
    plumber, pdfium = both(tmp_path, make_pdf(content))
    assert_same_read(plumber, pdfium)
    want = (BBox(100, 842 - 700 - size, 100 + size, 842 - 700),) if is_mark else ()
    assert all(_near(a, b, SHAPE_TOLERANCE) for a, b in zip(plumber.pages[0].marks, want))
    assert len(plumber.pages[0].marks) == len(want)
