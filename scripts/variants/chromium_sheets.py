"""Variant samples printed by Chromium: Niger (fr, portrait) and Belgique (fr, landscape,
CSS multi-column flow)."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.paths import LIBERATION
from samplekit.producers import print_pdf
from variants.spec import D, It, TL, Sec, Footnote, Sample, TOKEN, Y2022, WINGDINGS, sec_of

# ----------------------------------------------------------------- Niger ------------
NIGER = Sample(
    name="chromium-niger-fr", producer="chromium", language="fr", title="Niger",
    header_lines=["Pays référent",
                  "Domaine 4 : Prévention de la migration irrégulière, du trafic de migrants "
                  "et de la traite des êtres humains"],
    domain_number=4,
    domain_title="Prévention de la migration irrégulière, du trafic de migrants et de la "
                 "traite des êtres humains",
    action_number=17,
    action_title="Renforcer les capacités des autorités compétentes en matière de lutte "
                 "contre le trafic de migrants et la traite des êtres humains",
    pages=1, footnote_page=1,
    sections=[
        Sec("progress", "Progrès",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 17 : Renforcer les capacités des autorités compétentes en "
                         "matière de lutte contre le trafic de migrants et la traite des "
                         "êtres humains"],
            blocks=[
                It("Adoption en 2015 de la loi relative au trafic illicite de migrants, dont "
                   "la mise en œuvre est suivie par une commission nationale.",
                   date=D("2015", "2015-01-01", "2015-12-31", "year", "", "2015"),
                   dates=[("2015", "2015")]),
                It("Création de l’Agence nationale de lutte contre la traite des personnes "
                   "(ANLTP)[^1] au sein du ministère de la Justice.",
                   refs=[("1", "ANLTP")]),
                TL("Depuis 2019",
                   D("Depuis 2019", "2019-01-01", None, "year", "since", "2019/.."),
                   [It("Déploiement de brigades mobiles de contrôle aux postes frontières de "
                       "la région d’Agadez.")]),
                TL("2020 – 2022",
                   D("2020 – 2022", "2020-01-01", "2022-12-31", "year", "range", "2020/2022"),
                   [It("Projet de renforcement des capacités des magistrats et des officiers "
                       "de police judiciaire, mis en œuvre avec l’ONUDC[^2].",
                       refs=[("2", "ONUDC")])]),
                TL("Janv.–mars 2022",
                   D("Janv.–mars 2022", "2022-01-01", "2022-03-31", "month", "range",
                     "2022-01/2022-03"),
                   [It("Campagne nationale de sensibilisation aux risques de la migration "
                       "irrégulière dans les régions de Tahoua et de Zinder."),
                    It("Formation de 60 agents de la police des frontières à l’identification "
                       "des victimes de la traite.")]),
                TL("T4 2022",
                   D("T4 2022", "2022-10-01", "2022-12-31", "quarter", "", "2022-36"),
                   [It("Validation de la stratégie nationale de lutte contre la traite par le "
                       "Conseil des ministres.")]),
                TL("Fin 2022",
                   D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                   [It("Ouverture à Niamey d’un centre d’accueil pour les victimes de la "
                       "traite.")]),
            ]),
        Sec("activities", "Activités en 2022", heading_date=Y2022, blocks=[
            It("Atelier régional sur la lutte contre le trafic de migrants, Niamey, du 14 au "
               "16 juin 2022",
               date=D("du 14 au 16 juin 2022", "2022-06-14", "2022-06-16", "day", "range",
                      "2022-06-14/2022-06-16"),
               dates=[("du 14 au 16 juin 2022", "2022-06-14/2022-06-16")],
               children=[
                   It("Participation de 11 pays du Processus de Rabat et de l’OIM.[^3]",
                      refs=[("3", "OIM")]),
                   It("Adoption de recommandations sur la coopération judiciaire "
                      "transfrontalière."),
               ]),
            It("Visite d’étude en Italie, octobre 2022",
               date=D("octobre 2022", "2022-10-01", "2022-10-31", "month", "", "2022-10"),
               dates=[("octobre 2022", "2022-10")],
               children=[
                   It("Échanges avec les services italiens de police des frontières sur "
                      "l’identification des victimes."),
               ]),
            It("Réunion thématique du Processus de Rabat, mi-2022",
               date=D("mi-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
               dates=[("mi-2022", "2022-38")],
               children=[
                   It("Présentation des résultats du projet de brigades mobiles."),
               ]),
        ]),
        Sec("referent_system", "Le système des pays référents", blocks=[
            It("Renforce le dialogue entre pays d’origine, de transit et de destination."),
            It("Permet au Niger de partager son expérience en matière de lutte contre la "
               "traite."),
            It("Facilite la mobilisation de partenaires techniques et financiers."),
        ]),
        Sec("suggestions", "Suggestions pour l’avenir", blocks=[
            It("Organiser un atelier régional sur la protection des victimes de la traite au "
               "1er semestre 2023.",
               date=D("1er semestre 2023", "2023-01-01", "2023-06-30", "half", "", "2023-40"),
               dates=[("1er semestre 2023", "2023-40")]),
            It("Élaborer un guide commun d’identification des victimes, à partir de 2024.",
               date=D("à partir de 2024", "2024-01-01", None, "year", "since", "2024/.."),
               dates=[("à partir de 2024", "2024/..")]),
            It("Partager les bonnes pratiques avec les autres pays référents."),
        ]),
    ],
    footnotes=[
        Footnote("1", "ANLTP", "Agence nationale de lutte contre la traite des personnes"),
        Footnote("2", "ONUDC", "Office des Nations unies contre la drogue et le crime"),
        Footnote("3", "OIM", "Organisation internationale pour les migrations"),
    ],
)

# ----------------------------------------------------------------- Belgique ---------
BELGIQUE = Sample(
    name="chromium-belgique-fr", producer="chromium", language="fr", title="Belgique",
    header_lines=["Pays référent",
                  "Domaine 2 : Migration légale et mobilité"],
    domain_number=2, domain_title="Migration légale et mobilité",
    action_number=8,
    action_title="Faciliter la mobilité des travailleurs et renforcer les partenariats pour "
                 "les talents entre l’Europe et l’Afrique",
    pages=1, footnote_page=1,
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


def sup_html(markup: str) -> str:
    out, pos = [], 0
    for m in TOKEN.finditer(markup):
        out.append(html.escape(markup[pos:m.start()], quote=False))
        out.append(f'<sup class="fn">{m.group(1)}</sup>')
        pos = m.end()
    out.append(html.escape(markup[pos:], quote=False))
    return "".join(out).replace("\n", "<br>")


def faces() -> str:
    fam = [("FxArial", 400, LIBERATION / "LiberationSans-Regular.ttf"),
           ("FxArial", 700, LIBERATION / "LiberationSans-Bold.ttf"),
           ("FxTimes", 400, LIBERATION / "LiberationSerif-Regular.ttf"),
           ("FxTimes", 700, LIBERATION / "LiberationSerif-Bold.ttf"),
           ("FxMono", 400, LIBERATION / "LiberationMono-Regular.ttf"),
           ("FxWing", 400, WINGDINGS)]
    return "\n".join(f'@font-face {{ font-family: "{f}"; font-weight: {w}; '
                     f'src: url("file://{p}") format("truetype"); }}' for f, w, p in fam)


# ---- Niger: portrait, labels to the RIGHT of entries; sentence-case coloured headings ---

NIGER_CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxArial"; font-size: 9pt; line-height: 1.32; color: #222;
       hyphens: manual; }
p { margin: 0; }
.sheet { width: 210mm; height: 296mm; box-sizing: border-box; padding: 26pt 30pt 20pt;
         position: relative; }
.head { border-bottom: 3pt solid #C4551B; padding: 0 0 8pt; margin-bottom: 12pt; }
.head .kind { font-size: 10pt; font-weight: 700; color: #C4551B; letter-spacing: 0.3pt; }
.head .title { font-size: 30pt; font-weight: 700; color: #1F3A5F; line-height: 1.1; }
.head .dom { font-size: 10pt; color: #1F3A5F; line-height: 1.3; }
h2 { font-size: 10.5pt; font-weight: 700; color: #C4551B; margin: 0 0 4pt; }
.sub1 { font-weight: 700; color: #1F3A5F; margin-bottom: 1pt; }
.sub2 { font-weight: 700; margin-bottom: 5pt; }
.para { margin-bottom: 4pt; }
.prog { margin-bottom: 12pt; }
.tl { margin-top: 6pt; border-top: 0.6pt solid #C4551B; }
.row { display: flex; flex-direction: row; align-items: flex-start; column-gap: 14pt;
       border-bottom: 0.6pt solid #E3C8B8; padding: 3pt 0; }
.ents { flex: 1 1 auto; }
.ents p + p { margin-top: 3pt; }
.lab { flex: 0 0 86pt; font-weight: 700; color: #C4551B; text-align: left;
       border-left: 2pt solid #C4551B; padding-left: 6pt; }
.cols { display: flex; flex-direction: row; column-gap: 20pt; }
.left { flex: 0 0 290pt; }
.right { flex: 1 1 auto; }
ul { margin: 0; padding: 0; }
ul.events { list-style: none; }
ul.events > li { margin-bottom: 6pt; }
ul.events .title { font-weight: 700; display: block; margin-bottom: 1pt; }
ul.sub { list-style-type: "o"; padding-left: 14pt; }
ul.sub li { padding-left: 4pt; margin-bottom: 1.5pt; }
ul.sub li::marker { font-family: "FxMono"; font-size: 9pt; color: #C4551B; }
ul.tri { list-style-type: "▸"; padding-left: 12pt; margin-bottom: 10pt; }
ul.tri li { padding-left: 4pt; margin-bottom: 2pt; }
ul.tri li::marker { color: #1F3A5F; }
ul.dash { list-style-type: "–"; padding-left: 12pt; }
ul.dash li { padding-left: 4pt; margin-bottom: 2pt; }
.notes { position: absolute; left: 30pt; right: 30pt; bottom: 24pt; font-size: 7pt;
         line-height: 1.35; color: #333; }
.notes::before { content: ""; display: block; width: 60pt; border-top: 0.5pt solid #333;
                 margin-bottom: 3pt; }
sup.fn { font-size: 65%; line-height: 0; vertical-align: super; }
"""


def html_niger(s: Sample) -> str:
    prog, act, ref, sugg = (sec_of(s, k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    dom1 = "Domaine 4 : Prévention de la migration irrégulière,"
    dom2 = "du trafic de migrants et de la traite des êtres humains"
    assert f"{dom1} {dom2}" == s.header_lines[1]
    head = (f'<div class="head"><p class="kind">{s.header_lines[0]}</p>'
            f'<p class="title">{s.title}</p>'
            f'<p class="dom">{html.escape(dom1)}<br>{html.escape(dom2)}</p></div>')
    p = [f"<h2>{prog.heading}</h2>", f'<p class="sub1">{prog.subheadings[0]}</p>',
         f'<p class="sub2">{prog.subheadings[1]}</p>']
    rows = []
    for b in prog.blocks:
        if isinstance(b, It):
            p.append(f'<p class="para">{sup_html(b.text)}</p>')
        else:
            rows.append('<div class="row"><div class="ents">'
                        + "".join(f"<p>{sup_html(e.text)}</p>" for e in b.entries)
                        + f'</div><div class="lab">{sup_html(b.label)}</div></div>')
    prog_html = '<div class="prog">' + "".join(p) + '<div class="tl">' + "".join(rows) + \
        "</div></div>"
    ev = ['<ul class="events">']
    for it in act.blocks:
        ev.append(f'<li><span class="title">{sup_html(it.text)}</span><ul class="sub">'
                  + "".join(f"<li>{sup_html(c.text)}</li>" for c in it.children)
                  + "</ul></li>")
    ev.append("</ul>")
    left = f'<div class="left"><h2>{act.heading}</h2>{"".join(ev)}</div>'
    right = (f'<div class="right"><h2>{ref.heading}</h2><ul class="tri">'
             + "".join(f"<li>{sup_html(i.text)}</li>" for i in ref.blocks) + "</ul>"
             f'<h2>{sugg.heading}</h2><ul class="dash">'
             + "".join(f"<li>{sup_html(i.text)}</li>" for i in sugg.blocks) + "</ul></div>")
    notes = '<div class="notes">' + "".join(
        f'<p><sup class="fn">{f.marker}</sup> {html.escape(f.term + f.sep + f.expansion)}</p>'
        for f in s.footnotes) + "</div>"
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{faces()}'
            f'{NIGER_CSS}</style></head><body><div class="sheet">{head}{prog_html}'
            f'<div class="cols">{left}{right}</div>{notes}</div></body></html>')


# ---- Belgique: landscape, three CSS columns (column-rule, no boxes), justified serif body,
#      Wingdings "§" bullets, header title left / lines right, labels broken over 2 lines ----

BEL_CSS = """
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


def html_belgique(s: Sample) -> str:
    prog, act, ref, sugg = (sec_of(s, k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    head = (f'<div class="head"><p class="title">{s.title}</p><div class="lines">'
            f'<p class="kind">{s.header_lines[0]}</p><p>{html.escape(s.header_lines[1])}</p>'
            "</div></div>")
    f = [f'<h2 class="first">{prog.heading}</h2>',
         f'<p class="sub1">{prog.subheadings[0]}</p>',
         f'<p class="sub2">{html.escape(prog.subheadings[1])}</p>']
    for b in prog.blocks:
        if isinstance(b, It):
            f.append(f'<p class="para">{sup_html(b.text)}</p>')
        else:
            f.append('<div class="row"><div class="lab">' + sup_html(b.label) + "</div>"
                     '<div class="ents">' + "".join(f"<p>{sup_html(e.text)}</p>"
                                                    for e in b.entries) + "</div></div>")
    f.append(f"<h2>{act.heading}</h2><ul class=\"events\">")
    for it in act.blocks:
        f.append(f'<li><span class="title">{sup_html(it.text)}</span><ul class="sq">'
                 + "".join(f"<li>{sup_html(c.text)}</li>" for c in it.children)
                 + "</ul></li>")
    f.append("</ul>")
    f.append(f'<h2>{ref.heading}</h2><ul class="sq">'
             + "".join(f"<li>{sup_html(i.text)}</li>" for i in ref.blocks) + "</ul>")
    f.append(f'<h2>{sugg.heading}</h2><ul class="sq">'
             + "".join(f"<li>{sup_html(i.text)}</li>" for i in sugg.blocks) + "</ul>")
    notes = '<div class="notes">' + "".join(
        f'<p><sup class="fn">{n.marker}</sup> {html.escape(n.term + n.sep + n.expansion)}</p>'
        for n in s.footnotes) + "</div>"
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{faces()}'
            f'{BEL_CSS}</style></head><body><div class="sheet">{head}'
            f'<div class="flow">{"".join(f)}</div>{notes}</div></body></html>')


SAMPLES = [NIGER, BELGIQUE]
_HTML = {NIGER.name: html_niger, BELGIQUE.name: html_belgique}


def make(s: Sample, pdf: Path, work: Path) -> None:
    page = work / f"{s.name}.html"
    page.write_text(_HTML[s.name](s), encoding="utf-8")
    print_pdf(page, pdf)
