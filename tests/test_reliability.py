"""Inputs that broke factextract 0.1 (../shared/reliability, see its README.txt): one run over
them all, each file one documents row; the decompression bombs time out with a message saying
so; no message shows a Python internal; and, once built, damaged files are read in part, with
what was lost said in their warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import SHARED
from fuzz import internals_in

import factextract

RELIABILITY = SHARED / "reliability"
TIMEOUT_S = 15
JOBS = 2

pytestmark = pytest.mark.skipif(not RELIABILITY.is_dir(), reason="../shared/reliability is not beside this clone "
                                                                 "(only the team's workspace has it)")


def _files() -> list[Path]:
    return sorted(RELIABILITY.glob("*.pdf")) if RELIABILITY.is_dir() else []


@pytest.fixture(scope="module")
def reliability_run(tmp_path_factory):
    """The files run once; returns (Factsheets, documents and items tables read from the CSV)."""
    paths = _files()
    out = tmp_path_factory.mktemp("out")
    sheets = factextract.run(paths, out, jobs=JOBS, timeout_s=TIMEOUT_S, cache=False, progress=False)
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    items = pd.read_csv(out / "items.csv", dtype=str, keep_default_na=False)
    return sheets, docs, items


def _row(docs: pd.DataFrame, name: str) -> pd.Series:
    rows = docs[docs["source_path"] == str(RELIABILITY / name)]
    assert len(rows) == 1, f"{len(rows)} rows for {name}"
    return rows.iloc[0]


def _warnings(row: pd.Series) -> list[str]:
    return [w for w in row.get("warnings", "").split(";") if w]


def test_one_documents_row_per_file(reliability_run):
    sheets, docs, _ = reliability_run
    names = [p.name for p in _files()]
    assert len(sheets) == len(names)
    assert sorted(Path(p).name for p in docs["source_path"]) == sorted(names)


@pytest.mark.parametrize("name", [p.name for p in _files() if p.name.startswith("hang-")])
def test_a_decompression_bomb_times_out_with_a_clear_message(reliability_run, name):
    row = _row(reliability_run[1], name)
    assert row["status"] == "error"
    assert "timed out" in row["error"] and "\n" not in row["error"]


def test_no_message_shows_python_internals(reliability_run):
    _, docs, _ = reliability_run
    for _, row in docs.iterrows():
        for message in [row["error"], *_warnings(row)]:
            assert not internals_in(message), f"{Path(row['source_path']).name}: {message!r}"


def test_a_bad_page_3_leaves_pages_1_and_2_partial(reliability_run):
    _, docs, items = reliability_run
    row = _row(docs, "partial-gabon-p3-a85.pdf")
    assert row["status"] == "partial"
    assert row["page_count"] == "3"
    assert "3" in row["error"], "the message names the page lost"
    pages = set(items.loc[items["doc_id"] == row["doc_id"], "page"])
    assert pages == {"1", "2"}


def test_data_lost_while_decompressing_is_a_warning(reliability_run):
    row = _row(reliability_run[1], "silentloss-150-byteflip-nigeria-en.pdf")
    said = [w for w in _warnings(row) if re.search(r"\blos[st]\b", w, re.I) and re.search(r"decompress", w, re.I)]
    assert said, f"no warning of data lost while decompressing in {_warnings(row)}"


def test_text_that_only_pdfium_reads_is_a_warning(reliability_run):
    row = _row(reliability_run[1], "notext-054-length_corrupt-gambia-en.pdf")
    assert any("pdfium" in w.lower() for w in _warnings(row)), _warnings(row)
