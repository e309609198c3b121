"""Real designed documents made by others (``../shared/realdocs``, never committed here): the
hand-written ground truth of ``tests/realdocs`` scored as ``factextract evaluate`` scores it,
and what every one of them must come out without, whatever its truth says.

The PDFs are other people's: where ``../shared`` is not beside the clone these tests skip.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, SHARED
from factextract import tables
from factextract.evaluate import run_records, score_document, truth_record
from factextract.stages.sections import MAX_TITLE_BLOCK_WORDS, MAX_TITLE_WORDS_OF_TITLE

REALDOCS = SHARED / "realdocs"
TRUTH = ROOT / "tests" / "realdocs"

pytestmark = pytest.mark.skipif(
    not REALDOCS.is_dir(),
    reason="../shared/realdocs is not beside this clone: the real documents are other people's and are "
           "not committed; these tests score them where ../shared is present (as in CI)")

# The bar the real documents are held to (issue 8), as means over the documents with ground
# truth. Footnote recall is averaged over the documents that have notes.
FLOORS = {"item_f1": 0.90, "exact_text": 0.90, "parent": 0.85, "reading_order": 0.95, "footnote_recall": 0.90}
# Fields are exact but for one known miss (the README's "Known limits": a wordmark repeated at
# the top of two pages taken as the title of betagouv_rapport), so their mean floor is this.
FIELDS_FLOOR = 0.98
# No document may fall below this item F1: a regression on one file shows even when the mean
# holds.
DOCUMENT_F1_FLOOR = 0.75
# Characters no output text may hold: zero-width spaces and joiners, word joiner, BOM.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_UNMAPPED = "(cid:"
# Points a glyph's box may stand outside the page (rounding, italic overhang).
PAGE_TOLERANCE = 2.0


def realdoc_names() -> list[str]:
    return sorted(p.stem for p in REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []


def truth_names() -> list[str]:
    return sorted(p.stem for p in TRUTH.glob("*.json"))


@pytest.fixture(scope="module")
def realdocs():
    """Factsheet per real document, extracted once per module."""
    from factextract import extract

    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract(REALDOCS / f"{name}.pdf")
        return cache[name]

    return get


@pytest.fixture(scope="module")
def scores(realdocs):
    """Every ground-truth file scored against its document's extraction."""
    out = {}
    for name in truth_names():
        truth = truth_record(json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8")), name)
        pred = run_records(tables.to_frames([realdocs(name)])).get(name)
        assert pred is not None, f"{name}: no ok document"
        out[name] = score_document(truth, pred)
    return out


def test_every_truth_file_has_its_document():
    names = set(realdoc_names())
    missing = [n for n in truth_names() if n not in names]
    assert len(truth_names()) >= 8, "issue 8 asks for ground truth of at least 8 real documents"
    assert not missing, f"ground truth without a PDF in ../shared/realdocs: {missing}"


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_realdocs_meet_the_bar(metric, scores):
    with_notes = {n for n in scores if json.loads((TRUTH / f"{n}.json").read_text(encoding="utf-8")).get("footnotes")}
    group = [s for n, s in scores.items() if metric != "footnote_recall" or n in with_notes]
    mean = sum(s.scores[metric] for s in group) / len(group)
    worst = sorted(group, key=lambda s: s.scores[metric])[:3]
    assert mean >= FLOORS[metric], (
        f"mean {metric} {mean:.3f} < {FLOORS[metric]}; lowest: "
        + ", ".join(f"{s.name} {s.scores[metric]:.3f}" for s in worst)
        + "\n(run: factextract run ../shared/realdocs --out /tmp/rd && "
          "factextract evaluate --truth tests/realdocs --pred /tmp/rd --details)")


def test_realdocs_fields(scores):
    mean = sum(s.scores["fields"] for s in scores.values()) / len(scores)
    misses = [p for s in scores.values() for p in s.problems if p.split(": ", 1)[-1].startswith("document ")]
    assert mean >= FIELDS_FLOOR, f"mean fields {mean:.3f} < {FIELDS_FLOOR}:\n" + "\n".join(misses)


@pytest.mark.parametrize("name", truth_names())
def test_no_real_document_collapses(name, scores):
    score = scores[name]
    assert score.scores["item_f1"] >= DOCUMENT_F1_FLOOR, (
        f"{name}: item F1 {score.scores['item_f1']:.3f} < {DOCUMENT_F1_FLOOR}:\n" + "\n".join(score.problems[:40]))


def _texts(sheet) -> list[tuple[str, str]]:
    """(where, text) of every text the tables carry."""
    out = [(f"item {it.order}", it.text) for it in sheet.items]
    for s in sheet.sections:
        out += [(f"section {s.order} heading", s.heading or "")]
        out += [(f"section {s.order} subheading", sub) for sub in s.subheadings]
    out += [(f"footnote {f.marker}", f.text) for f in sheet.footnotes]
    return out


@pytest.mark.parametrize("name", realdoc_names())
def test_real_document_has_no_unreadable_or_invisible_text(name, realdocs):
    """No "(cid:N)" glyph without a Unicode mapping, no zero-width character."""
    sheet = realdocs(name)
    assert sheet.status == "ok", sheet.error
    bad = [(where, text[:60]) for where, text in _texts(sheet) if _UNMAPPED in text or _ZERO_WIDTH.search(text)]
    assert not bad, f"{name}: {bad}"


@pytest.mark.parametrize("name", realdoc_names())
def test_real_document_has_no_orphan_markers(name, realdocs):
    """A list marker alone ("•", "-", a symbol-font or private-use glyph) is never an item:
    every item says something."""
    orphans = [(it.order, it.text) for it in realdocs(name).items if not any(ch.isalnum() for ch in it.text)]
    assert not orphans, f"{name}: items without a letter or digit: {orphans}"


@pytest.mark.parametrize("name", realdoc_names())
def test_real_document_reads_nothing_off_the_page(name, realdocs):
    """Every item stands on its page's visible area (the facing page of a spread, pasteboard
    notes and printer's marks are not read)."""
    import pdfplumber

    sheet = realdocs(name)
    with pdfplumber.open(REALDOCS / f"{name}.pdf") as pdf:
        areas = {}
        for number, page in enumerate(pdf.pages, start=1):
            x0, top, x1, bottom = (float(v) for v in (getattr(page, "trimbox", None) or page.bbox))
            areas[number] = (x0, top, x1, bottom)
    off = []
    for it in sheet.items:
        x0, top, x1, bottom = areas[it.page]
        cx, cy = (it.bbox.x0 + it.bbox.x1) / 2, (it.bbox.top + it.bbox.bottom) / 2
        if not (x0 - PAGE_TOLERANCE <= cx <= x1 + PAGE_TOLERANCE and top - PAGE_TOLERANCE <= cy <= bottom + PAGE_TOLERANCE):
            off.append((it.order, it.page, it.text[:40]))
    assert not off, f"{name}: items off the visible page: {off}"


@pytest.mark.parametrize("name", realdoc_names())
def test_real_document_header_is_the_title_block_only(name, realdocs):
    """The header holds the title block (title, kicker, date line, reference), never body
    paragraphs: none of its lines runs longer than a title block's line may."""
    header = [s for s in realdocs(name).sections if s.kind == "header"]
    long = [t[:60] for s in header for t in s.subheadings if len(t.split()) > MAX_TITLE_BLOCK_WORDS]
    long += [s.heading[:60] for s in header if s.heading and len(s.heading.split()) > MAX_TITLE_WORDS_OF_TITLE]
    assert not long, f"{name}: body text in the header: {long}"

