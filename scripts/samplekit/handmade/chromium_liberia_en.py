"""Liberia (en), Chromium, A4 portrait, 1 page: a "COUNTRY FACTSHEET" banner in larger type
than the country name under it; events printed as a bold title, the date on its own line
under it (italic, coloured: one item, title + date line), then bullets; English ordinal
dates ("1st–3rd June 2022", "24th November 2022", "Second half of 2022"); timeline labels in
a CSS grid column left of the entries ("Until mid-2021", "Winter 2022"); reference-system
points with the check mark ✓ (U+2713, DejaVu Sans) as ::before content; footnote markers as
superscript LETTERS (a, b, c), notes "a IOM – …"."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.chromium import SANS_FACES, note_html, print_html, to_html
from samplekit.spec import Sample


CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxSans"; font-size: 9pt; line-height: 1.3; color: #1d1d1d; }
p { margin: 0; }
.sheet { width: 210mm; height: 296mm; box-sizing: border-box; padding: 24pt 32pt 18pt;
         position: relative; }
.banner { background: #0B4F6C; color: #FFFFFF; padding: 10pt 14pt 8pt; }
.banner .big { font-size: 30pt; font-weight: 700; letter-spacing: 0.5pt; line-height: 1.05; }
.banner .country { font-size: 17pt; font-weight: 700; color: #F2C14E; margin-top: 2pt; }
.banner .small { font-size: 9.5pt; color: #DDE8EE; }
.grid { display: grid; grid-template-columns: 292pt 1fr; column-gap: 18pt; margin-top: 12pt; }
h2 { font-size: 11pt; font-weight: 700; color: #0B4F6C; margin: 0 0 4pt;
     border-bottom: 1.2pt solid #F2C14E; padding-bottom: 2pt; }
.sub1 { font-weight: 700; color: #0B4F6C; }
.sub2 { font-weight: 700; margin-bottom: 5pt; }
.para { margin-bottom: 6pt; }
.tl { display: grid; grid-template-columns: 70pt 1fr; column-gap: 10pt; row-gap: 6pt; }
.tl .lab { font-weight: 700; color: #0B4F6C; }
.tl .ent p + p { margin-top: 3pt; }
.ev { margin-bottom: 8pt; }
.ev .t { font-weight: 700; }
.ev .d { font-style: italic; color: #A0522D; margin-bottom: 2pt; }
.ev ul { margin: 0; padding-left: 13pt; list-style-type: disc; }
.ev li { margin-bottom: 1.5pt; }
.bottom { display: grid; grid-template-columns: 1fr 1fr; column-gap: 18pt; margin-top: 14pt; }
ul.check { list-style: none; margin: 0; padding: 0; }
ul.check li { position: relative; padding-left: 15pt; margin-bottom: 3pt; }
ul.check li::before { content: "\\2713"; font-family: "FxDejaVu"; color: #2E8B57;
                      position: absolute; left: 0; top: 0; }
ul.plain { margin: 0; padding-left: 13pt; list-style-type: square; }
ul.plain li { margin-bottom: 3pt; }
.notes { position: absolute; left: 32pt; right: 32pt; bottom: 22pt; font-size: 7pt;
         color: #333; border-top: 0.5pt solid #999; padding-top: 3pt; width: 200pt; }
.notes p { white-space: nowrap; }
sup.fn { font-size: 65%; line-height: 0; vertical-align: super; }
"""


def page_html(s: Sample) -> str:
    e = html.escape
    prog, act, ref, sug = (s.section(k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    head = (f'<div class="banner"><p class="big">{e(s.header_lines[0])}</p>'
            f'<p class="country">{e(s.title)}</p>'
            f'<p class="small">{e(s.header_lines[1])}</p>'
            f'<p class="small">{e(s.header_lines[2])}</p></div>')
    p = [f"<h2>{e(prog.heading)}</h2>", f'<p class="sub1">{e(prog.subheadings[0])}</p>',
         f'<p class="sub2">{e(prog.subheadings[1])}</p>',
         f'<p class="para">{to_html(prog.blocks[0].text)}</p>', '<div class="tl">']
    for b in prog.blocks[1:]:
        p.append(f'<div class="lab">{to_html(b.label)}</div><div class="ent">'
                 + "".join(f"<p>{to_html(x.text)}</p>" for x in b.entries) + "</div>")
    p.append("</div>")
    a = [f"<h2>{e(act.heading)}</h2>"]
    for it in act.blocks:
        t, dline = it.pieces
        a.append(f'<div class="ev"><p class="t">{to_html(t)}</p><p class="d">{e(dline)}</p>'
                 f'<ul>' + "".join(f"<li>{to_html(c.text)}</li>" for c in it.children)
                 + "</ul></div>")
    r = [f"<h2>{e(ref.heading)}</h2>", '<ul class="check">'] + \
        [f"<li>{to_html(x.text)}</li>" for x in ref.blocks] + ["</ul>"]
    g = [f"<h2>{e(sug.heading)}</h2>", '<ul class="plain">'] + \
        [f"<li>{to_html(x.text)}</li>" for x in sug.blocks] + ["</ul>"]
    notes = "".join(f"<p>{note_html(f)}</p>" for f in s.footnotes)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{SANS_FACES}'
            f'{CSS}</style></head><body><div class="sheet">{head}'
            f'<div class="grid"><div>{"".join(p)}</div><div>{"".join(a)}</div></div>'
            f'<div class="bottom"><div>{"".join(r)}</div><div>{"".join(g)}</div></div>'
            f'<div class="notes">{notes}</div></div></body></html>')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)
