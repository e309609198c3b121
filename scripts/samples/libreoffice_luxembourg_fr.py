"""Luxembourg (fr), LibreOffice Writer, A4 portrait, 1 page: a "FICHE PAYS" banner line in
LARGER type than the country name under it; section headings as white bold text on a dark
paragraph background (a filled band across the text width); long progress paragraphs with
the date inside the sentence ("En janvier 2021, …", "depuis le 1er septembre 2021"); a
borderless two-column timeline table whose entry cells carry a left border (a vertical
line) with the labels right-aligned left of it ("Vers 2019", "De mars à mai 2022"); events
as a bold title, then the date alone on the next line (italic), then "–" sub-items, one of
which has its own date; the reference system and the suggestions side by side in a
two-column Writer section; Writer footnotes."""
from __future__ import annotations

from pathlib import Path

from samplekit.libreoffice import (Notes, base_styles, liberation_document, note_styles,
                                   writer_pdf)
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

DOMAIN_TITLE = ("Avantages de la migration en termes de développement et lutte contre les causes "
           "profondes de la migration irrégulière et du phénomène des personnes déplacées")
ACTION_TITLE = "Soutenir l’emploi des jeunes et l’entrepreneuriat dans les pays d’origine"


def event(title: str, date_line: str, d: D, children: list[It]) -> It:
    """An event printed as a title line, then a line with its date alone: one item whose
    text is both, dated by the date line."""
    return It(f"{title} {date_line}", pieces=[title, date_line], date=d,
              dates=[(d.text, d.edtf)], children=children)


SAMPLE = Sample(
    name="libreoffice-luxembourg-fr", producer="libreoffice", language="fr",
    title="Luxembourg",
    header_lines=["FICHE PAYS", "Pays référent", f"Domaine 1 : {DOMAIN_TITLE}"],
    domain_number=1, domain_title=DOMAIN_TITLE, action_number=4, action_title=ACTION_TITLE,
    pages=1,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         f"Action 4 : {ACTION_TITLE}"],
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
)


def fodt(s: Sample) -> str:
    notes = Notes(s.footnotes)
    NAVY, TEAL = "#1D2F4E", "#00A3A1"
    P = notes.p
    prog, act, ref, sug = (s.section(k) for k in
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
            t.append('<table:table-cell table:style-name="TL.ent" office:value-type="string">'
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

    styles = f"""{base_styles(f"{font} {lang}", "0.1cm", 115)}
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
 </style:style>{note_styles()}
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
    notes.check_all_cited()
    return liberation_document(s.title, styles, auto, master, body)


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)
