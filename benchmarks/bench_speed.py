"""Speed and memory of factextract, as ratios against references measured in the same run.

    .venv/bin/python benchmarks/bench_speed.py [--quick] [--markdown] [--only pages,cold,...]

Run by hand; the figures go in the README as ratios (absolute times depend on the machine and
on whatever else it is doing; a ratio to a reference timed alongside, in the same run, much less).
Nothing here is a test: nothing fails when a target is missed, the table says so.

1. pages   ms per page, on the samples and on a 40-page file built from them: pdfplumber's bare
           ``extract_words()`` (the reference), pdfplumber's chars alone, two floors (pdfminer's
           interpretation of the page alone, which every pdfplumber reading pays; the entity
           stage alone, spaCy's NER on the items), the whole pipeline with the default reader
           and with the PDFium reader (warm process). Median of rounds; the
           methods take turns file by file, in an order rotated every file and round, so that
           machine noise hits all of them alike.
2. cold    fresh interpreters (median of 3): ``factextract run`` on one page, the first
           ``factextract.extract()``, and the parts (imports, spaCy load, warm-up); the reference
           is a fresh interpreter doing bare pdfplumber ``extract_words()`` on the same page.
3. scaling ``factextract run`` on 16 files with ``--jobs 1`` and ``--jobs 2``: wall time, and the
           processing alone (the sum of the per-file seconds in log.jsonl, over the jobs).
4. memory  the parent's peak RSS on 100 vs 2,000 files (``--quick``: 20 vs 200), overall and
           before the tables are written; the largest child's peak (RUSAGE_CHILDREN: the fork
           server or a worker; /proc VmHWM sampling says which) on the 40-page file vs one page.
5. dask    (if available) the 16 files on a local Dask cluster of 2 workers vs the local executor.

Scratch files (the 40-page PDF, padded copies, outputs) go to /tmp/bench; nothing is written to
the repository. The load average is printed, since other processes skew every absolute figure.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCRATCH = Path("/tmp/bench")
PYTHON = sys.executable
SECTIONS = ("pages", "cold", "scaling", "memory", "dask")

FORTY_PAGES = 40
SCALING_FILES = 16
SUBPROCESS_TIMEOUT_S = 1800
CPU_PROBE_S = 0.5

# Targets (what "met?" checks).
TARGET_DEFAULT_RATIO = 1.0  # whole pipeline, default reader / bare extract_words
TARGET_PDFIUM_RATIO = 0.35  # whole pipeline, PDFium reader / bare extract_words
TARGET_COLD_RUN_S = 2.5
TARGET_COLD_EXTRACT_S = 2.0
TARGET_SCALING = 1.8
TARGET_PARENT_GROWTH = 1.10
TARGET_WORKER_MIB = 400

# The wrapper that runs the command line in-process and reports peak memory.
# * RUSAGE_SELF: the parent alone. Linux carries a process's peak across exec(), so the wrapper
#   is started through a small shell that forks it (see run_wrapped): started straight from this
#   benchmark it would report this benchmark's peak (spaCy and all) as its own.
# * RUSAGE_CHILDREN, after the fork server is stopped (and so reaped): the largest process reaped
#   below the parent, the fork server or a worker (the fork server reaps its workers, so their
#   peaks carry up to it); its floor is the parent's size when it started the fork server.
# * /proc VmHWM, sampled every SAMPLE_S while the run goes: each process's own peak, by role.
RSS_WRAPPER = textwrap.dedent("""\
    import json, os, resource, sys, threading, time

    SAMPLE_S = 0.2
    me = os.getpid()
    peaks = {}  # role -> largest VmHWM seen, KiB
    stop = threading.Event()

    def status_kib(pid, field):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def sample():
        while not stop.wait(SAMPLE_S):
            children, cmdline = {}, {}
            for d in os.listdir("/proc"):
                if not d.isdigit():
                    continue
                try:
                    with open(f"/proc/{d}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                    with open(f"/proc/{d}/cmdline", "rb") as f:
                        cmdline[int(d)] = f.read()
                except (OSError, ValueError, IndexError):
                    continue
                children.setdefault(ppid, []).append(int(d))
            stack = [(me, None)]
            while stack:
                pid, parent_role = stack.pop()
                for child in children.get(pid, ()):
                    if parent_role == "fork server":  # forked, not exec'd: same command line
                        role = "worker"
                    elif b"forkserver" in cmdline.get(child, b""):
                        role = "fork server"
                    else:
                        role = "other child"
                    hwm = status_kib(child, "VmHWM")
                    if hwm:
                        peaks[role] = max(peaks.get(role, 0), hwm)
                    stack.append((child, role))

    threading.Thread(target=sample, daemon=True).start()

    # The parent's peak once the files are processed, before the tables are written: taken as the
    # local pool returns (a private function: if it is gone, that figure is just not reported).
    marks = {}
    import factextract.batch as batch
    if callable(getattr(batch, "_run_pool", None)):
        pool = batch._run_pool

        def timed_pool(*args, **kwargs):
            try:
                return pool(*args, **kwargs)
            finally:
                marks["parent_processing_kib"] = status_kib("self", "VmHWM")

        batch._run_pool = timed_pool
    from factextract.cli import main
    t0 = time.perf_counter()
    rc = main(sys.argv[1:])
    wall = time.perf_counter() - t0
    stop.set()
    parent_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parent_hwm = status_kib("self", "VmHWM")
    try:
        import multiprocessing.forkserver as forkserver
        forkserver._forkserver._stop()
    except Exception:
        pass
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"rc": rc, "wall": wall, "parent_kib": parent_kib, "parent_hwm_kib": parent_hwm,
                      "children_kib": children_kib, "sampled_kib": peaks, **marks}))
""")


# ---------------------------------------------------------------------------------------------
# Output


@dataclass
class Row:
    figure: str
    value: str
    reference: str
    ratio: str
    target: str
    met: str


ROWS: list[Row] = []


def say(text: str = "") -> None:
    print(text, flush=True)


def idle_cpus() -> float | None:
    """How many CPUs sat idle over the last CPU_PROBE_S (this process sleeps meanwhile), from
    /proc/stat; None where there is none."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields[:8])  # idle + iowait, all but guest time

    try:
        idle0, total0 = sample()
        time.sleep(CPU_PROBE_S)
        idle1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return (idle1 - idle0) / max(total1 - total0, 1) * (os.cpu_count() or 1)


def machine() -> tuple[float, float, float, float | None]:
    one, five, fifteen = os.getloadavg()
    return one, five, fifteen, idle_cpus()


def load() -> str:
    one, five, fifteen, idle = machine()
    idle_text = f", {idle:.1f} of them idle just now" if idle is not None else ""
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} CPUs{idle_text}"


def busy_warning() -> None:
    """Say so when other processes are using the CPUs: a speed-up from more workers cannot show."""
    cpus = os.cpu_count() or 1
    one, _five, _fifteen, idle = machine()
    if (idle is not None and idle < 0.9 * cpus) or (idle is None and one > 0.5):
        idle_text = f"only {idle:.1f} of {cpus} CPUs idle before the runs" if idle is not None else f"{cpus} CPUs"
        say(f"  NOTE: the machine is busy ({idle_text}; load {one:.2f}): "
            "other processes take CPU time from the workers, so the speed-up cannot reach the CPU count")


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "NO")


def unavailable(figure: str, why: str, target: str = "") -> None:
    ROWS.append(Row(figure, "unavailable", "", "", target, "—"))
    say(f"  {figure}: unavailable ({why})")


def ms(x: float) -> str:
    return f"{x:.0f} ms" if x >= 10 else f"{x:.1f} ms"


def secs(x: float) -> str:
    return f"{x:.2f} s"


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def table_plain(rows: list[Row]) -> str:
    head = Row("figure", "value", "reference", "ratio", "target", "met?")
    cols = list(zip(*[(r.figure, r.value, r.reference, r.ratio, r.target, r.met) for r in [head, *rows]]))
    widths = [max(len(c) for c in col) for col in cols]
    lines = []
    for i, r in enumerate([head, *rows]):
        cells = (r.figure, r.value, r.reference, r.ratio, r.target, r.met)
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table_markdown(rows: list[Row]) -> str:
    def esc(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| Figure | Value | Reference | Ratio | Target | Met? |", "|---|---:|---:|---:|---|---|"]
    for r in rows:
        lines.append("| " + " | ".join(esc(c) for c in (r.figure, r.value, r.reference, r.ratio, r.target, r.met))
                     + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Inputs


def page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def build_forty(samples: list[Path], dest: Path) -> Path:
    """A FORTY_PAGES-page PDF made of the samples' pages, cycling through the samples."""
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    sources = []
    try:
        i = 0
        while len(out) < FORTY_PAGES:
            src = pypdfium2.PdfDocument(str(samples[i % len(samples)]))
            sources.append(src)
            wanted = min(len(src), FORTY_PAGES - len(out))
            out.import_pages(src, pages=list(range(wanted)))
            i += 1
        dest.parent.mkdir(parents=True, exist_ok=True)
        out.save(str(dest))
    finally:
        out.close()
        for src in sources:
            src.close()
    return dest


def padded_copies(source: Path, folder: Path, n: int, prefix: str = "copy") -> list[Path]:
    """n byte-distinct copies of source: a PDF comment line appended after %%EOF keeps it valid."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    data = source.read_bytes()
    if not data.endswith(b"\n"):
        data += b"\n"
    paths = []
    for i in range(n):
        path = folder / f"{prefix}-{i:05d}.pdf"
        path.write_bytes(data + b"%%pad %d\n" % i)
        paths.append(path)
    return paths


def cli_command() -> list[str]:
    script = Path(PYTHON).parent / "factextract"
    return [str(script)] if script.exists() else [PYTHON, "-m", "factextract.cli"]


def run_timed(cmd: list[str], timeout: float = SUBPROCESS_TIMEOUT_S) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout,
                          cwd=ROOT)
    return time.perf_counter() - t0, proc


def failure_of(proc: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in (proc.stderr or "").splitlines() if ln.strip()]
    return f"exit {proc.returncode}: {lines[-1].strip() if lines else 'no message'}"


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    return folder


# ---------------------------------------------------------------------------------------------
# 1. Per page, in a warm process


def bench_pages(samples: list[Path], forty: Path, rounds_samples: int, rounds_forty: int) -> bool:
    """Returns whether the PDFium reader works (for the memory section)."""
    say("\n== 1. Per page, warm process (median of rounds; methods alternate file by file) ==")
    t0 = time.perf_counter()
    import factextract.warm  # noqa: F401 - spaCy, wordfreq, grammars: loaded before any clock
    say(f"  warm-up of this process (import factextract.warm): {secs(time.perf_counter() - t0)}")
    import pdfplumber

    from factextract.pipeline import process_file

    def words(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()

    def chars(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.chars  # noqa: B018 - the layout pass pdfplumber does for its chars

    def layout(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.layout  # noqa: B018 - pdfminer's interpretation of the page, all readers' floor but PDFium's

    from factextract.stages.entities import find_entities

    extracted: dict[Path, object] = {}

    def ner(path: Path) -> None:
        """The entity stage alone (rules, then spaCy's NER) on the file's items, extracted once."""
        sheet = extracted[path]
        find_entities(sheet.items, sheet.info.language if sheet.info else "fr", sheet.footnotes)

    def pipeline(reader: str | None) -> Callable[[Path], None]:
        def run(path: Path) -> None:
            sheet = process_file(path) if reader is None else process_file(path, reader=reader)
            if sheet.status == "error":
                raise RuntimeError(f"{path.name}: status error: {sheet.error}")
            if reader is not None and getattr(sheet, "reader", reader) != reader:
                raise RuntimeError(f"{path.name}: read by {sheet.reader!r}, not {reader!r}")
        return run

    methods: dict[str, Callable[[Path], None]] = {
        "words": words, "chars": chars, "layout": layout, "ner": ner,
        "default": pipeline(None), "pdfium": pipeline("pdfium"),
    }
    labels = {
        "words": "pdfplumber extract_words (reference)", "chars": "pdfplumber chars alone",
        "layout": "pdfminer's reading alone (Page.layout)", "ner": "the entity stage alone (spaCy NER)",
        "default": "pipeline, default reader", "pdfium": "pipeline, PDFium reader",
    }
    failed: dict[str, str] = {}
    extracted[samples[0]] = process_file(samples[0])
    for name, fn in methods.items():  # warm each path once, untimed; find what does not work
        try:
            fn(samples[0])
        except Exception as exc:  # noqa: BLE001 - a reader still being written: report, go on
            failed[name] = f"{type(exc).__name__}: {exc}"
    for name, why in failed.items():
        say(f"  {labels[name]}: fails on {samples[0].name}: {why}")

    sets = [("samples", samples, rounds_samples), (f"{FORTY_PAGES}-page file", [forty], rounds_forty)]
    for path in [*samples, forty]:  # the entity stage's input, extracted before any clock
        extracted[path] = process_file(path)
    for set_name, files, rounds in sets:
        pages = sum(page_count(p) for p in files)
        say(f"\n  -- {set_name}: {len(files)} file(s), {pages} pages, {rounds} round(s); {load()}")
        walls: dict[str, list[float]] = {m: [] for m in methods}
        cpus: dict[str, list[float]] = {m: [] for m in methods}
        for r in range(rounds):
            active = [m for m in methods if m not in failed]
            acc = {m: [0.0, 0.0] for m in active}
            for i, path in enumerate(files):
                k = (r + i) % len(active)
                for m in active[k:] + active[:k]:
                    if m in failed:
                        continue
                    gc.collect()
                    w0, c0 = time.perf_counter(), time.process_time()
                    try:
                        methods[m](path)
                    except Exception as exc:  # noqa: BLE001
                        failed[m] = f"{path.name}: {type(exc).__name__}: {exc}"
                        say(f"  {labels[m]}: failed: {failed[m]}")
                        continue
                    acc[m][0] += time.perf_counter() - w0
                    acc[m][1] += time.process_time() - c0
            for m in active:
                if m not in failed:
                    walls[m].append(acc[m][0] / pages * 1e3)
                    cpus[m].append(acc[m][1] / pages * 1e3)
            say(f"  round {r + 1}: " + ", ".join(f"{m} {ms(walls[m][-1])}" for m in active if m not in failed))
        if "words" in failed or not walls["words"]:
            unavailable(f"{set_name}: per page", f"the reference failed: {failed.get('words')}")
            continue
        ref = statistics.median(walls["words"])
        ref_cpu = statistics.median(cpus["words"])
        say(f"  {labels['words']}: {ms(ref)}/page (CPU {ms(ref_cpu)}/page)")
        ROWS.append(Row(f"{set_name}: bare extract_words, per page", f"{ms(ref)} (CPU {ms(ref_cpu)})",
                        "reference", "1.00x", "", "—"))
        for m, target in (("chars", None), ("layout", None), ("ner", None),
                          ("default", TARGET_DEFAULT_RATIO), ("pdfium", TARGET_PDFIUM_RATIO)):
            figure = f"{set_name}: {labels[m]}, per page"
            target_text = f"<= {target:.2f}x" if target is not None else ""
            if m in failed or not walls[m]:
                unavailable(figure, failed.get(m, "no result"), target_text)
                continue
            value, cpu = statistics.median(walls[m]), statistics.median(cpus[m])
            ratio = value / ref
            per_round = [w / rw for w, rw in zip(walls[m], walls["words"])]
            say(f"  {labels[m]}: {ms(value)}/page = {ratio:.2f}x the reference "
                f"(per round {min(per_round):.2f}-{max(per_round):.2f}x; on CPU time {cpu / ref_cpu:.2f}x)")
            ROWS.append(Row(figure, f"{ms(value)} (CPU {ms(cpu)})", ms(ref), f"{ratio:.2f}x (CPU {cpu / ref_cpu:.2f}x)",
                            target_text, verdict(None if target is None else ratio <= target)))
    return "pdfium" not in failed


# ---------------------------------------------------------------------------------------------
# 2. Cold start, fresh interpreters


def bench_cold(one_page: Path, rounds: int, parts_rounds: int) -> None:
    say(f"\n== 2. Cold start: fresh interpreters, median of {rounds} ({parts_rounds} for the parts), "
        f"on {one_page.name}; {load()} ==")
    p = str(one_page)
    out = SCRATCH / "cold-out"
    out.mkdir(parents=True, exist_ok=True)
    commands: dict[str, list[str] | Callable[[int], list[str]]] = {
        "bare pdfplumber: import, open, extract_words (reference)": [PYTHON, "-c", (
            f"import pdfplumber\nwith pdfplumber.open({p!r}) as pdf:\n    [pg.extract_words() for pg in pdf.pages]")],
        "factextract run (one page, --no-cache)": lambda i: [
            *cli_command(), "run", p, "--out", str(fresh(out / f"run-{i}")), "--no-cache", "-q", "--no-progress"],
        "first factextract.extract()": [PYTHON, "-c", (
            f"import factextract\nfactextract.extract({p!r}, raise_on_error=True)")],
        "part: python -c pass": [PYTHON, "-c", "pass"],
        "part: import factextract": [PYTHON, "-c", "import factextract"],
        "part: import pdfplumber": [PYTHON, "-c", "import pdfplumber"],
        "part: import spacy": [PYTHON, "-c", "import spacy"],
        "part: french_pipeline() (spaCy model load)": [PYTHON, "-c", (
            "from factextract.vocab.nlp import french_pipeline\nfrench_pipeline()")],
        "part: import pandas, pyarrow.parquet": [PYTHON, "-c", "import pandas, pyarrow.parquet"],
        "part: import factextract.warm (everything warmed)": [PYTHON, "-c", "import factextract.warm"],
    }
    names = list(commands)
    times: dict[str, list[float]] = {n: [] for n in names}
    failed: dict[str, str] = {}
    for r in range(rounds):
        k = r % len(names)
        for i, name in enumerate(names[k:] + names[:k]):
            if name in failed or (name.startswith("part:") and r >= parts_rounds):
                continue
            spec = commands[name]
            cmd = spec(r * 100 + i) if callable(spec) else spec
            try:
                wall, proc = run_timed(cmd, timeout=300)
            except subprocess.TimeoutExpired:
                failed[name] = "timed out"
                continue
            if proc.returncode != 0:
                failed[name] = failure_of(proc)
                continue
            times[name].append(wall)
    ref_name = names[0]
    if ref_name in failed:
        say(f"  reference failed: {failed[ref_name]}")
        return
    ref = statistics.median(times[ref_name])
    base = statistics.median(times["part: python -c pass"]) if times["part: python -c pass"] else 0.0
    for name in names:
        target = {names[1]: TARGET_COLD_RUN_S, names[2]: TARGET_COLD_EXTRACT_S}.get(name)
        target_text = f"<= {target:.1f} s" if target else ""
        figure = "cold: " + name
        if name in failed:
            unavailable(figure, failed[name], target_text)
            continue
        value = statistics.median(times[name])
        spread = f"{min(times[name]):.2f}-{max(times[name]):.2f} s"
        say(f"  {name}: {secs(value)} ({spread}; {value - base:+.2f} s over python -c pass)")
        if name == ref_name:
            ROWS.append(Row(figure, secs(value), "reference", "1.00x", "", "—"))
        else:
            ROWS.append(Row(figure, secs(value), secs(ref), f"{value / ref:.2f}x", target_text,
                            verdict(value <= target if target else None)))


# ---------------------------------------------------------------------------------------------
# 3. Worker scaling


def scaling_inputs(samples: list[Path]) -> list[Path]:
    files = samples[:SCALING_FILES]
    if len(files) < SCALING_FILES:  # byte-distinct copies to make up the number
        extra = padded_copies(samples[0], SCRATCH / "scaling-extra", SCALING_FILES - len(files), "extra")
        files = files + extra
    return files


def run_batch_cli(files: list[Path], out: Path, jobs: int, extra: list[str] = ()) -> dict:
    """Wall time of ``factextract run`` and what its log.jsonl says."""
    cmd = [*cli_command(), "run", *map(str, files), "--out", str(fresh(out)), "--no-cache", "-q",
           "--no-progress", "--jobs", str(jobs), *extra]
    wall, proc = run_timed(cmd)
    result = {"wall": wall, "rc": proc.returncode, "failure": failure_of(proc) if proc.returncode else None}
    log_file = out / "log.jsonl"
    if log_file.exists():
        lines = [json.loads(ln) for ln in log_file.read_text(encoding="utf-8").splitlines() if ln.strip()]
        result.update(files=len(lines), seconds=sum(ln.get("seconds") or 0 for ln in lines),
                      pages=sum(ln.get("pages") or 0 for ln in lines),
                      statuses=sorted({ln.get("status") for ln in lines}))
    return result


def bench_scaling(files: list[Path], rounds: int) -> dict[int, list[float]]:
    say(f"\n== 3. Worker scaling: factextract run on {len(files)} files, --no-cache, {rounds} round(s); "
        f"{load()} ==")
    busy_warning()
    order = [1, 2]
    walls: dict[int, list[float]] = {1: [], 2: []}
    busy: dict[int, list[float]] = {1: [], 2: []}
    for r in range(rounds):
        for jobs in (order if r % 2 == 0 else order[::-1]):
            res = run_batch_cli(files, SCRATCH / f"scaling-j{jobs}", jobs)
            if res["rc"] not in (0,) and "files" not in res:
                say(f"  --jobs {jobs}: failed: {res['failure']}")
                continue
            walls[jobs].append(res["wall"])
            if "seconds" in res:
                busy[jobs].append(res["seconds"] / jobs)
            say(f"  --jobs {jobs}: wall {secs(res['wall'])}; log: {res.get('files')} files, {res.get('pages')} pages, "
                f"statuses {res.get('statuses')}, sum of per-file seconds {res.get('seconds', 0):.2f} s"
                + (f" (exit {res['rc']}: {res['failure']})" if res["rc"] else ""))
    if not walls[1] or not walls[2]:
        unavailable(f"scaling: {len(files)} files, --jobs 2 vs --jobs 1 (wall)", "a run failed",
                    f">= {TARGET_SCALING:.1f}x")
        return walls
    w1, w2 = statistics.median(walls[1]), statistics.median(walls[2])
    say(f"  wall: --jobs 1 {secs(w1)}, --jobs 2 {secs(w2)}: speed-up {w1 / w2:.2f}x")
    ROWS.append(Row(f"scaling: {len(files)} files, --jobs 1, wall", secs(w1), "reference", "1.00x", "", "—"))
    ROWS.append(Row(f"scaling: {len(files)} files, --jobs 2, wall (speed-up)", secs(w2), secs(w1), f"{w1 / w2:.2f}x",
                    f">= {TARGET_SCALING:.1f}x", verdict(w1 / w2 >= TARGET_SCALING)))
    if busy[1] and busy[2]:
        b1, b2 = statistics.median(busy[1]), statistics.median(busy[2])
        say(f"  processing only (sum of log.jsonl seconds / jobs, no start-up or table writing): "
            f"--jobs 1 {secs(b1)}, --jobs 2 {secs(b2)}: speed-up {b1 / b2:.2f}x")
        ROWS.append(Row("scaling: --jobs 2, processing only (log seconds / jobs)", secs(b2), secs(b1),
                        f"{b1 / b2:.2f}x", f">= {TARGET_SCALING:.1f}x", verdict(b1 / b2 >= TARGET_SCALING)))
    return walls


# ---------------------------------------------------------------------------------------------
# 4. Memory


def run_wrapped(args: list[str]) -> dict:
    wrapper = SCRATCH / "rss_wrapper.py"
    wrapper.write_text(RSS_WRAPPER, encoding="utf-8")
    # Through a shell that forks (the command is not its last): see RSS_WRAPPER.
    wall, proc = run_timed(["/bin/sh", "-c", '"$@"; exit $?', "sh", PYTHON, str(wrapper), *args])
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(failure_of(proc))
    result = json.loads(lines[-1])
    result["process_wall"] = wall
    return result


def sampled(res: dict) -> str:
    peaks = res.get("sampled_kib") or {}
    return "sampled VmHWM: " + (", ".join(f"{role} {mib(kib)}" for role, kib in sorted(peaks.items())) or "none")


def bench_memory(one_page: Path, forty: Path, small: int, large: int, pdfium_ok: bool) -> None:
    reader = "pdfium" if pdfium_ok else None
    say(f"\n== 4. Memory: the parent's peak RSS on {small} vs {large} files "
        f"(reader {reader or 'default'}, --jobs 2, --no-cache); {load()} ==")
    copies = padded_copies(one_page, SCRATCH / "memory-files" / str(large), large)
    folder_small = SCRATCH / "memory-files" / str(small)
    fresh(folder_small).mkdir(parents=True)
    for path in copies[:small]:
        try:
            os.link(path, folder_small / path.name)
        except OSError:
            shutil.copyfile(path, folder_small / path.name)
    reader_args = ["--reader", reader] if reader else []
    results = {}
    for n, folder in ((small, folder_small), (large, copies[0].parent)):
        try:
            res = run_wrapped(["run", str(folder), "--out", str(fresh(SCRATCH / f"memory-out-{n}")), "--no-cache", "-q",
                               "--no-progress", "--jobs", "2", *reader_args])
        except Exception as exc:  # noqa: BLE001
            say(f"  {n} files: failed: {exc}")
            continue
        results[n] = res
        during = res.get("parent_processing_kib")
        say(f"  {n} files: parent peak {mib(res['parent_kib'])} (VmHWM {mib(res['parent_hwm_kib'] or 0)}; "
            f"{mib(during) + ' when the files were processed' if during else 'peak before the tables: not measured'}), "
            f"{sampled(res)}; wall {secs(res['wall'])} ({n / res['wall']:.1f} files/s), exit {res['rc']}")
    label = f"memory: parent peak RSS, {large} vs {small} files"
    if small in results and large in results:
        a, b = results[small]["parent_kib"], results[large]["parent_kib"]
        ROWS.append(Row(f"memory: parent peak RSS, {small} files", mib(a), "reference", "1.00x", "", "—"))
        ROWS.append(Row(label, mib(b), mib(a), f"{b / a:.2f}x", f"<= {TARGET_PARENT_GROWTH:.2f}x",
                        verdict(b / a <= TARGET_PARENT_GROWTH)))
        a2, b2 = results[small].get("parent_processing_kib"), results[large].get("parent_processing_kib")
        if a2 and b2:  # the same, up to the end of processing (before the tables are written)
            ROWS.append(Row(f"memory: parent peak RSS before writing tables, {large} vs {small} files", mib(b2),
                            mib(a2), f"{b2 / a2:.2f}x", f"<= {TARGET_PARENT_GROWTH:.2f}x",
                            verdict(b2 / a2 <= TARGET_PARENT_GROWTH)))
    else:
        unavailable(label, "a run failed", f"<= {TARGET_PARENT_GROWTH:.2f}x")

    say(f"\n  -- a worker's peak: factextract run --jobs 1, default reader; {load()}")
    peaks = {}
    for name, path in (("one page", one_page), (f"{FORTY_PAGES} pages", forty)):
        try:
            res = run_wrapped(["run", str(path), "--out", str(fresh(SCRATCH / "memory-worker-out")), "--no-cache",
                               "-q", "--no-progress", "--jobs", "1"])
        except Exception as exc:  # noqa: BLE001
            say(f"  {name}: failed: {exc}")
            continue
        peaks[name] = res["children_kib"]
        say(f"  {name}: RUSAGE_CHILDREN (the largest of fork server and worker) {mib(res['children_kib'])}; "
            f"{sampled(res)}; parent {mib(res['parent_kib'])}; wall {secs(res['wall'])}, exit {res['rc']}")
    label = f"memory: largest child's peak RSS (RUSAGE_CHILDREN), {FORTY_PAGES}-page file"
    if f"{FORTY_PAGES} pages" in peaks and "one page" in peaks:
        a, b = peaks["one page"], peaks[f"{FORTY_PAGES} pages"]
        ROWS.append(Row("memory: largest child's peak RSS (RUSAGE_CHILDREN), one page", mib(a), "reference", "1.00x", "", "—"))
        ROWS.append(Row(label, mib(b), mib(a), f"{b / a:.2f}x", f"<= {TARGET_WORKER_MIB} MiB",
                        verdict(b / 1024 <= TARGET_WORKER_MIB)))
    else:
        unavailable(label, "a run failed", f"<= {TARGET_WORKER_MIB} MiB")


# ---------------------------------------------------------------------------------------------
# 5. Dask (optional)


def bench_dask(files: list[Path], local_walls: list[float]) -> None:
    say(f"\n== 5. Dask: the {len(files)} files on a local cluster of 2 workers vs the local executor; {load()} ==")
    figure = f"dask: {len(files)} files, local cluster of 2 workers, wall"
    missing = [m for m in ("distributed", "factextract.dask_executor") if importlib.util.find_spec(m) is None]
    if missing:
        unavailable(figure, f"not installed / not written yet: {', '.join(missing)}")
        return
    busy_warning()
    res = run_batch_cli(files, SCRATCH / "dask-out", 2, ["--executor", "dask"])
    if res["rc"] != 0:
        unavailable(figure, res["failure"] or f"exit {res['rc']}")
        return
    say(f"  --executor dask --jobs 2: wall {secs(res['wall'])}; log: {res.get('files')} files, "
        f"statuses {res.get('statuses')}")
    if local_walls:
        ref = statistics.median(local_walls)
        ROWS.append(Row(figure, secs(res["wall"]), secs(ref), f"{res['wall'] / ref:.2f}x", "", "—"))
    else:
        ROWS.append(Row(figure, secs(res["wall"]), "", "", "", "—"))


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer rounds, 20 vs 200 files, no Dask: a few minutes (the full run: about 10 "
                        "on an idle 2-CPU machine, longer on a busy one)")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--memory-files", metavar="SMALL,LARGE", default=None,
                        help="file counts of the parent-memory runs (default 100,2000; --quick 20,200)")
    parser.add_argument("--only", default=None,
                        help=f"comma-separated sections to run (default: all: {','.join(SECTIONS)}; "
                        "--quick leaves out dask)")
    args = parser.parse_args(argv)
    only = {s.strip() for s in (args.only or ",".join(SECTIONS)).split(",") if s.strip()}
    if args.quick and args.only is None:
        only.discard("dask")  # optional, and a Dask cluster takes long to start
    if unknown := only - set(SECTIONS):
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    quick = args.quick
    rounds_samples, rounds_forty = (2, 1) if quick else (3, 3)
    rounds_cold = 3
    rounds_scaling = 1 if quick else 2
    small, large = (20, 200) if quick else (100, 2000)
    if args.memory_files:
        small, large = (int(x) for x in args.memory_files.split(","))

    started = time.perf_counter()
    import factextract

    SCRATCH.mkdir(parents=True, exist_ok=True)
    samples = sorted(SAMPLES.glob("*.pdf"))
    counts = {p: page_count(p) for p in samples}
    one_page = next(p for p in samples if counts[p] == 1)
    forty = build_forty(samples, SCRATCH / "forty-pages.pdf")
    say(f"factextract {factextract.__version__}, Python {sys.version.split()[0]}, "
        f"{'--quick' if quick else 'full run'}")
    say(f"{len(samples)} samples ({sum(counts.values())} pages); one-page sample {one_page.name}; "
        f"{forty} ({page_count(forty)} pages, built now)")
    load_start = load()
    say(f"at start: {load_start}")

    from factextract.model import READERS

    pdfium_ok = "pdfium" in READERS
    local_walls: list[float] = []
    sections: dict[str, Callable[[], None]] = {}

    def pages() -> None:
        nonlocal pdfium_ok
        pdfium_ok = bench_pages(samples, forty, rounds_samples, rounds_forty)

    def scaling() -> None:
        walls = bench_scaling(scaling_inputs(samples), rounds_scaling)
        local_walls.extend(walls.get(2, []))

    sections = {
        "pages": pages,
        "cold": lambda: bench_cold(one_page, rounds_cold, 1 if quick else rounds_cold),
        "scaling": scaling,
        "memory": lambda: bench_memory(one_page, forty, small, large, pdfium_ok),
        "dask": lambda: bench_dask(scaling_inputs(samples), local_walls),
    }
    for name in SECTIONS:
        if name not in only:
            continue
        try:
            sections[name]()
        except Exception as exc:  # noqa: BLE001 - the code under test is changing: report, go on
            say(f"  section {name} failed: {type(exc).__name__}: {exc}")
            ROWS.append(Row(f"{name}: section failed", f"{type(exc).__name__}", "", "", "", "—"))

    say(f"\n== Summary ({time.perf_counter() - started:.0f} s in all) ==")
    say(f"at start: {load_start}\nat end:   {load()}")
    say("(other processes share the machine: absolute times move with the load; the ratios, taken "
        "against references timed alongside, much less)")
    say("")
    say(table_plain(ROWS))
    if args.markdown:
        say("")
        say(table_markdown(ROWS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
