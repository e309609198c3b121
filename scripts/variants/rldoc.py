"""A small reportlab layout helper with top-down coordinates (y grows down the page)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from samplekit.paths import DEJAVU, LIBERATION
from variants.spec import SYMBOL, TOKEN, WINGDINGS


def register() -> None:
    for name, p in [("LiberationSans", LIBERATION / "LiberationSans-Regular.ttf"),
                    ("LiberationSans-Bold", LIBERATION / "LiberationSans-Bold.ttf"),
                    ("LiberationSerif", LIBERATION / "LiberationSerif-Regular.ttf"),
                    ("LiberationSerif-Bold", LIBERATION / "LiberationSerif-Bold.ttf"),
                    ("DejaVuSerif", DEJAVU / "DejaVuSerif.ttf"),
                    ("DejaVuSerif-Bold", DEJAVU / "DejaVuSerif-Bold.ttf"),
                    ("DejaVuSans", DEJAVU / "DejaVuSans.ttf"),
                    ("Wingdings-Regular", WINGDINGS),
                    ("SymbolMT", SYMBOL)]:
        pdfmetrics.registerFont(TTFont(name, str(p)))


def sw(t: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(t, font, size)


class Style:
    def __init__(self, font, size, leading, color="#222222", justify=None):
        self.font, self.size, self.leading, self.color = font, size, leading, color
        # None | "space" (space glyphs kept, words positioned) | "gap" (no space glyphs)
        self.justify = justify


def words_of(markup: str):
    """[(word, marker or None, text after the marker)]; a marker glues to the word before."""
    out = []
    for w in markup.split():
        m = TOKEN.search(w)
        if m:
            out.append((w[:m.start()], m.group(1), w[m.end():]))
        else:
            out.append((w, None, ""))
    return out


class Doc:
    def __init__(self, path: Path, w=595.0, h=842.0):
        self.w, self.h = w, h
        self.c = Canvas(str(path), pagesize=(w, h), invariant=1, pageCompression=1)
        self.c.setTitle(path.stem)

    def rect(self, x, y, w, h, fill=None, stroke=None, lw=0.6, radius=0):
        c = self.c
        if fill:
            c.setFillColor(HexColor(fill))
        if stroke:
            c.setStrokeColor(HexColor(stroke))
            c.setLineWidth(lw)
        if radius:
            c.roundRect(x, self.h - y - h, w, h, radius, stroke=1 if stroke else 0,
                        fill=1 if fill else 0)
        else:
            c.rect(x, self.h - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def line(self, x0, y0, x1, y1, color="#000000", lw=0.5):
        self.c.setStrokeColor(HexColor(color))
        self.c.setLineWidth(lw)
        self.c.line(x0, self.h - y0, x1, self.h - y1)

    def text(self, x, baseline, s, font, size, color="#222222", charspace=0):
        c = self.c
        c.setFillColor(HexColor(color))
        if charspace:
            c.saveState()
            t = c.beginText(x, self.h - baseline)
            t.setFont(font, size)
            t.setCharSpace(charspace)
            t.textOut(s)
            c.drawText(t)
            c.restoreState()
        else:
            c.setFont(font, size)
            c.drawString(x, self.h - baseline, s)

    def wrap(self, markup, width, st: Style):
        lines, cur, curw = [], [], 0.0
        space = sw(" ", st.font, st.size)
        for w, m, post in words_of(markup):
            ww = sw(w + post, st.font, st.size) + (sw(m, st.font, st.size * 0.62) if m else 0)
            if cur and curw + space + ww > width:
                lines.append(cur)
                cur, curw = [], 0.0
            cur.append((w, m, post, ww))
            curw += (space if len(cur) > 1 else 0) + ww
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, width, markup, st: Style):
        """Draw a paragraph whose first line's top is y; return the y below it."""
        lines = self.wrap(markup, width, st)
        base = y + st.size * 0.9
        space = sw(" ", st.font, st.size)
        sup = st.size * 0.62
        for k, ln in enumerate(lines):
            last = k == len(lines) - 1
            natural = sum(w[-1] for w in ln) + space * (len(ln) - 1)
            if st.justify and not last and len(ln) > 1:
                gap = space + (width - natural) / (len(ln) - 1)
                cx = x
                for i, (w, m, post, ww) in enumerate(ln):
                    sp = " " if st.justify == "space" and i < len(ln) - 1 else ""
                    if m:
                        self.text(cx, base, w, st.font, st.size, st.color)
                        mx = cx + sw(w, st.font, st.size)
                        self.text(mx, base - st.size * 0.36, m, st.font, sup, st.color)
                        px = mx + sw(m, st.font, sup)
                        if post or sp:
                            self.text(px, base, post + sp, st.font, st.size, st.color)
                    else:
                        self.text(cx, base, w + sp, st.font, st.size, st.color)
                    cx += ww + gap
            else:
                # one string per run between markers
                cx = x
                run = ""
                for i, (w, m, post, ww) in enumerate(ln):
                    run += w
                    if m:
                        self.text(cx, base, run, st.font, st.size, st.color)
                        cx += sw(run, st.font, st.size)
                        self.text(cx, base - st.size * 0.36, m, st.font, sup, st.color)
                        cx += sw(m, st.font, sup)
                        run = ""
                    run += post
                    if i < len(ln) - 1:
                        run += " "
                if run:
                    self.text(cx, base, run, st.font, st.size, st.color)
            base += st.leading
        return y + st.leading * len(lines)

    def nlines(self, markup, width, st):
        return len(self.wrap(markup, width, st))
