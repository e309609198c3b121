"""Fuzzing the batch: mutants of the samples (tests/fuzz.py) each get exactly one documents row,
with a status of the schema and a message a person can read, never a Python internal.

One run (module-scoped) over a fixed set of mutants: two per sample, the kinds going round
every mutation. scripts/fuzz_batch.py does the same at scale, by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, SAMPLES
from fuzz import KINDS, internals_in, mutants

import factextract

PER_SAMPLE = 2
SEED_STEP = 3  # sample k's mutants come from seed SEED_STEP * k: kinds vary across producers
TIMEOUT_S = 30
JOBS = 2
DOCUMENTS_SCHEMA = json.loads((ROOT / "schemas" / "documents.json").read_text(encoding="utf-8"))
STATUSES = next(f for f in DOCUMENTS_SCHEMA["fields"] if f["name"] == "status")["constraints"]["enum"]

# Mutants whose message currently shows one of fuzz.PYTHON_INTERNALS: file name -> the message
# (a strict xfail, so that the fix is noticed).
KNOWN_INTERNALS: dict[str, str] = {}


def _fixed_mutants() -> list[tuple[str, bytes]]:
    """(file name, bytes) of the fixed set: <sample>--<kind>-<seed>-<i>.pdf."""
    out = []
    for k, sample in enumerate(sorted(SAMPLES.glob("*.pdf"))):
        seed = SEED_STEP * k
        for i, (kind, data) in enumerate(mutants(sample.read_bytes(), seed, PER_SAMPLE)):
            out.append((f"{sample.stem}--{kind}-{seed}-{i}.pdf", data))
    return out


MUTANTS = _fixed_mutants()
NAMES = [name for name, _ in MUTANTS]


def _cases() -> list:
    return [pytest.param(name, id=name,
                         marks=[pytest.mark.xfail(strict=True, reason=KNOWN_INTERNALS[name])]
                         if name in KNOWN_INTERNALS else [])
            for name in NAMES]


@pytest.fixture(scope="module")
def fuzz_run(tmp_path_factory):
    """The mutants written to a folder and run once through factextract.run; returns (the
    Factsheets, documents.csv, {file name: (its Factsheets, its documents.csv rows)})."""
    folder = tmp_path_factory.mktemp("mutants")
    paths = []
    for name, data in MUTANTS:
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    out = tmp_path_factory.mktemp("out")
    sheets = factextract.run(paths, out, jobs=JOBS, timeout_s=TIMEOUT_S, cache=False, progress=False)
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    by_name = {}
    for path in paths:
        returned = [s for s in sheets if s.source_path == str(path)]
        rows = docs[docs["source_path"] == str(path)]
        by_name[path.name] = (returned, rows)
    return sheets, docs, by_name


def test_the_fixed_set_goes_round_every_mutation():
    kinds = {name.split("--")[1].rsplit("-", 2)[0] for name in NAMES}
    assert kinds == {k.__name__ for k in KINDS}
    assert len(set(NAMES)) == len(NAMES) == PER_SAMPLE * len(list(SAMPLES.glob("*.pdf")))


def test_one_documents_row_per_input_file(fuzz_run):
    sheets, docs, _ = fuzz_run
    assert len(sheets) == len(MUTANTS)
    assert sorted(Path(p).name for p in docs["source_path"]) == sorted(NAMES)


def _messages(sheet, rows: pd.DataFrame) -> list[str]:
    """Every per-file message of a file: its error and warnings, returned and written."""
    out = [sheet.error or "", *getattr(sheet, "warnings", ())]
    for _, row in rows.iterrows():
        out.append(row["error"])
        if "warnings" in rows.columns and row["warnings"]:
            out.extend(row["warnings"].split(";"))
    return [m for m in out if m]


@pytest.mark.parametrize("name", NAMES)
def test_the_row_is_well_formed(fuzz_run, name):
    returned, rows = fuzz_run[2][name]
    assert len(returned) == 1 and len(rows) == 1, f"{len(returned)} Factsheets, {len(rows)} rows"
    sheet, row = returned[0], rows.iloc[0]
    assert sheet.status == row["status"]
    assert row["status"] in STATUSES
    error = row["error"]
    assert (error or "") == (sheet.error or "")
    assert "\n" not in error and "\r" not in error
    if row["status"] in ("error", "partial"):
        assert error.strip(), f"status {row['status']} with no message"
    else:
        assert error == "", f"status {row['status']} with an error message: {error}"


@pytest.mark.parametrize("name", _cases())
def test_no_python_internals_in_messages(fuzz_run, name):
    returned, rows = fuzz_run[2][name]
    assert returned, "no Factsheet"
    for message in _messages(returned[0], rows):
        assert "\n" not in message
        leaked = internals_in(message)
        assert not leaked, f"{leaked} in {message!r}"
