"""Variant samples drawn with reportlab: Cabo Verde (en, the header band at the foot of the
page, a three-column table timeline) and Gabon (fr, 3 pages, boxed sections, a vertical
timeline with dots, note numbers restarting on every page)."""
from __future__ import annotations

from pathlib import Path

from variants2.rldoc import Doc, Style, register, sw
from variants2.spec import D, It, TL, Sec, Footnote, Sample, Y2022, row, sec_of

# ----------------------------------------------------------------- Cabo Verde -------
# The header (title, "Reference country", domain) in a dark band at the BOTTOM of the page,
# under the footnotes; the progress timeline as a ruled THREE-column table (Date | Activity |
# Partners) with a shaded header row; activities numbered "1." whose continuation lines
# start under the number (no hanging indent), with "–" sub-items; the reference-country
# points marked with U+2713 ✓ (DejaVu Sans); footnote markers printed inline in square
# brackets at body size ("BCV[1]"), notes "[1] BCV – …"; English ordinal dates ("1st–2nd
# March 2022", "3rd October 2022", "second quarter of 2023", "second half of 2023").

DOM = ("Development benefits of migration and addressing root causes of irregular migration "
       "and forced displacement")


CABOVERDE = Sample(
    name="reportlab-caboverde-en", producer="reportlab", language="en", title="Cabo Verde",
    header_lines=["Reference country", f"Domain 1: {DOM}"],
    domain_number=1, domain_title=DOM, action_number=2,
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
                row("2019-2020", D("2019-2020", "2019-01-01", "2020-12-31", "year", "range",
                                   "2019/2020"),
                    "National survey on remittance flows and costs", "BCV, World Bank"),
                row("Since May 2021", D("Since May 2021", "2021-05-01", None, "month", "since",
                                        "2021-05/.."),
                    "Online tool comparing the cost of sending money to Cabo Verde",
                    "BCV, commercial banks"),
                row("Q1 2022", D("Q1 2022", "2022-01-01", "2022-03-31", "quarter", "",
                                 "2022-33"),
                    "Lower fees on transfers received through mobile wallets",
                    "Telecom operators"),
                row("12th May 2022", D("12th May 2022", "2022-05-12", "2022-05-12", "day", "",
                                       "2022-05-12"),
                    "Diaspora investment forum in Praia",
                    "Ministry of Communities, IOM[^2]", refs=[("2", "IOM")]),
                row("Late 2022", D("Late 2022", "2022-09-01", "2022-12-31", "third", "late",
                                   "2022-39"),
                    "Financial literacy sessions for migrant families on Santiago and "
                    "São Vicente", "NGOs, municipalities"),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022, blocks=[
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
    footnote_pages=[1, 1],
    marker_format="[{}]",
)


def draw_caboverde(s: Sample, path: Path) -> None:
    TEAL, GOLD, INK = "#0D4D4D", "#E0A526", "#1F1F1F"
    L, R = 40.0, 555.0
    W = R - L
    d = Doc(path)
    body = Style("DejaVuSansCondensed", 8.6, 11.4, INK, markers="bracket")
    bold = Style("DejaVuSansCondensed-Bold", 8.6, 11.4, INK, markers="bracket")
    cell = Style("DejaVuSansCondensed", 8.4, 10.8, INK, markers="bracket")
    H = 11.5

    def heading(x, y, text):
        d.text(x, y + H * 0.9, text, "DejaVuSansCondensed-Bold", H, TEAL)
        d.line(x, y + H + 3, x + 28, y + H + 3, GOLD, 2)
        return y + H + 9

    prog = sec_of(s, "progress")
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
    act = sec_of(s, "activities")
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
    ref, sug = sec_of(s, "referent_system"), sec_of(s, "suggestions")
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
    d.c.showPage()
    d.c.save()


# ----------------------------------------------------------------- Gabon ------------
# A right-aligned header; every section in a stroked box whose heading is white bold text on
# a dark filled band spanning the box width; a vertical timeline (a drawn line with small
# filled circles at every entry, date labels right-aligned LEFT of the line); long
# paragraphs with an inline date in the middle; footnote numbering restarting on every page
# (1, 2 / 1, 2 / 1); a centred "– n –" page number; two boxes side by side on page 3.

GABON = Sample(
    name="reportlab-gabon-fr-3p", producer="reportlab", language="fr", title="Gabon",
    header_lines=["Pays référent",
                  "Domaine 4 : Prévention de la migration irrégulière, du trafic de migrants "
                  "et de la traite des êtres humains"],
    domain_number=4,
    domain_title="Prévention de la migration irrégulière, du trafic de migrants et de la "
                 "traite des êtres humains",
    action_number=15,
    action_title="Renforcer les capacités des institutions nationales en matière de gestion "
                 "des frontières",
    pages=3,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 15 : Renforcer les capacités des institutions nationales en "
                         "matière de gestion des frontières"],
            blocks=[
                It("Le Gabon a adopté une feuille de route nationale sur la gestion des "
                   "frontières, pilotée par la Direction générale de la documentation et de "
                   "l’immigration (DGDI)[^1] en lien avec les forces de défense et de "
                   "sécurité.", refs=[("1", "DGDI")]),
                TL("2019-20", D("2019-20", "2019-01-01", "2020-12-31", "year", "range",
                                "2019/2020"),
                   [It("Cartographie des postes frontières terrestres et maritimes et "
                       "évaluation des besoins en équipement et en formation.")]),
                TL("Depuis\njanvier 2021",
                   D("Depuis janvier 2021", "2021-01-01", None, "month", "since", "2021-01/.."),
                   [It("Déploiement progressif d’un système d’enregistrement biométrique des "
                       "voyageurs aux aéroports de Libreville et de Port-Gentil.")]),
                TL("T3 2021", D("T3 2021", "2021-07-01", "2021-09-30", "quarter", "", "2021-35"),
                   [It("Formation de 48 agents de la DGDI à la détection des documents de "
                       "voyage frauduleux."),
                    It("Mise en place d’une cellule d’analyse des risques au sein de la "
                       "direction centrale des frontières.")]),
                TL("1er semestre\n2022",
                   D("1er semestre 2022", "2022-01-01", "2022-06-30", "half", "", "2022-40"),
                   [It("Signature d’un accord de coopération technique avec l’ONUDC[^2] sur les "
                       "enquêtes financières liées à la traite des êtres humains.",
                       refs=[("2", "ONUDC")])]),
                TL("Du 3 au 5\nmai 2022",
                   D("Du 3 au 5 mai 2022", "2022-05-03", "2022-05-05", "day", "range",
                     "2022-05-03/2022-05-05"),
                   [It("Exercice conjoint de contrôle frontalier avec le Cameroun et la Guinée "
                       "équatoriale au poste de Bitam.")]),
                TL("Jusqu’à\nfin 2023",
                   D("Jusqu’à fin 2023", None, "2023-12-31", "third", "until", "../2023-39"),
                   [It("Programme d’équipement des brigades fluviales de l’Ogooué en "
                       "embarcations et en moyens de communication.")]),
            ]),
        Sec("activities", "ACTIVITÉS 2022", heading_date=Y2022, blocks=[
            It("En mars 2022, le ministère de l’Intérieur a réuni à Libreville les "
               "responsables des services de police, de gendarmerie et de douane pour un "
               "atelier national consacré à la coordination des contrôles aux frontières, "
               "avec l’appui de l’OIM[^1] et de plusieurs partenaires européens du Processus "
               "de Rabat.",
               date=D("mars 2022", "2022-03-01", "2022-03-31", "month", "", "2022-03"),
               dates=[("mars 2022", "2022-03")], refs=[("1", "OIM")]),
            It("Le Gabon a accueilli du 14 au 16 juin 2022 la réunion thématique régionale sur "
               "la traite des êtres humains en Afrique centrale, qui a rassemblé des "
               "délégations de neuf pays de la CEEAC[^2], des organisations internationales "
               "et des représentants de la société civile.",
               date=D("du 14 au 16 juin 2022", "2022-06-14", "2022-06-16", "day", "range",
                      "2022-06-14/2022-06-16"),
               dates=[("du 14 au 16 juin 2022", "2022-06-14/2022-06-16")],
               refs=[("2", "CEEAC")]),
            It("À l’automne 2022, une mission d’experts belges et espagnols a accompagné la "
               "DGDI dans la rédaction de procédures opérationnelles standard pour "
               "l’identification et l’orientation des victimes de la traite.",
               date=D("automne 2022", "2022-09-01", "2022-11-30", "season", "", "2022-23"),
               dates=[("automne 2022", "2022-23")]),
            It("Ces actions s’inscrivent dans l’Agenda 2063 de l’Union africaine et dans la "
               "stratégie nationale de sécurité intérieure, qui fait de la lutte contre la "
               "traite une priorité."),
            It("Campagne nationale de sensibilisation « Partir autrement », fin 2022",
               date=D("fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
               dates=[("fin 2022", "2022-39")],
               children=[
                   It("Émissions radio en fang, en punu et en français."),
                   It("Ateliers dans 25 établissements scolaires de l’Estuaire et du "
                      "Haut-Ogooué."),
               ]),
        ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", blocks=[
            It("Donne de la visibilité aux efforts nationaux de gestion des frontières."),
            It("Facilite les échanges d’expertise avec les pays européens du Processus."),
            It("Renforce la coopération régionale en Afrique centrale avec l’appui du "
               "HCR[^1].", refs=[("1", "HCR")]),
        ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", blocks=[
            It("Organiser une visite d’étude sur la gestion des frontières maritimes au "
               "printemps 2023.",
               date=D("printemps 2023", "2023-03-01", "2023-05-31", "season", "", "2023-21"),
               dates=[("printemps 2023", "2023-21")]),
            It("Élaborer un plan d’action régional contre la traite au 2e semestre 2023.",
               date=D("2e semestre 2023", "2023-07-01", "2023-12-31", "half", "", "2023-41"),
               dates=[("2e semestre 2023", "2023-41")]),
            It("Étendre le système biométrique aux postes frontières terrestres à partir de "
               "2024.",
               date=D("à partir de 2024", "2024-01-01", None, "year", "since", "2024/.."),
               dates=[("à partir de 2024", "2024/..")]),
            It("Associer davantage les organisations de la société civile au suivi du plan "
               "national."),
        ]),
    ],
    footnotes=[
        Footnote("1", "DGDI", "Direction générale de la documentation et de l’immigration",
                 sep=" : "),
        Footnote("2", "ONUDC", "Office des Nations unies contre la drogue et le crime",
                 sep=" : "),
        Footnote("1", "OIM", "Organisation internationale pour les migrations", sep=" : "),
        Footnote("2", "CEEAC", "Communauté économique des États de l’Afrique centrale",
                 sep=" : "),
        Footnote("1", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : "),
    ],
    footnote_pages=[1, 1, 2, 2, 3],
)


def draw_gabon(s: Sample, path: Path) -> None:
    NAVY, ORANGE, INK, GREY = "#23395B", "#D9822B", "#1E1E1E", "#8A9BB5"
    L, R = 48.0, 547.0
    W = R - L
    d = Doc(path)
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

    prog = sec_of(s, "progress")
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
    d.c.showPage()

    # ------------------------------------------------------------------ page 2
    act = sec_of(s, "activities")
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
    d.c.showPage()

    # ------------------------------------------------------------------ page 3
    ref, sug = sec_of(s, "referent_system"), sec_of(s, "suggestions")
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
    d.c.showPage()
    d.c.save()


SAMPLES = [CABOVERDE, GABON]
_DRAW = {CABOVERDE.name: draw_caboverde, GABON.name: draw_gabon}


def make(s: Sample, pdf: Path, work: Path) -> Sample:
    register()
    _DRAW[s.name](s, pdf)
    return s
