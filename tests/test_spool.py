"""A run's rows spooled to disk as files finish: the tables come out in input order, the same as
written from memory, whatever order the files finished in and however small the chunks."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pandas as pd
import pytest

from factextract import tables
from factextract.spool import RunTables

STARTED = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 2, 5, 9, 0, tzinfo=timezone.utc)
NAMES = ["gambia-en", "cameroun-fr", "nigeria-en", "mali-fr"]


def _sheets(extracted, names=NAMES, prefix="in"):
    return [dataclasses.replace(extracted(n), source_path=f"{prefix}/{n}.pdf") for n in names]


def _spooled(out, sheets, finish_order, when=STARTED, replace_all=False):
    run = RunTables(out)
    kept = {i: run.add(i, sheets[i]) for i in finish_order}
    run.write(inputs=[s.source_path for s in sheets], started=when, finished=when, replace_all=replace_all)
    return kept


def _same(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    for table in tables.TABLES:
        pd.testing.assert_frame_equal(left[table].reset_index(drop=True), right[table].reset_index(drop=True),
                                      obj=table)


@pytest.mark.parametrize("finish_order", [[0, 1, 2, 3], [3, 1, 0, 2], [2, 3, 1, 0]])
def test_spooled_tables_are_the_in_memory_tables_in_input_order(extracted, tmp_path, finish_order, monkeypatch):
    sheets = _sheets(extracted)
    tables.write_tables(tables.to_frames(sheets), tmp_path / "memory", inputs=[s.source_path for s in sheets],
                        started=STARTED, finished=STARTED)
    monkeypatch.setattr(tables, "CHUNK_ROWS", 7)  # many chunks, split across documents
    (tmp_path / "spooled").mkdir()
    _spooled(tmp_path / "spooled", sheets, finish_order)
    _same(tables.load(tmp_path / "memory"), tables.load(tmp_path / "spooled"))
    assert (tmp_path / "memory" / "items.csv").read_bytes() == (tmp_path / "spooled" / "items.csv").read_bytes()


def test_the_caller_keeps_no_content(extracted, tmp_path):
    sheets = _sheets(extracted, NAMES[:2])
    kept = _spooled(tmp_path, sheets, [1, 0])
    assert all((k.sections, k.items, k.footnotes, k.entities) == ((), (), (), ()) for k in kept.values())
    assert [kept[i].doc_id for i in (0, 1)] == [s.doc_id for s in sheets]
    assert len(tables.load(tmp_path)["items"]) == sum(len(s.items) for s in sheets)


def test_a_spooled_run_adds_to_the_collection_chunk_by_chunk(extracted, tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "CHUNK_ROWS", 5)
    first, second = _sheets(extracted, NAMES[:2]), _sheets(extracted, NAMES[1:3])
    _spooled(tmp_path, first, [0, 1])
    _spooled(tmp_path, second, [1, 0], when=LATER)
    loaded = tables.load(tmp_path)
    assert loaded["documents"]["source_path"].tolist() == [f"in/{n}.pdf" for n in NAMES[:3]]
    expected = tables.to_frames([first[0], *second])
    for table in tables.TABLES[1:]:
        assert len(loaded[table]) == len(expected[table]), table
    # The document re-run keeps the time it was first extracted at (same file, same pipeline).
    times = loaded["documents"].set_index("source_path")["extracted_at"]
    assert times["in/cameroun-fr.pdf"] == pd.Timestamp(STARTED) and times["in/nigeria-en.pdf"] == pd.Timestamp(LATER)


def test_rows_that_break_a_schema_cost_their_document_its_content_not_the_run(extracted, tmp_path):
    good = _sheets(extracted, NAMES[:1])[0]
    item = dataclasses.replace(good.items[0], section_id="no-such-section")
    bad = dataclasses.replace(_sheets(extracted, NAMES[1:2])[0], items=(item,))
    kept = _spooled(tmp_path, [good, bad], [0, 1])
    assert kept[1].status == "error" and "break the output schema" in kept[1].error
    loaded = tables.load(tmp_path)
    assert set(loaded["items"]["doc_id"]) == {good.doc_id}


def test_a_spool_abandoned_leaves_no_staging_folder(extracted, tmp_path):
    run = RunTables(tmp_path)
    run.add(0, _sheets(extracted, NAMES[:1])[0])
    run.abandon()
    assert not list(tmp_path.iterdir())  # the spool lived in the staging folder, gone with it
