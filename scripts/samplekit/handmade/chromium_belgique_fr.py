"""Belgique (fr), Chromium, A4 landscape, 1 page: three balanced CSS columns with column rules
(no boxes); justified serif body; small header lines beside (right of) the large title;
timeline labels broken over two lines, right-aligned, beside a vertical rule; Wingdings "§"
bullets (::before); season and "until" dates."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.chromium import note_html, print_html, to_html, word_faces
from samplekit.spec import It, Sample


CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxTimes"; font-size: 10.5pt; line-height: 1.3; color: #111;
       hyphens: manual; }
p { margin: 0; }
.sheet { width: 297mm; height: 209mm; box-sizing: border-box; padding: 24pt 30pt 20pt;
         position: relative; }
.head { display: flex; flex-direction: row; align-items: flex-end; column-gap: 24pt;
        border-bottom: 1pt solid #23408E; padding-bottom: 6pt; margin-bottom: 10pt; }
.head .title { font-family: "FxArial"; font-weight: 700; font-size: 28pt; color: #23408E;
               line-height: 1; }
.head .lines { font-family: "FxArial"; font-size: 10pt; color: #23408E; padding-bottom: 2pt; }
.head .lines .kind { font-weight: 700; }
.flow { column-count: 3; column-gap: 26pt; column-rule: 0.5pt solid #9AA7C7;
        column-fill: balance; }
h2 { font-family: "FxArial"; font-size: 11.5pt; font-weight: 700; color: #23408E;
     margin: 8pt 0 3pt; break-after: avoid; }
h2.first { margin-top: 0; }
.sub1 { font-family: "FxArial"; font-size: 9pt; font-style: normal; color: #23408E;
        margin-bottom: 1pt; }
.sub2 { font-family: "FxArial"; font-size: 9pt; font-weight: 700; margin-bottom: 4pt; }
.para { text-align: justify; margin-bottom: 4pt; }
.row { display: flex; flex-direction: row; column-gap: 8pt; margin-top: 4pt;
       break-inside: avoid; }
.lab { flex: 0 0 46pt; font-family: "FxArial"; font-weight: 700; font-size: 8.5pt;
       color: #23408E; text-align: right; line-height: 1.2; padding-top: 0.5pt; }
.ents { flex: 1 1 auto; border-left: 1pt solid #23408E; padding-left: 7pt;
        text-align: justify; }
.ents p + p { margin-top: 3pt; }
ul { margin: 0; padding: 0; }
ul.events { list-style: none; }
ul.events > li { margin-bottom: 5pt; }
ul.events .title { font-weight: 700; display: block; }
ul.sq { list-style: none; padding-left: 13pt; }
ul.sq li { text-align: justify; margin-bottom: 1.5pt; }
ul.sq li::before { content: "§"; font-family: "FxWing"; display: inline-block;
                   width: 13pt; margin-left: -13pt; color: #23408E; }
.notes { position: absolute; left: 30pt; bottom: 18pt; width: 520pt; font-family: "FxArial";
         font-size: 6.8pt; line-height: 1.35; color: #333; border-top: 0.5pt solid #333;
         padding-top: 2pt; }
sup.fn { font-size: 62%; line-height: 0; vertical-align: super; }
"""


def page_html(s: Sample) -> str:
    prog, act, ref, sugg = (s.section(k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    head = (f'<div class="head"><p class="title">{s.title}</p><div class="lines">'
            f'<p class="kind">{s.header_lines[0]}</p><p>{html.escape(s.header_lines[1])}</p>'
            "</div></div>")
    f = [f'<h2 class="first">{prog.heading}</h2>',
         f'<p class="sub1">{prog.subheadings[0]}</p>',
         f'<p class="sub2">{html.escape(prog.subheadings[1])}</p>']
    for b in prog.blocks:
        if isinstance(b, It):
            f.append(f'<p class="para">{to_html(b.text)}</p>')
        else:
            f.append('<div class="row"><div class="lab">' + to_html(b.label) + "</div>"
                     '<div class="ents">' + "".join(f"<p>{to_html(e.text)}</p>"
                                                    for e in b.entries) + "</div></div>")
    f.append(f"<h2>{act.heading}</h2><ul class=\"events\">")
    for it in act.blocks:
        f.append(f'<li><span class="title">{to_html(it.text)}</span><ul class="sq">'
                 + "".join(f"<li>{to_html(c.text)}</li>" for c in it.children)
                 + "</ul></li>")
    f.append("</ul>")
    f.append(f'<h2>{ref.heading}</h2><ul class="sq">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in ref.blocks) + "</ul>")
    f.append(f'<h2>{sugg.heading}</h2><ul class="sq">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in sugg.blocks) + "</ul>")
    notes = ('<div class="notes">' + "".join(f"<p>{note_html(f)}</p>" for f in s.footnotes)
             + "</div>")
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{word_faces()}'
            f'{CSS}</style></head><body><div class="sheet">{head}'
            f'<div class="flow">{"".join(f)}</div>{notes}</div></body></html>')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)
