"""Golden-file regression tests: each sample PDF against its hand-designed ground truth."""

from __future__ import annotations

import difflib

import pytest

from conftest import GOLDEN, SAMPLES, golden, sample_names


def test_every_sample_has_ground_truth_and_back():
    pdfs = {p.stem for p in SAMPLES.glob("*.pdf")}
    truths = {p.stem for p in GOLDEN.glob("*.json")}
    assert len(pdfs) >= 4, "samples/ must hold at least four factsheets (make samples)"
    assert pdfs == truths, f"samples without truth: {pdfs - truths}; truth without sample: {truths - pdfs}"


def _period(item) -> dict | None:
    if item.date is None:
        return None
    d = item.date
    return {"text": d.text, "start": d.start.isoformat() if d.start else None,
            "end": d.end.isoformat() if d.end else None, "precision": d.precision,
            "qualifier": d.qualifier, "edtf": d.edtf, "source": item.date_source}


def compare(sheet, truth: dict) -> list[str]:
    """Every difference between an extraction and its ground truth, one readable line each."""
    problems: list[str] = []
    doc = truth["document"]
    got_doc = {"status": sheet.status, "title": sheet.info.title, "language": sheet.info.language,
               "country": sheet.info.country, "domain_number": sheet.info.domain_number,
               "domain_title": sheet.info.domain_title, "action_number": sheet.info.action_number,
               "action_title": sheet.info.action_title, "page_count": sheet.page_count}
    for key, want in doc.items():
        if got_doc.get(key) != want:
            problems.append(f"document.{key}: want {want!r}, got {got_doc.get(key)!r}")
    got_sections = [{"kind": s.kind, "heading": s.heading or None, "page": s.page,
                     "subheadings": list(s.subheadings)} for s in sheet.sections]
    want_sections = [{"kind": s["kind"], "heading": s["heading"], "page": s["page"],
                      "subheadings": s.get("subheadings", [])} for s in truth["sections"]]
    if got_sections != want_sections:
        for i in range(max(len(got_sections), len(want_sections))):
            w = want_sections[i] if i < len(want_sections) else None
            g = got_sections[i] if i < len(got_sections) else None
            if w != g:
                problems.append(f"section {i + 1}: want {w}, got {g}")
    section_pos = {s.section_id: i + 1 for i, s in enumerate(sheet.sections)}
    order_of = {it.item_id: it.order for it in sheet.items}
    want_items = truth["items"]
    if len(sheet.items) != len(want_items):
        problems.append(f"items: want {len(want_items)}, got {len(sheet.items)}")
    # Align by text first, so that one missing or extra item is reported once instead of
    # shifting every comparison after it.
    matcher = difflib.SequenceMatcher(a=[w["text"] for w in want_items], b=[it.text for it in sheet.items],
                                      autojunk=False)
    pairs = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("equal", "replace"):
            pairs.extend(zip(range(a0, a1), range(b0, b1)))
        for i in range(a0 + (b1 - b0 if op == "replace" else 0), a1) if op in ("delete", "replace") else ():
            problems.append(f"item {want_items[i]['n']} missing: {want_items[i]['text']!r}")
        for j in range(b0 + (a1 - a0 if op == "replace" else 0), b1) if op in ("insert", "replace") else ():
            problems.append(f"unexpected item at order {sheet.items[j].order}: {sheet.items[j].text!r}")
    for i, j in pairs:
        w, it = want_items[i], sheet.items[j]
        got = {"n": it.order, "section": section_pos.get(it.section_id), "section_kind": it.section_kind,
               "parent": order_of.get(it.parent_item_id), "page": it.page, "text": it.text,
               "date": _period(it), "dates": [{"text": d.text, "edtf": d.edtf} for d in it.dates],
               "footnote_refs": [{"marker": r.marker, "anchor": r.anchor} for r in it.footnote_refs]}
        for key in got:
            if key in w and got[key] != w[key]:
                problems.append(f"item {w['n']} ({w['text'][:40]!r}…) {key}: want {w[key]!r}, got {got[key]!r}")
    got_notes = [{"marker": f.marker, "text": f.text, "term": f.term, "expansion": f.expansion, "page": f.page}
                 for f in sheet.footnotes]
    if got_notes != truth["footnotes"]:
        problems.append(f"footnotes: want {truth['footnotes']}, got {got_notes}")
    return problems


@pytest.mark.parametrize("name", sample_names())
def test_sample_matches_ground_truth(name, extracted):
    problems = compare(extracted(name), golden(name))
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
