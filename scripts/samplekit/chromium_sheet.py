"""Drawing a random factsheet spec with Chromium (HTML and CSS printed to PDF), when Debian's
`chromium` is installed: a third producer, with the browser's own line breaking, CSS
columns, lists whose discs and squares are drawn shapes, and its own text layer.

    render_chromium(sample, look, pdf)   the PDF, and the Sample with the pages Chromium chose

Chromium flows the text itself, and tells nothing of where it put it: the pages of the spec
are read back from the PDF's own text, each heading, item and note on the first page whose
glyphs (in stream order, whitespace dropped) hold its printed text. The look is the dict of
traits `samplekit/random_sheet.py` draws for Chromium.
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

from samplekit.checks import found_pages
from samplekit.chromium import esc, font_face, print_html
from samplekit.fonts import symbol_font
from samplekit.markup import RAISED_MARKERS, convert, printed_marker
from samplekit.paths import DEJAVU, LIBERATION
from samplekit.spec import TL, It, Placed, Sample, Sec

# The body fonts, loaded from files (no system font is looked up), and the symbol fonts.
FACES = [
    ("DejaVuSansCondensed", 400, DEJAVU / "DejaVuSansCondensed.ttf"),
    ("DejaVuSansCondensed", 700, DEJAVU / "DejaVuSansCondensed-Bold.ttf"),
    ("DejaVuSerif", 400, DEJAVU / "DejaVuSerif.ttf"),
    ("DejaVuSerif", 700, DEJAVU / "DejaVuSerif-Bold.ttf"),
    ("LiberationSans", 400, LIBERATION / "LiberationSans-Regular.ttf"),
    ("LiberationSans", 700, LIBERATION / "LiberationSans-Bold.ttf"),
    ("FxDejaVu", 400, DEJAVU / "DejaVuSans.ttf"),
]
SYMBOL_FACES = {"FxWingdings": "Wingdings-Regular.ttf", "FxZapf": "ZapfDingbatsITC.ttf",
                "FxSymbol": "SymbolMT.ttf", "FxIcons": "IconFont-Solid.ttf"}
# List markers: CSS list-style-type for the shapes Chromium draws as vectors, else a
# character (in a symbol font under a borrowed name, or the body font) set by ::marker.
DRAWN = {"drawn disc": "disc", "drawn square": "square"}
CHARACTERS = {"bullet": (None, "•"), "dash": (None, "–"), "arrow": ("FxDejaVu", "→"), "guillemet": (None, "»"),
              "check": ("FxWingdings", "9"), "zsquare": ("FxZapf", "n"), "sbullet": ("FxSymbol", "·"),
              "private use": ("FxIcons", "\uf00c")}
# A list's numbering as the spec writes it -> (class, its ::marker rule).
NUMBERINGS = {"1.": ("n-dot", 'counter(list-item) ".  "'), "a)": ("a-par", 'counter(list-item, lower-alpha) ")  "')}
BODY_PT, HEAD_PT, TITLE_PT, NOTE_PT, LABEL_PT = 9, 12, 26, 7, 8.5
LINE_HEIGHT = 1.4
DROP_CAP_LINES = 2  # a drop cap is as tall as this many lines of text beside it
MARGIN_MM, SIDEBAR_MM, LABEL_MM, GUTTER_MM = 10, 52, 21, 5
PT_PER_MM = 72 / 25.4
LABEL_GAP_MM = 2  # between a timeline label beside its entries and them
# "line and dots": the line down the entries, the disc on it at each entry (points), and the
# room either side of the line (mm); there, and where labels are centred on their groups,
# groups are at least GROUP_GAP_PT apart (points), so that a reader sees where one ends even
# when paragraphs are set without a gap
LINE_PT, DOT_PT, DOT_ROOM_MM, GROUP_GAP_PT = 1.5, 6.0, 3.5, 4.0
# The room each timeline form takes beside its entries (mm).
BESIDE_MM = {"labels left": LABEL_MM + LABEL_GAP_MM, "labels left, centred": LABEL_MM + LABEL_GAP_MM,
             "labels right": LABEL_MM + LABEL_GAP_MM, "rule": LABEL_MM + LABEL_GAP_MM,
             "line and dots": LABEL_MM + 2 * DOT_ROOM_MM}
TL_CLASSES = {"labels right": "right", "rule": "left rule", "labels left, centred": "left centred",
              "line and dots": "left dots"}
BOX_INSET_MM = 2.5  # a section's box around its text
TAB_PT, TAB_RADIUS_PT = 10, 4  # a heading in a tab: its size, and its top corners' radius
# A small drawn logo (two shapes in a stroked square, no text) floated right at the top of a
# section (``logo`` trait), and the room left of it.
LOGO_MM, LOGO_GAP_MM = 16, 2.5
LOGO = '<div class="logo"><div class="disc"></div><div class="block"></div></div>'
LOGO_DISC = "#E07A1F"  # the logo's disc, whatever the palette
RUNNING_PT = 7  # the running header's size
HEAD_CLASSES = {"right": " right", "bar": " bar"}  # the header's band, by the header trait
# Sections whose items are a list whether or not the spec names a bullet for them.
LIST_SECTIONS = ("referent_system", "suggestions")
PAGE_MM = {"portrait": 210.0, "landscape": 297.0}  # A4's width


class ChromiumLayoutError(Exception):
    """The sheet cannot be printed as its traits say (Chromium missing or failing, or too
    narrow a measure)."""


def text_measure(look: dict) -> float:
    """The narrowest measure text is set in (a timeline's entries, or the lines beside the
    logo), in points."""
    width = PAGE_MM[look["orientation"]] - 2 * MARGIN_MM - (SIDEBAR_MM + MARGIN_MM if look["header"] == "sidebar" else 0)
    column = (width - GUTTER_MM * (look["columns"] - 1)) / look["columns"]
    inset = BOX_INSET_MM if look["boxes"] != "none" else 0.0
    beside = BESIDE_MM.get(look["timeline"], 0.0)
    full = look.get("progress") == "full width"  # the timeline across the page, the columns under it
    measure = min(width - 2 * inset - beside, column - 2 * inset) if full else column - 2 * inset - beside
    if look.get("logo", "none") != "none":  # the first lines of the logo's section beside it
        across = width if full and look["logo"] == "progress" else column
        measure = min(measure, across - 2 * inset - LOGO_MM - LOGO_GAP_MM)
    return measure * PT_PER_MM


class ChromiumSheet:
    """One factsheet spec as an HTML page, in the look of its traits."""

    def __init__(self, sample: Sample, look: dict):
        self.s, self.look = sample, look
        self.placed = sample.placed()

    def marker(self, raw: str) -> str:
        style = self.look["notes"]
        return f"<sup>{esc(raw)}</sup>" if style in RAISED_MARKERS else esc(printed_marker(raw, style))

    def text(self, markup: str) -> str:
        return convert(markup, text=esc, marker=self.marker, raised=lambda letters: f"<sup>{esc(letters)}</sup>",
                       shy="&shy;")

    def item(self, p: Placed, tag: str = "p") -> str:
        if p.item.pieces and not p.item.cells:  # a title, and the lines printed under it, kept together
            title, *more = p.item.pieces
            lines = self.text(title) + "".join(f'<span class="when">{self.text(m)}</span>' for m in more)
            body = f'<span class="together">{lines}</span>'
        else:
            body = self.text(p.item.text)
        if tag == "p" and self.opens_on_initial(p):
            tag = 'p class="drop"'
        # an event (an activity with items under it) is set as a bold title
        if p.item.bold or (p.depth == 0 and p.item.children and self.s.sections[p.si].kind == "activities"):
            body = f"<b>{body}</b>"
        return f"<{tag}>{body}{self.children(p)}</{tag.split()[0]}>"

    def opens_on_initial(self, p: Placed) -> bool:
        """The sheet's first paragraph opens on a drop cap (``initial`` trait)."""
        return (p.n == 1 and p.group is None and self.look.get("initial") == "drop cap"
                and p.item.text[:1].isalpha())

    def children(self, parent: Placed) -> str:
        kids = [p for p in self.placed if p.parent == parent.n]
        return self.listing(kids, parent.depth + 1) if kids else ""

    def listing(self, ps: list[Placed], depth: int) -> str:
        numbering = self.s.sections[ps[0].si].numbering[depth:depth + 1]
        if numbering:
            items = "".join(self.item(p, "li") for p in ps)
            return f'<ol class="{NUMBERINGS[numbering[0]][0]}">{items}</ol>'
        cls = "deep" if depth >= 2 else "b"
        return f'<ul class="{cls}">' + "".join(self.item(p, "li") for p in ps) + "</ul>"

    def timeline(self, group: TL) -> str:
        entries = "".join(self.item(p) for p in self.placed if p.group is group)
        label = "<br>".join(esc(line) for line in group.label.split("\n"))
        where = self.look["timeline"]
        if where == "labels above":
            return f'<div class="above"><div class="label">{label}</div>{entries}</div>'
        side = TL_CLASSES.get(where, "left")
        return f'<div class="tl {side}"><div class="label">{label}</div><div class="entries">{entries}</div></div>'

    def section(self, sec: Sec, si: int) -> str:
        head = "<br>".join(esc(line) for line in sec.heading.split("\n"))
        out = [f'<h3>{esc(h)}</h3>' for h in sec.subheadings]
        if self.look.get("logo", "none") == sec.kind:  # its first lines wrap around the logo
            if sec.blocks and isinstance(sec.blocks[0], TL):
                raise ChromiumLayoutError(f"{self.s.name}: the {sec.kind} section, where the logo goes, "
                                          "opens on a timeline (its measure is not set beside a logo)")
            out.append(LOGO)
        run: list[Placed] = []
        for block in sec.blocks:
            # the closing sections are lists, whether or not the spec names their bullet
            if isinstance(block, It) and (block.bullet or sec.numbering or sec.kind in LIST_SECTIONS):
                run.append(next(p for p in self.placed if p.item is block and p.si == si))
                continue
            if run:
                out.append(self.listing(run, 0))
                run = []
            if isinstance(block, TL):
                out.append(self.timeline(block))
            else:
                out.append(self.item(next(p for p in self.placed if p.item is block and p.si == si)))
        if run:
            out.append(self.listing(run, 0))
        if self.look.get("headings", "bold") == "tab":  # the heading in a tab on top of the box
            return f'<section class="s{si % 4}"><h2 class="tab">{head}</h2><div class="box">{"".join(out)}</div></section>'
        return f'<section class="s{si % 4} box"><h2>{head}</h2>{"".join(out)}</section>'

    def notes(self) -> str:
        if not self.s.footnotes:
            return ""
        style = self.look["notes"]
        lines = "".join(
            f'<p>{"<sup>" + esc(f.marker) + "</sup>" if style in RAISED_MARKERS else esc(printed_marker(f.marker, style))} '
            f'{esc(f.term + f.sep + f.expansion)}</p>' for f in self.s.footnotes)
        return f'<div class="notes {"box" if style == "end, in a box" else "rule"}">{lines}</div>'

    def header(self) -> str:
        s, lines = self.s, self.s.header_lines
        if self.look["header"] == "kicker":  # the first header line above the title, small
            rest = "<br>".join(esc(h) for h in lines[1:])
            return (f'<div class="kicker">{esc(lines[0])}</div><div class="title">{esc(s.title)}</div>'
                    f'<div class="hl">{rest}</div>')
        if self.look["header"] == "banner":  # the first header line above the title, larger
            rest = "<br>".join(esc(h) for h in lines[1:])
            return (f'<div class="banner">{esc(lines[0])}</div><div class="title">{esc(s.title)}</div>'
                    f'<div class="hl">{rest}</div>')
        if self.look["header"] == "bar":  # the header lines on one line under the title, drawn bars between
            parts = [f"<b>{esc(lines[0])}</b>"] + [f"<span>{esc(h)}</span>" for h in lines[1:]]
            return f'<div class="title">{esc(s.title)}</div><div class="hl bar">{"<i></i>".join(parts)}</div>'
        rest = "<br>".join((f"<b>{esc(h)}</b>" if i == 0 else esc(h)) for i, h in enumerate(lines))
        return f'<div class="title">{esc(s.title)}</div><div class="hl">{rest}</div>'

    def running_header(self) -> str:
        """The @page margin box printing the title, the running label and "n/N" atop every
        page (``running_header`` trait), or nothing."""
        if self.look.get("running_header", "none") == "none":
            return ""
        text = f"{self.s.title} — {self.look['running_label']} · ".replace("\\", "\\\\").replace('"', '\\"')
        return (f'@page {{ @top-right {{ content: "{text}" counter(page) "/" counter(pages); '
                f'font-family: "{self.look["font"]}"; font-size: {RUNNING_PT}pt; color: #555; '
                f'vertical-align: bottom; padding-bottom: 2mm; }} }}')

    def css(self) -> str:
        look = self.look
        faces = "\n".join(font_face(f, w, path) for f, w, path in FACES)
        faces += "\n" + "\n".join(font_face(f, 400, symbol_font(file)) for f, file in SYMBOL_FACES.items())
        gap = LINE_HEIGHT * BODY_PT * (look["spacing"] - 1.0)
        landscape = look["orientation"] == "landscape"
        accent, band, boxes = look["accent"], look["band"], look["boxes"]
        tab = look.get("headings", "bold") == "tab"
        palettes = "\n".join(f".s{k}.box, .s{k} > .box {{ {self.box_rule(a, fill)} }} .s{k} h2 {{ "
                              + (f"background: {a}; color: white; }}" if tab else f"color: {a}; }}")
                              for k, (a, fill) in enumerate(look["palettes"][:4]))
        font, char = CHARACTERS.get(look["bullets"], (None, None))
        if look["bullets"] in DRAWN:
            bullets = f"ul.b {{ list-style-type: {DRAWN[look['bullets']]}; }}"
        else:
            family = f'font-family: "{font}";' if font else ""
            bullets = f'ul.b > li::marker {{ content: "{char}  "; {family} color: {accent}; }}'
        deep = "ul.deep { list-style-type: circle; }" if look["bullets"] != "drawn disc" else "ul.deep { list-style-type: square; }"
        inset = f"{BOX_INSET_MM}mm" if boxes != "none" else ("2mm 0 0" if tab else "0")  # a tab's rule over the text
        numberings = "\n".join(f"ol.{cls} > li::marker {{ content: {rule}; }}" for cls, rule in NUMBERINGS.values())
        # "flush": a numbered item's later lines under its number, not under its text
        flush = "ol { list-style-position: inside; padding-left: 0; }" if look.get("list_indent") == "flush" else ""
        dot_left = DOT_ROOM_MM * PT_PER_MM + (LINE_PT + DOT_PT) / 2  # the disc centred on the line
        dot_top = (LINE_HEIGHT * BODY_PT - DOT_PT) / 2  # and on the entry's first line
        return f"""
{faces}
@page {{ size: A4 {'landscape' if landscape else 'portrait'}; margin: {MARGIN_MM}mm {MARGIN_MM}mm {MARGIN_MM + 4}mm {MARGIN_MM}mm; }}
{self.running_header()}
body {{ margin: 0; font-family: "{look['font']}", "FxDejaVu"; font-size: {BODY_PT}pt; line-height: {LINE_HEIGHT};
       color: #222; text-align: {'justify' if look['hyphenation'] == 'justified' else 'left'};
       hyphens: {'auto' if look['hyphenation'] == 'justified' else 'manual'}; }}
.head {{ background: {band}; color: white; padding: 4mm; margin-bottom: 4mm; hyphens: manual; }}
.wrap {{ display: flex; gap: {MARGIN_MM}mm; align-items: flex-start; }}
.side {{ flex: 0 0 {SIDEBAR_MM}mm; box-sizing: border-box; min-height: 120mm; background: {band}; color: white;
        padding: 14mm 4mm; hyphens: manual; text-align: left; }}
.main {{ flex: 1; min-width: 0; }}
.title {{ font-size: {TITLE_PT}pt; font-weight: bold; line-height: 1.1; margin-bottom: 2mm; }}
.banner {{ font-size: {TITLE_PT * 1.25:.1f}pt; font-weight: bold; line-height: 1.05; letter-spacing: 0.5pt; }}
.kicker {{ font-size: 9pt; font-weight: bold; letter-spacing: 0.4pt; margin-bottom: 1mm; }}
.banner + .title {{ font-size: {TITLE_PT * 0.6:.1f}pt; margin-bottom: 1mm; }}
.head.right {{ display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; }}
.head.right .hl {{ text-align: right; }}
.head.bar {{ background: none; color: {band}; padding: 0; }}
.hl.bar {{ display: flex; align-items: center; }}
.hl.bar b {{ white-space: nowrap; }}
.hl.bar i {{ flex: 0 0 1.2pt; height: 12pt; background: currentColor; margin: 0 8pt; }}
.together {{ display: block; break-inside: avoid; }}
.when {{ display: block; font-weight: normal; font-style: italic; color: {accent}; }}
.hl {{ font-size: 10pt; line-height: 1.3; }}
.grid {{ display: grid; grid-template-columns: repeat({look['columns']}, 1fr); column-gap: {GUTTER_MM}mm;
         align-items: start; }}
.cols {{ column-count: {look['columns']}; column-gap: {GUTTER_MM}mm;
         column-rule: {'0.5pt solid #999' if look.get('column_rules') == 'rules' else 'none'}; }}
section {{ margin: 0 0 4mm 0; }}
.box {{ padding: {inset}; }}
h2 {{ font-size: {HEAD_PT}pt; margin: 0 0 2mm 0; line-height: 1.2; hyphens: manual; text-align: left;
      break-after: avoid; }}
h2.tab {{ display: table; font-size: {TAB_PT}pt; margin: 0; padding: 2pt 7pt 1.5pt; border-radius: {TAB_RADIUS_PT}pt {TAB_RADIUS_PT}pt 0 0; }}
h3 {{ font-size: {BODY_PT}pt; margin: 0 0 1.5mm 0; font-weight: bold; text-align: left; break-after: avoid; }}
p {{ margin: 0 0 {gap:.2f}pt 0; }}
ul, ol {{ margin: 0 0 {gap:.2f}pt 0; padding-left: 4.5mm; }}
li {{ margin: 0 0 {gap:.2f}pt 0; }}
p, li {{ break-inside: avoid-page; }}
li > p, li > ul {{ margin-top: {gap:.2f}pt; }}
{bullets}
{deep}
{numberings}
{flush}
.tl {{ display: grid; grid-template-columns: {LABEL_MM}mm 1fr; column-gap: {LABEL_GAP_MM}mm; margin: 0 0 {gap:.2f}pt 0; break-inside: avoid; }}
.tl.centred {{ align-items: center; margin-bottom: {max(gap, GROUP_GAP_PT):.2f}pt; }}
.tl.centred .label {{ text-align: right; }}
.tl.dots {{ grid-template-columns: {LABEL_MM + DOT_ROOM_MM}mm 1fr; column-gap: 0; margin: 0; }}
.tl.dots .label {{ text-align: right; padding: 0 {DOT_ROOM_MM}mm {max(gap, GROUP_GAP_PT):.2f}pt 0; }}
.tl.dots .entries {{ border-left: {LINE_PT}pt solid #999; padding: 0 0 {max(gap, GROUP_GAP_PT):.2f}pt {DOT_ROOM_MM}mm; }}
.tl.dots .entries > p {{ position: relative; }}
.tl.dots .entries > p::before {{ content: ""; position: absolute; left: -{dot_left:.2f}pt; top: {dot_top:.2f}pt;
                                width: {DOT_PT}pt; height: {DOT_PT}pt; border-radius: 50%; background: {accent}; }}
.logo {{ float: right; box-sizing: border-box; width: {LOGO_MM}mm; height: {LOGO_MM}mm; margin: 0 0 1mm {LOGO_GAP_MM}mm;
         border: 0.8pt solid {band}; background: white; position: relative; }}
.logo .disc {{ position: absolute; left: 15%; top: 15%; width: 45%; height: 45%; border-radius: 50%; background: {LOGO_DISC}; }}
.logo .block {{ position: absolute; right: 12%; bottom: 12%; width: 40%; height: 24%; background: {band}; }}
.logo ~ .tl {{ clear: right; }}
.tl.right {{ grid-template-columns: 1fr {LABEL_MM}mm; }}
.tl.rule .label {{ text-align: right; }}
.tl.rule .entries {{ border-left: 1pt solid {accent}; padding-left: 2mm; }}
.tl.right .label {{ order: 2; text-align: right; }}
.label {{ font-weight: bold; font-size: {LABEL_PT}pt; color: {accent}; line-height: 1.25; text-align: left; }}
.above .label {{ margin-bottom: 1mm; }}
p.drop {{ display: flow-root; }}
p.drop::first-letter {{ float: left; font-size: {DROP_CAP_LINES * LINE_HEIGHT:.2f}em; line-height: 1; font-weight: bold;
                       color: {accent}; margin: 0.04em 0.06em 0 0; }}
.notes {{ font-size: {BODY_PT if look['notes'] == 'end, body size' else NOTE_PT}pt; margin-top: 4mm; break-inside: avoid; }}
.notes p {{ margin: 0 0 1pt 0; }}
.notes.rule::before {{ content: ""; display: block; width: 30%; border-top: 0.5pt solid #777; margin-bottom: 1.5mm; }}
.notes.box {{ border: 0.5pt solid #777; padding: 2mm; }}
{palettes}
"""

    def box_rule(self, accent: str, fill: str) -> str:
        """A section's box in one of the palette's colours: filled, stroked, or neither; a
        tab stands on a stroked box (filled or not), or on a rule over the text."""
        boxes, tab = self.look["boxes"], self.look.get("headings", "bold") == "tab"
        if tab and boxes == "none":
            return f"border-top: 0.8pt solid {accent};"
        return ((f"background: {fill};" if boxes == "filled" else "")
                + (f"border: 0.8pt solid {accent};" if boxes == "outlined" or tab else ""))

    def grid(self, sections: list[str]) -> str:
        """The sections as boxes on a grid, one a column and the last ones stacked in the last
        column, then the notes across it; the HTML gives them in a shuffled order, and the
        grid puts each in its place (a designer's boxes, drawn in the order they were made)."""
        n = self.look["columns"]
        alone, stacked = sections[:n - 1], sections[n - 1:]
        rows = max(len(stacked), 1)
        cells = [f'<div style="grid-column: {k + 1}; grid-row: 1 / span {rows}">{html}</div>'
                 for k, html in enumerate(alone)]
        cells += [f'<div style="grid-column: {n}; grid-row: {r + 1}">{html}</div>' for r, html in enumerate(stacked)]
        if self.s.footnotes:
            cells.append(f'<div style="grid-column: 1 / span {n}; grid-row: {rows + 1}">{self.notes()}</div>')
        random.Random(self.s.name).shuffle(cells)  # the same order for the same sheet
        return f'<div class="grid">{"".join(cells)}</div>'

    def page(self) -> str:
        look = self.look
        sections = [self.section(sec, si) for si, sec in enumerate(self.s.sections)]
        # the progress section across the page, the columns under it
        wide = sections[:1] if look.get("progress") == "full width" else []
        if look.get("placement") == "grid, shuffled":
            main = "".join(wide) + self.grid(sections[len(wide):])
        else:
            main = f'{"".join(wide)}<div class="cols">{"".join(sections[len(wide):])}</div>{self.notes()}'
        if look["header"] == "sidebar":
            body = f'<div class="wrap"><div class="side">{self.header()}</div><div class="main">{main}</div></div>'
        else:
            body = f'<div class="head{HEAD_CLASSES.get(look["header"], "")}">{self.header()}</div>{main}'
        return (f'<!DOCTYPE html><html lang="{self.s.language}"><head><meta charset="utf-8">'
                f"<style>{self.css()}</style></head><body>{body}</body></html>")


def render_chromium(sample: Sample, look: dict, pdf: Path) -> Sample:
    """Print the PDF; the Sample with the pages Chromium put each heading, item and note on."""
    import shutil

    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        raise ChromiumLayoutError(f"{sample.name}: chromium is not installed (apt-get install -y chromium)")
    from samplekit.typst import MIN_MEASURE

    if text_measure(look) < MIN_MEASURE:
        raise ChromiumLayoutError(f"{sample.name}: text set {text_measure(look):.0f} pt wide, under the "
                                  f"{MIN_MEASURE:.0f} pt a designer would use")
    page = ChromiumSheet(sample, look).page()
    with tempfile.TemporaryDirectory(prefix="fx-random-") as work:
        try:
            print_html(page, sample.name, pdf, Path(work))
        except RuntimeError as exc:
            raise ChromiumLayoutError(f"{sample.name}: {exc}") from exc
    try:
        return found_pages(sample, pdf, lambda m: printed_marker(m, look["notes"]), look.get("initial") == "drop cap")
    except LookupError as exc:
        raise ChromiumLayoutError(str(exc)) from exc
