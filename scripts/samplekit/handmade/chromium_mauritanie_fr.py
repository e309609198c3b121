"""Mauritanie (fr), Chromium, A4 landscape, 2 pages: two explicit page <div>s with absolutely
positioned boxes (scrambled source order); a timeline with labels BESIDE their entries and
one label vertically centred on a group of three entries (flex row, align-items: center); a
running header with the page number on both pages; footnotes at the foot of page 2; markers
as Unicode superscripts (¹ ² ³) in PROGRÈS and in the notes, as <sup> elsewhere;
"1<sup>er</sup>" (not a marker); arrow and dash bullets from `list-style-type: "→ "` /
`"– "`; square nested bullets; ACTIVITÉS continued in a heading-less box on page 2; one
explicit soft hyphen that Chromium takes at a line end."""
from __future__ import annotations

from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.chromium import (DEJAVU_FACES, boxed_pages, esc, events_html, head_lines,
                                note_html, print_html, raised_digits, simple_list, to_html,
                                unicode_superscript)
from samplekit.spec import It, Sample, TL

RUNNING_HEADER = "Processus de Rabat — Fiche pays référent"


CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "FxSerif"; font-size: 9.4pt; line-height: 1.3; color: #1d1d1d;
       hyphens: manual; -webkit-hyphens: manual; }
p { margin: 0; }
.page { position: relative; width: 297mm; height: 209.5mm; overflow: hidden;
        break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.runhead { position: absolute; left: 24pt; right: 24pt; top: 10pt; height: 11pt;
           font-family: "FxSans"; font-size: 7.2pt; color: #666;
           border-bottom: 0.5pt solid #999; text-align: right; }
.box { position: absolute; box-sizing: border-box; padding: 8pt 11pt 9pt; }
h2 { font-family: "FxHead"; font-weight: 700; font-size: 13pt; line-height: 1.15;
     margin: 0 0 6pt; }
.band { left: 24pt; top: 28pt; width: 794pt; height: 82pt; background: #00623A;
        color: #fff; padding: 9pt 14pt; }
.band .title { font-family: "FxHead"; font-weight: 700; font-size: 32pt; line-height: 1.05;
               margin-bottom: 3pt; }
.band .ref { font-family: "FxSans"; font-weight: 700; font-size: 11.5pt; }
.band .dom { font-family: "FxSans"; font-size: 10.5pt; }
.band .star { position: absolute; right: 16pt; top: 12pt; width: 90pt; height: 58pt;
              background: #00623A; border-top: 8pt solid #D01C1F;
              border-bottom: 8pt solid #D01C1F; box-sizing: border-box; }
.band .star div { margin: 10pt auto 0; width: 22pt; height: 22pt; border-radius: 50%;
                  background: #FFC400; }
.prog { left: 24pt; top: 120pt; width: 486pt; min-height: 452pt; background: #E8F3EC; }
.prog h2 { color: #00623A; }
.prog .sub1 { font-family: "FxSans"; font-weight: 700; font-size: 9.2pt; color: #00623A;
              margin-bottom: 2pt; }
.prog .sub2 { font-family: "FxSans"; font-weight: 700; margin-bottom: 6pt; }
.para { margin-bottom: 4pt; text-align: justify; }
.row { display: flex; flex-direction: row; align-items: flex-start; column-gap: 10pt;
       margin-top: 5pt; }
.row.centred { align-items: center; }
.lab { flex: 0 0 70pt; font-family: "FxSans"; font-weight: 700; color: #00623A;
       font-size: 8.8pt; line-height: 1.2; white-space: nowrap; text-align: right; }
.ents { flex: 1 1 auto; }
.row.centred .ents { border-left: 1.5pt solid #00623A; padding-left: 7pt; }
.ents p { text-align: justify; }
.ents p + p { margin-top: 4pt; }
.act { left: 520pt; top: 120pt; width: 298pt; min-height: 452pt; background: #FFF4E2; }
.act h2 { color: #9A4B00; }
ul { margin: 0; padding: 0; }
.act ul.events { list-style: none; }
.act ul.events > li { margin-bottom: 7pt; }
.act .title { font-family: "FxSans"; font-weight: 700; display: block; margin-bottom: 2pt; }
.act ul.sub { list-style: square outside; padding-left: 13pt; }
.act ul.sub li { margin-bottom: 2pt; }
.act2 { left: 24pt; top: 32pt; width: 390pt; min-height: 0; height: 70pt; }
.refsys { left: 24pt; top: 112pt; width: 390pt; min-height: 210pt; background: #EDEFF5; }
.refsys h2 { color: #233A7A; }
ul.arrows { list-style-type: "→  "; padding-left: 14pt; }
ul.arrows li { margin-bottom: 4pt; }
ul.arrows li::marker { color: #233A7A; font-family: "FxSans"; }
.sugg { left: 424pt; top: 32pt; width: 394pt; min-height: 290pt; background: #F8E8E9; }
.sugg h2 { color: #A3161C; }
.sugg .row { margin-bottom: 8pt; }
ul.dashes { list-style-type: "–  "; padding-left: 12pt; }
ul.dashes li { margin-bottom: 4pt; text-align: justify; }
.notes { position: absolute; left: 24pt; bottom: 22pt; width: 520pt; font-size: 6.8pt;
         line-height: 1.35; color: #333; padding-top: 3pt; }
.notes::before { content: ""; display: block; width: 130pt; border-top: 0.6pt solid #777;
                 margin-bottom: 3pt; }
sup.fn { font-size: 68%; line-height: 0; vertical-align: super; }
"""


def timeline_rows(groups: list[TL]) -> str:
    """A flex row per label: the label beside its entries (centred on them if asked)."""
    out = []
    for g in groups:
        cls = "row centred" if g.centred else "row"
        out.append(f'<div class="{cls}"><div class="lab">{to_html(g.label)}</div>'
                   '<div class="ents">'
                   + "".join(f"<p>{to_html(e.text)}</p>" for e in g.entries)
                   + "</div></div>")
    return "\n".join(out)


def page_html(s: Sample) -> str:
    prog, act, ref, sugg = (s.section(k) for k in
                            ("progress", "activities", "referent_system", "suggestions"))
    assert (prog.page, act.page, ref.page, sugg.page) == (1, 1, 2, 2)
    assert all(f.page == 2 for f in s.footnotes)
    paras = [b for b in prog.blocks if isinstance(b, It)]
    first_tl = next(i for i, b in enumerate(prog.blocks) if isinstance(b, TL))
    assert all(isinstance(b, TL) for b in prog.blocks[first_tl:]) and len(paras) == first_tl

    def runhead(n: int) -> str:
        return f'<div class="runhead">{esc(RUNNING_HEADER)} · {n}/{s.pages}</div>'

    band = ('<div class="box band"><div class="star"><div></div></div>'
            f'<p class="title">{esc(s.title)}</p>'
            f'<p class="ref">{esc(s.header_lines[0])}</p>'
            f'<p class="dom">{esc(s.header_lines[1])}</p></div>')
    prog_html = ('<div class="box prog">' + head_lines(prog)
                 + "".join(f'<p class="para">{to_html(p.text)}</p>' for p in paras)
                 + timeline_rows(prog.blocks[first_tl:]) + "</div>")
    split = next(i for i, b in enumerate(act.blocks) if b.page == 2)     # box on page 2
    act_html = ('<div class="box act">' + head_lines(act)
                + events_html(act.blocks[:split], "events") + "</div>")
    act2_html = ('<div class="box act act2">' + events_html(act.blocks[split:], "events")
                 + "</div>")
    ref_html = ('<div class="box refsys">' + head_lines(ref)
                + simple_list(ref.blocks, "arrows") + "</div>")
    # suggestions: a timeline row, then a dash list at the full width of the box (so that
    # the undated-by-label items are visibly not entries of the label's group)
    n_tl = sum(isinstance(b, TL) for b in sugg.blocks)
    assert all(isinstance(b, TL) for b in sugg.blocks[:n_tl])
    sugg_html = ('<div class="box sugg">' + head_lines(sugg)
                 + timeline_rows(sugg.blocks[:n_tl])
                 + simple_list(sugg.blocks[n_tl:], "dashes") + "</div>")
    notes = ('<div class="notes">' + "\n".join(
        f'<div class="note">{note_html(f, unicode_superscript(f.marker))}</div>'
        for f in s.footnotes) + "</div>")
    # Source order deliberately differs from the reading order.
    page1 = "\n".join([act_html, runhead(1), prog_html, band])
    page2 = "\n".join([sugg_html, notes, ref_html, runhead(2), act2_html])
    return (f'<!doctype html>\n<html lang="{s.language}"><head><meta charset="utf-8">'
            f"<title>{esc(s.title)} – {esc(s.header_lines[0])}</title>"
            f"<style>\n{DEJAVU_FACES}\n{CSS}</style></head>\n<body>\n"
            f'<div class="page">\n{page1}\n</div>\n<div class="page">\n{page2}\n</div>\n'
            "</body></html>\n")


def render(s: Sample, pdf: Path, work: Path) -> None:
    print_html(page_html(s), s.name, pdf, work)


# Boxes placed absolutely; <sup> markers in the text only (the notes' are Unicode).
CHECK = PdfCheck(note_marker=unicode_superscript,
                 extra=(boxed_pages, raised_digits(notes_raised=False)))
