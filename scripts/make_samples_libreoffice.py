#!/usr/bin/env python3
"""Generate sample factsheets made by LibreOffice Writer (samples/libreoffice-*.pdf) and
their ground truth (tests/golden/libreoffice-*.json) from one content spec per sample.

Run by hand (CI never regenerates):

    .venv/bin/python scripts/make_samples_libreoffice.py                 # all samples
    .venv/bin/python scripts/make_samples_libreoffice.py libreoffice-mali-fr

Needs Debian's LibreOffice Writer (`apt-get install libreoffice-writer-nogui`; `soffice`
on PATH, or SOFFICE=/path/to/soffice), the DejaVu fonts and OpenSymbol (installed with
LibreOffice). No Python dependency beyond the project itself: the OpenDocument is written
as a flat XML file (.fodt) by this script; pdfplumber (a project dependency) is only used
to check the PDF that LibreOffice made against the spec.

Each sample below is ONE data structure: the .fodt is written from it, LibreOffice lays it
out and exports the PDF, and the golden JSON is written from the same structure. Golden
dates are written by hand in the spec (the `D(...)` values); page numbers are written by
hand too (`page=`), and the script fails if the PDF does not put every item, heading and
footnote on the page the spec says. The only derivation is the contract's fallback rule (an
item without its own date takes its parent's, else its section heading's). The factextract
pipeline is never run here.

Text markup inside spec strings:
    [^1]   a real Writer footnote (text:note) on the word before; Writer numbers notes in
           order of appearance, so markers must be 1, 2, 3… in reading order. The note body
           is the Footnote's `term + sep + expansion`. Left out of the golden text.
    {shy}  U+00AD SOFT HYPHEN. Hyphenation is switched off in every paragraph style, so this
           is the only place a word may break; the script fails if LibreOffice did not break
           the line there (the golden text is the joined word either way).
    \\n     a forced line break (text:line-break) in a timeline label or heading.

Ground-truth conventions specific to Writer output:
  - list labels (bullets, arrows, the "1." of a numbered list) are not part of item text;
  - Writer prints each footnote at the foot of the page of its citation, so notes may sit on
    several pages; the golden keeps ONE `footnotes` section, last, on the page of the first
    note, and each footnote has its own page;
  - the running header/footer (with the text:page-number field) gives nothing.

Reproducibility: LibreOffice writes the export time into the PDF (/CreationDate in the Info
dictionary, the trailer /ID derived from it, and LibreOffice's own /DocChecksum). The script
(samplekit/producers.py) overwrites those bytes in place with fixed values of the same length
(so the cross-reference offsets stay valid): the date becomes FIXED_PDF_DATE, the /ID an MD5
of the sample name, the checksum an MD5 of the file with the checksum blanked. Everything
else LibreOffice writes (font subset tags included) was byte-identical between runs with
LibreOffice 7.4.7.2 (Debian 12); another LibreOffice build or font set will give other bytes.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from samplekit.checks import not_on_page, squash
from samplekit.golden import (D, Entry, flatten, golden as golden_json, markers_cited,
                              write_golden)
from samplekit.markup import Markup
from samplekit.paths import GOLDEN_DIR, ROOT, SAMPLES_DIR
from samplekit.producers import FIXED_ODF_DATE, ODF_NS, convert, fix_metadata


# --------------------------------------------------------------------------------------
# Content spec
# --------------------------------------------------------------------------------------

@dataclass
class It:
    """One item: paragraph, timeline entry, list item or event title."""

    text: str                                   # with markup
    date: D | None = None                       # own date: the label's if in the timeline, else inline
    label: str | None = None                    # timeline label (starts a table row / label cell)
    tl: bool = False                            # timeline entry under the label cell above (row span)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (text, edtf) inside the text
    refs: list[tuple[str, str]] = field(default_factory=list)   # (marker, anchor)
    children: list[It] = field(default_factory=list)
    page: int = 1                               # page the item starts on (checked against the PDF)


@dataclass
class Sec:
    kind: str
    heading: str
    items: list[It]
    layout: str                                 # paras+timeline | events-nested | events-flat | arrows | numbered | bullets
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None
    page: int = 1
    break_before: str | None = None             # "page" or "column" before the heading


@dataclass
class Footnote:
    marker: str
    term: str
    expansion: str
    page: int
    sep: str = " – "


@dataclass
class Sample:
    name: str
    language: str                 # fr | en
    country_code: str             # fo:country of the document language
    title: str
    header_lines: list[str]
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    landscape: bool
    columns: int                  # 1, or a Writer section with N columns for the body
    sections: list[Sec]
    footnotes: list[Footnote]
    style: dict
    running_header: str | None = None   # pages 2+ (master page after the first)
    running_footer: str | None = None   # every page, followed by "<tab>Page N of M"
    page_word: tuple[str, str] = ("Page", "of")
    timeline_borders: bool = True
    description: str = ""


# Dates used more than once
Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")
MAI_2021 = D("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05")
LATE_2021 = D("Late 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39")


# ------------------------------------------------------------------ 1. Mali (fr) ----

MALI = Sample(
    name="libreoffice-mali-fr", language="fr", country_code="FR", title="Mali",
    header_lines=["Pays référent", "Domaine 2 : Migration légale et mobilité"],
    domain_number=2, domain_title="Migration légale et mobilité",
    action_number=6,
    action_title="Promouvoir la mobilité des étudiants, des chercheurs et des jeunes "
                 "professionnels entre l’Afrique et l’Europe",
    pages=1, landscape=False, columns=1,
    style=dict(body="DejaVu Sans", heading_font="DejaVu Sans", size=8.5, title_size=30,
               header_size=12, head_size=13, sub_size=9.5, foot_size=7, accent="#0E6251",
               band="#D4EFDF", label_w=2.6, para_after=0.1, line_height=112, head_before=0.2),
    description="Mali (fr): A4 portrait, one column, Writer footnotes, bulleted list with a "
                "nested level, numbered list, arrow list, bordered timeline table with a "
                "two-row label cell",
    sections=[
        Sec("progress", "PROGRÈS", layout="paras+timeline",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 6 : Promouvoir la mobilité des étudiants, des chercheurs et "
                         "des jeunes professionnels entre l’Afrique et l’Europe"],
            items=[
                It("Adoption de la PONAM[^1] et de son plan d’action, mis en œuvre "
                   "jusqu’en 2020.", refs=[("1", "PONAM")],
                   date=D("jusqu’en 2020", None, "2020-12-31", "year", "until", "../2020"),
                   dates=[("jusqu’en 2020", "../2020")]),
                It("Création au sein du ministère des Maliens établis à l’extérieur d’une "
                   "cellule chargée de la migration légale et de la mobilité des jeunes."),
                It("Programme pilote de mobilité circulaire pour 120 jeunes diplômés maliens "
                   "dans les secteurs de l’agriculture et de l’hôtellerie.",
                   label="2019-2020",
                   date=D("2019-2020", "2019-01-01", "2020-12-31", "year", "range",
                          "2019/2020")),
                It("Signature d’un accord-cadre entre l’ANPE[^2] et le service public de "
                   "l’emploi espagnol sur le recrutement de travailleurs saisonniers.",
                   label="Mai 2021", refs=[("2", "ANPE")], date=MAI_2021),
                It("Ouverture à Bamako d’un guichet d’information sur les voies légales de "
                   "migration et les bourses d’études.", tl=True, date=MAI_2021),
                It("Accompagnement des étudiants maliens admis dans les universités "
                   "européennes, en lien avec les consulats et les associations de la "
                   "diaspora.",
                   label="Depuis\naoût 2021",
                   date=D("Depuis août 2021", "2021-08-01", None, "month", "since",
                          "2021-08/..")),
                It("Lancement d’un projet de reconnaissance des diplômes et des compétences "
                   "professionnelles avec l’appui de l’OIM[^3] ; premiers résultats attendus "
                   "fin 2022.",
                   label="T2 2022", refs=[("3", "OIM")],
                   date=D("T2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
                   dates=[("fin 2022", "2022-39")]),
                It("Validation du référentiel national des métiers ouverts à la mobilité "
                   "circulaire et parcours de profession{shy}nalisation des candidats, mené "
                   "avec les chambres consulaires et les organisations patronales.",
                   label="Début 2023",
                   date=D("Début 2023", "2023-01-01", "2023-04-30", "third", "early",
                          "2023-37")),
            ]),
        Sec("activities", "ACTIVITÉS 2022", layout="events-nested", heading_date=Y2022,
            items=[
                It("Atelier régional sur la mobilité académique, Bamako, du 12 au 14 "
                   "octobre 2022",
                   date=D("du 12 au 14 octobre 2022", "2022-10-12", "2022-10-14", "day",
                          "range", "2022-10-12/2022-10-14"),
                   dates=[("du 12 au 14 octobre 2022", "2022-10-12/2022-10-14")],
                   children=[
                       It("Participation de 14 pays partenaires du Processus de Rabat, "
                          "d’universités africaines et européennes et d’agences de bourses."),
                       It("Adoption de recommandations sur la reconnaissance mutuelle des "
                          "diplômes et la délivrance des visas pour études."),
                   ]),
                It("Visite d’étude en Espagne, mars-avril 2022",
                   date=D("mars-avril 2022", "2022-03-01", "2022-04-30", "month", "range",
                          "2022-03/2022-04"),
                   dates=[("mars-avril 2022", "2022-03/2022-04")],
                   children=[
                       It("Rencontres avec les services de l’emploi de Huelva et de Murcie "
                          "sur l’organisation des campagnes agricoles saisonnières."),
                   ]),
                It("Webinaire sur la migration de main-d’œuvre, mi-2022",
                   date=D("mi-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
                   dates=[("mi-2022", "2022-38")],
                   children=[
                       It("Plus de 90 participants, dont des représentants des syndicats "
                          "et des employeurs."),
                       It("Échanges sur les garanties offertes aux travailleurs saisonniers "
                          "et sur leur retour au Mali en fin de contrat."),
                   ]),
                It("Note de synthèse", children=[
                    It("Bonnes pratiques de mobilité des jeunes identifiées au cours de "
                       "l’année, diffusée aux pays partenaires à l’automne 2022.",
                       date=D("automne 2022", "2022-09-01", "2022-11-30", "season", "",
                              "2022-23"),
                       dates=[("automne 2022", "2022-23")]),
                ]),
            ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", layout="arrows",
            items=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration"),
                It("Conduit à des résultats concrets"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", layout="numbered",
            items=[
                It("Organisation d’une réunion thématique sur la mobilité académique au 2e "
                   "semestre 2023.",
                   date=D("2e semestre 2023", "2023-07-01", "2023-12-31", "half", "",
                          "2023-41"),
                   dates=[("2e semestre 2023", "2023-41")]),
                It("Extension du programme de mobilité circulaire à d’autres secteurs à "
                   "partir de mi-2024.",
                   date=D("à partir de mi-2024", "2024-05-01", None, "third", "since",
                          "2024-38/.."),
                   dates=[("à partir de mi-2024", "2024-38/..")]),
                It("Partage de l’expérience malienne avec les autres pays référents du "
                   "Processus de Rabat."),
            ]),
    ],
    footnotes=[
        Footnote("1", "PONAM", "Politique nationale de migration du Mali", page=1),
        Footnote("2", "ANPE", "Agence nationale pour l’emploi", page=1),
        Footnote("3", "OIM", "Organisation internationale pour les migrations", page=1),
    ],
)

# ----------------------------------------------------------------- 2. Spain (en) ----

SPAIN = Sample(
    name="libreoffice-spain-en", language="en", country_code="GB", title="Spain",
    header_lines=["Reference country",
                  "Domain 1: Development benefits of migration and addressing root causes "
                  "of irregular migration and forced displacement"],
    domain_number=1,
    domain_title="Development benefits of migration and addressing root causes of "
                 "irregular migration and forced displacement",
    action_number=2,
    action_title="Support job creation and vocational training for young people and women "
                 "in countries of origin and transit",
    pages=2, landscape=True, columns=3,
    style=dict(body="DejaVu Serif", heading_font="DejaVu Sans", size=8.5, title_size=28,
               header_size=11, head_size=12.5, sub_size=9, foot_size=7, accent="#7B241C",
               band="#FADBD8", label_w=1.9, para_after=0.1),
    running_header="Rabat Process | Spain – Reference country factsheet",
    running_footer="Euro-African Dialogue on Migration and Development",
    timeline_borders=False,
    description="Spain (en): A4 landscape, body in a three-column Writer section, Writer "
                "footnotes on both pages, borderless timeline table with a two-row label "
                "cell, bullets, arrow list, running header (page 2) and footer with page "
                "number fields",
    sections=[
        Sec("progress", "PROGRESS", layout="paras+timeline",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 2: Support job creation and vocational training for young "
                         "people and women in countries of origin and transit"],
            items=[
                It("Migration and development remained a priority of the Spanish "
                   "Cooperation master plan until 2021.",
                   date=D("until 2021", None, "2021-12-31", "year", "until", "../2021"),
                   dates=[("until 2021", "../2021")]),
                It("Launch of the Youth Employment Partnership with Senegal and The Gambia, "
                   "implemented by AECID[^1].",
                   label="Late 2021", refs=[("1", "AECID")], date=LATE_2021),
                It("Selection of the first 40 trainees of the partnership in Dakar.",
                   tl=True, date=LATE_2021),
                It("Opening of two vocational training centres for renewable energy trades "
                   "in Saint-Louis and Banjul.",
                   label="Q1 2022",
                   date=D("Q1 2022", "2022-01-01", "2022-03-31", "quarter", "", "2022-33")),
                It("Start of a micro-credit line for women entrepreneurs, managed with "
                   "IOM[^2], and training of 300 young people in solar installation.",
                   label="Mid-2022", refs=[("2", "IOM")],
                   date=D("Mid-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38")),
                It("Second call for proposals of the Migration and Development Fund: 18 "
                   "projects selected.",
                   label="Autumn\n2022",
                   date=D("Autumn 2022", "2022-09-01", "2022-11-30", "season", "",
                          "2022-23")),
                It("Regular dialogue on labour mobility and skills partnerships with "
                   "Morocco, Senegal and Mauritania.",
                   label="Since\nJanuary\n2023",
                   date=D("Since January 2023", "2023-01-01", None, "month", "since",
                          "2023-01/..")),
            ]),
        Sec("activities", "ACTIVITIES 2022", layout="events-flat", heading_date=Y2022,
            items=[
                It("Regional workshop on vocational training and youth employment, Dakar, "
                   "14-15 June 2022",
                   date=D("14-15 June 2022", "2022-06-14", "2022-06-15", "day", "range",
                          "2022-06-14/2022-06-15"),
                   dates=[("14-15 June 2022", "2022-06-14/2022-06-15")],
                   children=[
                       It("Representatives of 16 partner countries and of the ECOWAS[^3] "
                          "Commission.", refs=[("3", "ECOWAS")]),
                       It("Agreement to set up a regional network of vocational training "
                          "centres."),
                   ]),
                It("Study visit to Andalusia, Spring 2022",
                   date=D("Spring 2022", "2022-03-01", "2022-05-31", "season", "", "2022-21"),
                   dates=[("Spring 2022", "2022-21")],
                   children=[
                       It("Officials from Senegal and The Gambia met employers’ associations "
                          "and training providers in Seville and Huelva."),
                   ]),
                It("Webinar on women’s entrepreneurship and remittances, November 2022",
                   date=D("November 2022", "2022-11-01", "2022-11-30", "month", "",
                          "2022-11"),
                   dates=[("November 2022", "2022-11")],
                   children=[
                       It("Over 120 participants; recording and slides shared with all "
                          "partners."),
                   ]),
                It("Policy brief", children=[
                    It("Lessons learnt from two years of the Youth Employment Partnership, "
                       "including a cost-effectiveness analysis of the centres."),
                ]),
            ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM", layout="arrows", page=2,
            break_before="page",
            items=[
                It("Increases partners’ participation in the implementation of the Rabat "
                   "Process / Marrakesh Action Plan", page=2),
                It("Opportunities for European and African partners to collaborate closely",
                   page=2),
                It("Strengthens the sustainability of the Rabat Process as a platform for "
                   "dialogue and cooperation on migration", page=2),
                It("Leads to concrete results", page=2),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE", layout="bullets", page=2,
            items=[
                It("Thematic meeting on youth employment and skills to be hosted by Spain "
                   "in Q4 2023.", page=2,
                   date=D("Q4 2023", "2023-10-01", "2023-12-31", "quarter", "", "2023-36"),
                   dates=[("Q4 2023", "2023-36")]),
                It("Joint evaluation of the partnership with FIIAPP[^4] in early 2024.",
                   page=2, refs=[("4", "FIIAPP")],
                   date=D("early 2024", "2024-01-01", "2024-04-30", "third", "early",
                          "2024-37"),
                   dates=[("early 2024", "2024-37")]),
                It("Extension of the training centres to Mali and Niger from 2024 onwards.",
                   page=2,
                   date=D("from 2024 onwards", "2024-01-01", None, "year", "since",
                          "2024/.."),
                   dates=[("from 2024 onwards", "2024/..")]),
                It("Exchanges with other reference countries on the role of the private "
                   "sector in vocational training.", page=2),
            ]),
    ],
    footnotes=[
        Footnote("1", "AECID", "Spanish Agency for International Development Cooperation",
                 page=1, sep=" - "),
        Footnote("2", "IOM", "International Organization for Migration", page=1, sep=" - "),
        Footnote("3", "ECOWAS", "Economic Community of West African States", page=1,
                 sep=" - "),
        Footnote("4", "FIIAPP", "International and Ibero-American Foundation for "
                 "Administration and Public Policies", page=2, sep=" - "),
    ],
)

SAMPLES = [MALI, SPAIN]

# --------------------------------------------------------------------------------------
# Markup
# --------------------------------------------------------------------------------------

TOKEN = re.compile(r"\[\^(\w+)\]|\{shy\}")


MARKUP = Markup(TOKEN)
clean = MARKUP.clean


# --------------------------------------------------------------------------------------
# Flat OpenDocument text
# --------------------------------------------------------------------------------------

class Fodt:
    def __init__(self, s: Sample):
        self.s = s
        self.notes = {f.marker: f for f in s.footnotes}
        self.cited: list[str] = []

    # ---- inline -------------------------------------------------------------------
    def inline(self, markup: str) -> str:
        out, pos = [], 0
        for m in TOKEN.finditer(markup):
            out.append(self.plain(markup[pos:m.start()]))
            if m.group(1):
                out.append(self.note(m.group(1)))
            else:
                out.append("\u00ad")
            pos = m.end()
        out.append(self.plain(markup[pos:]))
        return "".join(out)

    @staticmethod
    def plain(text: str) -> str:
        return "<text:line-break/>".join(escape(part) for part in text.split("\n"))

    def note(self, marker: str) -> str:
        f = self.notes[marker]
        self.cited.append(marker)
        assert marker == str(len(self.cited)), f"{self.s.name}: notes must be cited in order 1, 2, …"
        return (f'<text:note text:id="ftn{marker}" text:note-class="footnote">'
                f'<text:note-citation>{marker}</text:note-citation><text:note-body>'
                f'<text:p text:style-name="Footnote">{escape(f.term + f.sep + f.expansion)}'
                f'</text:p></text:note-body></text:note>')

    def p(self, style: str, markup: str) -> str:
        return f'<text:p text:style-name="{style}">{self.inline(markup)}</text:p>'

    # ---- styles -------------------------------------------------------------------
    def styles(self) -> str:
        st, s = self.s.style, self.s
        lang = f'fo:language="{s.language}" fo:country="{s.country_code}"'
        nohyph = 'fo:hyphenate="false" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"'
        body = f'style:font-name="{st["body"]}" fo:font-size="{st["size"]}pt"'
        head = f'style:font-name="{st["heading_font"]}"'
        after = st["para_after"]
        lh = st.get("line_height", 118)

        def pstyle(name, parent="Standard", para="", text="", extra="", tabs=""):
            return (f'<style:style style:name="{name}" style:family="paragraph" '
                    f'style:parent-style-name="{parent}" {extra}>'
                    f'<style:paragraph-properties {para}>{tabs}</style:paragraph-properties>'
                    f'<style:text-properties {text} {nohyph}/></style:style>')

        right = "27.3cm" if s.landscape else "18.6cm"
        return f"""
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Serif" svg:font-family="&apos;DejaVu Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
  <style:text-properties {body} {lang} {nohyph}/>
 </style:default-style>
 <style:default-style style:family="table">
  <style:table-properties table:border-model="collapsing"/>
 </style:default-style>
 {pstyle("Standard", parent="", text=body + " " + lang, extra='style:class="text"').replace(' style:parent-style-name=""', "")}
 {pstyle("Text_20_body", para=f'fo:margin-top="0cm" fo:margin-bottom="{after}cm" fo:line-height="{lh}%"', extra='style:display-name="Text body"')}
 {pstyle("Title", para='fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:padding-left="0.3cm" fo:background-color="' + st["band"] + '"', text=f'{head} fo:font-size="{st["title_size"]}pt" fo:font-weight="bold" fo:color="{st["accent"]}"')}
 {pstyle("Header_20_line", para='fo:margin-top="0cm" fo:margin-bottom="0.04cm" fo:padding-left="0.3cm" fo:background-color="' + st["band"] + '"', text=f'{head} fo:font-size="{st["header_size"]}pt"', extra='style:display-name="Header line"')}
 {pstyle("Header_20_line_20_bold", parent="Header_20_line", text='fo:font-weight="bold"', extra='style:display-name="Header line bold"')}
 {pstyle("Section_20_heading", para=f'fo:margin-top="{st.get("head_before", 0.3)}cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always" fo:border-bottom="0.06pt solid ' + st["accent"] + '" fo:padding-bottom="0.03cm"', text=f'{head} fo:font-size="{st["head_size"]}pt" fo:font-weight="bold" fo:color="{st["accent"]}"', extra='style:display-name="Section heading"')}
 {pstyle("Subheading", para='fo:margin-top="0.02cm" fo:margin-bottom="0.08cm" fo:keep-with-next="always"', text=f'{head} fo:font-size="{st["sub_size"]}pt" fo:font-weight="bold"')}
 {pstyle("Event_20_title", parent="Text_20_body", para='fo:margin-top="0.1cm" fo:keep-with-next="always"', text='fo:font-weight="bold"', extra='style:display-name="Event title"')}
 {pstyle("List_20_item", parent="Text_20_body", extra='style:display-name="List item"')}
 {pstyle("Table_20_label", para='fo:margin-top="0cm" fo:margin-bottom="0cm"', text=f'{head} fo:font-weight="bold" fo:color="{st["accent"]}"', extra='style:display-name="Table label"')}
 {pstyle("Table_20_contents", para=f'fo:margin-top="0cm" fo:margin-bottom="{after}cm" fo:line-height="{lh}%"', extra='style:display-name="Table contents"')}
 {pstyle("Footnote", para='fo:margin-left="0.4cm" fo:text-indent="-0.4cm" fo:margin-top="0cm" fo:margin-bottom="0cm"', text=f'fo:font-size="{st["foot_size"]}pt"')}
 {pstyle("Header", text='fo:font-size="7pt" fo:color="#666666"', para=f'fo:text-align="end"')}
 {pstyle("Footer", text='fo:font-size="7pt" fo:color="#666666"', para='fo:border-top="0.06pt solid #999999" fo:padding-top="0.05cm"', tabs=f'<style:tab-stops><style:tab-stop style:position="{right}" style:type="right"/></style:tab-stops>')}
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <style:style style:name="Bullet_20_Symbols" style:display-name="Bullet Symbols" style:family="text">
  <style:text-properties style:font-name="OpenSymbol"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 {self.list_style("L_bullets", ["■", "–"], bold_first=True)}
 {self.list_style("L_arrows", ["➔"])}
 {self.list_style("L_dots", ["•"])}
 <text:list-style style:name="L_numbers">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:styles>"""

    @staticmethod
    def list_style(name: str, chars: list[str], bold_first: bool = False) -> str:
        levels = []
        for i, ch in enumerate(chars):
            margin = 0.5 + 0.5 * i
            levels.append(
                f'<text:list-level-style-bullet text:level="{i + 1}" '
                f'text:style-name="Bullet_20_Symbols" text:bullet-char="{ch}">'
                f'<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                f'text:list-tab-stop-position="{margin:.2f}cm" fo:text-indent="-0.4cm" '
                f'fo:margin-left="{margin:.2f}cm"/></style:list-level-properties>'
                f'<style:text-properties style:font-name="OpenSymbol"/>'
                f'</text:list-level-style-bullet>')
        return f'<text:list-style style:name="{name}">{"".join(levels)}</text:list-style>'

    def automatic_styles(self) -> str:
        s, st = self.s, self.s.style
        w, h = ("29.7cm", "21cm") if s.landscape else ("21cm", "29.7cm")
        orient = "landscape" if s.landscape else "portrait"
        margin = "1.2cm"
        hf = ('<style:header-style><style:header-footer-properties fo:min-height="0cm" '
              'fo:margin-bottom="0.3cm"/></style:header-style>'
              '<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
              'fo:margin-top="0.3cm"/></style:footer-style>')
        border = 'fo:border="0.5pt solid #7F8C8D"' if s.timeline_borders else 'fo:border="none"'
        usable = (29.7 if s.landscape else 21.0) - 2.4
        table_w = (usable - 0.8 * (s.columns - 1)) / s.columns
        cols = ""
        if s.columns > 1:
            cols = (f'<style:style style:name="Sect1" style:family="section">'
                    f'<style:section-properties text:dont-balance-text-columns="false" '
                    f'style:editable="false"><style:columns fo:column-count="{s.columns}" '
                    f'fo:column-gap="0.8cm"/></style:section-properties></style:style>')
        return f"""
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="{orient}" fo:margin-top="{margin}" fo:margin-bottom="{margin}" fo:margin-left="{margin}" fo:margin-right="{margin}" style:writing-mode="lr-tb">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.15cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  {hf}
 </style:page-layout>
 <style:style style:name="P_first" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="First_20_Page"/>
 <style:style style:name="P_break_page" style:family="paragraph" style:parent-style-name="Section_20_heading">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="P_break_column" style:family="paragraph" style:parent-style-name="Section_20_heading">
  <style:paragraph-properties fo:break-before="column"/>
 </style:style>
 <style:style style:name="P_event_first" style:family="paragraph" style:parent-style-name="Event_20_title">
  <style:paragraph-properties fo:margin-top="0cm"/>
 </style:style>
 {cols}
 <style:style style:name="Timeline" style:family="table">
  <style:table-properties style:width="{table_w:.2f}cm" table:align="left" fo:margin-top="0.05cm" fo:margin-bottom="0.15cm"/>
 </style:style>
 <style:style style:name="Timeline.A" style:family="table-column">
  <style:table-column-properties style:column-width="{st['label_w']}cm"/>
 </style:style>
 <style:style style:name="Timeline.B" style:family="table-column">
  <style:table-column-properties style:column-width="{table_w - st['label_w']:.2f}cm"/>
 </style:style>
 <style:style style:name="Timeline.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding="0.08cm" {border}/>
 </style:style>
</office:automatic-styles>"""

    def master_styles(self) -> str:
        s = self.s
        footer = ""
        if s.running_footer:
            footer = (f'<style:footer><text:p text:style-name="Footer">{escape(s.running_footer)}'
                      f'<text:tab/>{s.page_word[0]} <text:page-number text:select-page="current">1'
                      f'</text:page-number> {s.page_word[1]} <text:page-count>{s.pages}'
                      f'</text:page-count></text:p></style:footer>')
        header = ""
        if s.running_header:
            header = (f'<style:header><text:p text:style-name="Header">'
                      f'{escape(s.running_header)}</text:p></style:header>')
        return f"""
<office:master-styles>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">{footer}</style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page>
</office:master-styles>"""

    # ---- body ---------------------------------------------------------------------
    def section(self, sec: Sec) -> list[str]:
        out = []
        hstyle = {"page": "P_break_page", "column": "P_break_column"}.get(
            sec.break_before or "", "Section_20_heading")
        out.append(self.p(hstyle, sec.heading))
        for sh in sec.subheadings:
            out.append(self.p("Subheading", sh))
        if sec.layout == "paras+timeline":
            rows: list[list[It]] = []
            for it in sec.items:
                if it.label is None and not it.tl:
                    assert not rows, "paragraphs go before the timeline"
                    out.append(self.p("Text_20_body", it.text))
                elif it.tl:
                    rows[-1].append(it)
                else:
                    rows.append([it])
            out.append(self.timeline(rows))
        elif sec.layout == "events-nested":
            lis = []
            for it in sec.items:
                sub = "".join(f'<text:list-item>{self.p("List_20_item", c.text)}</text:list-item>'
                              for c in it.children)
                sub = f"<text:list>{sub}</text:list>" if sub else ""
                lis.append(f'<text:list-item>{self.p("Event_20_title", it.text)}{sub}'
                           f'</text:list-item>')
            out.append(f'<text:list text:style-name="L_bullets">{"".join(lis)}</text:list>')
        elif sec.layout == "events-flat":
            for k, it in enumerate(sec.items):
                out.append(self.p("P_event_first" if k == 0 else "Event_20_title", it.text))
                if it.children:
                    out.append(self.simple_list("L_dots", it.children))
        else:
            style = {"arrows": "L_arrows", "numbered": "L_numbers", "bullets": "L_dots"}[sec.layout]
            out.append(self.simple_list(style, sec.items))
        return out

    def simple_list(self, style: str, items: list[It]) -> str:
        lis = "".join(f'<text:list-item>{self.p("List_20_item", it.text)}</text:list-item>'
                      for it in items)
        return f'<text:list text:style-name="{style}">{lis}</text:list>'

    def timeline(self, rows: list[list[It]]) -> str:
        out = ['<table:table table:name="Timeline" table:style-name="Timeline">',
               '<table:table-column table:style-name="Timeline.A"/>',
               '<table:table-column table:style-name="Timeline.B"/>']
        for group in rows:
            for k, it in enumerate(group):
                out.append("<table:table-row>")
                if k == 0:
                    span = f' table:number-rows-spanned="{len(group)}"' if len(group) > 1 else ""
                    out.append(f'<table:table-cell table:style-name="Timeline.cell" '
                               f'office:value-type="string"{span}>'
                               f'{self.p("Table_20_label", group[0].label)}</table:table-cell>')
                else:
                    out.append("<table:covered-table-cell/>")
                out.append(f'<table:table-cell table:style-name="Timeline.cell" '
                           f'office:value-type="string">{self.p("Table_20_contents", it.text)}'
                           f'</table:table-cell>')
                out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def document(self) -> str:
        s = self.s
        body = [self.p("P_first", s.title),
                self.p("Header_20_line_20_bold", s.header_lines[0])]
        body += [self.p("Header_20_line", h) for h in s.header_lines[1:]]
        if s.columns > 1:
            # one Writer section per page run, so that Writer balances each page's columns
            k = 0
            for sec in s.sections:
                if sec.break_before == "page" or k == 0:
                    if k:
                        body.append("</text:section>")
                    k += 1
                    body.append(f'<text:section text:style-name="Sect1" text:name="Body{k}">')
                body += self.section(sec)
            body.append("</text:section>")
        else:
            body += sum((self.section(sec) for sec in s.sections), [])
        assert self.cited == [f.marker for f in s.footnotes], (s.name, self.cited)
        meta = (f"<office:meta><meta:generator>factextract scripts/make_samples_libreoffice.py"
                f"</meta:generator><dc:title>{escape(s.title)} – {escape(s.header_lines[0])}"
                f"</dc:title><dc:subject>Synthetic Rabat Process reference-country factsheet "
                f"(test sample)</dc:subject><meta:initial-creator>factextract test fixtures"
                f"</meta:initial-creator><dc:creator>factextract test fixtures</dc:creator>"
                f"<meta:creation-date>{FIXED_ODF_DATE}</meta:creation-date>"
                f"<dc:date>{FIXED_ODF_DATE}</dc:date><dc:language>{s.language}-"
                f"{s.country_code}</dc:language></office:meta>")
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF_NS} '
                f'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
                f"{meta}{self.styles()}{self.automatic_styles()}{self.master_styles()}"
                f"<office:body><office:text>\n" + "\n".join(body) +
                "\n</office:text></office:body></office:document>\n")


# --------------------------------------------------------------------------------------
# Check the PDF against the spec (layout facts the golden relies on)
# --------------------------------------------------------------------------------------

def check_pdf(s: Sample, pdf: Path) -> list[str]:
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(pdf) as doc:
        if len(doc.pages) != s.pages:
            return [f"{s.name}: {len(doc.pages)} pages, spec says {s.pages}"]
        pages = {}
        lines_by_page = {}
        markers_by_page: dict[int, list[tuple[str, str]]] = {}
        for pno, page in enumerate(doc.pages, 1):
            words = page.extract_words(use_text_flow=True, extra_attrs=["size"],
                                       keep_blank_chars=False)
            body = [w["size"] for w in words]
            common = max(set(body), key=body.count)
            kept, marks = [], []
            for i, w in enumerate(words):
                prev = words[i - 1] if i else None
                if (w["text"].isdigit() and w["size"] < 0.8 * common and prev is not None
                        and abs(prev["x1"] - w["x0"]) < 0.5 and w["bottom"] < prev["bottom"] - 1):
                    marks.append((w["text"], prev["text"]))  # small raised digit glued to a word
                    continue
                kept.append(w["text"])
            markers_by_page[pno] = marks
            text = " ".join(kept)
            pages[pno] = squash(text)
            lines_by_page[pno] = page.extract_text().splitlines()
            if pno == 1:
                big = max(words, key=lambda w: w["size"])
                if big["text"] != s.title:
                    problems.append(f"largest type on page 1 is {big['text']!r}, not the title")
    # soft hyphens: the line must break there, drawn as a hyphen
    shy_splits = []
    for it, *_ in flatten(s.sections):
        for m in re.finditer(r"(\S+)\{shy\}(\S+)", it.text):
            left, right = TOKEN.sub("", m.group(1)), TOKEN.sub("", m.group(2))
            shy_splits.append((left, right))
            pno = it.page
            if not any(re.search(re.escape(left) + r"[-\u00ad\u2010]$", ln)
                       for ln in lines_by_page[pno]):
                problems.append(f"soft hyphen in {left}{right!r} not used at a line end")
            pages[pno] = re.sub(re.escape(left) + r"[-\u00ad\u2010]" + re.escape(right),
                                left + right, pages[pno])
    for it, _d, n, si, _p in flatten(s.sections):
        want = squash(clean(it.text))
        where = [p for p, t in pages.items() if want in t]
        if it.page not in where:
            # the item may start on its page and continue on the next one
            head = squash(" ".join(clean(it.text).split()[:5]))
            if head not in pages[it.page] or want not in pages[it.page] + pages.get(it.page + 1, ""):
                problems.append(f"item {n} {clean(it.text)[:40]!r}: not on page {it.page} "
                                f"(found on {where})")
    problems += not_on_page(pages, [
        *((f"heading {h[:40]!r}", clean(h), sec.page)
          for sec in s.sections for h in [sec.heading, *sec.subheadings]),
        *((f"header line {h!r}", h, 1) for h in s.header_lines),
        *((f"footnote {f.marker}", f.marker + f.term + f.sep + f.expansion, f.page)
          for f in s.footnotes)])
    want_marks: dict[int, list[tuple[str, str]]] = {}
    for it, *_ in flatten(s.sections):
        for m, a in it.refs:
            want_marks.setdefault(it.page, []).append((m, a))
    for pno in pages:
        got = [(m, w) for m, w in markers_by_page[pno]]
        want = want_marks.get(pno, [])
        if [m for m, _ in got] != [m for m, _ in want] or not all(
                a in w for (_, a), (_, w) in zip(want, got)):
            problems.append(f"page {pno}: raised footnote markers {got}, spec {want}")
    return problems


# --------------------------------------------------------------------------------------
# Golden
# --------------------------------------------------------------------------------------

def golden(s: Sample) -> dict:
    entries = []
    label_date: D | None = None
    for it, _depth, n, si, parent in flatten(s.sections):
        # hand-written data cross-checks: a label's date is the label, and the entries under
        # its cell share it; an inline date is the first of `dates`
        if it.label is not None:
            assert it.date is not None
            assert it.date.text == " ".join(it.label.split()), (it.label, it.date.text)
            label_date = it.date
        elif it.tl:
            assert it.date is not None and it.date == label_date, it.text
        elif it.date is not None:
            assert it.dates and it.dates[0][0] == it.date.text, (s.name, it.text)
        timeline = it.label is not None or it.tl
        entries.append(Entry(it, n, si, parent, it.page,
                             timeline=it.date if timeline else None,
                             inline=None if timeline else it.date))
    used = markers_cited(entries)
    assert used == [f.marker for f in s.footnotes], (s.name, used)
    return golden_json(s, "libreoffice", entries, MARKUP,
                       footnotes_page=min(f.page for f in s.footnotes),
                       footnote_pages=[f.page for f in s.footnotes])


def main(argv: list[str]) -> int:
    keep = os.environ.get("KEEP_BUILD")       # KEEP_BUILD=/tmp/dir keeps the .fodt files
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set(argv) or {s.name for s in SAMPLES}
    unknown = wanted - {s.name for s in SAMPLES}
    if unknown:
        sys.exit(f"unknown sample(s): {sorted(unknown)}")
    failed = False
    with tempfile.TemporaryDirectory(prefix="factextract-lo-") as tmp:
        tmp_path = Path(keep) if keep else Path(tmp)
        tmp_path.mkdir(parents=True, exist_ok=True)
        profile = Path(tmp) / "profile"
        for s in SAMPLES:
            if s.name not in wanted:
                continue
            print(s.name)
            fodt = tmp_path / f"{s.name}.fodt"
            fodt.write_text(Fodt(s).document(), encoding="utf-8")
            pdf_tmp = convert(fodt, tmp_path, profile)
            pdf = SAMPLES_DIR / f"{s.name}.pdf"
            pdf.write_bytes(fix_metadata(pdf_tmp.read_bytes(), s.name))
            problems = check_pdf(s, pdf)
            for p in problems:
                print(f"  CHECK FAILED: {p}")
            failed |= bool(problems)
            g = golden(s)
            write_golden(s.name, g)
            print(f"  -> {pdf.relative_to(ROOT)}, tests/golden/{s.name}.json "
                  f"({len(g['items'])} items)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
