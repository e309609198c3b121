"""Scoring a run against ground truth: matching, each metric, and the printed table."""

from __future__ import annotations

import pytest

from factextract.cli import main
from factextract.evaluate import DocumentRecord, ItemRecord, format_table, match_items, score_document


def rec(key, order, text, kind="activities", parent=None, edtf=None, source=None, markers=()):
    return ItemRecord(str(key), order, text, kind, parent, edtf, source, tuple(markers))


TRUTH = DocumentRecord("doc", "test", (("activities", "ACTIVITÉS 2021"),), (
    rec(1, 1, "Webinaire sur Retour & Réintégration, Janvier 2021", edtf="2021-01", source="inline"),
    rec(2, 2, "1ère activité du Processus de Rabat ouverte à tous.", parent="1", edtf="2021-01", source="parent"),
    rec(3, 3, "Document final", edtf="2021", source="heading", markers=("1",)),
), (("1", "MIEUX+ - L’initiative conjointe"),))


def pred_of(items, footnotes=(("1", "MIEUX+ - L’initiative conjointe"),), sections=None):
    return DocumentRecord("doc", "", sections or TRUTH.sections, tuple(items), tuple(footnotes))


def test_a_perfect_run_scores_one_everywhere():
    pred = pred_of([rec(f"d:i{t.order}", t.order, t.text, t.section_kind,
                        t.parent and f"d:i{t.parent}", t.date_edtf, t.date_source, t.footnote_markers)
                    for t in TRUTH.items])
    score = score_document(TRUTH, pred)
    assert set(score.scores.values()) == {1.0} and score.problems == ()


@pytest.mark.parametrize("change, metric, value", [
    ("drop_item", "item_recall", 2 / 3),
    ("drop_item", "item_precision", 1.0),
    ("extra_item", "item_precision", 3 / 4),
    ("typo", "exact_text", 2 / 3),
    ("typo", "item_f1", 1.0),
    ("wrong_parent", "parent", 2 / 3),
    ("wrong_date", "date", 2 / 3),
    ("swap_order", "reading_order", 2 / 3),
    ("lost_footnote", "footnote_recall", 0.0),
    ("wrong_kind", "section_kind", 2 / 3),
])
def test_each_metric_sees_its_own_fault(change, metric, value):
    items = [rec(f"d:i{t.order}", t.order, t.text, t.section_kind, t.parent and f"d:i{t.parent}",
                 t.date_edtf, t.date_source, t.footnote_markers) for t in TRUTH.items]
    footnotes = TRUTH.footnotes
    if change == "drop_item":
        items = items[:2]
    elif change == "extra_item":
        items.append(rec("d:i4", 4, "Un texte qui n’existe pas dans la vérité terrain"))
    elif change == "typo":
        items[0] = rec("d:i1", 1, items[0].text.replace("Retour", "Retuor"), edtf="2021-01", source="inline")
    elif change == "wrong_parent":
        items[1] = rec("d:i2", 2, items[1].text, parent=None, edtf="2021-01", source="parent")
    elif change == "wrong_date":
        items[2] = rec("d:i3", 3, items[2].text, edtf="2022", source="heading", markers=("1",))
    elif change == "swap_order":
        items = [rec(i.key, {1: 2, 2: 1}.get(i.order, i.order), i.text, i.section_kind, i.parent, i.date_edtf,
                     i.date_source, i.footnote_markers) for i in items]
    elif change == "lost_footnote":
        footnotes = ()
    elif change == "wrong_kind":
        items[2] = rec("d:i3", 3, items[2].text, kind="progress", edtf="2021", source="heading", markers=("1",))
    score = score_document(TRUTH, pred_of(items, footnotes))
    assert score.scores[metric] == pytest.approx(value)
    assert score.problems or metric in ("item_precision",)


def test_matching_is_one_to_one_and_prefers_the_closest_text():
    truth = [rec(1, 1, "Atelier régional à Dakar"), rec(2, 2, "Atelier régional à Dakar, mars 2021")]
    pred = [rec("a", 1, "Atelier régional à Dakar, mars 2021"), rec("b", 2, "Atelier régional à Dakar")]
    assert match_items(truth, pred) == {0: 1, 1: 0}


def test_format_table_has_a_row_per_document_and_a_mean():
    table = format_table([score_document(TRUTH, pred_of(list(TRUTH.items)))])
    assert "doc" in table and "mean (1 docs)" in table and "item_F1" in table


def test_evaluate_without_truth_files_is_a_usage_error(tmp_path, capsys):
    assert main(["evaluate", "--truth", str(tmp_path), "--pred", str(tmp_path)]) == 2
    assert "no ground-truth files" in capsys.readouterr().err


def test_document_fields_are_scored():
    from dataclasses import replace

    truth = replace(TRUTH, fields={"country": "Cameroun", "action_number": 20})
    right = pred_of(list(TRUTH.items))
    right = replace(right, fields={"country": "Cameroun", "action_number": 20})
    wrong = replace(right, fields={"country": None, "action_number": 20})
    assert score_document(truth, right).scores["fields"] == 1.0
    score = score_document(truth, wrong)
    assert score.scores["fields"] == 0.5 and "document country: want 'Cameroun', got None" in score.problems


# --- the full comparison the golden tests rely on ------------------------------------------

def _golden_pair(change):
    import copy

    from conftest import golden
    from factextract.evaluate import truth_record

    truth = golden("cameroun-fr")
    pred = copy.deepcopy(truth)
    change(pred)
    return truth_record(truth, "cameroun-fr"), truth_record(pred, "cameroun-fr")


def _first_anchored(doc):
    return next(it for it in doc["items"] if it["footnote_refs"])


def _first_dated(doc):
    return next(it for it in doc["items"] if it["date"])


@pytest.mark.parametrize("change, problem", [
    (lambda d: None, None),
    (lambda d: d["document"].update(page_count=2), "document page_count: want 1, got 2"),
    (lambda d: d["document"].update(status="no_text"), "document status"),
    (lambda d: d["sections"][1].update(page=2), "section 2: want"),
    (lambda d: d["sections"][1]["subheadings"].pop(), "section 2: want"),
    (lambda d: d["items"][0].update(page=2), "page: want 1, got 2"),
    (lambda d: d["items"][0].update(section=3), "section: want"),
    (lambda d: _first_anchored(d)["footnote_refs"][0].update(anchor="X"), "footnote_refs: want"),
    (lambda d: _first_dated(d)["date"].update(start="1999-01-01"), "date: want"),
    (lambda d: _first_dated(d)["date"].update(text="autre"), "date: want"),
    (lambda d: d["footnotes"][0].update(term="AUTRE"), "footnote 1: want"),
])
def test_the_full_comparison_names_every_difference(change, problem):
    truth, pred = _golden_pair(change)
    score = score_document(truth, pred)
    if problem is None:
        assert score.problems == ()
    else:
        assert any(problem in p for p in score.problems), score.problems


def test_details_do_not_change_the_scores():
    truth, pred = _golden_pair(lambda d: [it.update(page=9) for it in d["items"]])
    score = score_document(truth, pred)
    assert set(score.scores.values()) == {1.0} and len(score.problems) == len(truth.items)


def test_a_draft_truth_is_refused_until_a_person_removes_its_field():
    from factextract.errors import UsageError
    from factextract.evaluate import DRAFT_FIELD, truth_record

    truth = {"sample": "x", "sections": [], "items": [], "footnotes": []}
    assert truth_record(truth, "x").name == "x"
    with pytest.raises(UsageError, match="x: a draft ground truth, not yet checked by a person"):
        truth_record({**truth, DRAFT_FIELD: "written by factextract draft-truth"}, "x")
