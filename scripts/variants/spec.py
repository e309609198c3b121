"""Content-spec types, golden writer and PDF check shared by the variant samples.

Markup in spec strings:
    [^1]   footnote marker, printed as a superscript glued to the character before
           (which may be a word, a closing parenthesis or a full stop); left out of the
           golden text, goes to footnote_refs.
    \\n     forced line break (timeline labels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FONT_DIR = ROOT / "scripts" / "fonts"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Word's Wingdings bullets "§" (small square) and "Ø" (arrowhead). Same PostScript name as
# scripts/fonts/Wingdings-Regular.ttf but other code points, and make_samples.py rebuilds
# that file with its own cmap: hence a file of its own, built by make_samples_variants.py.
WINGDINGS = FONT_DIR / "Wingdings-Regular-variants.ttf"
WINGDINGS_CMAP = {0xA7: 0x25AA, 0xD8: 0x27A2}
# Symbol's "·" bullet: the font make_samples.py builds already has it.
SYMBOL = FONT_DIR / "SymbolMT.ttf"


@dataclass(frozen=True)
class D:
    text: str
    start: str | None
    end: str | None
    precision: str
    qualifier: str
    edtf: str

    def golden(self, source: str) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "precision": self.precision, "qualifier": self.qualifier,
                "edtf": self.edtf, "source": source}


Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")


@dataclass
class It:
    text: str
    date: D | None = None                       # own inline date (first of `dates`)
    dates: list[tuple[str, str]] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)
    children: list["It"] = field(default_factory=list)
    page: int | None = None                     # page override (else the section's)


@dataclass
class TL:
    label: str
    date: D
    entries: list[It]


@dataclass
class Sec:
    kind: str
    heading: str
    blocks: list
    page: int = 1
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None


@dataclass
class Footnote:
    marker: str
    term: str
    expansion: str
    sep: str = " - "


@dataclass
class Sample:
    name: str
    producer: str
    language: str
    title: str
    header_lines: list[str]                     # in reading order, joined to one line each
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    sections: list[Sec]                         # in reading order
    footnotes: list[Footnote]
    footnote_page: int


def sec_of(s: Sample, kind: str) -> Sec:
    return next(x for x in s.sections if x.kind == kind)


TOKEN = re.compile(r"\[\^([0-9]+)\]")


def clean(markup: str) -> str:
    return re.sub(r"\s+", " ", TOKEN.sub("", markup)).strip()


def markers(markup: str) -> list[str]:
    return TOKEN.findall(markup)


def anchor_of(markup: str, marker: str) -> str:
    i = markup.index(f"[^{marker}]")
    word = TOKEN.sub("", markup[:i]).split()[-1]
    word = re.sub(r"^[(«“\"]+", "", word)
    word = re.sub(r"^(?:[lLdDjJmMnNsStTcC]|qu|Qu|jusqu|lorsqu|puisqu)[’']", "", word)
    return re.sub(r"[.,;:!?)»”\"]+$", "", word)


def join_label(label: str) -> str:
    out = ""
    for line in label.split("\n"):
        if out and (not out.endswith(("-", "–")) or out.endswith((" -", " –"))):
            out += " "
        out += line
    return re.sub(r"\s+", " ", out).strip()


def flatten(s: Sample):
    """(item, timeline group, n, section index, parent n, page) in reading order."""
    out = []

    def walk(items, si, parent, group, page):
        for it in items:
            n = len(out) + 1
            pg = it.page or page
            out.append((it, group, n, si, parent, pg))
            walk(it.children, si, n, None, pg)

    for si, sec in enumerate(s.sections):
        for b in sec.blocks:
            if isinstance(b, TL):
                walk(b.entries, si, None, b, b.entries[0].page or sec.page)
            else:
                walk([b], si, None, None, sec.page)
    return out


def golden(s: Sample) -> dict:
    """The ground truth, written from the spec (dates by hand, plus the fallback rule)."""
    flat = flatten(s)
    sections = [{"kind": "header", "heading": s.title, "page": 1,
                 "subheadings": [clean(h) for h in s.header_lines]}]
    for sec in s.sections:
        sections.append({"kind": sec.kind, "heading": clean(sec.heading), "page": sec.page,
                         "subheadings": [clean(h) for h in sec.subheadings]})
    sections.append({"kind": "footnotes", "heading": None, "page": s.footnote_page,
                     "subheadings": []})
    resolved = {}
    items = []
    for it, group, n, si, parent, page in flat:
        sec = s.sections[si]
        text = clean(it.text)
        assert markers(it.text) == [m for m, _ in it.refs], (s.name, it.text)
        for m, a in it.refs:
            assert anchor_of(it.text, m) == a, (s.name, m, a, anchor_of(it.text, m))
        pos = 0
        for dt, _e in it.dates:
            i = text.find(dt, pos)
            assert i >= 0, (s.name, dt, text)
            pos = i + len(dt)
        if it.date is not None:
            assert it.dates and it.dates[0] == (it.date.text, it.date.edtf), (s.name, it.text)
        if group is not None:
            assert group.date.text == join_label(group.label), (group.label, group.date.text)
            date = group.date.golden("timeline")
        elif it.date is not None:
            date = it.date.golden("inline")
        elif parent is not None and resolved[parent] is not None:
            date = dict(resolved[parent], source="parent")
        elif sec.heading_date is not None:
            assert sec.heading_date.text in clean(sec.heading)
            date = sec.heading_date.golden("heading")
        else:
            date = None
        resolved[n] = date
        items.append({
            "n": n, "section": si + 2, "section_kind": sec.kind, "parent": parent,
            "page": page, "text": text, "date": date,
            "dates": [{"text": t, "edtf": e} for t, e in it.dates],
            "footnote_refs": [{"marker": m, "anchor": a} for m, a in it.refs],
        })
    used = [m for it, *_ in flat for m, _ in it.refs]
    assert list(dict.fromkeys(used)) == [f.marker for f in s.footnotes], (s.name, used)
    footnotes = [{"marker": f.marker, "text": f"{f.term}{f.sep}{f.expansion}",
                  "term": f.term, "expansion": f.expansion, "page": s.footnote_page}
                 for f in s.footnotes]
    return {
        "sample": s.name, "producer": s.producer,
        "document": {
            "status": "ok", "title": s.title, "language": s.language, "country": s.title,
            "domain_number": s.domain_number, "domain_title": clean(s.domain_title),
            "action_number": s.action_number, "action_title": clean(s.action_title),
            "page_count": s.pages,
        },
        "sections": sections, "items": items, "footnotes": footnotes,
    }


LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}


def check_pdf(s: Sample, pdf_path: Path) -> list[str]:
    """Page count; every item's printed text in one piece on its page and every section
    heading on its page (whitespace dropped); no two words overlap."""
    import pdfplumber
    problems = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != s.pages:
            return [f"{len(pdf.pages)} pages, spec {s.pages}"]
        streams = {}
        for n, page in enumerate(pdf.pages, 1):
            raw = "".join(c["text"] for c in page.chars)
            for lig, plain in LIGATURES.items():
                raw = raw.replace(lig, plain)
            streams[n] = re.sub(r"\s+", "", raw)
            words = page.extract_words()
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    if (a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5
                            and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1):
                        problems.append(f"p{n}: words overlap {a['text']!r} / {b['text']!r}")
        for it, _g, n, _si, _p, page in flatten(s):
            want = re.sub(r"\s+", "", TOKEN.sub(lambda m: m.group(1), it.text))
            if want not in streams[page]:
                problems.append(f"item {n} not in one piece on p{page}: {clean(it.text)[:50]!r}")
        for sec in s.sections:
            if re.sub(r"\s+", "", sec.heading) not in streams[sec.page]:
                problems.append(f"heading {sec.heading!r} not on p{sec.page}")
    return problems
