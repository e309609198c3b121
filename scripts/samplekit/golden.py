"""Ground truth written from a content spec alone: the cross-checks of the hand-written data,
the contract's date fallback and the golden JSON (no PDF needed, so tests can rebuild it).

Golden dates are written by hand in the spec (the `D(...)` values); the only derivations are
the timeline rule (a label dates every entry of its group) and the contract's fallback rule
(an item without a date of its own takes its parent's, else its section heading's). An
item's golden text follows the contract's "what is one item": its list number kept as
printed (Sec.numbering), a table row's cells joined with " | " (It.cells); see item_text.
The factextract pipeline is never run here.
"""
from __future__ import annotations

import json
from pathlib import Path

from samplekit.markup import anchor_of, clean, join_label, markers, raw_markers
from samplekit.spec import Placed, Sample

# The ISO 3166-1 alpha-3 code of each sample's country, written by hand (the pipeline finds
# its own through pycountry; the truth must not come from the code it checks).
COUNTRY_CODES: dict[str, str] = {
    "Belgique": "BEL", "Cabo Verde": "CPV", "Cameroun": "CMR", "Congo": "COG", "Gabon": "GAB",
    "Ghana": "GHA", "Guinée": "GIN", "Italy": "ITA", "Liberia": "LBR", "Luxembourg": "LUX",
    "Mali": "MLI", "Mauritanie": "MRT", "Netherlands": "NLD", "Niger": "NER", "Nigeria": "NGA",
    "Sénégal": "SEN", "Sierra Leone": "SLE", "Spain": "ESP", "The Gambia": "GMB",
    # the random factsheets' countries (samplekit/phrases/)
    "Maroc": "MAR", "Tunisie": "TUN", "Espagne": "ESP", "France": "FRA", "Italie": "ITA",
    "Burkina Faso": "BFA", "Bénin": "BEN", "Togo": "TGO", "Tchad": "TCD", "Germany": "DEU",
    "Portugal": "PRT", "Senegal": "SEN", "Côte d'Ivoire": "CIV", "Ireland": "IRL",
}


def check_spec(s: Sample, placed: list[Placed]) -> None:
    """Hand-written data cross-checks (AssertionError on the first that fails)."""
    for sec in s.sections:
        if sec.heading_date is not None:
            assert sec.heading_date.text in clean(sec.heading), (s.name, sec.heading)
    for p in placed:
        it = p.item
        # the refs name the markers of the text, in order, and the words they sit on
        assert markers(it.text) == [m for m, _ in it.refs], (s.name, it.text)
        for raw, (m, a) in zip(raw_markers(it.text), it.refs):
            assert anchor_of(it.text, raw) == a, (s.name, m, a, anchor_of(it.text, raw))
        # the `dates` are printed in the text, in order; the item's own date is the first
        text, pos = clean(it.text), 0
        for dt, _edtf in it.dates:
            i = text.find(dt, pos)
            assert i >= 0, (s.name, dt, text)
            pos = i + len(dt)
        if it.date is not None:
            assert it.dates and it.dates[0] == (it.date.text, it.date.edtf), (s.name, it.text)
        if it.pieces:
            assert clean(" ".join(it.pieces)) == text, (s.name, it.pieces, it.text)
        assert not it.cells or len(it.pieces or []) > 1, (s.name, it.text)
        if p.group is not None:
            assert p.group.date.text == join_label(p.group.label), (s.name, p.group.label)
    assert footnote_keys(s, placed, cited=True) == footnote_keys(s, placed, cited=False), \
        (s.name, footnote_keys(s, placed, cited=True))
    for sec in s.sections:
        # a WriterSheet section (libreoffice.py) prints numbers in its numbered forms only:
        # "1." (list style L_numbers), or as the section's numbering says
        if sec.form is not None and sec.form not in ("numbered-list", "events-numbered"):
            printed = ("1.",) if sec.form == "numbered" else ()
            assert sec.numbering == printed, (s.name, sec.kind, sec.form, sec.numbering)


def item_text(p: Placed) -> str:
    """An item's golden text (the contract's clean text of one item): its list number as
    printed, if it has one, and a space; then its text, or the cells of a table row joined
    with " | " (a title line and a date line stay joined by one space, as in `text`)."""
    it = p.item
    text = " | ".join(clean(c) for c in it.pieces) if it.cells else clean(it.text)
    return f"{p.number} {text}" if p.number else text


def footnote_keys(s: Sample, placed: list[Placed], cited: bool) -> list:
    """The footnotes as the items first cite them (cited=True) or as the spec lists them.
    Where note numbers restart on every page (a marker used twice) a note is its marker and
    the page that cites it (its own page)."""
    per_page = len({f.marker for f in s.footnotes}) < len(s.footnotes)
    if not cited:
        return [(f.marker, f.page) if per_page else f.marker for f in s.footnotes]
    keys = ((m, p.page) if per_page else m for p in placed for m, _ in p.item.refs)
    return list(dict.fromkeys(keys))


def item_date(p: Placed, parent_date: dict | None, s: Sample) -> dict | None:
    """The contract's date fallback: the timeline label's date, else the item's own inline
    date, else its parent's (resolved) date, else its section heading's date, else none."""
    if p.group is not None:
        return p.group.date.golden("timeline")
    if p.item.date is not None:
        return p.item.date.golden("inline")
    if p.parent is not None and parent_date is not None:
        return dict(parent_date, source="parent")
    heading_date = s.sections[p.si].heading_date
    return heading_date.golden("heading") if heading_date is not None else None


def golden(s: Sample) -> dict:
    """The golden JSON of a sample. One footnotes section, last, on the page of the first
    note, even when notes are printed at the foot of several pages; each note keeps its
    own page."""
    placed = s.placed()
    check_spec(s, placed)
    sections = [{"kind": "header", "heading": s.title, "page": 1,
                 "subheadings": [clean(h) for h in s.header_lines]}]
    sections += [{"kind": sec.kind, "heading": clean(sec.heading), "page": sec.page,
                  "subheadings": [clean(h) for h in sec.subheadings]} for sec in s.sections]
    if s.footnotes:  # a factsheet without notes has no notes section
        sections.append({"kind": "footnotes", "heading": None,
                         "page": min(f.page for f in s.footnotes), "subheadings": []})
    resolved: dict[int, dict | None] = {}
    items = []
    for p in placed:
        date = item_date(p, resolved.get(p.parent), s)
        resolved[p.n] = date
        items.append({
            "n": p.n, "section": p.si + 2, "section_kind": s.sections[p.si].kind,
            "parent": p.parent, "page": p.page, "text": item_text(p), "date": date,
            "dates": [{"text": t, "edtf": d} for t, d in p.item.dates],
            "footnote_refs": [{"marker": m, "anchor": a} for m, a in p.item.refs],
        })
    footnotes = [{"marker": f.marker, "text": f"{f.term}{f.sep}{f.expansion}",
                  "term": f.term, "expansion": f.expansion, "page": f.page}
                 for f in s.footnotes]
    return {
        "sample": s.name, "producer": s.producer,
        "document": {
            "status": "ok", "title": s.title, "language": s.language, "country": s.title,
            "country_iso3": COUNTRY_CODES[s.title],
            "domain_number": s.domain_number, "domain_title": clean(s.domain_title),
            "action_number": s.action_number, "action_title": clean(s.action_title),
            "page_count": s.pages,
        },
        "sections": sections,
        "items": items,
        "footnotes": footnotes,
    }


def golden_text(g: dict) -> str:
    """The golden file's exact text."""
    return json.dumps(g, ensure_ascii=False, indent=2) + "\n"


def write_golden(golden_dir: Path, g: dict) -> Path:
    path = golden_dir / f"{g['sample']}.json"
    path.write_text(golden_text(g), encoding="utf-8")
    return path
