"""Variant samples made with LibreOffice Writer (flat OpenDocument -> PDF): Congo (fr, 2
pages, a three-column table timeline, notes numbered per page) and Luxembourg (fr, 1 page,
band headings, events with a date line)."""
from __future__ import annotations

import copy
from pathlib import Path
from xml.sax.saxutils import escape

from samplekit.producers import ODF_NS, convert, fix_metadata
from variants2.spec import (D, It, TL, Sec, Footnote, Sample, TOKEN, Y2022, flatten, row,
                            sec_of)

FONT_DECLS = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans Narrow" svg:font-family="&apos;Liberation Sans Narrow&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>
</office:font-face-decls>"""


class Notes:
    """Writer footnotes for the [^m] markers of spec strings (a note per citation)."""

    def __init__(self, footnotes: list[Footnote], note_style: str = "Footnote"):
        self.notes = {f.marker: f for f in footnotes}
        self.cited: list[str] = []
        self.style = note_style

    def inline(self, markup: str) -> str:
        out, pos = [], 0
        for m in TOKEN.finditer(markup):
            out.append(escape(markup[pos:m.start()]))
            f = self.notes[m.group(1)]
            self.cited.append(f.marker)
            k = len(self.cited)
            out.append(f'<text:note text:id="ftn{k}" text:note-class="footnote">'
                       f'<text:note-citation>{f.marker}</text:note-citation><text:note-body>'
                       f'<text:p text:style-name="{self.style}">'
                       f'{escape(f.term + f.sep + f.expansion)}</text:p></text:note-body>'
                       f'</text:note>')
            pos = m.end()
        out.append(escape(markup[pos:]))
        return "".join(out)

    def p(self, style: str, markup: str) -> str:
        return f'<text:p text:style-name="{style}">{self.inline(markup)}</text:p>'


def document(title: str, styles: str, auto: str, master: str, body: list[str]) -> str:
    """A flat OpenDocument text."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF_NS} '
            f'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:meta><dc:title>{escape(title)}</dc:title></office:meta>{FONT_DECLS}"
            f"<office:styles>{styles}</office:styles>"
            f"<office:automatic-styles>{auto}</office:automatic-styles>"
            f"<office:master-styles>{master}</office:master-styles>"
            f"<office:body><office:text>\n" + "\n".join(body) +
            "\n</office:text></office:body></office:document>\n")



# ----------------------------------------------------------------- Congo ------------
# The header in a one-row table with a dark cell background, the title in the left cell and
# "Pays référent" / the domain right-aligned in the right cell; the timeline as a bordered
# THREE-column table (Date | Activité | Partenaires) with a header row (a repeated header
# row if the table ever breaks across pages; it does not, as laid out now); activities
# numbered "1." with NO hanging indent (continuation lines start under the number) and "◦"
# sub-items, the first event's sub-items on page 2; "►" bullets (DejaVu Sans) for the
# reference-country points; real Writer footnotes numbered per PAGE (restart at 1 on page
# 2); a running footer with the page number.

CONGO_ACTION = ("Renforcer les capacités d’accueil et de protection des réfugiés et des "
                "demandeurs d’asile")
CONGO = Sample(
    name="libreoffice-congo-fr", producer="libreoffice", language="fr", title="Congo",
    header_lines=["Pays référent", "Domaine 3 : Protection et asile"],
    domain_number=3, domain_title="Protection et asile", action_number=12,
    action_title=CONGO_ACTION, pages=2,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         f"Action 12 : {CONGO_ACTION}", "Date Activité Partenaires"],
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
                row("2015-2016", D("2015-2016", "2015-01-01", "2016-12-31", "year", "range",
                                   "2015/2016"),
                    "Élaboration de la stratégie nationale pour les solutions durables en "
                    "faveur des réfugiés", "CNAR, Banque mondiale"),
                row("2017-2019", D("2017-2019", "2017-01-01", "2019-12-31", "year", "range",
                                   "2017/2019"),
                    "Enregistrement biométrique des réfugiés installés dans la Likouala",
                    "CNAR, HCR[^2]", refs=[("2", "HCR")]),
                row("Depuis mars 2020",
                    D("Depuis mars 2020", "2020-03-01", None, "month", "since", "2020-03/.."),
                    "Accès des enfants réfugiés aux écoles publiques de Bétou et d’Impfondo",
                    "Ministère de l’Enseignement primaire, UNICEF"),
                row("Mi-2020", D("Mi-2020", "2020-05-01", "2020-08-31", "third", "mid",
                                 "2020-38"),
                    "Adoption du décret relatif à la procédure de détermination du statut de "
                    "réfugié", "Ministère de la Justice"),
                row("T1 2021", D("T1 2021", "2021-01-01", "2021-03-31", "quarter", "",
                                 "2021-33"),
                    "Formation de 40 agents de la police des frontières à l’accueil des "
                    "demandeurs d’asile", "CNAR, OIM[^3]", refs=[("3", "OIM")]),
                row("De 2021 à juin 2022",
                    D("De 2021 à juin 2022", "2021-01-01", "2022-06-30", "month", "range",
                      "2021/2022-06"),
                    "Projet d’autonomisation économique des réfugiés centrafricains par "
                    "l’agriculture et le petit commerce", "Union européenne, PAM"),
                row("25/03/2022", D("25/03/2022", "2022-03-25", "2022-03-25", "day", "",
                                    "2022-03-25"),
                    "Lancement de la carte d’identité de réfugié sécurisée",
                    "CNAR, HCR"),
                row("Été 2022", D("Été 2022", "2022-06-01", "2022-08-31", "season", "",
                                  "2022-22"),
                    "Campagne d’enregistrement des naissances dans les sites d’accueil",
                    "Mairies de la Likouala, HCR"),
                row("Hiver 2022", D("Hiver 2022", "2022-12-01", "2023-02-28", "season", "",
                                    "2022-24"),
                    "Distribution de kits d’hygiène et d’abris renforcés aux familles "
                    "nouvellement arrivées", "Croix-Rouge congolaise"),
                row("Fin 2022", D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late",
                                  "2022-39"),
                    "Ouverture d’un guichet d’assistance juridique gratuite à Brazzaville",
                    "Barreau de Brazzaville, UNFPA[^4]", refs=[("4", "UNFPA")]),
                row("Jusqu’à fin 2023",
                    D("Jusqu’à fin 2023", None, "2023-12-31", "third", "until", "../2023-39"),
                    "Programme d’appui aux familles d’accueil congolaises dans les villages "
                    "frontaliers de la Likouala", "PAM, FAO"),
            ]),
        Sec("activities", "ACTIVITÉS 2022", heading_date=Y2022, blocks=[
            It("Réunion thématique régionale sur la protection des réfugiés en Afrique "
               "centrale, Brazzaville, du 17 au 19 mai 2022, en présence de huit États "
               "membres de la CEEAC",
               date=D("du 17 au 19 mai 2022", "2022-05-17", "2022-05-19", "day", "range",
                      "2022-05-17/2022-05-19"),
               dates=[("du 17 au 19 mai 2022", "2022-05-17/2022-05-19")],
               children=[It("Adoption d’une déclaration commune sur l’enregistrement des "
                            "naissances."),
                         It("Visite du site d’accueil de Bétou.")]),
            It("Visite d’étude au Cameroun sur l’intégration locale des réfugiés, en octobre "
               "2022, avec des représentants du CNAR et de trois préfectures",
               date=D("octobre 2022", "2022-10-01", "2022-10-31", "month", "", "2022-10"),
               dates=[("octobre 2022", "2022-10")],
               children=[It("Échanges avec les autorités régionales de l’Est du pays.")]),
            It("Atelier de validation du plan national de contingence pour l’accueil des "
               "réfugiés",
               children=[It("Participation de 35 représentants des ministères et de la "
                            "société civile.")]),
        ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", blocks=[
            It("Permet de partager l’expérience congolaise en matière d’accueil des "
               "réfugiés."),
            It("Facilite la mobilisation d’expertises techniques européennes."),
            It("Contribue au dialogue entre pays d’origine, de transit et de destination."),
        ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", blocks=[
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
    # Writer numbers the notes per page: these markers are keys, one per term; make() renames
    # them to the numbers printed and sets the pages (one footnote per citation)
    footnotes=[
        Footnote("1", "CNAR", "Comité national d’assistance aux réfugiés", sep=" : "),
        Footnote("2", "HCR", "Haut-Commissariat des Nations unies pour les réfugiés",
                 sep=" : "),
        Footnote("3", "OIM", "Organisation internationale pour les migrations", sep=" : "),
        Footnote("4", "UNFPA", "Fonds des Nations unies pour la population", sep=" : "),
    ],
    footnote_pages=[],
)


def build_congo(s: Sample, notes: Notes) -> str:
    RED, DARK = "#8C2331", "#2B2B2B"
    prog, act, ref, sug = (sec_of(s, k) for k in
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
    styles = f"""
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties {font} {lang}/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm" fo:line-height="115%"/>
  <style:text-properties {font} {lang}/>
 </style:style>
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
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="page"/>
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
    return document(s.title, styles, auto, master, body)


def _renamed(markups: list[str], markers: list[str]) -> list[str]:
    """The markers of the strings, in order, replaced by `markers`."""
    k = iter(markers)
    return [TOKEN.sub(lambda _m: f"[^{next(k)}]", m) for m in markups]


def renumber_per_page(s: Sample, pdf: Path, cited: list[str]) -> Sample:
    """Writer numbers the notes per page, so the numbers printed are known only once the
    document is laid out. A copy of the spec whose markers are the numbers printed, with one
    footnote per citation (`cited`: the spec's markers in citation order) on the page where
    its note is printed."""
    import pdfplumber
    keys = {f.marker: f for f in s.footnotes}
    with pdfplumber.open(pdf) as doc:
        texts = ["".join(c["text"] for c in p.chars).replace(" ", "") for p in doc.pages]
    printed = []                    # (page, position, key, the number printed before it)
    for pg, t in enumerate(texts, 1):
        for key, f in keys.items():
            body = (f.term + f.sep + f.expansion).replace(" ", "")
            i = t.find(body)
            while i >= 0:
                printed.append((pg, i, key, t[i - 1]))
                i = t.find(body, i + 1)
    printed.sort()
    assert [key for _pg, _i, key, _n in printed] == cited, (printed, cited)
    out = copy.deepcopy(s)
    numbers = iter([n for _pg, _i, _key, n in printed])
    for it, *_ in flatten(out):
        if not it.refs:
            continue
        it.refs = [(next(numbers), anchor) for _m, anchor in it.refs]
        new = [m for m, _a in it.refs]
        [it.text] = _renamed([it.text], new)
        if it.pieces:           # the markers of the pieces, in order, are those of the text
            it.pieces = _renamed(it.pieces, new)
    out.footnotes = [Footnote(n, keys[key].term, keys[key].expansion, sep=keys[key].sep)
                     for _pg, _i, key, n in printed]
    out.footnote_pages = [pg for pg, _i, _key, _n in printed]
    return out


# ----------------------------------------------------------------- Luxembourg -------
# A "FICHE PAYS" banner line in LARGER type than the country name under it; section headings
# as white bold text on a dark paragraph background (a filled band across the text width);
# long progress paragraphs with the date inside the sentence ("En janvier 2021, …", "depuis
# le 1er septembre 2021"); a borderless two-column timeline table whose entry cells carry a
# left border (a vertical line) with the labels right-aligned left of it ("Vers 2019", "De
# mars à mai 2022"); events as a bold title, then the date alone on the next line (italic),
# then "–" sub-items, one of which has its own date; the reference system and the
# suggestions side by side in a two-column Writer section; Writer footnotes.

LUX_DOM = ("Avantages de la migration en termes de développement et lutte contre les causes "
           "profondes de la migration irrégulière et du phénomène des personnes déplacées")
LUX_ACTION = "Soutenir l’emploi des jeunes et l’entrepreneuriat dans les pays d’origine"


def event(title, dline, d, children):
    return It(f"{title} {dline}", pieces=[title, dline], date=d, dates=[(d.text, d.edtf)],
              children=children)


LUXEMBOURG = Sample(
    name="libreoffice-luxembourg-fr", producer="libreoffice", language="fr",
    title="Luxembourg",
    header_lines=["FICHE PAYS", "Pays référent", f"Domaine 1 : {LUX_DOM}"],
    domain_number=1, domain_title=LUX_DOM, action_number=4, action_title=LUX_ACTION,
    pages=1,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         f"Action 4 : {LUX_ACTION}"],
            blocks=[
                It("Le Luxembourg consacre environ 1 % de son revenu national brut à l’aide "
                   "publique au développement, mise en œuvre principalement par l’agence "
                   "LuxDev[^1].", refs=[("1", "LuxDev")]),
                It("En janvier 2021, le ministère des Affaires étrangères et européennes a "
                   "lancé un programme de formation professionnelle au Cabo Verde et au "
                   "Sénégal, axé sur l’hôtellerie, les énergies renouvelables et le "
                   "numérique.",
                   date=D("janvier 2021", "2021-01-01", "2021-01-31", "month", "", "2021-01"),
                   dates=[("janvier 2021", "2021-01")]),
                It("Un fonds d’appui aux jeunes entrepreneurs, doté de 4 millions d’euros, "
                   "finance depuis le 1er septembre 2021 des projets portés par des membres "
                   "de la diaspora.",
                   date=D("depuis le 1er septembre 2021", "2021-09-01", None, "day", "since",
                          "2021-09-01/.."),
                   dates=[("depuis le 1er septembre 2021", "2021-09-01/..")]),
                TL("Vers 2019", D("Vers 2019", "2019-01-01", "2019-12-31", "year", "approx",
                                  "2019~"),
                   [It("Premières missions d’identification au Burkina Faso et au Niger.")]),
                TL("2e trimestre 2022",
                   D("2e trimestre 2022", "2022-04-01", "2022-06-30", "quarter", "",
                     "2022-34"),
                   [It("Signature d’un accord de partenariat avec l’OIT[^2] sur l’emploi "
                       "décent des jeunes.", refs=[("2", "OIT")])]),
                TL("De mars à mai 2022",
                   D("De mars à mai 2022", "2022-03-01", "2022-05-31", "month", "range",
                     "2022-03/2022-05"),
                   [It("Série de webinaires sur l’accès au crédit pour les jeunes "
                       "entreprises."),
                    It("Mise en ligne d’un guide pratique pour les porteurs de projets.")]),
                TL("Jusqu’en 2024",
                   D("Jusqu’en 2024", None, "2024-12-31", "year", "until", "../2024"),
                   [It("Financement de douze incubateurs d’entreprises en Afrique de "
                       "l’Ouest.")]),
            ]),
        Sec("activities", "ACTIVITÉS 2022", heading_date=Y2022, blocks=[
            event("Forum régional sur l’emploi des jeunes et la migration",
                  "du 21 au 23 septembre 2022",
                  D("du 21 au 23 septembre 2022", "2022-09-21", "2022-09-23", "day", "range",
                    "2022-09-21/2022-09-23"),
                  [It("Organisé à Dakar avec 16 pays partenaires du Processus de Rabat."),
                   It("Présentation des résultats du fonds d’appui aux jeunes "
                      "entrepreneurs.")]),
            event("Visite d’étude de responsables sénégalais au Luxembourg", "novembre 2022",
                  D("novembre 2022", "2022-11-01", "2022-11-30", "month", "", "2022-11"),
                  [It("Rencontres avec la Chambre de commerce et la House of "
                      "Entrepreneurship.")]),
            event("Réunion du comité de pilotage du programme", "fin 2022",
                  D("fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                  [It("Validation du plan de travail pour 2023.",
                      date=D("2023", "2023-01-01", "2023-12-31", "year", "", "2023"),
                      dates=[("2023", "2023")]),
                   It("Point sur les indicateurs de suivi.")]),
        ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", blocks=[
            It("Met en valeur l’approche luxembourgeoise du lien entre migration et "
               "développement."),
            It("Favorise les partenariats entre agences de développement européennes et "
               "africaines."),
            It("Contribue au suivi du Plan d’Action de Marrakech."),
        ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", blocks=[
            It("Organiser un atelier sur la certification des compétences au 1er semestre "
               "2023.",
               date=D("1er semestre 2023", "2023-01-01", "2023-06-30", "half", "", "2023-40"),
               dates=[("1er semestre 2023", "2023-40")]),
            It("Étendre le fonds d’appui à deux nouveaux pays partenaires en 2024.",
               date=D("2024", "2024-01-01", "2024-12-31", "year", "", "2024"),
               dates=[("2024", "2024")]),
            It("Associer la diaspora à l’évaluation du programme."),
        ]),
    ],
    footnotes=[
        Footnote("1", "LuxDev", "Agence luxembourgeoise pour la coopération au "
                 "développement", sep=" : "),
        Footnote("2", "OIT", "Organisation internationale du travail", sep=" : "),
    ],
    footnote_pages=[1, 1],
)


def build_luxembourg(s: Sample, notes: Notes) -> str:
    NAVY, TEAL = "#1D2F4E", "#00A3A1"
    P = notes.p
    prog, act, ref, sug = (sec_of(s, k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    body = [P("Banner", s.header_lines[0]), P("Country", s.title),
            P("HeadSmallBold", s.header_lines[1]), P("HeadSmall", s.header_lines[2]),
            P("Band", prog.heading), P("Sub1", prog.subheadings[0]),
            P("Sub2", prog.subheadings[1])]
    for b in prog.blocks:
        if isinstance(b, It):
            body.append(P("Body", b.text))
    t = ['<table:table table:name="TL" table:style-name="TL">',
         '<table:table-column table:style-name="TL.A"/>',
         '<table:table-column table:style-name="TL.B"/>']
    for b in prog.blocks:
        if isinstance(b, TL):
            t.append("<table:table-row>")
            t.append(f'<table:table-cell table:style-name="TL.lab" office:value-type="string">'
                     f'{P("Label", b.label)}</table:table-cell>')
            t.append(f'<table:table-cell table:style-name="TL.ent" office:value-type="string">'
                     + "".join(P("Entry", e.text) for e in b.entries) + "</table:table-cell>")
            t.append("</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    body.append(P("Band", act.heading))
    for it in act.blocks:
        title, dline = it.pieces
        body.append(P("EvTitle", title))
        body.append(P("EvDate", dline))
        body.append('<text:list text:style-name="Dash">' + "".join(
            f'<text:list-item>{P("List", c.text)}</text:list-item>' for c in it.children)
            + "</text:list>")
    cols = [P("Band", ref.heading),
            '<text:list text:style-name="Arrow">' + "".join(
                f'<text:list-item>{P("List", x.text)}</text:list-item>' for x in ref.blocks)
            + "</text:list>",
            P("BandColBreak", sug.heading),
            '<text:list text:style-name="Bul">' + "".join(
                f'<text:list-item>{P("List", x.text)}</text:list-item>' for x in sug.blocks)
            + "</text:list>"]
    body.append('<text:section text:style-name="Sect2" text:name="Bottom">' + "".join(cols)
                + "</text:section>")

    font = 'style:font-name="Liberation Sans" fo:font-size="9.5pt"'
    lang = 'fo:language="fr" fo:country="FR" fo:hyphenate="false"'

    def bullet_list(name, char, fontname=None, color=None):
        tp = ""
        if fontname or color:
            tp = ("<style:text-properties" + (f' style:font-name="{fontname}"' if fontname else "")
                  + (f' fo:color="{color}"' if color else "") + "/>")
        return (f'<text:list-style style:name="{name}"><text:list-level-style-bullet '
                f'text:level="1" text:bullet-char="{char}"><style:list-level-properties '
                f'text:list-level-position-and-space-mode="label-alignment">'
                f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                f'text:list-tab-stop-position="0.45cm" fo:text-indent="-0.45cm" '
                f'fo:margin-left="0.45cm"/></style:list-level-properties>{tp}'
                f'</text:list-level-style-bullet></text:list-style>')

    styles = f"""
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties {font} {lang}/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm" fo:line-height="115%"/>
  <style:text-properties {font} {lang}/>
 </style:style>
 <style:style style:name="Banner" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="30pt" fo:font-weight="bold" fo:color="#A9B8CF" fo:letter-spacing="0.03cm"/>
 </style:style>
 <style:style style:name="Country" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="HeadSmallBold" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="HeadSmall" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="Band" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always" fo:background-color="{NAVY}" fo:padding-left="0.2cm" fo:padding-top="0.06cm" fo:padding-bottom="0.06cm"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="BandColBreak" style:family="paragraph" style:parent-style-name="Band">
  <style:paragraph-properties fo:break-before="column" fo:margin-top="0cm"/>
 </style:style>
 <style:style style:name="Sub1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.02cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="Sub2" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Label" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}" fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Entry" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.08cm"/>
 </style:style>
 <style:style style:name="EvTitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:margin-top="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold" fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="EvDate" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.04cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-style="italic" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="List" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.3cm" fo:text-indent="-0.3cm" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 {bullet_list("Dash", "–", color=TEAL)}
 {bullet_list("Arrow", "→", fontname="DejaVu Sans", color=TEAL)}
 {bullet_list("Bul", "•", color=TEAL)}"""
    auto = f"""
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
 </style:page-layout>
 <style:style style:name="TL" style:family="table">
  <style:table-properties style:width="17.4cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="TL.A" style:family="table-column"><style:table-column-properties style:column-width="3.4cm"/></style:style>
 <style:style style:name="TL.B" style:family="table-column"><style:table-column-properties style:column-width="14cm"/></style:style>
 <style:style style:name="TL.lab" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding-right="0.3cm" fo:padding-top="0.05cm" fo:padding-bottom="0.1cm" fo:border="none"/>
 </style:style>
 <style:style style:name="TL.ent" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding-left="0.3cm" fo:padding-top="0.05cm" fo:padding-bottom="0.1cm" fo:border-left="1.5pt solid {TEAL}" fo:border-right="none" fo:border-top="none" fo:border-bottom="none"/>
 </style:style>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties text:dont-balance-text-columns="true">
   <style:columns fo:column-count="2" fo:column-gap="0.6cm"/>
  </style:section-properties>
 </style:style>"""
    master = """
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>"""
    return document(s.title, styles, auto, master, body)


SAMPLES = [CONGO, LUXEMBOURG]
_BUILD = {CONGO.name: build_congo, LUXEMBOURG.name: build_luxembourg}


def make(s: Sample, pdf: Path, work: Path) -> Sample:
    notes = Notes(s.footnotes)
    fodt = work / f"{s.name}.fodt"
    fodt.write_text(_BUILD[s.name](s, notes), encoding="utf-8")
    out = convert(fodt, work, work / "profile")
    pdf.write_bytes(fix_metadata(out.read_bytes(), s.name))
    if s is CONGO:
        return renumber_per_page(s, pdf, notes.cited)
    return s
