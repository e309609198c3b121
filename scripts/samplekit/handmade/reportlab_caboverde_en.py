"""Cabo Verde (en), reportlab, A4 portrait, 1 page: the header (title, "Reference country",
domain) in a dark band at the BOTTOM of the page, under the footnotes; the progress timeline
as a ruled THREE-column table (Date | Activity | Partners) with a shaded header row (a
subheading; one row is one item, activity + " " + partners); activities numbered "1." whose
continuation lines start under the number (no hanging indent), with "–" sub-items; the
reference-country points marked with U+2713 ✓ (DejaVu Sans); footnote markers printed
inline in square brackets at body size ("BCV[1]"), notes "[1] BCV – …"; English ordinal
dates ("1st–2nd March 2022", "3rd October 2022", "second quarter of 2023")."""
from __future__ import annotations

from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.spec import Sample


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import Doc, Style, register_fonts, sw

    register_fonts(["DejaVuSans", "DejaVuSans-Bold", "DejaVuSansCondensed",
                    "DejaVuSansCondensed-Bold"])
    TEAL, GOLD, INK = "#0D4D4D", "#E0A526", "#1F1F1F"
    L, R = 40.0, 555.0
    W = R - L
    d = Doc(pdf, s.name)
    body = Style("DejaVuSansCondensed", 8.6, 11.4, INK, markers="bracket")
    bold = Style("DejaVuSansCondensed-Bold", 8.6, 11.4, INK, markers="bracket")
    cell = Style("DejaVuSansCondensed", 8.4, 10.8, INK, markers="bracket")
    H = 11.5

    def heading(x, y, text):
        d.text(x, y + H * 0.9, text, "DejaVuSansCondensed-Bold", H, TEAL)
        d.line(x, y + H + 3, x + 28, y + H + 3, GOLD, 2)
        return y + H + 9

    prog = s.section("progress")
    y = 40
    y = heading(L, y, prog.heading)
    y = d.para(L, y, W, prog.subheadings[0], Style("DejaVuSansCondensed-Bold", 9, 11.6, GOLD))
    y = d.para(L, y, W, prog.subheadings[1], Style("DejaVuSansCondensed-Bold", 9, 11.6, INK)) + 4
    y = d.para(L, y, W, prog.blocks[0].text, body) + 8
    # the three-column table
    c0, c1, c2 = L, L + 82, L + 360
    pad = 5
    d.rect(L, y, W, 16, fill="#DCE9E9")
    for x, t in [(c0, "Date"), (c1, "Activity"), (c2, "Partners")]:
        d.text(x + pad, y + 11.2, t, "DejaVuSansCondensed-Bold", 8.6, TEAL)
    d.line(L, y, R, y, TEAL, 1.0)
    y += 16
    d.line(L, y, R, y, TEAL, 0.8)
    for b in prog.blocks[1:]:
        e = b.entries[0]
        act, part = e.pieces
        h1 = d.nlines(act, c2 - c1 - 2 * pad, cell)
        h2 = d.nlines(part, R - c2 - 2 * pad, cell)
        h = max(h1, h2, 1) * cell.leading + 2 * pad - 1
        d.text(c0 + pad, y + pad + 8.4 * 0.9, b.label, "DejaVuSansCondensed-Bold", 8.4, TEAL)
        d.para(c1 + pad, y + pad, c2 - c1 - 2 * pad, act, cell)
        d.para(c2 + pad, y + pad, R - c2 - 2 * pad, part, cell)
        y += h
        d.line(L, y, R, y, "#9BBDBD", 0.5)
    d.line(L, y, R, y, TEAL, 1.0)
    y += 18

    # two columns: activities | reference system + suggestions
    gap = 22
    lw = 290
    xa, xb = L, L + lw + gap
    act = s.section("activities")
    ya = heading(xa, y, act.heading)
    for k, it in enumerate(act.blocks, 1):
        num = f"{k}. "
        d.text(xa, ya + 8.6 * 0.9, num, "DejaVuSansCondensed-Bold", 8.6, TEAL)
        # continuation lines start at xa (no hanging indent)
        ya = d.para(xa, ya, lw, it.text, bold, first_x=xa + sw(num, "DejaVuSansCondensed-Bold",
                                                                8.6)) + 2
        for ch in it.children:
            d.text(xa + 10, ya + 8.6 * 0.9, "–", "DejaVuSansCondensed", 8.6, TEAL)
            ya = d.para(xa + 20, ya, lw - 20, ch.text, body) + 2
        ya += 6
    ref, sug = s.section("referent_system"), s.section("suggestions")
    rw = R - xb
    yb = heading(xb, y, ref.heading)
    for it in ref.blocks:
        d.text(xb, yb + 8.6 * 0.9, "✓", "DejaVuSans", 9, "#2E8B57")
        yb = d.para(xb + 13, yb, rw - 13, it.text, body) + 3
    yb += 10
    yb = heading(xb, yb, sug.heading)
    for it in sug.blocks:
        d.text(xb + 1, yb + 8.6 * 0.9, "•", "DejaVuSansCondensed", 8.6, GOLD)
        yb = d.para(xb + 11, yb, rw - 11, it.text, body) + 3

    # footnotes above the bottom band
    band = 752
    fy = band - 14 - 10 * len(s.footnotes)
    assert max(ya, yb) < fy - 12, (ya, yb, fy)
    d.line(L, fy - 4, L + 70, fy - 4, "#555555", 0.5)
    for f in s.footnotes:
        d.text(L, fy + 6.5, f"[{f.marker}] {f.term}{f.sep}{f.expansion}", "DejaVuSansCondensed",
               7, INK)
        fy += 10
    # the header, at the bottom of the page
    d.rect(0, band, 595, 842 - band, fill=TEAL)
    d.rect(L, band + 14, 5, 58, fill=GOLD)
    d.text(L + 16, band + 40, s.title, "DejaVuSans-Bold", 26, "#FFFFFF")
    d.text(L + 16, band + 58, s.header_lines[0], "DejaVuSans-Bold", 9.5, GOLD)
    dom1 = "Domain 1: Development benefits of migration and addressing root causes"
    dom2 = "of irregular migration and forced displacement"
    assert f"{dom1} {dom2}" == s.header_lines[1]
    d.text(L + 16, band + 71, dom1, "DejaVuSans", 9, "#FFFFFF")
    d.text(L + 16, band + 82, dom2, "DejaVuSans", 9, "#FFFFFF")
    d.new_page()
    d.save()


def bracketed(marker: str) -> str:
    return f"[{marker}]"


# Markers and note numbers are printed "[1]".
CHECK = PdfCheck(marker=bracketed)
