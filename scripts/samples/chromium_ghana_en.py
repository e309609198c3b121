"""Ghana (en), Chromium, A4 portrait, 1 page: a CSS grid of three columns of boxes placed by
grid-area (the HTML source order is scrambled); timeline labels on their own line ABOVE
their entries; CSS list bullets (disc, nested circle: vector shapes, no glyph); arrow bullets
from `::before { content: "→" }`; footnote markers as <sup>; one explicit soft hyphen that
Chromium takes at a line end."""
from __future__ import annotations

from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.chromium import (DEJAVU_FACES, boxed_pages, esc, events_html, head_lines,
                                note_html, print_html, raised_digits, simple_list, to_html)
from samplekit.spec import D, Footnote, It, Sample, Sec, TL, Y2022

SAMPLE = Sample(
    name="chromium-ghana-en", producer="chromium", language="en", title="Ghana",
    header_lines=["Reference country", "Domain 2: Legal migration and mobility"],
    domain_number=2, domain_title="Legal migration and mobility",
    action_number=7,
    action_title="Promote the mobility of students, researchers and young professionals "
                 "between Africa and Europe, including through the recognition of "
                 "qualifications",
    pages=1,
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

CSS = """
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


def page_html(s: Sample) -> str:
    prog, act, ref, sugg = (s.section(k) for k in
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
    notes = "\n".join(f'<div class="note">{note_html(f)}</div>' for f in s.footnotes)
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
        "note": f'<footer class="notes">{notes}</footer>',
    }
    # Source order deliberately differs from the reading order (grid-area places boxes).
    dom_order = ["sugg", "note", "act", "head", "ref", "prog"]
    body = "\n".join(boxes[k] for k in dom_order)
    return (f'<!doctype html>\n<html lang="{s.language}"><head><meta charset="utf-8">'
            f"<title>{esc(s.title)} – {esc(s.header_lines[0])}</title>"
            f"<style>\n{DEJAVU_FACES}\n{CSS}</style></head>\n"
            f'<body><div class="sheet">\n{body}\n</div></body></html>\n')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)


# Boxes on a grid, and <sup> markers in the text and before every note.
CHECK = PdfCheck(extra=(boxed_pages, raised_digits(notes_raised=True)))
