"""PDF file -> pages: hand-made PDFs, written byte by byte here, read by ``read_pages``.

Glyphs come back in top-left coordinates, once each and upright only; drawn shapes are
sorted into rules, boxes and marks by size; every bad input is a ``DocumentError`` whose
``problem`` says what is wrong and what to do.
"""

from __future__ import annotations

import logging
import math
import shutil
import zlib
from dataclasses import dataclass
from hashlib import md5
from pathlib import Path

import pytest

from factextract.errors import DocumentError
from factextract.model import BBox, PdfRead
from factextract.stages import pages as pages_module
from factextract.stages.pages import (
    BLEED, DUPLICATE_TOLERANCE, EDGE_TOLERANCE, HEAVIER_RATIO, MAX_MARK_SIZE, MIN_BOX_SIZE, MIN_COMPARED_LETTERS,
    MIN_TABLE_ROWS, RULE_COVER_SHARE, RULED_ROW_SHARE, TABLE_ROW_SHARE, read_pages,
)

ENCRYPTED = Path(__file__).resolve().parent.parent / "data" / "encrypted.pdf"
A4 = (595, 842)
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "ZapfDingbats"}  # standard 14, not embedded
# The padding of the PDF standard security handler (PDF 1.7, 7.6.3.3, algorithm 2).
PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
DOC_ID = b"factextract-test"


def rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


@dataclass(frozen=True)
class Stream:
    """A content stream as bytes, with more entries for its dictionary (a /Filter)."""

    data: bytes
    entries: str = ""


def make_pdf(*contents: str | Stream, sizes=None, encrypt: str = "", owner_only=False, boxes: str = "",
             media: bool = True) -> bytes:
    """A minimal PDF: one page per content stream (A4 unless ``sizes``), the fonts F1-F3, an
    xref table; ``encrypt``: a raw /Encrypt dictionary; ``owner_only``: RC4-40 encryption
    with an empty user password (an owner password only, as "no copying" PDFs have);
    ``boxes``: more entries for every page's dictionary (a /TrimBox, a /CropBox); ``media``:
    False for pages without a /MediaBox."""
    sizes = sizes or [A4] * len(contents)
    n = len(contents)
    fonts = " ".join(f"/{name} {3 + 2 * n + i} 0 R" for i, name in enumerate(FONTS))
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>"]
    owner, key = b"o" * 32, b""
    if owner_only:
        key = md5(PASSWORD_PAD + owner + (-4).to_bytes(4, "little", signed=True) + DOC_ID).digest()[:5]
        encrypt = (f"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <{owner.hex()}> "
                   f"/U <{rc4(key, PASSWORD_PAD).hex()}> >> /ID [<{DOC_ID.hex()}> <{DOC_ID.hex()}>]")
    for i, (content, (width, height)) in enumerate(zip(contents, sizes)):
        mediabox = f"/MediaBox [0 0 {width} {height}]" if media else ""
        objs.append(f"<< /Type /Page /Parent 2 0 R {mediabox} {boxes} "
                    f"/Resources << /Font << {fonts} >> >> /Contents {4 + 2 * i} 0 R >>")
        objs.append(content if isinstance(content, Stream) else Stream(content.encode("latin-1")))
    objs += [f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} >>" for base in FONTS.values()]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        if isinstance(body, Stream):  # a content stream, encrypted with its object's own key
            data = body.data
            if key:
                data = rc4(md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10], data)
            body = b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), body.entries.encode(), data)
        else:
            body = body.encode("latin-1")
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {encrypt} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text(s: str, x: float, y: float, font: str = "F1", size: float = 10, turn: str = "1 0 0 1") -> str:
    """Draw ``s`` with its origin at PDF (x, y); ``turn``: the text matrix's a b c d."""
    return f"BT /{font} {size} Tf {turn} {x} {y} Tm ({s}) Tj ET\n"


def read_one(tmp_path: Path, content: str, boxes: str = ""):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(make_pdf(content, boxes=boxes))
    read = read_pages(path)
    assert read.page_count == 1 and not read.lost_pages
    (page,) = read.pages
    return page


# descent: how far the glyph box reaches below the baseline, in font sizes (the font's AFM).
@pytest.mark.parametrize("font, size, x, y, fontname, kept_size, descent", [
    ("F1", 10, 72, 700, "Helvetica", 10.0, 0.207),
    ("F2", 9.957, 300.5, 100, "Helvetica-Bold", 9.96, 0.207),  # producers' 9.957 for 10
    ("F3", 12, 50, 800, "ZapfDingbats", 12.0, 0.0),
], ids=["helvetica", "bold-9.957", "zapfdingbats"])
def test_a_glyph_is_converted_once_to_a_top_left_origin_keeping_font_and_size(
        tmp_path, font, size, x, y, fontname, kept_size, descent):
    (ch,) = read_one(tmp_path, text("l", x, y, font, size)).chars
    assert (ch.text, ch.fontname, ch.size) == ("l", fontname, kept_size)
    assert ch.baseline == 842 - y
    assert ch.bbox.x0 == x
    assert ch.bbox.bottom == pytest.approx(842 - y + descent * size)
    assert ch.bbox.top == pytest.approx(ch.bbox.bottom - size)


@pytest.mark.parametrize("second, kept", [
    (text("A", 72, 700), [("A", 72.0, 142.0)]),                       # drawn twice over
    (text("A", 72.3, 700.3), [("A", 72.0, 142.0)]),                   # fake bold / shadow offset
    (text("A", 300, 700), [("A", 72.0, 142.0), ("A", 300.0, 142.0)]),  # same text, elsewhere
    (text("A", 72, 600), [("A", 72.0, 142.0), ("A", 72.0, 242.0)]),
    (text("B", 72, 700), [("A", 72.0, 142.0), ("B", 72.0, 142.0)]),   # other text, same place
], ids=["same-place", "shadow-offset", "elsewhere-on-the-line", "line-below", "other-text"])
def test_a_glyph_drawn_twice_at_one_place_is_kept_once(tmp_path, second, kept):
    page = read_one(tmp_path, text("A", 72, 700) + second)
    assert [(c.text, c.bbox.x0, c.baseline) for c in page.chars] == kept


@pytest.mark.parametrize("turn", ["0 1 -1 0", "0 -1 1 0"], ids=["up", "down"])
def test_rotated_vertical_text_is_dropped(tmp_path, turn):
    page = read_one(tmp_path, text("Body", 72, 700) + text("Stamp", 560, 300, turn=turn))
    assert "".join(c.text for c in page.chars) == "Body"


@pytest.mark.parametrize("x, kept", [
    (72, True),      # on the page
    (-200, False),   # left of the crop box: the facing page of a spread
    (700, False),    # right of it: the pasteboard
    (590, True),     # straddling the edge, its centre still on the page
], ids=["on-page", "facing-page", "pasteboard", "straddling"])
def test_text_outside_the_visible_page_is_not_read(tmp_path, x, kept):
    page = read_one(tmp_path, text("Body", 72, 700) + text("W", x, 500))
    assert ("W" in "".join(c.text for c in page.chars)) is kept


@pytest.mark.parametrize("glyph, is_text", [
    ("a", True), (" ", True), ("\u00ad", True),       # a soft hyphen marks a break
    ("(cid:3)", False), ("(cid:12)", False), ("(cid:123)", False),  # no Unicode mapping
    ("(cid:12)a", True),                               # not only an unmapped glyph
    ("\u200b", False), ("\ufeff", False), ("\u2060", False),  # zero-width and format characters
    ("\u200c", False), ("\u200d", False),              # zero-width non-joiner and joiner (Cf)
    ("\u200ba", True),                                 # a format character beside a letter
    ("\u00a0", False),                                 # a no-break space is text once made a space
    ("\t", False), ("", False),
])
def test_only_glyphs_that_write_text_are_kept(glyph, is_text):
    assert pages_module._is_text(glyph) is is_text


@pytest.mark.parametrize("glyph, read_as", [
    ("\u00a0", " "), ("\u202f", " "), ("\u2009", " "), ("\u2003", " "), ("\u3000", " "),  # any width of space
    (" ", " "),
    ("a", "a"), ("\u00ad", "\u00ad"),                    # other text is untouched
    ("\u200b", "\u200b"),                                 # a zero-width space is a format character, no space
    ("\t", "\t"),                                         # a control character is no drawn space
    ("\u00a0\u00a0", "\u00a0\u00a0"),                     # one glyph's text is one character
], ids=["no-break", "narrow-no-break", "thin", "em", "ideographic", "space", "letter", "soft-hyphen",
        "zero-width", "tab", "two-spaces"])
def test_a_drawn_space_of_any_width_is_a_space(glyph, read_as):
    """French sets a narrow no-break space before ":" and between digit groups: a word boundary."""
    assert pages_module._spaces_as_space(glyph) == read_as


# An "l" drawn at x=100 and slanted by 0.3 (Helvetica, 10 points; the font's AFM advance of
# "l" is 0.222 em): pdfminer's box runs from 99.379 to 104.599, as wide as the slant.
SLANTED_L = {"x0": 99.379, "x1": 104.599, "top": 134.0, "bottom": 144.0, "adv": 2.22}
HELVETICA_L = 0.222


@pytest.mark.parametrize("matrix, adv, x0, x1", [
    ((1, 0, 0.3, 1, 100, 700), 2.22, 100, 102.22),      # sheared: from its origin to its advance
    ((1, 0, -0.2, 1, 100, 700), 2.22, 100, 102.22),     # slanted back
    ((2, 0, 0.6, 2, 100, 700), 2.22, 100, 104.44),      # scaled: the advance is scaled with it
    ((1, 0, 0, 1, 100, 700), 2.22, 99.379, 104.599),     # upright: pdfminer's box
    ((-1, 0, 0.3, 1, 100, 700), 2.22, 99.379, 104.599),  # mirrored: pdfminer's box
    ((1, 0, 0.3, 1, 100, 700), None, 99.379, 104.599),   # no advance to go by
    (None, 2.22, 99.379, 104.599),                       # no matrix
], ids=["sheared", "back-slant", "scaled", "upright", "mirrored", "no-advance", "no-matrix"])
def test_a_sheared_glyph_spans_its_origin_and_advance(matrix, adv, x0, x1):
    """Word makes italics by shearing a roman face; the slanted boxes overlap and hide the
    word spaces, so a sheared glyph runs from its origin to where the next one starts."""
    box = pages_module._glyph_box({**SLANTED_L, "matrix": matrix, "adv": adv})
    assert (box.x0, box.top, box.x1, box.bottom) == pytest.approx((x0, 134.0, x1, 144.0))


def test_a_sheared_glyph_read_from_a_pdf_is_as_wide_as_its_upright_twin(tmp_path):
    slanted, upright = read_one(tmp_path, text("l", 100, 700, turn="1 0 0.3 1") + text("l", 200, 700)).chars
    assert (slanted.bbox.x0, slanted.bbox.x1) == pytest.approx((100, 100 + HELVETICA_L * 10))
    assert (upright.bbox.x0, upright.bbox.x1) == pytest.approx((200, 200 + HELVETICA_L * 10))


# A print PDF's trimmed page: A4 less 30 points on every side.
TRIMMED = BBox(30, 30, 565, 812)
TRIM_BOX = "/TrimBox [30 30 565 812]"


@pytest.mark.parametrize("x, y, on_page", [
    (TRIMMED.x0 + 0.5, 400, True), (TRIMMED.x0 - 0.5, 400, False),
    (TRIMMED.x1 - 0.5, 400, True), (TRIMMED.x1 + 0.5, 400, False),
    (300, TRIMMED.top + 0.5, True), (300, TRIMMED.top - 0.5, False),
    (300, TRIMMED.bottom - 0.5, True), (300, TRIMMED.bottom + 0.5, False),
])
def test_a_shape_is_on_the_page_when_its_centre_is_in_the_visible_area(x, y, on_page):
    """A word straddling the edge is judged by its centre, not by its ends."""
    assert pages_module._on_page(BBox(x - 40, y - 5, x + 40, y + 5), TRIMMED) is on_page


# Outside the trim box, inside the media box: a slug line under the page and a note beside it,
# and a crop mark (a rule) in the slug area.
PRINTER_MARKS = text("Slug", 40, 10) + text("N", 575, 400) + "40 15 200 0.5 re f\n"


@pytest.mark.parametrize("boxes, marks_kept", [
    (TRIM_BOX, False),
    ("", True),                              # no trim box: the whole page is seen
    ("/TrimBox [0 0 700 900]", True),        # a trim box larger than the page: the page
    ("/TrimBox [600 0 900 842]", True),      # a trim box with no part on the page: ignored
    ("/BleedBox [30 30 565 812]", True),     # only the trim box cuts the page down
], ids=["trim-box", "none", "larger-than-the-page", "off-the-page", "bleed-box-only"])
def test_glyphs_and_shapes_outside_the_trim_box_are_dropped(tmp_path, boxes, marks_kept):
    page = read_one(tmp_path, text("Body", 72, 700) + PRINTER_MARKS, boxes)
    assert "".join(c.text for c in page.chars) == ("BodySlugN" if marks_kept else "Body")
    assert len(page.rules) == marks_kept


RULE, BOX, MARK, NONE = "rules", "rects", "marks", None


@pytest.mark.parametrize("ops, kind, bbox", [
    ("50 100 200 1 re f", RULE, BBox(50, 741, 250, 742)),                    # thin and long
    ("50 100 1.5 80 re f", RULE, BBox(50, 662, 51.5, 742)),
    (f"50 100 1 {MIN_BOX_SIZE} re f", RULE, BBox(50, 736, 51, 742)),          # just long enough
    ("50 100 1 5 re f", NONE, None),                                          # a tick
    ("50 100 1 1 re f", NONE, None),                                          # a speck
    ("50 100 5 5 re f", MARK, BBox(50, 737, 55, 742)),                        # a drawn bullet
    (f"50 100 {MAX_MARK_SIZE} {MAX_MARK_SIZE} re f", MARK, BBox(50, 734, 58, 742)),
    ("50 100 10 4 re f", NONE, None),                     # too thick for a rule, too small for a box
    ("50 100 100 40 re f", BOX, BBox(50, 702, 150, 742)),
    ("50 100 100 40 re S", BOX, BBox(50, 702, 150, 742)),
    ("50 100 7 10 re f", BOX, BBox(50, 732, 57, 742)),                         # taller than a mark
    ("50 100 m 250 100 l S", RULE, BBox(50, 742, 250, 742)),                  # stroked lines
    ("50 100 m 50 300 l S", RULE, BBox(50, 542, 50, 742)),
    ("50 100 m 50 130 60 140 90 140 c 120 140 130 130 130 100 c f", BOX, BBox(50, 702, 130, 742)),
    # An open stroke (a drawing's lines) is no box; the same path closed is one.
    ("50 100 m 150 100 l 100 200 l S", NONE, None),
    ("50 100 m 150 100 l 100 200 l h S", BOX, BBox(50, 642, 150, 742)),
    ("50 100 m 150 100 l 100 200 l 50 100 l S", BOX, BBox(50, 642, 150, 742)),
    ("50 100 m 150 100 l 100 200 l f", BOX, BBox(50, 642, 150, 742)),          # filled: a shape, even open
], ids=["thin-wide", "thin-tall", "thin-min-length", "tick", "speck", "bullet", "max-mark", "in-between",
        "filled-box", "stroked-box", "narrow-box", "stroked-across", "stroked-down", "curved-box",
        "open-stroke", "closed-stroke", "stroked-back-to-start", "filled-open-path"])
def test_a_drawn_shape_is_a_rule_a_box_a_mark_or_nothing_by_its_size(tmp_path, ops, kind, bbox):
    page = read_one(tmp_path, ops)
    found = {RULE: page.rules, BOX: page.rects, MARK: page.marks}
    assert found == {k: (bbox,) if k == kind else () for k in (RULE, BOX, MARK)}


def test_rules_are_sorted_by_orientation(tmp_path):
    page = read_one(tmp_path, "50 100 200 1 re f 300 100 1 200 re f 50 500 m 250 500 l S 400 100 m 400 300 l S")
    assert page.horizontal_rules == (BBox(50, 741, 250, 742), BBox(50, 342, 250, 342))
    assert page.vertical_rules == (BBox(300, 542, 301, 742), BBox(400, 542, 400, 742))


# An open stroke's points (a triangle's two sides), top-left origin.
OPEN_STROKE = [(50.0, 742.0), (150.0, 742.0), (100.0, 642.0)]


@pytest.mark.parametrize("curve, encloses", [
    ({"fill": True, "stroke": False, "pts": OPEN_STROKE}, True),            # filled: a shape
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE}, False),           # an open polyline
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE + [(50.0, 742.0)]}, True),  # a closed polygon
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE + [(50 + DUPLICATE_TOLERANCE - 0.5, 742.0)]}, True),
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE + [(50 + DUPLICATE_TOLERANCE + 0.5, 742.0)]}, False),
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE + [(50.0, 742 - DUPLICATE_TOLERANCE + 0.5)]}, True),
    ({"fill": False, "stroke": True, "pts": OPEN_STROKE + [(50.0, 742 - DUPLICATE_TOLERANCE - 0.5)]}, False),
    ({"fill": False, "stroke": True, "pts": [(50.0, 742.0)]}, True),        # no path to judge by
    ({"fill": False, "stroke": True}, True),
], ids=["filled", "open", "closed", "closed-within-x", "open-past-x", "closed-within-y", "open-past-y",
        "one-point", "no-points"])
def test_a_curve_encloses_a_shape_when_filled_or_closed(curve, encloses):
    """The open strokes of a drawing behind the text say nothing of the layout."""
    assert pages_module._encloses(curve) is encloses


def off_the_edge(side: str, over: float) -> str:
    """A filled 200 x 100 box on A4 running ``over`` points past one of the page's edges."""
    x, y = {"left": (-over, 400), "right": (A4[0] - 200 + over, 400),
            "bottom": (200, -over), "top": (200, A4[1] - 100 + over)}[side]
    return f"{x} {y} 200 100 re f\n"


INSIDE = "300 300 100 100 re f\n" + text("Body", 72, 700)  # a box and a line of text on the page


@pytest.mark.parametrize("side", ["left", "right", "bottom", "top"])
@pytest.mark.parametrize("over, is_box", [(BLEED - 0.5, True), (BLEED + 0.5, False)], ids=["in-the-bleed", "past-it"])
def test_a_box_may_run_into_the_bleed_but_no_further(tmp_path, side, over, is_box):
    """A background printed to the bleed is a box; a shape running further off the page is
    art cut by the page's edge."""
    page = read_one(tmp_path, off_the_edge(side, over) + INSIDE)
    assert BBox(300, 442, 400, 542) in page.rects
    assert len(page.rects) == 1 + is_box


CARD, GREY, LIGHT = BBox(50, 100, 250, 200), 0.8, 0.9
LINE_FRAME = BBox(55, 110, 245, 125)  # a frame around one line of the card


@pytest.mark.parametrize("inner, colour, shows", [
    (LINE_FRAME, GREY, False),                                          # nested in its own fill
    (LINE_FRAME, LIGHT, True),                                          # another fill: its edges show
    (LINE_FRAME, None, True),                                           # stroked, not filled
    (BBox(CARD.x0 - DUPLICATE_TOLERANCE + 0.5, 110, 245, 125), GREY, False),  # flush, give or take
    (BBox(CARD.x0 - DUPLICATE_TOLERANCE - 0.5, 110, 245, 125), GREY, True),   # running out of the card
    (CARD, GREY, True),                                                 # the card drawn twice
], ids=["same-fill", "other-fill", "stroked", "within-tolerance", "past-tolerance", "same-box"])
def test_a_filled_box_inside_a_box_of_its_own_fill_shows_no_edges(inner, colour, shows):
    """InDesign draws a frame per line inside its card: nothing shows between the lines."""
    drawn = [(CARD, {"name": "card"}), (inner, {"name": "inner"})]
    fills = [(CARD, GREY)] + ([(inner, colour)] if colour is not None else [])
    showing = [obj["name"] for _, obj in pages_module._showing(drawn, fills)]
    assert showing == (["card", "inner"] if shows else ["card"])


# --- ruled tables -------------------------------------------------------------------------

# Two rows of text 100 points wide, 10 points high, 2 apart; edges are (y, x0, x1).
WIDTH = (0.0, 100.0)
UPPER, LOWER = BBox(0, 0, 100, 10), BBox(0, 12, 100, 22)
COVER = RULE_COVER_SHARE * 100


@pytest.mark.parametrize("edges, ruled", [
    ([(11, 0, 100)], True),                                          # a rule across the table
    ([], False),                                                     # nothing drawn between
    ([(11, 0, 50), (11, 50, 100)], True),                            # cells' borders end to end
    ([(11, 0, 60), (11, 40, 100)], True),                            # overlapping pieces
    ([(11, 0, COVER + 0.5)], True), ([(11, 0, COVER - 0.5)], False),   # RULE_COVER_SHARE of the width
    ([(11, 0, 50), (11, 0, 50)], False),                             # a piece drawn twice counts once
    ([(11, -100, 50)], False),                                       # only the part over the table counts
    ([(UPPER.bottom - EDGE_TOLERANCE + 0.5, 0, 100)], True),          # on a row's bound, give or take
    ([(UPPER.bottom - EDGE_TOLERANCE - 0.5, 0, 100)], False),
    ([(LOWER.top + EDGE_TOLERANCE - 0.5, 0, 100)], True),
    ([(LOWER.top + EDGE_TOLERANCE + 0.5, 0, 100)], False),
], ids=["across", "none", "end-to-end", "overlapping", "cover-enough", "cover-short", "drawn-twice",
        "beside-the-table", "above-within", "above-past", "below-within", "below-past"])
def test_rows_are_ruled_off_by_edges_across_the_table(edges, ruled):
    """Cards side by side line up like cells, but no rule runs across them between lines."""
    assert pages_module._ruled([UPPER, LOWER], edges, WIDTH) is ruled


@pytest.mark.parametrize("overlap, ruled", [(EDGE_TOLERANCE + 0.5, True), (EDGE_TOLERANCE - 0.5, False)],
                         ids=["overlapping-rows", "rows-apart"])
def test_overlapping_rows_are_one_row_of_the_page(overlap, ruled):
    """A cell spanning two rows makes them overlap: there is no bound between them to rule."""
    lower = BBox(0, UPPER.bottom - overlap, 100, UPPER.bottom - overlap + 10)
    assert pages_module._ruled([UPPER, lower], [], WIDTH) is ruled


BOUNDS = 10  # between 11 rows
MOST_UNRULED = BOUNDS - math.ceil(RULED_ROW_SHARE * BOUNDS)


@pytest.mark.parametrize("unruled, ruled", [(MOST_UNRULED, True), (MOST_UNRULED + 1, False)])
def test_ruled_row_share_of_the_bounds_must_be_ruled(unruled, ruled):
    rows = [BBox(0, 12 * i, 100, 12 * i + 10) for i in range(BOUNDS + 1)]
    edges = [(12 * i + 11, 0, 100) for i in range(BOUNDS - unruled)]
    assert pages_module._ruled(rows, edges, WIDTH) is ruled


# A grid of cells CELL_W x CELL_H points, its top left corner at PDF (GRID_X, GRID_Y).
GRID_X, GRID_Y, CELL_W, CELL_H = 50, 700, 100, 20


def grid(rows: int, cols: int, draw: str = "re", step: float = 0.0) -> str:
    """The grid's cells as stroked boxes (``re S``), or its rules as line segments (``m l S``);
    ``step``: each column set this many points lower than the one on its left."""
    if draw == "lines":
        right, bottom = GRID_X + cols * CELL_W, GRID_Y - rows * CELL_H
        across = [f"{GRID_X} {y} m {right} {y} l S\n" for y in (GRID_Y - r * CELL_H for r in range(rows + 1))]
        down = [f"{x} {GRID_Y} m {x} {bottom} l S\n" for x in (GRID_X + c * CELL_W for c in range(cols + 1))]
        return "".join(across + down)
    return "".join(f"{GRID_X + c * CELL_W} {GRID_Y - (r + 1) * CELL_H - step * c} {CELL_W} {CELL_H} re S\n"
                   for r in range(rows) for c in range(cols))


def cell_texts(filled, step: float = 0.0) -> str:
    """A word in each cell listed: ``filled[row]`` are the columns holding text in that row."""
    return "".join(text(f"r{r}c{c}", GRID_X + c * CELL_W + 5, GRID_Y - (r + 1) * CELL_H + 6 - step * c)
                   for r, cols in enumerate(filled) for c in cols)


def cell(row: int, col: int) -> BBox:
    """A cell of the grid, top-left origin."""
    x, top = GRID_X + col * CELL_W, A4[1] - GRID_Y + row * CELL_H
    return BBox(x, top, x + CELL_W, top + CELL_H)


@pytest.mark.parametrize("draw", ["re", "lines"], ids=["cell-boxes", "line-segments"])
def test_a_ruled_grid_with_text_in_its_cells_is_a_table_of_its_rows(tmp_path, draw):
    rows, cols = MIN_TABLE_ROWS, 3
    page = read_one(tmp_path, grid(rows, cols, draw) + cell_texts([range(cols)] * rows))
    (table,) = page.tables
    assert table.rows == tuple(tuple(cell(r, c) for c in range(cols)) for r in range(rows))
    assert table.bbox == BBox.around([cell(0, 0), cell(rows - 1, cols - 1)])
    assert page.cell_of(page.chars[0].bbox) == (0, 0, 0)  # "r0c0"


@pytest.mark.parametrize("with_two, is_table", [(MIN_TABLE_ROWS, True), (MIN_TABLE_ROWS - 1, False)])
def test_a_table_has_min_table_rows_rows_with_text_in_two_cells(tmp_path, with_two, is_table):
    filled = [(0, 1)] * with_two + [()] * (MIN_TABLE_ROWS - with_two)  # rows without text do not count
    page = read_one(tmp_path, grid(MIN_TABLE_ROWS, 2) + cell_texts(filled))
    assert len(page.tables) == is_table


# The most rows with text in one cell that MIN_TABLE_ROWS rows with text in two still outweigh.
MOST_SINGLE_ROWS = max(n for n in range(20) if MIN_TABLE_ROWS >= TABLE_ROW_SHARE * (MIN_TABLE_ROWS + n))


@pytest.mark.parametrize("singles, is_table", [(MOST_SINGLE_ROWS, True), (MOST_SINGLE_ROWS + 1, False)])
def test_table_row_share_of_the_rows_with_text_hold_it_in_two_cells(tmp_path, singles, is_table):
    filled = [(0, 1)] * MIN_TABLE_ROWS + [(0,)] * singles
    page = read_one(tmp_path, grid(len(filled), 2) + cell_texts(filled))
    assert len(page.tables) == is_table


def test_a_grid_with_text_in_one_cell_per_row_is_no_table(tmp_path):
    """A framed list, a form's labels: ruled, but no row of data."""
    rows = MIN_TABLE_ROWS + 2
    page = read_one(tmp_path, grid(rows, 3) + cell_texts([(r % 3,) for r in range(rows)]))
    assert page.tables == ()


@pytest.mark.parametrize("gap", [0, 10], ids=["touching", "apart"])
def test_cards_side_by_side_are_no_table(tmp_path, gap):
    """Two framed cards, four lines of text each: only their outer boxes are drawn."""
    content = "".join(f"{x} 620 200 80 re S\n" + "".join(text(f"card line {i}", x + 5, 686 - 20 * i) for i in range(4))
                      for x in (50, 250 + gap))
    page = read_one(tmp_path, content)
    assert len(page.rects) == 2 and page.tables == ()


@pytest.mark.parametrize("step, is_table", [(EDGE_TOLERANCE - 0.5, True), (EDGE_TOLERANCE + 0.5, False)])
def test_columns_whose_rules_do_not_line_up_are_no_table(tmp_path, step, is_table):
    """Three columns of boxes, each set ``step`` points lower than the last: pdfplumber's finder
    snaps them into one grid either way (its snap tolerance is 3 points), but past
    EDGE_TOLERANCE no drawn edge runs across the rows' bounds."""
    rows = MIN_TABLE_ROWS
    page = read_one(tmp_path, grid(rows, 3, step=step) + cell_texts([range(3)] * rows, step=step))
    assert len(page.tables) == is_table


def cards_framed_line_by_line(frame_grey: float) -> str:
    """Two cards side by side, filled grey, with a frame around each of their four lines
    filled ``frame_grey`` (InDesign draws one frame per line)."""
    out = ""
    for x in (50, 250):
        out += f"{GREY} g {x} 620 200 80 re f\n"
        out += "".join(f"{frame_grey} g {x} {680 - 20 * i} 200 20 re f\n" for i in range(4))
    return out + "0 g\n" + "".join(text(f"line {i}", x + 5, 686 - 20 * i) for x in (50, 250) for i in range(4))


@pytest.mark.parametrize("frame_grey, is_table", [(GREY, False), (LIGHT, True)], ids=["card-fill", "other-fill"])
def test_frames_in_their_cards_fill_are_no_rules(tmp_path, frame_grey, is_table):
    page = read_one(tmp_path, cards_framed_line_by_line(frame_grey))
    assert len(page.tables) == is_table


# --- bold faces told by their widths ------------------------------------------------------

def glyph(letter: str, font: str, width: float, size: float = 10.0) -> dict:
    """A pdfplumber char of ``letter`` whose advance is ``width`` ems."""
    return {"text": letter, "fontname": font, "matrix": (1, 0, 0, 1, 0, 0), "adv": width * size, "size": size}


BODY_LETTERS = "abcdefghij"


def font_widths(other_letters: str, ratio: float):
    """Body text set three times over the BODY_LETTERS, half an em each, and ``other_letters``
    set once in "Other", ``ratio`` times as wide."""
    widths = pages_module._FontWidths()
    for letter in BODY_LETTERS * 3:
        widths.add(glyph(letter, "Body", 0.5))
    for letter in other_letters:
        widths.add(glyph(letter, "Other", 0.5 * ratio, size=12.0))  # widths are per point of size
    return widths


@pytest.mark.parametrize("letters, ratio, heavy", [
    (BODY_LETTERS[:MIN_COMPARED_LETTERS], HEAVIER_RATIO + 0.005, True),
    (BODY_LETTERS[:MIN_COMPARED_LETTERS], HEAVIER_RATIO - 0.005, False),   # an italic, a medium
    (BODY_LETTERS[:MIN_COMPARED_LETTERS - 1], 1.2, False),                 # too few letters to judge
    (BODY_LETTERS[:MIN_COMPARED_LETTERS - 1] + "xyz", 1.2, False),          # letters the body never sets
    ("12345", 1.2, False),                                                 # figures are no letters
], ids=["heavier", "not-heavier-enough", "too-few-letters", "unshared-letters", "figures"])
def test_a_font_set_heavier_ratio_times_wider_than_the_body_is_heavy(letters, ratio, heavy):
    """Bold faces run 4-25 % wider than their roman, whatever the font is named."""
    assert font_widths(letters, ratio).heavier_than_body() == (frozenset({"Other"}) if heavy else frozenset())


def test_the_body_font_is_the_one_most_glyphs_are_set_in():
    widths = font_widths(BODY_LETTERS * 4, 0.8)  # "Other" sets more glyphs: it is the body
    assert widths.heavier_than_body() == frozenset({"Body"})


def test_no_letters_no_heavy_fonts():
    assert pages_module._FontWidths().heavier_than_body() == frozenset()


# Letters Helvetica-Bold sets about 10 % wider than Helvetica (611 against 556 per 1000, AFM).
WIDER_IN_BOLD = "bdhnopqu"


@pytest.mark.parametrize("shared, heavy", [(MIN_COMPARED_LETTERS, {"Helvetica-Bold"}),
                                           (MIN_COMPARED_LETTERS - 1, set())])
def test_every_page_knows_the_fonts_set_wider_than_the_body(tmp_path, shared, heavy):
    """Judged over the whole document: a bold word on page 2 is heavy on page 1 too."""
    body = text((WIDER_IN_BOLD + " ") * 5, 50, 700)
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf(body, body + text(WIDER_IN_BOLD[:shared], 50, 600, font="F2")))
    pages = read_pages(path).pages
    assert [p.heavy_fonts for p in pages] == [frozenset(heavy)] * 2


def test_every_page_is_read_with_its_number_and_size(tmp_path):
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), text("two", 72, 500), text("three", 72, 700),
                              sizes=[A4, (842, 595), (612, 792)]))
    read = read_pages(path)
    pages = read.pages
    assert (read.page_count, read.lost_pages, read.warnings) == (3, (), ())
    assert [(p.number, p.width, p.height) for p in pages] == [(1, 595, 842), (2, 842, 595), (3, 612, 792)]
    assert ["".join(c.text for c in p.chars) for p in pages] == ["one", "two", "three"]
    assert [p.chars[0].baseline for p in pages] == [142, 95, 92]  # from each page's own top


def test_every_page_is_read_by_default(tmp_path):
    assert not hasattr(pages_module, "MAX_PAGES")
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(*(text(f"page {n}", 72, 700) for n in range(1, 46))))
    read = read_pages(path)
    assert (len(read.pages), read.page_count, read.warnings) == (45, 45, ())


@pytest.mark.parametrize("limit, kept, warning", [
    (2, 2, "pages 3-5 not read (--max-pages 2)"),
    (4, 4, "page 5 not read (--max-pages 4)"),
    (5, 5, None),
    (9, 5, None),
], ids=["three-left", "one-left", "exactly", "more-than-there-are"])
def test_max_pages_reads_the_first_pages_says_which_are_left_and_counts_them_all(tmp_path, limit, kept, warning):
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(*(text(f"page {n}", 72, 700) for n in range(1, 6))))
    read = read_pages(path, max_pages=limit)
    assert read.page_count == 5
    assert [(p.number, "".join(c.text for c in p.chars)) for p in read.pages] == [
        (n, f"page {n}") for n in range(1, kept + 1)]
    assert read.warnings == ((warning,) if warning else ())


def test_a_pdf_without_pages_reads_as_no_pages(tmp_path):
    path = tmp_path / "none.pdf"
    path.write_bytes(make_pdf())
    assert read_pages(path) == PdfRead(pages=(), page_count=0)


def test_an_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    path = tmp_path / "no-copying.pdf"
    path.write_bytes(make_pdf(text("Hello", 72, 700), owner_only=True))
    (page,) = read_pages(path).pages
    assert "".join(c.text for c in page.chars) == "Hello"


@pytest.mark.parametrize("junk, reads", [(b"%!junk\n" * 10, True), (b"x" * pages_module.HEADER_SEARCH_BYTES, False)],
                         ids=["after-a-few-bytes", "too-late"])
def test_the_pdf_header_is_looked_for_in_the_first_bytes_only(tmp_path, junk, reads):
    path = tmp_path / "late-header.pdf"
    path.write_bytes(junk + make_pdf(text("Hi", 72, 700)))
    if reads:
        assert read_pages(path).page_count == 1
    else:
        with pytest.raises(DocumentError, match="not a PDF: the file holds text, with no %PDF header"):
            read_pages(path)


def write(data: bytes):
    def make(tmp_path: Path) -> Path:
        path = tmp_path / "input.pdf"
        path.write_bytes(data)
        return path
    return make


def folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.pdf").mkdir()
    return tmp_path / "folder.pdf"


def encrypted_with_a_password(tmp_path: Path) -> Path:
    return Path(shutil.copy(ENCRYPTED, tmp_path / "secret.pdf"))


GOOD = make_pdf(text("Hello", 72, 700))
DECRYPT = "; decrypt it (e.g. qpdf --decrypt) and run again"


@pytest.mark.parametrize("make, starts, ends", [
    (write(b""), "empty file (0 bytes): not a PDF", "; was the download or copy interrupted?"),
    (write(b"<html><body>Fiche pays</body></html>\n"), "not a PDF: the file holds text", ", with no %PDF header"),
    (write(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "not a PDF: the file holds binary data", ", with no %PDF header"),
    (folder, "is a folder, not a PDF file", ""),
    (lambda tmp_path: tmp_path / "missing.pdf", "cannot be opened (No such file or directory)", ""),
    (lambda tmp_path: write(b"x")(tmp_path) / "inner.pdf", "cannot be opened (Not a directory)", ""),
    (write(GOOD[: len(GOOD) // 2]), "the PDF's structure is broken (the file ends in the middle of an object: it "
     "was probably cut short", f"; {pages_module.REPAIR} (pdfminer: Unexpected EOF)"),
    (write(b"%PDF-1.4\n"), "the PDF's structure is broken (its cross-reference table or catalog cannot be read)",
     f"; {pages_module.REPAIR} (pdfminer: No /Root object! - Is this really a PDF?)"),
    (encrypted_with_a_password, "encrypted PDF: it needs a password to open", DECRYPT),
    (write(make_pdf(text("Hi", 72, 700), encrypt="/Encrypt << /Filter /Standard /V 9 /R 9 >>")),
     "encrypted PDF with an encryption pdfminer cannot read (", DECRYPT),
], ids=["empty", "text", "binary", "folder", "missing", "under-a-file", "truncated", "header-only",
        "password", "unknown-encryption"])
def test_a_bad_input_is_a_document_error_saying_what_is_wrong_and_what_to_do(tmp_path, make, starts, ends):
    path = make(tmp_path)
    with pytest.raises(DocumentError) as caught:
        read_pages(path)
    assert caught.value.path == str(path)
    assert caught.value.problem.startswith(starts) and caught.value.problem.endswith(ends)
    assert "\n" not in caught.value.problem and "Traceback" not in caught.value.problem


# --- nothing silent: pages lost, data lost, text only PDFium sees --------------------------------

SHARED = Path(__file__).resolve().parents[3] / "shared"
RELIABILITY = SHARED / "reliability"
REALWORLD = SHARED / "realworld"


def shared_file(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared corpus of broken files is not on this machine)")
    return path


def ascii85_broken(content: str) -> Stream:
    """A content stream in ASCII85 with a letter ASCII85 has no digit for, as one bad byte
    makes it: pdfminer fails on it."""
    return Stream(b"9jqo^x" + content.encode("latin-1") + b"~>", "/Filter /ASCII85Decode")


def deflated(content: str, *, checksum_broken=False, garbage=False) -> Stream:
    """A FlateDecode content stream; ``checksum_broken``: its last bytes changed (pdfminer
    decompresses it but says it lost data); ``garbage``: not deflate data at all (pdfminer
    decompresses it to nothing and says nothing)."""
    data = zlib.compress(content.encode("latin-1"))
    if checksum_broken:
        data = data[:-2] + bytes(b ^ 0xFF for b in data[-2:])
    if garbage:
        data = bytes(range(7, 7 + len(data) + 40))
    return Stream(data, "/Filter /FlateDecode")


def test_a_page_that_cannot_be_read_is_named_and_the_others_are_read(tmp_path):
    path = tmp_path / "page-2-broken.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), ascii85_broken(text("two", 72, 700)), text("three", 72, 700)))
    read = read_pages(path)
    assert [(p.number, "".join(c.text for c in p.chars)) for p in read.pages] == [(1, "one"), (3, "three")]
    assert (read.page_count, read.lost_pages) == (3, ((2, "its content stream is corrupt"),))


def test_a_pdf_none_of_whose_pages_can_be_read_is_a_document_error(tmp_path):
    path = tmp_path / "all-broken.pdf"
    path.write_bytes(make_pdf(ascii85_broken(text("one", 72, 700)), ascii85_broken(text("two", 72, 700))))
    with pytest.raises(DocumentError) as caught:
        read_pages(path)
    assert caught.value.problem == ("no page could be read: pages 1-2 of 2 (its content stream is corrupt); the PDF "
                                    "is damaged: repair it (e.g. with qpdf) or re-export it, and run again")


def test_a_page_that_cannot_be_read_past_max_pages_is_not_read_and_costs_nothing(tmp_path):
    path = tmp_path / "broken-late.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), ascii85_broken(text("two", 72, 700))))
    read = read_pages(path, max_pages=1)
    assert (len(read.pages), read.lost_pages, read.warnings) == (1, (), ("page 2 not read (--max-pages 1)",))


@pytest.mark.parametrize("exc, reason", [
    (RecursionError(), pages_module.PAGE_LOOPS),
    (ValueError("no frame of pdfminer"), pages_module.PAGE_DAMAGED),
], ids=["loop", "unknown"])
def test_a_page_lost_gets_a_reason_a_person_understands(exc, reason):
    assert pages_module._page_reason(exc) == reason


def test_a_failure_in_factextract_s_own_page_code_is_named_as_such(tmp_path, monkeypatch):
    """Not blamed on the file: a page it costs is named as factextract's failure, and when it
    costs every page it is raised (process_file reports it as an unexpected failure)."""
    tables = pages_module._tables

    def broken_on_page_2(page, *args):
        if page.page_number == 2:
            raise TypeError("'NoneType' object is not iterable")
        return tables(page, *args)

    monkeypatch.setattr(pages_module, "_tables", broken_on_page_2)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), text("two", 72, 700)))
    assert read_pages(path).lost_pages == ((2, pages_module.PAGE_INTERNAL),)

    def broken(*args):
        raise TypeError("'NoneType' object is not iterable")

    monkeypatch.setattr(pages_module, "_tables", broken)
    with pytest.raises(TypeError):
        read_pages(path)


DATA_LOST_ON_1 = ("data lost while decompressing page 1's content (the file is damaged): some text may be "
                  "missing",)


@pytest.mark.parametrize("level", [logging.NOTSET, logging.ERROR], ids=["in-process", "batch-worker"])
def test_data_pdfminer_loses_while_decompressing_is_a_warning_wherever_it_runs(tmp_path, level, caplog):
    """A batch worker sets the "pdfminer" logger to ERROR; the warning is heard all the same,
    and the logger is left as it was found."""
    logger = logging.getLogger("pdfminer")
    before = (logger.level, logger.propagate, list(logger.handlers))
    logger.setLevel(level)
    try:
        path = tmp_path / "checksum.pdf"
        path.write_bytes(make_pdf(deflated(text("Hello", 72, 700), checksum_broken=True)))
        read = read_pages(path)
        assert read.warnings == DATA_LOST_ON_1
        assert "".join(c.text for c in read.pages[0].chars) == "Hello"
        assert (logger.level, logger.propagate, logger.handlers) == (level, before[1], before[2])
        # The record still goes where it went before: to the root's handlers in-process, nowhere
        # in a worker that asked for errors only.
        handed_on = [r for r in caplog.records if r.name.startswith("pdfminer") and "Data-loss" in r.getMessage()]
        assert len(handed_on) == (1 if level == logging.NOTSET else 0)
    finally:
        logger.setLevel(before[0])


def test_a_compressed_content_stream_lost_whole_is_a_warning_too(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(make_pdf(text("Hello", 72, 700), deflated(text("Gone", 72, 700), garbage=True)))
    read = read_pages(path)
    assert read.warnings == ("data lost while decompressing page 2's content (the file is damaged): some text may "
                             "be missing",)


def test_data_lost_on_several_pages_is_one_warning_naming_them(tmp_path):
    broken = deflated(text("Hello", 72, 700), checksum_broken=True)
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf(broken, text("fine", 72, 700), broken))
    assert read_pages(path).warnings == (
        "data lost while decompressing the content of pages 1 and 3 (the file is damaged): some text may be missing",)


def test_a_sound_pdf_has_no_warnings_and_an_empty_stream_is_no_loss(tmp_path):
    path = tmp_path / "sound.pdf"
    path.write_bytes(make_pdf(deflated(text("Hello", 72, 700)), deflated("")))
    assert read_pages(path).warnings == ()


def test_pdfium_is_asked_only_when_no_page_has_text_and_its_words_are_a_warning(tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(pages_module, "_pdfium_words", lambda path, numbers: asked.append(numbers) or 12)
    with_text, without = tmp_path / "text.pdf", tmp_path / "none.pdf"
    with_text.write_bytes(make_pdf(text("Hello", 72, 700)))
    without.write_bytes(make_pdf("0 0 m 100 100 l S\n", "0 0 m 100 100 l S\n"))
    assert read_pages(with_text).warnings == () and asked == []
    assert read_pages(without).warnings == (
        "pdfminer sees no text but PDFium reads 12 words: the file's structure may be damaged, try repairing it "
        "(e.g. qpdf) and run again",)
    assert asked == [[1, 2]]


def test_a_stream_whose_length_is_wrong_hides_its_text_from_pdfminer_not_from_pdfium(tmp_path):
    path = tmp_path / "length.pdf"
    path.write_bytes(make_pdf(text("Hello world again", 72, 700)).replace(b"<< /Length ", b"<< /Length 1", 1))
    assert read_pages(path).warnings == (pages_module.PDFIUM_READS_TEXT.format(words=3),)


def test_no_text_for_pdfium_either_is_no_warning_and_pdfium_failing_is_none(tmp_path):
    path = tmp_path / "drawing.pdf"
    path.write_bytes(make_pdf("0 0 m 100 100 l S\n"))
    assert read_pages(path).warnings == ()
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\nnothing else")
    assert pages_module._pdfium_words(garbage, [1]) is None


def test_text_all_rotated_is_said_and_pdfium_is_not_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(pages_module, "_pdfium_words", lambda *a: pytest.fail("PDFium asked"))
    path = tmp_path / "sideways.pdf"
    path.write_bytes(make_pdf(text("Sideways", 72, 700, turn="0 1 -1 0")))
    assert read_pages(path).warnings == (pages_module.ROTATED_TEXT_ONLY.format(glyphs=8),)


def test_a_page_without_a_media_box_is_read_as_us_letter_and_said(tmp_path):
    path = tmp_path / "no-mediabox.pdf"
    path.write_bytes(make_pdf(text("Hello", 72, 700), media=False))
    read = read_pages(path)
    assert [(p.width, p.height) for p in read.pages] == [(612, 792)]
    assert read.warnings == ("page 1 has no valid page size (MediaBox) and has been read as US Letter",)


ATTACHMENTS_ONLY = (
    "/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /O <" + "00" * 48 + "> /U <" + "00" * 48 + "> "
    "/OE <" + "00" * 32 + "> /UE <" + "00" * 32 + "> /Perms <" + "00" * 16 + "> "
    "/CF << /StdCF << /AuthEvent /EFOpen /CFM /AESV3 /Length 32 >> >> /StmF /Identity /StrF /Identity "
    "/EFF /StdCF >> /ID [<00> <00>]")


def test_a_pdf_whose_attachments_only_are_encrypted_is_not_called_password_protected(tmp_path):
    path = tmp_path / "attachments.pdf"
    path.write_bytes(make_pdf(text("Hi", 72, 700), encrypt=ATTACHMENTS_ONLY))
    with pytest.raises(DocumentError) as caught:
        read_pages(path)
    assert caught.value.problem == pages_module.ATTACHMENTS_ENCRYPTED
    assert "needs a password to open" not in caught.value.problem


# What Python says of itself, which no message to a person should hold.
PYTHON_INTERNALS = ("object is not", "NoneType", "PDFObjRef", "param=", "TypeError", "KeyError", "AttributeError",
                    "ValueError", "Traceback", "/'")


@pytest.mark.parametrize("name, starts", [
    ("pdf.js__auth-event-ef-open.pdf", "only the PDF's attachments are encrypted"),
    ("pdf.js__bug1782186.pdf", "encrypted PDF with an encryption pdfminer cannot read (version 4, revision 4, AESV2, "
                               "streams and strings encrypted differently)"),
    ("pdf.js__issue7665.pdf", "encrypted PDF with an encryption pdfminer cannot read (version 5, revision 6, AESV3: "
                              "pdfminer fails on its encryption dictionary)"),
    ("pdf.js__poppler-742-0-fuzzed.pdf", "the PDF's structure is broken (one of its objects cannot be parsed)"),
    ("pdf.js__PDFBOX-3148-2-fuzzed.pdf", "the PDF's structure is broken (a compressed stream holding its objects "
                                         "is corrupt)"),
])
def test_real_world_failures_are_said_about_the_file_not_about_python(name, starts):
    with pytest.raises(DocumentError) as caught:
        read_pages(shared_file(REALWORLD, name))
    problem = caught.value.problem
    assert problem.startswith(starts)
    assert not [bit for bit in PYTHON_INTERNALS if bit in problem], problem


def test_a_page_missing_its_media_box_no_longer_loses_the_file():
    """pdf.js's operator_list_cycle.pdf: pdfplumber failed on its page without a /MediaBox
    ("'NoneType' object is not iterable"), losing the whole file."""
    read = read_pages(shared_file(REALWORLD, "pdf.js__operator_list_cycle.pdf"))
    assert (read.page_count, len(read.pages), read.lost_pages) == (1, 1, ())


def test_one_bad_byte_on_page_3_costs_page_3_only():
    read = read_pages(shared_file(RELIABILITY, "partial-gabon-p3-a85.pdf"))
    assert [p.number for p in read.pages] == [1, 2]
    assert (read.page_count, read.lost_pages) == (3, ((3, "its content stream is corrupt"),))
    assert sum(len(p.chars) for p in read.pages) > 1000


def test_the_byte_flipped_file_carries_the_data_loss_warning():
    read = read_pages(shared_file(RELIABILITY, "silentloss-150-byteflip-nigeria-en.pdf"))
    assert DATA_LOST_ON_1[0] in read.warnings


def test_the_file_with_a_wrong_length_carries_the_pdfium_warning():
    read = read_pages(shared_file(RELIABILITY, "notext-054-length_corrupt-gambia-en.pdf"))
    assert read.warnings == (pages_module.PDFIUM_READS_TEXT.format(words=361),)
