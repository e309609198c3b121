#!/usr/bin/env python3
"""Generate sample factsheets printed by Chromium (samples/chromium-*.pdf) and their
ground truth (tests/golden/chromium-*.json) from one content spec per sample.

Run by hand (CI never regenerates):

    .venv/bin/python scripts/make_samples_chromium.py                  # all samples
    .venv/bin/python scripts/make_samples_chromium.py chromium-ghana-en

Needs Debian's Chromium (`apt-get install -y chromium`), the DejaVu fonts in
/usr/share/fonts/truetype/dejavu (loaded with @font-face from file:// URLs: no network)
and pdfplumber (a dependency of the project) for the checks. KEEP_HTML=1 keeps the
generated HTML under /tmp/factextract-chromium/ for inspection.

Each sample below is ONE data structure: the HTML writer lays it out and the golden JSON
is written from it. Golden dates are written by hand in the spec (the `D(...)` values);
the only derivation is the contract's fallback rule (an item without its own date takes
its parent's, else its section heading's) and the timeline rule (a label dates every
entry of its group). The factextract pipeline is never run here.

The two samples use two layout techniques a designer working in HTML/CSS would use:

  chromium-ghana-en       A4 portrait, CSS grid with three columns of boxes placed by
                          grid-area (the HTML source order is scrambled), timeline labels
                          on their own line ABOVE their entries, CSS list bullets (disc,
                          nested circle), arrow bullets from `::before { content: "→" }`,
                          footnote markers as <sup>.
  chromium-mauritanie-fr  A4 landscape, two explicit page <div>s with absolutely
                          positioned boxes (scrambled source order), a timeline with labels
                          BESIDE their entries and one label vertically centred on a group
                          of three entries (flex row, align-items: center), a running header
                          with a page number on both pages, footnotes at the foot of page 2,
                          markers as Unicode superscripts (¹ ² ³) in PROGRÈS and in the
                          notes, as <sup> elsewhere, "1<sup>er</sup>" (not a marker), arrow
                          and dash bullets from `list-style-type: "→ "` / `"– "`, square
                          nested bullets, ACTIVITÉS continued in a heading-less box on
                          page 2.
Both samples carry one explicit soft hyphen that Chromium uses at a line end.

Text markup inside spec strings:
    [^1]   footnote marker printed as <sup>1</sup> glued to the word before
    [^¹]   footnote marker printed as the Unicode superscript character (marker "1")
    {^er}  letters printed as <sup>er</sup> that belong to the text ("1{^er}" -> "1er")
    {shy}  an explicit soft hyphen (&shy;); the script fails unless Chromium actually
           breaks the line there (the page then shows "trans-" / "frontalière")
    \\n     a forced line break (timeline labels)
Both marker forms are left out of the golden text (they go to footnote_refs); ligatures
that Chromium forms (ﬁ, ﬂ) are the font's business: the golden text has plain letters.

Checks after printing (the script fails on any, and writes nothing to samples/ or
tests/golden/): page count; every item's printed text appears in one piece on its page's
text layer (whitespace-insensitive); headings and header lines on their pages; every soft
hyphen used at a line end; every <sup> marker a small raised glyph; no two words overlap;
no two boxes (filled backgrounds) overlap; body text inside a box; no text near the edge.

Chromium quirks seen in the text layer (build 156), which the golden deliberately ignores:
a soft hyphen used at a line end gives a zero-width U+0020 glyph plus a U+2010 "‐" glyph;
one NOT used gives a zero-width U+0020 (a spurious space inside the word); list markers
disc/circle are vector curves and square is a rectangle (no glyph at all); list-style-type
strings and ::before content are real glyphs; ligatures come out as ﬁ/ﬂ.

Reproducibility: the PDF bytes depend only on the spec, the fonts and the Chromium build,
EXCEPT /CreationDate and /ModDate in the Info dictionary, which Chromium sets to the time
of printing (not post-processed here).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from samplekit.checks import not_on_page, overlapping_words, page_text
from samplekit.golden import (D, Entry, Footnote, golden as golden_json, markers_cited,
                              write_golden)
from samplekit.markup import Markup, join_label
from samplekit.paths import DEJAVU, GOLDEN_DIR, ROOT, SAMPLES_DIR
from samplekit.producers import print_pdf

SCRATCH = Path(tempfile.gettempdir()) / "factextract-chromium"

# --------------------------------------------------------------------------------------
# Content spec
# --------------------------------------------------------------------------------------


@dataclass
class It:
    """One item: bullet, event title or paragraph."""

    text: str                                   # printed text, with markup
    date: D | None = None                       # own (inline) date
    dates: list[tuple[str, str]] = field(default_factory=list)  # (text, edtf) in text
    refs: list[tuple[str, str]] = field(default_factory=list)   # (marker, anchor)
    children: list[It] = field(default_factory=list)


@dataclass
class TL:
    """A timeline label and the entries it dates."""

    label: str                                  # lines split by \n
    date: D
    entries: list[It]
    centred: bool = False                       # label centred beside the group


@dataclass
class Sec:
    kind: str
    heading: str
    blocks: list[It | TL]
    page: int = 1                               # page of the heading (and first box)
    subheadings: list[str] = field(default_factory=list)
    heading_date: D | None = None
    cont: tuple[int, int] | None = None         # (first block, page) of a continuation box

    def block_page(self, i: int) -> int:
        return self.cont[1] if self.cont and i >= self.cont[0] else self.page


@dataclass
class Sample:
    name: str
    language: str
    title: str
    header_lines: list[str]
    domain_number: int
    domain_title: str
    action_number: int
    action_title: str
    pages: int
    sections: list[Sec]
    footnotes: list[Footnote]
    footnote_page: int
    layout: str                                 # key of LAYOUTS
    running: str | None = None                  # running header text (page number added)


Y2022 = D("2022", "2022-01-01", "2022-12-31", "year", "", "2022")

# --------------------------------------------------------------- 1. Ghana (en) ----

GHANA = Sample(
    name="chromium-ghana-en", language="en", title="Ghana",
    header_lines=["Reference country", "Domain 2: Legal migration and mobility"],
    domain_number=2, domain_title="Legal migration and mobility",
    action_number=7,
    action_title="Promote the mobility of students, researchers and young professionals "
                 "between Africa and Europe, including through the recognition of "
                 "qualifications",
    pages=1, layout="grid3", footnote_page=1,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 7: Promote the mobility of students, researchers and young "
                         "professionals between Africa and Europe, including through the "
                         "recognition of qualifications"],
            blocks=[
                It("Creation of a Labour Migration Unit within the Ministry of Employment "
                   "and Labour Relations to coordinate legal pathways."),
                It("Review of the bilateral labour mobility agreements concluded circa 2019 "
                   "with European and Gulf states.",
                   date=D("circa 2019", "2019-01-01", "2019-12-31", "year", "approx",
                          "2019~"),
                   dates=[("circa 2019", "2019~")]),
                TL("2019–2020",
                   D("2019–2020", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
                   [It("Pilot skills partnership for nursing graduates with two European "
                       "training institutions.")]),
                TL("Since March 2021",
                   D("Since March 2021", "2021-03-01", None, "month", "since", "2021-03/.."),
                   [It("Migrant Resource Centre in Accra run with the GIS[^1], offering "
                       "pre-departure orientation and a 24/7 information line.",
                       refs=[("1", "GIS")])]),
                TL("Q3 2021",
                   D("Q3 2021", "2021-07-01", "2021-09-30", "quarter", "", "2021-35"),
                   [It("Launch of an online platform for the recognition of foreign "
                       "academic and vocational qualifications."),
                    It("Training of 40 careers advisers on legal pathways for work and "
                       "study in Europe.")]),
                TL("H1 2022",
                   D("H1 2022", "2022-01-01", "2022-06-30", "half", "", "2022-40"),
                   [It("Memorandum of understanding on student exchanges with Portugal, "
                       "with 120 scholarships per academic year.")]),
                TL("Summer 2022",
                   D("Summer 2022", "2022-06-01", "2022-08-31", "season", "", "2022-22"),
                   [It("Module on safe and regular migration added to the curricula of 25 "
                       "technical and vocational institutes.")]),
                TL("Late 2022",
                   D("Late 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                   [It("Evaluation of the skills partnership pilot by the ICMPD[^2] and "
                       "dissemination of its results to partner countries.",
                       refs=[("2", "ICMPD")])]),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022,
            blocks=[
                It("Thematic meeting on legal migration and labour mobility, Accra, "
                   "15–17 March 2022",
                   date=D("15–17 March 2022", "2022-03-15", "2022-03-17", "day", "range",
                          "2022-03-15/2022-03-17"),
                   dates=[("15–17 March 2022", "2022-03-15/2022-03-17")],
                   children=[
                       It("Co-chaired by Ghana and Portugal, with 65 participants from 21 "
                          "partner countries."),
                       It("Field visit to the Migrant Resource Centre and exchange with "
                          "returning graduates."),
                       It("Recommendations on fair recruitment, the portability of rights "
                          "and the internationali{shy}sation of vocational training."),
                   ]),
                It("Webinar on student mobility and the recognition of diplomas, June 2022",
                   date=D("June 2022", "2022-06-01", "2022-06-30", "month", "", "2022-06"),
                   dates=[("June 2022", "2022-06")],
                   children=[
                       It("Good practices of partner universities and national recognition "
                          "centres in West Africa."),
                       It("Follow-up online session held on 4 November 2022.",
                          date=D("4 November 2022", "2022-11-04", "2022-11-04", "day", "",
                                 "2022-11-04"),
                          dates=[("4 November 2022", "2022-11-04")]),
                   ]),
                It("Study visit to the Portuguese Immigration and Borders Service",
                   children=[
                       It("Delegation of the GIS[^1] and the Labour Migration Unit; focus on "
                          "digital visa and work permit processing.",
                          refs=[("1", "GIS")]),
                   ]),
                It("Regional workshop on ethical recruitment, Tamale, 2022-10-26",
                   date=D("2022-10-26", "2022-10-26", "2022-10-26", "day", "",
                          "2022-10-26"),
                   dates=[("2022-10-26", "2022-10-26")],
                   children=[
                       It("Joint conclusions with private recruitment agencies and trade "
                          "unions on a code of conduct."),
                   ]),
                It("Launch of the “Study in Europe” information campaign in 16 regions",
                   children=[
                       It("Radio spots in English, Twi, Ewe and Hausa, and a dedicated "
                          "social media channel."),
                   ]),
            ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM",
            blocks=[
                It("Increases the participation of partners in the implementation of the "
                   "Rabat Process / Marrakesh Action Plan"),
                It("Offers European and African partners opportunities to work closely "
                   "together"),
                It("Strengthens the sustainability of the Rabat Process as a platform for "
                   "dialogue and cooperation on migration"),
                It("Leads to concrete results"),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE",
            blocks=[
                It("Peer review of the national labour migration policy with Portugal, "
                   "early 2023.",
                   date=D("early 2023", "2023-01-01", "2023-04-30", "third", "early",
                          "2023-37"),
                   dates=[("early 2023", "2023-37")]),
                It("Thematic meeting on circular migration schemes for seasonal workers in "
                   "Spring 2023.",
                   date=D("Spring 2023", "2023-03-01", "2023-05-31", "season", "",
                          "2023-21"),
                   dates=[("Spring 2023", "2023-21")]),
                It("Technical support of the ICMPD[^2] to the Labour Migration Unit until "
                   "mid-2024.",
                   refs=[("2", "ICMPD")],
                   date=D("until mid-2024", None, "2024-08-31", "third", "until",
                          "../2024-38"),
                   dates=[("until mid-2024", "../2024-38")]),
                It("Participation in the Rabat Process senior officials’ meeting of "
                   "December 2023.",
                   date=D("December 2023", "2023-12-01", "2023-12-31", "month", "",
                          "2023-12"),
                   dates=[("December 2023", "2023-12")]),
                It("Annual review of the skills partnership from autumn 2023 onwards.",
                   date=D("from autumn 2023 onwards", "2023-09-01", None, "season",
                          "since", "2023-23/.."),
                   dates=[("from autumn 2023 onwards", "2023-23/..")]),
            ]),
    ],
    footnotes=[
        Footnote("1", "GIS", "Ghana Immigration Service"),
        Footnote("2", "ICMPD", "International Centre for Migration Policy Development"),
    ],
)

# ------------------------------------------------------ 2. Mauritanie (fr, 2 pages) ----

MAURITANIE = Sample(
    name="chromium-mauritanie-fr", language="fr", title="Mauritanie",
    header_lines=["Pays référent",
                  "Domaine 4 : Prévention de la migration irrégulière, du trafic de migrants "
                  "et de la traite des êtres humains"],
    domain_number=4,
    domain_title="Prévention de la migration irrégulière, du trafic de migrants et de la "
                 "traite des êtres humains",
    action_number=15,
    action_title="Renforcer les capacités des autorités en matière de gestion des "
                 "frontières et de lutte contre le trafic illicite de migrants",
    pages=2, layout="absolute2", footnote_page=2,
    running="Processus de Rabat — Fiche pays référent",
    sections=[
        Sec("progress", "PROGRÈS", page=1,
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 15 : Renforcer les capacités des autorités en matière de "
                         "gestion des frontières et de lutte contre le trafic illicite de "
                         "migrants"],
            blocks=[
                It("Adoption de la loi relative à la lutte contre le trafic illicite de "
                   "migrants et renforcement du cadre pénal applicable aux passeurs."),
                It("Adhésion au protocole contre le trafic illicite de migrants par terre, air "
                   "et mer, additionnel à la Convention des Nations unies contre la "
                   "criminalité transnationale organisée."),
                It("Élaboration de la stratégie nationale de gestion des migrations, engagée "
                   "vers 2018 avec l’appui de l’OIM[^¹].",
                   refs=[("1", "OIM")],
                   date=D("vers 2018", "2018-01-01", "2018-12-31", "year", "approx",
                          "2018~"),
                   dates=[("vers 2018", "2018~")]),
                TL("2019-20",
                   D("2019-20", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
                   [It("Construction et équipement de 12 postes de contrôle frontaliers "
                       "terrestres et maritimes.")]),
                TL("Depuis le\n15 janvier\n2020",
                   D("Depuis le 15 janvier 2020", "2020-01-15", None, "day", "since",
                     "2020-01-15/.."),
                   [It("Déploiement du système d’enregistrement biométrique aux points de "
                       "passage frontaliers par la DGSN[^²].", refs=[("2", "DGSN")])]),
                TL("2e trimestre\n2021",
                   D("2e trimestre 2021", "2021-04-01", "2021-06-30", "quarter", "",
                     "2021-34"),
                   [It("Formation de 150 agents de la police, de la gendarmerie et des "
                       "garde-côtes à l’identification des victimes de traite."),
                    It("Mise en service d’une ligne d’assistance 24/7 pour les migrants en "
                       "détresse en mer."),
                    It("Campagne de sensibilisation sur les risques de la migration "
                       "irrégulière à Nouadhibou et à Nouakchott.")],
                   centred=True),
                TL("Mars–avril\n2022",
                   D("Mars–avril 2022", "2022-03-01", "2022-04-30", "month", "range",
                     "2022-03/2022-04"),
                   [It("Mission d’évaluation conjointe avec l’OIM[^¹] des besoins des "
                       "garde-côtes en équipements de surveillance.", refs=[("1", "OIM")])]),
                TL("Mi-2022",
                   D("Mi-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
                   [It("Création d’une unité spécialisée de lutte contre le trafic de "
                       "migrants au sein de la DGSN[^²].", refs=[("2", "DGSN")])]),
                TL("Automne\n2022",
                   D("Automne 2022", "2022-09-01", "2022-11-30", "season", "", "2022-23"),
                   [It("Ouverture à Rosso d’un centre de formation aux techniques de "
                       "détection de la fraude documentaire.")]),
                TL("Jusqu’à\nfin 2023",
                   D("Jusqu’à fin 2023", None, "2023-12-31", "third", "until", "../2023-39"),
                   [It("Programme de renforcement des capacités de l’ANRPTS[^³] pour la "
                       "sécurisation des documents d’état civil.", refs=[("3", "ANRPTS")])]),
            ]),
        Sec("activities", "ACTIVITÉS 2022", page=1, heading_date=Y2022, cont=(5, 2),
            blocks=[
                It("Atelier sur l’identification des victimes de traite, Nouakchott, "
                   "25/03/2022",
                   date=D("25/03/2022", "2022-03-25", "2022-03-25", "day", "", "2022-03-25"),
                   dates=[("25/03/2022", "2022-03-25")],
                   children=[
                       It("Élaboration d’un guide de procédures opérationnelles standard à "
                          "l’usage des agents de première ligne."),
                       It("Participation de 45 agents et de représentants de la société "
                          "civile."),
                   ]),
                It("Réunion thématique sur la gestion des frontières, Nouakchott, "
                   "24–26 mai 2022",
                   date=D("24–26 mai 2022", "2022-05-24", "2022-05-26", "day", "range",
                          "2022-05-24/2022-05-26"),
                   dates=[("24–26 mai 2022", "2022-05-24/2022-05-26")],
                   children=[
                       It("Participation de 18 pays partenaires et d’experts de l’OIM[^1] "
                          "et de Frontex.", refs=[("1", "OIM")]),
                       It("Recommandations sur la coopération policière trans{shy}frontalière "
                          "et l’échange d’informations entre les services."),
                   ]),
                It("Visite d’étude aux îles Canaries",
                   children=[
                       It("Échanges avec les autorités espagnoles sur le sauvetage en mer "
                          "et l’accueil des personnes débarquées."),
                   ]),
                It("Formation des formateurs de l’École nationale de police, "
                   "octobre–novembre 2022",
                   date=D("octobre–novembre 2022", "2022-10-01", "2022-11-30", "month",
                          "range", "2022-10/2022-11"),
                   dates=[("octobre–novembre 2022", "2022-10/2022-11")],
                   children=[
                       It("Module sur les droits des migrants et la protection des "
                          "personnes vulnérables, dont les mineurs non accompagnés."),
                       It("Dix-huit formateurs certifiés à l’issue de la session."),
                   ]),
                It("Séminaire régional sur la sécurisation de l’état civil, hiver 2022",
                   date=D("hiver 2022", "2022-12-01", "2023-02-28", "season", "",
                          "2022-24"),
                   dates=[("hiver 2022", "2022-24")],
                   children=[
                       It("Présentation du système d’identification biométrique de "
                          "l’ANRPTS[^3].", refs=[("3", "ANRPTS")]),
                       It("Partage d’expériences avec le Sénégal, le Mali et la Gambie sur "
                          "l’interconnexion des registres."),
                   ]),
                It("Exercice conjoint de sauvetage en mer au large de Nouadhibou",
                   children=[
                       It("Coordination entre la marine nationale, les garde-côtes et le "
                          "Croissant-Rouge mauritanien."),
                   ]),
            ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", page=2,
            blocks=[
                It("Renforce l’appropriation du Processus de Rabat par les pays partenaires"),
                It("Favorise les échanges d’expériences entre pays d’origine, de transit et "
                   "de destination"),
                It("Contribue à la mise en œuvre concrète du Plan d’action de Marrakech"),
                It("Donne de la visibilité aux initiatives nationales"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", page=2,
            blocks=[
                TL("Début\n2023",
                   D("Début 2023", "2023-01-01", "2023-04-30", "third", "early", "2023-37"),
                   [It("Réunion thématique sur la lutte contre le trafic de migrants le "
                       "long de la route atlantique, coprésidée par la Mauritanie et "
                       "l’Espagne.")]),
                It("Appui technique de l’OIM[^1] à l’unité spécialisée de 2023 à juin 2024.",
                   refs=[("1", "OIM")],
                   date=D("de 2023 à juin 2024", "2023-01-01", "2024-06-30", "month",
                          "range", "2023/2024-06"),
                   dates=[("de 2023 à juin 2024", "2023/2024-06")]),
                It("Extension du programme de formation aux garde-côtes des pays voisins au "
                   "1{^er} semestre 2024.",
                   date=D("1er semestre 2024", "2024-01-01", "2024-06-30", "half", "",
                          "2024-40"),
                   dates=[("1er semestre 2024", "2024-40")]),
                It("Conférence régionale sur la route atlantique à l’automne 2024, en lien "
                   "avec les pays de transit et de destination.",
                   date=D("automne 2024", "2024-09-01", "2024-11-30", "season", "",
                          "2024-23"),
                   dates=[("automne 2024", "2024-23")]),
                It("Suivi annuel des recommandations de la réunion thématique dès "
                   "septembre 2023.",
                   date=D("dès septembre 2023", "2023-09-01", None, "month", "since",
                          "2023-09/.."),
                   dates=[("dès septembre 2023", "2023-09/..")]),
            ]),
    ],
    footnotes=[
        Footnote("1", "OIM", "Organisation internationale pour les migrations"),
        Footnote("2", "DGSN", "Direction générale de la sûreté nationale"),
        Footnote("3", "ANRPTS", "Agence nationale du registre des populations et des titres "
                                "sécurisés"),
    ],
)

SAMPLES = [GHANA, MAURITANIE]

# --------------------------------------------------------------------------------------
# Markup
# --------------------------------------------------------------------------------------

SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                "⁸": "8", "⁹": "9", "⁰": "0"}
# group 1: a footnote marker; group 2: letters set as <sup> that belong to the text ("1er")
TOKEN = re.compile(r"\[\^([0-9¹²³⁴⁵⁶⁷⁸⁹⁰]+)\]|\{shy\}|\{\^([a-z]+)\}")


def marker_value(raw: str) -> str:
    return "".join(SUPERSCRIPTS.get(ch, ch) for ch in raw)


# markers and soft hyphens dropped, superscript letters kept
MARKUP = Markup(TOKEN, keep=lambda m: m.group(2) or "", marker_value=marker_value)
clean = MARKUP.clean


def to_html(markup: str) -> str:
    """Spec string -> HTML fragment."""
    out, pos = [], 0
    for m in TOKEN.finditer(markup):
        out.append(html.escape(markup[pos:m.start()], quote=False))
        if m.group(2):
            out.append(f"<sup>{m.group(2)}</sup>")
        elif m.group(1) is None:
            out.append("&shy;")
        elif m.group(1).isascii():
            out.append(f'<sup class="fn">{m.group(1)}</sup>')
        else:
            out.append(m.group(1))          # Unicode superscript character, as typed
        pos = m.end()
    out.append(html.escape(markup[pos:], quote=False))
    return "".join(out).replace("\n", "<br>")


def printed(markup: str) -> str:
    """What the text layer should hold for a spec string (whitespace dropped)."""
    s = TOKEN.sub(lambda m: m.group(1) or m.group(2) or "", markup)
    return re.sub(r"\s+", "", s)


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------

FONT_FACES = "\n".join(
    f'@font-face {{ font-family: "{fam}"; font-weight: {w}; font-style: normal; '
    f'font-display: block; src: url("file://{DEJAVU / fn}") format("truetype"); }}'
    for fam, w, fn in [
        ("FxSans", 400, "DejaVuSansCondensed.ttf"),
        ("FxSans", 700, "DejaVuSansCondensed-Bold.ttf"),
        ("FxSerif", 400, "DejaVuSerif.ttf"),
        ("FxSerif", 700, "DejaVuSerif-Bold.ttf"),
        ("FxHead", 400, "DejaVuSans.ttf"),
        ("FxHead", 700, "DejaVuSans-Bold.ttf"),
    ])


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def events_html(items: list[It], cls: str) -> str:
    """Activities: bold event titles with nested bullets."""
    out = [f'<ul class="{cls}">']
    for it in items:
        out.append(f'<li><span class="title">{to_html(it.text)}</span>')
        if it.children:
            out.append('<ul class="sub">')
            out += [f"<li>{to_html(ch.text)}</li>" for ch in it.children]
            out.append("</ul>")
        out.append("</li>")
    out.append("</ul>")
    return "\n".join(out)


def simple_list(items: list[It], cls: str) -> str:
    assert all(not it.children for it in items)
    return (f'<ul class="{cls}">' + "".join(f"<li>{to_html(it.text)}</li>" for it in items)
            + "</ul>")


def footnotes_html(s: Sample, style: str) -> str:
    out = []
    for fn in s.footnotes:
        if style == "sup":
            mark = f'<sup class="fn">{fn.marker}</sup>'
        else:
            mark = "".join(k for ch in fn.marker for k, v in SUPERSCRIPTS.items() if v == ch)
        out.append(f'<div class="note">{mark} {esc(fn.term)}{esc(fn.sep)}'
                   f'{esc(fn.expansion)}</div>')
    return "\n".join(out)


def sec(s: Sample, kind: str) -> Sec:
    return next(x for x in s.sections if x.kind == kind)


def head_lines(sec_: Sec) -> str:
    out = [f"<h2>{esc(sec_.heading)}</h2>"]
    for i, sub in enumerate(sec_.subheadings):
        out.append(f'<p class="sub{i + 1}">{esc(sub)}</p>')
    return "\n".join(out)


# ---- layout 1: CSS grid, three columns, scrambled source order ------------------------

GRID_CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxSans"; font-size: 9pt; line-height: 1.3; color: #1e1e1e;
       hyphens: manual; -webkit-hyphens: manual; }
p { margin: 0; }
.sheet { width: 210mm; height: 296mm; box-sizing: border-box; padding: 20pt 24pt 18pt;
         display: grid; grid-template-columns: 1fr 1fr 1fr; column-gap: 9pt; row-gap: 9pt;
         grid-template-rows: auto auto 1fr auto;
         grid-template-areas: "head head head" "prog act ref" "prog act sugg"
                              "note note note"; }
.box { padding: 8pt 9pt 9pt; border-radius: 3pt; }
h2 { font-family: "FxHead"; font-weight: 700; font-size: 12.5pt; line-height: 1.15;
     margin: 0 0 6pt; letter-spacing: 0.2pt; }
.head { grid-area: head; background: #0C4A33; color: #fff; padding: 12pt 14pt 11pt;
        position: relative; }
.head .title { font-family: "FxHead"; font-weight: 700; font-size: 34pt; line-height: 1.05;
               margin: 0 0 4pt; }
.head .kind { font-weight: 700; font-size: 12pt; margin: 0 0 1pt; }
.head .dom { font-size: 11pt; }
.flag { position: absolute; right: 14pt; top: 14pt; width: 54pt; height: 36pt; }
.flag div { height: 12pt; }
.prog { grid-area: prog; background: #E6F1EA; }
.prog h2 { color: #0C4A33; }
.prog .sub1 { font-weight: 700; color: #0C4A33; font-size: 9pt; margin-bottom: 3pt; }
.prog .sub2 { font-weight: 700; margin-bottom: 7pt; }
.prog .para { margin-bottom: 5pt; }
.tl { border-left: 2pt solid #3C8D5F; padding-left: 7pt; margin: 7pt 0 0; }
.tl-label { font-weight: 700; color: #0C4A33; font-size: 8.8pt; margin: 0 0 1.5pt; }
.tl-entry { margin: 0 0 3pt; }
.tl-group { margin-bottom: 6pt; }
.act { grid-area: act; background: #FFF5DD; }
.act h2 { color: #8A5A00; }
ul { margin: 0; padding: 0; }
ul.events { list-style: disc outside; padding-left: 10pt; }
ul.events > li { margin-bottom: 7pt; }
ul.events .title { font-weight: 700; }
ul.events ul.sub { list-style: circle outside; padding-left: 11pt; margin-top: 2pt; }
ul.events ul.sub li { margin-bottom: 2pt; }
.ref { grid-area: ref; background: #ECECEC; }
.ref h2 { color: #333; }
ul.arrows { list-style: none; padding-left: 12pt; }
ul.arrows li { margin-bottom: 4pt; }
ul.arrows li::before { content: "→"; display: inline-block; width: 12pt; margin-left: -12pt;
                       color: #0C4A33; }
.sugg { grid-area: sugg; background: #F9E7E7; }
.sugg h2 { color: #9B1C22; }
ul.sugg-list { list-style: disc outside; padding-left: 10pt; }
ul.sugg-list li { margin-bottom: 4pt; }
.notes { grid-area: note; font-size: 6.8pt; line-height: 1.3; color: #333;
         padding-top: 4pt; border-top: 0.6pt solid #888; }
sup.fn { font-size: 70%; line-height: 0; vertical-align: super; }
"""


def html_grid3(s: Sample) -> str:
    prog, act, ref, sugg = (sec(s, k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    prog_html = [head_lines(prog)]
    for b in prog.blocks:
        if isinstance(b, It):
            prog_html.append(f'<p class="para">{to_html(b.text)}</p>')
        else:
            assert not b.centred and "\n" not in b.label
            prog_html.append('<div class="tl-group">'
                             f'<p class="tl-label">{to_html(b.label)}</p>'
                             + "".join(f'<p class="tl-entry">{to_html(e.text)}</p>'
                                       for e in b.entries) + "</div>")
    # the timeline frame: everything from the first label to the end of the box
    first_tl = next(i for i, b in enumerate(prog.blocks) if isinstance(b, TL))
    k = 1 + first_tl                          # prog_html[0] holds heading and subheadings
    prog_html = prog_html[:k] + ['<div class="tl">'] + prog_html[k:] + ["</div>"]
    boxes = {
        "head": ('<header class="head">'
                 '<div class="flag"><div style="background:#CE1126"></div>'
                 '<div style="background:#FCD116"></div>'
                 '<div style="background:#006B3F"></div></div>'
                 f'<p class="title">{esc(s.title)}</p>'
                 f'<p class="kind">{esc(s.header_lines[0])}</p>'
                 f'<p class="dom">{esc(s.header_lines[1])}</p></header>'),
        "prog": '<section class="box prog">' + "\n".join(prog_html) + "</section>",
        "act": ('<section class="box act">' + head_lines(act)
                + events_html(act.blocks, "events") + "</section>"),
        "ref": ('<section class="box ref">' + head_lines(ref)
                + simple_list(ref.blocks, "arrows") + "</section>"),
        "sugg": ('<section class="box sugg">' + head_lines(sugg)
                 + simple_list(sugg.blocks, "sugg-list") + "</section>"),
        "note": f'<footer class="notes">{footnotes_html(s, "sup")}</footer>',
    }
    # Source order deliberately differs from the reading order (grid-area places boxes).
    dom_order = ["sugg", "note", "act", "head", "ref", "prog"]
    body = "\n".join(boxes[k] for k in dom_order)
    return (f'<!doctype html>\n<html lang="{s.language}"><head><meta charset="utf-8">'
            f"<title>{esc(s.title)} – {esc(s.header_lines[0])}</title>"
            f"<style>\n{FONT_FACES}\n{GRID_CSS}</style></head>\n"
            f'<body><div class="sheet">\n{body}\n</div></body></html>\n')


# ---- layout 2: landscape, two page divs, absolutely positioned boxes ------------------

ABS_CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxSerif"; font-size: 9.4pt; line-height: 1.3; color: #1d1d1d;
       hyphens: manual; -webkit-hyphens: manual; }
p { margin: 0; }
.page { position: relative; width: 297mm; height: 209.5mm; overflow: hidden;
        break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.runhead { position: absolute; left: 24pt; right: 24pt; top: 10pt; height: 11pt;
           font-family: "FxSans"; font-size: 7.2pt; color: #666;
           border-bottom: 0.5pt solid #999; text-align: right; }
.box { position: absolute; box-sizing: border-box; padding: 8pt 11pt 9pt; }
h2 { font-family: "FxHead"; font-weight: 700; font-size: 13pt; line-height: 1.15;
     margin: 0 0 6pt; }
.band { left: 24pt; top: 28pt; width: 794pt; height: 82pt; background: #00623A;
        color: #fff; padding: 9pt 14pt; }
.band .title { font-family: "FxHead"; font-weight: 700; font-size: 32pt; line-height: 1.05;
               margin-bottom: 3pt; }
.band .ref { font-family: "FxSans"; font-weight: 700; font-size: 11.5pt; }
.band .dom { font-family: "FxSans"; font-size: 10.5pt; }
.band .star { position: absolute; right: 16pt; top: 12pt; width: 90pt; height: 58pt;
              background: #00623A; border-top: 8pt solid #D01C1F;
              border-bottom: 8pt solid #D01C1F; box-sizing: border-box; }
.band .star div { margin: 10pt auto 0; width: 22pt; height: 22pt; border-radius: 50%;
                  background: #FFC400; }
.prog { left: 24pt; top: 120pt; width: 486pt; min-height: 452pt; background: #E8F3EC; }
.prog h2 { color: #00623A; }
.prog .sub1 { font-family: "FxSans"; font-weight: 700; font-size: 9.2pt; color: #00623A;
              margin-bottom: 2pt; }
.prog .sub2 { font-family: "FxSans"; font-weight: 700; margin-bottom: 6pt; }
.para { margin-bottom: 4pt; text-align: justify; }
.row { display: flex; flex-direction: row; align-items: flex-start; column-gap: 10pt;
       margin-top: 5pt; }
.row.centred { align-items: center; }
.lab { flex: 0 0 70pt; font-family: "FxSans"; font-weight: 700; color: #00623A;
       font-size: 8.8pt; line-height: 1.2; white-space: nowrap; text-align: right; }
.ents { flex: 1 1 auto; }
.row.centred .ents { border-left: 1.5pt solid #00623A; padding-left: 7pt; }
.ents p { text-align: justify; }
.ents p + p { margin-top: 4pt; }
.act { left: 520pt; top: 120pt; width: 298pt; min-height: 452pt; background: #FFF4E2; }
.act h2 { color: #9A4B00; }
ul { margin: 0; padding: 0; }
.act ul.events { list-style: none; }
.act ul.events > li { margin-bottom: 7pt; }
.act .title { font-family: "FxSans"; font-weight: 700; display: block; margin-bottom: 2pt; }
.act ul.sub { list-style: square outside; padding-left: 13pt; }
.act ul.sub li { margin-bottom: 2pt; }
.act2 { left: 24pt; top: 32pt; width: 390pt; min-height: 0; height: 70pt; }
.refsys { left: 24pt; top: 112pt; width: 390pt; min-height: 210pt; background: #EDEFF5; }
.refsys h2 { color: #233A7A; }
ul.arrows { list-style-type: "→  "; padding-left: 14pt; }
ul.arrows li { margin-bottom: 4pt; }
ul.arrows li::marker { color: #233A7A; font-family: "FxSans"; }
.sugg { left: 424pt; top: 32pt; width: 394pt; min-height: 290pt; background: #F8E8E9; }
.sugg h2 { color: #A3161C; }
.sugg .row { margin-bottom: 8pt; }
ul.dashes { list-style-type: "–  "; padding-left: 12pt; }
ul.dashes li { margin-bottom: 4pt; text-align: justify; }
.notes { position: absolute; left: 24pt; bottom: 22pt; width: 520pt; font-size: 6.8pt;
         line-height: 1.35; color: #333; padding-top: 3pt; }
.notes::before { content: ""; display: block; width: 130pt; border-top: 0.6pt solid #777;
                 margin-bottom: 3pt; }
sup.fn { font-size: 68%; line-height: 0; vertical-align: super; }
"""


def timeline_rows(blocks: list[It | TL]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, It):
            out.append(f'<div class="row"><div class="lab"></div><div class="ents">'
                       f"<p>{to_html(b.text)}</p></div></div>")
        else:
            cls = "row centred" if b.centred else "row"
            out.append(f'<div class="{cls}"><div class="lab">{to_html(b.label)}</div>'
                       '<div class="ents">'
                       + "".join(f"<p>{to_html(e.text)}</p>" for e in b.entries)
                       + "</div></div>")
    return "\n".join(out)


def html_absolute2(s: Sample) -> str:
    prog, act, ref, sugg = (sec(s, k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    assert (prog.page, act.page, ref.page, sugg.page, s.footnote_page) == (1, 1, 2, 2, 2)
    paras = [b for b in prog.blocks if isinstance(b, It)]
    first_tl = next(i for i, b in enumerate(prog.blocks) if isinstance(b, TL))
    assert all(isinstance(b, TL) for b in prog.blocks[first_tl:]) and len(paras) == first_tl

    def runhead(n: int) -> str:
        return f'<div class="runhead">{esc(s.running)} · {n}/{s.pages}</div>'

    band = ('<div class="box band"><div class="star"><div></div></div>'
            f'<p class="title">{esc(s.title)}</p>'
            f'<p class="ref">{esc(s.header_lines[0])}</p>'
            f'<p class="dom">{esc(s.header_lines[1])}</p></div>')
    prog_html = ('<div class="box prog">' + head_lines(prog)
                 + "".join(f'<p class="para">{to_html(p.text)}</p>' for p in paras)
                 + timeline_rows(prog.blocks[first_tl:]) + "</div>")
    assert act.cont is not None and act.cont[1] == 2
    split = act.cont[0]
    act_html = ('<div class="box act">' + head_lines(act)
                + events_html(act.blocks[:split], "events") + "</div>")
    act2_html = ('<div class="box act act2">' + events_html(act.blocks[split:], "events")
                 + "</div>")
    ref_html = ('<div class="box refsys">' + head_lines(ref)
                + simple_list(ref.blocks, "arrows") + "</div>")
    # suggestions: a timeline row, then a dash list at the full width of the box (so that
    # the undated-by-label items are visibly not entries of the label's group)
    n_tl = sum(isinstance(b, TL) for b in sugg.blocks)
    assert all(isinstance(b, TL) for b in sugg.blocks[:n_tl])
    sugg_html = ('<div class="box sugg">' + head_lines(sugg)
                 + timeline_rows(sugg.blocks[:n_tl])
                 + simple_list(sugg.blocks[n_tl:], "dashes") + "</div>")
    notes = f'<div class="notes">{footnotes_html(s, "unicode")}</div>'
    # Source order deliberately differs from the reading order.
    page1 = "\n".join([act_html, runhead(1), prog_html, band])
    page2 = "\n".join([sugg_html, notes, ref_html, runhead(2), act2_html])
    return (f'<!doctype html>\n<html lang="{s.language}"><head><meta charset="utf-8">'
            f"<title>{esc(s.title)} – {esc(s.header_lines[0])}</title>"
            f"<style>\n{FONT_FACES}\n{ABS_CSS}</style></head>\n<body>\n"
            f'<div class="page">\n{page1}\n</div>\n<div class="page">\n{page2}\n</div>\n'
            "</body></html>\n")


LAYOUTS = {"grid3": html_grid3, "absolute2": html_absolute2}

# --------------------------------------------------------------------------------------
# Checks (on the printed PDF)
# --------------------------------------------------------------------------------------

def check_pdf(s: Sample, pdf_path: Path) -> None:
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != s.pages:
            raise ValueError(f"{s.name}: {len(pdf.pages)} pages printed, spec says {s.pages}")
        streams, raws = {}, {}
        n_small = 0
        for n, page in enumerate(pdf.pages, 1):
            raws[n] = page_text(page)
            streams[n] = raws[n].replace("\u2010", "")   # the hyphen drawn at a soft hyphen
            # text off the page
            for c in page.chars:
                if c["text"].strip() and (c["x0"] < 20 or c["x1"] > page.width - 20
                                          or c["top"] < 8 or c["bottom"] > page.height - 18):
                    problems.append(f"p{n}: char off the page {c['text']!r} "
                                    f"({c['x0']:.0f},{c['top']:.0f})")
            # boxes (filled backgrounds of 40 pt or more each way) must not overlap, except
            # a small decoration (a flag) inside a box; body text must sit inside a box
            boxes = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.rects + page.curves
                     if o.get("fill") and o["x1"] - o["x0"] > 40 and o["bottom"] - o["top"] > 40]

            def area(a):
                return (a[2] - a[0]) * (a[3] - a[1])

            def inside(a, b, tol=0.5):
                return (a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol
                        and a[3] <= b[3] + tol)

            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    if (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                            and not (inside(a, b) and area(a) < 10000)
                            and not (inside(b, a) and area(b) < 10000)):
                        problems.append(f"p{n}: boxes overlap {a} / {b}")
            for c in page.chars:
                cb = (c["x0"], c["top"], c["x1"], c["bottom"])
                if c["text"].strip() and c["size"] > 7.2 and not any(inside(cb, b, 1)
                                                                    for b in boxes):
                    problems.append(f"p{n}: {c['text']!r} at ({c['x0']:.0f},{c['top']:.0f}) "
                                    "outside every box")
            problems += overlapping_words(
                n, page.extract_words(keep_blank_chars=False, use_text_flow=True))
            # <sup> markers: small raised digits
            chars = page.chars
            for i, c in enumerate(chars):
                if c["text"] in "0123456789":
                    # compare with the glyph it is glued to: the one before on the same
                    # line, else the one after (a marker that opens a footnote line)
                    prev = chars[i - 1] if i > 0 else None
                    if prev is None or abs(prev["x1"] - c["x0"]) > 1.5:
                        prev = chars[i + 1]
                    if c["size"] < 0.8 * prev["size"]:
                        n_small += 1
                        if not c["bottom"] < prev["bottom"] - 1:
                            problems.append(f"p{n}: small digit {c['text']!r} not raised")
        # every item printed in one piece on its page, headings and header lines too
        problems += not_on_page(streams, [
            *((f"item {n} {clean(it.text)[:60]!r}", printed(it.text), page)
              for it, _g, n, _si, _p, page in flatten(s)),
            *((f"heading {sec_.heading!r}", sec_.heading, sec_.page) for sec_ in s.sections),
            *((f"header line {t!r}", t, 1) for t in [s.title, *s.header_lines])])
        # soft hyphens used at a line end
        for it, _g, _n, _si, _p, page in flatten(s):
            for m in re.finditer(r"(\S+)\{shy\}(\S+)", it.text):
                if f"{m.group(1)}\u2010{m.group(2)}" not in raws[page]:
                    problems.append(f"soft hyphen in {m.group(0)!r} not used at a line end")
        # sup markers counted: body and footnote area
        n_sup = sum(1 for it, *_ in flatten(s) for m in TOKEN.finditer(it.text)
                    if m.group(1) and m.group(1).isascii())
        if s.layout == "grid3":
            n_sup += len(s.footnotes)
        if n_small != n_sup:
            problems.append(f"{n_small} small digits printed, {n_sup} <sup> markers in spec")
    if problems:
        raise ValueError(f"{s.name}: " + "\n  ".join(problems))


# --------------------------------------------------------------------------------------
# Golden
# --------------------------------------------------------------------------------------

def flatten(s: Sample) -> list[tuple[It, TL | None, int, int, int | None, int]]:
    """(item, its timeline group or None, n, section index, parent n, page) in reading
    order."""
    out = []

    def walk(items, si, parent, group, page):
        for it in items:
            n = len(out) + 1
            out.append((it, group, n, si, parent, page))
            walk(it.children, si, n, None, page)

    for si, sec_ in enumerate(s.sections):
        for bi, b in enumerate(sec_.blocks):
            page = sec_.block_page(bi)
            if isinstance(b, TL):
                walk(b.entries, si, None, b, page)
            else:
                walk([b], si, None, None, page)
    return out


def golden(s: Sample) -> dict:
    entries = []
    for it, group, n, si, parent, page in flatten(s):
        # hand-written data cross-checks: an inline date is the first of `dates`; a label's
        # date is the label, and its entries have no date of their own
        if it.date is not None:
            assert it.dates and it.dates[0][0] == it.date.text, (s.name, it.text)
            assert it.dates[0][1] == it.date.edtf, (s.name, it.text)
        if group is not None:
            assert group.date.text == join_label(group.label), group.label
            assert it.date is None, (s.name, it.text)
        entries.append(Entry(it, n, si, parent, page,
                             timeline=group.date if group is not None else None,
                             inline=it.date))
    first_use = list(dict.fromkeys(markers_cited(entries)))     # all cited, in order
    assert first_use == [f.marker for f in s.footnotes], (s.name, first_use)
    return golden_json(s, "chromium", entries, MARKUP, footnotes_page=s.footnote_page)


def main(argv: list[str]) -> int:
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set(argv) or {s.name for s in SAMPLES}
    unknown = wanted - {s.name for s in SAMPLES}
    if unknown:
        raise SystemExit(f"unknown sample(s): {sorted(unknown)}")
    SCRATCH.mkdir(parents=True, exist_ok=True)
    for s in SAMPLES:
        if s.name not in wanted:
            continue
        print(s.name)
        g = golden(s)                                   # spec cross-checks first
        html_path = SCRATCH / f"{s.name}.html"
        html_path.write_text(LAYOUTS[s.layout](s), encoding="utf-8")
        tmp_pdf = SCRATCH / f"{s.name}.pdf"
        tmp_pdf.unlink(missing_ok=True)
        print_pdf(html_path, tmp_pdf)
        check_pdf(s, tmp_pdf)
        pdf = SAMPLES_DIR / f"{s.name}.pdf"
        shutil.copyfile(tmp_pdf, pdf)
        write_golden(s.name, g)
        if not os.environ.get("KEEP_HTML"):
            html_path.unlink()
            tmp_pdf.unlink()
        print(f"  -> {pdf.relative_to(ROOT)}, tests/golden/{s.name}.json "
              f"({len(g['items'])} items)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
