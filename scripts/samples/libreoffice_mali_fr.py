"""Mali (fr), LibreOffice Writer, A4 portrait, 1 page, one column: real Writer footnotes;
Writer lists (■ and – nested, ➔ arrows, a numbered list); a bordered table as the timeline,
with a label cell spanning two rows; "Mise en œuvre…" and "Action 6 : …" set as one bold
block; a soft hyphen Writer must take (hyphenation is off everywhere else)."""
from __future__ import annotations

from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.libreoffice import (WriterLayout, WriterSheet, raised_note_numbers,
                                   title_largest, writer_pdf)
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

LAYOUT = WriterLayout(
    country_code="FR", landscape=False, columns=1,
    style=dict(body="DejaVu Sans", heading_font="DejaVu Sans", size=8.5, title_size=30,
               header_size=12, head_size=13, sub_size=9.5, foot_size=7, accent="#0E6251",
               band="#D4EFDF", label_w=2.6, para_after=0.1, line_height=112, head_before=0.2),
)

SAMPLE = Sample(
    name="libreoffice-mali-fr", producer="libreoffice", language="fr", title="Mali",
    header_lines=["Pays référent", "Domaine 2 : Migration légale et mobilité"],
    domain_number=2, domain_title="Migration légale et mobilité",
    action_number=6,
    action_title="Promouvoir la mobilité des étudiants, des chercheurs et des jeunes "
                 "professionnels entre l’Afrique et l’Europe",
    pages=1,
    sections=[
        Sec("progress", "PROGRÈS", form="paras+timeline",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 6 : Promouvoir la mobilité des étudiants, des chercheurs et "
                         "des jeunes professionnels entre l’Afrique et l’Europe"],
            blocks=[
                It("Adoption de la PONAM[^1] et de son plan d’action, mis en œuvre "
                   "jusqu’en 2020.", refs=[("1", "PONAM")],
                   date=D("jusqu’en 2020", None, "2020-12-31", "year", "until", "../2020"),
                   dates=[("jusqu’en 2020", "../2020")]),
                It("Création au sein du ministère des Maliens établis à l’extérieur d’une "
                   "cellule chargée de la migration légale et de la mobilité des jeunes."),
                TL("2019-2020",
                   D("2019-2020", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
                   [It("Programme pilote de mobilité circulaire pour 120 jeunes diplômés maliens "
                       "dans les secteurs de l’agriculture et de l’hôtellerie.")]),
                TL("Mai 2021",
                   D("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05"),
                   [It("Signature d’un accord-cadre entre l’ANPE[^2] et le service public de "
                       "l’emploi espagnol sur le recrutement de travailleurs saisonniers.",
                       refs=[("2", "ANPE")]),
                    It("Ouverture à Bamako d’un guichet d’information sur les voies légales de "
                       "migration et les bourses d’études.")]),
                TL("Depuis\naoût 2021",
                   D("Depuis août 2021", "2021-08-01", None, "month", "since", "2021-08/.."),
                   [It("Accompagnement des étudiants maliens admis dans les universités "
                       "européennes, en lien avec les consulats et les associations de la "
                       "diaspora.")]),
                TL("T2 2022",
                   D("T2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
                   [It("Lancement d’un projet de reconnaissance des diplômes et des compétences "
                       "professionnelles avec l’appui de l’OIM[^3] ; premiers résultats attendus "
                       "fin 2022.", refs=[("3", "OIM")], dates=[("fin 2022", "2022-39")])]),
                TL("Début 2023",
                   D("Début 2023", "2023-01-01", "2023-04-30", "third", "early", "2023-37"),
                   [It("Validation du référentiel national des métiers ouverts à la mobilité "
                       "circulaire et parcours de profession{shy}nalisation des candidats, mené "
                       "avec les chambres consulaires et les organisations patronales.")]),
            ]),
        Sec("activities", "ACTIVITÉS 2022", form="events-nested", heading_date=Y2022,
            blocks=[
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
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", form="arrows",
            blocks=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration"),
                It("Conduit à des résultats concrets"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", form="numbered", numbering=("1.",),
            blocks=[
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
        Footnote("1", "PONAM", "Politique nationale de migration du Mali", sep=" – "),
        Footnote("2", "ANPE", "Agence nationale pour l’emploi", sep=" – "),
        Footnote("3", "OIM", "Organisation internationale pour les migrations", sep=" – "),
    ],
)


def fodt(s: Sample) -> str:
    return WriterSheet(s, LAYOUT).document()


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)


CHECK = PdfCheck(extra=(title_largest, raised_note_numbers))
