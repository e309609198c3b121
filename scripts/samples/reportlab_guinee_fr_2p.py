"""Guinée (fr), reportlab, A4 portrait, 2 pages: justified text by widening the gaps (no space
glyphs); labels left of the timeline, some on two lines; the "Activités en 2022" heading
alone at the foot of page 1, its items on page 2; Wingdings "§" bullets with Word's Courier
"o" sub-bullets; a stroked box with two sub-columns of Wingdings "Ø" bullets; a running
footer with the page number on both pages; footnotes "term : expansion" at the foot of page
2, one naming the country."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

SAMPLE = Sample(
    name="reportlab-guinee-fr-2p", producer="reportlab", language="fr", title="Guinée",
    header_lines=["Pays référent", "Domaine 3 : Protection et asile"],
    domain_number=3, domain_title="Protection et asile",
    action_number=11,
    action_title="Renforcer les capacités des autorités nationales en matière d’asile et de "
                 "protection internationale",
    pages=2,
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
        Footnote("1", "ONPR", "Office national de protection des réfugiés", sep=" : ",
                 page=2),
        Footnote("2", "Kankan", "Région administrative de Haute-Guinée", sep=" : ", page=2),
        Footnote("3", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : ", page=2),
        Footnote("4", "EUAA", "Agence de l’Union européenne pour l’asile", sep=" : ",
                 page=2),
    ],
)

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
