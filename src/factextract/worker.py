"""One file in a worker process, and what the parent makes of its outcome: shared by the
executors (``batch``'s local pool and ``dask_executor``'s cluster tasks), so that a file gets the
same status and message wherever it ran.

The worker side turns every exception into a ``Failure`` message (an exception that cannot be
pickled must never cross the process boundary); the parent side turns a finished task (a
Factsheet, a timeout, a dead worker) into a Factsheet, and keeps the result cache.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import multiprocessing
import os
import re
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from pathlib import Path

from ._version import __version__
from . import serialize
from .errors import DocumentError, FactextractError, UsageError, one_line
from .identity import doc_id_of
from .model import DEFAULT_READER, READERS, Factsheet

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 300
_MIB = 1 << 20  # bytes in a MiB
# How many hex digits of the code's hash name a pipeline version in cache file names.
FINGERPRINT_DIGITS = 12
# A cache entry's file name: <sha256>-<pipeline fingerprint><suffix>, with -<reader> before the
# suffix for a reader other than the default.
CACHE_SUFFIX = ".json"
_SECONDS_PER_DAY = 86400
# How often a worker checks that the run that started it is still there (seconds).
PARENT_CHECK_S = 1.0
# Linux's prctl option that sends a signal to a process when its parent dies.
_PR_SET_PDEATHSIG = 1

ProcessFn = Callable[[Path], Factsheet]

# The worker side: runs in a child process


@dataclasses.dataclass(frozen=True)
class Failure:
    """A failure detected in the worker, sent back instead of a Factsheet."""

    message: str


def die_with_parent() -> None:
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


def watch_parent(parent_pid: int) -> None:
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


def start_worker(memory_mb: int | None, parent_pid: int | None = None) -> None:
    """Worker initialiser: die with the parent; cap the worker's address space, so runaway
    allocation raises MemoryError; load the language model before any file's clock starts.

    ``RLIMIT_AS`` limits virtual memory, which is larger than resident memory; it is enforced on
    Linux, not on macOS, and ``resource`` does not exist on Windows: there the cap is skipped.
    """
    die_with_parent()
    if parent_pid is not None:
        watch_parent(parent_pid)
    # Ctrl-C and SIGTERM go to the parent, which stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
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


def warm_up() -> None:
    """Load what the stages need in the worker before it takes a file (a no-op where the fork
    server already did, ``warm``), so that no file's timeout pays for it."""
    from . import warm  # noqa: F401 - importing it warms the process, once


def short_message(text: str) -> str:
    return one_line(text, MAX_MESSAGE_CHARS)


def work(process: ProcessFn | None, path: str, memory_mb: int | None,
          max_pages: int | None = None, reader: str = DEFAULT_READER) -> Factsheet | Failure:
    """Process one file in a worker; turn every exception into a ``Failure`` message.

    Exceptions become strings here so that an exception that cannot be pickled, or a traceback
    holding a huge object after a MemoryError, never has to cross the process boundary.
    """
    try:
        if process is None:
            # Imported here, in the worker: the parent never loads the stages.
            from .pipeline import process_file

            sheet = process_file(Path(path), max_pages=max_pages, reader=reader)
        else:
            sheet = process(Path(path))
    except MemoryError:
        return Failure(memory_message(memory_mb))
    except DocumentError as exc:
        return Failure(short_message(exc.problem))
    except FactextractError as exc:
        return Failure(short_message(str(exc)))
    except (Exception, SystemExit) as exc:
        return Failure(short_message(
            f"internal error: {type(exc).__name__}: {exc}; please report it, with this file"
        ))
    if not isinstance(sheet, Factsheet):
        return Failure(
            f"internal error: process returned {type(sheet).__name__}, not a Factsheet; "
            "please report it, with this file"
        )
    return sheet


def memory_message(memory_mb: int | None) -> str:
    """The message of a file whose worker ran out of memory."""
    limit = f" (limit {memory_mb} MB)" if memory_mb else ""
    return (
        f"ran out of memory{limit}; the PDF may be malformed or extremely large: "
        "retry with a larger --memory-mb, or check the file"
    )


# ---------------------------------------------------------------------------------------------
# The parent side


def error_sheet(path: Path, sha256: str, message: str) -> Factsheet:
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


def cache_file(cache_dir: Path, sha256: str, reader: str = DEFAULT_READER) -> Path:
    """Where the Factsheet of these bytes, made by this pipeline with this reader, is cached."""
    tag = "" if reader == DEFAULT_READER else f"-{reader}"
    return cache_dir / f"{sha256}-{pipeline_fingerprint()}{tag}{CACHE_SUFFIX}"


def cache_get(cache_dir: Path | None, sha256: str, reader: str = DEFAULT_READER) -> Factsheet | None:
    """The cached Factsheet of these bytes and this pipeline version, if a usable one exists:
    an entry is trusted only if it is the Factsheet of those very bytes."""
    if cache_dir is None:
        return None
    entry = cache_file(cache_dir, sha256, reader)
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


def cache_put(cache_dir: Path | None, sha256: str, sheet: Factsheet, reader: str = DEFAULT_READER) -> None:
    """Store a Factsheet, atomically (a crash never leaves a half-written file under the name)."""
    if cache_dir is None:
        return
    target = cache_file(cache_dir, sha256, reader)
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
    current = tuple(f"-{pipeline_fingerprint()}{'' if r == DEFAULT_READER else '-' + r}{CACHE_SUFFIX}" for r in READERS)
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


def died_message(exc: BaseException) -> str:
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


def timeout_message(timeout_s: float) -> str:
    """The message of a file that took longer than ``--timeout``."""
    return (
        f"timed out after {timeout_s:g} s (the PDF may be malformed or extremely large); "
        "retry with a larger --timeout if the file is genuinely large"
    )


def outcome(
    future: Future, timeout_s: float | None, memory_mb: int | None,
) -> tuple[Factsheet | None, str | None, bool]:
    """Return (sheet from the worker, failure message, whether the result may be cached)."""
    from pebble import ProcessExpired

    try:
        result = future.result()
    except FutureTimeoutError:
        return None, timeout_message(timeout_s or 0), False
    except ProcessExpired as exc:
        return None, died_message(exc), False
    except MemoryError:  # raised while pickling the result under the memory cap
        return None, memory_message(memory_mb), False
    except CancelledError:
        return None, "cancelled before it finished", False
    except Exception as exc:  # e.g. the result could not be sent back
        return None, short_message(f"internal error: {type(exc).__name__}: {exc}"), False
    if isinstance(result, Failure):
        # Failures found here (exceptions, memory) are not cached: an exception is a bug that
        # a fix should clear without a version bump, and memory depends on --memory-mb.
        return None, result.message, False
    return result, None, True


# The fork server imports these once, before it forks any worker: ``warm`` loads the spaCy model,
# wordfreq's lists and the grammars; every worker starts with them in memory (copy-on-write).
FORKSERVER_PRELOAD = ["factextract.warm", "pdfplumber", "pypdfium2"]


def mp_context() -> multiprocessing.context.BaseContext:
    """The start method for workers: forkserver where it exists, else spawn.

    Not fork: the parent runs pebble's and tqdm's threads, and forking a threaded process can
    deadlock the child (CPython 3.12 warns about it; 3.14 stopped using fork by default).
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


