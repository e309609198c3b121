"""A batch the data team can trust: nothing lost to a clash, a kill, a planted file or a
signal; workers never outlive the run; the model is loaded before a file's clock starts."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SHARED
from factextract import batch, worker, extract, load, serialize, store
from factextract.cli import main
from test_batch import calls, fake_process, make_files, run

RELIABILITY = SHARED / "reliability"
# How long a killed run's workers may take to go (seconds).
WORKERS_GONE_S = 15.0
MARKER = "planted-pickle-ran"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has finished
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def _state(pid: int) -> str:
    """A process's state and parent, for a failure message."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().split()
        return f"state {fields[2]}, parent {fields[3]} ({Path(f'/proc/{fields[3]}/cmdline').read_text()[:60]!r})"
    except OSError:
        return "gone"


def _worker_pids(tmp_path: Path) -> list[int]:
    folder = tmp_path / "calls"
    return [int(p.read_text()) for p in folder.iterdir() if p.read_text()] if folder.exists() else []


def _wait_for(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


# --- identity: clashes and the cache --------------------------------------------------------------

def test_a_copy_that_finishes_arriving_mid_run_costs_no_batch(tmp_path, monkeypatch):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok first document", "late.pdf": b"becomes a.pdf"})
    monkeypatch.setattr(batch, "run_batch", functools.partial(batch.run_batch, process=fake_process))
    sheets = batch.run(paths, tmp_path / "out", jobs=2, cache=False, progress=False)
    docs = load(tmp_path / "out")["documents"].set_index("source_path")
    assert len(docs) == 2 and len(sheets) == 2
    late = docs.loc[str(paths[1])]
    assert late["duplicate_of"] == str(paths[0])
    assert any("changed while the run was reading it" in w for w in late["warnings"])


def test_a_cache_entry_holding_another_documents_result_is_not_trusted(tmp_path):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "b.pdf": b"ok b"})
    cache = tmp_path / "cache"
    first = run([paths[0]], cache_dir=cache)[0]
    poisoned = worker.cache_file(cache, _sha(b"ok b"))
    poisoned.write_bytes(serialize.dumps(first))     # b's entry holds a's result
    sheet = run([paths[1]], cache_dir=cache)[0]
    assert sheet.sha256 == _sha(b"ok b") and "b.pdf" in calls(tmp_path)


def test_a_planted_cache_file_runs_no_code(tmp_path):
    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / MARKER}",))

    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    cache = tmp_path / "cache"
    cache.mkdir()
    worker.cache_file(cache, _sha(b"ok a")).write_bytes(pickle.dumps(Payload()))
    (cache / f"{_sha(b'ok a')}-anything.pkl").write_bytes(pickle.dumps(Payload()))
    sheet = run(paths, cache_dir=cache)[0]
    assert sheet.status == "ok" and not (tmp_path / MARKER).exists()


def test_prune_cache_removes_entries_of_other_versions(tmp_path):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    cache = tmp_path / "cache"
    run(paths, cache_dir=cache)
    (cache / f"{_sha(b'x')}-0.0.1-000000000000.json").write_text("{}")
    assert batch.prune_cache(cache) == (1, 1)
    assert batch.prune_cache(cache, older_than_days=1) == (0, 1)   # used just now
    old = time.time() - 2 * 86400
    for entry in cache.iterdir():
        os.utime(entry, (old, old))
    assert batch.prune_cache(cache, older_than_days=1) == (1, 0)


# --- the model and the clock ------------------------------------------------------------------------

def test_the_model_is_loaded_before_a_files_timeout_starts():
    # A new worker loads spaCy (seconds) in its initialiser: a sample read in well under a
    # second must not time out at 3 s.
    sheet = batch.run_batch([SAMPLES / "gambia-en.pdf"], jobs=1, timeout_s=3.0, memory_mb=None,
                            cache_dir=None, progress=False)[0]
    assert sheet.status == "ok", sheet.error


@pytest.mark.skipif(not RELIABILITY.is_dir(), reason=f"{RELIABILITY} is absent (a user's clone has no ../shared)")
def test_extract_with_a_timeout_gives_up_on_a_decompression_bomb():
    clock = time.monotonic()
    sheet = extract(RELIABILITY / "hang-218-deflate_garbage-chromium-netherlands-en.pdf", timeout=5)
    assert sheet.status == "error" and "timed out after 5 s" in sheet.error
    assert time.monotonic() - clock < 60


# --- signals and kills: no worker outlives the run ------------------------------------------------

_DRIVER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{tests!r}, {src!r}]
    from pathlib import Path
    from factextract.batch import run_batch
    from test_batch import fake_process
    print("started", flush=True)
    run_batch([Path({path!r})], jobs=1, timeout_s=100, memory_mb=None, cache_dir=None,
              progress=False, process=fake_process)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and relies on Linux's parent-death signal")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_a_run_that_is_stopped_or_killed(tmp_path, how):
    (path,) = make_files(tmp_path / "in", {"slow.pdf": b"sleep for a minute"})
    driver = _DRIVER.format(tests=str(ROOT / "tests"), src=str(ROOT / "src"), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: _worker_pids(tmp_path), 60), "the worker never started the file"
        (worker,) = _worker_pids(tmp_path)
        fork_server = int(Path(f"/proc/{worker}/stat").read_text().split()[3])
        proc.send_signal(how)
        proc.wait(timeout=WORKERS_GONE_S)
        assert _wait_for(lambda: not _alive(worker), WORKERS_GONE_S), f"worker {worker} outlived the run: {_state(worker)}"
        assert _wait_for(lambda: not _alive(fork_server), WORKERS_GONE_S), (
            f"the fork server {fork_server} outlived the run: {_state(fork_server)}")
    finally:
        proc.kill()
        proc.wait()


# --- the output folder -------------------------------------------------------------------------------

def test_a_second_run_into_a_folder_being_written_stops_with_a_message(tmp_path, capsys):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    out = tmp_path / "out"
    out.mkdir()
    with store.run_lock(out):
        status = main(["run", str(paths[0]), "--out", str(out), "--no-progress"])
    assert status == 2 and "another factextract run" in capsys.readouterr().err
    assert calls(tmp_path) == []


def test_an_unwritable_output_folder_is_refused_before_any_file_is_read(tmp_path, capsys):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    (tmp_path / "taken").write_text("a file, not a folder")
    status = main(["run", str(paths[0]), "--out", str(tmp_path / "taken" / "out"), "--no-progress"])
    assert status == 2 and "cannot write to --out" in capsys.readouterr().err
    assert calls(tmp_path) == []


_SLOW_WRITE = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{src!r}]
    from factextract import tables
    real = tables._csv_frame
    def slow(table, frame):
        if table == "items":
            print("writing", flush=True)
            time.sleep(60)
        return real(table, frame)
    tables._csv_frame = slow
    from factextract.cli import main
    sys.exit(main(["run", {inputs!r}, "--out", {out!r}, "--no-progress", "--jobs", "1", "--replace"]))
""")


def _tables_of(out: Path) -> dict[str, bytes]:
    """The folder's tables and descriptors (not the log, which every run appends to)."""
    return {p.name: p.read_bytes() for p in out.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.name != batch.LOG_FILE}


def test_kill_9_while_the_tables_are_written_leaves_the_previous_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(SAMPLES / "gambia-en.pdf"), "--out", str(out), "--no-progress", "--jobs", "1"]) == 0
    before = _tables_of(out)
    driver = _SLOW_WRITE.format(src=str(ROOT / "src"), inputs=str(SAMPLES / "nigeria-en.pdf"), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
    after = _tables_of(out)
    assert after == before
    assert list(load(out)["documents"]["source_path"]) == [str(SAMPLES / "gambia-en.pdf")]
    # The next run clears what the killed one left.
    assert main(["run", str(SAMPLES / "nigeria-en.pdf"), "--out", str(out), "--no-progress", "--jobs", "1"]) == 0
    assert not list(out.glob(f"{store.STAGING_PREFIX}*"))
    assert len(load(out)["documents"]) == 2


# --- long documents ----------------------------------------------------------------------------------

LONG_PAGES = 300


def _long_pdf(path: Path) -> Path:
    """A 300-page PDF, a paragraph on each page naming its number."""
    from stages.test_pages import make_pdf, text

    pages = [text(f"Paragraphe de la page {n}, assez long pour etre un paragraphe du corps.", 72, 700)
             for n in range(1, LONG_PAGES + 1)]
    path.write_bytes(make_pdf(*pages))
    return path


def test_every_page_of_a_300_page_file_is_read(tmp_path):
    sheet = extract(_long_pdf(tmp_path / "long.pdf"))
    assert sheet.status == "ok" and sheet.page_count == LONG_PAGES
    assert {item.page for item in sheet.items} == set(range(1, LONG_PAGES + 1))
    assert not any("not read" in w for w in sheet.warnings)


def test_a_page_limit_is_an_option_and_is_reported(tmp_path):
    sheet = extract(_long_pdf(tmp_path / "long.pdf"), max_pages=40)
    assert sheet.page_count == LONG_PAGES and max(item.page for item in sheet.items) == 40
    assert any("41" in w and "300" in w and "not read" in w for w in sheet.warnings), sheet.warnings


# --- a full disk, for real ---------------------------------------------------------------------------

PAGE = 4096  # tmpfs allocates whole pages


def _size_on_disk(folder: Path) -> int:
    return sum(-(-p.stat().st_size // PAGE) * PAGE for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs mount of a given size (root and a kernel that allows it), unmounted after."""
    mounts = []

    def mount(size: int) -> Path:
        point = tmp_path / f"disk{len(mounts)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip() or 'not root'}); "
                        "the full-disk case is also covered without one in tests/test_store.py")
        mounts.append(point)
        return point

    yield mount
    for point in mounts:
        subprocess.run(["umount", str(point)], capture_output=True)


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0,
                    reason="mounting a tmpfs needs Linux and root (CI runs as root)")
def test_a_disk_that_fills_while_the_tables_are_written_leaves_the_previous_output(tmp_path, small_disk, capsys):
    first, second = SAMPLES / "gambia-en.pdf", SAMPLES / "chromium-mauritanie-fr.pdf"
    probe = tmp_path / "probe"
    assert main(["run", str(first), "--out", str(probe), "--no-progress", "--no-cache", "--jobs", "1"]) == 0
    # Room for one collection and a half: the second run's staging copy cannot fit.
    out = small_disk(_size_on_disk(probe) * 3 // 2 // PAGE * PAGE + 2 * PAGE)
    assert main(["run", str(first), "--out", str(out), "--no-progress", "--no-cache", "--jobs", "1"]) == 0
    before = _tables_of(out)
    capsys.readouterr()
    status = main(["run", str(second), "--out", str(out), "--no-progress", "--no-cache", "--jobs", "1"])
    assert status == 1 and "previous output is unchanged" in capsys.readouterr().err
    assert _tables_of(out) == before and not list(out.glob(f"{store.STAGING_PREFIX}*"))
    assert list(load(out)["documents"]["source_path"]) == [str(first)]


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0,
                    reason="mounting a tmpfs needs Linux and root (CI runs as root)")
def test_a_read_only_output_folder_is_refused_before_any_file_is_read(tmp_path, small_disk, capsys, monkeypatch):
    out = small_disk(64 * PAGE)
    if subprocess.run(["mount", "-o", "remount,ro", str(out)], capture_output=True).returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")

    def no_file_may_be_read(*args, **kwargs):
        raise AssertionError("a file was processed before --out was checked")

    monkeypatch.setattr(batch, "run_batch", no_file_may_be_read)
    status = main(["run", str(SAMPLES / "gambia-en.pdf"), "--out", str(out), "--no-progress"])
    assert status == 2 and "Read-only file system" in capsys.readouterr().err
