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

Beyond the scores, every difference from the ground truth is listed (``DocumentScore.problems``,
``factextract evaluate --details``): the items' pages, sections, full dates, inline dates and
footnote anchors, the sections' pages and subheadings, the footnotes' terms, the document's
status and page count. The golden-file tests assert that this list is empty, so the command
and the tests compare in one way.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from .errors import UsageError

# Two item texts with at least this difflib ratio may be the same item.
MATCH_THRESHOLD = 0.6
# How much of a text a problem quotes (characters), and of a text it only points at.
QUOTE_CHARS = 60
POINTER_CHARS = 30

METRICS: tuple[str, ...] = (
    "item_precision", "item_recall", "item_f1", "exact_text", "section_kind", "parent", "date",
    "footnote_markers", "footnote_recall", "sections", "reading_order", "fields",
)
# The document-level fields scored by "fields" (the share that equal the truth's).
FIELDS: tuple[str, ...] = (
    "title", "language", "country", "domain_number", "domain_title", "action_number", "action_title",
)
# Document values compared (listed as problems) but not scored.
CHECKED_DOCUMENT_VALUES: tuple[str, ...] = ("status", "page_count", "country_iso3")
_INTEGER_VALUES = frozenset({"domain_number", "action_number", "page_count"})
# An item's values that only the full comparison looks at, in the ground-truth format.
ITEM_DETAILS: tuple[str, ...] = ("section", "page", "date", "dates", "footnote_refs")


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
    # ITEM_DETAILS in the ground-truth format; a truth file may leave any of them out.
    details: dict[str, object] = field(default_factory=dict, compare=False)
    # False when a ground-truth file gives no date for the item: it is then not scored on dates.
    date_known: bool = True


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """What evaluation compares of a document, from ground truth or from a run."""

    name: str
    producer: str
    sections: tuple[tuple[str, str], ...]  # (kind, heading)
    items: tuple[ItemRecord, ...]
    footnotes: tuple[tuple[str, str], ...]  # (marker, text)
    fields: dict[str, object] = field(default_factory=dict)  # document values; truth may omit some
    # Sections (kind, heading, page, subheadings) and footnotes (marker, text, term, expansion,
    # page) in the ground-truth format; None where unknown.
    section_details: tuple[dict[str, object], ...] | None = None
    footnote_details: tuple[dict[str, object], ...] | None = None


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """A document's scores (METRICS) and every difference found, one line each."""

    name: str
    producer: str
    truth_items: int
    pred_items: int
    scores: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


# The field a draft ground truth carries until a person has checked it (see ``draft_truth``).
DRAFT_FIELD = "draft"
DRAFT_NOTE = ("written by `factextract draft-truth` from what factextract {version} extracted from {source}, "
              "not by a person: check every value against the PDF, correct it, then delete this field; "
              "`evaluate` and the tests refuse the file while it is here")
# The document values of a ground-truth file, in the order the golden files write them.
_TRUTH_DOCUMENT_ORDER: tuple[str, ...] = (
    "status", "title", "language", "country", "country_iso3", "domain_number", "domain_title",
    "action_number", "action_title", "page_count",
)


def draft_truth(record: DocumentRecord, *, version: str, source: str) -> dict:
    """A run's document as a draft ground-truth file (tests/golden format), for a person to
    correct: what the pipeline found, with a ``draft`` field saying so. A truth copied from the
    pipeline's output measures nothing until a person has checked it against the page."""
    items = sorted(record.items, key=lambda it: it.order)
    number = {it.key: n for n, it in enumerate(items, start=1)}
    return {
        DRAFT_FIELD: DRAFT_NOTE.format(version=version, source=source),
        "sample": record.name,
        "producer": record.producer or "unknown",
        "document": {k: record.fields.get(k) for k in _TRUTH_DOCUMENT_ORDER},
        "sections": [dict(s) for s in record.section_details or ()],
        "items": [
            {"n": number[it.key], "section": it.details.get("section"), "section_kind": it.section_kind,
             "parent": number.get(it.parent) if it.parent is not None else None,
             "page": it.details.get("page"), "text": it.text, "date": it.details.get("date"),
             "dates": it.details.get("dates", []), "footnote_refs": it.details.get("footnote_refs", [])}
            for it in items
        ],
        "footnotes": [dict(f) for f in record.footnote_details or ()],
    }


def truth_record(truth: dict, name: str) -> DocumentRecord:
    """A ground-truth file (tests/golden format) as a DocumentRecord.

    Raises UsageError for a draft (``draft_truth``) that no person has checked yet."""
    if isinstance(truth, dict) and DRAFT_FIELD in truth:
        raise UsageError(f"{name}: a draft ground truth, not yet checked by a person ({DRAFT_FIELD!r}: "
                         f"{truth[DRAFT_FIELD]}); check it against the PDF, correct it and delete the "
                         f"{DRAFT_FIELD!r} field")
    items = tuple(
        ItemRecord(
            key=str(it["n"]), order=int(it["n"]), text=it["text"], section_kind=it["section_kind"],
            parent=None if it.get("parent") is None else str(it["parent"]),
            date_edtf=(it.get("date") or {}).get("edtf"), date_source=(it.get("date") or {}).get("source"),
            footnote_markers=tuple(r["marker"] for r in it.get("footnote_refs", [])),
            details={k: it[k] for k in ITEM_DETAILS if k in it},
            date_known="date" in it,
        )
        for it in truth["items"]
    )
    return DocumentRecord(
        name=name, producer=truth.get("producer", "unknown"),
        sections=tuple((s["kind"], s.get("heading") or "") for s in truth["sections"]),
        items=items,
        footnotes=tuple((f["marker"], f["text"]) for f in truth.get("footnotes", [])),
        fields={k: v for k, v in truth.get("document", {}).items() if k in FIELDS + CHECKED_DOCUMENT_VALUES},
        section_details=tuple({"kind": s["kind"], "heading": s.get("heading"), "page": s.get("page"),
                               "subheadings": s.get("subheadings", [])} for s in truth["sections"]),
        footnote_details=tuple(truth["footnotes"]) if "footnotes" in truth else None,
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
        section_position = {str(s["section_id"]): n for n, (_, s) in enumerate(sections.iterrows(), start=1)}
        inline = _per_item(tables["dates"], doc_id, lambda d: d["source"] == "inline",
                           lambda d: {"text": str(d["text"]), "edtf": str(d["edtf"])})
        refs = _per_item(tables["footnote_refs"], doc_id, lambda r: True,
                         lambda r: {"marker": str(r["marker"]), "anchor": _str(r["anchor"])})
        out[name] = DocumentRecord(
            name=name, producer="",
            sections=tuple((s["kind"], _str(s["heading"])) for _, s in sections.iterrows()),
            items=tuple(_item_record(it, section_position, inline, refs) for _, it in items.iterrows()),
            footnotes=tuple((str(f["marker"]), str(f["text"])) for _, f in notes.iterrows()),
            fields={k: _value(k, doc[k]) for k in FIELDS + CHECKED_DOCUMENT_VALUES if k in doc},
            section_details=tuple({"kind": str(s["kind"]), "heading": _optional(s["heading"]), "page": int(s["page"]),
                                   "subheadings": _list(s["subheadings"])} for _, s in sections.iterrows()),
            footnote_details=tuple({"marker": str(f["marker"]), "text": str(f["text"]), "term": _optional(f["term"]),
                                    "expansion": _optional(f["expansion"]), "page": int(f["page"])}
                                   for _, f in notes.iterrows()),
        )
    return out


def _item_record(it, section_position: dict, inline: dict, refs: dict) -> ItemRecord:
    """One row of the items table as an ItemRecord, its details in the ground-truth format."""
    item_id = str(it["item_id"])
    parent = None if _missing(it["parent_item_id"]) else str(it["parent_item_id"])
    date = None
    if not _missing(it["date_edtf"]):
        date = {"text": _optional(it["date_text"]), "start": _iso(it["date_start"]), "end": _iso(it["date_end"]),
                "precision": _optional(it["date_precision"]), "qualifier": _str(it["date_qualifier"]),
                "edtf": str(it["date_edtf"]), "source": _optional(it["date_source"])}
    return ItemRecord(
        key=item_id, order=int(it["order"]), text=str(it["text"]), section_kind=str(it["section_kind"]),
        parent=parent,
        date_edtf=None if _missing(it["date_edtf"]) else str(it["date_edtf"]),
        date_source=None if _missing(it["date_source"]) else str(it["date_source"]),
        footnote_markers=_markers(it["footnote_markers"]),
        details={"section": section_position.get(str(it["section_id"])), "page": int(it["page"]), "date": date,
                 "dates": inline.get(item_id, []), "footnote_refs": refs.get(item_id, [])},
    )


def _per_item(frame, doc_id: str, keep, row_value) -> dict[str, list]:
    """``{item_id: [row_value(row), ...]}`` for a document's rows of a per-item table, in order."""
    rows = frame[frame["doc_id"] == doc_id]
    if "order" in rows:
        rows = rows.sort_values(["item_id", "order"])
    out: dict[str, list] = {}
    for _, row in rows.iterrows():
        if keep(row):
            out.setdefault(str(row["item_id"]), []).append(row_value(row))
    return out


def _value(name: str, value) -> object:
    """A document value as the ground truth writes it: None, int or str."""
    if _missing(value):
        return None
    return int(value) if name in _INTEGER_VALUES else str(value)


def _optional(value) -> str | None:
    return None if _missing(value) else str(value)


def _iso(value) -> str | None:
    return None if _missing(value) else value.isoformat()


def _list(value) -> list[str]:
    return list(_markers(value))


def _missing(value) -> bool:
    """True for None and pandas' missing values (NA, NaT, NaN)."""
    try:
        import pandas as pd

        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _str(value) -> str:
    return "" if _missing(value) else str(value)


def _markers(value) -> tuple[str, ...]:
    """A list column's value (Arrow list, ``;``-joined text or None) as a tuple of strings."""
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
    """Match the items one to one, then score each metric and list every difference."""
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
            problems.append(f"missing item {t.key}: {t.text[:QUOTE_CHARS]!r}")
    for j, p in enumerate(pred.items):
        if j not in pairs.values():
            problems.append(f"extra item at order {p.order}: {p.text[:QUOTE_CHARS]!r}")
    for t, p in matched:
        if t.text != p.text:
            problems.append(f"item {t.key} text: want {t.text!r}, got {p.text!r}")
        if t.section_kind != p.section_kind:
            problems.append(f"item {t.key} section: want {t.section_kind}, got {p.section_kind}")
        if (truth_key_to_pred.get(t.parent) if t.parent else None) != p.parent:
            problems.append(f"item {t.key} parent: want {t.parent}, got {p.parent}")
        if t.date_known and (t.date_edtf, t.date_source) != (p.date_edtf, p.date_source):
            problems.append(f"item {t.key} date: want {t.date_edtf} ({t.date_source}), "
                            f"got {p.date_edtf} ({p.date_source})")
        problems.extend(_detail_problems(t, p))
    for (t0, p0), (t1, p1) in zip(matched, matched[1:]):
        if p1.order < p0.order:
            problems.append(f"reading order: item {t1.key} ({t1.text[:POINTER_CHARS]!r}) comes before item {t0.key}")
    pred_notes = set(pred.footnotes)
    for note in truth.footnotes:
        if note not in pred_notes:
            problems.append(f"footnote {note[0]} not found: {note[1][:QUOTE_CHARS]!r}")
    scores = {
        "item_precision": precision,
        "item_recall": recall,
        "item_f1": f1,
        "exact_text": exact,
        "section_kind": share(t.section_kind == p.section_kind for t, p in matched),
        "parent": share((truth_key_to_pred.get(t.parent) if t.parent else None) == p.parent for t, p in matched),
        "date": share((t.date_edtf, t.date_source) == (p.date_edtf, p.date_source) for t, p in matched if t.date_known),
        "footnote_markers": share(t.footnote_markers == p.footnote_markers for t, p in matched),
        "footnote_recall": share(note in pred_notes for note in truth.footnotes),
        "sections": difflib.SequenceMatcher(a=truth.sections, b=pred.sections, autojunk=False).ratio()
        if truth.sections or pred.sections else 1.0,
        "reading_order": _order_agreement([p.order for _, p in matched]),
        "fields": share(pred.fields.get(k) == v for k, v in truth.fields.items() if k in FIELDS),
    }
    for k, v in truth.fields.items():
        if pred.fields.get(k) != v:
            problems.append(f"document {k}: want {v!r}, got {pred.fields.get(k)!r}")
    problems.extend(_listed_problems("section", truth.section_details, pred.section_details))
    problems.extend(_listed_problems("footnote", truth.footnote_details, pred.footnote_details))
    return DocumentScore(truth.name, truth.producer, n_truth, n_pred, scores, tuple(problems))


def _detail_problems(truth: ItemRecord, pred: ItemRecord) -> list[str]:
    """Every detail the truth gives for an item that the run gives otherwise. A date whose
    EDTF or source already differs is reported once, by the score's own check."""
    problems = []
    for key, want in truth.details.items():
        got = pred.details.get(key)
        if key == "date" and (truth.date_edtf, truth.date_source) != (pred.date_edtf, pred.date_source):
            continue
        if got != want:
            problems.append(f"item {truth.key} ({truth.text[:POINTER_CHARS]!r}) {key}: want {want!r}, got {got!r}")
    return problems


def _listed_problems(what: str, truth: Sequence[dict] | None, pred: Sequence[dict] | None) -> list[str]:
    """Position by position, where a list of sections or footnotes differs from the truth's."""
    if truth is None or pred is None or list(truth) == list(pred):
        return []
    return [f"{what} {i + 1}: want {w}, got {g}"
            for i, (w, g) in enumerate(zip_longest(truth, pred)) if w != g]


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
