"""Ground truth + output tables -> scores: how well a run read each document.

Items are matched one to one by text similarity (greedy, most similar pair first, at least
MATCH_THRESHOLD), so a missing or extra item costs recall or precision once instead of
shifting every comparison after it. Scores per document:

- item precision, recall, F1 of that matching; exact-text rate (matched with identical text,
  over the truth's items);
- over matched items: section-kind, parent, date (EDTF and source) and footnote-marker accuracy;
- footnote recall (truth footnotes found with the same marker and text);
- section accuracy (the sequence of section kinds and headings, by difflib ratio);
- reading-order agreement: the share of matched item pairs that the run orders as the truth does;
- fields: the share of the truth's document fields (title, language, country, domain and
  action number and title) that the run gives exactly.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

# Two item texts with at least this difflib ratio may be the same item.
MATCH_THRESHOLD = 0.6

METRICS: tuple[str, ...] = (
    "item_precision", "item_recall", "item_f1", "exact_text", "section_kind", "parent", "date",
    "footnote_markers", "footnote_recall", "sections", "reading_order", "fields",
)
# The document-level fields scored by "fields" (the share that equal the truth's).
FIELDS: tuple[str, ...] = (
    "title", "language", "country", "domain_number", "domain_title", "action_number", "action_title",
)


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """What evaluation compares of an item, from ground truth or from a run."""

    key: str  # the truth's n, or the run's item_id
    order: int
    text: str
    section_kind: str
    parent: str | None
    date_edtf: str | None
    date_source: str | None
    footnote_markers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    name: str
    producer: str
    sections: tuple[tuple[str, str], ...]  # (kind, heading)
    items: tuple[ItemRecord, ...]
    footnotes: tuple[tuple[str, str], ...]  # (marker, text)
    fields: dict[str, object] = field(default_factory=dict)  # document fields; truth may omit some


@dataclass(frozen=True, slots=True)
class DocumentScore:
    name: str
    producer: str
    truth_items: int
    pred_items: int
    scores: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def truth_record(truth: dict, name: str) -> DocumentRecord:
    """A ground-truth file (tests/golden format) as a DocumentRecord."""
    items = tuple(
        ItemRecord(
            key=str(it["n"]), order=int(it["n"]), text=it["text"], section_kind=it["section_kind"],
            parent=None if it.get("parent") is None else str(it["parent"]),
            date_edtf=(it.get("date") or {}).get("edtf"), date_source=(it.get("date") or {}).get("source"),
            footnote_markers=tuple(r["marker"] for r in it.get("footnote_refs", [])),
        )
        for it in truth["items"]
    )
    return DocumentRecord(
        name=name, producer=truth.get("producer", "unknown"),
        sections=tuple((s["kind"], s.get("heading") or "") for s in truth["sections"]),
        items=items,
        footnotes=tuple((f["marker"], f["text"]) for f in truth.get("footnotes", [])),
        fields={k: v for k, v in truth.get("document", {}).items() if k in FIELDS},
    )


def run_records(tables: dict) -> dict[str, DocumentRecord]:
    """Every ok document of a run's tables, keyed by its file name without extension."""
    docs = tables["documents"]
    out = {}
    for _, doc in docs.iterrows():
        if doc["status"] != "ok":
            continue
        doc_id = doc["doc_id"]
        name = Path(str(doc["source_path"])).stem
        sections = tables["sections"][tables["sections"]["doc_id"] == doc_id].sort_values("order")
        items = tables["items"][tables["items"]["doc_id"] == doc_id].sort_values("order")
        notes = tables["footnotes"][tables["footnotes"]["doc_id"] == doc_id]
        if "order" in notes:
            notes = notes.sort_values("order")
        out[name] = DocumentRecord(
            name=name, producer="",
            sections=tuple((s["kind"], _str(s["heading"])) for _, s in sections.iterrows()),
            items=tuple(
                ItemRecord(
                    key=str(it["item_id"]), order=int(it["order"]), text=str(it["text"]),
                    section_kind=str(it["section_kind"]),
                    parent=None if _missing(it["parent_item_id"]) else str(it["parent_item_id"]),
                    date_edtf=None if _missing(it["date_edtf"]) else str(it["date_edtf"]),
                    date_source=None if _missing(it["date_source"]) else str(it["date_source"]),
                    footnote_markers=_markers(it["footnote_markers"]),
                )
                for _, it in items.iterrows()
            ),
            footnotes=tuple((str(f["marker"]), str(f["text"])) for _, f in notes.iterrows()),
            fields={k: (None if _missing(doc[k]) else (int(doc[k]) if k.endswith("_number") else str(doc[k])))
                    for k in FIELDS if k in doc},
        )
    return out


def _missing(value) -> bool:
    try:
        import pandas as pd

        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _str(value) -> str:
    return "" if _missing(value) else str(value)


def _markers(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v for v in value.split(";") if v)
    try:
        return tuple(str(v) for v in value)
    except TypeError:
        return ()


def match_items(truth: Sequence[ItemRecord], pred: Sequence[ItemRecord]) -> dict[int, int]:
    """One-to-one pairs (truth index -> pred index), most similar first."""
    candidates = []
    for i, t in enumerate(truth):
        for j, p in enumerate(pred):
            if t.text == p.text:
                ratio = 1.0
            else:
                matcher = difflib.SequenceMatcher(a=t.text, b=p.text, autojunk=False)
                if matcher.real_quick_ratio() < MATCH_THRESHOLD or matcher.quick_ratio() < MATCH_THRESHOLD:
                    continue
                ratio = matcher.ratio()
            if ratio >= MATCH_THRESHOLD:
                # Ties go to the pair closest in order, so repeated texts pair up in sequence.
                candidates.append((-ratio, abs(i - j), i, j))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, i, j in candidates:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def score_document(truth: DocumentRecord, pred: DocumentRecord) -> DocumentScore:
    pairs = match_items(truth.items, pred.items)
    n_truth, n_pred, n_match = len(truth.items), len(pred.items), len(pairs)
    precision = n_match / n_pred if n_pred else float(n_truth == 0)
    recall = n_match / n_truth if n_truth else float(n_pred == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    problems: list[str] = []
    truth_key_to_pred = {truth.items[i].key: pred.items[j].key for i, j in pairs.items()}

    def share(ok: Iterable[bool]) -> float:
        values = list(ok)
        return sum(values) / len(values) if values else 1.0

    exact = share(pairs.get(i) is not None and truth.items[i].text == pred.items[pairs[i]].text
                  for i in range(n_truth))
    matched = [(truth.items[i], pred.items[j]) for i, j in sorted(pairs.items())]
    for i, t in enumerate(truth.items):
        if i not in pairs:
            problems.append(f"missing item {t.key}: {t.text[:60]!r}")
    for j, p in enumerate(pred.items):
        if j not in pairs.values():
            problems.append(f"extra item at order {p.order}: {p.text[:60]!r}")
    for t, p in matched:
        if t.text != p.text:
            problems.append(f"item {t.key} text: want {t.text!r}, got {p.text!r}")
        if t.section_kind != p.section_kind:
            problems.append(f"item {t.key} section: want {t.section_kind}, got {p.section_kind}")
        if (truth_key_to_pred.get(t.parent) if t.parent else None) != p.parent:
            problems.append(f"item {t.key} parent: want {t.parent}, got {p.parent}")
        if (t.date_edtf, t.date_source) != (p.date_edtf, p.date_source):
            problems.append(f"item {t.key} date: want {t.date_edtf} ({t.date_source}), "
                            f"got {p.date_edtf} ({p.date_source})")
    for (t0, p0), (t1, p1) in zip(matched, matched[1:]):
        if p1.order < p0.order:
            problems.append(f"reading order: item {t1.key} ({t1.text[:30]!r}) comes before item {t0.key}")
    pred_notes = set(pred.footnotes)
    for note in truth.footnotes:
        if note not in pred_notes:
            problems.append(f"footnote {note[0]} not found: {note[1][:60]!r}")
    scores = {
        "item_precision": precision,
        "item_recall": recall,
        "item_f1": f1,
        "exact_text": exact,
        "section_kind": share(t.section_kind == p.section_kind for t, p in matched),
        "parent": share((truth_key_to_pred.get(t.parent) if t.parent else None) == p.parent for t, p in matched),
        "date": share((t.date_edtf, t.date_source) == (p.date_edtf, p.date_source) for t, p in matched),
        "footnote_markers": share(t.footnote_markers == p.footnote_markers for t, p in matched),
        "footnote_recall": share(note in pred_notes for note in truth.footnotes),
        "sections": difflib.SequenceMatcher(a=truth.sections, b=pred.sections, autojunk=False).ratio()
        if truth.sections or pred.sections else 1.0,
        "reading_order": _order_agreement([p.order for _, p in matched]),
        "fields": share(pred.fields.get(k) == v for k, v in truth.fields.items()),
    }
    for k, v in truth.fields.items():
        if pred.fields.get(k) != v:
            problems.append(f"document {k}: want {v!r}, got {pred.fields.get(k)!r}")
    return DocumentScore(truth.name, truth.producer, n_truth, n_pred, scores, tuple(problems))


def _order_agreement(pred_orders: Sequence[int]) -> float:
    """Share of pairs (taken in truth order) that the run also puts in that order."""
    n = len(pred_orders)
    if n < 2:
        return 1.0
    concordant = sum(1 for a in range(n) for b in range(a + 1, n) if pred_orders[a] < pred_orders[b])
    return concordant / (n * (n - 1) / 2)


def evaluate(truth_dir: Path, pred_dir: Path) -> list[DocumentScore]:
    """Score every ground-truth file in truth_dir against the tables a run wrote to pred_dir."""
    from .tables import load

    truth_files = sorted(Path(truth_dir).glob("*.json"))
    if not truth_files:
        raise UsageError(f"no ground-truth files (*.json) in {truth_dir}")
    runs = run_records(load(pred_dir))
    scores = []
    for path in truth_files:
        truth = truth_record(json.loads(path.read_text(encoding="utf-8")), path.stem)
        pred = runs.get(path.stem)
        if pred is None:
            empty = DocumentRecord(path.stem, truth.producer, (), (), ())
            score = score_document(truth, empty)
            scores.append(DocumentScore(score.name, score.producer, score.truth_items, 0, score.scores,
                                        (f"no ok document named {path.stem}.pdf in {pred_dir}",)))
            continue
        scores.append(score_document(truth, pred))
    return scores


def summary_rows(scores: Sequence[DocumentScore]) -> list[tuple[str, str, dict[str, float]]]:
    """Per document, then the mean per producer, then the mean over all documents."""
    rows = [(s.name, s.producer, s.scores) for s in scores]
    producers = sorted({s.producer for s in scores})
    for producer in producers + ["ALL"]:
        group = [s for s in scores if producer in ("ALL", s.producer)]
        if len(producers) == 1 and producer != "ALL":
            continue
        means = {m: sum(s.scores[m] for s in group) / len(group) for m in METRICS}
        rows.append((f"mean ({len(group)} docs)", producer, means))
    return rows


def format_table(scores: Sequence[DocumentScore]) -> str:
    """A plain-text table of every metric per document, per producer and overall."""
    short = {"item_precision": "item_P", "item_recall": "item_R", "item_f1": "item_F1", "exact_text": "exact",
             "section_kind": "kind", "parent": "parent", "date": "date", "footnote_markers": "fn_mark",
             "footnote_recall": "fn_recall", "sections": "sections", "reading_order": "order",
             "fields": "fields"}
    rows = summary_rows(scores)
    name_w = max([len("document")] + [len(r[0]) for r in rows])
    prod_w = max([len("producer")] + [len(r[1]) for r in rows])
    header = f"{'document':<{name_w}}  {'producer':<{prod_w}}  " + "  ".join(f"{short[m]:>8}" for m in METRICS)
    lines = [header, "-" * len(header)]
    for name, producer, values in rows:
        lines.append(f"{name:<{name_w}}  {producer:<{prod_w}}  " + "  ".join(f"{values[m]:>8.3f}" for m in METRICS))
    return "\n".join(lines)
