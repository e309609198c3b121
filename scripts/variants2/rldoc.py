"""The reportlab layout helper of scripts/variants/rldoc.py (top-down coordinates), with what
the second group needs on top: right-aligned text, circles, footnote markers with letters
and printed either raised ("sup", 62 %) or inline in brackets at body size ("bracket",
"BCV[1]"), and a paragraph whose first line starts further right (after a "1." number with
no hanging indent: the continuation lines start under the number)."""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from samplekit.paths import DEJAVU, LIBERATION
from variants import rldoc
from variants.rldoc import sw
from variants2.spec import TOKEN

__all__ = ["Doc", "Style", "register", "sw"]


def register() -> None:
    for name, p in [("LiberationSans", LIBERATION / "LiberationSans-Regular.ttf"),
                    ("LiberationSans-Bold", LIBERATION / "LiberationSans-Bold.ttf"),
                    ("DejaVuSans", DEJAVU / "DejaVuSans.ttf"),
                    ("DejaVuSans-Bold", DEJAVU / "DejaVuSans-Bold.ttf"),
                    ("DejaVuSansCondensed", DEJAVU / "DejaVuSansCondensed.ttf"),
                    ("DejaVuSansCondensed-Bold", DEJAVU / "DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(p)))


class Style(rldoc.Style):
    def __init__(self, font, size, leading, color="#222222", markers="sup"):
        super().__init__(font, size, leading, color)
        self.markers = markers              # "sup" | "bracket"


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


class Doc(rldoc.Doc):
    def circle(self, x, y, r, fill=None, stroke=None, lw=0.8):
        c = self.c
        if fill:
            c.setFillColor(HexColor(fill))
        if stroke:
            c.setStrokeColor(HexColor(stroke))
            c.setLineWidth(lw)
        c.circle(x, self.h - y, r, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def rtext(self, xr, baseline, s, font, size, color="#222222"):
        self.text(xr - sw(s, font, size), baseline, s, font, size, color)

    @staticmethod
    def _marker_width(m, st: Style):
        if st.markers == "bracket":
            return sw(f"[{m}]", st.font, st.size)
        return sw(m, st.font, st.size * 0.62)

    def wrap(self, markup, width, st: Style, first_width=None):
        lines, cur, curw = [], [], 0.0
        space = sw(" ", st.font, st.size)
        for w, m, post in words_of(markup):
            ww = sw(w + post, st.font, st.size) + (self._marker_width(m, st) if m else 0)
            lim = first_width if (first_width is not None and not lines) else width
            if cur and curw + space + ww > lim:
                lines.append(cur)
                cur, curw = [], 0.0
            cur.append((w, m, post, ww))
            curw += (space if len(cur) > 1 else 0) + ww
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, width, markup, st: Style, first_x=None):
        """Draw a paragraph (never justified) whose first line's top is y; return the y
        below it. first_x: where the first line starts (the others start at x)."""
        first_width = None if first_x is None else width - (first_x - x)
        lines = self.wrap(markup, width, st, first_width)
        base = y + st.size * 0.9
        sup = st.size * 0.62
        for k, ln in enumerate(lines):
            cx = first_x if (k == 0 and first_x is not None) else x
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
