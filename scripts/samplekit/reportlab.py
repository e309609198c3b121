"""Drawing sample sheets with reportlab (the `samples` extra), in top-down coordinates (y
grows down the page, as a layout designer measures).

    Doc           a canvas with the few primitives the sheets use: boxes, rules, dots and
                  runs of text (letter-spaced or not).
    BoxedSheet    the flow layout of the reportlab samples and random sheets: sections that
                  flow through boxed regions (spec Frame/Region), a line breaker that must use
                  every break hint of the markup, and a drawing order that differs from the
                  reading order; it fails when text overlaps or a box overflows. Its Look
                  says how headings, timelines, justified text (words placed with or without
                  space glyphs), note markers ("¹" or "[1]") and numbered items are drawn.

reportlab output is byte-stable: canvases are made with invariant=1.

A Doc keeps a record of every line of text it draws (page, x0, top, x1, bottom, baseline, text;
top and bottom from the font's ascent and descent) and saves it beside the PDF as
`<name>.drawn.json`: where the generator drew each line, which make_samples.py checks in as
tests/golden/drawn/<name>.json for the golden tests to hold the pipeline's item boxes against.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from samplekit.fonts import SYMBOL_FONTS, symbol_font
from samplekit.markup import CELL, TOKEN, bracketed, clean
from samplekit.paths import DEJAVU, LIBERATION
from samplekit.spec import Frame, Placed, Region, Sample, Sec

PAGE_W, PAGE_H = 595.0, 842.0  # A4 portrait, in points

# --------------------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------------------


def text_font_file(name: str) -> Path:
    """The TrueType file of a text font, by reportlab name: DejaVu and Liberation from
    Debian's fonts-dejavu / fonts-liberation, Vera from reportlab itself."""
    if name.startswith("DejaVu"):
        return DEJAVU / f"{name}.ttf"
    if name.startswith("Liberation"):
        return LIBERATION / (f"{name}.ttf" if "-" in name else f"{name}-Regular.ttf")
    return Path(reportlab.__file__).parent / "fonts" / f"{name}.ttf"


def register_fonts(names: Iterable[str], symbol_files: Iterable[str] = ()) -> None:
    """Make reportlab know these text fonts and symbol fonts (scripts/fonts/, registered
    under their PostScript names). The registry is reset first: it is process-wide and
    keeps the first font registered under a PostScript name, and two symbol fonts share
    the name Wingdings-Regular."""
    rl_config._reset()
    for name in names:
        pdfmetrics.registerFont(TTFont(name, str(text_font_file(name))))
    for file in symbol_files:
        pdfmetrics.registerFont(TTFont(SYMBOL_FONTS[file][2], str(symbol_font(file))))


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --------------------------------------------------------------------------------------
# Doc
# --------------------------------------------------------------------------------------


class Doc:
    """A reportlab canvas in top-down coordinates: x from the left edge, y (a top or a
    baseline) from the top edge."""

    def __init__(self, path: Path, title: str, w: float = PAGE_W, h: float = PAGE_H, *,
                 creator: str | None = None, author: str | None = None,
                 subject: str | None = None):
        self.h = h
        self.path = Path(path)
        self.page = 1
        self.drawn: list[dict] = []  # every line of text drawn, where (see the module's docstring)
        self.c = Canvas(str(path), pagesize=(w, h), invariant=1, pageCompression=1)
        if creator:
            self.c.setCreator(creator)
        if author:
            self.c.setAuthor(author)
        self.c.setTitle(title)
        if subject:
            self.c.setSubject(subject)

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1

    def save(self) -> None:
        self.c.save()
        lines = ",\n".join(json.dumps(line, ensure_ascii=False) for line in self.drawn)  # a line each
        self.path.with_suffix(".drawn.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")

    def record(self, x0: float, x1: float, baseline: float, runs: list[tuple[str, str, float, float]]) -> None:
        """Keep where a line of text runs (text, font, size, rise) was drawn."""
        top = min(baseline - rise - pdfmetrics.getAscent(font, size) for _, font, size, rise in runs)
        bottom = max(baseline - rise - pdfmetrics.getDescent(font, size) for _, font, size, rise in runs)
        self.drawn.append({"page": self.page, "x0": round(x0, 2), "top": round(top, 2), "x1": round(x1, 2),
                           "bottom": round(bottom, 2), "baseline": round(baseline, 2),
                           "text": "".join(text for text, *_ in runs)})

    def paint(self, fill, stroke, lw) -> dict:
        """Set the colours of a shape; return its canvas fill/stroke flags."""
        if fill:
            self.c.setFillColor(HexColor(fill))
        if stroke:
            self.c.setStrokeColor(HexColor(stroke))
            self.c.setLineWidth(lw)
        return {"stroke": 1 if stroke else 0, "fill": 1 if fill else 0}

    def rect(self, x, y, w, h, fill=None, stroke=None, lw=0.6, radius=0):
        flags = self.paint(fill, stroke, lw)
        if radius:
            self.c.roundRect(x, self.h - y - h, w, h, radius, **flags)
        else:
            self.c.rect(x, self.h - y - h, w, h, **flags)

    def line(self, x0, y0, x1, y1, color="#000000", lw=0.5):
        self.c.setStrokeColor(HexColor(color))
        self.c.setLineWidth(lw)
        self.c.line(x0, self.h - y0, x1, self.h - y1)

    def circle(self, x, y, r, fill=None, stroke=None, lw=0.8):
        self.c.circle(x, self.h - y, r, **self.paint(fill, stroke, lw))

    def runs(self, baseline, plan, color, charspace=0.0):
        """Text runs of one colour on one baseline: plan = [(x, text, font, size, rise)];
        charspace: extra points after every character (letter-spaced text)."""
        self.c.setFillColor(HexColor(color))
        for x, text, font, size, rise in plan:
            if charspace:
                t = self.c.beginText(x, self.h - baseline + rise)
                t.setFont(font, size)
                t.setCharSpace(charspace)
                t.textOut(text)
                self.c.saveState()
                self.c.drawText(t)
                self.c.restoreState()
            else:
                self.c.setFont(font, size)
                self.c.drawString(x, self.h - baseline + rise, text)
        if plan:
            x, text, font, size, _ = plan[-1]
            self.record(plan[0][0], x + sw(text, font, size) + charspace * len(text), baseline,
                        [(t, f, sz, r) for _, t, f, sz, r in plan])

# --------------------------------------------------------------------------------------
# BoxedSheet: the line breaker
# --------------------------------------------------------------------------------------

# key: (font or None for the body font, char drawn, gap after the glyph)
BULLETS = {
    "check": ("Wingdings-Regular", "9", 1.6),
    "warrow": ("Wingdings-Regular", "Ø", 1.8),
    "zsquare": ("ZapfDingbatsITC", "n", 1.8),
    "sbullet": ("SymbolMT", "·", 1.6),
    "sarrow": ("SymbolMT", "Þ", 3.6),
    "bullet": (None, "•", 4.5),
    "dash": (None, "–", 4.0),
    "arrow": ("DejaVuSans", "→", 3.6),
}
BOXED_SYMBOL_FILES = ("Wingdings-Regular.ttf", "ZapfDingbatsITC.ttf", "SymbolMT.ttf")
HYPHEN_OF = {"-": "-", "‐": "\u2010", "shy": "\u00ad", "/": ""}
SUP_RATIO, SUP_RISE = 0.6, 0.4     # BoxedSheet: a marker's size and its rise, x body size
NEWLINE = "NEWLINE"
MARGIN = 24.0                      # no text outside it (the foot keeps 20 pt)


@dataclass
class Piece:
    kind: str      # "t" text, "s" superscript, "b" break opportunity
    text: str
    bid: int = -1


class Breaks:
    """The break hints of a sheet, numbered, and those the line breaker took."""

    def __init__(self):
        self.n = 0
        self.used: set[int] = set()
        self.all: dict[int, str] = {}


def parse_words(markup: str, breaks: Breaks) -> list:
    words: list = []
    for li, line in enumerate(markup.split("\n")):
        if li:
            words.append(NEWLINE)
        for raw in line.split(" "):
            if not raw:
                continue
            pieces: list[Piece] = []
            pos = 0
            for m in TOKEN.finditer(raw):
                if m.start() > pos:
                    pieces.append(Piece("t", raw[pos:m.start()]))
                if m.group(1):
                    pieces.append(Piece("s", m.group(1)))
                elif m.group(2):
                    breaks.n += 1
                    breaks.all[breaks.n] = raw
                    pieces.append(Piece("b", m.group(2), breaks.n))
                else:
                    raise ValueError(f"BoxedSheet prints no raised letters: {raw!r}")
                pos = m.end()
            if pos < len(raw):
                pieces.append(Piece("t", raw[pos:]))
            words.append(pieces)
    return words


class Measure:
    """Widths in one font and size: `charspace` points after every character (letter-spaced
    text); markers raised and smaller, or printed "[1]" at the text's size (`bracketed`)."""

    def __init__(self, font: str, size: float, charspace: float = 0.0, bracketed: bool = False):
        self.font, self.size = font, size
        self.sup = size * SUP_RATIO
        self.charspace, self.bracketed = charspace, bracketed

    def word(self, pieces: list[Piece]) -> float:
        w = 0.0
        for p in pieces:
            if p.kind == "t":
                w += sw(p.text, self.font, self.size) + self.charspace * len(p.text)
            elif p.kind == "s" and self.bracketed:
                w += sw(bracketed(p.text), self.font, self.size)
            elif p.kind == "s":
                w += sw(p.text, self.font, self.sup)
        return w

    def line(self, words: list[list[Piece]]) -> float:
        """A wrapped line's width, its words a space apart."""
        return sum(self.word(w) for w in words) + self.space * (len(words) - 1)

    @property
    def space(self) -> float:
        return sw(" ", self.font, self.size) + self.charspace


def justified_gap(widths: list[float], width: float, space: float) -> float:
    """The gap between words of these widths that makes their line fill `width`."""
    natural = sum(widths) + space * (len(widths) - 1)
    return space + (width - natural) / (len(widths) - 1)


def wrap(markup: str, width: float, m: Measure, breaks: Breaks) -> list[list[list[Piece]]]:
    """Greedy line breaking; a word that does not fit breaks at its last break hint that
    does."""
    lines: list = []
    cur: list = []
    curw = 0.0
    queue = parse_words(markup, breaks)
    while queue:
        w = queue.pop(0)
        if w == NEWLINE:
            lines.append(cur)
            cur, curw = [], 0.0
            continue
        add = m.word(w) + (m.space if cur else 0.0)
        if curw + add <= width:
            cur.append(w)
            curw += add
            continue
        done = False
        for i in reversed([i for i, p in enumerate(w) if p.kind == "b"]):
            head = [p for p in w[:i] if p.kind != "b"] + [Piece("t", HYPHEN_OF[w[i].text])]
            hw = m.word(head) + (m.space if cur else 0.0)
            if curw + hw <= width:
                breaks.used.add(w[i].bid)
                lines.append(cur + [head])
                cur, curw = [], 0.0
                queue.insert(0, w[i + 1:])
                done = True
                break
        if done:
            continue
        if not cur:
            raise ValueError(f"word does not fit in {width:.1f}pt: {markup[:60]!r}")
        lines.append(cur)
        cur, curw = [], 0.0
        queue.insert(0, w)
    if cur:
        lines.append(cur)
    return lines


# --------------------------------------------------------------------------------------
# BoxedSheet: the layout
# --------------------------------------------------------------------------------------


class Page:
    def __init__(self):
        self.ops: list[tuple[int, int, object]] = []  # (rank, seq, fn)
        self.lines: list[tuple[float, float, float, float, str]] = []  # text boxes
        self.rects: list[tuple[float, float, float, float]] = []


@dataclass(frozen=True)
class Look:
    """What a BoxedSheet draws in more than one way; the defaults are the boxed samples' way."""

    # bold in the section's accent; "band": white on the accent, on a band across the box;
    # "spaced": letter-spaced (HEAD_CHARSPACE)
    headings: str = "bold"
    # a timeline's labels in a column left of their entries; "ruled table": a row per entry
    # (date cell, then the entry's text or its pieces, a cell each) under a shaded header row
    # when a subheading gives its cells; "line and dots": labels flush right against a line
    # down the entries, a dot on it at every entry; "pills": labels centred in filled pills
    timeline: str = "labels left"
    justify: str = "none"            # items' text justified: "spaces" (space glyphs kept) or "gaps" (none)
    markers: str = "raised"          # footnote markers raised, or "bracketed": "[1]" at the text's size
    list_indent: str = "hanging"     # a numbered item's later lines under its text, or "flush" under its number
    page_numbers: str = "running"    # after the running footer's text, or "centred": "– n –" alone


TIMELINES = ("labels left", "ruled table", "line and dots", "pills")
JUSTIFIED_MIN_W = 150.0              # a narrower measure is set ragged, as a designer would (no gaps stretched thin)
HEAD_CHARSPACE = 1.8                 # "spaced" headings: points after every letter
BAND_PAD = 5.0                       # "band" headings: the band's room above and below the heading
HEADING_GAP = 6.0                    # under a heading or a subheading
CELL_PAD = 3.0                       # "ruled table": a cell's room around its text
CELL_SHARES = {1: (1.0,), 2: (0.6, 0.4)}  # an entry's cells: their shares of the row beside the date
TABLE_DATE_W = 84.0                  # a date cell's width: a date on one line
TABLE_HEAD_FILL = "#E4E9EE"
LINE_GAP, DOT_R = 6.0, 2.2           # "line and dots": the line this far left of the entries, the labels as far again
PILL_PAD, PILL_RADIUS = 3.0, 4.0     # "pills": the room around a label's lines
SIDEBAR_W = 190.0                    # header "sidebar": a band down the page's left side
SIDEBAR_TITLE_SIZE = 22.0
SIDEBAR_TOP = 48.0                   # where its title starts
SIDEBAR_HEADER_BOTTOM = 240.0        # its header lines end above this (a section may follow)
BAND_TOP = 22.0                      # the header band's top ("stacked", "right")
FOOT_BAND_BOTTOM = PAGE_H - 50.0     # header "foot": the band's bottom, over the running footer
CENTRED_NUMBER = "– {n} –"
RIGHT_HEADER_GAP = 24.0              # header "right": its lines this far right of the title at least
ALIGN_SHARE = {"right": 1.0, "centre": 0.5}  # of a line's room left, put before it


class BoxedSheet:
    """A sheet of boxed sections. `style`: fonts, sizes and colours (see the samples);
    header_style "stacked" (header lines under the title), "right" (beside it), "foot" (the
    stacked band at the foot of page 1) or "sidebar" (down the left side of every page, the
    header on page 1's); `footnote_region`: where the notes go, one region per page that
    has notes; `footer`: a running footer, with the page number as `footer_fmt`; `look`:
    how headings, timelines, justified text, markers and numbers are drawn."""

    def __init__(self, sample: Sample, style: dict, header_style: str,
                 footnote_region: Region | tuple[Region, ...], footer: str | None = None,
                 footer_fmt: str = "{n}", look: Look = Look()):
        self.s = sample
        self.st = style
        self.header_style = header_style
        self.note_regions = (footnote_region,) if isinstance(footnote_region, Region) else footnote_region
        self.footer_text, self.footer_fmt = footer, footer_fmt
        self.look = look
        self.pages = {n: Page() for n in range(1, sample.pages + 1)}
        self.seq = 0
        self.breaks = Breaks()

    # -- low level ------------------------------------------------------------------
    def op(self, page: int, rank: int, fn) -> None:
        """Queue a drawing operation; a page draws its ops by ascending (rank, seq).

        Boxes take ranks below 0 (all drawn before any text); text ranks are chosen so
        that the drawing order differs from the reading order (footer and footnotes
        first, then the sections by descending `draw_rank`, the header band's text last).
        """
        self.seq += 1
        self.pages[page].ops.append((rank, self.seq, fn))

    def measure(self, font: str, size: float, charspace: float = 0.0) -> Measure:
        return Measure(font, size, charspace, self.look.markers == "bracketed")

    def text_line(self, page: int, rank: int, x: float, top: float, pieces_line: list,
                  font: str, size: float, color: str, fill: float | None = None,
                  charspace: float = 0.0) -> float:
        """Draw one wrapped line whose glyph tops sit at `top`; return its width. `fill`:
        the width a justified line fills, its words placed one by one (a space glyph after
        each but the last when the look justifies with spaces)."""
        m = self.measure(font, size, charspace)

        def segments(word) -> list[tuple[str, str, float, float]]:  # text, font, size, rise
            segs = []
            for p in word:
                if p.kind == "t" and p.text:
                    segs.append((p.text, font, size, 0.0))
                elif p.kind == "s" and m.bracketed:
                    segs.append((bracketed(p.text), font, size, 0.0))
                elif p.kind == "s":
                    segs.append((p.text, font, size * SUP_RATIO, size * SUP_RISE))
            return segs

        if fill is not None and len(pieces_line) > 1:
            gap = justified_gap([m.word(w) for w in pieces_line], fill, m.space)
            spaced = self.look.justify == "spaces"
            words, xs, wx = [], [], x
            for wi, word in enumerate(pieces_line):
                segs = segments(word)
                if spaced and wi < len(pieces_line) - 1:
                    segs.append((" ", font, size, 0.0))
                words.append(segs)
                xs.append(wx)
                wx += m.word(word) + gap
        else:
            words, xs = [[seg for wi, word in enumerate(pieces_line)
                          for seg in ([(" ", font, size, 0.0)] if wi else []) + segments(word)]], [x]
        plan = []
        for wx, segs in zip(xs, words):
            merged: list[tuple[str, str, float, float]] = []
            for seg in segs:  # one run per font, size and rise
                if merged and merged[-1][1:] == seg[1:]:
                    merged[-1] = (merged[-1][0] + seg[0], *seg[1:])
                else:
                    merged.append(seg)
            for text, f, sz, rise in merged:
                plan.append((wx, text, f, sz, rise))
                wx += sw(text, f, sz) + charspace * len(text)
        width = (plan[-1][0] + sw(plan[-1][1], plan[-1][2], plan[-1][3]) + charspace * len(plan[-1][1]) - x
                 if plan else 0.0)
        baseline = top + size * 0.8
        self.op(page, rank, lambda d: d.runs(baseline, plan, color, charspace))
        self.pages[page].lines.append((x, top, x + width, top + size, "".join(
            t for _, t, *_ in plan)))
        return width

    def block(self, page: int, rank: int, x: float, top: float, width: float, markup: str,
              font: str, size: float, leading: float, color: str,
              exact: bool = False, justify: bool = False, align: str = "left",
              charspace: float = 0.0) -> float:
        """Wrap and draw a paragraph; return its height. `justify`: every line but the last
        fills the width, as the look justifies; `align` "right" or "centre": each line's
        place in the width."""
        m = self.measure(font, size, charspace)
        lines = wrap(markup, width, m, self.breaks)
        if exact and len(lines) != markup.count("\n") + 1:
            raise ValueError(f"{self.s.name}: {markup!r} needs its own line breaks only "
                             f"(got {len(lines)} lines in {width:.1f}pt)")
        justified = justify and self.look.justify != "none" and "\n" not in markup and width >= JUSTIFIED_MIN_W
        for i, ln in enumerate(lines):
            lx = x if align == "left" else x + ALIGN_SHARE[align] * (width - m.line(ln))
            self.text_line(page, rank, lx, top + i * leading, ln, font, size, color,
                           fill=width if justified and i < len(lines) - 1 else None, charspace=charspace)
        return (len(lines) - 1) * leading + size

    # -- sections ---------------------------------------------------------------------
    def item_x(self, p: Placed, reg: Region) -> float:
        timeline = reg.label_w if p.group is not None else 0
        return reg.x + reg.pad + timeline + p.depth * self.st["indent"]

    def item_font(self, p: Placed) -> str:
        st = self.st
        return st.get("item_bold", st["bold"]) if p.item.bold else st["body"]

    def lead(self, p: Placed) -> tuple[str, str, float, bool] | None:
        """What is printed before an item's text: (font, text, width with its gap, a
        bullet?); a number set flush is part of the text (`item_markup`)."""
        st = self.st
        if p.item.bullet:
            bfont, bchar, gap = BULLETS[p.item.bullet]
            bfont = bfont or st["body"]
            return bfont, bchar, sw(bchar, bfont, st["size"]) + gap, True
        if p.number and self.look.list_indent == "hanging":
            font = self.item_font(p)
            return font, p.number, sw(f"{p.number} ", font, st["size"]), False
        return None

    def item_markup(self, p: Placed) -> str:
        return f"{p.number} {p.item.text}" if p.number and self.look.list_indent == "flush" else p.item.text

    def heading(self, sec: Sec, frame: Frame, reg: Region, rank: int, y: float) -> float:
        """Draw the section's heading at y, as the look sets headings; the y under it."""
        st, look = self.st, self.look
        x, w, size = reg.x + reg.pad, reg.w - 2 * reg.pad, st["head_size"]
        if look.headings == "band":
            h = self.block(reg.page, rank, x, y, w, sec.heading, st["bold"], size, size * 1.15,
                           st["band_text"])
            bottom = y + h + BAND_PAD
            self.op(reg.page, rank - 999, lambda d: d.rect(reg.x, reg.top, reg.w, bottom - reg.top,
                                                           fill=frame.accent))
            return bottom + HEADING_GAP
        charspace = HEAD_CHARSPACE if look.headings == "spaced" else 0.0
        h = self.block(reg.page, rank, x, y, w, sec.heading, st["bold"], size, size * 1.15,
                       frame.accent, charspace=charspace)
        return y + h + HEADING_GAP

    def section(self, sec: Sec, placed: list[Placed]) -> None:
        st, frame, look = self.st, sec.frame, self.look
        rank = 100 - 10 * frame.draw_rank
        extents: dict[int, float] = {}
        ri = 0
        reg = frame.regions[0]
        y = reg.top + reg.pad

        def goto(idx):
            nonlocal ri, reg, y
            if idx != ri:
                extents[ri] = y
                ri, reg = idx, frame.regions[idx]
                y = reg.top + reg.pad

        if reg.page != sec.page:
            raise ValueError(f"{self.s.name}: heading {sec.heading!r} on page {reg.page}, "
                             f"spec says {sec.page}")
        y = self.heading(sec, frame, reg, rank, y)
        goto(frame.sub_region)
        table_head = None  # a ruled table's header row: the subheading that gives its cells
        for sub in sec.subheadings:
            if look.timeline == "ruled table" and CELL in sub:
                table_head = sub.split(CELL)
                continue
            h = self.block(reg.page, rank, reg.x + reg.pad, y, reg.w - 2 * reg.pad, sub,
                           st["bold"], st["sub_size"], st["sub_leading"], st["text"])
            y += h + HEADING_GAP
        goto(frame.items_region)
        y += 2
        run: list[float] = []  # "line and dots": the tops and bottom of the dated entries so far
        table_open = False
        for p in placed:
            item = p.item
            if item.region is not None:
                goto(item.region)
            elif ri + 1 < len(frame.regions) and reg.bottom is not None and \
                    y + self.item_height(p, reg) > reg.bottom - reg.pad + 0.01:
                goto(ri + 1)  # the item does not fit: it continues in the next region
            if reg.page != p.page:
                raise ValueError(f"{self.s.name}: item {p.n} on page {reg.page}, spec says "
                                 f"{p.page}: {clean(item.text)[:50]!r}")
            if run and p.group is None:
                self.timeline_line(reg, rank, run)
                run = []
            if look.timeline == "ruled table" and p.group is not None:
                if not table_open:
                    y = self.table_head(reg, rank, y, frame, table_head)
                    table_open = True
                y = self.table_row(p, reg, rank, y, frame)
                continue
            if table_open:
                table_open, y = False, y + st["item_gap"] + 2
            y += self.item(p, reg, rank, y, frame, run)
        if run:
            self.timeline_line(reg, rank, run)
        extents[ri] = y + (st["item_gap"] if table_open else 0.0)
        self.boxes(sec, frame, rank, extents)

    def item(self, p: Placed, reg: Region, rank: int, y: float, frame: Frame, run: list[float]) -> float:
        """Draw an item (its bullet or number, its text, the label it opens); its height and
        the gap after it."""
        st, look = self.st, self.look
        x = self.item_x(p, reg)
        lead = self.lead(p)
        if lead:
            font, text, width, is_bullet = lead
            self.text_line(reg.page, rank, x, y, [[Piece("t", text)]], font, st["size"],
                           frame.accent if is_bullet else st["text"])
            x += width
        h = self.block(reg.page, rank, x, y, reg.x + reg.w - reg.pad - x, self.item_markup(p),
                       self.item_font(p), st["size"], st["leading"], st["text"], justify=True)
        if p.group is not None and look.timeline == "line and dots":
            cx = self.item_x(p, reg) - LINE_GAP
            self.op(reg.page, rank - 998, lambda d: d.circle(cx, y + st["size"] * 0.45, DOT_R,
                                                             fill=frame.accent))
            run[:] = [*run[:-1], y, y + h] if run else [y, y + h]
        if p.opens_group:
            h = max(h, self.label(p, reg, rank, y, frame))
        return h + st["item_gap"]

    def label(self, p: Placed, reg: Region, rank: int, y: float, frame: Frame) -> float:
        """Draw the timeline label an item opens, as the look sets labels; its height."""
        st, look = self.st, self.look
        x, w = reg.x + reg.pad, reg.label_w - 4
        args = (p.group.label, st["bold"], st["label_size"], st["label_leading"])
        if look.timeline == "line and dots":
            return self.block(reg.page, rank, x, y, reg.label_w - 2 * LINE_GAP, *args, frame.accent, exact=True,
                              align="right")
        if look.timeline == "pills":
            h = self.block(reg.page, rank, x + PILL_PAD, y, w - 2 * PILL_PAD, *args, st["band_text"],
                           exact=True, align="centre")
            self.op(reg.page, rank - 998, lambda d: d.rect(x, y - PILL_PAD, w, h + 2 * PILL_PAD,
                                                           fill=frame.accent, radius=PILL_RADIUS))
            return h + PILL_PAD
        return self.block(reg.page, rank, x, y, w, *args, frame.accent, exact=True)

    def timeline_line(self, reg: Region, rank: int, run: list[float]) -> None:
        """The line down a run of dated entries ("line and dots"), from the first one's top
        to the last one's foot."""
        x = reg.x + reg.pad + reg.label_w - LINE_GAP
        top, bottom = run[0], run[-1]
        self.op(reg.page, rank - 999, lambda d: d.line(x, top - 2, x, bottom + 2, self.st["band"], 1.0))

    def table_columns(self, reg: Region, cells: int) -> list[tuple[float, float]]:
        """A ruled table's columns (x, width): the date, then `cells` cells."""
        if cells not in CELL_SHARES:
            raise ValueError(f"{self.s.name}: a table row of {cells} cells")
        x0, x1 = reg.x + reg.pad, reg.x + reg.w - reg.pad
        cols, x = [(x0, TABLE_DATE_W)], x0 + TABLE_DATE_W
        for share in CELL_SHARES[cells]:
            w = (x1 - x0 - TABLE_DATE_W) * share
            cols.append((x, w))
            x += w
        return cols

    def table_head(self, reg: Region, rank: int, y: float, frame: Frame, cells: list[str] | None) -> float:
        """A ruled table's top rule, and its shaded header row when a subheading gives its
        cells; the y under them."""
        st = self.st
        x0, x1 = reg.x + reg.pad, reg.x + reg.w - reg.pad
        self.op(reg.page, rank - 998, lambda d: d.line(x0, y, x1, y, frame.accent, 1.0))
        if cells is None:
            return y
        size = st["label_size"]
        h = size + 2 * CELL_PAD
        self.op(reg.page, rank - 999, lambda d: d.rect(x0, y, x1 - x0, h, fill=TABLE_HEAD_FILL))
        for (x, _), cell in zip(self.table_columns(reg, len(cells) - 1), cells):
            self.text_line(reg.page, rank, x + CELL_PAD, y + CELL_PAD, [[Piece("t", cell.strip())]],
                           st["bold"], size, frame.accent)
        bottom = y + h
        self.op(reg.page, rank - 998, lambda d: d.line(x0, bottom, x1, bottom, frame.accent, 0.8))
        return bottom

    def table_row(self, p: Placed, reg: Region, rank: int, y: float, frame: Frame) -> float:
        """A dated entry as a ruled table's row: its date cell, then its text in a cell, or
        its pieces in a cell each (`cells`); the y under the row's rule."""
        st, group = self.st, p.group
        if len(group.entries) > 1:
            raise ValueError(f"{self.s.name}: a table row dates one entry: {group.label!r}")
        cells = p.item.pieces if p.item.cells else [p.item.text]
        cols = self.table_columns(reg, len(cells))
        (lx, lw), top = cols[0], y + CELL_PAD
        heights = [self.block(reg.page, rank, lx + CELL_PAD, top, lw - 2 * CELL_PAD, group.label, st["bold"],
                              st["label_size"], st["label_leading"], frame.accent, exact=True)]
        heights += [self.block(reg.page, rank, x + CELL_PAD, top, w - 2 * CELL_PAD, cell, self.item_font(p),
                               st["size"], st["leading"], st["text"], justify=True)
                    for (x, w), cell in zip(cols[1:], cells)]
        bottom = top + max(heights) + CELL_PAD
        x0, x1 = reg.x + reg.pad, reg.x + reg.w - reg.pad
        self.op(reg.page, rank - 998, lambda d: d.line(x0, bottom, x1, bottom, frame.accent, 0.4))
        return bottom

    def boxes(self, sec: Sec, frame: Frame, rank: int, extents: dict[int, float]) -> None:
        """One drawn box per group of regions, under all text; fails on an overflow."""
        st = self.st
        groups: dict[str, list[int]] = {}
        for i, r in enumerate(frame.regions):
            groups.setdefault(r.box or f"r{i}", []).append(i)
        for idxs in groups.values():
            regs = [frame.regions[i] for i in idxs]
            page = regs[0].page
            x0 = min(r.x for r in regs)
            x1 = max(r.x + r.w for r in regs)
            top = min(r.top for r in regs)
            used = max(extents.get(i, regs[0].top) for i in idxs) - st["item_gap"] + 4
            bottoms = [r.bottom for r in regs if r.bottom is not None]
            bottom = max(bottoms) if bottoms else used + regs[0].pad - 4
            if used > bottom + 0.01:
                raise ValueError(f"{self.s.name}: section {sec.kind} box overflows "
                                 f"({used:.1f} > {bottom:.1f})")
            self.pages[page].rects.append((x0, top, x1, bottom))
            print(f"  {sec.kind:16s} p{page} box {x0:.0f},{top:.0f}-{x1:.0f},{bottom:.0f}"
                  f"  content ends {used:.1f}")

            def draw(d: Doc, x0=x0, x1=x1, top=top, bottom=bottom):
                d.rect(x0, top, x1 - x0, bottom - top, fill=frame.fill, stroke=frame.stroke,
                       lw=1.2)
                d.rect(x0, top, x1 - x0, 3, fill=frame.accent)

            self.op(page, rank - 1000, draw)  # boxes go under all text

    def item_height(self, p: Placed, reg: Region) -> float:
        st = self.st
        x = self.item_x(p, reg)
        lead = self.lead(p)
        if lead:
            x += lead[2]
        n = len(wrap(self.item_markup(p), reg.x + reg.w - reg.pad - x,
                     self.measure(self.item_font(p), st["size"]), Breaks()))
        h = (n - 1) * st["leading"] + st["size"]
        if p.opens_group:
            h = max(h, p.group.label.count("\n") * st["label_leading"] + st["label_size"])
        return h

    def header(self) -> None:
        s, st = self.s, self.st
        if self.header_style == "sidebar":
            self.sidebar()
            return
        height = st["band_bottom"] - BAND_TOP
        top = FOOT_BAND_BOTTOM - height if self.header_style == "foot" else BAND_TOP
        bottom = top + height
        mark_w, mark_h, mark_step, mark_drop = 12, 26, 14, 40

        def band(d: Doc):
            d.rect(MARGIN, top, PAGE_W - 2 * MARGIN, bottom - top, fill=st["band"])
            # a flag-like mark on the right (shapes only, no text)
            for i, col in enumerate(st.get("marks", [])):
                d.rect(PAGE_W - MARGIN - 60 + i * mark_step, top + mark_drop - mark_h,
                       mark_w, mark_h, fill=col)

        self.op(1, -2000, band)
        tsize = st["title_size"]
        self.text_line(1, 200, 36, top + 12, [[Piece("t", s.title)]], st["bold"], tsize,
                       st["band_text"])
        hs = st["header_size"]
        if self.header_style in ("stacked", "foot"):
            y = top + 12 + tsize + 4
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                h = self.block(1, 210, 36, y, PAGE_W - 2 * MARGIN - 24, line, f, hs, hs * 1.2,
                               st["band_text"])
                y += h + 4
            assert y <= bottom, (y, bottom)
        else:  # flush right, in the room right of the title
            y = top + 18
            room = PAGE_W - MARGIN - 16 - (36 + sw(s.title, st["bold"], tsize) + RIGHT_HEADER_GAP)
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                for words in wrap(line, room, self.measure(f, hs), self.breaks):
                    w = sw(" ".join("".join(p.text for p in word) for word in words), f, hs)
                    self.text_line(1, 210, PAGE_W - MARGIN - 16 - w, y, words, f, hs, st["band_text"])
                    y += hs * 1.5
            if y > bottom:
                raise ValueError(f"{s.name}: the header lines end at {y:.0f}, under the band")

    def sidebar(self) -> None:
        """A band down the left side of every page, the title and header lines in page 1's."""
        s, st = self.s, self.st
        for n in self.pages:
            self.op(n, -2000, lambda d: d.rect(0, 0, SIDEBAR_W, PAGE_H, fill=st["band"]))
        x, w, hs = MARGIN, SIDEBAR_W - 2 * MARGIN, st["header_size"]
        y = SIDEBAR_TOP + self.block(1, 200, x, SIDEBAR_TOP, w, s.title, st["bold"], SIDEBAR_TITLE_SIZE,
                                     SIDEBAR_TITLE_SIZE * 1.1, st["band_text"]) + 8
        for i, line in enumerate(s.header_lines):
            y += self.block(1, 210, x, y, w, line, st["bold"] if i == 0 else st["body"], hs, hs * 1.2,
                            st["band_text"]) + 4
        if y > SIDEBAR_HEADER_BOTTOM:
            raise ValueError(f"{s.name}: the sidebar's header ends at {y:.0f}, under {SIDEBAR_HEADER_BOTTOM:.0f}")

    def footnotes(self) -> None:
        s, st = self.s, self.st
        fs, fl = st["foot_size"], st["foot_leading"]
        pages = {r.page for r in self.note_regions}
        for fn in s.footnotes:
            if fn.page not in pages:
                raise ValueError(f"{s.name}: note {fn.marker} drawn on page(s) {sorted(pages)}, spec "
                                 f"says {fn.page}")
        for r in self.note_regions:
            notes = [fn for fn in s.footnotes if fn.page == r.page]
            if not notes:
                continue
            self.op(r.page, -1, lambda d, r=r: d.line(r.x, r.top - 3, r.x + 120, r.top - 3, "#777777", 0.5))
            y = r.top + 2
            for fn in notes:
                marker = bracketed(fn.marker) if self.look.markers == "bracketed" else fn.marker
                h = self.block(r.page, 10, r.x, y, r.w, f"{marker} {fn.term}{fn.sep}"
                               f"{fn.expansion}", st["body"], fs, fl, st["text"])
                y += h + 2.5

    def footer(self) -> None:
        s, st = self.s, self.st
        rule_y, text_top, size = PAGE_H - 42, PAGE_H - 37, 7
        if self.look.page_numbers == "centred":
            for n in range(1, s.pages + 1):
                num = CENTRED_NUMBER.format(n=n)
                self.text_line(n, 0, (PAGE_W - sw(num, st["body"], size)) / 2, text_top,
                               [[Piece("t", num)]], st["body"], size, "#555555")
            return
        if not self.footer_text:
            return
        for n in range(1, s.pages + 1):
            self.op(n, -1, lambda d: d.line(MARGIN, rule_y, PAGE_W - MARGIN, rule_y,
                                            st["band"], 0.8))
            self.text_line(n, 0, MARGIN, text_top, [[Piece("t", self.footer_text)]],
                           st["body"], size, "#555555")
            num = self.footer_fmt.format(n=n, total=s.pages)
            w = sw(num, st["bold"], size)
            self.text_line(n, 0, PAGE_W - MARGIN - w, text_top, [[Piece("t", num)]],
                           st["bold"], size, "#555555")

    # -- checks ---------------------------------------------------------------------
    def check_overlaps(self) -> None:
        for n, pg in self.pages.items():
            ls = pg.lines
            for i in range(len(ls)):
                for j in range(i + 1, len(ls)):
                    a, b = ls[i], ls[j]
                    if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and \
                            a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
                        raise ValueError(f"{self.s.name} p{n}: text overlap {a[4]!r} / "
                                         f"{b[4]!r}")
            for x0, top, x1, bottom, text in ls:
                if x1 > PAGE_W - MARGIN + 0.1 or x0 < MARGIN - 0.1 or bottom > PAGE_H - 20:
                    raise ValueError(f"{self.s.name} p{n}: text off the page {text!r}")
            for a in range(len(pg.rects)):
                for b in range(a + 1, len(pg.rects)):
                    r, q = pg.rects[a], pg.rects[b]
                    if r[0] < q[2] and q[0] < r[2] and r[1] < q[3] and q[1] < r[3]:
                        raise ValueError(f"{self.s.name} p{n}: boxes overlap {r} {q}")

    # -- main -----------------------------------------------------------------------------
    def render(self, pdf_path: Path) -> None:
        """Lay the sheet out, check it, draw it. SHOW_LINES=1 prints every drawn line with
        its width (to place break hints)."""
        s, st = self.s, self.st
        symbol_names = {SYMBOL_FONTS[file][2] for file in BOXED_SYMBOL_FILES}
        bullet_fonts = {f for f, _, _ in BULLETS.values() if f and f not in symbol_names}
        register_fonts(sorted({st["body"], st["bold"], st.get("item_bold", st["bold"]),
                               *bullet_fonts}), BOXED_SYMBOL_FILES)
        placed = s.placed()
        for si, sec in enumerate(s.sections):
            self.section(sec, [p for p in placed if p.si == si])
        self.header()
        self.footnotes()
        self.footer()
        unused = set(self.breaks.all) - self.breaks.used
        if unused or os.environ.get("SHOW_LINES"):
            for x0, top, x1, bottom, text in sum((pg.lines for pg in self.pages.values()), []):
                print(f"    {x1 - x0:6.1f} {text}")
        if unused:
            raise ValueError(f"{s.name}: break hints not used at a line end: "
                             f"{[self.breaks.all[b] for b in sorted(unused)]}")
        self.check_overlaps()

        d = Doc(pdf_path, f"{s.title} – {s.header_lines[0]}",
                creator="factextract scripts/make_samples.py",
                author="factextract test fixtures",
                subject="Synthetic Rabat Process reference-country factsheet (test sample)")
        for n in range(1, s.pages + 1):
            for _rank, _seq, fn in sorted(self.pages[n].ops, key=lambda o: (o[0], o[1])):
                fn(d)
            d.new_page()
        d.save()
