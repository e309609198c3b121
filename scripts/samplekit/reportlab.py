"""Drawing sample sheets with reportlab (the `samples` extra), in top-down coordinates (y
grows down the page, as a layout designer measures).

    Doc           a canvas with the few primitives the sheets use: boxes, rules, dots, text
                  runs, and paragraphs wrapped word by word (markers as superscripts or as
                  "[1]"; justified by widening the gaps, with or without space glyphs).
    BoxedSheet    the flow layout of the first four samples: sections that flow through
                  boxed regions (spec Frame/Region), a line breaker that must use every
                  break hint of the markup, and a drawing order that differs from the
                  reading order; it fails when text overlaps or a box overflows.

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
from samplekit.markup import TOKEN, clean
from samplekit.paths import DEJAVU, LIBERATION
from samplekit.spec import Frame, Placed, Region, Sample, Sec

PAGE_W, PAGE_H = 595.0, 842.0  # A4 portrait, in points
SUP_SCALE, SUP_DROP = 0.62, 0.36   # Doc: a marker's size and its raise, both x body size

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


class Style:
    """A paragraph style of Doc.para. justify: None, "space" (space glyphs kept, words
    placed) or "gap" (no space glyphs); markers: "sup" (raised, smaller) or "bracket"
    ("[1]" at body size)."""

    def __init__(self, font, size, leading, color="#222222", justify=None, markers="sup"):
        self.font, self.size, self.leading, self.color = font, size, leading, color
        self.justify, self.markers = justify, markers


def words_of(markup: str) -> list[tuple[str, str | None, str]]:
    """[(word, marker or None, text after the marker)]; a marker glues to the word before."""
    out = []
    for w in markup.split():
        m = TOKEN.search(w)
        if m and not m.group(1):
            raise ValueError(f"Doc prints footnote markers only: {w!r}")
        out.append((w[:m.start()], m.group(1), w[m.end():]) if m else (w, None, ""))
    return out


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

    def merge_drawn(self, start: int, baseline: float) -> None:
        """The records since `start` (the words and markers of one wrapped line) as one line."""
        parts = sorted(self.drawn[start:], key=lambda r: r["x0"])
        if len(parts) < 2:
            return
        text = parts[0]["text"]
        for before, part in zip(parts, parts[1:]):
            gap = part["x0"] - before["x1"] > 0.5 and not before["text"].endswith(" ")
            text += (" " if gap else "") + part["text"]
        self.drawn[start:] = [{"page": self.page, "x0": parts[0]["x0"], "top": min(r["top"] for r in parts),
                               "x1": max(r["x1"] for r in parts), "bottom": max(r["bottom"] for r in parts),
                               "baseline": round(baseline, 2), "text": text}]

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

    def runs(self, baseline, plan, color):
        """Text runs of one colour on one baseline: plan = [(x, text, font, size, rise)]."""
        self.c.setFillColor(HexColor(color))
        for x, text, font, size, rise in plan:
            self.c.setFont(font, size)
            self.c.drawString(x, self.h - baseline + rise, text)
        if plan:
            x, text, font, size, _ = plan[-1]
            self.record(plan[0][0], x + sw(text, font, size), baseline,
                        [(t, f, sz, r) for _, t, f, sz, r in plan])

    def text(self, x, baseline, s, font, size, color="#222222", charspace=0):
        if not charspace:
            self.runs(baseline, [(x, s, font, size, 0.0)], color)
            return
        c = self.c
        c.setFillColor(HexColor(color))
        c.saveState()
        t = c.beginText(x, self.h - baseline)
        t.setFont(font, size)
        t.setCharSpace(charspace)
        t.textOut(s)
        c.drawText(t)
        c.restoreState()
        self.record(x, x + sw(s, font, size) + charspace * len(s), baseline, [(s, font, size, 0.0)])

    def rtext(self, xr, baseline, s, font, size, color="#222222"):
        """Text whose right end is at xr."""
        self.text(xr - sw(s, font, size), baseline, s, font, size, color)

    @staticmethod
    def marker_width(m: str, st: Style) -> float:
        if st.markers == "bracket":
            return sw(f"[{m}]", st.font, st.size)
        return sw(m, st.font, st.size * SUP_SCALE)

    def wrap(self, markup, width, st: Style, first_width=None):
        """Lines of (word, marker, after, width); the first line may be narrower."""
        lines, cur, curw = [], [], 0.0
        space = sw(" ", st.font, st.size)
        for w, m, post in words_of(markup):
            ww = sw(w + post, st.font, st.size) + (self.marker_width(m, st) if m else 0)
            lim = first_width if (first_width is not None and not lines) else width
            if cur and curw + space + ww > lim:
                lines.append(cur)
                cur, curw = [], 0.0
            cur.append((w, m, post, ww))
            curw += (space if len(cur) > 1 else 0) + ww
        if cur:
            lines.append(cur)
        return lines

    def nlines(self, markup, width, st: Style) -> int:
        return len(self.wrap(markup, width, st))

    def para(self, x, y, width, markup, st: Style, first_x=None):
        """Draw a paragraph whose first line's top is y; return the y below it. first_x:
        where the first line starts (the others start at x)."""
        first_width = None if first_x is None else width - (first_x - x)
        lines = self.wrap(markup, width, st, first_width)
        base = y + st.size * 0.9
        space = sw(" ", st.font, st.size)
        sup = st.size * SUP_SCALE
        for k, ln in enumerate(lines):
            drawn_before = len(self.drawn)
            if st.justify and k < len(lines) - 1 and len(ln) > 1:
                self.justified_line(x, base, width, ln, st, space, sup)
            else:
                self.plain_line(first_x if (k == 0 and first_x is not None) else x, base,
                                ln, st, sup)
            self.merge_drawn(drawn_before, base)
            base += st.leading
        return y + st.leading * len(lines)

    def justified_line(self, x, base, width, ln, st: Style, space, sup):
        """Words placed one by one so that the line fills `width`."""
        natural = sum(w[-1] for w in ln) + space * (len(ln) - 1)
        gap = space + (width - natural) / (len(ln) - 1)
        cx = x
        for i, (w, m, post, ww) in enumerate(ln):
            sp = " " if st.justify == "space" and i < len(ln) - 1 else ""
            if m:
                self.text(cx, base, w, st.font, st.size, st.color)
                mx = cx + sw(w, st.font, st.size)
                self.text(mx, base - st.size * SUP_DROP, m, st.font, sup, st.color)
                px = mx + sw(m, st.font, sup)
                if post or sp:
                    self.text(px, base, post + sp, st.font, st.size, st.color)
            else:
                self.text(cx, base, w + sp, st.font, st.size, st.color)
            cx += ww + gap

    def plain_line(self, cx, base, ln, st: Style, sup):
        """One string per run between markers."""
        run = ""
        for i, (w, m, post, ww) in enumerate(ln):
            run += w
            if m:
                self.text(cx, base, run, st.font, st.size, st.color)
                cx += sw(run, st.font, st.size)
                if st.markers == "bracket":
                    self.text(cx, base, f"[{m}]", st.font, st.size, st.color)
                    cx += sw(f"[{m}]", st.font, st.size)
                else:
                    self.text(cx, base - st.size * SUP_DROP, m, st.font, sup, st.color)
                    cx += sw(m, st.font, sup)
                run = ""
            run += post
            if i < len(ln) - 1:
                run += " "
        if run:
            self.text(cx, base, run, st.font, st.size, st.color)


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
    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self.sup = size * SUP_RATIO

    def word(self, pieces: list[Piece]) -> float:
        w = 0.0
        for p in pieces:
            if p.kind == "t":
                w += sw(p.text, self.font, self.size)
            elif p.kind == "s":
                w += sw(p.text, self.font, self.sup)
        return w

    @property
    def space(self) -> float:
        return sw(" ", self.font, self.size)


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


class BoxedSheet:
    """A sheet of boxed sections. `style`: fonts, sizes and colours (see the samples);
    header_style "stacked" (header lines under the title) or "right" (beside it);
    `footer`: a running footer, with the page number as `footer_fmt`."""

    def __init__(self, sample: Sample, style: dict, header_style: str,
                 footnote_region: Region, footer: str | None = None, footer_fmt: str = "{n}"):
        self.s = sample
        self.st = style
        self.header_style = header_style
        self.footnote_region = footnote_region
        self.footer_text, self.footer_fmt = footer, footer_fmt
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

    def text_line(self, page: int, rank: int, x: float, top: float, pieces_line: list,
                  font: str, size: float, color: str) -> float:
        """Draw one wrapped line whose glyph tops sit at `top`; return its width."""
        segs: list[tuple[str, str, float, float]] = []  # text, font, size, rise

        def push(text, f, sz, rise):
            if segs and segs[-1][1:] == (f, sz, rise):
                segs[-1] = (segs[-1][0] + text, f, sz, rise)
            else:
                segs.append((text, f, sz, rise))

        for wi, word in enumerate(pieces_line):
            if wi:
                push(" ", font, size, 0.0)
            for p in word:
                if p.kind == "t" and p.text:
                    push(p.text, font, size, 0.0)
                elif p.kind == "s":
                    push(p.text, font, size * SUP_RATIO, size * SUP_RISE)
        baseline = top + size * 0.8
        x0 = x
        plan = []
        for text, f, sz, rise in segs:
            plan.append((x0, text, f, sz, rise))
            x0 += sw(text, f, sz)
        width = x0 - x
        self.op(page, rank, lambda d: d.runs(baseline, plan, color))
        self.pages[page].lines.append((x, top, x + width, top + size, "".join(
            t for _, t, *_ in plan)))
        return width

    def block(self, page: int, rank: int, x: float, top: float, width: float, markup: str,
              font: str, size: float, leading: float, color: str,
              exact: bool = False) -> float:
        """Wrap and draw a paragraph; return its height."""
        lines = wrap(markup, width, Measure(font, size), self.breaks)
        if exact and len(lines) != markup.count("\n") + 1:
            raise ValueError(f"{self.s.name}: {markup!r} needs its own line breaks only "
                             f"(got {len(lines)} lines in {width:.1f}pt)")
        for i, ln in enumerate(lines):
            self.text_line(page, rank, x, top + i * leading, ln, font, size, color)
        return (len(lines) - 1) * leading + size

    # -- sections ---------------------------------------------------------------------
    def item_x(self, p: Placed, reg: Region) -> float:
        timeline = reg.label_w if p.group is not None else 0
        return reg.x + reg.pad + timeline + p.depth * self.st["indent"]

    def item_font(self, p: Placed) -> str:
        st = self.st
        return st.get("item_bold", st["bold"]) if p.item.bold else st["body"]

    def section(self, sec: Sec, placed: list[Placed]) -> None:
        st, frame = self.st, sec.frame
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
        h = self.block(reg.page, rank, reg.x + reg.pad, y, reg.w - 2 * reg.pad, sec.heading,
                       st["bold"], st["head_size"], st["head_size"] * 1.15, frame.accent)
        y += h + 6
        goto(frame.sub_region)
        for sub in sec.subheadings:
            h = self.block(reg.page, rank, reg.x + reg.pad, y, reg.w - 2 * reg.pad, sub,
                           st["bold"], st["sub_size"], st["sub_leading"], st["text"])
            y += h + 6
        goto(frame.items_region)
        y += 2
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
            x = self.item_x(p, reg)
            if item.bullet:
                bfont, bchar, gap = BULLETS[item.bullet]
                bfont = bfont or st["body"]
                bx = x
                x = bx + sw(bchar, bfont, st["size"]) + gap
                self.text_line(reg.page, rank, bx, y, [[Piece("t", bchar)]], bfont,
                               st["size"], frame.accent)
            h = self.block(reg.page, rank, x, y, reg.x + reg.w - reg.pad - x, item.text,
                           self.item_font(p), st["size"], st["leading"], st["text"])
            if p.opens_group:
                lh = self.block(reg.page, rank, reg.x + reg.pad, y, reg.label_w - 4,
                                p.group.label, st["bold"], st["label_size"],
                                st["label_leading"], frame.accent, exact=True)
                h = max(h, lh)
            y += h + st["item_gap"]
        extents[ri] = y
        self.boxes(sec, frame, rank, extents)

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
        if p.item.bullet:
            bfont, bchar, gap = BULLETS[p.item.bullet]
            x += sw(bchar, bfont or st["body"], st["size"]) + gap
        n = len(wrap(p.item.text, reg.x + reg.w - reg.pad - x,
                     Measure(self.item_font(p), st["size"]), Breaks()))
        h = (n - 1) * st["leading"] + st["size"]
        if p.opens_group:
            h = max(h, p.group.label.count("\n") * st["label_leading"] + st["label_size"])
        return h

    def header(self) -> None:
        s, st = self.s, self.st
        top, bottom = 22.0, st["band_bottom"]
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
        if self.header_style == "stacked":
            y = top + 12 + tsize + 4
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                h = self.block(1, 210, 36, y, PAGE_W - 2 * MARGIN - 24, line, f, hs, hs * 1.2,
                               st["band_text"])
                y += h + 4
            assert y <= bottom, (y, bottom)
        else:
            y = top + 18
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                w = sw(line, f, hs)
                self.text_line(1, 210, PAGE_W - MARGIN - 16 - w, y, [[Piece("t", line)]], f,
                               hs, st["band_text"])
                y += hs * 1.5

    def footnotes(self) -> None:
        s, st, r = self.s, self.st, self.footnote_region
        fs, fl = st["foot_size"], st["foot_leading"]
        for fn in s.footnotes:
            if fn.page != r.page:
                raise ValueError(f"{s.name}: note {fn.marker} drawn on page {r.page}, spec "
                                 f"says {fn.page}")
        self.op(r.page, -1, lambda d: d.line(r.x, r.top - 3, r.x + 120, r.top - 3, "#777777",
                                             0.5))
        y = r.top + 2
        for fn in s.footnotes:
            h = self.block(r.page, 10, r.x, y, r.w, f"{fn.marker} {fn.term}{fn.sep}"
                           f"{fn.expansion}", st["body"], fs, fl, st["text"])
            y += h + 2.5

    def footer(self) -> None:
        s, st = self.s, self.st
        if not self.footer_text:
            return
        rule_y, text_top, size = PAGE_H - 42, PAGE_H - 37, 7
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
