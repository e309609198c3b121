"""Sierra Leone (en), LibreOffice Writer with Word 2016-like styles, A4 portrait, 1 page: title
and headings not bold (light, larger, blue); a letter-spaced subtitle; an italic action line;
justified body text; a timeline of hanging-indent paragraphs "label<TAB>entry"; numbered
lists "1)" with nested "a)"; real Writer footnotes (after ")" and after a full stop); a
running footer with the page number on a one-page sheet."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from samplekit.libreoffice import (Notes, base_styles, flat_document, note_styles,
                                   title_meta, writer_pdf)
from samplekit.spec import It, Sample


BLUE = "#2F5496"


def fodt(s: Sample) -> str:
    notes = Notes(s.footnotes)
    inline, p = notes.inline, notes.p
    body = [p("Title", s.title), p("Subtitle", s.header_lines[0]),
            p("Domain", s.header_lines[1])]
    for sec in s.sections:
        body.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">'
                    f'{escape(sec.heading)}</text:h>')
        if sec.kind == "progress":
            body.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">'
                        f'{escape(sec.subheadings[0])}</text:h>')
            body.append(p("Action", sec.subheadings[1]))
            for b in sec.blocks:
                if isinstance(b, It):
                    body.append(p("Text_20_body", b.text))
                else:
                    for k, e in enumerate(b.entries):
                        if k == 0:
                            body.append(f'<text:p text:style-name="Timeline">'
                                        f'<text:span text:style-name="Strong">'
                                        f'{escape(b.label)}</text:span><text:tab/>'
                                        f'{inline(e.text)}</text:p>')
                        else:
                            body.append(p("Timeline_20_cont", e.text))
        elif sec.kind == "activities":
            lis = []
            for it in sec.blocks:
                sub = "".join(f'<text:list-item>{p("List_20_Paragraph", c.text)}'
                              f"</text:list-item>" for c in it.children)
                lis.append(f'<text:list-item><text:p text:style-name="List_20_Paragraph">'
                           f'<text:span text:style-name="Strong">{inline(it.text)}'
                           f'</text:span></text:p><text:list>{sub}</text:list></text:list-item>')
            body.append(f'<text:list text:style-name="WWNum1">{"".join(lis)}</text:list>')
        elif sec.kind == "referent_system":
            body.append('<text:list text:style-name="WWBullet">' + "".join(
                f'<text:list-item>{p("List_20_Paragraph", it.text)}</text:list-item>'
                for it in sec.blocks) + "</text:list>")
        else:
            body.append('<text:list text:style-name="WWNum2">' + "".join(
                f'<text:list-item>{p("List_20_Paragraph", it.text)}</text:list-item>'
                for it in sec.blocks) + "</text:list>")
    notes.check_all_cited()

    def num_list(name, levels):
        out = [f'<text:list-style style:name="{name}">']
        for i, (fmt, suffix) in enumerate(levels, 1):
            indent = 0.63 * i
            out.append(
                f'<text:list-level-style-number text:level="{i}" style:num-suffix="{suffix}" '
                f'style:num-format="{fmt}"><style:list-level-properties '
                f'text:list-level-position-and-space-mode="label-alignment">'
                f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                f'text:list-tab-stop-position="{indent:.2f}cm" fo:text-indent="-0.63cm" '
                f'fo:margin-left="{indent:.2f}cm"/></style:list-level-properties>'
                f'</text:list-level-style-number>')
        out.append("</text:list-style>")
        return "".join(out)

    font = 'style:font-name="Liberation Sans" fo:font-size="10pt"'
    lang = 'fo:language="en" fo:country="GB"'
    nohyph = 'fo:hyphenate="false"'
    styles = f"""
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>
</office:font-face-decls>
<office:styles>{base_styles(f"{font} {lang} {nohyph}", "0.14cm", 112)}
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.05cm"/>
  <style:text-properties fo:font-size="26pt" fo:color="#1F3864" fo:letter-spacing="-0.02cm"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="11pt" fo:color="#595959" fo:letter-spacing="0.03cm"/>
 </style:style>
 <style:style style:name="Domain" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:border-bottom="0.75pt solid {BLUE}" fo:padding-bottom="0.15cm"/>
  <style:text-properties fo:font-size="11pt" fo:color="#595959"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="14pt" fo:color="{BLUE}"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="11pt" fo:color="{BLUE}"/>
 </style:style>
 <style:style style:name="Action" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Timeline" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="3.7cm" fo:text-indent="-3.7cm" fo:margin-bottom="0.12cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="Timeline_20_cont" style:display-name="Timeline cont" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="3.7cm" fo:text-indent="0cm" fo:margin-bottom="0.12cm"/>
 </style:style>
 <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.06cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.3cm" fo:text-indent="-0.3cm" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="8pt" fo:color="#7F7F7F"/>
 </style:style>
 <style:style style:name="Strong" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>{note_styles()}
 {num_list("WWNum1", [("1", ")"), ("a", ")")])}
 {num_list("WWNum2", [("1", ")")])}
 <text:list-style style:name="WWBullet">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.63cm" fo:text-indent="-0.63cm" fo:margin-left="0.63cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="OpenSymbol"/>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>"""
    auto = """
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.8cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.2cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="33%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>"""
    master = """
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">Rabat Process | Reference country factsheet<text:tab/><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>"""
    return flat_document(title_meta(s.title), styles + auto + master, body)


def render(s: Sample, pdf: Path, work: Path) -> None:
    writer_pdf(fodt(s), s.name, pdf, work)
