"""A run's rows, written to disk as its files finish, so that the batch's parent holds no content.

A batch of thousands of files must not hold thousands of documents in the parent until the end:
each Factsheet is checked against the schemas and its content rows go to an Arrow IPC file per
table in the run's staging folder as soon as it arrives (its documents row, a few hundred bytes,
stays in memory) (``RunTables.add``), in whatever order the
workers finish. At the end (``RunTables.write``) the collection is written in input order, a
chunk at a time, by ``tables.write_collection``: an IPC file gives any document's rows back
without reading the others.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from . import store, tables
from .errors import SAME_BYTES_AS
from .model import Factsheet

SPOOL_DIR = "spool"  # inside the run's staging folder
SPOOL_SUFFIX = ".arrows"  # Arrow IPC file format


class RunTables:
    """This run's tables, spooled as files finish; ``write`` adds them to the collection.

    ``add`` returns the Factsheet as the tables hold it (an ``error`` one if its rows broke a
    schema, a bug; without content if another file already gave that doc_id's content) and
    without its content, which is on disk: what the caller may keep for thousands of files.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.staging = store.staging_dir(out_dir)
        self._spool = self.staging / SPOOL_DIR
        self._spool.mkdir()
        self._writers: dict[str, pa.ipc.RecordBatchFileWriter] = {}
        self._batches: dict[str, int] = dict.fromkeys(tables.TABLES, 0)
        # Input index -> {table: indexes of its record batches in that table's spool file}.
        self._where: dict[int, dict[str, list[int]]] = {}
        self._owner: dict[str, str] = {}  # doc_id -> source_path of the file that gave its content
        self._documents: dict[int, dict[str, Any]] = {}  # input index -> its documents row

    def add(self, index: int, sheet: Factsheet) -> Factsheet:
        """Spool the rows of the input file at ``index``; return its Factsheet without content."""
        [sheet], frames = tables.checked_frames([self._one_owner(sheet)])
        # A documents row is small: kept as it is, and made a frame once at the end.
        self._documents[index] = tables.document_row(sheet)
        where = self._where.setdefault(index, {})
        try:
            for table, frame in frames.items():
                if len(frame) and table != "documents":
                    where.setdefault(table, []).append(self._append(table, tables.to_arrow(table, frame)))
        except OSError as exc:
            raise self._cannot_write(exc) from None
        return sheet.without_content()

    def write(self, *, inputs: list[str], started: datetime, finished: datetime,
              replace_all: bool = False, package: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add the spooled documents to the collection in ``out_dir``, in input order, as one
        transaction (``tables.write_collection``); return the manifest."""
        try:
            for writer in self._writers.values():
                writer.close()
        except OSError as exc:
            raise self._cannot_write(exc) from None
        self._writers.clear()
        order = sorted(self._where)
        frame = tables.frame("documents", [self._documents[i] for i in order])
        return tables.write_collection(
            self.out_dir, self.staging, frame, lambda table: self._rows(table, order),
            inputs=inputs, started=started, finished=finished, replace_all=replace_all, package=package)

    def abandon(self) -> None:
        """Remove the spool and the staging folder (the run failed before writing)."""
        for writer in self._writers.values():
            try:
                writer.close()
            except (OSError, pa.ArrowException):
                pass
        self._writers.clear()
        store.abandon(self.staging)

    def _cannot_write(self, exc: OSError) -> store.OutputError:
        return store.OutputError(
            f"could not write this run's rows to {self._spool} ({exc.strerror or exc}); the previous output "
            "is unchanged: free some space or fix the folder's permissions, and run again")

    def _one_owner(self, sheet: Factsheet) -> Factsheet:
        """One content owner per doc_id, or its keys would repeat: the first file to arrive with
        it keeps its content, a later one its documents row (bytes that changed while the run
        read them into another input's; ``run_batch`` catches the usual case first)."""
        first = self._owner.setdefault(sheet.doc_id, sheet.source_path)
        if first == sheet.source_path or sheet.duplicate_of is not None:
            return sheet
        return sheet.without_content(duplicate_of=first,
                                     warnings=(*sheet.warnings, SAME_BYTES_AS.format(first=first)))

    def _append(self, table: str, rows: pa.Table) -> int:
        """Write the rows as one record batch of the table's spool file; return its index."""
        writer = self._writers.get(table)
        if writer is None:
            writer = pa.ipc.new_file(self._spool / f"{table}{SPOOL_SUFFIX}", tables.arrow_schema(table))
            self._writers[table] = writer
        writer.write_batch(rows.combine_chunks().to_batches()[0])
        self._batches[table] += 1
        return self._batches[table] - 1

    def _rows(self, table: str, order: list[int]) -> Iterator[pa.Table]:
        """The table's spooled rows, document by document in input order."""
        path = self._spool / f"{table}{SPOOL_SUFFIX}"
        if not path.exists():
            return
        # Read, not memory-mapped: mapped pages would count in the parent's memory until the end.
        with pa.OSFile(str(path)) as source:
            reader = pa.ipc.open_file(source)
            for index in order:
                for batch in self._where[index].get(table, ()):
                    yield pa.Table.from_batches([reader.get_batch(batch)])
