#!/usr/bin/env python3
"""Fuzz the batch by hand: N mutants of the samples (tests/fuzz.py) through factextract.run,
then a summary: one documents row per file?, statuses (also by mutation), errors grouped by
message prefix, any message showing a Python internal, the slowest files, wall time.

    .venv/bin/python scripts/fuzz_batch.py --count 300 --seed 0 --jobs 2 --timeout 20 --out /tmp/fuzz

Mutant i is made from sample i mod (number of samples) with seed S + i, so a file is rebuilt
from its name alone; they are kept in DIR/inputs, the tables in DIR/tables. Exit status 1 if a
file has no row (or more than one) or a message shows an internal, else 0.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz import internals_in, mutants  # noqa: E402

PREFIX_WORDS = 6  # errors are grouped by their first words, numbers and quoted bits masked


def make_inputs(samples: list[Path], count: int, seed: int, folder: Path) -> list[Path]:
    """Write ``count`` mutants to ``folder``: <i>-<sample>--<kind>-<seed>.pdf."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {p: p.read_bytes() for p in samples}
    paths = []
    for i in range(count):
        sample = samples[i % len(samples)]
        for kind, mutant in mutants(data[sample], seed + i, 1):
            path = folder / f"{i:04d}-{sample.stem}--{kind}-{seed + i}.pdf"
            path.write_bytes(mutant)
            paths.append(path)
    return paths


def kind_of(path: str) -> str:
    return Path(path).stem.split("--", 1)[1].rsplit("-", 1)[0]


def prefix(message: str) -> str:
    """A message's group: its first words, with numbers and quoted or bracketed bits masked."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]", "…", message)
    text = re.sub(r"\d+(\.\d+)?", "N", text)
    return " ".join(text.split()[:PREFIX_WORDS])


def summarise(paths: list[Path], out: Path, wall: float) -> int:
    """Print the summary; return the exit status."""
    import pandas as pd

    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    rows = Counter(docs["source_path"])
    missing = [p for p in paths if rows[str(p)] == 0]
    repeated = [p for p in paths if rows[str(p)] > 1]
    extra = sorted(set(rows) - {str(p) for p in paths})
    print(f"files: {len(paths)}   documents rows: {len(docs)}   missing: {len(missing)}   "
          f"repeated: {len(repeated)}   unknown: {len(extra)}")
    for p in missing + repeated:
        print(f"  !! {p.name}: {rows[str(p)]} rows")

    print("\nstatuses:")
    for status, n in Counter(docs["status"]).most_common():
        print(f"  {status:8} {n}")
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for _, row in docs.iterrows():
        by_kind[kind_of(row["source_path"])][row["status"]] += 1
    print("\nstatuses by mutation:")
    for kind in sorted(by_kind):
        print(f"  {kind:22} " + "  ".join(f"{s} {n}" for s, n in by_kind[kind].most_common()))

    groups: dict[str, list[str]] = defaultdict(list)
    for _, row in docs.iterrows():
        if row["error"]:
            groups[f"[{row['status']}] {prefix(row['error'])}"].append(row["error"])
    print("\nerrors by message prefix:")
    for group, messages in sorted(groups.items(), key=lambda g: -len(g[1])):
        print(f"  {len(messages):4}  {group}")
        print(f"        e.g. {messages[0]}")

    warnings = Counter()
    if "warnings" in docs.columns:
        for value in docs["warnings"]:
            warnings.update(prefix(w) for w in value.split(";") if w)
    if warnings:
        print("\nwarnings by prefix:")
        for group, n in warnings.most_common():
            print(f"  {n:4}  {group}")

    internal = []
    for _, row in docs.iterrows():
        for message in [row["error"], *(row.get("warnings", "").split(";"))]:
            if message and (internals_in(message) or "\n" in message):
                internal.append((Path(row["source_path"]).name, message))
    print(f"\nmessages showing Python internals: {len(internal)}")
    for name, message in internal:
        print(f"  !! {name}: {message}")

    log = out / "log.jsonl"
    if log.exists():
        lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
        slow = sorted(lines, key=lambda line: -line["seconds"])[:5]
        print("\nslowest files:")
        for line in slow:
            print(f"  {line['seconds']:7.1f} s  {line['status']:8} {Path(line['path']).name}")
    print(f"\nwall time: {wall:.1f} s ({wall / max(len(paths), 1):.2f} s per file)")
    return 1 if missing or repeated or internal else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="mutants to make (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=20, help="per-file timeout in s (default 20)")
    parser.add_argument("--out", type=Path, required=True, help="folder for inputs/ and tables/ (emptied)")
    parser.add_argument("--samples", type=Path, default=ROOT / "samples", help="folder of PDFs to mutate")
    args = parser.parse_args(argv)

    import factextract

    samples = sorted(args.samples.glob("*.pdf"))
    if not samples:
        parser.error(f"no PDF in {args.samples}")
    for sub in ("inputs", "tables"):
        shutil.rmtree(args.out / sub, ignore_errors=True)
    paths = make_inputs(samples, args.count, args.seed, args.out / "inputs")
    print(f"{len(paths)} mutants of {len(samples)} samples in {args.out / 'inputs'}; "
          f"jobs {args.jobs}, timeout {args.timeout:g} s", flush=True)
    started = time.monotonic()
    factextract.run(paths, args.out / "tables", jobs=args.jobs, timeout_s=args.timeout, cache=False,
                    progress=sys.stderr.isatty())
    wall = time.monotonic() - started
    print()
    return summarise(paths, args.out / "tables", wall)


if __name__ == "__main__":
    sys.exit(main())
