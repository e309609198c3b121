"""The ``dask`` executor: each file a task on the workers of a Dask cluster.

``run_batch(..., executor="dask")`` hands its files here instead of to the local pool. The
result is the local executor's: the same Factsheets, and the same statuses and messages for
timeouts, memory caps and crashes, because a Dask worker does what a local worker does. It
runs the file in a child process of its own (a pebble pool of one process per worker thread,
kept between files): the child has the ``RLIMIT_AS`` cap, a file that runs past ``--timeout``
has its child killed, and a child that dies fails only its file. A Dask worker is never put
at risk by a PDF, so Dask never retries a file on another worker.

The parent (this process) does what it does for the local pool: hashes the files, reads and
writes the cache (by its own pipeline version: a result made by workers running other code is
not cached), keeps at most one file per worker thread in flight (so that ``abort_on_error``
starts nothing new after an error, and a file's time counts from when a worker takes it up),
and hands each Factsheet to the batch as it comes back.

What the workers need:

* the input files, at the same absolute path as here (a shared file system): files are sent
  as paths, not bytes. A file a worker cannot see is that file's ``error``, saying so.
* factextract installed, the same version as here. The task sent to the workers is pickled by
  value and imports factextract only when it runs, so a worker without it answers with a
  clear message (a task that cannot be unpickled on a worker would hang the batch instead).
* a ``process=`` function, if one is given, importable there too (it is pickled with
  cloudpickle; a function defined in ``__main__`` travels by value).

``scheduler`` is an address (``tcp://HOST:8786``), a ``distributed.Client`` (left open), a
cluster object such as ``LocalCluster`` (left running), or ``None``: a ``LocalCluster`` of
``jobs`` single-threaded worker processes is started for the run and closed after it.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import multiprocessing.util
import os
import queue
import socket
import threading
import time
import uuid
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ._version import __version__
from .errors import UsageError

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'factextract[dask]'"
# How long to wait for a scheduler given by address to answer.
CONNECT_TIMEOUT_S = 10.0
# How often the parent looks at the cluster while files are in flight (seconds).
POLL_S = 1.0
# How often the parent asks the scheduler how many worker threads there are (seconds).
CAPACITY_REFRESH_S = 2.0
# A cluster without workers for this long, with nothing done: the run stops (seconds).
NO_WORKERS_S = 60.0
# How often a worker checks that the task it runs is still wanted (seconds).
CANCEL_POLL_S = 0.5
# The prefix of the task keys, shown on the Dask dashboard.
TASK_PREFIX = "factextract-file"


def run_on_dask(
    batch: Any, todo: deque[int], *, scheduler: Any, jobs: int, timeout_s: float | None,
    memory_mb: int | None, cache_dir: Path | None, process: Any, max_pages: int | None,
) -> None:
    """Run the files in ``todo`` as tasks on a Dask cluster, handing each one's Factsheet to
    ``batch`` (a ``batch._Batch``); the Dask counterpart of ``batch._run_pool``. The files
    left in ``todo`` when it returns were not started (``abort_on_error``). ``jobs`` is the
    size of the local cluster started for ``scheduler=None``; a given cluster runs one file
    per worker thread at a time, however many threads it has.

    Raises:
        UsageError: ``distributed`` is not installed, the scheduler cannot be reached,
            ``scheduler`` is not something to run on, or factextract is not installed on
            the workers; nothing was processed then.
        KeyboardInterrupt: after the tasks were cancelled (their child processes on the
            workers are killed) and the client, and a cluster started here, closed.
    """
    distributed = _import_distributed()
    import cloudpickle

    process_bytes = cloudpickle.dumps(process) if process is not None else None
    with _connect(distributed, scheduler, workers=min(jobs, len(todo))) as client:
        _check_workers(client)
        _Runner(distributed, client, batch, todo, timeout_s=timeout_s, memory_mb=memory_mb,
                cache_dir=cache_dir, process_bytes=process_bytes, max_pages=max_pages).run()
        if scheduler is not None:  # a cluster that outlives the run: leave no idle child behind
            _release_workers(client)


# ---------------------------------------------------------------------------------------------
# The parent side


def _import_distributed() -> Any:
    try:
        import distributed
        import cloudpickle  # noqa: F401  (a dependency of distributed)
    except ImportError as exc:
        raise UsageError(
            f"the dask executor needs Dask's distributed package ({exc}): {INSTALL_HINT}"
        ) from None
    return distributed


@contextmanager
def _connect(distributed: Any, scheduler: Any, *, workers: int) -> Iterator[Any]:
    """A client of the cluster ``scheduler`` names; closes what it opened (a client, and a
    cluster started for ``scheduler=None``), also on KeyboardInterrupt."""
    from distributed.deploy import Cluster

    cluster = None
    if isinstance(scheduler, distributed.Client):
        yield scheduler  # the caller's: left open
        return
    if scheduler is None:
        try:
            cluster = distributed.LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        except Exception as exc:
            raise UsageError(f"could not start a local Dask cluster ({type(exc).__name__}: {exc}); "
                             "use --executor local, or name a running scheduler with --scheduler") from exc
        target: Any = cluster
    elif isinstance(scheduler, (str, Cluster)) or hasattr(scheduler, "scheduler_address"):
        target = scheduler
    else:
        raise UsageError(f"the Dask scheduler must be an address (tcp://HOST:8786), a distributed.Client or a "
                         f"cluster object, not {type(scheduler).__name__}")
    try:
        try:
            client = distributed.Client(target, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:  # refused, no answer, not an address
            where = target if isinstance(target, str) else getattr(target, "scheduler_address", target)
            raise UsageError(
                f"cannot connect to the Dask scheduler at {where} ({exc}); check the address "
                "(tcp://HOST:8786) and that the scheduler is running"
            ) from None
        try:
            yield client
        finally:
            _quietly(client.close)
    finally:
        if cluster is not None:
            _quietly(cluster.close)


def _quietly(close: Any) -> None:
    try:
        close()
    except Exception as exc:  # closing must not hide what happened before
        log.debug("closing the Dask client or cluster failed: %s", exc)


def _check_workers(client: Any) -> None:
    """Ask every worker there now whether it can run factextract: none can -> UsageError
    (nothing is processed); some cannot -> a warning, and their files say so. Workers
    running other factextract code than this machine's get a warning: their results are
    not cached."""
    try:
        answers = client.run(_make_probe())
    except Exception as exc:  # a worker that cannot even run the probe: the tasks will say more
        log.warning("could not ask the Dask workers about factextract: %s", exc)
        return
    from .worker import pipeline_fingerprint

    missing = {addr: info for addr, info in answers.items() if not info[0]}
    if answers and len(missing) == len(answers):
        _addr, (_ok, host, python, detail) = next(iter(missing.items()))
        raise UsageError(_not_installed_message(host, python, detail))
    for addr, (_ok, host, python, detail) in missing.items():
        log.warning("%s", _not_installed_message(host, python, detail) + f" (worker {addr})")
    mine = pipeline_fingerprint()
    others = sorted({info[3] for info in answers.values() if info[0] and info[3] != mine})
    if others:
        log.warning("some Dask workers run other factextract code (%s) than this machine (%s): their results "
                    "are not cached, and may differ; install the same version everywhere", ", ".join(others), mine)


def _release_workers(client: Any) -> None:
    """Stop the idle child processes the run left on the workers of a cluster that outlives
    it (a cluster started for the run is closed instead)."""
    try:
        client.run(_make_release())
    except Exception as exc:
        log.debug("could not release the child processes on the Dask workers: %s", exc)


def _make_release() -> Any:
    def factextract_release() -> int:
        try:
            from factextract.dask_executor import release_pools
        except Exception:
            return 0
        return release_pools()

    return factextract_release


def _not_installed_message(host: str, python: str, detail: str) -> str:
    return (
        f"factextract is not installed on the Dask workers ({host}, {python}: {detail}); install factextract "
        f"{__version__} (this machine's version) with its dask extra in the Python environment that runs the "
        f"workers ({INSTALL_HINT}), then restart them"
    )


def _make_probe() -> Any:
    """The function ``client.run`` sends to every worker: (can import factextract, host,
    Python, pipeline fingerprint or the import error). Made in a function so that cloudpickle
    sends it by value: a worker can load it without factextract."""

    def factextract_probe() -> tuple[bool, str, str, str]:
        import socket
        import sys

        try:
            from factextract.worker import pipeline_fingerprint

            return True, socket.gethostname(), sys.executable, pipeline_fingerprint()
        except Exception as exc:  # ImportError, or a broken install
            return False, socket.gethostname(), sys.executable, f"{type(exc).__name__}: {exc}"

    return factextract_probe


def _make_task() -> Any:
    """The task function sent with every file: pickled by value (see ``_make_probe``); it
    imports the worker side of this module only when it runs, so a worker without
    factextract returns a message instead of failing to load the task."""

    def factextract_file(*args: Any) -> tuple:
        try:
            from factextract.dask_executor import _worker_run
        except Exception as exc:  # ImportError, or a broken install
            import socket
            import sys

            return "not-installed", socket.gethostname(), sys.executable, f"{type(exc).__name__}: {exc}"
        return _worker_run(*args)

    return factextract_file


class _Runner:
    """One batch on one client: submit, wait, hand results to the batch."""

    def __init__(self, distributed: Any, client: Any, batch: Any, todo: deque[int], *, timeout_s: float | None,
                 memory_mb: int | None, cache_dir: Path | None, process_bytes: bytes | None,
                 max_pages: int | None) -> None:
        from .worker import pipeline_fingerprint

        self.distributed, self.client, self.batch, self.todo = distributed, client, batch, todo
        self.timeout_s, self.memory_mb, self.cache_dir = timeout_s, memory_mb, cache_dir
        self.process_bytes, self.max_pages = process_bytes, max_pages
        self.fingerprint = pipeline_fingerprint()
        self.run_id = uuid.uuid4().hex[:12]
        self.cwd = os.getcwd()  # relative paths are this folder's, not the workers'
        self.task = _make_task()
        self.inflight: dict[Any, int] = {}
        self.done: queue.Queue[Any] = queue.Queue()  # futures as they finish, err or are cancelled
        self.began: dict[int, float] = {}
        self._capacity = 1
        self._capacity_at = -CAPACITY_REFRESH_S
        self._idle_since = time.monotonic()  # since when nothing came back and there were no workers

    def run(self) -> None:
        try:
            self._loop()
        except BaseException:  # KeyboardInterrupt included: stop the tasks, do not wait for them
            if self.inflight:
                try:
                    self.client.cancel(list(self.inflight), force=True)
                except Exception as exc:
                    log.debug("cancelling the Dask tasks failed: %s", exc)
            raise

    def _loop(self) -> None:
        batch, todo = self.batch, self.todo
        while todo or self.inflight:
            if self.client.status not in ("running", "connecting"):
                self._fail_all(f"the connection to the Dask scheduler was lost ({self.client.status})")
                return
            capacity = self._refresh_capacity()
            while todo and len(self.inflight) < capacity and not batch.stop:
                self._submit(todo.popleft())
            if not self.inflight:
                break
            try:
                future = self.done.get(timeout=POLL_S)
            except queue.Empty:
                self._check_no_workers()
                continue
            i = self.inflight.pop(future, None)
            if i is not None:
                self._finish(i, future)

    def _submit(self, i: int) -> None:
        future = self.client.submit(
            self.task, str(self.batch.paths[i]), self.cwd, self.process_bytes, self.timeout_s, self.memory_mb,
            self.max_pages, self.batch.reader,
            key=f"{TASK_PREFIX}-{self.run_id}-{i}", pure=False, retries=0,
        )
        self.inflight[future] = i
        self.began[i] = time.monotonic()
        future.add_done_callback(self.done.put)  # called in a thread of the client's

    def _refresh_capacity(self) -> int:
        """At most one file in flight per worker thread (at least one, so that an adaptive
        cluster with no workers yet is asked for some)."""
        now = time.monotonic()
        if now - self._capacity_at >= CAPACITY_REFRESH_S:
            self._capacity_at = now
            try:
                self._capacity = max(1, sum(self.client.nthreads().values()))
            except Exception as exc:
                log.debug("could not count the Dask worker threads: %s", exc)
        return self._capacity

    def _check_no_workers(self) -> None:
        try:
            workers = len(self.client.nthreads())
        except Exception:
            return
        if workers:
            self._idle_since = time.monotonic()
        elif time.monotonic() - self._idle_since > NO_WORKERS_S:
            raise UsageError(f"the Dask cluster has had no workers for {NO_WORKERS_S:g} s; start some "
                             f"(dask worker {self.client.scheduler.address}) or use --executor local")

    def _finish(self, i: int, future: Any) -> None:
        from .worker import cache_put, error_sheet

        batch = self.batch
        self._idle_since = time.monotonic()
        sheet, message, cacheable = self.outcome(future)
        if sheet is None:
            sheet = error_sheet(batch.paths[i], batch.hashes[i], message or "unknown failure")
        elif cacheable and sheet.sha256 == batch.hashes[i]:
            cache_put(self.cache_dir, batch.hashes[i], sheet, batch.reader)
        batch.finish(i, sheet, seconds=time.monotonic() - self.began.pop(i))
        batch.advance(1)

    def outcome(self, future: Any) -> tuple[Any, str | None, bool]:
        """(sheet, failure message, whether the sheet may be cached) of a finished task."""
        from .worker import short_message

        status = future.status
        if status == "finished":
            try:
                answer = future.result()
            except Exception as exc:  # the result could not be brought back
                return None, short_message(f"internal error: the result did not come back from the Dask worker: "
                                       f"{type(exc).__name__}: {exc}"), False
            if answer[0] == "not-installed":
                _kind, host, python, detail = answer
                return None, short_message(_not_installed_message(host, python, detail)), False
            _kind, sheet, message, cacheable, fingerprint = answer
            return sheet, message, cacheable and fingerprint == self.fingerprint
        if status == "error":
            exc = future.exception()
            if isinstance(exc, self.distributed.KilledWorker):
                return None, short_message(
                    f"the Dask workers running this file died ({exc}); the PDF may be malformed, or the workers "
                    "ran out of memory (give them more, or fewer threads each)"), False
            return None, short_message(f"internal error on the Dask worker: {type(exc).__name__}: {exc}; "
                                   "please report it, with this file"), False
        return None, short_message(f"cancelled before it finished (the Dask task was {status}: the scheduler or a "
                               "worker went away?)"), False

    def _fail_all(self, reason: str) -> None:
        """The client is gone: every file in flight or not yet started is an error."""
        from .worker import error_sheet, short_message

        for future, i in list(self.inflight.items()):
            self.batch.finish(i, error_sheet(self.batch.paths[i], self.batch.hashes[i], short_message(
                f"not finished: {reason}; run again")), seconds=time.monotonic() - self.began.pop(i))
            self.batch.advance(1)
        self.inflight.clear()
        while self.todo:
            i = self.todo.popleft()
            self.batch.finish(i, error_sheet(self.batch.paths[i], self.batch.hashes[i], short_message(
                f"not processed: {reason}; run again")))
            self.batch.advance(1)


# ---------------------------------------------------------------------------------------------
# The worker side: runs in a Dask worker's task thread


_pools: dict[int | None, Any] = {}  # memory cap -> the pebble pool of this worker process
_pools_busy: dict[int | None, int] = {}
_pools_lock = threading.Lock()


def _worker_run(path: str, cwd: str, process_bytes: bytes | None, timeout_s: float | None,
                memory_mb: int | None, max_pages: int | None, reader: str) -> tuple:
    """Process one file (``path`` as given to the run, relative to the run's folder ``cwd``)
    in a child process of this Dask worker, as a local worker would: the child has the memory
    cap and is killed after ``timeout_s``. Returns ("done", sheet or None, failure message,
    cacheable, this worker's pipeline fingerprint)."""
    from .worker import short_message, outcome, pipeline_fingerprint

    fingerprint = pipeline_fingerprint()
    full = os.path.join(cwd, path)  # path itself if absolute
    try:
        os.stat(full)
    except FileNotFoundError:
        return "done", None, short_message(
            f"not found on the Dask worker {socket.gethostname()}: the workers open the input files by path, "
            f"so they must see them at the same path as this machine ({full}), e.g. on a shared file system"
        ), False, fingerprint
    except OSError as exc:
        return "done", None, short_message(
            f"cannot read the file on the Dask worker {socket.gethostname()} ({exc.strerror or exc}); the "
            "workers must be able to read the input files, at the same path as this machine"), False, fingerprint
    future = _schedule(memory_mb, (process_bytes, path, cwd, memory_mb, max_pages, reader), timeout_s)
    try:
        _wait_unless_cancelled(future)
        sheet, message, cacheable = outcome(future, timeout_s, memory_mb)
    finally:
        with _pools_lock:
            _pools_busy[memory_mb] -= 1
    return "done", sheet, message, cacheable, fingerprint


def _schedule(memory_mb: int | None, args: tuple, timeout_s: float | None) -> Any:
    """Start a file on this worker's pool for ``memory_mb``: one child process per worker
    thread, started on first use and kept for the next files (a child that timed out or died
    is replaced by pebble). A pool for another memory cap is closed once idle."""
    from pebble import ProcessPool

    from .worker import start_worker, mp_context

    with _pools_lock:
        for other in [m for m in _pools if m != memory_mb and not _pools_busy.get(m)]:
            _stop(_pools.pop(other))  # idle: nothing is lost
        for attempt in (1, 2):
            pool = _pools.get(memory_mb)
            if pool is None or not pool.active:
                _allow_children()
                _stop_pools_at_exit()
                pool = _pools[memory_mb] = ProcessPool(
                    max_workers=_worker_threads(), initializer=start_worker, initargs=(memory_mb, os.getpid()),
                    context=mp_context(),
                )
            try:
                future = pool.schedule(_child_work, args=args, timeout=timeout_s)
                break
            except RuntimeError:  # a broken pool: start another once
                _stop(_pools.pop(memory_mb))
                if attempt == 2:
                    raise
        _pools_busy[memory_mb] = _pools_busy.get(memory_mb, 0) + 1
    return future


_stop_registered = False


def _stop_pools_at_exit() -> None:
    """Stop the pools when this process ends: pebble's children are not daemons, and
    multiprocessing's exit handler would wait for them (Dask's nanny then kills the worker
    after a few seconds). A multiprocessing finalizer with an exit priority runs before
    that wait, in a Dask worker process as in a main process."""
    global _stop_registered
    if not _stop_registered:
        multiprocessing.util.Finalize(None, release_pools, kwargs={"busy_too": True}, exitpriority=100)
        _stop_registered = True


def release_pools(busy_too: bool = False) -> int:
    """Stop this process's pools and their child processes (those working on a file too, with
    ``busy_too``); return how many were stopped. Run on every worker after a batch, so that
    an idle cluster does not keep a warm child per thread."""
    with _pools_lock:
        gone = [m for m in _pools if busy_too or not _pools_busy.get(m)]
        pools = [_pools.pop(m) for m in gone]
    for pool in pools:
        _stop(pool)
    return len(pools)


def _stop(pool: Any) -> None:
    """Stop a pool and its child processes now (pebble's ``stop`` only marks it: ``join``
    kills the children)."""
    pool.stop()
    try:
        pool.join()
    except Exception as exc:
        log.debug("stopping a pool of child processes failed: %s", exc)


def _allow_children() -> None:
    """Dask starts its worker processes as daemons, and multiprocessing refuses to start a
    child from a daemon. The flag is there so that no child outlives its parent: ours watch
    the worker's process and end with it (``batch.start_worker``)."""
    config = getattr(multiprocessing.current_process(), "_config", None)
    if isinstance(config, dict) and config.get("daemon"):
        config["daemon"] = False


def _worker_threads() -> int:
    try:
        from distributed import get_worker

        return max(1, int(get_worker().state.nthreads))
    except Exception:
        return 1


def _wait_unless_cancelled(future: Any) -> None:
    """Wait for the child's result; if Dask no longer wants it (the run was interrupted, its
    client went away), cancel it: pebble kills the child."""
    try:
        from distributed import get_worker

        worker = get_worker()
        key = worker.get_current_task()
    except Exception:  # not in a Dask task (tests calling this directly)
        worker = key = None
    while True:
        done, _ = concurrent.futures.wait([future], timeout=CANCEL_POLL_S)
        if done:
            return
        if worker is not None and not _still_wanted(worker, key):
            future.cancel()
            concurrent.futures.wait([future], timeout=CANCEL_POLL_S * 10)
            return


def _still_wanted(worker: Any, key: Any) -> bool:
    try:
        task = worker.state.tasks.get(key)
    except Exception:
        return True
    return task is not None and task.state not in ("cancelled", "released", "forgotten")


def _child_work(process_bytes: bytes | None, path: str, cwd: str, memory_mb: int | None, max_pages: int | None,
                reader: str) -> Any:
    """In the child: load the ``process=`` function, if any, and do what a local worker does,
    with the path as the run was given it (the child works in the run's folder, so that its
    messages name the file as a local worker's would)."""
    from .worker import Failure, short_message, work

    if not os.path.isabs(path):
        try:
            os.chdir(cwd)  # a process of its own: no other thread's files to lose
        except OSError:
            path = os.path.join(cwd, path)
    process = None
    if process_bytes is not None:
        import pickle

        try:
            process = pickle.loads(process_bytes)
        except Exception as exc:
            return Failure(short_message(f"the process function could not be loaded on the Dask worker "
                                      f"({type(exc).__name__}: {exc}); it must be importable there"))
    return work(process, path, memory_mb, max_pages, reader)
