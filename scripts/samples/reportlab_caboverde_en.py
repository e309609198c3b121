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
from samplekit.spec import D, Footnote, It, Sample, Sec, Y2022, table_row

DOMAIN_TITLE = ("Development benefits of migration and addressing root causes of irregular migration "
       "and forced displacement")


SAMPLE = Sample(
    name="reportlab-caboverde-en", producer="reportlab", language="en", title="Cabo Verde",
    header_lines=["Reference country", f"Domain 1: {DOMAIN_TITLE}"],
    domain_number=1, domain_title=DOMAIN_TITLE, action_number=2,
    action_title="Promote cheaper, faster and safer transfers of remittances",
    pages=1,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 2: Promote cheaper, faster and safer transfers of remittances",
                         "Date Activity Partners"],
            blocks=[
                It("Remittances represent about 12% of the country’s GDP; the central bank "
                   "(BCV)[^1] monitors their cost and the channels used by the diaspora.",
                   refs=[("1", "BCV")]),
                table_row("2019-2020",
                          D("2019-2020", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
                          "National survey on remittance flows and costs",
                          "BCV, World Bank"),
                table_row("Since May 2021",
                          D("Since May 2021", "2021-05-01", None, "month", "since", "2021-05/.."),
                          "Online tool comparing the cost of sending money to Cabo Verde",
                          "BCV, commercial banks"),
                table_row("Q1 2022",
                          D("Q1 2022", "2022-01-01", "2022-03-31", "quarter", "", "2022-33"),
                          "Lower fees on transfers received through mobile wallets",
                          "Telecom operators"),
                table_row("12th May 2022",
                          D("12th May 2022", "2022-05-12", "2022-05-12", "day", "", "2022-05-12"),
                          "Diaspora investment forum in Praia",
                          "Ministry of Communities, IOM[^2]",
                          refs=[("2", "IOM")]),
                table_row("Late 2022",
                          D("Late 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                          "Financial literacy sessions for migrant families on Santiago and "
                          "São Vicente",
                          "NGOs, municipalities"),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022, numbering=("1.",), blocks=[
            It("Workshop on digital remittance channels, Praia, 1st–2nd March 2022, with "
               "regulators from six ECOWAS countries and two European partners",
               date=D("1st–2nd March 2022", "2022-03-01", "2022-03-02", "day", "range",
                      "2022-03-01/2022-03-02"),
               dates=[("1st–2nd March 2022", "2022-03-01/2022-03-02")],
               children=[It("Presentation of the mobile wallet pilot."),
                         It("Agreement to share data on transfer costs.")]),
            It("Study visit of the BCV[^1] to the central bank of Portugal on the "
               "supervision of money transfer operators, 3rd October 2022",
               date=D("3rd October 2022", "2022-10-03", "2022-10-03", "day", "",
                      "2022-10-03"),
               dates=[("3rd October 2022", "2022-10-03")], refs=[("1", "BCV")],
               children=[It("Exchange on licensing and consumer protection.")]),
            It("Awareness campaign on safe transfers among diaspora communities in Lisbon, "
               "Paris and Boston, run by the consulates during the summer holidays"),
        ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM", blocks=[
            It("Showcases a small island state’s approach to remittances."),
            It("Connects national institutions with peers in Europe and Africa."),
            It("Supports the follow-up of the Marrakesh Action Plan."),
        ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE", blocks=[
            It("Hold a regional meeting on remittance costs in the second quarter of 2023.",
               date=D("second quarter of 2023", "2023-04-01", "2023-06-30", "quarter", "",
                      "2023-34"),
               dates=[("second quarter of 2023", "2023-34")]),
            It("Publish the results of the mobile wallet pilot in the second half of 2023.",
               date=D("second half of 2023", "2023-07-01", "2023-12-31", "half", "",
                      "2023-41"),
               dates=[("second half of 2023", "2023-41")]),
            It("Extend the financial literacy sessions to all nine inhabited islands until "
               "2025.",
               date=D("until 2025", None, "2025-12-31", "year", "until", "../2025"),
               dates=[("until 2025", "../2025")]),
        ]),
    ],
    footnotes=[
        Footnote("1", "BCV", "Banco de Cabo Verde, the central bank", sep=" – "),
        Footnote("2", "IOM", "International Organization for Migration", sep=" – "),
    ],
)


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
