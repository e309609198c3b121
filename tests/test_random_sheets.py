"""Random factsheets (scripts/generate.py): a few dozen layouts from fixed seeds, drawn with
reportlab or Typst (both from the package registry), and with Chromium and LibreOffice Writer
where they are installed, checked against their spec, then read by the pipeline and scored.

The floors below are what the pipeline reaches today on these seeds, so that a change that
reads unseen layouts worse fails here; issue 13's targets are higher (README, "Random
factsheets"), and the floors go up as the pipeline does.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the generator is a script package, not installed

# Chromium and Writer are Debian's (.ci/run installs them); without them, their seeds are
# refused, and named.
HAS_CHROMIUM = bool(shutil.which("chromium") or shutil.which("chromium-browser"))
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
# The seeds the suite draws, from 1 up (the README's per-trait table uses another range, never
# these): the first PIP_SEEDS whose renderer installs from the registry (reportlab, Typst),
# then the first SYSTEM_SEEDS of each of Chromium and Writer.
PIP_SEEDS, SYSTEM_SEEDS = 24, 6
# Mean scores over those seeds that the pipeline must keep (today's, rounded down).
# Measured on 2026-12-03 with all four renderers (33 of the 36 seeds make a sheet): item_f1
# 0.997, exact 0.998, kind 0.994, parent 1.000, date 0.990, footnote recall 1.0, order 1.0;
# on the reportlab and Typst sheets alone (22): item_f1 0.997, kind 0.990, date 0.985.
FLOORS = {"item_f1": 0.99, "exact_text": 0.99, "section_kind": 0.98, "parent": 0.99, "date": 0.98,
          "footnote_recall": 0.99, "reading_order": 0.99}
FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"))

needs = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("reportlab", "typst", "fontTools"))
    or not all(f.exists() for f in FONTS),
    reason="the random factsheets need reportlab, typst and fonttools (the test extra) and Debian's "
           "fonts-dejavu and fonts-liberation (apt-get install fonts-dejavu-core fonts-liberation)")


def suite_seeds() -> list[int]:
    from samplekit.random_sheet import draw_traits

    quota = {"pip": PIP_SEEDS, "chromium": SYSTEM_SEEDS, "libreoffice": SYSTEM_SEEDS}
    seeds, seed = [], 0
    while any(quota.values()):
        seed += 1
        renderer = draw_traits(seed)["renderer"]
        kind = "pip" if renderer in ("reportlab", "typst") else renderer
        if quota[kind]:
            quota[kind] -= 1
            seeds.append(seed)
    return seeds


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from generate import generate

    out = tmp_path_factory.mktemp("random")
    return out, generate(suite_seeds(), out)


@needs
def test_most_seeds_make_a_checked_factsheet(generated):
    from samplekit.random_sheet import draw_traits

    out, made = generated
    installed = {"reportlab", "typst"} | ({"chromium"} if HAS_CHROMIUM else set()) | ({"libreoffice"} if HAS_SOFFICE else set())
    drawable = [s for s in suite_seeds() if draw_traits(s)["renderer"] in installed]
    assert len(made) >= 0.75 * len(drawable)  # the rest are refused, and named
    for name in made:
        truth = json.loads((out / "truth" / f"{name}.json").read_text(encoding="utf-8"))
        assert (out / "pdf" / f"{name}.pdf").exists() and truth["items"]
    # every value of every trait is drawn somewhere in the range
    traits = json.loads((out / "traits.json").read_text(encoding="utf-8"))
    assert {t["columns"] for t in traits.values()} == {1, 2, 3}
    assert {t["renderer"] for t in traits.values()} == installed
    assert sum(t["renderer"] in ("reportlab", "typst") for t in traits.values()) >= 0.75 * PIP_SEEDS
    assert {t["language"] for t in traits.values()} == {"fr", "en"}


def _without_print_dates(pdf: bytes) -> bytes:
    """The PDF's bytes less the dates Chromium writes at printing time (samplekit/chromium.py)."""
    return re.sub(rb"/(CreationDate|ModDate) ?\(D:[^)]*\)", b"", pdf)


@needs
@pytest.mark.parametrize("seed", [1, 2, 3, 4])  # reportlab, Typst, Chromium, Writer
def test_the_same_seed_makes_the_same_factsheet(tmp_path, seed):
    from generate import generate
    from samplekit.random_sheet import draw_traits

    renderer = draw_traits(seed)["renderer"]
    if (renderer == "chromium" and not HAS_CHROMIUM) or (renderer == "libreoffice" and not HAS_SOFFICE):
        pytest.skip(f"seed {seed} is drawn by {renderer}, which is not installed "
                    "(apt-get install chromium libreoffice-writer-nogui)")

    first = generate(range(seed, seed + 1), tmp_path / "a")
    second = generate(range(seed, seed + 1), tmp_path / "b")
    assert first, f"seed {seed} made no factsheet"
    assert first == second
    for name in first:
        assert (tmp_path / "a" / "truth" / f"{name}.json").read_bytes() == \
            (tmp_path / "b" / "truth" / f"{name}.json").read_bytes()
        assert _without_print_dates((tmp_path / "a" / "pdf" / f"{name}.pdf").read_bytes()) == \
            _without_print_dates((tmp_path / "b" / "pdf" / f"{name}.pdf").read_bytes())


@needs
def test_the_pipeline_reads_unseen_layouts_above_the_floors(generated):
    from generate import TRAIT_METRICS
    from factextract import run
    from factextract.evaluate import evaluate

    out, made = generated
    run([out / "pdf"], out / "tables", progress=False, jobs=2)
    scores = evaluate(out / "truth", out / "tables")
    assert len(scores) == len(made)
    means = {m: sum(s.scores[m] for s in scores) / len(scores) for m in TRAIT_METRICS}
    low = {m: round(v, 3) for m, v in means.items() if v < FLOORS[m]}
    assert not low, f"below the floors {FLOORS}: {low}"
