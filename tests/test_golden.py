"""Golden-file regression tests: each sample PDF against its hand-designed ground truth."""

from __future__ import annotations

import pytest

from conftest import GOLDEN, SAMPLES, golden, sample_names
from factextract import tables
from factextract.evaluate import run_records, score_document, truth_record


def test_every_sample_has_ground_truth_and_back():
    pdfs = {p.stem for p in SAMPLES.glob("*.pdf")}
    truths = {p.stem for p in GOLDEN.glob("*.json")}
    assert len(pdfs) >= 4, "samples/ must hold at least four factsheets (make samples)"
    assert pdfs == truths, f"samples without truth: {pdfs - truths}; truth without sample: {truths - pdfs}"


def compare(sheet, truth: dict, name: str) -> tuple[str, ...]:
    """Every difference between an extraction and its ground truth, one readable line each,
    found as ``factextract evaluate`` finds them: through the tables, with its alignment."""
    pred = run_records(tables.to_frames([sheet])).get(name)
    assert pred is not None, f"{name}: status {sheet.status} ({sheet.error}), no ok document to compare"
    return score_document(truth_record(truth, name), pred).problems


@pytest.mark.parametrize("name", sample_names())
def test_sample_matches_ground_truth(name, extracted):
    problems = compare(extracted(name), golden(name), name)
    assert not problems, f"{name}: {len(problems)} differences from tests/golden/{name}.json:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sample_names())
def test_sample_properties(name, extracted):
    """Properties that hold whatever the sample: ids, references and dates are consistent."""
    from edtf_check import edtf_bounds

    sheet = extracted(name)
    section_ids = {s.section_id for s in sheet.sections}
    item_ids = {it.item_id for it in sheet.items}
    markers = {f.marker for f in sheet.footnotes}
    for it in sheet.items:
        assert it.section_id in section_ids
        assert it.item_id.startswith(sheet.doc_id + ":")
        assert it.parent_item_id is None or it.parent_item_id in item_ids
        assert "\n" not in it.text and "  " not in it.text and it.text == it.text.strip()
        for ref in it.footnote_refs:
            assert ref.marker in markers, f"marker {ref.marker} of {it.text[:30]!r} has no footnote"
        for d in it.dates:
            assert it.text[d.start_char:d.end_char] == d.text
        for period in (it.date, *it.dates):
            if period is not None:
                lo, hi, _ = edtf_bounds(period.edtf)
                assert (lo, hi) == (period.start, period.end), period
    assert [it.order for it in sheet.items] == list(range(1, len(sheet.items) + 1))
