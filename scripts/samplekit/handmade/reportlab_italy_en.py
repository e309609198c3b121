"""Italy (en), reportlab, A4 portrait, 1 page: a full-height navy sidebar holding the header
and the reference-country system (read first); letter-spaced capital headings (2.2 pt
character spacing), one broken over two lines; justified text with space glyphs; labels in
filled pills; numbered event titles "1." with "–" sub-items; a shaded box with two
sub-columns of Symbol "·" bullets; a marker after ")" ("(AICS)¹"); footnotes "term –
expansion"."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import Sample


NAVY, TEAL = "#14325C", "#0F7C8C"


def render(s: Sample, pdf: Path, work: Path) -> None:
    """A4 portrait: a navy sidebar with the header and the reference-country system (read
    first), letter-spaced capital headings, justified text, labels in filled pills, numbered
    event titles with dash sub-items, a shaded box with two sub-columns of Symbol bullets."""
    from samplekit.reportlab import Doc, Style, register_fonts, sw

    register_fonts(["DejaVuSans", "LiberationSans", "LiberationSans-Bold", "LiberationSerif",
                    "LiberationSerif-Bold"],
                   ["SymbolMT.ttf"])
    d = Doc(pdf, s.name)
    body = Style("LiberationSerif", 10, 13, "#202020", justify="space")
    body_l = Style("LiberationSerif", 10, 13, "#202020")
    white = Style("LiberationSans", 9, 11.5, "#FFFFFF")
    whitesub = Style("LiberationSans", 9.5, 12, "#FFFFFF")
    sub = Style("LiberationSans-Bold", 9.5, 12, NAVY)
    evb = Style("LiberationSerif-Bold", 10, 13, "#202020")
    SB = 180.0                                           # sidebar width
    d.rect(0, 0, SB, 842, fill=NAVY)

    def spaced_heading(x, y, text, color, size=10.5):
        d.text(x, y + size * 0.9, text, "LiberationSans-Bold", size, color, charspace=2.2)
        return y + size + 7

    # sidebar: header, then the reference-country system
    x = 22
    d.text(x, 70, s.title, "LiberationSans-Bold", 32, "#FFFFFF")
    d.text(x, 92, s.header_lines[0], "LiberationSans-Bold", 10.5, "#9ED8E0")
    y = d.para(x, 102, SB - 38, s.header_lines[1], whitesub)
    y += 30
    d.line(x, y - 12, SB - 16, y - 12, "#9ED8E0", 0.6)
    ref = s.section("referent_system")
    assert ref.heading == "THE REFERENCE COUNTRY SYSTEM"
    y = spaced_heading(x, y, "THE REFERENCE", "#9ED8E0")
    y = spaced_heading(x, y - 4, "COUNTRY SYSTEM", "#9ED8E0")
    y += 2
    for it in ref.blocks:
        d.text(x, y + 9 * 0.9, "→", "DejaVuSans", 9, "#9ED8E0")
        y = d.para(x + 13, y, SB - 38 - 13, it.text, white) + 4

    # main column
    L, R = SB + 24, 570.0
    W = R - L
    y = 40
    prog = s.section("progress")
    y = spaced_heading(L, y, prog.heading, TEAL, 12)
    y = d.para(L, y, W, prog.subheadings[0], sub) + 1
    y = d.para(L, y, W, prog.subheadings[1], Style("LiberationSans-Bold", 9.5, 12,
                                                   "#202020")) + 6
    y = d.para(L, y, W, prog.blocks[0].text, body) + 6
    PW = 68.0
    ex = L + PW + 10
    for b in prog.blocks[1:]:
        lines = b.label.split("\n")
        ph = 6 + 11 * len(lines)
        d.rect(L, y - 1, PW, ph, fill=TEAL, radius=4)
        ly = y + 2
        for ln in lines:
            d.text(L + (PW - sw(ln, "LiberationSans-Bold", 9)) / 2, ly + 8.5, ln,
                   "LiberationSans-Bold", 9, "#FFFFFF")
            ly += 11
        yy = y
        for e in b.entries:
            yy = d.para(ex, yy, R - ex, e.text, body) + 3
        y = max(yy, y + ph) + 6
    y += 8
    act = s.section("activities")
    y = spaced_heading(L, y, act.heading, TEAL, 12)
    for k, it in enumerate(act.blocks, 1):
        d.text(L, y + 9, f"{k}.", "LiberationSerif-Bold", 10, TEAL)
        y = d.para(L + 16, y, W - 16, it.text, evb) + 1
        for ch in it.children:
            d.text(L + 18, y + 9, "–", "LiberationSerif", 10, TEAL)
            y = d.para(L + 30, y, W - 30, ch.text, body) + 2
        y += 4
    y += 8
    # box with two sub-columns of bullets
    sugg = s.section("suggestions")
    by = y
    # the box's first 10 pt, drawn before its height is known; the whole box drawn below
    # covers it (the committed PDF has both)
    d.rect(L, by, W, 10, fill="#E4F2F4")
    inner = by + 10
    hy = spaced_heading(L + 10, inner, sugg.heading, TEAL, 11)
    half = (len(sugg.blocks) + 1) // 2
    colw = (W - 20 - 16) / 2
    ys = []
    pos = []
    for k, col in enumerate([sugg.blocks[:half], sugg.blocks[half:]]):
        yy = hy + 2
        cx = L + 10 + k * (colw + 16)
        for it in col:
            pos.append((cx, yy, it))
            yy += 13 * d.nlines(it.text, colw - 12, body_l) + 4
        ys.append(yy)
    bh = max(ys) - by + 6
    d.rect(L, by, W, bh, fill="#E4F2F4")
    spaced_heading(L + 10, inner, sugg.heading, TEAL, 11)
    for cx, yy, it in pos:
        d.text(cx, yy + 9, "·", "SymbolMT", 10, TEAL)
        d.para(cx + 12, yy, colw - 12, it.text, body_l)
    y = by + bh
    # footnotes at the foot of the main column
    fy = 842 - 34 - 9 * len(s.footnotes)
    assert fy > y + 16, (fy, y)
    d.line(L, fy - 5, L + 70, fy - 5, "#444444", 0.5)
    for f in s.footnotes:
        d.text(L, fy + 4.5, f.marker, "LiberationSerif", 5.2, "#202020")
        d.text(L + 4, fy + 6.6, f"{f.term}{f.sep}{f.expansion}", "LiberationSerif", 7.4,
               "#202020")
        fy += 9
    d.new_page()
    d.save()
