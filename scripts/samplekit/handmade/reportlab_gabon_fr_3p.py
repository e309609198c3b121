"""Gabon (fr), reportlab, A4 portrait, 3 pages: a right-aligned header; every section in a
stroked box whose heading is white bold text on a dark band spanning the box; a vertical
timeline (a drawn line with small filled circles at every entry, date labels right-aligned
LEFT of the line, some on two lines); long paragraphs with an inline date in the middle;
footnote numbers set apart from their notes and restarting on every page (1, 2 / 1, 2 / 1);
a centred "– n –" page number; two boxes side by side on page 3; "Agenda 2063", which is
not a date."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import Sample


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import Doc, Style, register_fonts, sw

    register_fonts(["DejaVuSans", "LiberationSans", "LiberationSans-Bold"])
    NAVY, ORANGE, INK, GREY = "#23395B", "#D9822B", "#1E1E1E", "#8A9BB5"
    L, R = 48.0, 547.0
    W = R - L
    d = Doc(pdf, s.name)
    body = Style("LiberationSans", 9.5, 12.6, INK)
    bold = Style("LiberationSans-Bold", 9.5, 12.6, INK)
    sub = Style("LiberationSans-Bold", 9.5, 12.4, NAVY)
    lab = Style("LiberationSans-Bold", 9, 11, ORANGE)
    HB = 20.0                                            # band height

    def box(x, y, w, h, heading):
        d.rect(x, y, w, h, stroke=NAVY, lw=0.8)
        d.rect(x, y, w, HB, fill=NAVY)
        d.text(x + 10, y + 14, heading, "LiberationSans-Bold", 11, "#FFFFFF")

    def page_number(n):
        t = f"– {n} –"
        d.text((595 - sw(t, "LiberationSans", 8)) / 2, 818, t, "LiberationSans", 8, "#777777")

    def notes(fns):
        fy = 800 - 10 * len(fns)
        d.line(L, fy - 6, L + 60, fy - 6, "#444444", 0.5)
        for f in fns:
            d.text(L, fy + 6.3 - 2.6, f.marker, "LiberationSans", 7 * 0.62, INK)
            d.text(L + 5, fy + 6.3, f"{f.term}{f.sep}{f.expansion}", "LiberationSans", 7, INK)
            fy += 10
        return 800 - 10 * len(fns) - 12

    # ------------------------------------------------------------------ page 1
    # header, right-aligned, with an orange block at the left
    d.rect(L, 40, 14, 62, fill=ORANGE)
    d.rtext(R, 74, s.title, "LiberationSans-Bold", 30, NAVY)
    d.rtext(R, 92, s.header_lines[0], "LiberationSans-Bold", 10.5, ORANGE)
    dom1 = "Domaine 4 : Prévention de la migration irrégulière,"
    dom2 = "du trafic de migrants et de la traite des êtres humains"
    assert f"{dom1} {dom2}" == s.header_lines[1]
    d.rtext(R, 106, dom1, "LiberationSans", 10, INK)
    d.rtext(R, 119, dom2, "LiberationSans", 10, INK)
    d.line(L, 130, R, 130, NAVY, 1.2)

    prog = s.section("progress")
    top = 146
    y = top + HB + 8
    x0 = L + 12
    iw = W - 24
    y = d.para(x0, y, iw, prog.subheadings[0], sub) + 1
    y = d.para(x0, y, iw, prog.subheadings[1], Style("LiberationSans-Bold", 9.5, 12.4, INK)) + 6
    y = d.para(x0, y, iw, prog.blocks[0].text, body) + 10
    xl = x0 + 92                                         # the vertical line
    ex = xl + 14
    ew = R - 12 - ex
    # layout first (line drawn under the dots, dots under nothing)
    plan, yy0 = [], y
    for b in prog.blocks[1:]:
        lines = b.label.split("\n")
        rows, yy = [], yy0
        for e in b.entries:
            rows.append(yy)
            yy = yy + d.nlines(e.text, ew, body) * body.leading + 6
        plan.append((b, yy0, rows))
        yy0 = max(yy, yy0 + len(lines) * lab.leading + 4) + 4
    d.line(xl, y - 4, xl, yy0 - 6, GREY, 1.2)
    for b, ly, rows in plan:
        for ln in b.label.split("\n"):
            d.rtext(xl - 12, ly + lab.size * 0.9 + 0.6, ln, lab.font, lab.size, lab.color)
            ly += lab.leading
        for e, ry in zip(b.entries, rows):
            d.circle(xl, ry + 5.6, 3.4, fill=ORANGE, stroke="#FFFFFF", lw=0.8)
            d.para(ex, ry, ew, e.text, body)
    y = yy0
    bottom = y + 4
    box(L, top, W, bottom - top, prog.heading)
    fn_top = notes(s.footnotes[0:2])
    assert bottom < fn_top, (bottom, fn_top)
    page_number(1)
    d.new_page()

    # ------------------------------------------------------------------ page 2
    act = s.section("activities")
    top = 50
    y = top + HB + 10
    for it in act.blocks:
        if it.children:
            d.text(x0, y + 8.6, "■", "DejaVuSans", 7, ORANGE)
            y = d.para(x0 + 12, y, iw - 12, it.text, bold) + 2
            for ch in it.children:
                d.text(x0 + 16, y + 8.6, "–", "LiberationSans", 9.5, INK)
                y = d.para(x0 + 26, y, iw - 26, ch.text, body) + 2
            y += 6
        else:
            y = d.para(x0, y, iw, it.text, body) + 8
    bottom = y + 2
    box(L, top, W, bottom - top, act.heading)
    fn_top = notes(s.footnotes[2:4])
    assert bottom < fn_top
    page_number(2)
    d.new_page()

    # ------------------------------------------------------------------ page 3
    ref, sug = s.section("referent_system"), s.section("suggestions")
    gap = 16
    cw = (W - gap) / 2
    bottoms = []
    for k, sec in enumerate([ref, sug]):
        bx = L + k * (cw + gap)
        y = 50 + HB + 10
        for it in sec.blocks:
            if sec.kind == "referent_system":
                d.text(bx + 10, y + 8.6, "→", "DejaVuSans", 9, ORANGE)
            else:
                d.text(bx + 11, y + 8.6, "•", "LiberationSans", 9.5, ORANGE)
            y = d.para(bx + 24, y, cw - 34, it.text, body) + 5
        bottoms.append(y + 4)
    bh = max(bottoms) - 50
    for k, sec in enumerate([ref, sug]):
        head = sec.heading
        bx = L + k * (cw + gap)
        if sw(head, "LiberationSans-Bold", 11) > cw - 20:
            raise SystemExit(f"heading too wide: {head}")
        box(bx, 50, cw, bh, head)
    notes(s.footnotes[4:5])
    page_number(3)
    d.new_page()
    d.save()
