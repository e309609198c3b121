"""The output folder: a transaction, a lock, and a collection that grows run after run."""

from __future__ import annotations

import dataclasses
import errno
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from factextract import store, tables
from factextract.spool import RunTables
from factextract.errors import UsageError
from factextract.model import Factsheet

STARTED = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
LATER = datetime(2026, 2, 5, 9, 0, tzinfo=timezone.utc)


def _sheets(extracted, *names, path_prefix="in"):
    return [dataclasses.replace(extracted(n), source_path=f"{path_prefix}/{n}.pdf") for n in names]


def _write(out: Path, sheets: list[Factsheet], when=STARTED, replace_all=False):
    return tables.write_tables(tables.to_frames(sheets), out, inputs=[s.source_path for s in sheets],
                               started=when, finished=when, replace_all=replace_all)


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every file of the folder (not its lock files), by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.endswith(".lock")}


def test_a_run_leaves_its_tables_complete_and_no_staging_behind(tmp_path, extracted):
    _write(tmp_path, _sheets(extracted, "gambia-en"))
    assert set(tables.load(tmp_path)["documents"]["source_path"]) == {"in/gambia-en.pdf"}
    assert not list(tmp_path.glob(f"{store.STAGING_PREFIX}*")) and not (tmp_path / store.COMMIT).exists()


def test_a_full_disk_while_writing_leaves_the_previous_output_exactly_as_it_was(tmp_path, extracted, monkeypatch):
    _write(tmp_path, _sheets(extracted, "gambia-en"))
    before = _snapshot(tmp_path)
    calls = []

    def full_disk(writer, table, *args, **kwargs):
        calls.append(table)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(writer, table, *args, **kwargs)

    real = pq.ParquetWriter.write_table
    monkeypatch.setattr(pq.ParquetWriter, "write_table", full_disk)
    with pytest.raises(store.OutputError, match="No space left on device.*previous output is unchanged"):
        _write(tmp_path, _sheets(extracted, "nigeria-en"), when=LATER)
    assert _snapshot(tmp_path) == before
    assert not list(tmp_path.glob(f"{store.STAGING_PREFIX}*"))


def test_an_interrupt_before_the_commit_record_changes_nothing(tmp_path, extracted, monkeypatch):
    _write(tmp_path, _sheets(extracted, "gambia-en"))
    before = _snapshot(tmp_path)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "commit", killed)
    with pytest.raises(KeyboardInterrupt):
        _write(tmp_path, _sheets(extracted, "nigeria-en"), when=LATER)
    assert _snapshot(tmp_path) == before


def test_a_swap_cut_short_is_finished_by_the_next_reader(tmp_path, extracted, monkeypatch):
    _write(tmp_path, _sheets(extracted, "gambia-en"))
    renamed = []
    real_replace = store.os.replace

    def dies_after_two(src, dst):
        if Path(src).parent.name.startswith(store.STAGING_PREFIX):
            if len(renamed) == 2:
                raise KeyboardInterrupt  # the process is killed mid-swap
            renamed.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        _write(tmp_path, _sheets(extracted, "nigeria-en"), when=LATER, replace_all=True)
    monkeypatch.setattr(store.os, "replace", real_replace)
    assert store.pending(tmp_path)
    documents = tables.load(tmp_path)["documents"]   # rolls the recorded swap forward
    assert set(documents["source_path"]) == {"in/nigeria-en.pdf"}
    assert not store.pending(tmp_path) and not list(tmp_path.glob(f"{store.STAGING_PREFIX}*"))


def test_a_run_adds_to_the_collection_and_replaces_what_it_reruns(tmp_path, extracted):
    _write(tmp_path, _sheets(extracted, "gambia-en", "nigeria-en"))
    # This week's file, and gambia again, now with other bytes.
    changed = dataclasses.replace(extracted("cameroun-fr"), source_path="in/gambia-en.pdf")
    _write(tmp_path, [changed] + _sheets(extracted, "senegal-fr-2p"), when=LATER)
    frames = tables.load(tmp_path)
    docs = frames["documents"].set_index("source_path")
    assert set(docs.index) == {"in/gambia-en.pdf", "in/nigeria-en.pdf", "in/senegal-fr-2p.pdf"}
    assert docs.loc["in/gambia-en.pdf", "doc_id"] == extracted("cameroun-fr").doc_id
    # The replaced bytes' content is gone; the kept document's content stays.
    assert set(frames["items"]["doc_id"]) == set(docs["doc_id"])
    assert docs.loc["in/nigeria-en.pdf", "extracted_at"] == STARTED
    assert docs.loc["in/senegal-fr-2p.pdf", "extracted_at"] == LATER


def test_replace_starts_the_collection_over(tmp_path, extracted):
    _write(tmp_path, _sheets(extracted, "gambia-en", "nigeria-en"))
    _write(tmp_path, _sheets(extracted, "senegal-fr-2p"), when=LATER, replace_all=True)
    assert list(tables.load(tmp_path)["documents"]["source_path"]) == ["in/senegal-fr-2p.pdf"]


def test_the_manifest_counts_the_whole_collection(tmp_path, extracted):
    _write(tmp_path, _sheets(extracted, "gambia-en"))
    manifest = _write(tmp_path, _sheets(extracted, "nigeria-en"), when=LATER)
    assert manifest["row_counts"]["documents"] == 2 and manifest["documents_this_run"] == 1
    assert manifest["collection"] == ["in/gambia-en.pdf", "in/nigeria-en.pdf"]


def test_a_second_run_into_the_same_folder_stops_at_once(tmp_path):
    with store.run_lock(tmp_path):
        with pytest.raises(UsageError, match=r"another factextract run \(pid \d+"):
            with store.run_lock(tmp_path):
                pass
    with store.run_lock(tmp_path):  # free again once the first is done
        pass


def test_an_output_folder_that_is_a_file_or_cannot_be_written_is_refused_before_any_work(tmp_path, monkeypatch):
    a_file = tmp_path / "out.csv"
    a_file.write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        store.check_writable(a_file)

    def read_only(self, data):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "write_bytes", read_only)
    with pytest.raises(UsageError, match=r"cannot write to --out .*Read-only file system"):
        store.check_writable(tmp_path / "out")


def test_a_clash_between_documents_costs_the_later_one_its_content_not_the_batch(extracted, tmp_path):
    first = dataclasses.replace(extracted("gambia-en"), source_path="in/a.pdf")
    late_copy = dataclasses.replace(first, source_path="in/late.pdf")
    spooled = RunTables(tmp_path)
    kept = [spooled.add(0, first), spooled.add(1, late_copy)]
    assert kept[0].duplicate_of is None and kept[0].items == ()  # the content is on disk, not kept
    assert kept[1].duplicate_of == "in/a.pdf"
    assert any("same bytes as in/a.pdf" in w for w in kept[1].warnings)
    spooled.write(inputs=["in/a.pdf", "in/late.pdf"], started=STARTED, finished=STARTED)
    written = tables.load(tmp_path)   # validated on load: no key repeats
    assert len(written["items"]) == len(first.items)
    assert set(written["documents"]["source_path"]) == {"in/a.pdf", "in/late.pdf"}
