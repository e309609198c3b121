#!/usr/bin/env python3
"""Generate the sample factsheet PDFs (samples/*.pdf) and their ground truth
(tests/golden/*.json) from one content spec per sample.

Run by hand (CI never regenerates):

    .venv/bin/python scripts/make_samples.py            # all samples
    .venv/bin/python scripts/make_samples.py cameroun-fr

Needs the `samples` extra (reportlab, fontTools) and the DejaVu fonts in
/usr/share/fonts/truetype/dejavu. The three symbol fonts in scripts/fonts/ are
rebuilt from DejaVuSans glyphs on every run (deterministically).

Each sample below is ONE data structure: the layout draws it and the golden JSON
is written from it. Golden dates are written by hand in the spec (the `D(...)`
values); the only derivation is the contract's fallback rule (an item without
its own date takes its parent's, else its section heading's). The factextract
pipeline is never run here.

Text markup inside spec strings:
    [^1]   footnote marker: drawn as a small raised "1" glued to the word before;
           left out of the golden text (goes to footnote_refs).
    {-}    a place where the word MUST be hyphenated at a line end (drawn "-").
    {‐}    the same, drawn with U+2010 HYPHEN.
    {shy}  the same, drawn with U+00AD SOFT HYPHEN.
    {/}    a line break that MUST fall right after an existing hyphen
           ("socio-{/}économique"), nothing is added.
    \\n     a forced line break (headings, timeline labels).
    ﬁ ﬂ    ligature glyphs are drawn as such; the golden text has "fi" / "fl".
Every break hint must actually be used by the line breaker, else the script
fails: the golden text then matches what the page shows. The script also fails
when two text lines overlap or a box's content overflows its drawn box.
SHOW_LINES=1 prints every drawn line with its width (to place break hints).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from samplekit.fonts import build_symbol_font
from samplekit.golden import (D, Entry, Footnote, flatten, golden as golden_json,
                              markers_cited, write_golden)
from samplekit.markup import Markup, join_label
from samplekit.paths import DEJAVU, FONT_DIR, GOLDEN_DIR, ROOT, SAMPLES_DIR

PAGE_W, PAGE_H = 595.0, 842.0  # A4 portrait, in points

# --------------------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------------------

# Symbol fonts: (file, family, style, PostScript name, {code point drawn: DejaVu glyph})
# The code point is what the text layer says (what a naive extractor prints); the glyph is
# what the reader sees.
SYMBOL_FONTS = [
    ("Wingdings-Regular.ttf", "Wingdings", "Regular", "Wingdings-Regular",
     {0x39: 0x2714,   # '9' -> heavy check mark
      0xFC: 0x2713,   # 'ü' -> check mark
      0x6C: 0x25CF,   # 'l' -> black circle
      0x6E: 0x25A0,   # 'n' -> black square
      0xD8: 0x27A2}),  # 'Ø' -> arrowhead
    ("ZapfDingbatsITC.ttf", "ITC Zapf Dingbats", "Medium", "ZapfDingbatsITC",
     {0x6C: 0x25CF,   # 'l' -> black circle
      0x6E: 0x25A0,   # 'n' -> black square
      0x75: 0x25C6,   # 'u' -> black diamond
      0x34: 0x2714}),  # '4' -> heavy check mark
    ("SymbolMT.ttf", "Symbol", "Regular", "SymbolMT",
     {0xB7: 0x2022,   # '·' -> bullet
      0xDE: 0x21D2,   # 'Þ' -> double arrow right
      0xAE: 0x2192}),  # '®' -> arrow right
]


def register_fonts() -> None:
    for fname, family, style, psname, mapping in SYMBOL_FONTS:
        p = FONT_DIR / fname
        build_symbol_font(p, family, style, psname, mapping)
        pdfmetrics.registerFont(TTFont(psname, str(p)))
    for name in ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique",
                 "DejaVuSansCondensed", "DejaVuSansCondensed-Bold",
                 "DejaVuSansCondensed-Oblique", "DejaVuSerif", "DejaVuSerif-Bold",
                 "DejaVuSerif-Italic"]:
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))
    import reportlab
    rl = Path(reportlab.__file__).parent / "fonts"
    for name, fn in [("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf"), ("VeraIt", "VeraIt.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(rl / fn)))


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --------------------------------------------------------------------------------------
# Content spec
# --------------------------------------------------------------------------------------

@dataclass
class It:
    """One item: bullet, timeline entry or paragraph."""

    text: str                                   # drawn text, with markup
    date: D | None = None                       # own date: the label's if label, else inline
    label: str | None = None                    # timeline label, lines split by \n
    tl: bool = False                            # sits in the timeline's entry column
    dates: list[tuple[str, str]] = field(default_factory=list)  # (text, edtf) in text
    refs: list[tuple[str, str]] = field(default_factory=list)   # (marker, anchor)
    bullet: str | None = None                   # key of BULLETS
    bold: bool = False
    children: list[It] = field(default_factory=list)
    region: int | None = None                   # move to this region of the section first


@dataclass
class Region:
    """A place a section's content flows into; regions sharing `box` get one drawn box."""

    page: int
    x: float
    top: float
    w: float
    bottom: float | None = None   # fixed bottom of the drawn box (content must fit)
    label_w: float = 0.0          # width of the timeline label column (left)
    box: str | None = None
    pad: float = 8.0


@dataclass
class Sec:
    kind: str
    heading: str                                # lines split by \n
    items: list[It]
    regions: list[Region]
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None
    sub_region: int = 0                         # region index the subheadings go to
    items_region: int = 0                       # region index the first item goes to
    fill: str = "#FFFFFF"
    stroke: str | None = None
    accent: str = "#333333"                     # heading colour
    draw_rank: int = 0                          # higher is drawn earlier


@dataclass
class Sample:
    name: str
    language: str
    title: str
    header_lines: list[str]
    header_style: str             # "stacked" or "right"
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    sections: list[Sec]
    footnotes: list[Footnote]
    footnote_region: Region
    style: dict
    footer: str | None = None     # running footer text (with page numbers)
    footer_fmt: str = "{n}"


BULLETS = {
    # key: (font or None for the body font, char drawn, gap after the glyph)
    "check": ("Wingdings-Regular", "9", 1.6),
    "warrow": ("Wingdings-Regular", "Ø", 1.8),
    "zsquare": ("ZapfDingbatsITC", "n", 1.8),
    "sbullet": ("SymbolMT", "·", 1.6),
    "sarrow": ("SymbolMT", "Þ", 3.6),
    "bullet": (None, "•", 4.5),
    "dash": (None, "–", 4.0),
    "arrow": ("DejaVuSans", "→", 3.6),
}

# Dates used more than once
Y2021 = D("2021", "2021-01-01", "2021-12-31", "year", "", "2021")
Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")

# ---------------------------------------------------------------- 1. Cameroun (fr) ----

CAM_STYLE = dict(
    body="DejaVuSansCondensed", bold="DejaVuSansCondensed-Bold", size=9.0, leading=12.0,
    head_size=15.0, sub_size=9.5, sub_leading=12.0, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=6.5, text="#222222",
    band="#0B4F6C", band_text="#FFFFFF", title_size=34.0, header_size=12.0,
    band_bottom=112.0, marks=["#2E8B57", "#C0392B", "#F1C40F"],
    foot_size=7.0, foot_leading=9.0,
)

CAMEROUN = Sample(
    name="cameroun-fr", language="fr", title="Cameroun",
    header_lines=["Pays référent", "Domaine 5 : Retour, réadmission et réintégration"],
    header_style="stacked",
    domain_number=5, domain_title="Retour, réadmission et réintégration",
    action_number=20,
    action_title="Échanger les bonnes pratiques en matière de retour, réadmission et "
                 "réintégration tant au niveau national qu’au niveau régional et "
                 "transfrontalier (notamment par le biais de concertations régionales)",
    pages=1, style=CAM_STYLE,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan\nd’Action de Marrakech",
                         "Action 20 : Échanger les bonnes pratiques en matière de retour, "
                         "réadmission et réintégration tant au niveau national qu’au niveau "
                         "régional et transfrontalier (notamment par le biais de "
                         "concertations régionales)"],
            regions=[Region(1, 24, 122, 168, bottom=354, box="prog"),
                     Region(1, 196, 122, 375, bottom=354, label_w=44, box="prog")],
            items_region=1, fill="#E3EEF3", accent="#0B4F6C", draw_rank=2,
            items=[
                It("Réhabilitation d’un bâtiment devant servir de centre de transit et "
                   "d’accueil des migrants de retour vulnérables."),
                It("Développement d’un programme national de retour et de réintégration des "
                   "migrants ayant pour objectif de déﬁnir une politique nationale en la "
                   "matière."),
                It("Programme MIEUX visant à renforcer les capacités des acteurs nationaux "
                   "impliqués dans la prise en charge des migrants de retour.",
                   label="2017-\n2018",
                   date=D("2017-2018", "2017-01-01", "2018-12-31", "year", "range",
                          "2017/2018")),
                It("Lancement d’un projet (programme MIEUX+[^1]) de renforcement des "
                   "capacités et formation des agents du ministère des Relations "
                   "extérieures et de l’Institut des relations internationales sur la "
                   "migration et la mobilité.",
                   label="Mai\n2021", refs=[("1", "MIEUX+")],
                   date=D("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05")),
                It("Mise en place d’un guichet diaspora visant à prendre en charge et à "
                   "suivre le retour et la réintégration des migrants de retour au pays.",
                   tl=True,
                   date=D("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05")),
                It("Mise en place d’un comité de validation des projets de vie des migrants "
                   "de retour d’Europe (programme de l’OFII[^2])",
                   label="Juillet\n2021", refs=[("2", "OFII")],
                   date=D("Juillet 2021", "2021-07-01", "2021-07-31", "month", "",
                          "2021-07")),
                It("Projet de convention cadre de partenariat relatif à la mise en œuvre "
                   "d’un programme d’aide à la réintégration de l’OFII au Togo.",
                   label="Depuis\naoût\n2021",
                   date=D("Depuis août 2021", "2021-08-01", None, "month", "since",
                          "2021-08/..")),
            ]),
        Sec("activities", "ACTIVITÉS 2021", heading_date=Y2021,
            regions=[Region(1, 24, 364, 306, bottom=700, box="act")],
            fill="#FFF4E0", accent="#B25B00", draw_rank=3,
            items=[
                It("Webinaire sur Retour & Réintégration, Janvier 2021", bold=True,
                   date=D("Janvier 2021", "2021-01-01", "2021-01-31", "month", "",
                          "2021-01"),
                   dates=[("Janvier 2021", "2021-01")],
                   children=[
                       It("1ère activité du Processus de Rabat ouverte à tous les décideurs "
                          "politiques, praticiens et universitaires intéressés.",
                          bullet="check"),
                       It("Facteurs de succès identiﬁés des programmes de retour volontaire "
                          "et de réintégration: approche multipartite et forte coordination "
                          "entre les pays d’accueil et d’origine ; développement des "
                          "communautés locales qui accueillent les migrants de retour ; "
                          "orientation efﬁcace des migrants vers les institutions "
                          "compétentes et soutien à la réintégration socio-{/}économique, "
                          "adapté à leurs capacités et à leurs besoins et suivi dans le "
                          "temps ; sensibilisation et création de conditions favorables pour "
                          "les migrants de retour ; innovation et créativité pour assurer "
                          "l’assistance continue des migrants de retour.",
                          bullet="check"),
                   ]),
                It("Document ﬁnal", bold=True, children=[
                    It("Principales conclusions du webinaire/ Etablit un état des lieux de "
                       "la recherche et des pratiques / Explore les perspectives futures en "
                       "matière de retour volontaire et de réintégration / Identiﬁe les "
                       "déﬁs et les bonnes pratiques pour assurer la réussite de la "
                       "réinté{-}gration des migrants de retour.", bullet="check"),
                ]),
            ]),
        Sec("referent_system", "LE SYSTÈME DES\nPAYS RÉFÉRENTS",
            regions=[Region(1, 340, 364, 231, bottom=546, box="ref")],
            fill="#E8F1E4", accent="#2E6B30", draw_rank=1,
            items=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech", bullet="arrow"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement", bullet="arrow"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration", bullet="arrow"),
                It("Conduit à des résultats concrets", bullet="arrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR\nL’AVENIR",
            regions=[Region(1, 340, 556, 231, bottom=700, label_w=30, box="sug")],
            fill="#F3E6EE", accent="#7A1F5C", draw_rank=4,
            items=[
                It("Réunion thématique sur le retour et la réintégration présidée par le "
                   "Cameroun dans le cadre de la présidence africaine du Dialogue 2023.",
                   label="2023",
                   date=D("2023", "2023-01-01", "2023-12-31", "year", "", "2023"),
                   dates=[("2023", "2023")]),
            ]),
    ],
    footnotes=[
        Footnote("1", "MIEUX+", "L’initiative conjointe UE-ICMPD MIgration EU eXpertise"),
        Footnote("2", "OFII", "Office Français de l’Immigration et Intégration"),
    ],
    footnote_region=Region(1, 24, 764, 547),
)

# ------------------------------------------------------------- 2. The Gambia (en) ----

GAM_STYLE = dict(
    body="Vera", bold="VeraBd", size=9.0, leading=12.6,
    head_size=15.0, sub_size=9.6, sub_leading=12.4, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=8.0, text="#1E1E1E",
    band="#8C2F1B", band_text="#FFFFFF", title_size=30.0, header_size=11.5,
    band_bottom=96.0,
    foot_size=6.5, foot_leading=8.2,
)

GAMBIA = Sample(
    name="gambia-en", language="en", title="The Gambia",
    header_lines=["Reference country", "Domain 3: Protection and asylum"],
    header_style="right",
    domain_number=3, domain_title="Protection and asylum",
    action_number=12,
    action_title="Strengthen the capacities of national asylum systems, including for the "
                 "registration and referral of persons in need of international protection",
    pages=1, style=GAM_STYLE,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 12: Strengthen the capacities of national asylum systems, "
                         "including for the registration and referral of persons in need "
                         "of international protection"],
            regions=[Region(1, 24, 108, 282, bottom=436, label_w=52, box="prog")],
            fill="#F7ECE8", accent="#8C2F1B", draw_rank=1,
            items=[
                It("Drafting and validation of the national refugee policy, in "
                   "consultation with civil society, the GCR[^1] and UNHCR[^2].",
                   label="2019–\n2020", refs=[("1", "GCR"), ("2", "UNHCR")],
                   date=D("2019–2020", "2019-01-01", "2020-12-31", "year", "range",
                          "2019/2020")),
                It("Decentralised registration of asylum seekers in the regions bordering "
                   "Senegal, with mobile teams deployed in Basse and Farafenni.",
                   label="Since\nMarch\n2020",
                   date=D("Since March 2020", "2020-03-01", None, "month", "since",
                          "2020-03/..")),
                It("Adoption of standard operating procedures for the identiﬁcation "
                   "and referral of vulnerable persons, including unaccompanied children "
                   "and persons ﬂeeing conﬂict.",
                   label="Late\n2021",
                   date=D("Late 2021", "2021-09-01", "2021-12-31", "third", "late",
                          "2021-39")),
                It("Training of 45 border and immigration ofﬁcers on international "
                   "protection and the principle of non-refoulement.",
                   label="Q2\n2022",
                   date=D("Q2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34")),
                It("Ongoing dialogue with ECOWAS partners on the free movement protocol and "
                   "its interaction with national asylum procedures."),
            ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM",
            regions=[Region(1, 24, 446, 282, bottom=606, box="ref")],
            fill="#FFFFFF", stroke="#23415E", accent="#23415E", draw_rank=4,
            items=[
                It("Increases partners’ participation in the implementation of the Rabat "
                   "Process / Marrakesh Action Plan", bullet="arrow"),
                It("Opportunities for European and African partners to collaborate closely",
                   bullet="arrow"),
                It("Strengthens the sustainability of the Rabat Process as a platform for "
                   "dialogue and cooperation on migration", bullet="arrow"),
                It("Leads to concrete results", bullet="arrow"),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022,
            regions=[Region(1, 316, 108, 255, bottom=444, box="act")],
            fill="#EEF2F7", accent="#23415E", draw_rank=3,
            items=[
                It("Regional workshop on asylum and mixed migration, Banjul, 12 May 2022",
                   bold=True, bullet="bullet",
                   date=D("12 May 2022", "2022-05-12", "2022-05-12", "day", "",
                          "2022-05-12"),
                   dates=[("12 May 2022", "2022-05-12")],
                   children=[
                       It("Organised with the support of the Rabat Process Secretariat and "
                          "attended by 60 participants from 14 partner countries.",
                          bullet="dash"),
                       It("Exchange of good practices on the identiﬁcation of persons in "
                          "need of protection within mixed ﬂows.", bullet="dash"),
                   ]),
                It("Study visit to the Spanish Office for Asylum and Refuge, mid-2022",
                   bold=True, bullet="bullet",
                   date=D("mid-2022", "2022-05-01", "2022-08-31", "third", "mid",
                          "2022-38"),
                   dates=[("mid-2022", "2022-38")],
                   children=[
                       It("Delegation from the GCR[^1] and the Ministry of the Interior; "
                          "focus on case management and digital registration tools.",
                          bullet="dash", refs=[("1", "GCR")]),
                   ]),
                It("Participation in the Rabat Process thematic meeting on international "
                   "protection, Rome, 4 October 2022", bold=True, bullet="bullet",
                   date=D("4 October 2022", "2022-10-04", "2022-10-04", "day", "",
                          "2022-10-04"),
                   dates=[("4 October 2022", "2022-10-04")],
                   children=[
                       It("Presentation of the Gambian experience with decentralised "
                          "registration and mobile teams.", bullet="dash"),
                   ]),
                It("Online training module on refugee status determi{shy}nation made available "
                   "to national authorities and legal aid providers.", bullet="zsquare"),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE",
            regions=[Region(1, 316, 454, 255, bottom=606, label_w=44, box="sug")],
            fill="#F2F2F2", accent="#8C2F1B", draw_rank=2,
            items=[
                It("Continued technical support to the GCR[^1] for the digitalisation of "
                   "asylum ﬁles until 2025.", bullet="bullet", refs=[("1", "GCR")],
                   date=D("until 2025", None, "2025-12-31", "year", "until", "../2025"),
                   dates=[("until 2025", "../2025")]),
                It("Thematic meeting on asylum capacity building in West Africa, hosted by "
                   "The Gambia.", label="Early\n2024",
                   date=D("Early 2024", "2024-01-01", "2024-04-30", "third", "early",
                          "2024-37")),
            ]),
    ],
    footnotes=[
        Footnote("1", "GCR", "Gambia Commission for Refugees"),
        Footnote("2", "UNHCR", "United Nations High Commissioner for Refugees"),
    ],
    footnote_region=Region(1, 24, 772, 547),
)

# ----------------------------------------------------------- 3. Sénégal (fr, 2 pages) ----

SEN_STYLE = dict(
    body="DejaVuSerif", bold="DejaVuSans-Bold", size=9.0, leading=12.4,
    head_size=15.0, sub_size=9.6, sub_leading=12.0, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=8.0, text="#202020", item_bold="DejaVuSerif-Bold",
    band="#1D5E3A", band_text="#FFFFFF", title_size=30.0, header_size=11.0,
    band_bottom=120.0, marks=["#00853F", "#FDEF42", "#E31B23"],
    foot_size=6.8, foot_leading=8.6,
)

SENEGAL = Sample(
    name="senegal-fr-2p", language="fr", title="Sénégal",
    header_lines=["Pays référent",
                  "Domaine 1 : Bénéfices des migrations en termes de développement et lutte "
                  "contre les causes profondes de la migration irrégulière"],
    header_style="stacked",
    domain_number=1,
    domain_title="Bénéfices des migrations en termes de développement et lutte contre les "
                 "causes profondes de la migration irrégulière",
    action_number=3,
    action_title="Promouvoir l’inclusion ﬁnancière des migrants et la réduction du coût des "
                 "transferts de fonds",
    pages=2, style=SEN_STYLE,
    footer="Processus de Rabat – Fiche pays référent", footer_fmt="Page {n}/{total}",
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 3 : Promouvoir l’inclusion ﬁnancière des migrants et la "
                         "réduction du coût des transferts de fonds"],
            regions=[Region(1, 24, 130, 268, bottom=772, label_w=60, box="prog")],
            fill="#E7F2EA", accent="#1D5E3A", draw_rank=1,
            items=[
                It("Renforcement du dispositif institutionnel d’accompa{‐}gnement des "
                   "migrants porteurs de projets."),
                It("Intégration de la dimension migratoire dans les stratégies sectorielles "
                   "de développement et dans les plans de développement communaux."),
                It("Étude nationale sur les coûts de transfert et les usages des fonds "
                   "envoyés par la diaspora, réalisée avec l’appui de partenaires techniques.",
                   label="2019",
                   date=D("2019", "2019-01-01", "2019-12-31", "year", "", "2019")),
                It("Mise en place d’un guichet unique d’information et d’orientation pour "
                   "les investisseurs de la diaspora au sein des BAOS[^1].",
                   label="Depuis le\n15 mars\n2020", refs=[("1", "BAOS")],
                   date=D("Depuis le 15 mars 2020", "2020-03-15", None, "day", "since",
                          "2020-03-15/..")),
                It("Cartographie des prestataires de services de transfert d’argent et "
                   "analyse des coûts de transfert vers le Sénégal.",
                   label="Mars-\navril\n2021",
                   date=D("Mars-avril 2021", "2021-03-01", "2021-04-30", "month", "range",
                          "2021-03/2021-04")),
                It("Signature d’un protocole d’accord entre la Direction générale d’appui "
                   "aux Sénégalais de l’extérieur et plusieurs banques pour l’ouverture de "
                   "comptes à distance.",
                   label="Septembre\n2021",
                   date=D("Septembre 2021", "2021-09-01", "2021-09-30", "month", "",
                          "2021-09")),
                It("Lancement d’une plateforme numérique de comparaison des frais de "
                   "transfert, en partenariat avec l’OIM[^2] et le secteur bancaire.",
                   label="T2\n2022", refs=[("2", "OIM")],
                   date=D("T2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34")),
                It("Adoption de la stratégie nationale d’inclusion ﬁnancière des Sénégalais "
                   "de l’extérieur.",
                   label="Fin\n2022",
                   date=D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late",
                          "2022-39")),
                It("Ouverture d’un fonds de garantie pour les projets d’investissement des "
                   "Sénégalais de l’extérieur dans l’agriculture et le numérique.",
                   label="Début\n2023",
                   date=D("Début 2023", "2023-01-01", "2023-04-30", "third", "early",
                          "2023-37")),
            ]),
        Sec("activities", "ACTIVITÉS 2021", heading_date=Y2021,
            regions=[Region(1, 303, 130, 268, bottom=772, box="act1"),
                     Region(2, 24, 40, 268, bottom=372, box="act2")],
            fill="#FFF7E6", accent="#9A5B00", draw_rank=2,
            items=[
                It("Atelier régional sur la mobilisation des transferts de fonds pour le "
                   "développement, Dakar, du 12 au 14 mars 2021", bold=True,
                   date=D("du 12 au 14 mars 2021", "2021-03-12", "2021-03-14", "day",
                          "range", "2021-03-12/2021-03-14"),
                   dates=[("du 12 au 14 mars 2021", "2021-03-12/2021-03-14")],
                   children=[
                       It("Participation de 11 pays partenaires du Processus de Rabat et de "
                          "représentants des associations de la diaspora établies en Europe.",
                          bullet="warrow"),
                       It("Recommandations sur la réduction des coûts de transfert, la "
                          "concurrence entre opérateurs et l’orientation de l’épargne vers "
                          "l’investissement productif dans les régions d’origine.",
                          bullet="warrow"),
                       It("Restitution des travaux auprès du comité de pilotage du projet "
                          "conjoint avec l’OIM[^2].",
                          bullet="warrow", refs=[("2", "OIM")]),
                   ]),
                It("Visite d’étude à Rabat auprès des institutions chargées des Marocains "
                   "résidant à l’étranger, mai 2021", bold=True,
                   date=D("mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05"),
                   dates=[("mai 2021", "2021-05")],
                   children=[
                       It("Échanges sur les produits bancaires destinés à la diaspora et sur "
                          "les mécanismes d’incitation à l’investissement.", bullet="warrow"),
                       It("Délégation composée de représentants du ministère des Affaires "
                          "étrangères, des BAOS[^1] et du secteur privé.", bullet="warrow",
                          refs=[("1", "BAOS")]),
                   ]),
                It("Campagne d’information sur les canaux formels de transfert, juin 2021",
                   bold=True,
                   date=D("juin 2021", "2021-06-01", "2021-06-30", "month", "", "2021-06"),
                   dates=[("juin 2021", "2021-06")],
                   children=[
                       It("Messages diffusés par les radios communautaires et les réseaux "
                          "sociaux dans six régions à forte émigration.", bullet="warrow"),
                       It("Guide pratique sur les frais et les délais de transfert publié "
                          "en français, en wolof et en pulaar.", bullet="warrow"),
                   ]),
                It("Réunion du groupe de travail national sur les transferts de fonds, "
                   "22/09/2021", bold=True,
                   date=D("22/09/2021", "2021-09-22", "2021-09-22", "day", "", "2021-09-22"),
                   dates=[("22/09/2021", "2021-09-22")],
                   children=[
                       It("Revue des engagements pris lors de l’atelier régional de Dakar et "
                          "du calendrier de mise en œuvre.", bullet="warrow"),
                       It("Proposition d’un cadre de concertation permanent entre "
                          "l’administration, les opérateurs et les associations.",
                          bullet="warrow"),
                   ]),
                It("Forum des investisseurs de la diaspora, Paris, octobre 2021", bold=True,
                   date=D("octobre 2021", "2021-10-01", "2021-10-31", "month", "",
                          "2021-10"),
                   dates=[("octobre 2021", "2021-10")],
                   children=[
                       It("Plus de 200 entrepreneurs sénégalais de l’extérieur réunis par "
                          "les BAOS[^1] autour des opportunités d’investissement dans les "
                          "pôles territoriaux.", bullet="warrow", refs=[("1", "BAOS")],
                          region=1),  # the page turns between this event and its bullet
                   ]),
                It("Formation des agents des BAOS[^1] à l’éducation ﬁnancière, 2e semestre "
                   "2021", bold=True, refs=[("1", "BAOS")],
                   date=D("2e semestre 2021", "2021-07-01", "2021-12-31", "half", "",
                          "2021-41"),
                   dates=[("2e semestre 2021", "2021-41")],
                   children=[
                       It("Quarante conseillers formés à l’accompagnement des ménages "
                          "bénéﬁciaires de transferts.", bullet="warrow"),
                   ]),
                It("Note d’orientation", bold=True, children=[
                    It("Synthèse des bonnes pratiques en matière d’inclusion ﬁnancière des "
                       "migrants et de leurs familles restées au pays.", bullet="warrow"),
                ]),
            ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS",
            regions=[Region(2, 303, 40, 268, bottom=222, box="ref")],
            fill="#FFFFFF", stroke="#1D5E3A", accent="#1D5E3A", draw_rank=4,
            items=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech", bullet="arrow"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement", bullet="arrow"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration", bullet="arrow"),
                It("Conduit à des résultats concrets", bullet="arrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR",
            regions=[Region(2, 303, 232, 268, bottom=372, box="sug")],
            fill="#EEF0F6", accent="#3A3F8F", draw_rank=3,
            items=[
                It("Organisation d’une réunion thématique sur les transferts de fonds et "
                   "l’investissement de la diaspora au 1er semestre 2023.", bullet="bullet",
                   date=D("1er semestre 2023", "2023-01-01", "2023-06-30", "half", "",
                          "2023-40"),
                   dates=[("1er semestre 2023", "2023-40")]),
                It("Partage de l’expérience sénégalaise avec les pays partenaires d’Afrique "
                   "de l’Ouest intéressés.", bullet="bullet"),
            ]),
    ],
    footnotes=[
        Footnote("1", "BAOS",
                 "Bureaux d’accueil, d’orientation et de suivi des Sénégalais de l’extérieur"),
        Footnote("2", "OIM", "Organisation internationale pour les migrations"),
    ],
    footnote_region=Region(2, 24, 760, 547),
)

# --------------------------------------------------------------- 4. Nigeria (en) ----

NIG_STYLE = dict(
    body="DejaVuSans", bold="DejaVuSans-Bold", size=8.6, leading=12.4,
    head_size=13.0, sub_size=9.0, sub_leading=11.8, label_size=8.6, label_leading=10.6,
    indent=10.0, item_gap=8.0, text="#1A1A1A",
    band="#3B3B6D", band_text="#FFFFFF", title_size=32.0, header_size=10.5,
    band_bottom=112.0, marks=["#008751", "#FFFFFF", "#008751"],
    foot_size=6.4, foot_leading=8.0,
)

NIGERIA = Sample(
    name="nigeria-en", language="en", title="Nigeria",
    header_lines=["Reference country",
                  "Domain 4: Prevention of irregular migration, migrant smuggling and "
                  "trafficking in human beings"],
    header_style="stacked",
    domain_number=4,
    domain_title="Prevention of irregular migration, migrant smuggling and trafficking in "
                 "human beings",
    action_number=16,
    action_title="Strengthen the capacities of the competent authorities to prevent and "
                 "combat trafficking in human beings and to protect its victims",
    pages=1, style=NIG_STYLE,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 16: Strengthen the capacities of the competent authorities "
                         "to prevent and combat trafficking in human beings and to protect "
                         "its victims"],
            regions=[Region(1, 24, 122, 190, bottom=612, label_w=46, box="prog")],
            fill="#ECECF6", accent="#3B3B6D", draw_rank=2,
            items=[
                It("Revision of the national action plan against trafﬁcking in persons, "
                   "with a stronger focus on prevention and victim protection."),
                It("Creation of state task forces against human trafﬁcking in the main "
                   "states of origin, coordinated by NAPTIP[^1].",
                   label="Circa\n2019", refs=[("1", "NAPTIP")],
                   date=D("Circa 2019", "2019-01-01", "2019-12-31", "year", "approx",
                          "2019~")),
                It("Memorandum of understanding with Spain on police cooperation against "
                   "migrant smuggling networks.",
                   label="October\n2021",
                   date=D("October 2021", "2021-10-01", "2021-10-31", "month", "",
                          "2021-10")),
                It("Review of the national referral mechanism for victims of trafﬁcking, "
                   "adapted to the COVID-19 context.",
                   label="Spring\n2022",
                   date=D("Spring 2022", "2022-03-01", "2022-05-31", "season", "",
                          "2022-21")),
                It("Launch of a national awareness campaign on the risks of irregular "
                   "migration in schools and on social media.",
                   label="H1\n2023",
                   date=D("H1 2023", "2023-01-01", "2023-06-30", "half", "", "2023-40")),
                It("15 shelters for victims now run jointly with civil society "
                   "organisations."),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022,
            regions=[Region(1, 222, 122, 172, bottom=612, box="act")],
            fill="#FFF3E8", accent="#A4471A", draw_rank=1,
            items=[
                It("West Africa regional conference on trafﬁcking in human beings, Abuja, "
                   "8 November 2022", bold=True,
                   date=D("8 November 2022", "2022-11-08", "2022-11-08", "day", "",
                          "2022-11-08"),
                   dates=[("8 November 2022", "2022-11-08")],
                   children=[
                       It("12 countries took part in the conference, together with "
                          "ECOWAS[^2] and the Rabat Process Secretariat.",
                          bullet="sbullet", refs=[("2", "ECOWAS")]),
                       It("Adoption of a joint roadmap on cross-border cooperation in "
                          "investigations and prosecutions.", bullet="sbullet"),
                   ]),
                It("Webinar on online recruitment and trafﬁcking, 2022-03-15", bold=True,
                   date=D("2022-03-15", "2022-03-15", "2022-03-15", "day", "", "2022-03-15"),
                   dates=[("2022-03-15", "2022-03-15")],
                   children=[
                       It("Over 150 participants from law enforcement, civil society and "
                          "technology companies.", bullet="sbullet"),
                       It("Presentation of NAPTIP[^1] tools for monitoring fraudulent job "
                          "offers on social media.", bullet="sbullet",
                          refs=[("1", "NAPTIP")]),
                   ]),
                It("Joint investigation team workshop with Italy and Spain, Lagos, Spring "
                   "2022", bold=True,
                   date=D("Spring 2022", "2022-03-01", "2022-05-31", "season", "", "2022-21"),
                   dates=[("Spring 2022", "2022-21")],
                   children=[
                       It("Case studies on smuggling routes through Niger and Libya and on "
                          "ﬁnancial investigations.", bullet="sbullet"),
                   ]),
                It("Peer-learning session on Action 16 of the Marrakesh Action Plan",
                   bold=True, children=[
                       It("Focus on the protection of victims during the COVID-19 pandemic "
                          "and on ﬁeld-level cooperation with countries of destination.",
                          bullet="sbullet"),
                   ]),
            ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM",
            regions=[Region(1, 402, 122, 169, bottom=324, box="ref")],
            fill="#E9F3F1", accent="#1F6A5E", draw_rank=4,
            items=[
                It("Increases the participation of partners in the implementation of the "
                   "Rabat Process / Marrakesh Action Plan", bullet="sarrow"),
                It("Opportunities for European and African partners to work closely "
                   "together", bullet="sarrow"),
                It("Strengthens the Rabat Process as a platform for dialogue and "
                   "cooperation on migration", bullet="sarrow"),
                It("Leads to concrete results", bullet="sarrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE",
            regions=[Region(1, 402, 334, 169, bottom=612, box="sug")],
            fill="#FFFFFF", stroke="#A4471A", accent="#A4471A", draw_rank=3,
            items=[
                It("Joint training for prosecutors and judges from countries of origin, "
                   "transit and destination, from 2024 onwards.", bullet="bullet",
                   date=D("from 2024 onwards", "2024-01-01", None, "year", "since",
                          "2024/.."),
                   dates=[("from 2024 onwards", "2024/..")]),
                It("Thematic meeting on the protection of child victims of trafﬁcking, "
                   "open to all partners of the Dialogue.", bullet="bullet"),
                It("Sharing of the task force model with other reference countries of the "
                   "Rabat Process.", bullet="bullet"),
            ]),
    ],
    footnotes=[
        Footnote("1", "NAPTIP", "National Agency for the Prohibition of Trafficking in Persons"),
        Footnote("2", "ECOWAS", "Economic Community of West African States"),
    ],
    footnote_region=Region(1, 24, 772, 547),
)

SAMPLES = [CAMEROUN, GAMBIA, SENEGAL, NIGERIA]

# --------------------------------------------------------------------------------------
# Markup
# --------------------------------------------------------------------------------------

TOKEN = re.compile(r"\[\^(\w+)\]|\{(-|‐|shy|/)\}")
HYPHEN_OF = {"-": "-", "‐": "\u2010", "shy": "\u00ad", "/": ""}
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl"}


MARKUP = Markup(TOKEN, ligatures=LIGATURES)
clean = MARKUP.clean


# --------------------------------------------------------------------------------------
# Line breaking
# --------------------------------------------------------------------------------------

@dataclass
class Piece:
    kind: str      # "t" text, "s" superscript, "b" break opportunity
    text: str
    bid: int = -1


NEWLINE = "NEWLINE"


class Breaks:
    def __init__(self):
        self.n = 0
        self.used: set[int] = set()
        self.all: dict[int, str] = {}


def parse_words(markup: str, breaks: Breaks) -> list:
    words: list = []
    for li, line in enumerate(markup.split("\n")):
        if li:
            words.append(NEWLINE)
        for raw in line.split(" "):
            if not raw:
                continue
            pieces: list[Piece] = []
            pos = 0
            for m in TOKEN.finditer(raw):
                if m.start() > pos:
                    pieces.append(Piece("t", raw[pos:m.start()]))
                if m.group(1):
                    pieces.append(Piece("s", m.group(1)))
                else:
                    breaks.n += 1
                    breaks.all[breaks.n] = raw
                    pieces.append(Piece("b", m.group(2), breaks.n))
                pos = m.end()
            if pos < len(raw):
                pieces.append(Piece("t", raw[pos:]))
            words.append(pieces)
    return words


class Measure:
    def __init__(self, font: str, size: float):
        self.font, self.size = font, size
        self.sup = size * 0.6

    def word(self, pieces: list[Piece]) -> float:
        w = 0.0
        for p in pieces:
            if p.kind == "t":
                w += sw(p.text, self.font, self.size)
            elif p.kind == "s":
                w += sw(p.text, self.font, self.sup)
        return w

    @property
    def space(self) -> float:
        return sw(" ", self.font, self.size)


def wrap(markup: str, width: float, m: Measure, breaks: Breaks) -> list[list[list[Piece]]]:
    lines: list = []
    cur: list = []
    curw = 0.0
    queue = parse_words(markup, breaks)
    while queue:
        w = queue.pop(0)
        if w == NEWLINE:
            lines.append(cur)
            cur, curw = [], 0.0
            continue
        add = m.word(w) + (m.space if cur else 0.0)
        if curw + add <= width:
            cur.append(w)
            curw += add
            continue
        done = False
        for i in reversed([i for i, p in enumerate(w) if p.kind == "b"]):
            head = [p for p in w[:i] if p.kind != "b"] + [Piece("t", HYPHEN_OF[w[i].text])]
            hw = m.word(head) + (m.space if cur else 0.0)
            if curw + hw <= width:
                breaks.used.add(w[i].bid)
                lines.append(cur + [head])
                cur, curw = [], 0.0
                queue.insert(0, w[i + 1:])
                done = True
                break
        if done:
            continue
        if not cur:
            raise ValueError(f"word does not fit in {width:.1f}pt: {markup[:60]!r}")
        lines.append(cur)
        cur, curw = [], 0.0
        queue.insert(0, w)
    if cur:
        lines.append(cur)
    return lines


# --------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------

class Page:
    def __init__(self):
        self.ops: list[tuple[int, int, object]] = []  # (rank, seq, fn)
        self.lines: list[tuple[float, float, float, float, str]] = []  # text boxes
        self.rects: list[tuple[float, float, float, float]] = []


class Layout:
    def __init__(self, sample: Sample):
        self.s = sample
        self.st = sample.style
        self.pages = {n: Page() for n in range(1, sample.pages + 1)}
        self.seq = 0
        self.breaks = Breaks()
        self.item_pages: dict[int, int] = {}
        self.heading_pages: dict[int, int] = {}

    # -- low level ------------------------------------------------------------------
    def op(self, page: int, rank: int, fn) -> None:
        """Queue a drawing operation; a page draws its ops by ascending (rank, seq).

        Boxes take ranks below 0 (all drawn before any text); text ranks are chosen so
        that the drawing order differs from the reading order (footer and footnotes
        first, then the sections by descending `draw_rank`, the header band's text last).
        """
        self.seq += 1
        self.pages[page].ops.append((rank, self.seq, fn))

    def text_line(self, page: int, rank: int, x: float, top: float, pieces_line: list,
                  font: str, size: float, color: str) -> float:
        """Draw one wrapped line whose glyph tops sit at `top`; return its width."""
        segs: list[tuple[str, str, float, float]] = []  # text, font, size, rise

        def push(text, f, sz, rise):
            if segs and segs[-1][1:] == (f, sz, rise):
                segs[-1] = (segs[-1][0] + text, f, sz, rise)
            else:
                segs.append((text, f, sz, rise))

        for wi, word in enumerate(pieces_line):
            if wi:
                push(" ", font, size, 0.0)
            for p in word:
                if p.kind == "t" and p.text:
                    push(p.text, font, size, 0.0)
                elif p.kind == "s":
                    push(p.text, font, size * 0.6, size * 0.4)
        baseline = top + size * 0.8
        x0 = x
        plan = []
        for text, f, sz, rise in segs:
            plan.append((x0, text, f, sz, rise))
            x0 += sw(text, f, sz)
        width = x0 - x

        def fn(c: Canvas, plan=plan, baseline=baseline, color=color):
            c.setFillColor(HexColor(color))
            for px, text, f, sz, rise in plan:
                c.setFont(f, sz)
                c.drawString(px, PAGE_H - baseline + rise, text)

        self.op(page, rank, fn)
        self.pages[page].lines.append((x, top, x + width, top + size, "".join(
            t for _, t, *_ in plan)))
        return width

    def block(self, page: int, rank: int, x: float, top: float, width: float, markup: str,
              font: str, size: float, leading: float, color: str,
              exact: bool = False) -> float:
        """Wrap and draw a paragraph; return its height."""
        lines = wrap(markup, width, Measure(font, size), self.breaks)
        if exact and len(lines) != markup.count("\n") + 1:
            raise ValueError(f"{self.s.name}: {markup!r} needs its own line breaks only "
                             f"(got {len(lines)} lines in {width:.1f}pt)")
        for i, ln in enumerate(lines):
            self.text_line(page, rank, x, top + i * leading, ln, font, size, color)
        return (len(lines) - 1) * leading + size

    # -- sections ---------------------------------------------------------------------
    def section(self, si: int, sec: Sec, flat: list[tuple[It, int, int]]) -> None:
        st = self.st
        rank = 100 - 10 * sec.draw_rank
        extents: dict[int, float] = {}
        ri = 0
        reg = sec.regions[0]
        y = reg.top + reg.pad

        def goto(idx):
            nonlocal ri, reg, y
            if idx != ri:
                extents[ri] = y
                ri, reg = idx, sec.regions[idx]
                y = reg.top + reg.pad

        # heading
        self.heading_pages[si] = reg.page
        h = self.block(reg.page, rank, reg.x + reg.pad, y, reg.w - 2 * reg.pad, sec.heading,
                       st["bold"], st["head_size"], st["head_size"] * 1.15, sec.accent)
        y += h + 6
        goto(sec.sub_region)
        for sub in sec.subheadings:
            h = self.block(reg.page, rank, reg.x + reg.pad, y, reg.w - 2 * reg.pad, sub,
                           st["bold"], st["sub_size"], st["sub_leading"], st["text"])
            y += h + 6
        goto(sec.items_region)
        y += 2
        for item, depth, n in flat:
            if item.region is not None:
                goto(item.region)
            elif ri + 1 < len(sec.regions) and reg.bottom is not None and \
                    y + self.item_height(item, depth, reg) > reg.bottom - reg.pad + 0.01:
                goto(ri + 1)  # the item does not fit: it continues in the next region
            self.item_pages[n] = reg.page
            timeline = item.label is not None or item.tl
            x = reg.x + reg.pad + (reg.label_w if timeline else 0) + depth * st["indent"]
            ifont = st.get("item_bold", st["bold"]) if item.bold else st["body"]
            if item.bullet:
                bfont, bchar, gap = BULLETS[item.bullet]
                bfont = bfont or st["body"]
                bx = x
                x = bx + sw(bchar, bfont, st["size"]) + gap
                self.text_line(reg.page, rank, bx, y, [[Piece("t", bchar)]], bfont,
                               st["size"], sec.accent)
            h = self.block(reg.page, rank, x, y, reg.x + reg.w - reg.pad - x, item.text,
                           ifont, st["size"], st["leading"], st["text"])
            if item.label is not None:
                lh = self.block(reg.page, rank, reg.x + reg.pad, y, reg.label_w - 4,
                                item.label, st["bold"], st["label_size"],
                                st["label_leading"], sec.accent, exact=True)
                h = max(h, lh)
            y += h + st["item_gap"]
        extents[ri] = y
        # boxes
        boxes: dict[str, list[int]] = {}
        for i, r in enumerate(sec.regions):
            boxes.setdefault(r.box or f"r{i}", []).append(i)
        for idxs in boxes.values():
            regs = [sec.regions[i] for i in idxs]
            page = regs[0].page
            x0 = min(r.x for r in regs)
            x1 = max(r.x + r.w for r in regs)
            top = min(r.top for r in regs)
            used = max(extents.get(i, regs[0].top) for i in idxs) - st["item_gap"] + 4
            bottoms = [r.bottom for r in regs if r.bottom is not None]
            bottom = max(bottoms) if bottoms else used + regs[0].pad - 4
            if used > bottom + 0.01:
                raise ValueError(f"{self.s.name}: section {sec.kind} box overflows "
                                 f"({used:.1f} > {bottom:.1f})")
            self.pages[page].rects.append((x0, top, x1, bottom))
            print(f"  {sec.kind:16s} p{page} box {x0:.0f},{top:.0f}-{x1:.0f},{bottom:.0f}"
                  f"  content ends {used:.1f}")

            def fn(c: Canvas, x0=x0, x1=x1, top=top, bottom=bottom, sec=sec):
                c.setFillColor(HexColor(sec.fill))
                if sec.stroke:
                    c.setStrokeColor(HexColor(sec.stroke))
                    c.setLineWidth(1.2)
                c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top, fill=1,
                       stroke=1 if sec.stroke else 0)
                c.setFillColor(HexColor(sec.accent))
                c.rect(x0, PAGE_H - top - 3, x1 - x0, 3, fill=1, stroke=0)

            self.op(page, rank - 1000, fn)  # boxes go under all text

    def item_height(self, item: It, depth: int, reg: Region) -> float:
        st = self.st
        timeline = item.label is not None or item.tl
        x = reg.x + reg.pad + (reg.label_w if timeline else 0) + depth * st["indent"]
        ifont = st.get("item_bold", st["bold"]) if item.bold else st["body"]
        if item.bullet:
            bfont, bchar, gap = BULLETS[item.bullet]
            x += sw(bchar, bfont or st["body"], st["size"]) + gap
        n = len(wrap(item.text, reg.x + reg.w - reg.pad - x, Measure(ifont, st["size"]),
                     Breaks()))
        h = (n - 1) * st["leading"] + st["size"]
        if item.label is not None:
            h = max(h, item.label.count("\n") * st["label_leading"] + st["label_size"])
        return h

    def header(self) -> None:
        s, st = self.s, self.st
        top, bottom = 22.0, st["band_bottom"]

        def band(c: Canvas):
            c.setFillColor(HexColor(st["band"]))
            c.rect(24, PAGE_H - bottom, PAGE_W - 48, bottom - top, fill=1, stroke=0)
            # a flag-like mark on the right (shapes only, no text)
            for i, col in enumerate(st.get("marks", [])):
                c.setFillColor(HexColor(col))
                c.rect(PAGE_W - 24 - 60 + i * 14, PAGE_H - top - 40, 12, 26, fill=1,
                       stroke=0)

        self.op(1, -2000, band)
        tsize = st["title_size"]
        self.text_line(1, 200, 36, top + 12, [[Piece("t", s.title)]], st["bold"], tsize,
                       st["band_text"])
        hs = st["header_size"]
        if s.header_style == "stacked":
            y = top + 12 + tsize + 4
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                h = self.block(1, 210, 36, y, PAGE_W - 48 - 24, line, f, hs, hs * 1.2,
                               st["band_text"])
                y += h + 4
            assert y <= bottom, (y, bottom)
        else:
            y = top + 18
            for i, line in enumerate(s.header_lines):
                f = st["bold"] if i == 0 else st["body"]
                w = sw(line, f, hs)
                self.text_line(1, 210, PAGE_W - 24 - 16 - w, y, [[Piece("t", line)]], f, hs,
                               st["band_text"])
                y += hs * 1.5

    def footnotes(self) -> None:
        s, st, r = self.s, self.st, self.s.footnote_region
        fs, fl = st["foot_size"], st["foot_leading"]

        def rule(c: Canvas):
            c.setStrokeColor(HexColor("#777777"))
            c.setLineWidth(0.5)
            c.line(r.x, PAGE_H - r.top + 3, r.x + 120, PAGE_H - r.top + 3)

        self.op(r.page, -1, rule)
        y = r.top + 2
        for fn in s.footnotes:
            h = self.block(r.page, 10, r.x, y, r.w, f"{fn.marker} {fn.term}{fn.sep}"
                           f"{fn.expansion}", st["body"], fs, fl, st["text"])
            y += h + 2.5

    def footer(self) -> None:
        s, st = self.s, self.st
        if not s.footer:
            return
        for n in range(1, s.pages + 1):
            y = PAGE_H - 30

            def rule(c: Canvas):
                c.setStrokeColor(HexColor(st["band"]))
                c.setLineWidth(0.8)
                c.line(24, 30 + 12, PAGE_W - 24, 30 + 12)

            self.op(n, -1, rule)
            self.text_line(n, 0, 24, y - 7, [[Piece("t", s.footer)]], st["body"], 7,
                           "#555555")
            num = s.footer_fmt.format(n=n, total=s.pages)
            w = sw(num, st["bold"], 7)
            self.text_line(n, 0, PAGE_W - 24 - w, y - 7, [[Piece("t", num)]], st["bold"],
                           7, "#555555")

    # -- checks ---------------------------------------------------------------------
    def check_overlaps(self) -> None:
        for n, pg in self.pages.items():
            ls = pg.lines
            for i in range(len(ls)):
                for j in range(i + 1, len(ls)):
                    a, b = ls[i], ls[j]
                    if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and \
                            a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
                        raise ValueError(f"{self.s.name} p{n}: text overlap {a[4]!r} / "
                                         f"{b[4]!r}")
            for x0, top, x1, bottom, text in ls:
                if x1 > PAGE_W - 24 + 0.1 or x0 < 24 - 0.1 or bottom > PAGE_H - 20:
                    raise ValueError(f"{self.s.name} p{n}: text off the page {text!r}")
            for a in range(len(pg.rects)):
                for b in range(a + 1, len(pg.rects)):
                    r, q = pg.rects[a], pg.rects[b]
                    if r[0] < q[2] and q[0] < r[2] and r[1] < q[3] and q[1] < r[3]:
                        raise ValueError(f"{self.s.name} p{n}: boxes overlap {r} {q}")

    # -- main -----------------------------------------------------------------------------
    def render(self, pdf_path: Path) -> None:
        s = self.s
        flat_all = flatten(s.sections)
        n0 = 0
        for si, sec in enumerate(s.sections):
            flat = [(it, d, n) for (it, d, n, sj, _p) in flat_all if sj == si]
            self.section(si, sec, flat)
            n0 += len(flat)
        self.header()
        self.footnotes()
        self.footer()
        unused = set(self.breaks.all) - self.breaks.used
        if unused or os.environ.get("SHOW_LINES"):
            for x0, top, x1, bottom, text in sum((pg.lines for pg in self.pages.values()), []):
                print(f"    {x1 - x0:6.1f} {text}")
        if unused:
            raise ValueError(f"{s.name}: break hints not used at a line end: "
                             f"{[self.breaks.all[b] for b in sorted(unused)]}")
        self.check_overlaps()

        c = Canvas(str(pdf_path), pagesize=(PAGE_W, PAGE_H), invariant=1,
                   pageCompression=1)
        c.setCreator("factextract scripts/make_samples.py")
        c.setAuthor("factextract test fixtures")
        c.setTitle(f"{s.title} – {s.header_lines[0]}")
        c.setSubject("Synthetic Rabat Process reference-country factsheet (test sample)")
        for n in range(1, s.pages + 1):
            for _rank, _seq, fn in sorted(self.pages[n].ops, key=lambda o: (o[0], o[1])):
                fn(c)
            c.showPage()
        c.save()


# --------------------------------------------------------------------------------------
# Golden
# --------------------------------------------------------------------------------------

def golden(s: Sample, lay: Layout) -> dict:
    entries = []
    for it, _depth, n, si, parent in flatten(s.sections):
        # hand-written data cross-checks: a label's date is the label; an inline date is
        # printed in the text
        if it.label is not None:
            assert it.date is not None and it.date.text == join_label(it.label), it.label
        elif it.tl:
            assert it.date is not None
        elif it.date is not None:
            assert it.date.text in clean(it.text), (s.name, it.date.text)
        timeline = it.label is not None or it.tl
        entries.append(Entry(it, n, si, parent, lay.item_pages[n],
                             timeline=it.date if timeline else None,
                             inline=None if timeline else it.date))
    used = set(markers_cited(entries))
    assert used == {f.marker for f in s.footnotes}, (s.name, used)
    return golden_json(s, "reportlab", entries, MARKUP,
                       section_pages=[lay.heading_pages[si] for si in range(len(s.sections))],
                       footnotes_page=s.footnote_region.page)


def main(argv: list[str]) -> int:
    register_fonts()
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set(argv) or {s.name for s in SAMPLES}
    for s in SAMPLES:
        if s.name not in wanted:
            continue
        print(s.name)
        lay = Layout(s)
        pdf = SAMPLES_DIR / f"{s.name}.pdf"
        lay.render(pdf)
        g = golden(s, lay)
        write_golden(s.name, g)
        print(f"  -> {pdf.relative_to(ROOT)}, tests/golden/{s.name}.json "
              f"({len(g['items'])} items)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
