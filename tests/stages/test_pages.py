"""PDF file -> pages: hand-made PDFs, written byte by byte here, read by ``read_pages``.

Glyphs come back in top-left coordinates, once each and upright only; drawn shapes are
sorted into rules, boxes and marks by size; every bad input is a ``DocumentError`` whose
``problem`` says what is wrong and what to do.
"""

from __future__ import annotations

import shutil
from hashlib import md5
from pathlib import Path

import pytest

from factextract.errors import DocumentError
from factextract.model import BBox
from factextract.stages import pages as pages_module
from factextract.stages.pages import MAX_MARK_SIZE, MIN_BOX_SIZE, read_pages

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


def make_pdf(*contents: str, sizes=None, encrypt: str = "", owner_only=False) -> bytes:
    """A minimal PDF: one page per content stream (A4 unless ``sizes``), the fonts F1-F3, an
    xref table; ``encrypt``: a raw /Encrypt dictionary; ``owner_only``: RC4-40 encryption
    with an empty user password (an owner password only, as "no copying" PDFs have)."""
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
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                    f"/Resources << /Font << {fonts} >> >> /Contents {4 + 2 * i} 0 R >>")
        objs.append(content.encode("latin-1"))  # bytes: a content stream
    objs += [f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} >>" for base in FONTS.values()]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        if isinstance(body, bytes):  # a content stream, encrypted with its object's own key
            data = body
            if key:
                data = rc4(md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10], data)
            body = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)
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


def read_one(tmp_path: Path, content: str):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(make_pdf(content))
    (page,), page_count = read_pages(path)
    assert page_count == 1
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
    ("(cid:3)", False), ("(cid:123)", False),           # no Unicode mapping
    ("\u200b", False), ("\ufeff", False), ("\u2060", False),  # zero-width and format characters
    ("\t", False), ("", False),
])
def test_only_glyphs_that_write_text_are_kept(glyph, is_text):
    assert pages_module._is_text(glyph) is is_text


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
], ids=["thin-wide", "thin-tall", "thin-min-length", "tick", "speck", "bullet", "max-mark", "in-between",
        "filled-box", "stroked-box", "narrow-box", "stroked-across", "stroked-down", "curved-box"])
def test_a_drawn_shape_is_a_rule_a_box_a_mark_or_nothing_by_its_size(tmp_path, ops, kind, bbox):
    page = read_one(tmp_path, ops)
    found = {RULE: page.rules, BOX: page.rects, MARK: page.marks}
    assert found == {k: (bbox,) if k == kind else () for k in (RULE, BOX, MARK)}


def test_rules_are_sorted_by_orientation(tmp_path):
    page = read_one(tmp_path, "50 100 200 1 re f 300 100 1 200 re f 50 500 m 250 500 l S 400 100 m 400 300 l S")
    assert page.horizontal_rules == (BBox(50, 741, 250, 742), BBox(50, 342, 250, 342))
    assert page.vertical_rules == (BBox(300, 542, 301, 742), BBox(400, 542, 400, 742))


def test_every_page_is_read_with_its_number_and_size(tmp_path):
    path = tmp_path / "three.pdf"
    path.write_bytes(make_pdf(text("one", 72, 700), text("two", 72, 500), text("three", 72, 700),
                              sizes=[A4, (842, 595), (612, 792)]))
    pages, page_count = read_pages(path)
    assert page_count == 3
    assert [(p.number, p.width, p.height) for p in pages] == [(1, 595, 842), (2, 842, 595), (3, 612, 792)]
    assert ["".join(c.text for c in p.chars) for p in pages] == ["one", "two", "three"]
    assert [p.chars[0].baseline for p in pages] == [142, 95, 92]  # from each page's own top


def test_only_the_first_max_pages_are_read_but_every_page_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(pages_module, "MAX_PAGES", 2)
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(*(text(f"page {n}", 72, 700) for n in (1, 2, 3))))
    pages, page_count = read_pages(path)
    assert page_count == 3
    assert [(p.number, "".join(c.text for c in p.chars)) for p in pages] == [(1, "page 1"), (2, "page 2")]


def test_a_pdf_without_pages_reads_as_no_pages(tmp_path):
    path = tmp_path / "none.pdf"
    path.write_bytes(make_pdf())
    assert read_pages(path) == ((), 0)


def test_an_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    path = tmp_path / "no-copying.pdf"
    path.write_bytes(make_pdf(text("Hello", 72, 700), owner_only=True))
    (page,), _ = read_pages(path)
    assert "".join(c.text for c in page.chars) == "Hello"


@pytest.mark.parametrize("junk, reads", [(b"%!junk\n" * 10, True), (b"x" * pages_module.HEADER_SEARCH_BYTES, False)],
                         ids=["after-a-few-bytes", "too-late"])
def test_the_pdf_header_is_looked_for_in_the_first_bytes_only(tmp_path, junk, reads):
    path = tmp_path / "late-header.pdf"
    path.write_bytes(junk + make_pdf(text("Hi", 72, 700)))
    if reads:
        assert read_pages(path)[1] == 1
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
    (write(GOOD[: len(GOOD) // 2]), "unreadable PDF (", "; it may be damaged: re-export or repair the file"),
    (write(b"%PDF-1.4\n"), "corrupt PDF: ", "; re-export or repair the file"),
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
