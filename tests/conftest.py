"""Shared fixtures: sample PDFs, their ground truth, and one extraction per sample per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
REALWORLD = SHARED / "realworld"


def sample_names() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.pdf"))


@pytest.fixture(scope="session")
def extracted():
    """Factsheet per sample name, extracted once per test session."""
    from factextract import extract

    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract(SAMPLES / f"{name}.pdf")
        return cache[name]

    return get


def golden(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
