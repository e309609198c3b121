"""Luxembourg (fr), LibreOffice Writer, A4 portrait, 1 page: a "FICHE PAYS" banner line in
LARGER type than the country name under it; section headings as white bold text on a dark
paragraph background (a filled band across the text width); long progress paragraphs with
the date inside the sentence ("En janvier 2021, …", "depuis le 1er septembre 2021"); a
borderless two-column timeline table whose entry cells carry a left border (a vertical
line) with the labels right-aligned left of it ("Vers 2019", "De mars à mai 2022"); events
as a bold title, then the date alone on the next line (italic), then "–" sub-items, one of
which has its own date; the reference system and the suggestions side by side in a
two-column Writer section; Writer footnotes."""
from __future__ import annotations

from pathlib import Path

from samplekit.libreoffice import (Notes, base_styles, liberation_document, note_styles,
                                   writer_pdf)
from samplekit.spec import It, Sample, TL


def fodt(s: Sample) -> str:
    notes = Notes(s.footnotes)
    NAVY, TEAL = "#1D2F4E", "#00A3A1"
    P = notes.p
    prog, act, ref, sug = (s.section(k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    body = [P("Banner", s.header_lines[0]), P("Country", s.title),
            P("HeadSmallBold", s.header_lines[1]), P("HeadSmall", s.header_lines[2]),
            P("Band", prog.heading), P("Sub1", prog.subheadings[0]),
            P("Sub2", prog.subheadings[1])]
    for b in prog.blocks:
        if isinstance(b, It):
            body.append(P("Body", b.text))
    t = ['<table:table table:name="TL" table:style-name="TL">',
         '<table:table-column table:style-name="TL.A"/>',
         '<table:table-column table:style-name="TL.B"/>']
    for b in prog.blocks:
        if isinstance(b, TL):
            t.append("<table:table-row>")
            t.append(f'<table:table-cell table:style-name="TL.lab" office:value-type="string">'
                     f'{P("Label", b.label)}</table:table-cell>')
            t.append('<table:table-cell table:style-name="TL.ent" office:value-type="string">'
                     + "".join(P("Entry", e.text) for e in b.entries) + "</table:table-cell>")
            t.append("</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    body.append(P("Band", act.heading))
    for it in act.blocks:
        title, dline = it.pieces
        body.append(P("EvTitle", title))
        body.append(P("EvDate", dline))
        body.append('<text:list text:style-name="Dash">' + "".join(
            f'<text:list-item>{P("List", c.text)}</text:list-item>' for c in it.children)
            + "</text:list>")
    cols = [P("Band", ref.heading),
            '<text:list text:style-name="Arrow">' + "".join(
                f'<text:list-item>{P("List", x.text)}</text:list-item>' for x in ref.blocks)
            + "</text:list>",
            P("BandColBreak", sug.heading),
            '<text:list text:style-name="Bul">' + "".join(
                f'<text:list-item>{P("List", x.text)}</text:list-item>' for x in sug.blocks)
            + "</text:list>"]
    body.append('<text:section text:style-name="Sect2" text:name="Bottom">' + "".join(cols)
                + "</text:section>")

    font = 'style:font-name="Liberation Sans" fo:font-size="9.5pt"'
    lang = 'fo:language="fr" fo:country="FR" fo:hyphenate="false"'

    def bullet_list(name, char, fontname=None, color=None):
        tp = ""
        if fontname or color:
            tp = ("<style:text-properties" + (f' style:font-name="{fontname}"' if fontname else "")
                  + (f' fo:color="{color}"' if color else "") + "/>")
        return (f'<text:list-style style:name="{name}"><text:list-level-style-bullet '
                f'text:level="1" text:bullet-char="{char}"><style:list-level-properties '
                f'text:list-level-position-and-space-mode="label-alignment">'
                f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                f'text:list-tab-stop-position="0.45cm" fo:text-indent="-0.45cm" '
                f'fo:margin-left="0.45cm"/></style:list-level-properties>{tp}'
                f'</text:list-level-style-bullet></text:list-style>')

    styles = f"""{base_styles(f"{font} {lang}", "0.1cm", 115)}
 <style:style style:name="Banner" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="30pt" fo:font-weight="bold" fo:color="#A9B8CF" fo:letter-spacing="0.03cm"/>
 </style:style>
 <style:style style:name="Country" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="HeadSmallBold" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="HeadSmall" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="Band" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always" fo:background-color="{NAVY}" fo:padding-left="0.2cm" fo:padding-top="0.06cm" fo:padding-bottom="0.06cm"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="BandColBreak" style:family="paragraph" style:parent-style-name="Band">
  <style:paragraph-properties fo:break-before="column" fo:margin-top="0cm"/>
 </style:style>
 <style:style style:name="Sub1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.02cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="Sub2" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Label" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold" fo:color="{TEAL}" fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Entry" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.08cm"/>
 </style:style>
 <style:style style:name="EvTitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:margin-top="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold" fo:color="{NAVY}"/>
 </style:style>
 <style:style style:name="EvDate" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.04cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-style="italic" fo:color="{TEAL}"/>
 </style:style>
 <style:style style:name="List" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.3cm" fo:text-indent="-0.3cm" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>{note_styles()}
 {bullet_list("Dash", "–", color=TEAL)}
 {bullet_list("Arrow", "→", fontname="DejaVu Sans", color=TEAL)}
 {bullet_list("Bul", "•", color=TEAL)}"""
    auto = f"""
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
 </style:page-layout>
 <style:style style:name="TL" style:family="table">
  <style:table-properties style:width="17.4cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="TL.A" style:family="table-column"><style:table-column-properties style:column-width="3.4cm"/></style:style>
 <style:style style:name="TL.B" style:family="table-column"><style:table-column-properties style:column-width="14cm"/></style:style>
 <style:style style:name="TL.lab" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding-right="0.3cm" fo:padding-top="0.05cm" fo:padding-bottom="0.1cm" fo:border="none"/>
 </style:style>
 <style:style style:name="TL.ent" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding-left="0.3cm" fo:padding-top="0.05cm" fo:padding-bottom="0.1cm" fo:border-left="1.5pt solid {TEAL}" fo:border-right="none" fo:border-top="none" fo:border-bottom="none"/>
 </style:style>
 <style:style style:name="Sect2" style:family="section">
  <style:section-properties text:dont-balance-text-columns="true">
   <style:columns fo:column-count="2" fo:column-gap="0.6cm"/>
  </style:section-properties>
 </style:style>"""
    master = """
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>"""
    notes.check_all_cited()
    return liberation_document(s.title, styles, auto, master, body)


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)
