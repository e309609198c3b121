"""Nothing silent (issue 9): what a file loses or leaves unread, and what makes it doubtful, is
said in its documents row: status ``partial`` with the pages lost in ``error``, and
``warnings`` for pages not read, data lost while decompressing, text only PDFium sees, and no
factsheet sections or no country found.

Hand-made PDFs come from ``tests/stages/test_pages.py``; the files of ``../shared/reliability``
(mutations of the samples that broke factextract 0.1) are used where they are present.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import SHARED, sample_names
from factextract import tables
from factextract.errors import (
    DATA_LOST, DATA_LOST_PAGE, NO_COUNTRY, NO_TEXT_ON_PAGES_READ, NOT_A_FACTSHEET, PDFIUM_READS_TEXT,
    READ_WITH_PDFIUM, UsageError, page_list,
)
from factextract.model import DocumentInfo, Section
from factextract.pipeline import FACTSHEET_SECTIONS, content_warnings, process_file
from factextract.readers import WHY_NO_TEXT
from stages.test_pages import ascii85_broken, deflated, make_pdf, text

RELIABILITY = SHARED / "reliability"
NOT_A_FACTSHEET_WARNINGS = (NOT_A_FACTSHEET, NO_COUNTRY)
LETTER = text("Dear colleagues, the meeting is postponed until further notice.", 72, 700)


def reliability(name: str) -> Path:
    path = RELIABILITY / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared/reliability holds the broken files only in the team's workspace)")
    return path


def write(tmp_path: Path, *contents) -> Path:
    path = tmp_path / "input.pdf"
    path.write_bytes(make_pdf(*contents))
    return path


# --- partial ------------------------------------------------------------------------------------

def test_a_file_readable_in_part_is_partial_with_the_pages_lost_named(tmp_path):
    sheet = process_file(write(tmp_path, LETTER, ascii85_broken(LETTER), LETTER))
    assert sheet.status == "partial"
    assert sheet.error == "page 2 of 3 could not be read (its content stream is corrupt); the other pages were read"
    assert sheet.page_count == 3
    assert sheet.items and {item.page for item in sheet.items} <= {1, 3}


def test_pages_lost_for_different_reasons_each_say_theirs(tmp_path):
    from factextract.stages.pages import reasons_of

    lost = ((2, "its content stream is corrupt"), (3, "one of its fonts is broken"), (5, "its content stream is corrupt"))
    assert reasons_of(lost) == "pages 2 and 5: its content stream is corrupt, page 3: one of its fonts is broken"


def test_pages_read_without_text_beside_pages_lost_is_partial_and_says_so(tmp_path):
    sheet = process_file(write(tmp_path, "0 0 m 100 100 l S\n", ascii85_broken(LETTER)))
    assert (sheet.status, sheet.items) == ("partial", ())
    assert sheet.error.startswith("page 2 of 2 could not be read")
    assert NO_TEXT_ON_PAGES_READ in sheet.warnings


def test_a_file_no_page_of_which_can_be_read_is_an_error(tmp_path):
    sheet = process_file(write(tmp_path, ascii85_broken(LETTER)))
    assert sheet.status == "error" and sheet.error.startswith("no page could be read: page 1 of 1")


def test_partial_gabon_keeps_pages_1_and_2():
    sheet = process_file(reliability("partial-gabon-p3-a85.pdf"))
    assert sheet.status == "partial" and sheet.page_count == 3
    assert sheet.error == "page 3 of 3 could not be read (its content stream is corrupt); the other pages were read"
    assert {item.page for item in sheet.items} == {1, 2}
    assert sheet.info.country == "Gabon"


# --- max_pages ----------------------------------------------------------------------------------

def test_every_page_is_read_unless_max_pages_says_otherwise(tmp_path):
    path = write(tmp_path, *[LETTER] * 5)
    every = process_file(path)
    assert {item.page for item in every.items} == {1, 2, 3, 4, 5}
    assert not any("not read" in w for w in every.warnings)
    first = process_file(path, max_pages=2)
    assert first.status == "ok" and first.page_count == 5
    assert {item.page for item in first.items} == {1, 2}
    assert first.warnings[0] == "pages 3-5 not read (--max-pages 2)"


@pytest.mark.parametrize("limit", [0, -3])
def test_max_pages_below_one_is_a_usage_error(tmp_path, limit):
    with pytest.raises(UsageError, match="max_pages must be at least 1"):
        process_file(write(tmp_path, LETTER), max_pages=limit)


# --- data lost, text only PDFium sees -------------------------------------------------------------

@pytest.mark.parametrize("level", [logging.NOTSET, logging.ERROR], ids=["in-process", "batch-worker"])
def test_data_lost_while_decompressing_is_a_warning(tmp_path, level):
    logger = logging.getLogger("pdfminer")
    before = logger.level
    logger.setLevel(level)
    try:
        sheet = process_file(write(tmp_path, deflated(LETTER, checksum_broken=True)))
    finally:
        assert logger.level == level
        logger.setLevel(before)
    assert sheet.status == "ok"
    assert sheet.warnings[0] == DATA_LOST.format(where=DATA_LOST_PAGE.format(page=1))


def test_data_lost_is_a_warning_in_a_batch_worker_too(tmp_path):
    """The batch's workers set the "pdfminer" logger to ERROR (worker.start_worker)."""
    from factextract.batch import run_batch

    path = write(tmp_path, deflated(LETTER, checksum_broken=True))
    (sheet,) = run_batch([path], jobs=1, progress=False)
    assert DATA_LOST.format(where=DATA_LOST_PAGE.format(page=1)) in sheet.warnings


def test_the_byte_flipped_nigeria_file_is_ok_but_says_data_was_lost():
    sheet = process_file(reliability("silentloss-150-byteflip-nigeria-en.pdf"))
    assert sheet.status == "ok"
    assert DATA_LOST.format(where=DATA_LOST_PAGE.format(page=1)) in sheet.warnings


def test_text_pdfminer_cannot_see_is_read_with_pdfium_and_says_so():
    sheet = process_file(reliability("notext-054-length_corrupt-gambia-en.pdf"))
    assert (sheet.status, sheet.reader, sheet.info.country) == ("ok", "pdfium", "The Gambia")
    assert sheet.items
    assert sheet.warnings[0] == READ_WITH_PDFIUM.format(why=WHY_NO_TEXT)


def test_with_the_fallback_off_text_pdfminer_cannot_see_is_no_text_with_a_warning(monkeypatch):
    from factextract import readers

    monkeypatch.setattr(readers, "_second_opinion", lambda path, max_pages: None)
    sheet = process_file(reliability("notext-054-length_corrupt-gambia-en.pdf"))
    assert (sheet.status, sheet.reader) == ("no_text", "pdfplumber")
    assert sheet.warnings == (PDFIUM_READS_TEXT.format(words=361),)


def test_a_file_with_no_text_anywhere_is_no_text_without_warnings(tmp_path):
    sheet = process_file(write(tmp_path, "0 0 m 100 100 l S\n"))
    assert (sheet.status, sheet.warnings, sheet.error) == ("no_text", (), None)


# --- not a factsheet --------------------------------------------------------------------------------

def test_a_document_that_is_not_a_factsheet_says_so(tmp_path):
    sheet = process_file(write(tmp_path, LETTER))
    assert sheet.status == "ok"
    assert sheet.warnings == NOT_A_FACTSHEET_WARNINGS


def section(kind: str) -> Section:
    return Section(section_id=f"d:{kind}", order=1, kind=kind, heading=None, page=1)


@pytest.mark.parametrize("kinds, country, warnings", [
    ((), None, (NOT_A_FACTSHEET, NO_COUNTRY)),
    (("header", "other", "footnotes"), "Gabon", (NOT_A_FACTSHEET,)),
    (("header", "activities"), None, (NO_COUNTRY,)),
    *[(("header", kind), "Gabon", ()) for kind in sorted(FACTSHEET_SECTIONS)],
])
def test_a_factsheet_has_a_section_only_factsheets_have_and_a_country(kinds, country, warnings):
    sections = tuple(section(kind) for kind in kinds)
    assert content_warnings(sections, DocumentInfo(country=country)) == warnings


@pytest.mark.parametrize("name", sample_names())
def test_the_samples_have_nothing_to_warn_about(name, extracted):
    sheet = extracted(name)
    assert (sheet.status, sheet.warnings) == ("ok", ())


# --- the documents table --------------------------------------------------------------------------

def test_warnings_are_a_list_column_after_error_joined_by_semicolons_in_csv(tmp_path):
    sheet = process_file(write(tmp_path, LETTER, ascii85_broken(LETTER)))
    cols = tables.columns("documents")
    assert cols[cols.index("error") + 1] == "warnings"
    frames = tables.to_frames([sheet])
    tables.validate(frames)
    docs = frames["documents"]
    assert docs["status"].tolist() == ["partial"]
    assert list(docs["warnings"].iloc[0]) == list(NOT_A_FACTSHEET_WARNINGS)
    csv = tables._csv_frame("documents", docs)
    assert csv["warnings"].iloc[0] == ";".join(NOT_A_FACTSHEET_WARNINGS)


def test_a_semicolon_inside_a_warning_cannot_split_it_in_the_csv(tmp_path):
    import dataclasses

    sheet = dataclasses.replace(process_file(write(tmp_path, LETTER)), warnings=("first; then   second",))
    docs = tables.to_frames([sheet])["documents"]
    assert list(docs["warnings"].iloc[0]) == ["first, then second"]


def test_page_lists_are_short():
    assert [page_list(n) for n in ([3], [3, 5], [1, 2, 3], [41, 42, 43, 45, 50])] == [
        "page 3", "pages 3 and 5", "pages 1-3", "pages 41-43, 45 and 50"]
