"""How long date resolution takes: mean time per parse_date over the test table, after warm-up.

Run: .venv/bin/python benchmarks/bench_dates.py
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from factextract.dates import find_dates, parse_date

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "date_cases.yaml"
ROUNDS = 50


def main() -> None:
    cases = [(c["text"], c["lang"]) for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))["parse"]]
    for text, lang in cases:
        parse_date(text, lang)
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for text, lang in cases:
            parse_date(text, lang)
    per_call = (time.perf_counter() - start) / (ROUNDS * len(cases))
    seed = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-factsheet-cameroun.txt"
    print(f"parse_date: {per_call * 1e6:.1f} µs per call (mean over {len(cases)} cases x {ROUNDS} rounds)")
    if seed.exists():
        text = seed.read_text(encoding="utf-8")
        start = time.perf_counter()
        for _ in range(ROUNDS):
            find_dates(text, "fr")
        print(f"find_dates on the seed factsheet ({len(text)} chars): "
              f"{(time.perf_counter() - start) / ROUNDS * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
