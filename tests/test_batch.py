"""batch.py: discovery, worker isolation (errors, timeouts, crashes, memory), order, cache.

The process function is a fake chosen by the file's bytes, defined at module level so that
it pickles into the worker processes. Each call leaves a file in ``<input folder>/../calls``,
so a test can count calls made in other processes.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
import uuid
from pathlib import Path

import pytest

from factextract import worker
from factextract.batch import BatchResult, discover, run_batch
from factextract.errors import UsageError
from factextract.model import Factsheet

FAST_TIMEOUT_S = 1.0


# ---------------------------------------------------------------------------------------------
# The fake pipeline: behaviour chosen by the file's first word


def fake_process(path: Path) -> Factsheet:
    data = path.read_bytes()
    calls = path.parent.parent / "calls"
    calls.mkdir(exist_ok=True)
    (calls / f"{path.name}.{uuid.uuid4().hex}").write_text(str(os.getpid()))
    word = data.split(b" ", 1)[0]
    if word == b"becomes":
        # A copy that finishes arriving after the run hashed it: now another file's bytes.
        data = (path.parent / data.split()[1].decode()).read_bytes()
        path.write_bytes(data)
        word = data.split(b" ", 1)[0]
    if word == b"raise":
        raise TypeError("unsupported operand for +: 'int' and 'str'")
    if word == b"sleep":
        time.sleep(60)
    if word == b"exit":
        os._exit(3)
    if word == b"segv":
        os.kill(os.getpid(), 11)
    if word == b"memory":
        bytearray(4 * 1024**3)
    sha = hashlib.sha256(data).hexdigest()
    status = {b"scan": "no_text", b"corrupt": "error"}.get(word, "ok")
    return Factsheet(
        doc_id=sha[:16], source_path=str(path), sha256=sha, status=status,
        error="the file is not a PDF; check that it opens in a PDF reader"
        if status == "error" else None,
        page_count=1,
    )


def make_files(folder: Path, contents: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in contents.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def calls(tmp_path: Path) -> list[str]:
    folder = tmp_path / "calls"
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir()) if folder.exists() else []


def run(paths, **kwargs) -> BatchResult:
    options = dict(jobs=2, timeout_s=FAST_TIMEOUT_S * 10, memory_mb=None, cache_dir=None,
                   progress=False, process=fake_process)
    options.update(kwargs)
    return run_batch(paths, **options)


# ---------------------------------------------------------------------------------------------
# discover


@pytest.mark.parametrize("layout, inputs, expected", [
    pytest.param(["a.pdf", "b.PDF", "c.Pdf", "notes.txt"], ["."],
                 ["a.pdf", "b.PDF", "c.Pdf"], id="folder-any-case-pdf-only"),
    pytest.param(["x/2.pdf", "x/y/1.pdf", "z/3.pdf"], ["."],
                 ["x/2.pdf", "x/y/1.pdf", "z/3.pdf"], id="recursive-sorted"),
    pytest.param(["notes.txt", "a.pdf"], ["notes.txt"], ["notes.txt"],
                 id="named-file-any-extension"),
    pytest.param(["a.pdf", "b.pdf"], ["b.pdf", ".", "a.pdf", "./a.pdf"],
                 ["a.pdf", "b.pdf"], id="dedupe-file-and-folder"),
    pytest.param(["x/a.pdf"], ["x", "x/../x"], ["x/a.pdf"], id="dedupe-same-folder-twice"),
    pytest.param(["empty/.keep"], ["empty"], [], id="folder-without-pdf"),
])
def test_discover(tmp_path, monkeypatch, layout, inputs, expected):
    for name in layout:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    found = discover([Path(p) for p in inputs])
    assert [p.resolve() for p in found] == [(tmp_path / e).resolve() for e in expected]
    assert found == sorted(found, key=str)


def test_discover_missing_input_names_it(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"x")
    with pytest.raises(UsageError, match="nope.pdf"):
        discover([tmp_path / "a.pdf", tmp_path / "nope.pdf"])


# ---------------------------------------------------------------------------------------------
# run_batch: one file at a time


@pytest.mark.parametrize("content, status, message", [
    pytest.param(b"ok", "ok", None, id="ok"),
    pytest.param(b"scan", "no_text", None, id="no-text"),
    pytest.param(b"corrupt", "error", "not a PDF", id="pipeline-error"),
    pytest.param(b"raise", "error", "TypeError: unsupported operand", id="exception"),
    pytest.param(b"exit", "error", "worker process died (exit code 3)", id="os-exit"),
    pytest.param(b"segv", "error", "worker process died (killed by SIGSEGV)", id="segfault"),
])
def test_one_file(tmp_path, content, status, message):
    [path] = make_files(tmp_path / "in", {"doc.pdf": content})
    [sheet] = run([path], jobs=1)
    assert sheet.status == status
    assert sheet.source_path == str(path)
    sha = hashlib.sha256(content).hexdigest()
    assert (sheet.sha256, sheet.doc_id) == (sha, sha[:16])
    if message is None:
        assert sheet.error is None
    else:
        assert message in sheet.error
        assert "\n" not in sheet.error


def test_timeout_kills_only_that_file(tmp_path):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "hang.pdf": b"sleep", "c.pdf": b"ok c"})
    started = time.monotonic()
    sheets = run(paths, jobs=1, timeout_s=FAST_TIMEOUT_S)
    assert time.monotonic() - started < 15
    assert [s.status for s in sheets] == ["ok", "error", "ok"]
    assert sheets[1].error.startswith("timed out after 1 s (the PDF may be malformed")


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="RLIMIT_AS is enforced on Linux only")
def test_memory_cap(tmp_path):
    paths = make_files(tmp_path / "in", {"big.pdf": b"memory", "b.pdf": b"ok b"})
    sheets = run(paths, jobs=1, memory_mb=1024)
    assert [s.status for s in sheets] == ["error", "ok"]
    assert sheets[0].error.startswith("ran out of memory (limit 1024 MB)")


def test_unreadable_file_gets_a_path_hash(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)  # exists, but is not a regular file: reading it would block
    [sheet] = run([fifo])
    assert sheet.status == "error"
    assert sheet.error.startswith("cannot read the file (not a regular file)")
    expected = hashlib.sha256(b"unreadable:" + os.fsencode(fifo)).hexdigest()
    assert (sheet.sha256, sheet.doc_id) == (expected, expected[:16])
    assert calls(tmp_path) == []


def test_empty_file_hashes_normally(tmp_path):
    [path] = make_files(tmp_path / "in", {"empty.pdf": b""})
    [sheet] = run([path])
    assert sheet.sha256 == hashlib.sha256(b"").hexdigest()


# ---------------------------------------------------------------------------------------------
# run_batch: many files


def test_order_preserved_and_batch_goes_on(tmp_path):
    contents = {
        "1.pdf": b"ok 1", "2.pdf": b"exit", "3.pdf": b"raise", "4.pdf": b"ok 4",
        "5.pdf": b"scan", "6.pdf": b"ok 6",
    }
    paths = make_files(tmp_path / "in", contents)
    sheets = run(list(reversed(paths)), jobs=2)
    assert [s.source_path for s in sheets] == [str(p) for p in reversed(paths)]
    assert [s.status for s in sheets] == ["ok", "no_text", "ok", "error", "error", "ok"]
    assert sheets.not_processed == []


def test_abort_on_error_stops_scheduling(tmp_path):
    paths = make_files(tmp_path / "in", {"1.pdf": b"raise", "2.pdf": b"ok 2", "3.pdf": b"ok 3"})
    sheets = run(paths, jobs=1, abort_on_error=True)
    assert [s.status for s in sheets] == ["error"]
    assert sheets.not_processed == paths[1:]
    assert calls(tmp_path) == ["1.pdf"]


def test_same_bytes_processed_once(tmp_path):
    contents = {"a.pdf": b"ok same", "b.pdf": b"ok b", "c.pdf": b"ok same"}
    paths = make_files(tmp_path / "in", contents)
    sheets = run(paths)
    # Every input keeps its row; the copy points at the earlier file and carries no content.
    assert [s.source_path for s in sheets] == [str(p) for p in paths]
    assert [s.duplicate_of for s in sheets] == [None, None, str(paths[0])]
    assert sheets[2].doc_id == sheets[0].doc_id and sheets[2].status == sheets[0].status
    assert sheets.duplicates == [(paths[2], paths[0])]
    assert calls(tmp_path) == ["a.pdf", "b.pdf"]


# ---------------------------------------------------------------------------------------------
# Cache


def test_cache_reuses_unchanged_files(tmp_path, capsys):
    cache = tmp_path / "out" / ".cache"
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "b.pdf": b"corrupt", "c.pdf": b"ok c"})
    first = run(paths, cache_dir=cache)
    assert calls(tmp_path) == ["a.pdf", "b.pdf", "c.pdf"]
    assert first.from_cache == 0

    second = run(paths, cache_dir=cache, progress=True)
    assert calls(tmp_path) == ["a.pdf", "b.pdf", "c.pdf"]  # nothing processed again
    assert second.from_cache == 3
    assert list(second) == list(first)
    assert "cached=3" in capsys.readouterr().err

    paths[2].write_bytes(b"ok changed")
    third = run(paths, cache_dir=cache)
    assert calls(tmp_path) == ["a.pdf", "b.pdf", "c.pdf", "c.pdf"]
    assert third.from_cache == 2
    assert third[2].sha256 == hashlib.sha256(b"ok changed").hexdigest()


def test_cache_hit_takes_the_new_path(tmp_path):
    cache = tmp_path / "cache"
    [a] = make_files(tmp_path / "in", {"a.pdf": b"ok same"})
    run([a], cache_dir=cache)
    [copy] = make_files(tmp_path / "in", {"copy.pdf": b"ok same"})
    [sheet] = run([copy], cache_dir=cache)
    assert sheet.source_path == str(copy)
    assert calls(tmp_path) == ["a.pdf"]


@pytest.mark.parametrize("content", [
    pytest.param(b"sleep", id="timeout"),
    pytest.param(b"raise", id="exception"),
    pytest.param(b"exit", id="crash"),
])
def test_failures_found_by_the_batch_are_retried(tmp_path, content):
    cache = tmp_path / "cache"
    [path] = make_files(tmp_path / "in", {"bad.pdf": content})
    for _ in range(2):
        [sheet] = run([path], jobs=1, timeout_s=FAST_TIMEOUT_S, cache_dir=cache)
        assert sheet.status == "error"
    assert calls(tmp_path) == ["bad.pdf", "bad.pdf"]
    assert not cache.exists() or not any(cache.iterdir())


@pytest.mark.parametrize("garbage", [
    pytest.param(b"", id="empty"),
    pytest.param(b"not a pickle", id="garbage"),
    pytest.param(b"\x80\x05\x95", id="truncated-pickle"),
])
def test_corrupt_cache_file_is_ignored_and_overwritten(tmp_path, garbage):
    cache = tmp_path / "cache"
    [path] = make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    cache.mkdir()
    entry = worker.cache_file(cache, hashlib.sha256(b"ok a").hexdigest())
    entry.write_bytes(garbage)
    [sheet] = run([path], cache_dir=cache)
    assert sheet.status == "ok"
    assert calls(tmp_path) == ["a.pdf"]
    assert entry.read_bytes() != garbage
    [again] = run([path], cache_dir=cache)
    assert again == sheet
    assert calls(tmp_path) == ["a.pdf"]
