"""The Gambia (en), reportlab, 1 page: two columns; labels 2019–2020 (en dash, broken at the
dash), Since March 2020, Q2 2022, Late 2021; • and nested – bullets; a ZapfDingbats bullet;
a soft-hyphen break; header lines right of the title."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL, Y2022

STYLE = dict(
    body="Vera", bold="VeraBd", size=9.0, leading=12.6,
    head_size=15.0, sub_size=9.6, sub_leading=12.4, label_size=9.0, label_leading=11.0,
    indent=12.0, item_gap=8.0, text="#1E1E1E",
    band="#8C2F1B", band_text="#FFFFFF", title_size=30.0, header_size=11.5,
    band_bottom=96.0,
    foot_size=6.5, foot_leading=8.2,
)

SAMPLE = Sample(
    name="gambia-en", producer="reportlab", language="en", title="The Gambia",
    header_lines=["Reference country", "Domain 3: Protection and asylum"],
    domain_number=3, domain_title="Protection and asylum",
    action_number=12,
    action_title="Strengthen the capacities of national asylum systems, including for the "
                 "registration and referral of persons in need of international protection",
    pages=1,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 12: Strengthen the capacities of national asylum systems, "
                         "including for the registration and referral of persons in need "
                         "of international protection"],
            frame=Frame([Region(1, 24, 108, 282, bottom=436, label_w=52, box="prog")],
                        fill="#F7ECE8", accent="#8C2F1B", draw_rank=1),
            blocks=[
                TL("2019–\n2020",
                   D("2019–2020", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
                   [It("Drafting and validation of the national refugee policy, in "
                       "consultation with civil society, the GCR[^1] and UNHCR[^2].",
                       refs=[("1", "GCR"), ("2", "UNHCR")])]),
                TL("Since\nMarch\n2020",
                   D("Since March 2020", "2020-03-01", None, "month", "since", "2020-03/.."),
                   [It("Decentralised registration of asylum seekers in the regions bordering "
                       "Senegal, with mobile teams deployed in Basse and Farafenni.")]),
                TL("Late\n2021",
                   D("Late 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39"),
                   [It("Adoption of standard operating procedures for the identiﬁcation "
                       "and referral of vulnerable persons, including unaccompanied children "
                       "and persons ﬂeeing conﬂict.")]),
                TL("Q2\n2022",
                   D("Q2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
                   [It("Training of 45 border and immigration ofﬁcers on international "
                       "protection and the principle of non-refoulement.")]),
                It("Ongoing dialogue with ECOWAS partners on the free movement protocol and "
                   "its interaction with national asylum procedures."),
            ]),
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM",
            frame=Frame([Region(1, 24, 446, 282, bottom=606, box="ref")],
                        fill="#FFFFFF", stroke="#23415E", accent="#23415E", draw_rank=4),
            blocks=[
                It("Increases partners’ participation in the implementation of the Rabat "
                   "Process / Marrakesh Action Plan", bullet="arrow"),
                It("Opportunities for European and African partners to collaborate closely",
                   bullet="arrow"),
                It("Strengthens the sustainability of the Rabat Process as a platform for "
                   "dialogue and cooperation on migration", bullet="arrow"),
                It("Leads to concrete results", bullet="arrow"),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022,
            frame=Frame([Region(1, 316, 108, 255, bottom=444, box="act")],
                        fill="#EEF2F7", accent="#23415E", draw_rank=3),
            blocks=[
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
            frame=Frame([Region(1, 316, 454, 255, bottom=606, label_w=44, box="sug")],
                        fill="#F2F2F2", accent="#8C2F1B", draw_rank=2),
            blocks=[
                It("Continued technical support to the GCR[^1] for the digitalisation of "
                   "asylum ﬁles until 2025.", bullet="bullet", refs=[("1", "GCR")],
                   date=D("until 2025", None, "2025-12-31", "year", "until", "../2025"),
                   dates=[("until 2025", "../2025")]),
                TL("Early\n2024",
                   D("Early 2024", "2024-01-01", "2024-04-30", "third", "early", "2024-37"),
                   [It("Thematic meeting on asylum capacity building in West Africa, hosted by "
                       "The Gambia.")]),
            ]),
    ],
    footnotes=[
        Footnote("1", "GCR", "Gambia Commission for Refugees"),
        Footnote("2", "UNHCR", "United Nations High Commissioner for Refugees"),
    ],
)


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import BoxedSheet
    BoxedSheet(s, STYLE, header_style="right",
               footnote_region=Region(1, 24, 772, 547)).render(pdf)
