"""Netherlands (en), Chromium, A4 portrait, 2 pages: the title above ONE line holding
"Reference country" and the domain, split by a drawn vertical bar; a narrow two-column
layout; every section heading in a dark "tab" (rounded top corners) on top of a stroked box;
a vertical timeline drawn with a CSS border (the line) and 7 pt discs (::before,
border-radius) at every entry, labels left of the line; the activities column's first
paragraph wrapping around a small drawn "logo" box (float: right, no text in it); long
paragraphs with the date in the middle of the sentence; suggestions numbered "1." with
list-style-position: inside (continuation lines NOT indented); "»" bullets; superscript
digit markers, the notes at the foot of the page that cites them (3 on page 1, 1 on page
2)."""
from __future__ import annotations

import html
from pathlib import Path

from samplekit.chromium import SANS_FACES, note_html, print_html, to_html
from samplekit.spec import Sample


CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxSans"; font-size: 8.8pt; line-height: 1.32; color: #202020; }
p { margin: 0; }
.page { width: 210mm; height: 296mm; box-sizing: border-box; padding: 30pt 36pt 20pt;
        position: relative; page-break-after: always; overflow: hidden; }
.page:last-child { page-break-after: auto; }
.title { font-size: 28pt; font-weight: 700; color: #123B5C; line-height: 1.1; }
.hline { display: flex; align-items: center; margin: 3pt 0 14pt; font-size: 10pt; }
.hline .ref { font-weight: 700; color: #E07A1F; }
.hline .bar { width: 1.2pt; height: 12pt; background: #123B5C; margin: 0 8pt; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 20pt; }
.tab { display: inline-block; background: #123B5C; color: #fff; font-weight: 700;
       font-size: 9.5pt; padding: 3pt 10pt 2pt; border-radius: 5pt 5pt 0 0; }
.box { border: 1pt solid #123B5C; padding: 8pt 9pt; margin-bottom: 14pt; }
.sub1 { font-weight: 700; color: #E07A1F; }
.sub2 { font-weight: 700; margin-bottom: 5pt; }
.para { margin-bottom: 7pt; text-align: left; }
.row { display: grid; grid-template-columns: 74pt 1fr; column-gap: 0; }
.row .lab { font-weight: 700; color: #123B5C; text-align: right; padding-right: 11pt;
            font-size: 8.3pt; padding-top: 0.5pt; }
.row .ents { border-left: 1.5pt solid #9AAFC2; padding: 0 0 7pt 11pt; }
.row .ents p { position: relative; }
.row .ents p + p { margin-top: 4pt; }
.row .ents p::before { content: ""; position: absolute; left: -15.3pt; top: 2.5pt;
                       width: 7pt; height: 7pt; border-radius: 50%; background: #E07A1F; }
.logo { float: right; width: 52pt; height: 52pt; margin: 0 0 5pt 8pt;
        border: 1pt solid #123B5C; background: #EAF0F6; position: relative; }
.logo .c1 { position: absolute; left: 8pt; top: 8pt; width: 22pt; height: 22pt;
            border-radius: 50%; background: #E07A1F; }
.logo .c2 { position: absolute; right: 6pt; bottom: 6pt; width: 20pt; height: 12pt;
            background: #123B5C; }
.ev .t { font-weight: 700; }
.ev ul { margin: 2pt 0 0; padding-left: 12pt; list-style-type: "– "; }
.ev li { margin-bottom: 1.5pt; }
ul.guil { list-style: none; margin: 0; padding: 0; }
ul.guil li { padding-left: 11pt; text-indent: -11pt; margin-bottom: 3pt; }
ul.guil li::before { content: "»"; display: inline-block; width: 11pt; text-indent: 0;
                     color: #E07A1F; font-weight: 700; }
ol.inside { list-style-position: inside; margin: 0; padding: 0; }
ol.inside li { margin-bottom: 4pt; }
ol.inside li::marker { font-weight: 700; color: #E07A1F; }
.notes { position: absolute; left: 36pt; bottom: 24pt; font-size: 7pt; color: #333;
         border-top: 0.5pt solid #777; padding-top: 3pt; width: 260pt; }
.notes p { white-space: nowrap; }
sup.fn { font-size: 65%; line-height: 0; vertical-align: super; }
"""


def notes_html(fns) -> str:
    """The notes printed at the foot of one page."""
    return '<div class="notes">' + "".join(f"<p>{note_html(f)}</p>" for f in fns) + "</div>"


def page_html(s: Sample) -> str:
    e = html.escape
    prog, act, ref, sug = (s.section(k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    head = (f'<p class="title">{e(s.title)}</p><div class="hline"><span class="ref">'
            f'{e(s.header_lines[0])}</span><span class="bar"></span><span>'
            f'{e(s.header_lines[1])}</span></div>')
    p = [f'<div class="tab">{e(prog.heading)}</div><div class="box">',
         f'<p class="sub1">{e(prog.subheadings[0])}</p>',
         f'<p class="sub2">{e(prog.subheadings[1])}</p>',
         f'<p class="para">{to_html(prog.blocks[0].text)}</p>']
    for b in prog.blocks[1:]:
        p.append(f'<div class="row"><div class="lab">{to_html(b.label)}</div>'
                 f'<div class="ents">' + "".join(f"<p>{to_html(x.text)}</p>"
                                                 for x in b.entries) + "</div></div>")
    p.append("</div>")
    a = [f'<div class="tab">{e(act.heading)}</div><div class="box">',
         '<div class="logo"><div class="c1"></div><div class="c2"></div></div>']
    for it in act.blocks:
        if it.children:
            a.append(f'<div class="ev"><p class="t">{to_html(it.text)}</p><ul>'
                     + "".join(f"<li>{to_html(c.text)}</li>" for c in it.children)
                     + "</ul></div>")
        else:
            a.append(f'<p class="para">{to_html(it.text)}</p>')
    a.append("</div>")
    page1 = (f'<div class="page">{head}<div class="cols"><div>{"".join(p)}</div>'
             f'<div>{"".join(a)}</div></div>{notes_html(s.footnotes[:3])}</div>')
    r = [f'<div class="tab">{e(ref.heading)}</div><div class="box"><ul class="guil">'] + \
        [f"<li>{to_html(x.text)}</li>" for x in ref.blocks] + ["</ul></div>"]
    g = [f'<div class="tab">{e(sug.heading)}</div><div class="box"><ol class="inside">'] + \
        [f"<li>{to_html(x.text)}</li>" for x in sug.blocks] + ["</ol></div>"]
    page2 = (f'<div class="page"><div class="cols"><div>{"".join(r)}</div>'
             f'<div>{"".join(g)}</div></div>{notes_html(s.footnotes[3:])}</div>')
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{SANS_FACES}'
            f'{CSS}</style></head><body>{page1}{page2}</body></html>')


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)
