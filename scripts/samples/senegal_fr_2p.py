"""Sénégal (fr), reportlab, 2 pages: a running footer with "Page n/2"; ACTIVITÉS and its list
continuing onto page 2 (the page turns between an event and its bullet); footnotes on page 2
for markers on both pages; a bold label a single word space from its entry; Wingdings
arrowhead bullets; a U+2010 hyphen break."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL, Y2021

STYLE = dict(
    body="DejaVuSerif", bold="DejaVuSans-Bold", size=9.0, leading=12.4,
    head_size=15.0, sub_size=9.6, sub_leading=12.0, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=8.0, text="#202020", item_bold="DejaVuSerif-Bold",
    band="#1D5E3A", band_text="#FFFFFF", title_size=30.0, header_size=11.0,
    band_bottom=120.0, marks=["#00853F", "#FDEF42", "#E31B23"],
    foot_size=6.8, foot_leading=8.6,
)

SAMPLE = Sample(
    name="senegal-fr-2p", producer="reportlab", language="fr", title="Sénégal",
    header_lines=["Pays référent",
                  "Domaine 1 : Bénéfices des migrations en termes de développement et lutte "
                  "contre les causes profondes de la migration irrégulière"],
    domain_number=1,
    domain_title="Bénéfices des migrations en termes de développement et lutte contre les "
                 "causes profondes de la migration irrégulière",
    action_number=3,
    action_title="Promouvoir l’inclusion ﬁnancière des migrants et la réduction du coût des "
                 "transferts de fonds",
    pages=2,
    sections=[
        Sec("progress", "PROGRÈS",
            subheadings=["Mise en œuvre du Plan d’Action de Marrakech",
                         "Action 3 : Promouvoir l’inclusion ﬁnancière des migrants et la "
                         "réduction du coût des transferts de fonds"],
            frame=Frame([Region(1, 24, 130, 268, bottom=772, label_w=60, box="prog")],
                        fill="#E7F2EA", accent="#1D5E3A", draw_rank=1),
            blocks=[
                It("Renforcement du dispositif institutionnel d’accompa{‐}gnement des "
                   "migrants porteurs de projets."),
                It("Intégration de la dimension migratoire dans les stratégies sectorielles "
                   "de développement et dans les plans de développement communaux."),
                TL("2019",
                   D("2019", "2019-01-01", "2019-12-31", "year", "", "2019"),
                   [It("Étude nationale sur les coûts de transfert et les usages des fonds "
                       "envoyés par la diaspora, réalisée avec l’appui de partenaires "
                       "techniques.")]),
                TL("Depuis le\n15 mars\n2020",
                   D("Depuis le 15 mars 2020", "2020-03-15", None, "day", "since",
                     "2020-03-15/.."),
                   [It("Mise en place d’un guichet unique d’information et d’orientation pour "
                       "les investisseurs de la diaspora au sein des BAOS[^1].",
                       refs=[("1", "BAOS")])]),
                TL("Mars-\navril\n2021",
                   D("Mars-avril 2021", "2021-03-01", "2021-04-30", "month", "range",
                     "2021-03/2021-04"),
                   [It("Cartographie des prestataires de services de transfert d’argent et "
                       "analyse des coûts de transfert vers le Sénégal.")]),
                TL("Septembre\n2021",
                   D("Septembre 2021", "2021-09-01", "2021-09-30", "month", "", "2021-09"),
                   [It("Signature d’un protocole d’accord entre la Direction générale d’appui "
                       "aux Sénégalais de l’extérieur et plusieurs banques pour l’ouverture de "
                       "comptes à distance.")]),
                TL("T2\n2022",
                   D("T2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
                   [It("Lancement d’une plateforme numérique de comparaison des frais de "
                       "transfert, en partenariat avec l’OIM[^2] et le secteur bancaire.",
                       refs=[("2", "OIM")])]),
                TL("Fin\n2022",
                   D("Fin 2022", "2022-09-01", "2022-12-31", "third", "late", "2022-39"),
                   [It("Adoption de la stratégie nationale d’inclusion ﬁnancière des Sénégalais "
                       "de l’extérieur.")]),
                TL("Début\n2023",
                   D("Début 2023", "2023-01-01", "2023-04-30", "third", "early", "2023-37"),
                   [It("Ouverture d’un fonds de garantie pour les projets d’investissement des "
                       "Sénégalais de l’extérieur dans l’agriculture et le numérique.")]),
            ]),
        Sec("activities", "ACTIVITÉS 2021", heading_date=Y2021,
            frame=Frame([Region(1, 303, 130, 268, bottom=772, box="act1"),
                         Region(2, 24, 40, 268, bottom=372, box="act2")],
                        fill="#FFF7E6", accent="#9A5B00", draw_rank=2),
            blocks=[
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
                          region=1, page=2),  # the page turns between this event and its bullet
                   ]),
                It("Formation des agents des BAOS[^1] à l’éducation ﬁnancière, 2e semestre "
                   "2021", bold=True, refs=[("1", "BAOS")], page=2,
                   date=D("2e semestre 2021", "2021-07-01", "2021-12-31", "half", "",
                          "2021-41"),
                   dates=[("2e semestre 2021", "2021-41")],
                   children=[
                       It("Quarante conseillers formés à l’accompagnement des ménages "
                          "bénéﬁciaires de transferts.", bullet="warrow"),
                   ]),
                It("Note d’orientation", bold=True, page=2, children=[
                    It("Synthèse des bonnes pratiques en matière d’inclusion ﬁnancière des "
                       "migrants et de leurs familles restées au pays.", bullet="warrow"),
                ]),
            ]),
        Sec("referent_system", "LE SYSTÈME DES PAYS RÉFÉRENTS", page=2,
            frame=Frame([Region(2, 303, 40, 268, bottom=222, box="ref")],
                        fill="#FFFFFF", stroke="#1D5E3A", accent="#1D5E3A", draw_rank=4),
            blocks=[
                It("Augmente la participation des partenaires à la mise en œuvre du "
                   "Processus de Rabat / Plan d’action de Marrakech", bullet="arrow"),
                It("Opportunités pour les partenaires européens et africains de collaborer "
                   "étroitement", bullet="arrow"),
                It("Renforce la durabilité du Processus de Rabat en tant que plateforme de "
                   "dialogue et de coopération en matière de migration", bullet="arrow"),
                It("Conduit à des résultats concrets", bullet="arrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS POUR L’AVENIR", page=2,
            frame=Frame([Region(2, 303, 232, 268, bottom=372, box="sug")],
                        fill="#EEF0F6", accent="#3A3F8F", draw_rank=3),
            blocks=[
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
                 "Bureaux d’accueil, d’orientation et de suivi des Sénégalais de l’extérieur",
                 page=2),
        Footnote("2", "OIM", "Organisation internationale pour les migrations", page=2),
    ],
)


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import BoxedSheet
    BoxedSheet(s, STYLE, header_style="stacked",
               footnote_region=Region(2, 24, 760, 547),
               footer="Processus de Rabat – Fiche pays référent",
               footer_fmt="Page {n}/{total}").render(pdf)
