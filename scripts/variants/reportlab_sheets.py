"""Variant samples drawn with reportlab: Guinée (fr, 2 pages) and Italy (en, sidebar)."""
from __future__ import annotations

from pathlib import Path

from variants.rldoc import Doc, Style, register, sw
from variants.spec import D, It, TL, Sec, Footnote, Sample, Y2022, sec_of

# ----------------------------------------------------------------- Guinée -----------
GUINEE = Sample(
    name="reportlab-guinee-fr-2p", producer="reportlab", language="fr", title="Guinée",
    header_lines=["Pays référent", "Domaine 3 : Protection et asile"],
    domain_number=3, domain_title="Protection et asile",
    action_number=11,
    action_title="Renforcer les capacités des autorités nationales en matière d’asile et de "
                 "protection internationale",
    pages=2, footnote_page=2,
    sections=[
        Sec("progress", "Progrès",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 11 : Renforcer les capacités des autorités nationales en "
                         "matière d’asile et de protection internationale"],
            blocks=[
                It("Depuis l’adoption du cadre national sur l’asile, l’Office national de "
                   "protection des réfugiés (ONPR)[^1] a été restructuré afin de réduire les "
                   "délais de traitement des demandes et d’améliorer la qualité des "
                   "décisions rendues en première instance.",
                   refs=[("1", "ONPR")]),
                It("Les autorités ont également engagé un dialogue régulier avec les "
                   "organisations de la société civile qui assurent l’accueil et "
                   "l’accompagnement juridique des demandeurs d’asile dans les zones "
                   "frontalières de Nzérékoré et de Kankan.[^2]",
                   refs=[("2", "Kankan")]),
                It("Un groupe de travail interministériel, présidé par le ministère de la "
                   "Sécurité et de la Protection civile, coordonne désormais la mise en "
                   "œuvre du plan national et rend compte chaque année au Gouvernement."),
                TL("Mars 2021", D("Mars 2021", "2021-03-01", "2021-03-31", "month", "",
                                  "2021-03"),
                   [It("Adoption du décret portant création de la Commission nationale "
                       "d’éligibilité au statut de réfugié, compétente pour examiner les "
                       "recours introduits contre les décisions de l’ONPR.")]),
                TL("2e trimestre\n2021",
                   D("2e trimestre 2021", "2021-04-01", "2021-06-30", "quarter", "",
                     "2021-34"),
                   [It("Formation de 35 agents de l’ONPR et de la police aux frontières aux "
                       "techniques d’entretien et à l’identification des personnes ayant "
                       "besoin d’une protection internationale."),
                    It("Élaboration d’un manuel de procédures à l’usage des agents chargés "
                       "de l’enregistrement des demandes.")]),
                TL("Depuis\nseptembre 2021",
                   D("Depuis septembre 2021", "2021-09-01", None, "month", "since",
                     "2021-09/.."),
                   [It("Enregistrement biométrique des demandeurs d’asile avec l’appui du "
                       "Haut-Commissariat des Nations unies pour les réfugiés (HCR)[^3], "
                       "dans les quatre régions frontalières du pays.",
                       refs=[("3", "HCR")])]),
                TL("Du 3 au 5\nmai 2022",
                   D("Du 3 au 5 mai 2022", "2022-05-03", "2022-05-05", "day", "range",
                     "2022-05-03/2022-05-05"),
                   [It("Atelier national de validation de la stratégie de protection des "
                       "enfants non accompagnés et séparés, en présence des ministères "
                       "concernés et des agences des Nations unies.")]),
                TL("Fin 2022",
                   D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                   [It("Mise en service d’une base de données nationale sur l’asile, "
                       "partagée entre l’ONPR et la Commission nationale d’éligibilité."),
                    It("Publication du premier rapport annuel de l’ONPR sur les statistiques "
                       "de l’asile.")]),
                TL("Jusqu’en\n2023",
                   D("Jusqu’en 2023", None, "2023-12-31", "year", "until", "../2023"),
                   [It("Programme d’appui à l’intégration locale des réfugiés de longue "
                       "durée dans la région forestière, financé par l’Union européenne.")]),
            ]),
        Sec("activities", "Activités en 2022", heading_date=Y2022, page=1, blocks=[
            It("Atelier régional sur la détermination du statut de réfugié, Conakry, "
               "mars-avril 2022",
               date=D("mars-avril 2022", "2022-03-01", "2022-04-30", "month", "range",
                      "2022-03/2022-04"),
               dates=[("mars-avril 2022", "2022-03/2022-04")], page=2,
               children=[
                   It("Participation de 14 pays partenaires du Processus de Rabat et de "
                      "l’EUAA[^4].", refs=[("4", "EUAA")]),
                   It("Partage d’expériences sur les procédures accélérées et les "
                      "garanties procédurales."),
               ]),
            It("Visite d’étude en Belgique, 7 octobre 2022",
               date=D("7 octobre 2022", "2022-10-07", "2022-10-07", "day", "",
                      "2022-10-07"),
               dates=[("7 octobre 2022", "2022-10-07")], page=2,
               children=[
                   It("Rencontre avec le Commissariat général aux réfugiés et aux "
                      "apatrides sur l’instruction des demandes."),
                   It("Visite d’un centre d’accueil géré par la Croix-Rouge."),
               ]),
            It("Campagne d’information sur le droit d’asile", page=2,
               children=[
                   It("Diffusion de messages radio en soussou, peul et malinké."),
               ]),
        ]),
        Sec("referent_system", "Le système des pays référents", page=2, blocks=[
            It("Offre une tribune pour présenter les réformes engagées."),
            It("Facilite l’accès à l’expertise des pays européens."),
            It("Encourage la coopération Sud-Sud en matière d’asile."),
            It("Contribue au suivi du Plan d’Action de Marrakech."),
        ]),
        Sec("suggestions", "Suggestions pour l’avenir", page=2, blocks=[
            It("Organiser une réunion thématique sur l’apatridie au 2e semestre 2023.",
               date=D("2e semestre 2023", "2023-07-01", "2023-12-31", "half", "",
                      "2023-41"),
               dates=[("2e semestre 2023", "2023-41")]),
            It("Renforcer la formation des juges chargés des recours en matière d’asile "
               "à partir de janvier 2024.",
               date=D("à partir de janvier 2024", "2024-01-01", None, "month", "since",
                      "2024-01/.."),
               dates=[("à partir de janvier 2024", "2024-01/..")]),
        ]),
    ],
    footnotes=[
        Footnote("1", "ONPR", "Office national de protection des réfugiés", sep=" : "),
        Footnote("2", "Kankan", "Région administrative de Haute-Guinée", sep=" : "),
        Footnote("3", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : "),
        Footnote("4", "EUAA", "Agence de l’Union européenne pour l’asile", sep=" : "),
    ],
)

GREEN, DARK = "#0E6B3A", "#1B1B1B"


def draw_guinee(s: Sample, path: Path) -> None:
    """A4 portrait, 2 pages: justified gaps, labels left of the timeline, "Activités en 2022"
    alone at the foot of page 1, Wingdings/Courier "o" bullets, a stroked two-column box,
    a running footer with the page number on both pages, footnotes at the foot of page 2."""
    d = Doc(path)
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

    prog = sec_of(s, "progress")
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
    act = sec_of(s, "activities")
    y = heading(y, act.heading)
    assert 730 < y < 790, y                             # the heading alone at the foot
    footer(1)
    d.c.showPage()

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
    ref = sec_of(s, "referent_system")
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
    sugg = sec_of(s, "suggestions")
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
    d.c.showPage()
    d.c.save()


# ----------------------------------------------------------------- Italy ------------
ITALY = Sample(
    name="reportlab-italy-en", producer="reportlab", language="en", title="Italy",
    header_lines=["Reference country",
                  "Domain 1: Development benefits of migration and addressing root causes "
                  "of irregular migration and forced displacement"],
    domain_number=1,
    domain_title="Development benefits of migration and addressing root causes of "
                 "irregular migration and forced displacement",
    action_number=3,
    action_title="Support the role of the diaspora in the development of countries of origin",
    pages=1, footnote_page=1,
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
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022, blocks=[
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


def draw_italy(s: Sample, path: Path) -> None:
    """A4 portrait: a navy sidebar with the header and the reference-country system (read
    first), letter-spaced capital headings, justified text, labels in filled pills, numbered
    event titles with dash sub-items, a shaded box with two sub-columns of Symbol bullets."""
    d = Doc(path)
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
    ref = sec_of(s, "referent_system")
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
    prog = sec_of(s, "progress")
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
    act = sec_of(s, "activities")
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
    sugg = sec_of(s, "suggestions")
    by = y
    d.rect(L, by, W, 10, fill="#E4F2F4")                # placeholder, redrawn below
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
    d.c.showPage()
    d.c.save()


SAMPLES = [GUINEE, ITALY]
_DRAW = {GUINEE.name: draw_guinee, ITALY.name: draw_italy}


def make(s: Sample, pdf: Path, work: Path) -> None:
    register()
    _DRAW[s.name](s, pdf)
