"""Both readers, the whole pipeline: every sample gives the same tables read with pdfplumber or
with PDFium, and each one's ground truth with either.

A difference the readers cannot help is listed in ``EXPECTED_DIFFERENCES`` (per sample) or
``REALDOC_DIFFERENCES`` (per real document of ``../shared/realdocs``) with its reason; any
other fails. What the two readers' pages differ by, glyph by glyph, is tested (and its
tolerances explained) in ``tests/stages/test_pdfium_pages.py``.
"""

from __future__ import annotations

import dataclasses
import difflib

import pytest

from conftest import SAMPLES, SHARED, golden, sample_names
from factextract.errors import READ_WITH_PDFIUM, UsageError
from factextract.model import Factsheet
from factextract.pipeline import process_file
from factextract.readers import WHY_NO_TEXT, check_reader, read_pdf
from stages.test_pages import make_pdf, text
from test_golden import compare

REALDOCS = SHARED / "realdocs"

# Samples whose tables differ between the readers: name -> why. None do.
EXPECTED_DIFFERENCES: dict[str, str] = {}

# Real documents whose items differ between the readers: name -> why.
REALDOC_DIFFERENCES: dict[str, str] = {
    "cusd_school-newsletter-dragon-dispatch_en": (
        "its font maps the space glyph to '#' (pdfminer reads 'Drive#*#San#Jose'); where that glyph is "
        "drawn as a text object of its own it has no ink, and PDFium, which drops such an object from its "
        "text page without saying what it held, is read as drawing a space: four '#' ending lines are "
        "spaces in PDFium's reading"),
}


def tables_of(sheet: Factsheet) -> dict[str, object]:
    """What a sheet says, the reader aside: the rows of every table (items without the box
    they came from, which stays out of the tables)."""
    return {
        "status": sheet.status, "error": sheet.error, "warnings": sheet.warnings, "page_count": sheet.page_count,
        "info": sheet.info, "sections": sheet.sections, "footnotes": sheet.footnotes, "entities": sheet.entities,
        "items": tuple(dataclasses.replace(it, bbox=None) for it in sheet.items),
    }


def differences(plumber: Factsheet, pdfium: Factsheet) -> list[str]:
    """Every difference between the two readings, one readable line each."""
    a, b = tables_of(plumber), tables_of(pdfium)
    lines = [f"{key}: {a[key]!r} != {b[key]!r}" for key in a if key != "items" and a[key] != b[key]]
    if a["items"] != b["items"]:
        lines += [line for line in difflib.unified_diff([repr(it) for it in a["items"]],
                                                        [repr(it) for it in b["items"]], lineterm="", n=0)
                  if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    return lines


@pytest.fixture(scope="module")
def read_both():
    """(pdfplumber's, PDFium's) Factsheet per path, read once per module."""
    cache: dict[str, tuple[Factsheet, Factsheet]] = {}

    def get(path):
        if str(path) not in cache:
            cache[str(path)] = (process_file(path, reader="pdfplumber"), process_file(path, reader="pdfium"))
        return cache[str(path)]

    return get


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_gives_the_same_tables_with_either_reader(name, read_both):
    plumber, pdfium = read_both(SAMPLES / f"{name}.pdf")
    assert (plumber.reader, pdfium.reader) == ("pdfplumber", "pdfium")
    found = differences(plumber, pdfium)
    if name in EXPECTED_DIFFERENCES:
        assert found, f"{name} is listed as differing ({EXPECTED_DIFFERENCES[name]}) but no longer does"
    else:
        assert not found, f"{name}: the readers differ:\n" + "\n".join(found)


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_read_with_pdfium_matches_its_ground_truth(name, read_both):
    _, pdfium = read_both(SAMPLES / f"{name}.pdf")
    problems = compare(pdfium, golden(name), name)
    assert not problems, f"{name}: {len(problems)} differences from tests/golden/{name}.json:\n" + "\n".join(problems)


def realdoc_names() -> list[str]:
    return sorted(p.stem for p in REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not beside this clone")
@pytest.mark.parametrize("name", realdoc_names())
def test_a_real_document_gives_the_same_items_with_either_reader_or_its_difference_is_known(name, read_both):
    found = differences(*read_both(REALDOCS / f"{name}.pdf"))
    if name in REALDOC_DIFFERENCES:
        assert found, f"{name} is listed as differing ({REALDOC_DIFFERENCES[name]}) but no longer does"
    else:
        assert not found, f"{name}: the readers differ:\n" + "\n".join(found)


def test_the_pdfplumber_reader_hands_pdfium_the_text_pdfminer_cannot_see(tmp_path):
    """A content stream whose /Length is wrong: pdfminer reads nothing of it, PDFium reads it."""
    path = tmp_path / "length.pdf"
    path.write_bytes(make_pdf(text("Hello world again", 72, 700)).replace(b"<< /Length ", b"<< /Length 1", 1))
    read = read_pdf(path, reader="pdfplumber")
    assert read.reader == "pdfium"
    assert read.warnings[0] == READ_WITH_PDFIUM.format(why=WHY_NO_TEXT)
    assert "".join(c.text for c in read.pages[0].chars) == "Hello world again"


def test_max_pages_and_the_page_count_are_the_same_with_either_reader(tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(*(text(f"page {n}", 72, 700) for n in range(1, 5))))
    plumber, pdfium = (process_file(path, max_pages=2, reader=reader) for reader in ("pdfplumber", "pdfium"))
    assert (pdfium.page_count, pdfium.warnings) == (plumber.page_count, plumber.warnings)
    assert pdfium.page_count == 4 and "pages 3-4 not read (--max-pages 2)" in pdfium.warnings


def test_an_unknown_reader_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown reader 'mupdf': use one of pdfplumber, pdfium"):
        check_reader("mupdf")
