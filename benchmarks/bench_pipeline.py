"""Speed and memory of the pipeline on the samples (run by hand; figures go in the README).

    .venv/bin/python benchmarks/bench_pipeline.py [PDF_OR_FOLDER ...]

Prints, in one process: the cold start (imports and spaCy model load, paid once per worker),
the warm time per file (median of ROUNDS runs), pages per second, and the peak resident memory.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def main(argv: list[str]) -> None:
    targets = [Path(a) for a in argv] or [ROOT / "samples"]
    files = sorted(p for t in targets for p in ([t] if t.is_file() else t.rglob("*.pdf")))
    start = time.perf_counter()
    from factextract import extract

    extract(files[0])  # imports, vocabularies, spaCy and wordfreq load once
    cold = time.perf_counter() - start
    print(f"cold start (first file, with model loads): {cold:.2f} s")
    total_pages, total_time = 0, 0.0
    for path in files:
        times = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            sheet = extract(path)
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        total_time += median
        total_pages += sheet.page_count or 0
        print(f"{path.name:40} {sheet.status:8} {sheet.page_count or 0:>3} p  {len(sheet.items):>3} items  "
              f"{median * 1e3:7.0f} ms")
    print(f"warm: {total_time:.2f} s for {len(files)} files, {total_pages / total_time:.1f} pages/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
