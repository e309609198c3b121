"""Belgique (fr), Chromium, A4 landscape, 1 page: three balanced CSS columns with column rules
(no boxes); justified serif body; small header lines beside (right of) the large title;
timeline labels broken over two lines, right-aligned, beside a vertical rule; Wingdings "§"
bullets (::before); season and "until" dates."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.chromium import note_html, print_html, to_html, word_faces
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

SAMPLE = Sample(
    name="chromium-belgique-fr", producer="chromium", language="fr", title="Belgique",
    header_lines=["Pays référent",
                  "Domaine 2 : Migration légale et mobilité"],
    domain_number=2, domain_title="Migration légale et mobilité",
    action_number=8,
    action_title="Faciliter la mobilité des travailleurs et renforcer les partenariats pour "
                 "les talents entre l’Europe et l’Afrique",
    pages=1,
    sections=[
        Sec("progress", "Progrès",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 8 : Faciliter la mobilité des travailleurs et renforcer les "
                         "partenariats pour les talents entre l’Europe et l’Afrique"],
            blocks=[
                It("La Belgique a poursuivi la mise en œuvre de projets pilotes de migration "
                   "de travail avec plusieurs pays partenaires d’Afrique du Nord et de l’Ouest, "
                   "en lien étroit avec les régions et les partenaires sociaux."),
                TL("Depuis\n2019",
                   D("Depuis 2019", "2019-01-01", None, "year", "since", "2019/.."),
                   [It("Projet PALIM[^1] de mobilité de travail entre la Belgique et le Maroc "
                       "dans le secteur des technologies de l’information.",
                       refs=[("1", "PALIM")])]),
                TL("2020 –\n2022",
                   D("2020 – 2022", "2020-01-01", "2022-12-31", "year", "range", "2020/2022"),
                   [It("Financement du programme THAMM[^2] pour l’appui à la gouvernance de la "
                       "migration de main-d’œuvre.",
                       refs=[("2", "THAMM")]),
                    It("Formation des services publics de l’emploi à l’accompagnement des "
                       "travailleurs migrants.")]),
                TL("Jusqu’à\nfin 2022",
                   D("Jusqu’à fin 2022", None, "2022-12-31", "third", "until", "../2022-39"),
                   [It("Prolongation des permis de séjour des stagiaires dont la formation "
                       "a été interrompue par la pandémie de COVID-19.")]),
                TL("Hiver\n2022",
                   D("Hiver 2022", "2022-12-01", "2023-02-28", "season", "", "2022-24"),
                   [It("Lancement d’une évaluation indépendante des projets pilotes de "
                       "mobilité.")]),
            ]),
        Sec("activities", "Activités menées en 2022", heading_date=Y2022, blocks=[
            It("Réunion thématique sur les partenariats pour les talents, Bruxelles, "
               "23 mars 2022",
               date=D("23 mars 2022", "2022-03-23", "2022-03-23", "day", "", "2022-03-23"),
               dates=[("23 mars 2022", "2022-03-23")],
               children=[
                   It("Participation de 24 délégations et de l’ICMPD[^3] ; présentation des "
                      "projets pilotes belges et marocains.",
                      refs=[("3", "ICMPD")]),
                   It("Recommandations sur la reconnaissance des qualifications et la "
                      "portabilité des droits sociaux."),
               ]),
            It("Visite d’étude de responsables sénégalais à Liège, septembre 2022",
               date=D("septembre 2022", "2022-09-01", "2022-09-30", "month", "", "2022-09"),
               dates=[("septembre 2022", "2022-09")],
               children=[
                   It("Échanges avec le FOREM sur l’orientation professionnelle des "
                      "jeunes diplômés."),
               ]),
            It("Webinaire sur la migration circulaire, 4e trimestre 2022",
               date=D("4e trimestre 2022", "2022-10-01", "2022-12-31", "quarter", "",
                      "2022-36"),
               dates=[("4e trimestre 2022", "2022-36")],
               children=[
                   It("Plus de 90 participants issus des administrations, des syndicats et "
                      "du secteur privé."),
               ]),
        ]),
        Sec("referent_system", "Le système des pays référents", blocks=[
            It("Donne une visibilité accrue aux actions menées par les partenaires du "
               "Processus de Rabat."),
            It("Favorise l’échange de bonnes pratiques entre pays européens et africains."),
            It("Renforce le suivi du Plan d’Action de Marrakech."),
        ]),
        Sec("suggestions", "Suggestions pour l’avenir", blocks=[
            It("Organiser une réunion d’experts sur la portabilité des droits sociaux au "
               "printemps 2023.",
               date=D("printemps 2023", "2023-03-01", "2023-05-31", "season", "", "2023-21"),
               dates=[("printemps 2023", "2023-21")]),
            It("Étendre les projets pilotes au secteur de la santé dès 2024.",
               date=D("dès 2024", "2024-01-01", None, "year", "since", "2024/.."),
               dates=[("dès 2024", "2024/..")]),
        ]),
    ],
    footnotes=[
        Footnote("1", "PALIM", "Pilot project Addressing Labour shortages through "
                 "Innovative labour migration Models"),
        Footnote("2", "THAMM", "Towards a Holistic Approach to Labour Migration Governance "
                 "and Labour Mobility in North Africa"),
        Footnote("3", "ICMPD", "Centre international pour le développement des politiques "
                 "migratoires"),
    ],
)

CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxTimes"; font-size: 10.5pt; line-height: 1.3; color: #111;
       hyphens: manual; }
p { margin: 0; }
.sheet { width: 297mm; height: 209mm; box-sizing: border-box; padding: 24pt 30pt 20pt;
         position: relative; }
.head { display: flex; flex-direction: row; align-items: flex-end; column-gap: 24pt;
        border-bottom: 1pt solid #23408E; padding-bottom: 6pt; margin-bottom: 10pt; }
.head .title { font-family: "FxArial"; font-weight: 700; font-size: 28pt; color: #23408E;
               line-height: 1; }
.head .lines { font-family: "FxArial"; font-size: 10pt; color: #23408E; padding-bottom: 2pt; }
.head .lines .kind { font-weight: 700; }
.flow { column-count: 3; column-gap: 26pt; column-rule: 0.5pt solid #9AA7C7;
        column-fill: balance; }
h2 { font-family: "FxArial"; font-size: 11.5pt; font-weight: 700; color: #23408E;
     margin: 8pt 0 3pt; break-after: avoid; }
h2.first { margin-top: 0; }
.sub1 { font-family: "FxArial"; font-size: 9pt; font-style: normal; color: #23408E;
        margin-bottom: 1pt; }
.sub2 { font-family: "FxArial"; font-size: 9pt; font-weight: 700; margin-bottom: 4pt; }
.para { text-align: justify; margin-bottom: 4pt; }
.row { display: flex; flex-direction: row; column-gap: 8pt; margin-top: 4pt;
       break-inside: avoid; }
.lab { flex: 0 0 46pt; font-family: "FxArial"; font-weight: 700; font-size: 8.5pt;
       color: #23408E; text-align: right; line-height: 1.2; padding-top: 0.5pt; }
.ents { flex: 1 1 auto; border-left: 1pt solid #23408E; padding-left: 7pt;
        text-align: justify; }
.ents p + p { margin-top: 3pt; }
ul { margin: 0; padding: 0; }
ul.events { list-style: none; }
ul.events > li { margin-bottom: 5pt; }
ul.events .title { font-weight: 700; display: block; }
ul.sq { list-style: none; padding-left: 13pt; }
ul.sq li { text-align: justify; margin-bottom: 1.5pt; }
ul.sq li::before { content: "§"; font-family: "FxWing"; display: inline-block;
                   width: 13pt; margin-left: -13pt; color: #23408E; }
.notes { position: absolute; left: 30pt; bottom: 18pt; width: 520pt; font-family: "FxArial";
         font-size: 6.8pt; line-height: 1.35; color: #333; border-top: 0.5pt solid #333;
         padding-top: 2pt; }
sup.fn { font-size: 62%; line-height: 0; vertical-align: super; }
"""


def page_html(s: Sample) -> str:
    prog, act, ref, sugg = (s.section(k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    head = (f'<div class="head"><p class="title">{s.title}</p><div class="lines">'
            f'<p class="kind">{s.header_lines[0]}</p><p>{html.escape(s.header_lines[1])}</p>'
            "</div></div>")
    f = [f'<h2 class="first">{prog.heading}</h2>',
         f'<p class="sub1">{prog.subheadings[0]}</p>',
         f'<p class="sub2">{html.escape(prog.subheadings[1])}</p>']
    for b in prog.blocks:
        if isinstance(b, It):
            f.append(f'<p class="para">{to_html(b.text)}</p>')
        else:
            f.append('<div class="row"><div class="lab">' + to_html(b.label) + "</div>"
                     '<div class="ents">' + "".join(f"<p>{to_html(e.text)}</p>"
                                                    for e in b.entries) + "</div></div>")
    f.append(f"<h2>{act.heading}</h2><ul class=\"events\">")
    for it in act.blocks:
        f.append(f'<li><span class="title">{to_html(it.text)}</span><ul class="sq">'
                 + "".join(f"<li>{to_html(c.text)}</li>" for c in it.children)
                 + "</ul></li>")
    f.append("</ul>")
    f.append(f'<h2>{ref.heading}</h2><ul class="sq">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in ref.blocks) + "</ul>")
    f.append(f'<h2>{sugg.heading}</h2><ul class="sq">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in sugg.blocks) + "</ul>")
    notes = ('<div class="notes">' + "".join(f"<p>{note_html(f)}</p>" for f in s.footnotes)
             + "</div>")
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{word_faces()}'
            f'{CSS}</style></head><body><div class="sheet">{head}'
            f'<div class="flow">{"".join(f)}</div>{notes}</div></body></html>')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)
