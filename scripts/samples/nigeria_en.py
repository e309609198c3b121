"""Nigeria (en), reportlab, 1 page: three columns; Circa 2019, Spring 2022, H1 2023, from 2024
onwards; Symbol-font bullets; an item that truly starts with a number (12 countries…);
COVID-19 and Action 16, which are not dates."""
from __future__ import annotations

from pathlib import Path

from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL, Y2022

STYLE = dict(
    body="DejaVuSans", bold="DejaVuSans-Bold", size=8.6, leading=12.4,
    head_size=13.0, sub_size=9.0, sub_leading=11.8, label_size=8.6, label_leading=10.6,
    indent=10.0, item_gap=8.0, text="#1A1A1A",
    band="#3B3B6D", band_text="#FFFFFF", title_size=32.0, header_size=10.5,
    band_bottom=112.0, marks=["#008751", "#FFFFFF", "#008751"],
    foot_size=6.4, foot_leading=8.0,
)

SAMPLE = Sample(
    name="nigeria-en", producer="reportlab", language="en", title="Nigeria",
    header_lines=["Reference country",
                  "Domain 4: Prevention of irregular migration, migrant smuggling and "
                  "trafficking in human beings"],
    domain_number=4,
    domain_title="Prevention of irregular migration, migrant smuggling and trafficking in "
                 "human beings",
    action_number=16,
    action_title="Strengthen the capacities of the competent authorities to prevent and "
                 "combat trafficking in human beings and to protect its victims",
    pages=1,
    sections=[
        Sec("progress", "PROGRESS",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 16: Strengthen the capacities of the competent authorities "
                         "to prevent and combat trafficking in human beings and to protect "
                         "its victims"],
            frame=Frame([Region(1, 24, 122, 190, bottom=612, label_w=46, box="prog")],
                        fill="#ECECF6", accent="#3B3B6D", draw_rank=2),
            blocks=[
                It("Revision of the national action plan against trafﬁcking in persons, "
                   "with a stronger focus on prevention and victim protection."),
                TL("Circa\n2019",
                   D("Circa 2019", "2019-01-01", "2019-12-31", "year", "approx", "2019~"),
                   [It("Creation of state task forces against human trafﬁcking in the main "
                       "states of origin, coordinated by NAPTIP[^1].", refs=[("1", "NAPTIP")])]),
                TL("October\n2021",
                   D("October 2021", "2021-10-01", "2021-10-31", "month", "", "2021-10"),
                   [It("Memorandum of understanding with Spain on police cooperation against "
                       "migrant smuggling networks.")]),
                TL("Spring\n2022",
                   D("Spring 2022", "2022-03-01", "2022-05-31", "season", "", "2022-21"),
                   [It("Review of the national referral mechanism for victims of trafﬁcking, "
                       "adapted to the COVID-19 context.")]),
                TL("H1\n2023",
                   D("H1 2023", "2023-01-01", "2023-06-30", "half", "", "2023-40"),
                   [It("Launch of a national awareness campaign on the risks of irregular "
                       "migration in schools and on social media.")]),
                It("15 shelters for victims now run jointly with civil society "
                   "organisations."),
            ]),
        Sec("activities", "ACTIVITIES 2022", heading_date=Y2022,
            frame=Frame([Region(1, 222, 122, 172, bottom=612, box="act")],
                        fill="#FFF3E8", accent="#A4471A", draw_rank=1),
            blocks=[
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
            frame=Frame([Region(1, 402, 122, 169, bottom=324, box="ref")],
                        fill="#E9F3F1", accent="#1F6A5E", draw_rank=4),
            blocks=[
                It("Increases the participation of partners in the implementation of the "
                   "Rabat Process / Marrakesh Action Plan", bullet="sarrow"),
                It("Opportunities for European and African partners to work closely "
                   "together", bullet="sarrow"),
                It("Strengthens the Rabat Process as a platform for dialogue and "
                   "cooperation on migration", bullet="sarrow"),
                It("Leads to concrete results", bullet="sarrow"),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE",
            frame=Frame([Region(1, 402, 334, 169, bottom=612, box="sug")],
                        fill="#FFFFFF", stroke="#A4471A", accent="#A4471A", draw_rank=3),
            blocks=[
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
)


def render(s: Sample, pdf: Path, work: Path) -> None:
    from samplekit.reportlab import BoxedSheet
    BoxedSheet(s, STYLE, header_style="stacked",
               footnote_region=Region(1, 24, 772, 547)).render(pdf)
