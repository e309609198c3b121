"""The output folder as a collection that grows run after run, written as a transaction.

A run never leaves ``--out`` half-written: the new tables are written in full to a staging
folder inside it (``.staging-<pid>``), flushed to disk, and only then swapped in, file by file,
under a commit record (``.commit.json``). A kill, a full disk or an error before the commit
record exists leaves the previous output exactly as it was (the staging folder is removed then,
or by the next run); a kill during the swap is finished by the next run or ``load()``, which
roll the recorded swap forward. This is the write-ahead pattern of SQLite's journal and of
``git``'s lock-then-rename, reduced to a handful of files.

Two runs into one folder would interleave their files: a run holds an exclusive lock on
``.run.lock`` from start to end, and a second run stops at once with a message. ``load()``
takes a shared lock on ``.tables.lock``, which a run holds exclusively only while swapping,
so a reader never sees tables from two runs.

A run adds to what the folder holds: documents re-run (same ``source_path``) are replaced,
the others kept with their rows and their ``extracted_at``; ``replace=True`` starts over.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import FactextractError, UsageError

RUN_LOCK = ".run.lock"
TABLES_LOCK = ".tables.lock"
COMMIT = ".commit.json"
STAGING_PREFIX = ".staging-"
WRITE_PROBE = ".write-probe"


class OutputError(FactextractError):
    """The output folder could not be written; the previous output is left as it was."""


def _flock(handle: Any, exclusive: bool, wait: bool) -> bool:
    """Lock an open file (POSIX ``flock``); True if taken. Without ``fcntl`` (Windows) there
    is no lock and this says so by returning True: runs there must not share an ``--out``."""
    try:
        import fcntl
    except ImportError:
        return True
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(handle.fileno(), mode | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def check_writable(out: Path) -> None:
    """Create ``out`` if needed and write a probe file in it, before any work is done.

    Raises:
        UsageError: ``out`` is a file, or cannot be created or written (read-only, no
            permission, no space): nothing has been processed yet.
    """
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; name a folder (it is created if missing)")
    probe = out / WRITE_PROBE
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"factextract")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot write to --out {out} ({reason}); choose a folder you can write to, "
                         "with free space") from None


@contextmanager
def run_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s run lock for the whole run; a second run into it stops at once.

    Raises:
        UsageError: another run holds the lock (its pid and start time are named).
    """
    path = out / RUN_LOCK
    with open(path, "a+", encoding="utf-8") as handle:
        if not _flock(handle, exclusive=True, wait=False):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise UsageError(f"another factextract run ({holder}) is writing to {out}; wait for it to "
                             "finish, or choose another --out")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {datetime.now().astimezone().isoformat(timespec='seconds')}")
        handle.flush()
        try:
            recover(out)
            yield
        finally:
            handle.seek(0)
            handle.truncate()


@contextmanager
def _tables_lock(out: Path, exclusive: bool) -> Iterator[None]:
    with open(out / TABLES_LOCK, "a+", encoding="utf-8") as handle:
        _flock(handle, exclusive=exclusive, wait=True)
        yield


def staging_dir(out: Path) -> Path:
    """A fresh staging folder inside ``out`` for this process's new tables."""
    staging = out / f"{STAGING_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    return staging


def commit(out: Path, staging: Path, files: list[str]) -> None:
    """Swap the staged ``files`` into ``out``: record the swap, rename, then forget it.

    Once the record is on disk the swap is certain to complete (here, or by ``recover`` after
    a kill); before it, nothing in ``out`` has changed.
    """
    for name in files:
        _fsync(staging / name)
    record = {"staging": staging.name, "files": files}
    tmp = out / f"{COMMIT}.tmp"
    tmp.write_text(json.dumps(record), encoding="utf-8")
    _fsync(tmp)
    with _tables_lock(out, exclusive=True):
        os.replace(tmp, out / COMMIT)
        _fsync_dir(out)
        _roll_forward(out, record)


def abandon(staging: Path) -> None:
    """Remove a staging folder whose tables will not be committed."""
    shutil.rmtree(staging, ignore_errors=True)


def recover(out: Path) -> None:
    """Finish a swap that a killed run recorded, and remove abandoned staging folders."""
    record_path = out / COMMIT
    if record_path.is_file():
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = None
        if isinstance(record, dict) and isinstance(record.get("files"), list):
            with _tables_lock(out, exclusive=True):
                _roll_forward(out, record)
        else:  # written half-way: the swap never began (the record is renamed in whole)
            record_path.unlink(missing_ok=True)
    (out / f"{COMMIT}.tmp").unlink(missing_ok=True)
    for leftover in out.glob(f"{STAGING_PREFIX}*"):
        if leftover.is_dir() and not _held_by_live_process(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
    for stray in out.glob(".*.tmp"):  # temporary files of factextract versions before this one
        stray.unlink(missing_ok=True)


def pending(out: Path) -> bool:
    """Whether a recorded swap is waiting to be finished."""
    return (out / COMMIT).is_file()


@contextmanager
def reading(out: Path) -> Iterator[None]:
    """Read ``out``'s tables under the shared lock, after finishing a recorded swap if one
    waits (a run killed while swapping). Raises UsageError if that cannot be done here."""
    if pending(out):
        try:
            recover(out)
        except OSError as exc:
            raise UsageError(f"{out}: a run was interrupted while swapping in its tables, and they cannot "
                             f"be completed here ({exc.strerror or exc}); run factextract on it again") from None
    try:
        handle = open(out / TABLES_LOCK, "rb") if (out / TABLES_LOCK).exists() else None
    except OSError:  # a folder read by someone who may not open its lock file
        handle = None
    try:
        if handle is not None:
            _flock(handle, exclusive=False, wait=True)
        yield
    finally:
        if handle is not None:
            handle.close()


def _roll_forward(out: Path, record: dict[str, Any]) -> None:
    staging = out / str(record.get("staging", ""))
    for name in record["files"]:
        source = staging / name
        if source.is_file():
            os.replace(source, out / name)
    _fsync_dir(out)
    (out / COMMIT).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _held_by_live_process(staging: Path) -> bool:
    """A staging folder of a process still running (its pid is in the name)."""
    try:
        pid = int(staging.name[len(STAGING_PREFIX):])
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    """Make renames in a folder durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
