"""Niger (fr), Chromium, A4 portrait, 1 page. Header order: the small "Pays référent" line
ABOVE the title, the domain broken over two lines; sentence-case coloured headings
("Progrès", "Activités en 2022"); timeline labels to the RIGHT of their entries (flex row);
Word-like "o" sub-bullets (list-style-type "o" in Liberation Mono), "▸" and "–" bullets; two
columns under the timeline; a footnote marker after a full stop ("OIM.³"); footnotes at the
page foot."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.chromium import note_html, print_html, to_html, word_faces
from samplekit.spec import It, Sample


CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxArial"; font-size: 9pt; line-height: 1.32; color: #222;
       hyphens: manual; }
p { margin: 0; }
.sheet { width: 210mm; height: 296mm; box-sizing: border-box; padding: 26pt 30pt 20pt;
         position: relative; }
.head { border-bottom: 3pt solid #C4551B; padding: 0 0 8pt; margin-bottom: 12pt; }
.head .kind { font-size: 10pt; font-weight: 700; color: #C4551B; letter-spacing: 0.3pt; }
.head .title { font-size: 30pt; font-weight: 700; color: #1F3A5F; line-height: 1.1; }
.head .dom { font-size: 10pt; color: #1F3A5F; line-height: 1.3; }
h2 { font-size: 10.5pt; font-weight: 700; color: #C4551B; margin: 0 0 4pt; }
.sub1 { font-weight: 700; color: #1F3A5F; margin-bottom: 1pt; }
.sub2 { font-weight: 700; margin-bottom: 5pt; }
.para { margin-bottom: 4pt; }
.prog { margin-bottom: 12pt; }
.tl { margin-top: 6pt; border-top: 0.6pt solid #C4551B; }
.row { display: flex; flex-direction: row; align-items: flex-start; column-gap: 14pt;
       border-bottom: 0.6pt solid #E3C8B8; padding: 3pt 0; }
.ents { flex: 1 1 auto; }
.ents p + p { margin-top: 3pt; }
.lab { flex: 0 0 86pt; font-weight: 700; color: #C4551B; text-align: left;
       border-left: 2pt solid #C4551B; padding-left: 6pt; }
.cols { display: flex; flex-direction: row; column-gap: 20pt; }
.left { flex: 0 0 290pt; }
.right { flex: 1 1 auto; }
ul { margin: 0; padding: 0; }
ul.events { list-style: none; }
ul.events > li { margin-bottom: 6pt; }
ul.events .title { font-weight: 700; display: block; margin-bottom: 1pt; }
ul.sub { list-style-type: "o"; padding-left: 14pt; }
ul.sub li { padding-left: 4pt; margin-bottom: 1.5pt; }
ul.sub li::marker { font-family: "FxMono"; font-size: 9pt; color: #C4551B; }
ul.tri { list-style-type: "▸"; padding-left: 12pt; margin-bottom: 10pt; }
ul.tri li { padding-left: 4pt; margin-bottom: 2pt; }
ul.tri li::marker { color: #1F3A5F; }
ul.dash { list-style-type: "–"; padding-left: 12pt; }
ul.dash li { padding-left: 4pt; margin-bottom: 2pt; }
.notes { position: absolute; left: 30pt; right: 30pt; bottom: 24pt; font-size: 7pt;
         line-height: 1.35; color: #333; }
.notes::before { content: ""; display: block; width: 60pt; border-top: 0.5pt solid #333;
                 margin-bottom: 3pt; }
sup.fn { font-size: 65%; line-height: 0; vertical-align: super; }
"""


def page_html(s: Sample) -> str:
    prog, act, ref, sugg = (s.section(k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    dom1 = "Domaine 4 : Prévention de la migration irrégulière,"
    dom2 = "du trafic de migrants et de la traite des êtres humains"
    assert f"{dom1} {dom2}" == s.header_lines[1]
    head = (f'<div class="head"><p class="kind">{s.header_lines[0]}</p>'
            f'<p class="title">{s.title}</p>'
            f'<p class="dom">{html.escape(dom1)}<br>{html.escape(dom2)}</p></div>')
    p = [f"<h2>{prog.heading}</h2>", f'<p class="sub1">{prog.subheadings[0]}</p>',
         f'<p class="sub2">{prog.subheadings[1]}</p>']
    rows = []
    for b in prog.blocks:
        if isinstance(b, It):
            p.append(f'<p class="para">{to_html(b.text)}</p>')
        else:
            rows.append('<div class="row"><div class="ents">'
                        + "".join(f"<p>{to_html(e.text)}</p>" for e in b.entries)
                        + f'</div><div class="lab">{to_html(b.label)}</div></div>')
    prog_html = '<div class="prog">' + "".join(p) + '<div class="tl">' + "".join(rows) + \
        "</div></div>"
    ev = ['<ul class="events">']
    for it in act.blocks:
        ev.append(f'<li><span class="title">{to_html(it.text)}</span><ul class="sub">'
                  + "".join(f"<li>{to_html(c.text)}</li>" for c in it.children)
                  + "</ul></li>")
    ev.append("</ul>")
    left = f'<div class="left"><h2>{act.heading}</h2>{"".join(ev)}</div>'
    right = (f'<div class="right"><h2>{ref.heading}</h2><ul class="tri">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in ref.blocks) + "</ul>"
             f'<h2>{sugg.heading}</h2><ul class="dash">'
             + "".join(f"<li>{to_html(i.text)}</li>" for i in sugg.blocks) + "</ul></div>")
    notes = ('<div class="notes">' + "".join(f"<p>{note_html(f)}</p>" for f in s.footnotes)
             + "</div>")
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>{word_faces()}'
            f'{CSS}</style></head><body><div class="sheet">{head}{prog_html}'
            f'<div class="cols">{left}{right}</div>{notes}</div></body></html>')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)
