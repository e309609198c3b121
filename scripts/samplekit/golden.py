"""Ground truth written from a content spec: the hand-written date, the contract's date
fallback, the cross-checks of the hand-written data and the golden JSON file.

A spec's Sample (whatever its producer) has name, title, language, header_lines,
domain_number, domain_title, action_number, action_title, pages, sections (kind, heading,
subheadings, heading_date) and footnotes (marker, term, sep, expansion); an item has text,
dates [(text, edtf)] and refs [(marker, anchor)].
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from samplekit.markup import Markup
from samplekit.paths import GOLDEN_DIR


@dataclass(frozen=True)
class D:
    """A date, written by hand following the contract's date table."""

    text: str          # as printed, one line
    start: str | None
    end: str | None
    precision: str
    qualifier: str     # "" when none
    edtf: str

    def golden(self, source: str) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "precision": self.precision, "qualifier": self.qualifier,
                "edtf": self.edtf, "source": source}


@dataclass
class Footnote:
    """A footnote as printed: marker, then term + sep + expansion (the golden's text)."""

    marker: str
    term: str
    expansion: str
    sep: str = " - "


@dataclass
class Entry:
    """One item of a sample in reading order, as the golden needs it."""

    item: object                  # .text, .dates, .refs
    n: int                        # 1-based number in reading order
    si: int                       # index of its section in Sample.sections
    parent: int | None            # n of the parent item
    page: int
    timeline: D | None = None     # the date of the timeline label the item sits under
    inline: D | None = None       # the item's own date, printed in its text


def flatten(sections) -> list[tuple[object, int, int, int, int | None]]:
    """(item, depth, n, section index, parent n) in reading order, for sections whose
    `items` are trees of items (`children`)."""
    out = []

    def walk(items, depth, si, parent):
        for it in items:
            n = len(out) + 1
            out.append((it, depth, n, si, parent))
            walk(it.children, depth + 1, si, n)

    for si, sec in enumerate(sections):
        walk(sec.items, 0, si, None)
    return out


def item_date(e: Entry, parent_date: dict | None, sec, clean) -> dict | None:
    """The contract's date fallback: the timeline label's date, else the item's own inline
    date, else its parent's (resolved) date, else its section heading's date, else none."""
    if e.timeline is not None:
        return e.timeline.golden("timeline")
    if e.inline is not None:
        return e.inline.golden("inline")
    if e.parent is not None and parent_date is not None:
        return dict(parent_date, source="parent")
    if sec.heading_date is not None:
        assert sec.heading_date.text in clean(sec.heading)
        return sec.heading_date.golden("heading")
    return None


def check_item(name: str, it, text: str, markup: Markup) -> None:
    """Hand-written data cross-checks: the refs name the markers in the text, in order, and
    their anchors; the `dates` appear in the golden text, in order."""
    assert markup.markers(it.text) == [m for m, _ in it.refs], (name, it.text)
    for raw, (m, a) in zip(markup.raw_markers(it.text), it.refs):
        assert markup.anchor_of(it.text, raw) == a, (name, m, a, markup.anchor_of(it.text, raw))
    pos = 0
    for dt, _e in it.dates:
        i = text.find(dt, pos)
        assert i >= 0, (name, dt, text)
        pos = i + len(dt)


def golden(s, producer: str, entries: list[Entry], markup: Markup, *,
           section_pages: list[int] | None = None, footnotes_page: int,
           footnote_pages: list[int] | None = None) -> dict:
    """The golden JSON of a sample. Section pages default to each section's `page`; every
    footnote is on `footnotes_page` unless `footnote_pages` says otherwise."""
    clean = markup.clean
    if section_pages is None:
        section_pages = [sec.page for sec in s.sections]
    if footnote_pages is None:
        footnote_pages = [footnotes_page] * len(s.footnotes)
    sections = [{"kind": "header", "heading": s.title, "page": 1,
                 "subheadings": [clean(h) for h in s.header_lines]}]
    for sec, page in zip(s.sections, section_pages):
        sections.append({"kind": sec.kind, "heading": clean(sec.heading), "page": page,
                         "subheadings": [clean(h) for h in sec.subheadings]})
    sections.append({"kind": "footnotes", "heading": None, "page": footnotes_page,
                     "subheadings": []})

    resolved: dict[int, dict | None] = {}
    items = []
    for e in entries:
        it, sec = e.item, s.sections[e.si]
        text = clean(it.text)
        check_item(s.name, it, text, markup)
        date = item_date(e, resolved[e.parent] if e.parent is not None else None, sec, clean)
        resolved[e.n] = date
        items.append({
            "n": e.n, "section": e.si + 2, "section_kind": sec.kind, "parent": e.parent,
            "page": e.page, "text": text, "date": date,
            "dates": [{"text": t, "edtf": d} for t, d in it.dates],
            "footnote_refs": [{"marker": m, "anchor": a} for m, a in it.refs],
        })
    footnotes = [{"marker": f.marker, "text": f"{f.term}{f.sep}{f.expansion}",
                  "term": f.term, "expansion": f.expansion, "page": page}
                 for f, page in zip(s.footnotes, footnote_pages)]
    return {
        "sample": s.name, "producer": producer,
        "document": {
            "status": "ok", "title": s.title, "language": s.language, "country": s.title,
            "domain_number": s.domain_number, "domain_title": clean(s.domain_title),
            "action_number": s.action_number, "action_title": clean(s.action_title),
            "page_count": s.pages,
        },
        "sections": sections,
        "items": items,
        "footnotes": footnotes,
    }


def markers_cited(entries: list[Entry]) -> list[str]:
    """The footnote markers the items cite, in reading order (repeats kept)."""
    return [m for e in entries for m, _ in e.item.refs]


def write_golden(name: str, g: dict) -> Path:
    """tests/golden/<name>.json"""
    path = GOLDEN_DIR / f"{name}.json"
    path.write_text(json.dumps(g, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
