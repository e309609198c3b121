"""Congo (fr), LibreOffice Writer, A4 portrait, 2 pages: the header in a one-row table with a
dark cell background, the title in the left cell and "Pays référent" / the domain
right-aligned in the right cell; the timeline as a bordered THREE-column table (Date |
Activité | Partenaires) whose header row is a subheading and whose rows are one item each
(a repeated header row if the table ever breaks across pages; it does not, as laid out
now); activities numbered "1." with NO hanging indent (continuation lines start under the
number) and "◦" sub-items, the first event's sub-items on page 2; "►" bullets (DejaVu Sans)
for the reference-country points; real Writer footnotes numbered per PAGE (restart at 1 on
page 2); a running footer with the page number."""
from __future__ import annotations

from pathlib import Path

from samplekit.libreoffice import (Notes, base_styles, liberation_document, note_styles,
                                   writer_pdf)
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022, table_row

CNAR_IN_FULL = "Comité national d’assistance aux réfugiés"
ACTION_TITLE = ("Renforcer les capacités d’accueil et de protection des réfugiés et des "
                "demandeurs d’asile")
SAMPLE = Sample(
    name="libreoffice-congo-fr", producer="libreoffice", language="fr", title="Congo",
    header_lines=["Pays référent", "Domaine 3 : Protection et asile"],
    domain_number=3, domain_title="Protection et asile", action_number=12,
    action_title=ACTION_TITLE, pages=2,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         f"Action 12 : {ACTION_TITLE}", "Date Activité Partenaires"],
            blocks=[
                It("La République du Congo accueille plus de 60 000 réfugiés et demandeurs "
                   "d’asile, principalement dans les départements de la Likouala, des "
                   "Plateaux et du Pool."),
                It("Le Comité national d’assistance aux réfugiés (CNAR)[^1] coordonne la "
                   "réponse nationale avec les agences des Nations unies et les organisations "
                   "non gouvernementales présentes dans les zones d’accueil.",
                   refs=[("1", "CNAR")]),
                It("Une loi sur l’asile et la protection des réfugiés est en cours "
                   "d’élaboration ; elle doit remplacer les dispositions transitoires "
                   "actuellement en vigueur et préciser les droits des réfugiés en matière "
                   "d’emploi, d’éducation, de logement et de santé."),
                It("Les réfugiés centrafricains et rwandais représentent la majorité des "
                   "personnes enregistrées ; un nombre croissant de demandeurs d’asile arrive "
                   "également de la République démocratique du Congo voisine, notamment par "
                   "le fleuve Oubangui."),
                table_row("2015-2016",
                          D("2015-2016", "2015-01-01", "2016-12-31", "year", "range", "2015/2016"),
                          "Élaboration de la stratégie nationale pour les solutions durables en "
                          "faveur des réfugiés",
                          "CNAR, Banque mondiale"),
                table_row("2017-2019",
                          D("2017-2019", "2017-01-01", "2019-12-31", "year", "range", "2017/2019"),
                          "Enregistrement biométrique des réfugiés installés dans la Likouala",
                          "CNAR, HCR[^2]",
                          refs=[("2", "HCR")]),
                table_row("Depuis mars 2020",
                          D("Depuis mars 2020", "2020-03-01", None, "month", "since", "2020-03/.."),
                          "Accès des enfants réfugiés aux écoles publiques de Bétou et d’Impfondo",
                          "Ministère de l’Enseignement primaire, UNICEF"),
                table_row("Mi-2020",
                          D("Mi-2020", "2020-05-01", "2020-08-31", "third", "mid", "2020-38"),
                          "Adoption du décret relatif à la procédure de détermination du statut de "
                          "réfugié",
                          "Ministère de la Justice"),
                table_row("T1 2021",
                          D("T1 2021", "2021-01-01", "2021-03-31", "quarter", "", "2021-33"),
                          "Formation de 40 agents de la police des frontières à l’accueil des "
                          "demandeurs d’asile",
                          "CNAR, OIM[^3]",
                          refs=[("3", "OIM")]),
                table_row("De 2021 à juin 2022",
                          D("De 2021 à juin 2022", "2021-01-01", "2022-06-30", "month", "range",
                            "2021/2022-06"),
                          "Projet d’autonomisation économique des réfugiés centrafricains par "
                          "l’agriculture et le petit commerce",
                          "Union européenne, PAM"),
                table_row("25/03/2022",
                          D("25/03/2022", "2022-03-25", "2022-03-25", "day", "", "2022-03-25"),
                          "Lancement de la carte d’identité de réfugié sécurisée",
                          "CNAR, HCR"),
                table_row("Été 2022",
                          D("Été 2022", "2022-06-01", "2022-08-31", "season", "", "2022-22"),
                          "Campagne d’enregistrement des naissances dans les sites d’accueil",
                          "Mairies de la Likouala, HCR"),
                table_row("Hiver 2022",
                          D("Hiver 2022", "2022-12-01", "2023-02-28", "season", "", "2022-24"),
                          "Distribution de kits d’hygiène et d’abris renforcés aux familles "
                          "nouvellement arrivées",
                          "Croix-Rouge congolaise"),
                table_row("Fin 2022",
                          D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                          "Ouverture d’un guichet d’assistance juridique gratuite à Brazzaville",
                          "Barreau de Brazzaville, UNFPA[^4]",
                          refs=[("4", "UNFPA")]),
                table_row("Jusqu’à fin 2023",
                          D("Jusqu’à fin 2023", None, "2023-12-31", "third", "until", "../2023-39"),
                          "Programme d’appui aux familles d’accueil congolaises dans les villages "
                          "frontaliers de la Likouala",
                          "PAM, FAO"),
            ]),
        Sec("activities", "ACTIVITÉS 2022", heading_date=Y2022, numbering=("1.",), blocks=[
            It("Réunion thématique régionale sur la protection des réfugiés en Afrique "
               "centrale, Brazzaville, du 17 au 19 mai 2022, en présence de huit États "
               "membres de la CEEAC",
               date=D("du 17 au 19 mai 2022", "2022-05-17", "2022-05-19", "day", "range",
                      "2022-05-17/2022-05-19"),
               dates=[("du 17 au 19 mai 2022", "2022-05-17/2022-05-19")],
               children=[It("Adoption d’une déclaration commune sur l’enregistrement des "
                            "naissances.", page=2),
                         It("Visite du site d’accueil de Bétou.", page=2)]),
            It("Visite d’étude au Cameroun sur l’intégration locale des réfugiés, en octobre "
               "2022, avec des représentants du CNAR et de trois préfectures",
               date=D("octobre 2022", "2022-10-01", "2022-10-31", "month", "", "2022-10"),
               dates=[("octobre 2022", "2022-10")], page=2,
               children=[It("Échanges avec les autorités régionales de l’Est du pays.")]),
            It("Atelier de validation du plan national de contingence pour l’accueil des "
               "réfugiés", page=2,
               children=[It("Participation de 35 représentants des ministères et de la "
                            "société civile.")]),
        ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", page=2, blocks=[
            It("Permet de partager l’expérience congolaise en matière d’accueil des "
               "réfugiés."),
            It("Facilite la mobilisation d’expertises techniques européennes."),
            It("Contribue au dialogue entre pays d’origine, de transit et de destination."),
        ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", page=2, blocks=[
            It("Organiser un échange d’expériences sur l’apatridie au 1er trimestre 2023.",
               date=D("1er trimestre 2023", "2023-01-01", "2023-03-31", "quarter", "",
                      "2023-33"),
               dates=[("1er trimestre 2023", "2023-33")]),
            It("Étendre le programme d’autonomisation à d’autres départements dès 2024.",
               date=D("dès 2024", "2024-01-01", None, "year", "since", "2024/.."),
               dates=[("dès 2024", "2024/..")]),
            It("Renforcer les capacités du CNAR[^1] en matière de gestion des données.",
               refs=[("1", "CNAR")]),
        ]),
    ],
    # Writer numbers the notes per page (start-numbering-at="page"): a note per citation,
    # with the number printed; the PDF check finds each number before its note
    footnotes=[
        Footnote("1", "CNAR", CNAR_IN_FULL, sep=" : "),
        Footnote("2", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : "),
        Footnote("3", "OIM", "Organisation internationale pour les migrations", sep=" : "),
        Footnote("4", "UNFPA", "Fonds des Nations unies pour la population", sep=" : "),
        Footnote("1", "CNAR", CNAR_IN_FULL, sep=" : ", page=2),
    ],
)


def fodt(s: Sample) -> str:
    notes = Notes(s.footnotes)
    RED, DARK = "#8C2331", "#2B2B2B"
    prog, act, ref, sug = (s.section(k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    P = notes.p
    body = [
        '<table:table table:name="Head" table:style-name="Head">'
        '<table:table-column table:style-name="Head.A"/>'
        '<table:table-column table:style-name="Head.B"/><table:table-row>'
        f'<table:table-cell table:style-name="Head.cell" office:value-type="string">'
        f'{P("HeadTitle", s.title)}</table:table-cell>'
        f'<table:table-cell table:style-name="Head.cell" office:value-type="string">'
        f'{P("HeadSmallBold", s.header_lines[0])}{P("HeadSmall", s.header_lines[1])}'
        f'</table:table-cell></table:table-row></table:table>']
    body.append(P("H1", prog.heading))
    body.append(P("Sub1", prog.subheadings[0]))
    body.append(P("Sub2", prog.subheadings[1]))
    for b in prog.blocks:
        if isinstance(b, It):
            body.append(P("Body", b.text))
    t = ['<table:table table:name="Timeline" table:style-name="TL">',
         '<table:table-column table:style-name="TL.A"/>',
         '<table:table-column table:style-name="TL.B"/>',
         '<table:table-column table:style-name="TL.C"/>',
         '<table:table-header-rows><table:table-row>']
    for h in ("Date", "Activité", "Partenaires"):
        t.append(f'<table:table-cell table:style-name="TL.head" office:value-type="string">'
                 f'{P("CellHead", h)}</table:table-cell>')
    t.append("</table:table-row></table:table-header-rows>")
    for b in prog.blocks:
        if isinstance(b, TL):
            act_, part = b.entries[0].pieces
            t.append('<table:table-row table:style-name="TL.row">')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("CellLabel", b.label)}</table:table-cell>')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("Cell", act_)}</table:table-cell>')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("Cell", part)}</table:table-cell>')
            t.append("</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    body.append(P("H1", act.heading))
    lis = []
    for it in act.blocks:
        sub = "".join(f'<text:list-item>{P("ListSub", c.text)}</text:list-item>'
                      for c in it.children)
        lis.append(f'<text:list-item>{P("ListEvent", it.text)}<text:list>{sub}</text:list>'
                   f'</text:list-item>')
    body.append(f'<text:list text:style-name="NumFlat">{"".join(lis)}</text:list>')
    body.append(P("H1", ref.heading))
    body.append('<text:list text:style-name="Tri">' + "".join(
        f'<text:list-item>{P("List", it.text)}</text:list-item>' for it in ref.blocks)
        + "</text:list>")
    body.append(P("H1", sug.heading))
    body.append('<text:list text:style-name="Dash">' + "".join(
        f'<text:list-item>{P("List", it.text)}</text:list-item>' for it in sug.blocks)
        + "</text:list>")

    font = 'style:font-name="Liberation Sans" fo:font-size="10pt"'
    lang = 'fo:language="fr" fo:country="FR" fo:hyphenate="false"'
    styles = f"""{base_styles(f"{font} {lang}", "0.12cm", 115)}
 <style:style style:name="HeadTitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="HeadSmallBold" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0.05cm" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#F4C542"/>
 </style:style>
 <style:style style:name="HeadSmall" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="10.5pt" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always" fo:border-bottom="1.5pt solid {RED}" fo:padding-bottom="0.05cm"/>
  <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="Sub1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.02cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="Sub2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="110%"/>
  <style:text-properties fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="CellLabel" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="ListEvent" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="ListSub" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.04cm"/>
 </style:style>
 <style:style style:name="List" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.06cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.35cm" fo:text-indent="-0.35cm" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="7.5pt" fo:color="#777777"/>
 </style:style>{note_styles("page")}
 <text:list-style style:name="NumFlat">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1" text:style-name="NumChar">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.4cm" fo:margin-left="0.9cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="DejaVu Sans"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Tri">
  <text:list-level-style-bullet text:level="1" text:bullet-char="►">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.5cm" fo:margin-left="0.5cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="DejaVu Sans" fo:color="{RED}"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Dash">
  <text:list-level-style-bullet text:level="1" text:bullet-char="–">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.5cm" fo:margin-left="0.5cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
 <style:style style:name="NumChar" style:family="text">
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>"""
    auto = f"""
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Head" style:family="table">
  <style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.3cm"/>
 </style:style>
 <style:style style:name="Head.A" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
 <style:style style:name="Head.B" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
 <style:style style:name="Head.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle" fo:padding="0.3cm" fo:background-color="{RED}" fo:border="none"/>
 </style:style>
 <style:style style:name="TL" style:family="table">
  <style:table-properties style:width="17cm" table:align="left" fo:margin-top="0.15cm" fo:margin-bottom="0.2cm" style:may-break-between-rows="true"/>
 </style:style>
 <style:style style:name="TL.A" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
 <style:style style:name="TL.B" style:family="table-column"><style:table-column-properties style:column-width="9.2cm"/></style:style>
 <style:style style:name="TL.C" style:family="table-column"><style:table-column-properties style:column-width="4.8cm"/></style:style>
 <style:style style:name="TL.row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
 <style:style style:name="TL.head" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle" fo:padding="0.1cm" fo:background-color="{DARK}" fo:border="0.5pt solid {DARK}"/>
 </style:style>
 <style:style style:name="TL.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding="0.12cm" fo:border="0.5pt solid #999999"/>
 </style:style>"""
    master = """
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">Processus de Rabat – Congo<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>"""
    notes.check_all_cited()
    return liberation_document(s.title, styles, auto, master, body)


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)
