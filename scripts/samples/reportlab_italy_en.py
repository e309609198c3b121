"""Italy (en), reportlab, A4 portrait, 1 page: a full-height navy sidebar holding the header
and the reference-country system (read first); letter-spaced capital headings (2.2 pt
character spacing), one broken over two lines; justified text with space glyphs; labels in
filled pills; numbered event titles "1." with "–" sub-items; a shaded box with two
sub-columns of Symbol "·" bullets; a marker after ")" ("(AICS)¹"); footnotes "term –
expansion"."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

SAMPLE = Sample(
    name="reportlab-italy-en", producer="reportlab", language="en", title="Italy",
    header_lines=["Reference country",
                  "Domain 1: Development benefits of migration and addressing root causes "
                  "of irregular migration and forced displacement"],
    domain_number=1,
    domain_title="Development benefits of migration and addressing root causes of "
                 "irregular migration and forced displacement",
    action_number=3,
    action_title="Support the role of the diaspora in the development of countries of origin",
    pages=1,
    sections=[
        # reading order: the left sidebar (header, then this section) is read first
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM", blocks=[
            It("Gives visibility to national good practices."),
            It("Builds partnerships between European and African countries."),
            It("Helps follow up the Marrakesh Action Plan."),
        ]),
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 3: Support the role of the diaspora in the development of "
                         "countries of origin"],
            blocks=[
                It("Italy supports diaspora associations through its development "
                   "cooperation agency (AICS)[^1] and a network of municipalities that host "
                   "large communities from West Africa.",
                   refs=[("1", "AICS")]),              # marker after ")": "(AICS)¹"
                TL("Until 2020", D("Until 2020", None, "2020-12-31", "year", "until",
                                   "../2020"),
                   [It("Pilot scheme matching diaspora investments in Senegal and Ghana "
                       "with public co-financing.")]),
                TL("Since\nMarch 2021",
                   D("Since March 2021", "2021-03-01", None, "month", "since",
                     "2021-03/.."),
                   [It("Online one-stop shop giving diaspora entrepreneurs information on "
                       "credit, training and legal advice.")]),
                TL("Q3 2021", D("Q3 2021", "2021-07-01", "2021-09-30", "quarter", "",
                                "2021-35"),
                   [It("Second edition of the Diaspora Summit, gathering more than 300 "
                       "associations in Rome."),
                    It("Launch of a call for proposals for co-development projects led by "
                       "migrant associations.")]),
                TL("Mid-2022", D("Mid-2022", "2022-05-01", "2022-08-31", "third", "mid",
                                 "2022-38"),
                   [It("Agreement with IFAD[^2] on lowering the cost of remittances to "
                       "rural areas.", refs=[("2", "IFAD")])]),
                TL("12 December\n2022",
                   D("12 December 2022", "2022-12-12", "2022-12-12", "day", "",
                     "2022-12-12"),
                   [It("National conference on diaspora skills and circular mobility, "
                       "held in Milan.")]),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022, numbering=("1.",), blocks=[
            It("Thematic meeting on diaspora engagement, Rome, 5 May 2022",
               date=D("5 May 2022", "2022-05-05", "2022-05-05", "day", "", "2022-05-05"),
               dates=[("5 May 2022", "2022-05-05")],
               children=[
                   It("Participation of 19 partner countries of the Rabat Process."),
                   It("Presentation of the co-development programme run with the "
                      "OECD.[^3]", refs=[("3", "OECD")]),
               ]),
            It("Training of diaspora associations in project management, summer 2022",
               date=D("summer 2022", "2022-06-01", "2022-08-31", "season", "", "2022-22"),
               dates=[("summer 2022", "2022-22")],
               children=[
                   It("Five sessions in Turin, Bologna and Naples."),
               ]),
            It("Peer review with The Gambia, end of 2022",
               date=D("end of 2022", "2022-09-01", "2022-12-31", "third", "late",
                      "2022-39"),
               dates=[("end of 2022", "2022-39")],
               children=[
                   It("Exchange of practices on diaspora mapping and outreach."),
               ]),
        ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE", blocks=[
            It("Hold a regional workshop on diaspora bonds in early 2023.",
               date=D("early 2023", "2023-01-01", "2023-04-30", "third", "early",
                      "2023-37"),
               dates=[("early 2023", "2023-37")]),
            It("Map diaspora skills in three partner countries."),
            It("Publish a guide on co-development in autumn 2023.",
               date=D("autumn 2023", "2023-09-01", "2023-11-30", "season", "", "2023-23"),
               dates=[("autumn 2023", "2023-23")]),
            It("Extend the one-stop shop to Côte d’Ivoire and Guinea."),
        ]),
    ],
    footnotes=[
        Footnote("1", "AICS", "Italian Agency for Development Cooperation", sep=" – "),
        Footnote("2", "IFAD", "International Fund for Agricultural Development", sep=" – "),
        Footnote("3", "OECD", "Organisation for Economic Co-operation and Development",
                 sep=" – "),
    ],
)

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
