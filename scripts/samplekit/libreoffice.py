"""Making sample sheets with Debian's LibreOffice Writer (flat OpenDocument text -> PDF,
`apt-get install libreoffice-writer-nogui`; `soffice` on PATH, or SOFFICE=/path), the pieces
the sheets share (footnotes, the document wrapper), the Writer sheet (WriterSheet: given
section forms by a committed sample's spec, or drawn from the random generator's traits by
render_writer), and the checks of Writer sheets.

Reproducibility: LibreOffice writes the export time into the PDF (/CreationDate in the Info
dictionary, the trailer /ID derived from it, and LibreOffice's own /DocChecksum).
`fix_metadata` overwrites those bytes in place with fixed values of the same length (so the
cross-reference offsets stay valid): the date becomes FIXED_PDF_DATE, the /ID an MD5 of the
sample name, the checksum an MD5 of the file with the checksum blanked. Everything else
(font subset tags included) is byte-identical between runs with LibreOffice 7.4.7.2 (Debian
12) and Liberation 1.07; another build or font set gives other bytes (Debian's
fonts-liberation2, which LibreOffice pulls in, shadows Liberation 1.07 unless fontconfig is
told to reject it).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape

from samplekit.markup import CELL, TOKEN, join_label, marker_value
from samplekit.spec import Footnote, It, Sample, Sec, TL

FIXED_PDF_DATE = "20230115120000"          # written over LibreOffice's export time
FIXED_ODF_DATE = "2023-01-15T12:00:00"
CONVERT_TIMEOUT = 300                      # seconds

# The namespace declarations of a flat OpenDocument text (.fodt) root element.
ODF_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}.items())


# --------------------------------------------------------------------------------------
# Running LibreOffice
# --------------------------------------------------------------------------------------


def soffice() -> str:
    exe = os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    return exe


def convert(fodt: Path, outdir: Path, profile: Path) -> Path:
    cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir),
           str(fodt)]
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SAL_USE_VCLPLUGIN="svp")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=CONVERT_TIMEOUT)
    pdf = outdir / (fodt.stem + ".pdf")
    if r.returncode or not pdf.exists():
        raise RuntimeError(f"soffice failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return pdf


def fix_metadata(data: bytes, name: str) -> bytes:
    """Overwrite LibreOffice's export time and the /ID derived from it, keeping lengths."""
    def date(m: re.Match) -> bytes:
        return m.group(1) + FIXED_PDF_DATE.encode() + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))", date, data)
    digest = hashlib.md5(name.encode()).hexdigest().upper().encode()

    def ident(m: re.Match) -> bytes:
        return m.group(1) + digest + m.group(2) + digest + m.group(3)
    data = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>\s*\])", ident, data)
    # LibreOffice's own trailer key: a checksum over content that includes the export time.
    blank = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + b"0" * 32, data)
    stable = hashlib.md5(blank).hexdigest().upper().encode()
    data = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + stable, data)
    # XMP metadata (only written for PDF/A or when asked) carries the same dates.
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)"
                  rb"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)",
                  lambda m: m.group(1) + FIXED_ODF_DATE.encode(), data)
    return data


def writer_pdf(fodt: str, name: str, pdf_path: Path, work: Path) -> None:
    """Export a flat OpenDocument text to a PDF, its metadata made stable."""
    fodt_path = work / f"{name}.fodt"
    fodt_path.write_text(fodt, encoding="utf-8")
    out = convert(fodt_path, work, work / "profile")
    pdf_path.write_bytes(fix_metadata(out.read_bytes(), name))


# --------------------------------------------------------------------------------------
# OpenDocument pieces
# --------------------------------------------------------------------------------------


def text_xml(text: str) -> str:
    """Plain text as paragraph content; \\n a forced line break."""
    return "<text:line-break/>".join(escape(part) for part in text.split("\n"))


class Notes:
    """Writer footnotes for the markers of spec strings. Writer prints the notes in citation
    order and numbers them itself, so the k-th marker cited is the k-th Footnote of the spec
    (whose marker is the number printed)."""

    def __init__(self, footnotes: list[Footnote]):
        self.footnotes = footnotes
        self.cited = 0

    def inline(self, markup: str) -> str:
        """Spec string -> paragraph content: markers as notes, {shy} a soft hyphen."""
        out, pos = [], 0
        for m in TOKEN.finditer(markup):
            out.append(text_xml(markup[pos:m.start()]))
            if m.group(1):
                out.append(self.note(m.group(1)))
            elif m.group(2) == "shy":
                out.append("\u00ad")
            elif m.group(4):
                out.append(" ")
            else:
                raise ValueError(f"Writer sheets take markers, {{shy}} and {{|}} only: {m.group(0)!r}")
            pos = m.end()
        out.append(text_xml(markup[pos:]))
        return "".join(out)

    def note(self, raw_marker: str) -> str:
        """The note, at its first citation; a later citation of it is its number raised, as a
        cross-reference to a footnote prints (a Writer footnote has one citation)."""
        value = marker_value(raw_marker)
        fresh = self.cited < len(self.footnotes) and self.footnotes[self.cited].marker == value
        if not fresh and any(f.marker == value for f in self.footnotes[:self.cited]):
            return f'<text:span text:style-name="Footnote_20_anchor">{marker_value(raw_marker)}</text:span>'
        assert self.cited < len(self.footnotes), f"marker {raw_marker} has no note left"
        f = self.footnotes[self.cited]
        assert marker_value(raw_marker) == f.marker, (raw_marker, f)
        self.cited += 1
        return (f'<text:note text:id="ftn{self.cited}" text:note-class="footnote">'
                f'<text:note-citation>{f.marker}</text:note-citation><text:note-body>'
                f'<text:p text:style-name="Footnote">{escape(f.term + f.sep + f.expansion)}'
                f'</text:p></text:note-body></text:note>')

    def p(self, style: str, markup: str) -> str:
        return f'<text:p text:style-name="{style}">{self.inline(markup)}</text:p>'

    def check_all_cited(self) -> None:
        assert self.cited == len(self.footnotes), (self.cited, len(self.footnotes))


def title_meta(title: str) -> str:
    return f"<office:meta><dc:title>{escape(title)}</dc:title></office:meta>"


def flat_document(meta: str, styles: str, body: list[str]) -> str:
    """A flat OpenDocument text: the meta element, everything from the font declarations to
    the master styles, and the body paragraphs."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF_NS} '
            f'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            f"{meta}{styles}<office:body><office:text>\n" + "\n".join(body) +
            "\n</office:text></office:body></office:document>\n")


def base_styles(text_properties: str, space_after: str, line_height: int) -> str:
    """The default paragraph style and "Standard": widows and orphans, the body font and
    language, the space after a paragraph and the line height."""
    return f"""
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
  <style:text-properties {text_properties}/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="{space_after}" fo:line-height="{line_height}%"/>
  <style:text-properties {text_properties}/>
 </style:style>"""


def note_styles(numbering: str = "document") -> str:
    """Writer footnotes: the citation in the text raised (58 %), the number before the note
    plain, notes at the foot of the page, numbered through the "document" or per "page"."""
    return f"""
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="{numbering}"/>"""


# The fonts of the second group of Writer sheets.
LIBERATION_FONT_DECLS = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans Narrow" svg:font-family="&apos;Liberation Sans Narrow&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>
</office:font-face-decls>"""



def liberation_document(title: str, styles: str, auto: str, master: str,
                        body: list[str]) -> str:
    """A flat document with LIBERATION_FONT_DECLS and the given styles, automatic styles
    and master pages."""
    return flat_document(title_meta(title),
                         f"{LIBERATION_FONT_DECLS}<office:styles>{styles}</office:styles>"
                         f"<office:automatic-styles>{auto}</office:automatic-styles>"
                         f"<office:master-styles>{master}</office:master-styles>", body)


# --------------------------------------------------------------------------------------
# WriterSheet: the Writer sheet, of committed samples and random ones
# --------------------------------------------------------------------------------------


@dataclass
class WriterLayout:
    """Page and styles of a WriterSheet. `style`: fonts, sizes and colours (see the
    samples). A section's `form` says how its blocks are set: "paras+timeline" (paragraphs,
    then a table whose label cells span their group), "events-nested" (a bullet list with
    a nested level), "events-flat" (bold titles, each with a list), "arrows", "numbered",
    "bullets"; and, drawn from traits, "list" (bullets at every depth, `list_chars`),
    "events-list" (bold titles, each with such a list, or with its date on a line under
    it), "numbered-list" and "events-numbered" (numbered as the section's numbering says)."""

    country_code: str                   # fo:country of the document language
    landscape: bool
    columns: int                        # 1, or a Writer section with N columns for the body
    style: dict
    running_header: str | None = None   # pages 2+ (master page after the first)
    running_footer: str | None = None   # every page, followed by "<tab>Page N of M"
    page_word: tuple[str, str] = ("Page", "of")
    timeline_borders: bool = True
    # The lists drawn from traits (forms "list", "events-list", numbered forms): the bullet of
    # each nesting level, and a font face to declare for a body font Writer is not told of.
    list_chars: tuple[str, ...] = ()
    body_face: str | None = None
    # Section headings: "rule" (bold, coloured, a rule under them), "light" (larger, coloured,
    # not bold, no rule: Word's built-in headings) or "band" (bold white on a coloured band).
    heading_look: str = "rule"
    justify: bool = False               # body text justified and hyphenated by Writer
    timeline_tab: bool = False          # timelines as "label<TAB>entry" hanging paragraphs
    timeline_rule: bool = False         # labels right-aligned left of a line down the entries
    banner: bool = False                # the first header line above the title, larger than it
    closing_columns: int = 1            # the sections after the activities, side by side in N columns
    header_table: bool = False          # title and header lines in the two cells of a coloured table
    flush_numbers: bool = False         # a numbered item's later lines under its number, not indented


class WriterSheet:
    """The .fodt of a sample: title band, header lines, the sections as `form` says.
    Hyphenation is off in every paragraph style: {shy} is the only place a word breaks."""

    def __init__(self, s: Sample, layout: WriterLayout):
        self.s, self.lay = s, layout
        self.notes = Notes(s.footnotes)

    def p(self, style: str, markup: str) -> str:
        return self.notes.p(style, markup)

    # ---- styles -------------------------------------------------------------------
    def styles(self) -> str:
        s, lay, st = self.s, self.lay, self.lay.style
        lang = f'fo:language="{s.language}" fo:country="{lay.country_code}"'
        nohyph = 'fo:hyphenate="false" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"'
        body = f'style:font-name="{st["body"]}" fo:font-size="{st["size"]}pt"'
        head = f'style:font-name="{st["heading_font"]}"'
        after = st["para_after"]
        lh = st.get("line_height", 118)

        def pstyle(name, parent="Standard", para="", text="", extra="", tabs="", hyph=nohyph):
            return (f'<style:style style:name="{name}" style:family="paragraph" '
                    f'style:parent-style-name="{parent}" {extra}>'
                    f'<style:paragraph-properties {para}>{tabs}</style:paragraph-properties>'
                    f'<style:text-properties {text} {hyph}/></style:style>')

        # Justified text: Writer hyphenates it (with Debian's hyphen-fr and hyphen-en-us).
        justify = ' fo:text-align="justify"' if lay.justify else ""
        body_hyph = nohyph.replace('"false"', '"true"') if lay.justify else nohyph
        heading_para, heading_text = {
            "rule": (f'fo:margin-top="{st.get("head_before", 0.3)}cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always" fo:border-bottom="0.06pt solid ' + st["accent"] + '" fo:padding-bottom="0.03cm"',
                     f'{head} fo:font-size="{st["head_size"]}pt" fo:font-weight="bold" fo:color="{st["accent"]}"'),
            "light": (f'fo:margin-top="{st.get("head_before", 0.3) + 0.12:.2f}cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"',
                      f'{head} fo:font-size="{st["head_size"] + 1.5}pt" fo:color="{st["accent"]}"'),
            "band": (f'fo:margin-top="{st.get("head_before", 0.3)}cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always" fo:background-color="{st["accent"]}" fo:padding="0.06cm"',
                     f'{head} fo:font-size="{st["head_size"]}pt" fo:font-weight="bold" fo:color="#FFFFFF"'),
        }[lay.heading_look]

        right = "27.3cm" if lay.landscape else "18.6cm"
        return f"""
<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Serif" svg:font-family="&apos;DejaVu Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>{self.body_face()}
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
  <style:text-properties {body} {lang} {nohyph}/>
 </style:default-style>
 <style:default-style style:family="table">
  <style:table-properties table:border-model="collapsing"/>
 </style:default-style>
 {pstyle("Standard", parent="", text=body + " " + lang, extra='style:class="text"').replace(' style:parent-style-name=""', "")}
 {pstyle("Text_20_body", para=f'fo:margin-top="0cm" fo:margin-bottom="{after}cm" fo:line-height="{lh}%"' + justify, extra='style:display-name="Text body"', hyph=body_hyph)}
 {pstyle("Title", para='fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:padding-left="0.3cm" fo:background-color="' + st["band"] + '"', text=f'{head} fo:font-size="{st["title_size"]}pt" fo:font-weight="bold" fo:color="{st["accent"]}"')}
 {pstyle("Header_20_line", para='fo:margin-top="0cm" fo:margin-bottom="0.04cm" fo:padding-left="0.3cm" fo:background-color="' + st["band"] + '"', text=f'{head} fo:font-size="{st["header_size"]}pt"', extra='style:display-name="Header line"')}
 {pstyle("Header_20_line_20_bold", parent="Header_20_line", text='fo:font-weight="bold"', extra='style:display-name="Header line bold"')}
 {pstyle("Section_20_heading", para=heading_para, text=heading_text, extra='style:display-name="Section heading"')}
 {pstyle("Subheading", para='fo:margin-top="0.02cm" fo:margin-bottom="0.08cm" fo:keep-with-next="always"', text=f'{head} fo:font-size="{st["sub_size"]}pt" fo:font-weight="bold"')}
 {pstyle("Event_20_title", parent="Text_20_body", para='fo:margin-top="0.1cm" fo:keep-with-next="always"', text='fo:font-weight="bold"', extra='style:display-name="Event title"')}
 {pstyle("List_20_item", parent="Text_20_body", extra='style:display-name="List item"', hyph=body_hyph)}
 {pstyle("Table_20_label", para='fo:margin-top="0cm" fo:margin-bottom="0cm"', text=f'{head} fo:font-weight="bold" fo:color="{st["accent"]}"', extra='style:display-name="Table label"')}
 {pstyle("Table_20_contents", para=f'fo:margin-top="0cm" fo:margin-bottom="{after}cm" fo:line-height="{lh}%"' + justify, extra='style:display-name="Table contents"', hyph=body_hyph)}{self.tab_timeline_styles(pstyle, body_hyph) if lay.timeline_tab else ""}{self.trait_styles(pstyle, head) if lay.list_chars else ""}
 {pstyle("Footnote", para='fo:margin-left="0.4cm" fo:text-indent="-0.4cm" fo:margin-top="0cm" fo:margin-bottom="0cm"', text=f'fo:font-size="{st["foot_size"]}pt"')}
 {pstyle("Header", text='fo:font-size="7pt" fo:color="#666666"', para='fo:text-align="end"')}
 {pstyle("Footer", text='fo:font-size="7pt" fo:color="#666666"', para='fo:border-top="0.06pt solid #999999" fo:padding-top="0.05cm"', tabs=f'<style:tab-stops><style:tab-stop style:position="{right}" style:type="right"/></style:tab-stops>')}
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text"/>
 <style:style style:name="Bullet_20_Symbols" style:display-name="Bullet Symbols" style:family="text">
  <style:text-properties style:font-name="OpenSymbol"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="{self.note_numbering()}"/>
 {self.list_style("L_bullets", ["■", "–"])}
 {self.list_style("L_arrows", ["➔"])}
 {self.list_style("L_dots", ["•"])}{self.list_style("L_trait", list(lay.list_chars)) if lay.list_chars else ""}
 <text:list-style style:name="L_numbers">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>{self.numbered_styles()}
</office:styles>"""

    def note_numbering(self) -> str:
        """"page" when the spec's markers start again for a note on a later page, else
        "document"."""
        markers = [f.marker for f in self.s.footnotes]
        return "page" if len(set(markers)) < len(markers) else "document"

    def trait_styles(self, pstyle, head: str) -> str:
        """The random sheets' own paragraph styles: a banner line above the title, an event's
        date line, a label set flush right."""
        st = self.lay.style
        return (pstyle("Banner", para=f'fo:margin-top="0cm" fo:margin-bottom="0.02cm" fo:padding-left="0.3cm" '
                                      f'fo:background-color="{st["band"]}"',
                       text=f'{head} fo:font-size="{st["title_size"] * 1.25:.1f}pt" fo:font-weight="bold" '
                            f'fo:color="{st["accent"]}" fo:letter-spacing="0.05cm"')
                + pstyle("Event_20_date", parent="Text_20_body", para='fo:keep-with-next="always"',
                         text=f'fo:font-style="italic" fo:color="{st["accent"]}"', extra='style:display-name="Event date"')
                + pstyle("Table_20_label_20_right", parent="Table_20_label", para='fo:text-align="end"',
                         extra='style:display-name="Table label right"')
                + pstyle("Table_20_heading", parent="Table_20_label", text='fo:color="#FFFFFF"',
                         extra='style:display-name="Table heading"')
                + pstyle("Title_20_cell", parent="Title", para='fo:background-color="transparent"',
                         text='fo:color="#FFFFFF"', extra='style:display-name="Title cell"')
                + pstyle("Header_20_cell", parent="Header_20_line", para='fo:text-align="end" fo:background-color="transparent"',
                         text='fo:color="#FFFFFF"', extra='style:display-name="Header cell"'))

    def tab_timeline_styles(self, pstyle, hyph: str) -> str:
        """A timeline label then a tab, the entry hanging after it; a group's next entries
        under the first."""
        st = self.lay.style
        indent, after = f'{st["label_w"]}cm', st["para_after"]
        return (pstyle("Timeline", parent="Text_20_body", hyph=hyph,
                       para=f'fo:margin-left="{indent}" fo:text-indent="-{indent}" fo:margin-bottom="{after}cm"',
                       tabs='<style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>')
                + pstyle("Timeline_20_cont", parent="Text_20_body", hyph=hyph,
                         para=f'fo:margin-left="{indent}" fo:text-indent="0cm" fo:margin-bottom="{after}cm"',
                         extra='style:display-name="Timeline cont"')
                + '<style:style style:name="Strong" style:family="text">'
                  f'<style:text-properties fo:font-weight="bold" fo:color="{st["accent"]}"/></style:style>')

    def numbered_styles(self) -> str:
        """A list style for each numbering the sections use in the forms "numbered-list" and
        "events-numbered" (L_n1, L_n2, ... in the order first used)."""
        return "".join(self.number_style(name, numbering) for numbering, name in self.numbering_names().items())

    def numbering_names(self) -> dict[tuple[str, ...], str]:
        names: dict[tuple[str, ...], str] = {}
        for sec in self.s.sections:
            if sec.form in ("numbered-list", "events-numbered"):
                names.setdefault(sec.numbering, f"L_n{len(names) + 1}")
        return names

    def number_style(self, name: str, numbering: tuple[str, ...]) -> str:
        """Levels numbered as spec numbering styles say ("1." -> format 1, suffix "."), the
        levels below them bulleted as the sheet's lists are; with `flush_numbers`, the first
        level's later lines start under its number."""
        levels = []
        for i, style in enumerate(numbering, 1):
            margin = 0.6 * i
            if i == 1 and self.lay.flush_numbers:
                align = ('text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"')
            else:
                align = (f'text:label-followed-by="listtab" text:list-tab-stop-position="{margin:.2f}cm" '
                         f'fo:text-indent="-0.5cm" fo:margin-left="{margin:.2f}cm"')
            levels.append(
                f'<text:list-level-style-number text:level="{i}" style:num-suffix="{style[1:]}" '
                f'style:num-format="{style[0]}"><style:list-level-properties '
                f'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
                f'{align}/></style:list-level-properties></text:list-level-style-number>')
        for i, char in enumerate(self.lay.list_chars[1:][len(numbering) - 1:], len(numbering) + 1):
            levels.append(self.bullet_level(i, char, 0.6 * i))
        return f'<text:list-style style:name="{name}">{"".join(levels)}</text:list-style>'

    def body_face(self) -> str:
        name = self.lay.body_face
        if not name:
            return ""
        return (f'\n <style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;" '
                f'style:font-pitch="variable"/>')

    @staticmethod
    def list_style(name: str, chars: list[str]) -> str:
        """A bullet list style, one level per char."""
        levels = "".join(WriterSheet.bullet_level(i + 1, ch, 0.5 + 0.5 * i) for i, ch in enumerate(chars))
        return f'<text:list-style style:name="{name}">{levels}</text:list-style>'

    @staticmethod
    def bullet_level(level: int, char: str, margin: float) -> str:
        """One bulleted level of a list style: ``char`` (OpenSymbol), hanging ``margin`` cm."""
        return (f'<text:list-level-style-bullet text:level="{level}" '
                f'text:style-name="Bullet_20_Symbols" text:bullet-char="{char}">'
                f'<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                f'<style:list-level-label-alignment text:label-followed-by="listtab" '
                f'text:list-tab-stop-position="{margin:.2f}cm" fo:text-indent="-0.4cm" '
                f'fo:margin-left="{margin:.2f}cm"/></style:list-level-properties>'
                f'<style:text-properties style:font-name="OpenSymbol"/>'
                f'</text:list-level-style-bullet>')

    def automatic_styles(self) -> str:
        lay, st = self.lay, self.lay.style
        w, h = ("29.7cm", "21cm") if lay.landscape else ("21cm", "29.7cm")
        orient = "landscape" if lay.landscape else "portrait"
        margin = "1.2cm"
        hf = ('<style:header-style><style:header-footer-properties fo:min-height="0cm" '
              'fo:margin-bottom="0.3cm"/></style:header-style>'
              '<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
              'fo:margin-top="0.3cm"/></style:footer-style>')
        border = 'fo:border="0.5pt solid #7F8C8D"' if lay.timeline_borders else 'fo:border="none"'
        usable = (29.7 if lay.landscape else 21.0) - 2.4
        table_w = (usable - 0.8 * (lay.columns - 1)) / lay.columns
        # the entries' column (a timeline whose rows have several cells gets its columns from table_styles)
        timeline_b = "" if self.cells_per_row() > 1 else (
            '<style:style style:name="Timeline.B" style:family="table-column">\n'
            f'  <style:table-column-properties style:column-width="{table_w - st["label_w"]:.2f}cm"/>\n'
            ' </style:style>')
        cols = ""
        if lay.columns > 1:
            cols = (f'<style:style style:name="Sect1" style:family="section">'
                    f'<style:section-properties text:dont-balance-text-columns="false" '
                    f'style:editable="false"><style:columns fo:column-count="{lay.columns}" '
                    f'fo:column-gap="0.8cm"/></style:section-properties></style:style>')
        return f"""
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="{orient}" fo:margin-top="{margin}" fo:margin-bottom="{margin}" fo:margin-left="{margin}" fo:margin-right="{margin}" style:writing-mode="lr-tb">
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.15cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  {hf}
 </style:page-layout>
 <style:style style:name="P_first" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="First_20_Page"/>
 <style:style style:name="P_break_page" style:family="paragraph" style:parent-style-name="Section_20_heading">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="P_break_column" style:family="paragraph" style:parent-style-name="Section_20_heading">
  <style:paragraph-properties fo:break-before="column"/>
 </style:style>
 <style:style style:name="P_event_first" style:family="paragraph" style:parent-style-name="Event_20_title">
  <style:paragraph-properties fo:margin-top="0cm"/>
 </style:style>
 {cols}
 <style:style style:name="Timeline" style:family="table">
  <style:table-properties style:width="{table_w:.2f}cm" table:align="left" fo:margin-top="0.05cm" fo:margin-bottom="0.15cm"/>
 </style:style>
 <style:style style:name="Timeline.A" style:family="table-column">
  <style:table-column-properties style:column-width="{st['label_w']}cm"/>
 </style:style>
 {timeline_b}
 <style:style style:name="Timeline.cell" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="top" fo:padding="0.08cm" {border}/>
 </style:style>{self.trait_automatic_styles() if lay.list_chars else ""}
</office:automatic-styles>"""

    def trait_automatic_styles(self) -> str:
        st = self.lay.style
        return (f'<style:style style:name="P_banner_first" style:family="paragraph" style:parent-style-name="Banner" '
                f'style:master-page-name="First_20_Page"/>'
                f'<style:style style:name="Timeline.entry" style:family="table-cell"><style:table-cell-properties '
                f'style:vertical-align="top" fo:padding="0.08cm" fo:border="none" '
                f'fo:border-left="1.2pt solid {st["accent"]}"/></style:style>'
                + self.table_styles()
                + f'<style:style style:name="SectClose" style:family="section"><style:section-properties '
                f'text:dont-balance-text-columns="false" style:editable="false"><style:columns '
                f'fo:column-count="{self.lay.closing_columns}" fo:column-gap="0.8cm"/></style:section-properties>'
                f'</style:style>')

    def table_styles(self) -> str:
        """The header table's (master page First Page, a coloured cell) and the cells' columns
        of a timeline whose rows have several cells (the first wider than the others)."""
        lay, st = self.lay, self.lay.style
        usable = (29.7 if lay.landscape else 21.0) - 2.4
        table_w = (usable - 0.8 * (lay.columns - 1)) / lay.columns
        out = [f'<style:style style:name="HeaderTable" style:family="table"><style:table-properties '
               f'style:width="{usable:.2f}cm" table:align="left" fo:margin-bottom="0.2cm" '
               f'style:master-page-name="First_20_Page"/></style:style>'
               f'<style:style style:name="HeaderTable.cell" style:family="table-cell"><style:table-cell-properties '
               f'style:vertical-align="middle" fo:padding="0.2cm" fo:background-color="{st["accent"]}" '
               f'fo:border="none"/></style:style>']
        cells = self.cells_per_row()
        if cells > 1:
            rest = table_w - st["label_w"]
            first = rest * 0.62
            for k, width in enumerate([first] + [(rest - first) / (cells - 1)] * (cells - 1)):
                out.append(f'<style:style style:name="Timeline.{chr(ord("B") + k)}" style:family="table-column">'
                           f'<style:table-column-properties style:column-width="{width:.2f}cm"/></style:style>')
            out.append('<style:style style:name="Timeline.head" style:family="table-cell"><style:table-cell-properties '
                       f'style:vertical-align="top" fo:padding="0.08cm" fo:background-color="{st["accent"]}" '
                       'fo:border="0.5pt solid #7F8C8D"/></style:style>')
        return "".join(out)

    def cells_per_row(self) -> int:
        """The most cells a timeline entry is printed in (1: its text)."""
        return max((len(e.pieces) for sec in self.s.sections for b in sec.blocks if isinstance(b, TL)
                    for e in b.entries if e.cells and e.pieces), default=1)

    def master_styles(self) -> str:
        s, lay = self.s, self.lay
        footer = ""
        if lay.running_footer:
            footer = (f'<style:footer><text:p text:style-name="Footer">{escape(lay.running_footer)}'
                      f'<text:tab/>{lay.page_word[0]} <text:page-number text:select-page="current">1'
                      f'</text:page-number> {lay.page_word[1]} <text:page-count>{s.pages}'
                      f'</text:page-count></text:p></style:footer>')
        header = ""
        if lay.running_header:
            header = (f'<style:header><text:p text:style-name="Header">'
                      f'{escape(lay.running_header)}</text:p></style:header>')
        return f"""
<office:master-styles>
 <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">{footer}</style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page>
</office:master-styles>"""

    # ---- body ---------------------------------------------------------------------
    def section(self, sec: Sec) -> list[str]:
        out = []
        hstyle = {"page": "P_break_page", "column": "P_break_column"}.get(
            sec.break_before or "", "Section_20_heading")
        out.append(self.p(hstyle, sec.heading))
        for sh in sec.subheadings:
            if CELL not in sh:  # a table's header row is printed in the table
                out.append(self.p("Subheading", sh))
        if sec.form == "paras+timeline":
            groups: list[TL] = []
            for b in sec.blocks:
                if isinstance(b, TL):
                    groups.append(b)
                else:
                    assert not groups, "paragraphs go before the timeline"
                    out.append(self.p("Text_20_body", b.text))
            if groups:
                header = next((sh.split(CELL) for sh in sec.subheadings if CELL in sh), None)
                out.append(self.timeline(groups, header))
        elif sec.form == "events-nested":
            lis = []
            for it in sec.blocks:
                sub = "".join(f'<text:list-item>{self.p("List_20_item", c.text)}</text:list-item>'
                              for c in it.children)
                sub = f"<text:list>{sub}</text:list>" if sub else ""
                lis.append(f'<text:list-item>{self.p("Event_20_title", it.text)}{sub}'
                           f'</text:list-item>')
            out.append(f'<text:list text:style-name="L_bullets">{"".join(lis)}</text:list>')
        elif sec.form == "events-flat":
            for k, it in enumerate(sec.blocks):
                out.append(self.p("P_event_first" if k == 0 else "Event_20_title", it.text))
                if it.children:
                    out.append(self.simple_list("L_dots", it.children))
        elif sec.form == "events-list":
            for k, it in enumerate(sec.blocks):
                title, *more = it.pieces or [it.text]  # a title, and the lines printed under it
                out.append(self.p("P_event_first" if k == 0 else "Event_20_title", title))
                out += [self.p("Event_20_date", line) for line in more]
                if it.children:
                    out.append(self.nested_list("L_trait", it.children))
        elif sec.form == "list":
            out.append(self.nested_list("L_trait", sec.blocks))
        elif sec.form == "numbered-list":
            out.append(self.nested_list(self.numbering_names()[sec.numbering], sec.blocks))
        elif sec.form == "events-numbered":
            out.append(self.nested_list(self.numbering_names()[sec.numbering], sec.blocks, first="Event_20_title"))
        else:
            style = {"arrows": "L_arrows", "numbered": "L_numbers", "bullets": "L_dots"}[sec.form]
            out.append(self.simple_list(style, sec.blocks))
        return out

    def nested_list(self, style: str, items: list[It], first: str = "List_20_item") -> str:
        """A list whose items' children are lists one level down (the style's next level);
        ``first``: the paragraph style of the top level's items."""
        def level(items: list[It], para: str) -> str:
            out = []
            for it in items:
                below = f"<text:list>{level(it.children, 'List_20_item')}</text:list>" if it.children else ""
                out.append(f'<text:list-item>{self.p(para, it.text)}{below}</text:list-item>')
            return "".join(out)
        return f'<text:list text:style-name="{style}">{level(items, first)}</text:list>'

    def simple_list(self, style: str, items: list[It]) -> str:
        lis = "".join(f'<text:list-item>{self.p("List_20_item", it.text)}</text:list-item>'
                      for it in items)
        return f'<text:list text:style-name="{style}">{lis}</text:list>'

    def timeline(self, groups: list[TL], header: list[str] | None = None) -> str:
        """A table: the label cell spans the rows of its entries, an entry printed in cells
        (a table row) takes a cell each, and a header row (``header``'s cells) comes first;
        with `timeline_tab`, hanging paragraphs instead."""
        if self.lay.timeline_tab:
            return "".join(
                (f'<text:p text:style-name="Timeline"><text:span text:style-name="Strong">'
                 f'{escape(join_label(g.label))}</text:span><text:tab/>{self.notes.inline(e.text)}</text:p>'
                 if k == 0 else self.p("Timeline_20_cont", e.text))
                for g in groups for k, e in enumerate(g.entries))
        cells = self.cells_per_row()
        out = ['<table:table table:name="Timeline" table:style-name="Timeline">',
               '<table:table-column table:style-name="Timeline.A"/>']
        out += [f'<table:table-column table:style-name="Timeline.{chr(ord("B") + k)}"/>' for k in range(cells)]
        if header:
            out.append("<table:table-header-rows><table:table-row>" + "".join(
                f'<table:table-cell table:style-name="Timeline.head" office:value-type="string">'
                f'{self.p("Table_20_heading", h)}</table:table-cell>' for h in header)
                + "</table:table-row></table:table-header-rows>")
        for group in groups:
            for k, it in enumerate(group.entries):
                out.append("<table:table-row>")
                if k == 0:
                    n = len(group.entries)
                    span = f' table:number-rows-spanned="{n}"' if n > 1 else ""
                    label_style = "Table_20_label_20_right" if self.lay.timeline_rule else "Table_20_label"
                    out.append(f'<table:table-cell table:style-name="Timeline.cell" '
                               f'office:value-type="string"{span}>'
                               f'{self.p(label_style, group.label)}</table:table-cell>')
                else:
                    out.append("<table:covered-table-cell/>")
                entry_cell = "Timeline.entry" if self.lay.timeline_rule else "Timeline.cell"
                for text in (it.pieces if it.cells and it.pieces else [it.text]):
                    out.append(f'<table:table-cell table:style-name="{entry_cell}" '
                               f'office:value-type="string">{self.p("Table_20_contents", text)}'
                               f'</table:table-cell>')
                out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def document(self) -> str:
        s, lay = self.s, self.lay
        if lay.header_table:
            lines = "".join(self.p("Header_20_cell", h) for h in s.header_lines)
            body = ['<table:table table:name="Header" table:style-name="HeaderTable">'
                    '<table:table-column table:number-columns-repeated="2"/><table:table-row>'
                    f'<table:table-cell table:style-name="HeaderTable.cell" office:value-type="string">'
                    f'{self.p("Title_20_cell", s.title)}</table:table-cell>'
                    f'<table:table-cell table:style-name="HeaderTable.cell" office:value-type="string">{lines}'
                    '</table:table-cell></table:table-row></table:table>']
            rest = []
        elif lay.banner:
            body = [self.p("P_banner_first", s.header_lines[0]), self.p("Title", s.title)]
            rest = s.header_lines[1:]
        else:
            body = [self.p("P_first", s.title)]
            rest = s.header_lines
        if rest:
            body += [self.p("Header_20_line_20_bold", rest[0])] + [self.p("Header_20_line", h) for h in rest[1:]]
        if lay.closing_columns > 1:
            # the sections after the activities side by side, in a Writer section of their own
            split = next(k for k, sec in enumerate(s.sections) if sec.kind == "activities") + 1
            for sec in s.sections[:split]:
                body += self.section(sec)
            body.append('<text:section text:style-name="SectClose" text:name="Closing">')
            for sec in s.sections[split:]:
                body += self.section(sec)
            body.append("</text:section>")
        elif lay.columns > 1:
            # one Writer section per page run, so that Writer balances each page's columns
            k = 0
            for sec in s.sections:
                if sec.break_before == "page" or k == 0:
                    if k:
                        body.append("</text:section>")
                    k += 1
                    body.append(f'<text:section text:style-name="Sect1" text:name="Body{k}">')
                body += self.section(sec)
            body.append("</text:section>")
        else:
            body += sum((self.section(sec) for sec in s.sections), [])
        self.notes.check_all_cited()
        meta = (f"<office:meta><meta:generator>factextract scripts/make_samples.py"
                f"</meta:generator><dc:title>{escape(s.title)} – {escape(s.header_lines[0])}"
                f"</dc:title><dc:subject>Synthetic Rabat Process reference-country factsheet "
                f"(test sample)</dc:subject><meta:initial-creator>factextract test fixtures"
                f"</meta:initial-creator><dc:creator>factextract test fixtures</dc:creator>"
                f"<meta:creation-date>{FIXED_ODF_DATE}</meta:creation-date>"
                f"<dc:date>{FIXED_ODF_DATE}</dc:date><dc:language>{s.language}-"
                f"{lay.country_code}</dc:language></office:meta>")
        return flat_document(meta, self.styles() + self.automatic_styles() + self.master_styles(),
                             body)


# --------------------------------------------------------------------------------------
# Random sheets in Writer: the traits as a WriterLayout and section forms
# --------------------------------------------------------------------------------------

# The random sheets' fonts, by the name Writer (fontconfig) knows them.
WRITER_FACES = {"DejaVuSansCondensed": "DejaVu Sans Condensed", "DejaVuSerif": "DejaVu Serif",
                "LiberationSans": "Liberation Sans"}
# A bullets trait as Writer's list bullet, then the bullets of the deeper levels.
LIST_CHARS = {"bullet": "•", "dash": "–", "arrow": "➔", "check": "✓", "square": "■", "pointer": "►"}
DEEP_CHARS = {"dash": ("◦", "▪"), "pointer": ("◦", "–"), None: ("–", "◦")}
PT_PER_CM = 72 / 2.54
USABLE_CM = {False: 21.0 - 2.4, True: 29.7 - 2.4}  # the text width, portrait and landscape
COLUMN_GAP_CM = 0.8
LINE_HEIGHT = 118  # per cent of the font size, the Writer sheet's default
# How the traits' headings are drawn (WriterLayout.heading_look).
HEADING_LOOKS = {"bold": "rule", "light": "light", "band": "band"}


class WriterLayoutError(Exception):
    """The traits ask for what a designer would not set, or Writer cannot be run."""


def writer_text_measure(look: dict) -> float:
    """The width in points a line of an entry has (the label column taken off)."""
    column = (USABLE_CM[look["orientation"] == "landscape"] - COLUMN_GAP_CM * (look["columns"] - 1)) / look["columns"]
    beside = look["label_w"] if look["timeline"] != "none" else 0.0
    return (column - beside) * PT_PER_CM


def writer_layout(sample: Sample, look: dict) -> tuple[WriterLayout, Sample]:
    """The WriterLayout the traits ask for, and the sample with each section's form."""
    size = 9.0
    french = sample.language == "fr"
    layout = WriterLayout(
        country_code="FR" if french else "GB", landscape=look["orientation"] == "landscape",
        columns=look["columns"],
        style=dict(body=WRITER_FACES[look["font"]], heading_font=WRITER_FACES[look["font"]], size=size,
                   title_size=28, header_size=11, head_size=12.5, sub_size=9.5, foot_size=7,
                   accent=look["accent"], band=look["band_fill"], label_w=look["label_w"],
                   para_after=round(0.1 + (look["spacing"] - 1.0) * size * LINE_HEIGHT / 100 / PT_PER_CM, 2)),
        running_footer=look.get("running_footer"),
        page_word=("Page", "sur") if french else ("Page", "of"),
        timeline_borders=look["timeline"] == "table",
        list_chars=(LIST_CHARS[look["bullets"]], *DEEP_CHARS.get(look["bullets"], DEEP_CHARS[None])),
        body_face=WRITER_FACES[look["font"]], heading_look=HEADING_LOOKS[look.get("headings", "bold")],
        justify=look.get("hyphenation") == "justified", timeline_tab=look["timeline"] == "tab",
        timeline_rule=look["timeline"] == "rule", banner=look["header"] == "banner",
        closing_columns=2 if look.get("closing") == "side by side" and look["columns"] == 1 else 1,
        header_table=look["header"] == "table", flush_numbers=look.get("list_indent") == "flush")
    sections = [replace(sec, form=writer_form(sec)) for sec in sample.sections]
    if layout.closing_columns > 1:  # the second of the closing sections starts the second column
        split = next(k for k, sec in enumerate(sections) if sec.kind == "activities") + 1
        sections[split + 1:split + 2] = [replace(sec, break_before="column") for sec in sections[split + 1:split + 2]]
    return layout, replace(sample, sections=sections)


def writer_form(sec: Sec) -> str:
    """How a section's blocks are set, from what they are: a timeline after its paragraphs;
    events (items with children), as bold titles over their lists; lists, numbered when the
    section says how."""
    if any(isinstance(b, TL) for b in sec.blocks) or sec.kind == "progress":
        return "paras+timeline"
    if any(b.children for b in sec.blocks) or sec.kind == "activities":
        return "events-numbered" if sec.numbering else "events-list"
    return "numbered-list" if sec.numbering else "list"


def render_writer(sample: Sample, look: dict, pdf: Path) -> Sample:
    """Export the sheet with Writer; the Sample with the pages Writer put each piece on."""
    import tempfile

    from samplekit.checks import found_pages
    from samplekit.typst import MIN_MEASURE

    if not (os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")):
        raise WriterLayoutError(f"{sample.name}: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    if writer_text_measure(look) < MIN_MEASURE:
        raise WriterLayoutError(f"{sample.name}: text set {writer_text_measure(look):.0f} pt wide, under the "
                                f"{MIN_MEASURE:.0f} pt a designer would use")
    layout, sample = writer_layout(sample, look)
    with tempfile.TemporaryDirectory(prefix="fx-random-") as work:
        try:
            writer_pdf(WriterSheet(sample, layout).document(), sample.name, pdf, Path(work))
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            raise WriterLayoutError(f"{sample.name}: {exc}") from exc
    try:
        return found_pages(sample, pdf, lambda m: m)
    except LookupError as exc:
        raise WriterLayoutError(str(exc)) from exc


# --------------------------------------------------------------------------------------
# Checks of Writer sheets
# --------------------------------------------------------------------------------------

SMALL = 0.8    # a note number is smaller than this share of the page's most common size
GLUED_MARKER = 1.0  # points at most between a word and its note number (justified text spaces them a little)


def title_largest(s: Sample, pdf) -> list[str]:
    """The largest type on page 1 is the title."""
    words = pdf.pages[0].extract_words(use_text_flow=True, extra_attrs=["size"])
    big = max(words, key=lambda w: w["size"])
    return [] if big["text"] == s.title else [
        f"largest type on page 1 is {big['text']!r}, not the title"]


def raised_note_numbers(s: Sample, pdf) -> list[str]:
    """On every page, the small raised numbers glued to a word are the markers the items on
    that page cite, in order, each on a word that holds its anchor."""
    want: dict[int, list[tuple[str, str]]] = {}
    for p in s.placed():
        want.setdefault(p.page, []).extend(p.item.refs)
    problems = []
    for n, page in enumerate(pdf.pages, 1):
        words = page.extract_words(use_text_flow=True, extra_attrs=["size"],
                                   keep_blank_chars=False)
        sizes = [w["size"] for w in words]
        common = max(set(sizes), key=sizes.count)
        got = [(w["text"], prev["text"]) for prev, w in zip(words, words[1:])
               if w["text"].isdigit() and w["size"] < SMALL * common
               and abs(prev["x1"] - w["x0"]) < GLUED_MARKER and w["bottom"] < prev["bottom"] - 1]
        wanted = want.get(n, [])
        if [m for m, _ in got] != [m for m, _ in wanted] or not all(
                a in w for (_, a), (_, w) in zip(wanted, got)):
            problems.append(f"page {n}: raised note numbers {got}, spec {wanted}")
    return problems
