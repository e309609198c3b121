"""The dask executor (``dask_executor``): each file a task on a Dask cluster, with the local
executor's results, statuses and messages.

One ``LocalCluster`` (2 worker processes, 1 thread each) serves the whole module. The fake
pipeline is ``test_batch.fake_process`` (behaviour chosen by the file's first word; each call
leaves a file holding the pid of the process that ran it in ``<input folder>/../calls``); it
pickles by reference, and the workers import it (they inherit this process's ``sys.path``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from factextract import batch, worker, dask_executor  # noqa: E402
from factextract.cli import main  # noqa: E402
from factextract.errors import UsageError  # noqa: E402

from conftest import SAMPLES  # noqa: E402
from test_batch import calls, fake_process, make_files  # noqa: E402

FAST_TIMEOUT_S = 1.0
# Samples from every producer, in both languages, with one to three pages: all 19 would take
# ~20 s more for the local reference run and the Dask run, on two cores.
SAMPLE_NAMES = ("cameroun-fr", "chromium-ghana-en", "libreoffice-congo-fr", "nigeria-en",
                "reportlab-gabon-fr-3p", "senegal-fr-2p")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        # A worker's first file waits for its fork server to load the pipeline (seconds): pay
        # that here, so that the tests' clocks measure only themselves.
        paths = make_files(tmp_path_factory.mktemp("warm") / "in", {"a.pdf": b"ok a", "b.pdf": b"ok b"})
        assert [s.status for s in run(paths, cluster)] == ["ok", "ok"]
        yield cluster


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as client:
        yield client


def run(paths, scheduler, **kwargs) -> batch.BatchResult:
    options = dict(jobs=2, timeout_s=FAST_TIMEOUT_S * 30, memory_mb=None, cache_dir=None, progress=False,
                   process=fake_process, executor="dask", scheduler=scheduler)
    options.update(kwargs)
    return batch.run_batch(paths, **options)


def tables(folder: Path) -> dict[str, list[dict]]:
    import pandas as pd

    out = {}
    for csv in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
        out[csv.stem] = frame.drop(columns=["extracted_at"], errors="ignore").to_dict("records")
    return out


# ---------------------------------------------------------------------------------------------
# The real pipeline: the same tables as the local executor


def test_same_tables_as_the_local_executor(tmp_path, cluster):
    samples = [SAMPLES / f"{name}.pdf" for name in SAMPLE_NAMES]
    local = batch.run(samples, tmp_path / "local", jobs=2, cache=False, progress=False)
    on_dask = batch.run(samples, tmp_path / "dask", cache=False, progress=False, executor="dask",
                        scheduler=cluster)
    assert [s.source_path for s in on_dask] == [s.source_path for s in local] == [str(p) for p in samples]
    assert [(s.status, s.error, s.warnings) for s in on_dask] == [(s.status, s.error, s.warnings) for s in local]
    expected = tables(tmp_path / "local")
    assert expected["items"] and expected["documents"]
    assert tables(tmp_path / "dask") == expected


# ---------------------------------------------------------------------------------------------
# What happens to a file: the local executor's statuses and messages


@pytest.mark.parametrize("content, status, message", [
    pytest.param(b"ok", "ok", None, id="ok"),
    pytest.param(b"corrupt", "error", "not a PDF", id="pipeline-error"),
    pytest.param(b"raise", "error", "TypeError: unsupported operand", id="exception"),
    pytest.param(b"exit", "error", "the worker process died (exit code 3) while reading this file", id="os-exit"),
])
def test_one_file(tmp_path, client, content, status, message):
    [path] = make_files(tmp_path / "in", {"doc.pdf": content})
    [sheet] = run([path], client)
    assert sheet.status == status
    assert sheet.source_path == str(path)
    assert sheet.error is None if message is None else message in sheet.error


def test_timeout_stops_the_file_on_the_worker(tmp_path, cluster):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "hang.pdf": b"sleep", "c.pdf": b"ok c"})
    started = time.monotonic()
    sheets = run(paths, cluster, timeout_s=FAST_TIMEOUT_S)
    assert time.monotonic() - started < 30  # the file sleeps for 60 s
    assert [s.status for s in sheets] == ["ok", "error", "ok"]
    assert sheets[1].error == worker.timeout_message(FAST_TIMEOUT_S)
    [pid] = [int(p.read_text()) for p in (tmp_path / "calls").glob("hang.pdf.*")]
    assert _gone(pid), "the child process that ran the file was not killed"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux only")
def test_memory_cap_is_the_child_s(tmp_path, cluster):
    paths = make_files(tmp_path / "in", {"big.pdf": b"memory", "b.pdf": b"ok b"})
    sheets = run(paths, cluster, memory_mb=1024)
    assert [s.status for s in sheets] == ["error", "ok"]
    assert sheets[0].error == worker.memory_message(1024)


def test_file_missing_on_the_worker_fails_only_that_file(tmp_path, cluster):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "gone.pdf": b"ok gone"})
    runner = batch._Batch(paths, abort_on_error=False)
    todo = runner.plan(None)
    runner.open_bar(False)
    paths[1].unlink()  # hashed here, not there when the worker opens it
    dask_executor.run_on_dask(runner, todo, scheduler=cluster, jobs=2, timeout_s=30, memory_mb=None,
                              cache_dir=None, process=fake_process, max_pages=None)
    ok, gone = runner.sheets()
    assert ok.status == "ok"
    assert gone.status == "error" and gone.source_path == str(paths[1])
    assert gone.error.startswith("not found on the Dask worker ")
    assert "same path as this machine" in gone.error and "shared file system" in gone.error


def test_order_kept_and_abort_on_error(tmp_path, cluster):
    paths = make_files(tmp_path / "in", {"1.pdf": b"raise", "2.pdf": b"exit", "3.pdf": b"ok 3", "4.pdf": b"ok 4"})
    sheets = run(paths, cluster, abort_on_error=True)
    # Two workers: the first two files are in flight together; after the first error nothing starts.
    assert [s.status for s in sheets] == ["error", "error"]
    assert sheets.not_processed == paths[2:]
    assert calls(tmp_path) == ["1.pdf", "2.pdf"]


# ---------------------------------------------------------------------------------------------
# Cache: read and written by this process, as with the local executor


def test_cache_hits_on_the_second_run(tmp_path, client):
    cache = tmp_path / "cache"
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "b.pdf": b"corrupt", "c.pdf": b"exit"})
    first = run(paths, client, cache_dir=cache)
    assert [s.status for s in first] == ["ok", "error", "error"]
    assert first.from_cache == 0
    second = run(paths, client, cache_dir=cache)
    assert second.from_cache == 2  # the crash is retried, not cached
    assert list(second)[:2] == list(first)[:2]
    assert calls(tmp_path) == ["a.pdf", "b.pdf", "c.pdf", "c.pdf"]


def test_results_of_other_code_are_not_cached(tmp_path, client, monkeypatch, caplog):
    """Workers running another version of factextract (not restarted after an upgrade): their
    results are used, but not cached under this version's name."""
    cache = tmp_path / "cache"
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    monkeypatch.setattr(worker, "pipeline_fingerprint", lambda: "0.0.0-not-the-workers")
    [sheet] = run(paths, client, cache_dir=cache)
    assert sheet.status == "ok"
    assert not cache.exists() or not any(cache.iterdir())
    assert "run other factextract code" in caplog.text


# ---------------------------------------------------------------------------------------------
# Ctrl-C: the tasks are cancelled and their child processes on the workers killed


def test_interrupt_kills_the_file_on_the_worker(tmp_path, cluster):
    paths = make_files(tmp_path / "in", {"hang.pdf": b"sleep", "a.pdf": b"ok a"})

    def interrupt(sheet, record):
        while not list((tmp_path / "calls").glob("hang.pdf.*")):
            time.sleep(0.05)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(paths, cluster, on_file=interrupt)
    [pid] = [int(p.read_text()) for p in (tmp_path / "calls").glob("hang.pdf.*")]
    assert _gone(pid), "the child process still runs the file after Ctrl-C"


def _gone(pid: int, within_s: float = 10.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


# ---------------------------------------------------------------------------------------------
# Usage errors: nothing processed


def test_missing_distributed_says_how_to_install(tmp_path, monkeypatch):
    [path] = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"pip install 'factextract\[dask\]'"):
        run([path], None)
    assert calls(tmp_path) == []


def test_unreachable_scheduler(tmp_path, monkeypatch):
    [path] = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT_S", 0.5)
    with pytest.raises(UsageError, match="cannot connect to the Dask scheduler at tcp://127.0.0.1:9"):
        run([path], "tcp://127.0.0.1:9")


def test_scheduler_of_the_wrong_kind(tmp_path):
    [path] = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    with pytest.raises(UsageError, match="an address"):
        run([path], 8786)


def test_workers_without_factextract(tmp_path, monkeypatch):
    """No worker: the run stops after a while. A worker that cannot import factextract: the
    run stops with a message saying so; a task sent there anyway (a worker that joined later)
    answers instead of hanging the batch."""
    [path] = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as bare:
        with monkeypatch.context() as patch:
            patch.setattr(dask_executor, "NO_WORKERS_S", 1.0)
            patch.setattr(dask_executor, "POLL_S", 0.2)
            with pytest.raises(UsageError, match="the Dask cluster has had no workers for 1 s"):
                run([path], bare)
        code = ("import sys; sys.modules['factextract'] = None; "
                "from distributed.cli.dask_worker import main; main()")
        worker = subprocess.Popen([sys.executable, "-c", code, bare.scheduler_address, "--no-nanny",
                                   "--nthreads", "1", "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(bare, set_as_default=False) as client:
                client.wait_for_workers(1, timeout=30)
                with pytest.raises(UsageError, match="factextract is not installed on the Dask workers"):
                    run([path], client)
                answer = client.submit(dask_executor._make_task(), str(path), os.getcwd(), None, 5, None, None,
                                       "pdfplumber", pure=False).result(timeout=30)
                assert answer[0] == "not-installed"
                assert answer[3].startswith("ModuleNotFoundError") and "factextract" in answer[3]
        finally:
            worker.kill()
            worker.wait()
    assert calls(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# The command line: exit codes from the statuses


def test_cli_exit_codes(tmp_path, cluster, monkeypatch, capsys):
    address = cluster.scheduler_address
    good = [SAMPLES / "gambia-en.pdf"]
    make_files(tmp_path / "bad", {"not-a-pdf.pdf": b"plain text, no PDF"})
    bad = [Path("bad") / "not-a-pdf.pdf"]  # relative to this folder, which is not the workers'
    monkeypatch.chdir(tmp_path)
    common = ["--executor", "dask", "--scheduler", address, "--no-progress", "--no-cache"]
    assert main(["run", *map(str, good), "--out", str(tmp_path / "ok"), *common]) == 0
    assert main(["run", *map(str, good + bad), "--out", "mixed", *common]) == 1
    err = capsys.readouterr().err
    assert "bad/not-a-pdf.pdf: not a PDF" in err
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT_S", 0.5)
    assert main(["run", *map(str, good), "--out", str(tmp_path / "none"), "--executor", "dask",
                 "--scheduler", "tcp://127.0.0.1:9", "--no-progress"]) == 2
    assert "cannot connect to the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "none" / "documents.csv").exists()
