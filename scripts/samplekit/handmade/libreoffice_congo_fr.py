"""Congo (fr), LibreOffice Writer, A4 portrait, 2 pages: the header in a one-row table with a
dark cell background, the title in the left cell and "Pays référent" / the domain
right-aligned in the right cell; the timeline as a bordered THREE-column table (Date |
Activité | Partenaires) whose header row is a subheading and whose rows are one item each
(a repeated header row if the table ever breaks across pages; it does not, as laid out
now); activities numbered "1." with NO hanging indent (continuation lines start under the
number) and "◦" sub-items, the first event's sub-items on page 2; "►" bullets (DejaVu Sans)
for the reference-country points; real Writer footnotes numbered per PAGE (restart at 1 on
page 2); a running footer with the page number."""
from __future__ import annotations

from pathlib import Path

from samplekit.libreoffice import (Notes, base_styles, liberation_document, note_styles,
                                   writer_pdf)
from samplekit.spec import It, Sample, TL


def fodt(s: Sample) -> str:
    notes = Notes(s.footnotes)
    RED, DARK = "#8C2331", "#2B2B2B"
    prog, act, ref, sug = (s.section(k) for k in
                           ("progress", "activities", "referent_system", "suggestions"))
    P = notes.p
    body = [
        '<table:table table:name="Head" table:style-name="Head">'
        '<table:table-column table:style-name="Head.A"/>'
        '<table:table-column table:style-name="Head.B"/><table:table-row>'
        f'<table:table-cell table:style-name="Head.cell" office:value-type="string">'
        f'{P("HeadTitle", s.title)}</table:table-cell>'
        f'<table:table-cell table:style-name="Head.cell" office:value-type="string">'
        f'{P("HeadSmallBold", s.header_lines[0])}{P("HeadSmall", s.header_lines[1])}'
        f'</table:table-cell></table:table-row></table:table>']
    body.append(P("H1", prog.heading))
    body.append(P("Sub1", prog.subheadings[0]))
    body.append(P("Sub2", prog.subheadings[1]))
    for b in prog.blocks:
        if isinstance(b, It):
            body.append(P("Body", b.text))
    t = ['<table:table table:name="Timeline" table:style-name="TL">',
         '<table:table-column table:style-name="TL.A"/>',
         '<table:table-column table:style-name="TL.B"/>',
         '<table:table-column table:style-name="TL.C"/>',
         '<table:table-header-rows><table:table-row>']
    for h in ("Date", "Activité", "Partenaires"):
        t.append(f'<table:table-cell table:style-name="TL.head" office:value-type="string">'
                 f'{P("CellHead", h)}</table:table-cell>')
    t.append("</table:table-row></table:table-header-rows>")
    for b in prog.blocks:
        if isinstance(b, TL):
            act_, part = b.entries[0].pieces
            t.append('<table:table-row table:style-name="TL.row">')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("CellLabel", b.label)}</table:table-cell>')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("Cell", act_)}</table:table-cell>')
            t.append(f'<table:table-cell table:style-name="TL.cell" office:value-type="string">'
                     f'{P("Cell", part)}</table:table-cell>')
            t.append("</table:table-row>")
    t.append("</table:table>")
    body.append("".join(t))
    body.append(P("H1", act.heading))
    lis = []
    for it in act.blocks:
        sub = "".join(f'<text:list-item>{P("ListSub", c.text)}</text:list-item>'
                      for c in it.children)
        lis.append(f'<text:list-item>{P("ListEvent", it.text)}<text:list>{sub}</text:list>'
                   f'</text:list-item>')
    body.append(f'<text:list text:style-name="NumFlat">{"".join(lis)}</text:list>')
    body.append(P("H1", ref.heading))
    body.append('<text:list text:style-name="Tri">' + "".join(
        f'<text:list-item>{P("List", it.text)}</text:list-item>' for it in ref.blocks)
        + "</text:list>")
    body.append(P("H1", sug.heading))
    body.append('<text:list text:style-name="Dash">' + "".join(
        f'<text:list-item>{P("List", it.text)}</text:list-item>' for it in sug.blocks)
        + "</text:list>")

    font = 'style:font-name="Liberation Sans" fo:font-size="10pt"'
    lang = 'fo:language="fr" fo:country="FR" fo:hyphenate="false"'
    styles = f"""{base_styles(f"{font} {lang}", "0.12cm", 115)}
 <style:style style:name="HeadTitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="HeadSmallBold" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0.05cm" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#F4C542"/>
 </style:style>
 <style:style style:name="HeadSmall" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="10.5pt" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always" fo:border-bottom="1.5pt solid {RED}" fo:padding-bottom="0.05cm"/>
  <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="Sub1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.02cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="Sub2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="110%"/>
  <style:text-properties fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="CellLabel" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold" fo:color="#FFFFFF"/>
 </style:style>
 <style:style style:name="ListEvent" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="ListSub" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.04cm"/>
 </style:style>
 <style:style style:name="List" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.06cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.35cm" fo:text-indent="-0.35cm" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="7.5pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="7.5pt" fo:color="#777777"/>
 </style:style>{note_styles("page")}
 <text:list-style style:name="NumFlat">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1" text:style-name="NumChar">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.9cm" fo:text-indent="-0.4cm" fo:margin-left="0.9cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="DejaVu Sans"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Tri">
  <text:list-level-style-bullet text:level="1" text:bullet-char="►">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.5cm" fo:margin-left="0.5cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="DejaVu Sans" fo:color="{RED}"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Dash">
  <text:list-level-style-bullet text:level="1" text:bullet-char="–">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.5cm" fo:margin-left="0.5cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
 <style:style style:name="NumChar" style:family="text">
  <style:text-properties fo:font-weight="bold" fo:color="{RED}"/>
 </style:style>"""
    auto = f"""
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Head" style:family="table">
  <style:table-properties style:width="17cm" table:align="left" fo:margin-bottom="0.3cm"/>
 </style:style>
 <style:style style:name="Head.A" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
 <style:style style:name="Head.B" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
 <style:style style:name="Head.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle" fo:padding="0.3cm" fo:background-color="{RED}" fo:border="none"/>
 </style:style>
 <style:style style:name="TL" style:family="table">
  <style:table-properties style:width="17cm" table:align="left" fo:margin-top="0.15cm" fo:margin-bottom="0.2cm" style:may-break-between-rows="true"/>
 </style:style>
 <style:style style:name="TL.A" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
 <style:style style:name="TL.B" style:family="table-column"><style:table-column-properties style:column-width="9.2cm"/></style:style>
 <style:style style:name="TL.C" style:family="table-column"><style:table-column-properties style:column-width="4.8cm"/></style:style>
 <style:style style:name="TL.row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
 <style:style style:name="TL.head" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle" fo:padding="0.1cm" fo:background-color="{DARK}" fo:border="0.5pt solid {DARK}"/>
 </style:style>
 <style:style style:name="TL.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding="0.12cm" fo:border="0.5pt solid #999999"/>
 </style:style>"""
    master = """
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">Processus de Rabat – Congo<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>"""
    notes.check_all_cited()
    return liberation_document(s.title, styles, auto, master, body)


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)
