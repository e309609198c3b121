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
from samplekit.spec import It, Sample, TL


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
