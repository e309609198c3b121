"""Cameroun (fr), reportlab, 1 page: the seed factsheet. Three columns of boxes drawn out of
reading order; a timeline with labels in their own column, one label dating two entries;
Wingdings check-mark bullets that extract as "9"; superscript markers (MIEUX+¹, l’OFII²);
headings broken over lines; socio-/économique and réinté-/gration line breaks; ﬁ ligatures."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL, Y2021

STYLE = dict(
    body="DejaVuSansCondensed", bold="DejaVuSansCondensed-Bold", size=9.0, leading=12.0,
    head_size=15.0, sub_size=9.5, sub_leading=12.0, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=6.5, text="#222222",
    band="#0B4F6C", band_text="#FFFFFF", title_size=34.0, header_size=12.0,
    band_bottom=112.0, marks=["#2E8B57", "#C0392B", "#F1C40F"],
    foot_size=7.0, foot_leading=9.0,
)

SAMPLE = Sample(
    name="cameroun-fr", producer="reportlab", language="fr", title="Cameroun",
    header_lines=["Pays référent", "Domaine 5 : Retour, réadmission et réintégration"],
    domain_number=5, domain_title="Retour, réadmission et réintégration",
    action_number=20,
    action_title="Échanger les bonnes pratiques en matière de retour, réadmission et "
                 "réintégration tant au niveau national qu’au niveau régional et "
                 "transfrontalier (notamment par le biais de concertations régionales)",
    pages=1,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan\nd’Action de Marrakech",
                         "Action 20 : Échanger les bonnes pratiques en matière de retour, "
                         "réadmission et réintégration tant au niveau national qu’au niveau "
                         "régional et transfrontalier (notamment par le biais de "
                         "concertations régionales)"],
            frame=Frame([Region(1, 24, 122, 168, bottom=354, box="prog"),
                         Region(1, 196, 122, 375, bottom=354, label_w=44, box="prog")],
                        items_region=1, fill="#E3EEF3", accent="#0B4F6C", draw_rank=2),
            blocks=[
                It("Réhabilitation d’un bâtiment devant servir de centre de transit et "
                   "d’accueil des migrants de retour vulnérables."),
                It("Développement d’un programme national de retour et de réintégration des "
                   "migrants ayant pour objectif de déﬁnir une politique nationale en la "
                   "matière."),
                TL("2017-\n2018",
                   D("2017-2018", "2017-01-01", "2018-12-31", "year", "range", "2017/2018"),
                   [It("Programme MIEUX visant à renforcer les capacités des acteurs nationaux "
                       "impliqués dans la prise en charge des migrants de retour.")]),
                TL("Mai\n2021",
                   D("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05"),
                   [It("Lancement d’un projet (programme MIEUX+[^1]) de renforcement des "
                       "capacités et formation des agents du ministère des Relations "
                       "extérieures et de l’Institut des relations internationales sur la "
                       "migration et la mobilité.", refs=[("1", "MIEUX+")]),
                    It("Mise en place d’un guichet diaspora visant à prendre en charge et à "
                       "suivre le retour et la réintégration des migrants de retour au pays.")]),
                TL("Juillet\n2021",
                   D("Juillet 2021", "2021-07-01", "2021-07-31", "month", "", "2021-07"),
                   [It("Mise en place d’un comité de validation des projets de vie des "
                       "migrants de retour d’Europe (programme de l’OFII[^2])",
                       refs=[("2", "OFII")])]),
                TL("Depuis\naoût\n2021",
                   D("Depuis août 2021", "2021-08-01", None, "month", "since", "2021-08/.."),
                   [It("Projet de convention cadre de partenariat relatif à la mise en œuvre "
                       "d’un programme d’aide à la réintégration de l’OFII au Togo.")]),
            ]),
        Sec("activities", "ACTIVITÉS 2021", heading_date=Y2021,
            frame=Frame([Region(1, 24, 364, 306, bottom=700, box="act")],
                        fill="#FFF4E0", accent="#B25B00", draw_rank=3),
            blocks=[
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
            frame=Frame([Region(1, 340, 364, 231, bottom=546, box="ref")],
                        fill="#E8F1E4", accent="#2E6B30", draw_rank=1),
            blocks=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech", bullet="arrow"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement", bullet="arrow"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration", bullet="arrow"),
                It("Conduit à des résultats concrets", bullet="arrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR\nL’AVENIR",
            frame=Frame([Region(1, 340, 556, 231, bottom=700, label_w=30, box="sug")],
                        fill="#F3E6EE", accent="#7A1F5C", draw_rank=4),
            blocks=[
                TL("2023", D("2023", "2023-01-01", "2023-12-31", "year", "", "2023"),
                   [It("Réunion thématique sur le retour et la réintégration présidée par le "
                       "Cameroun dans le cadre de la présidence africaine du Dialogue 2023.",
                       dates=[("2023", "2023")])]),
            ]),
    ],
    footnotes=[
        Footnote("1", "MIEUX+", "L’initiative conjointe UE-ICMPD MIgration EU eXpertise"),
        Footnote("2", "OFII", "Office Français de l’Immigration et Intégration"),
    ],
)


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import BoxedSheet
    BoxedSheet(s, STYLE, header_style="stacked",
               footnote_region=Region(1, 24, 764, 547)).render(pdf)
