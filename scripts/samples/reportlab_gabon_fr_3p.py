"""Gabon (fr), reportlab, A4 portrait, 3 pages: a right-aligned header; every section in a
stroked box whose heading is white bold text on a dark band spanning the box; a vertical
timeline (a drawn line with small filled circles at every entry, date labels right-aligned
LEFT of the line, some on two lines); long paragraphs with an inline date in the middle;
footnote numbers set apart from their notes and restarting on every page (1, 2 / 1, 2 / 1);
a centred "– n –" page number; two boxes side by side on page 3; "Agenda 2063", which is
not a date."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

SAMPLE = Sample(
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
        Sec("activities", "ACTIVITÉS 2022", heading_date=Y2022, page=2, blocks=[
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
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", page=3, blocks=[
            It("Donne de la visibilité aux efforts nationaux de gestion des frontières."),
            It("Facilite les échanges d’expertise avec les pays européens du Processus."),
            It("Renforce la coopération régionale en Afrique centrale avec l’appui du "
               "HCR[^1].", refs=[("1", "HCR")]),
        ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", page=3, blocks=[
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
        Footnote("1", "OIM", "Organisation internationale pour les migrations", sep=" : ",
                 page=2),
        Footnote("2", "CEEAC", "Communauté économique des États de l’Afrique centrale",
                 sep=" : ", page=2),
        Footnote("1", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : ", page=3),
    ],
)


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
