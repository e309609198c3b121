"""Spain (en), LibreOffice Writer, A4 landscape, 2 pages: the body in a three-column Writer
section; Writer footnotes on both pages; a borderless timeline table with a two-row label
cell; bullets and an arrow list; a running head printed on page 2 only; a "Page N of M"
footer; cost-effectiveness kept as a compound."""
from __future__ import annotations

from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.libreoffice import (WriterLayout, WriterSheet, raised_note_numbers,
                                   title_largest, writer_pdf)
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

LAYOUT = WriterLayout(
    country_code="GB", landscape=True, columns=3,
    style=dict(body="DejaVu Serif", heading_font="DejaVu Sans", size=8.5, title_size=28,
               header_size=11, head_size=12.5, sub_size=9, foot_size=7, accent="#7B241C",
               band="#FADBD8", label_w=1.9, para_after=0.1),
    running_header="Rabat Process | Spain – Reference country factsheet",
    running_footer="Euro-African Dialogue on Migration and Development",
    timeline_borders=False,
)

SAMPLE = Sample(
    name="libreoffice-spain-en", producer="libreoffice", language="en", title="Spain",
    header_lines=["Reference country",
                  "Domain 1: Development benefits of migration and addressing root causes "
                  "of irregular migration and forced displacement"],
    domain_number=1,
    domain_title="Development benefits of migration and addressing root causes of "
                 "irregular migration and forced displacement",
    action_number=2,
    action_title="Support job creation and vocational training for young people and women "
                 "in countries of origin and transit",
    pages=2,
    sections=[
        Sec("progress", "PROGRESS", form="paras+timeline",
            subheadings=["Implementation of the Marrakesh Action Plan",
                         "Action 2: Support job creation and vocational training for young "
                         "people and women in countries of origin and transit"],
            blocks=[
                It("Migration and development remained a priority of the Spanish "
                   "Cooperation master plan until 2021.",
                   date=D("until 2021", None, "2021-12-31", "year", "until", "../2021"),
                   dates=[("until 2021", "../2021")]),
                TL("Late 2021",
                   D("Late 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39"),
                   [It("Launch of the Youth Employment Partnership with Senegal and The Gambia, "
                       "implemented by AECID[^1].", refs=[("1", "AECID")]),
                    It("Selection of the first 40 trainees of the partnership in Dakar.")]),
                TL("Q1 2022",
                   D("Q1 2022", "2022-01-01", "2022-03-31", "quarter", "", "2022-33"),
                   [It("Opening of two vocational training centres for renewable energy trades "
                       "in Saint-Louis and Banjul.")]),
                TL("Mid-2022",
                   D("Mid-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
                   [It("Start of a micro-credit line for women entrepreneurs, managed with "
                       "IOM[^2], and training of 300 young people in solar installation.",
                       refs=[("2", "IOM")])]),
                TL("Autumn\n2022",
                   D("Autumn 2022", "2022-09-01", "2022-11-30", "season", "", "2022-23"),
                   [It("Second call for proposals of the Migration and Development Fund: 18 "
                       "projects selected.")]),
                TL("Since\nJanuary\n2023",
                   D("Since January 2023", "2023-01-01", None, "month", "since", "2023-01/.."),
                   [It("Regular dialogue on labour mobility and skills partnerships with "
                       "Morocco, Senegal and Mauritania.")]),
            ]),
        Sec("activities", "ACTIVITIES 2022", form="events-flat", heading_date=Y2022,
            blocks=[
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
        Sec("referent_system", "THE REFERENCE COUNTRY SYSTEM", form="arrows", page=2,
            break_before="page",
            blocks=[
                It("Increases partners’ participation in the implementation of the Rabat "
                   "Process / Marrakesh Action Plan"),
                It("Opportunities for European and African partners to collaborate closely"),
                It("Strengthens the sustainability of the Rabat Process as a platform for "
                   "dialogue and cooperation on migration"),
                It("Leads to concrete results"),
            ]),
        Sec("suggestions", "SUGGESTIONS FOR THE FUTURE", form="bullets", page=2,
            blocks=[
                It("Thematic meeting on youth employment and skills to be hosted by Spain "
                   "in Q4 2023.",
                   date=D("Q4 2023", "2023-10-01", "2023-12-31", "quarter", "", "2023-36"),
                   dates=[("Q4 2023", "2023-36")]),
                It("Joint evaluation of the partnership with FIIAPP[^4] in early 2024.",
                   refs=[("4", "FIIAPP")],
                   date=D("early 2024", "2024-01-01", "2024-04-30", "third", "early",
                          "2024-37"),
                   dates=[("early 2024", "2024-37")]),
                It("Extension of the training centres to Mali and Niger from 2024 onwards.",
                   date=D("from 2024 onwards", "2024-01-01", None, "year", "since",
                          "2024/.."),
                   dates=[("from 2024 onwards", "2024/..")]),
                It("Exchanges with other reference countries on the role of the private "
                   "sector in vocational training."),
            ]),
    ],
    footnotes=[
        Footnote("1", "AECID", "Spanish Agency for International Development Cooperation"),
        Footnote("2", "IOM", "International Organization for Migration"),
        Footnote("3", "ECOWAS", "Economic Community of West African States"),
        Footnote("4", "FIIAPP", "International and Ibero-American Foundation for "
                 "Administration and Public Policies", page=2),
    ],
)


def fodt(s: Sample) -> str:
    return WriterSheet(s, LAYOUT).document()


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)


CHECK = PdfCheck(extra=(title_largest, raised_note_numbers))
