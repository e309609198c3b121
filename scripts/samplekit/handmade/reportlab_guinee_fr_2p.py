"""Guinée (fr), reportlab, A4 portrait, 2 pages: justified text by widening the gaps (no space
glyphs); labels left of the timeline, some on two lines; the "Activités en 2022" heading
alone at the foot of page 1, its items on page 2; Wingdings "§" bullets with Word's Courier
"o" sub-bullets; a stroked box with two sub-columns of Wingdings "Ø" bullets; a running
footer with the page number on both pages; footnotes "term : expansion" at the foot of page
2, one naming the country."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import It, Sample, TL


GREEN, DARK = "#0E6B3A", "#1B1B1B"


def render(s: Sample, pdf: Path, work: Path) -> None:
    """A4 portrait, 2 pages: justified gaps, labels left of the timeline, "Activités en 2022"
    alone at the foot of page 1, Wingdings/Courier "o" bullets, a stroked two-column box,
    a running footer with the page number on both pages, footnotes at the foot of page 2."""
    from samplekit.reportlab import Doc, Style, register_fonts, sw

    register_fonts(["DejaVuSerif", "DejaVuSerif-Bold", "LiberationSans", "LiberationSans-Bold"],
                   ["Wingdings-Regular-variants.ttf"])
    d = Doc(pdf, s.name)
    body = Style("DejaVuSerif", 10.5, 14.6, DARK, justify="gap")
    body_l = Style("DejaVuSerif", 10.5, 14.6, DARK)
    lab = Style("LiberationSans-Bold", 9, 11, GREEN)
    sub = Style("LiberationSans-Bold", 9.5, 12.5, GREEN)
    sub2 = Style("LiberationSans-Bold", 9.5, 12.5, DARK)
    H = 12.0                                            # section heading size (body 10.5)
    L, R = 50.0, 545.0
    W = R - L

    def heading(y, text):
        d.text(L, y + H * 0.9, text, "LiberationSans-Bold", H, GREEN)
        d.line(L, y + H + 3, L + sw(text, "LiberationSans-Bold", H), y + H + 3, GREEN, 0.8)
        return y + H + 9

    def footer(n):
        d.line(L, 806, R, 806, "#999999", 0.4)
        d.text(L, 816, "Processus de Rabat · Fiche pays référent · Guinée",
               "LiberationSans", 7, "#666666")
        d.text(R - sw(f"{n}", "LiberationSans", 7), 816, f"{n}", "LiberationSans", 7,
               "#666666")

    # ---- page 1: header
    d.rect(L, 40, 6, 52, fill=GREEN)
    d.text(L + 16, 40 + 30, s.title, "LiberationSans-Bold", 30, DARK)
    yline = 40 + 48
    d.text(L + 16, yline, s.header_lines[0], "LiberationSans-Bold", 10.5, GREEN)
    x2 = L + 16 + sw(s.header_lines[0], "LiberationSans-Bold", 10.5) + 22
    d.line(x2 - 11, yline - 9, x2 - 11, yline + 2, GREEN, 0.8)
    d.text(x2, yline, s.header_lines[1], "LiberationSans", 10.5, DARK)
    for i, col in enumerate(["#CE1126", "#FCD116", "#009460"]):
        d.rect(R - 54 + 18 * i, 44, 18, 36, fill=col)
    d.line(L, 104, R, 104, "#BBBBBB", 0.5)

    prog = s.section("progress")
    y = 118
    y = heading(y, prog.heading)
    y = d.para(L, y, W, prog.subheadings[0], sub) + 1
    y = d.para(L, y, W, prog.subheadings[1], sub2) + 5
    for b in prog.blocks:
        if isinstance(b, It):
            y = d.para(L, y, W, b.text, body) + 5
    y += 2
    LW = 82.0                                           # label column
    ex = L + LW + 12
    d.line(L, y - 3, R, y - 3, GREEN, 0.5)
    for b in prog.blocks:
        if isinstance(b, TL):
            ytop = y + 2
            ly = ytop
            for ln in b.label.split("\n"):
                d.text(L, ly + lab.size * 0.9 + 0.5, ln, lab.font, lab.size, lab.color)
                ly += lab.leading
            yy = ytop
            for e in b.entries:
                yy = d.para(ex, yy, R - ex, e.text, body) + 3
            y = max(yy, ly) + 8
            d.line(L, y - 3, R, y - 3, "#B9D3C3", 0.4)
    y += 24
    act = s.section("activities")
    y = heading(y, act.heading)
    assert 730 < y < 790, y                             # the heading alone at the foot
    footer(1)
    d.new_page()

    # ---- page 2
    y = 50
    ev_bold = Style("DejaVuSerif-Bold", 10.5, 14.6, DARK)
    for it in act.blocks:
        d.text(L + 4, y + 9.5 * 0.9, "§", "Wingdings-Regular", 9.5, GREEN)
        y = d.para(L + 18, y, W - 18, it.text, ev_bold) + 2
        for ch in it.children:
            d.text(L + 22, y + 9.5 * 0.9, "o", "Courier", 9.5, DARK)
            y = d.para(L + 36, y, W - 36, ch.text, body) + 2
        y += 5
    y += 8
    # the box with two sub-columns of bullets
    ref = s.section("referent_system")
    bx, bw = L, W
    by = y
    half = (len(ref.blocks) + 1) // 2
    colw = (bw - 24 - 18) / 2
    inner = y + 10 + H + 10
    ys = []
    for k, col in enumerate([ref.blocks[:half], ref.blocks[half:]]):
        yy = inner
        cx = bx + 12 + k * (colw + 18)
        for it in col:
            d.text(cx, yy + 9.5 * 0.9, "Ø", "Wingdings-Regular", 9.5, GREEN)
            yy = d.para(cx + 14, yy, colw - 14, it.text, body_l) + 3
        ys.append(yy)
    bh = max(ys) - by + 8
    d.rect(bx, by, bw, bh, stroke=GREEN, lw=0.8)
    d.text(bx + 12, by + 10 + H * 0.9, ref.heading, "LiberationSans-Bold", H, GREEN)
    # (the box is stroked only: text drawn above is not covered)
    y = by + bh + 18
    sugg = s.section("suggestions")
    y = heading(y, sugg.heading)
    for it in sugg.blocks:
        d.text(L + 4, y + 9.5 * 0.9, "–", "DejaVuSerif", 9.5, GREEN)
        y = d.para(L + 16, y, W - 16, it.text, body) + 3
    # footnotes: short rule, smaller font, superscript markers
    fn_size = 7.0
    fy = 800 - 12 - len(s.footnotes) * 9.0
    assert fy > y + 20, (fy, y)
    d.line(L, fy - 5, L + 56, fy - 5, "#333333", 0.5)
    for f in s.footnotes:
        d.text(L, fy + fn_size * 0.9 - 2.5, f.marker, "DejaVuSerif", fn_size * 0.7, DARK)
        d.text(L + 5, fy + fn_size * 0.9, f"{f.term}{f.sep}{f.expansion}", "DejaVuSerif",
               fn_size, DARK)
        fy += 9.0
    footer(2)
    d.new_page()
    d.save()
