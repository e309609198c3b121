"""Choosing the PDF reader: the API, the command line and the cache, and the fallback to PDFium."""

from __future__ import annotations

import shutil

import pytest

from conftest import SAMPLES
from factextract import batch, extract
from factextract.cli import main
from factextract.errors import READ_WITH_PDFIUM, DocumentError, UsageError
from factextract.model import READERS, PdfRead
from factextract import readers

SAMPLE = SAMPLES / "gambia-en.pdf"


@pytest.mark.parametrize("reader", READERS)
def test_the_factsheet_says_which_reader_read_it(reader):
    sheet = extract(SAMPLE, reader=reader)
    assert (sheet.status, sheet.reader) == ("ok", reader)
    assert not any("PDFium" in w for w in sheet.warnings)


def test_an_unknown_reader_is_a_usage_error_naming_the_readers():
    with pytest.raises(UsageError, match="unknown reader 'mupdf': use one of pdfplumber, pdfium"):
        extract(SAMPLE, reader="mupdf")


def test_the_command_line_refuses_an_unknown_reader(tmp_path, capsys):
    assert main(["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--reader", "mupdf"]) == 2
    assert "invalid choice: 'mupdf'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_cache_keeps_each_readers_results_apart(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    cache = tmp_path / "cache"
    first = batch.run_batch([folder / SAMPLE.name], jobs=1, cache_dir=cache, progress=False)
    other = batch.run_batch([folder / SAMPLE.name], jobs=1, cache_dir=cache, progress=False, reader="pdfium")
    again = batch.run_batch([folder / SAMPLE.name], jobs=1, cache_dir=cache, progress=False, reader="pdfium")
    assert (first.from_cache, other.from_cache, again.from_cache) == (0, 0, 1)
    assert (first[0].reader, other[0].reader, again[0].reader) == ("pdfplumber", "pdfium", "pdfium")
    assert batch.prune_cache(cache) == (0, 2)  # both entries are this pipeline's


def _read(page_count: int, with_text: bool) -> PdfRead:
    from factextract.warm import WARM_UP_PAGES, _read_of

    pages = _read_of(WARM_UP_PAGES["en"]).pages if with_text else ()
    return PdfRead(pages=pages, page_count=page_count, reader="pdfium")


@pytest.mark.parametrize(("first", "second", "why"), [
    (DocumentError("x.pdf", "the cross-reference table is broken"), _read(1, True),
     readers.WHY_NOT_OPENED.format(problem="the cross-reference table is broken")),
    (PdfRead(pages=(), page_count=0), _read(1, True), readers.WHY_NO_PAGES),
    (_read(1, False), _read(1, True), readers.WHY_NO_TEXT),
])
def test_pdfminer_failing_hands_the_file_to_pdfium_and_says_why(monkeypatch, tmp_path, first, second, why):
    def pdfplumber_reads(path, max_pages=None):
        if isinstance(first, Exception):
            raise first
        return first

    monkeypatch.setattr(readers, "read_pages", pdfplumber_reads)
    monkeypatch.setattr(readers, "_read_pdfium", lambda path, max_pages: second)
    read = readers.read_pdf(tmp_path / "x.pdf")
    assert read.reader == "pdfium" and read.warnings[0] == READ_WITH_PDFIUM.format(why=why)


def test_a_scan_stays_a_scan_and_pdfiums_failure_leaves_pdfminers_verdict(monkeypatch, tmp_path):
    scan = PdfRead(pages=_read(1, False).pages, page_count=1)
    monkeypatch.setattr(readers, "read_pages", lambda path, max_pages=None: scan)
    monkeypatch.setattr(readers, "_read_pdfium", lambda path, max_pages: _read(1, False))
    assert readers.read_pdf(tmp_path / "x.pdf") is scan

    def broken(path, max_pages=None):
        raise DocumentError("x.pdf", "encrypted with a password")

    def fails(path, max_pages):
        raise RuntimeError("PDFium cannot open it either")

    monkeypatch.setattr(readers, "read_pages", broken)
    monkeypatch.setattr(readers, "_read_pdfium", fails)
    with pytest.raises(DocumentError, match="encrypted with a password"):
        readers.read_pdf(tmp_path / "x.pdf")
