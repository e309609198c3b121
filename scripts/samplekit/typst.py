"""Drawing a factsheet spec with Typst (the `typst` package from the registry: the compiler
itself, no system install), so that the random factsheets are read from a second producer
whose line breaking, justification, hyphenation, lists and notes are its own.

    TypstSheet(sample, look).source()     the Typst markup of the sheet
    render_typst(sample, look, pdf)       the PDF, and the Sample with the pages Typst chose

Typst flows the text itself (sections run on into the next column or page), so the pages of
the spec are not known until it has laid the sheet out: every section heading, item and note
carries an invisible `metadata` mark that records its page, and a query of the laid-out
document sets the spec's pages from them. The text is passed as Typst strings, never as
markup, so that no character of the content is read as syntax.

The look is a dict of the traits' values (samplekit/random_sheet.py, TYPST_TRAITS) and the
palette; each key is read in one place below.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from samplekit.fonts import SYMBOL_FONTS, symbol_font
from samplekit.markup import RAISED_MARKERS, convert, printed_marker
from samplekit.paths import DEJAVU, LIBERATION
from samplekit.spec import TL, It, Placed, Sample, Sec

FIXED_TIMESTAMP = 1546300800  # 2019-01-01: the PDF's dates, so that a seed makes the same bytes
# Typst's family names of the body fonts, and their width (DejaVu Sans Condensed is a
# width of the DejaVu Sans family to Typst).
FAMILIES = {"DejaVuSansCondensed": ("DejaVu Sans", "87.5%"), "DejaVuSerif": ("DejaVu Serif", "100%"),
            "LiberationSans": ("Liberation Sans", "100%")}
# List markers: (font family or None for the body font, the character typed). Symbol fonts
# are the samples' own (samplekit/fonts.py): the text layer says "9" where a check mark shows.
MARKERS = {
    "bullet": (None, "•"), "dash": (None, "–"), "arrow": ("DejaVu Sans", "→"),
    "check": ("Wingdings", "9"), "zsquare": ("ITC Zapf Dingbats", "n"), "sbullet": ("Symbol", "·"),
    "private use": ("Icon Font Solid", "\uf00c"),
}
# The marker of a third level of list: another kind than the sheet's bullet.
DEEP_MARKERS = {"dash": "◦"}
DEEP_MARKER = "–"
SLUG = "{name}_v3.indd"  # a designer's file name, printed left of the page's area
SLUG_W = 120.0  # how far left of the page's edge it starts
DRAWN_MARKERS = {"drawn square": "square(size: 3.6pt, fill: ACCENT)",
                 "drawn disc": "circle(radius: 2pt, fill: ACCENT)"}
IMAGE_BULLET_EM = 0.5  # the height of a bullet set as an image
IMAGE_BULLET_PX = 16  # its width and height in pixels
SYMBOL_FILES = ("Wingdings-Regular.ttf", "ZapfDingbatsITC.ttf", "SymbolMT.ttf", "IconFont-Solid.ttf")
# How far a marker printed at full size is raised, in em.
FULL_SIZE_RISE_EM = 0.35
# Geometry, in points.
MARGIN, GUTTER, SIDEBAR_W, LABEL_W = 28.0, 14.0, 150.0, 58.0
BODY_SIZE, HEAD_SIZE, TITLE_SIZE, NOTE_SIZE = 9.0, 12.0, 26.0, 7.0
INITIAL_SIZE_EM = 1.8  # a raised initial, in body sizes (its descent clears the next line)
LEADING = 0.45  # the gap between lines, in em (Typst's par.leading)
PAGE_SIZES = {"portrait": (595.28, 841.89), "landscape": (841.89, 595.28)}  # A4
# The narrowest measure a designer sets body text in (about 25 characters at 9 pt): a sheet
# whose traits leave less (three columns beside a sidebar, a label column in each) is refused.
MIN_MEASURE = 110.0
# A horizontal timeline: its groups side by side along a drawn line, a dot and the label over
# each group's entries, as many a row as leave each this wide (two at least, or it is refused).
HORIZONTAL_CELL_MIN, HORIZONTAL_GUTTER = 96.0, 10.0
# Timeline groups closed by their label are set this much further apart (em) than paragraphs.
GROUP_GAP_EM = 0.8


class TypstLayoutError(Exception):
    """The sheet cannot be drawn as its traits say: too narrow a measure, or markup Typst
    refused."""


def text_measure(look: dict) -> float:
    """The width the entries of a timeline (the narrowest text) are set in, in points."""
    width = PAGE_SIZES[look["orientation"]][0] - 2 * MARGIN - (SIDEBAR_W + MARGIN if look["header"] == "sidebar" else 0)
    column = (width - GUTTER * (look["columns"] - 1)) / look["columns"]
    inset = 8.0 if look["boxes"] != "none" else 0.0
    beside = LABEL_W + 8.0 if look["timeline"] in ("labels left", "labels left, centred", "labels right", "table") else 0.0
    return column - 2 * inset - beside


def horizontal_groups(look: dict) -> int:
    """How many timeline groups a row of a horizontal timeline holds at the sheet's measure."""
    return int((text_measure(look) + HORIZONTAL_GUTTER) // (HORIZONTAL_CELL_MIN + HORIZONTAL_GUTTER))


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def inline(markup: str, marker: Callable[[str], str]) -> str:
    """A spec string as Typst content: its text as strings, its footnote markers as `marker`
    writes them (given the marker as typed), its raised letters raised."""
    return convert(markup, text=lambda run: f"#{string(run)}", marker=marker,
                   raised=lambda letters: f"#super({string(letters)})", shy='#"\\u{ad}"')


def lines(text: str) -> str:
    """A heading or label of several lines (split by \\n) as content with forced breaks."""
    return " \\ ".join(f"#{string(line)}" for line in text.split("\n"))


PRELUDE = r"""
#let fx(kind, n) = context [#metadata((kind: kind, n: n, page: here().page())) <fx>]
#let ACCENT = rgb("{accent}")
#let BAND = rgb("{band}")
"""


class TypstSheet:
    """One factsheet spec as Typst markup, in the look of its traits."""

    def __init__(self, sample: Sample, look: dict):
        self.s, self.look = sample, look
        self.placed = sample.placed()
        self.note_of = {f.marker: f for f in sample.footnotes}
        self.cited: set[str] = set()

    # -- pieces ---------------------------------------------------------------------------
    def marker(self, raw: str) -> str:
        """A footnote marker: raised (Typst's superscript), or a Typst footnote whose note goes
        to the foot of the page (a marker cited again refers to the note already printed)."""
        if self.look["notes"] in RAISED_MARKERS:
            return f"#super({string(raw)})"
        if self.look["notes"] == "end, full size":  # raised, not made smaller (Word's "raised" position)
            return f"#text(baseline: -{FULL_SIZE_RISE_EM}em, {string(raw)})"
        if self.look["notes"] != "page foot":
            return f"#{string(printed_marker(raw, self.look['notes']))}"
        if raw in self.cited:
            return f"#footnote(<fn-{raw}>)"
        self.cited.add(raw)
        f = self.note_of[raw]
        return f"#footnote[#fx(\"note\", {string(raw)})#{string(f.term + f.sep + f.expansion)}]<fn-{raw}>"

    def list_marker(self, depth: int = 0) -> str:
        """The bullet of the sheet's lists: a character (of the body font, DejaVu Sans or a
        symbol font under a borrowed name) or a small drawn shape; a third level is marked
        by another kind."""
        if depth >= 2:
            return f"text(fill: ACCENT, {string(DEEP_MARKERS.get(self.look['bullets'], DEEP_MARKER))})"
        font, char = MARKERS.get(self.look["bullets"], (None, None))
        if self.look["bullets"] in DRAWN_MARKERS:
            return f"box(baseline: -1.2pt, {DRAWN_MARKERS[self.look['bullets']]})"
        if self.look["bullets"] == "image":  # a small raster image, no glyph at all
            png = ", ".join(str(b) for b in disc_png(self.look["accent"]))
            return f'box(baseline: -0.5pt, image(bytes(({png},)), format: "png", height: {IMAGE_BULLET_EM}em))'
        family = f"font: {string(font)}, " if font else ""
        return f"text({family}fill: ACCENT, {string(char)})"

    def item(self, p: Placed) -> str:
        it = p.item
        if self.opens_on_initial(p):
            # the sheet's first paragraph opens on a large initial, on its first line's baseline
            text = (f"#text(size: {INITIAL_SIZE_EM}em, weight: \"bold\", fill: ACCENT, {string(it.text[0])})"
                    + inline(it.text[1:], self.marker))
        else:
            text = inline(it.text, self.marker)
        body = f"#fx(\"item\", {p.n})" + text
        if it.bold:
            body = f"#strong[{body}]"
        return body

    def opens_on_initial(self, p: Placed) -> bool:
        return p.n == 1 and p.group is None and self.look["initial"] == "raised cap" and p.item.text[:1].isalpha()

    def children(self, parent: Placed, sec: Sec) -> str:
        kids = [p for p in self.placed if p.parent == parent.n]
        return self.listing(kids, sec, parent.depth + 1) if kids else ""

    def listing(self, ps: list[Placed], sec: Sec, depth: int) -> str:
        """Items as a Typst list (bullets) or enum (the section's numbering at that depth)."""
        entries = ", ".join(f"[{self.item(p)}{self.children(p, sec)}]" for p in ps)
        numbering = sec.numbering[depth:depth + 1]
        spacing = f"spacing: {self.look['item_gap']:.2f}pt, "
        if numbering:
            return f"#enum(numbering: {string(numbering[0])}, {spacing}{entries})"
        return f"#list(marker: {self.list_marker(depth)}, {spacing}{entries})"

    def block_of(self, block, sec: Sec, si: int) -> str | tuple[str, str]:
        if isinstance(block, TL):
            ps = [p for p in self.placed if p.group is block]
            return self.timeline(block, ps, sec)
        p = next(p for p in self.placed if p.item is block and p.si == si)
        if self.opens_on_initial(p):  # room above for the initial, which rises above the line
            return f"#v({(INITIAL_SIZE_EM - 1) * BODY_SIZE:.1f}pt)#par[{self.item(p)}]{self.children(p, sec)}"
        return f"#par[{self.item(p)}]{self.children(p, sec)}"

    def timeline(self, group: TL, ps: list[Placed], sec: Sec) -> str | tuple[str, str]:
        """The group in the sheet's timeline form; along a line, its head and its entries,
        which `along_a_line` sets in a row with the groups beside it."""
        label = f"text(weight: \"bold\", fill: ACCENT, size: 8.5pt)[{lines(group.label)}]"
        entries = "[" + " ".join(f"#par[{self.item(p)}]{self.children(p, sec)}" for p in ps) + "]"
        where = self.look["timeline"]
        if where == "labels above":
            return f"#block(below: 0.4em, {label})\n{entries[1:-1]}"
        if where == "labels below":  # the date closes its entries, a group set apart from the next
            apart = self.look["item_gap"] + GROUP_GAP_EM * BODY_SIZE
            return f"#block(above: {apart:.1f}pt, below: {apart:.1f}pt)[{entries[1:-1]}\n#block(above: 0.4em, {label})]"
        if where == "horizontal":  # the dot and label over the entries: a column of `along_a_line`
            return f"[#box(circle(radius: 3pt, fill: ACCENT))#v(3pt)#{label}]", entries
        if where == "labels right":
            return (f"#grid(columns: (1fr, {LABEL_W}pt), column-gutter: 8pt, {entries}, "
                    f"align(right, {label}))")
        if where == "labels left, centred":
            return (f"#grid(columns: ({LABEL_W}pt, 1fr), column-gutter: 6pt, align: (left + horizon, left), "
                    f"{label}, {entries})")
        if where == "table":
            return f"{label}, {entries}"  # a row of the table `blocks` sets around the run
        return f"#grid(columns: ({LABEL_W}pt, 1fr), column-gutter: 6pt, {label}, {entries})"

    def table(self, rows: list[str]) -> str:
        """Timeline rows as one ruled table: the label cell, then the entries' cell."""
        return (f"#table(columns: ({LABEL_W}pt, 1fr), stroke: 0.5pt + ACCENT, inset: 4pt, "
                + ", ".join(rows) + ")")

    def along_a_line(self, groups: list[tuple[str, str]]) -> str:
        """Timeline groups side by side, rows of as many as fit the measure: a line drawn
        over each row, a dot and the label on it, the entries under their label."""
        per_row = min(horizontal_groups(self.look), len(groups))
        rows = []
        for first in range(0, len(groups), per_row):
            row = groups[first:first + per_row]
            row += [("[]", "[]")] * (per_row - len(row))  # a short last row keeps the columns
            heads = ", ".join(head for head, _ in row)
            bodies = ", ".join(body for _, body in row)
            rows.append(f"#block(breakable: false, grid(columns: ({', '.join(['1fr'] * per_row)}), "
                        f"column-gutter: {HORIZONTAL_GUTTER}pt, row-gutter: 5pt, "
                        f"grid.hline(y: 0, stroke: 1.2pt + ACCENT), {heads}, {bodies}))")
        return "\n#v(4pt)\n".join(rows)

    def heading(self, sec: Sec, k: int) -> str:
        mark = f"#fx(\"section\", {k})"
        text = lines(sec.heading)
        if self.look["headings"] == "band":
            head = (f"#block(width: 100%, fill: ACCENT, inset: (x: 5pt, y: 4pt), below: 0.7em)"
                    f"[{mark}#text(weight: \"bold\", hyphenate: false, size: {HEAD_SIZE}pt, fill: white)[{text}]]")
        else:
            head = (f"#block(below: 0.7em)[{mark}#text(weight: \"bold\", hyphenate: false, size: {HEAD_SIZE}pt, "
                    f"fill: ACCENT)[{text}]]")
        subs = "".join(f"#block(below: 0.6em)[#strong[{lines(h)}]]\n" for h in sec.subheadings)
        return head + "\n" + subs

    def blocks(self, sec: Sec, si: int) -> str:
        """The section's blocks; a run of listed items (bulleted or numbered) is one list."""
        out, run, rows = [], [], []
        for block in sec.blocks:
            if isinstance(block, It) and (block.bullet or sec.numbering):
                run.append(next(p for p in self.placed if p.item is block and p.si == si))
                continue
            if run:
                out.append(self.listing(run, sec, 0))
                run = []
            if isinstance(block, TL) and self.look["timeline"] in ("table", "horizontal"):
                rows.append(self.block_of(block, sec, si))
                continue
            if rows:
                out.append(self.run_of_groups(rows))
                rows = []
            out.append(self.block_of(block, sec, si))
        if run:
            out.append(self.listing(run, sec, 0))
        if rows:
            out.append(self.run_of_groups(rows))
        return "\n".join(out)

    def run_of_groups(self, rows: list) -> str:
        """A run of timeline groups set together: a table's rows, or cells along a line."""
        return self.along_a_line(rows) if self.look["timeline"] == "horizontal" else self.table(rows)

    def section(self, sec: Sec, si: int, palette: tuple[str, str]) -> str:
        accent, fill = palette
        body = self.heading(sec, si) + self.blocks(sec, si)
        boxes = self.look["boxes"]
        fill_arg = f"fill: rgb({string(fill)}), " if boxes == "filled" else ""
        stroke_arg = f"stroke: 0.8pt + rgb({string(accent)}), " if boxes == "outlined" else ""
        inset = "8pt" if boxes != "none" else "0pt"
        return (f"#[\n#let ACCENT = rgb({string(accent)})\n"
                f"#block(width: 100%, {fill_arg}{stroke_arg}inset: {inset}, below: 12pt, breakable: true)[\n"
                f"{body}\n]]\n")

    def header_block(self) -> str:
        s = self.s
        title = f"#text(size: {TITLE_SIZE}pt, weight: \"bold\", hyphenate: false, fill: white)[#{string(s.title)}]"
        rest = " \\ ".join((f"#strong[#{string(h)}]" if i == 0 else f"#{string(h)}")
                           for i, h in enumerate(s.header_lines))
        return f"{title}\n\n#v(6pt)#text(size: 10pt, fill: white)[{rest}]"

    def notes_at_end(self) -> str:
        if not self.s.footnotes or self.look["notes"] == "page foot":
            return ""
        style = self.look["notes"]
        out = [f"#set text(size: {BODY_SIZE if style == 'end, body size' else NOTE_SIZE}pt)",
               "#set par(spacing: 0.5em)"]
        for f in self.s.footnotes:
            marker = string(printed_marker(f.marker, style))
            out.append(f"#par[#fx(\"note\", {string(f.marker)})#{marker} #{string(f.term + f.sep + f.expansion)}]")
        notes = "\n".join(out)
        if style == "end, in a box":
            return f"#v(6pt)\n#block(stroke: 0.5pt + luma(120), inset: 6pt, width: 100%)[\n{notes}\n]\n"
        # the separator and the notes kept together, as a designer keeps them
        return (f"#v(6pt)\n#block(breakable: false)[\n#line(length: 30%, stroke: 0.5pt + luma(120))\n"
                f"{notes}\n]\n")

    # -- the document ---------------------------------------------------------------------
    def source(self) -> str:
        look, s = self.look, self.s
        family, stretch = FAMILIES[look["font"]]
        pitch = BODY_SIZE * (1 + LEADING)
        gap = LEADING * BODY_SIZE + pitch * (look["spacing"] - 1.0)
        self.look = look = {**look, "item_gap": gap}
        out = [PRELUDE.replace("{accent}", look["accent"]).replace("{band}", look["band"])]
        landscape = "true" if look["orientation"] == "landscape" else "false"
        margin = f"(x: {MARGIN}pt, top: {MARGIN + (18 if look['running_header'] != 'none' else 0)}pt, bottom: {MARGIN + 14}pt)"
        if look["header"] == "sidebar":
            margin = (f"(left: {SIDEBAR_W + 2 * MARGIN}pt, right: {MARGIN}pt, "
                      f"top: {MARGIN + (18 if look['running_header'] != 'none' else 0)}pt, bottom: {MARGIN + 14}pt)")
        page_args = [f"paper: \"a4\", flipped: {landscape}, margin: {margin}"]
        if look["footer"] == "page numbers":
            footer_text = "Processus de Rabat" if s.language == "fr" else "Rabat Process"
            page_args.append(
                "footer: context [#set text(size: 7pt, fill: luma(90)); "
                f"#{string(footer_text)} #h(1fr) #counter(page).display(\"1/1\", both: true)]")
        if look["running_header"] != "none":
            page_args.append(
                "header: context [#set text(size: 7pt, fill: luma(90)); "
                f"#{string(s.title)} — #{string(look['running_label'])} #h(1fr) "
                "#counter(page).display(\"1\")]")
        if look["header"] == "sidebar":
            page_args.append(
                "background: context if here().page() == 1 { place(top + left, "
                f"rect(width: {SIDEBAR_W + MARGIN}pt, height: 100%, fill: BAND, inset: (x: 14pt, y: {MARGIN + 30}pt))"
                f"[{self.sidebar_text()}]) }}")
        out.append(f"#set page({', '.join(page_args)})")
        hyphens = "true" if look["hyphenation"] == "justified" else "false"
        out.append(f"#set text(font: {string(family)}, stretch: {stretch}, size: {BODY_SIZE}pt, "
                   f"lang: {string(s.language)}, hyphenate: {hyphens}, fill: rgb(\"#222222\"))")
        out.append(f"#set par(leading: {LEADING}em, spacing: {gap:.2f}pt, justify: {hyphens})")
        out.append("#set list(indent: 2pt, body-indent: 5pt)\n#set enum(indent: 2pt, body-indent: 5pt)")
        if look["notes"] == "page foot":
            out.append(f"#show footnote.entry: set text(size: {NOTE_SIZE}pt)")
        if look["header"] == "stacked":
            out.append(f"#block(width: 100%, fill: BAND, inset: 12pt, below: 14pt)[\n{self.header_block()}\n]")
        if look["header"] == "foot":  # floats to the foot of page 1, drawn before the columns
            out.append(f"#place(bottom, float: true, clearance: 12pt, scope: \"parent\", "
                       f"block(width: 100%, fill: BAND, inset: 12pt)[\n{self.header_block()}\n])")
        if look["slug"] == "off the page":  # in the content stream, left of the media box
            left = SIDEBAR_W + 2 * MARGIN if look["header"] == "sidebar" else MARGIN
            out.append(f"#place(top + left, dx: -{left + SLUG_W}pt, dy: 8pt, "
                       f"text(size: 6pt, {string(SLUG.format(name=s.name))}))")
        palettes = look["palettes"]
        body = "".join(self.section(sec, si, palettes[si % len(palettes)]) for si, sec in enumerate(s.sections))
        out.append(f"#columns({look['columns']}, gutter: {GUTTER}pt)[\n{body}\n]")
        out.append(self.notes_at_end())
        out.append("#context [#metadata((kind: \"pages\", n: 0, page: counter(page).final().first())) <fx>]")
        return "\n".join(out) + "\n"

    def sidebar_text(self) -> str:
        return (f"#set text(fill: white)\n#set par(justify: false)\n{self.header_block()}")


def font_paths() -> list[str]:
    for file in SYMBOL_FILES:
        symbol_font(file)
    return [str(DEJAVU), str(LIBERATION), str(symbol_font(SYMBOL_FILES[0]).parent)]


def disc_png(colour: str, size: int = IMAGE_BULLET_PX) -> bytes:
    """A filled disc of ``colour`` ("#RRGGBB") on a transparent square, as a PNG file: a
    bullet a designer placed as a small picture."""
    import struct
    import zlib

    rgb = bytes.fromhex(colour.lstrip("#"))
    centre, radius = size / 2 - 0.5, size / 2 - 0.5
    rows = b"".join(b"\0" + b"".join(rgb + (b"\xff" if (x - centre) ** 2 + (y - centre) ** 2 <= radius ** 2 else b"\0")
                                      for x in range(size)) for y in range(size))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def render_typst(sample: Sample, look: dict, pdf: Path) -> Sample:
    """Write the PDF; the Sample with the pages Typst put each heading, item and note on."""
    import typst

    assert all(f in SYMBOL_FONTS for f in SYMBOL_FILES)
    if text_measure(look) < MIN_MEASURE:
        raise TypstLayoutError(f"{sample.name}: text set {text_measure(look):.0f} pt wide, under the "
                               f"{MIN_MEASURE:.0f} pt a designer would use")
    if look["timeline"] == "horizontal" and horizontal_groups(look) < 2:
        raise TypstLayoutError(f"{sample.name}: a horizontal timeline needs two groups a row, and "
                               f"{text_measure(look):.0f} pt holds one")
    source = TypstSheet(sample, look).source().encode("utf-8")
    options = dict(font_paths=font_paths(), ignore_system_fonts=True)
    try:
        pdf.write_bytes(typst.compile(source, timestamp=FIXED_TIMESTAMP, **options))
        marks = json.loads(typst.query(source, "<fx>", field="value", **options))
    except typst.TypstError as exc:
        raise TypstLayoutError(f"{sample.name}: Typst refused the sheet: {exc}") from exc
    return with_pages(sample, marks)


def with_pages(sample: Sample, marks: list[dict]) -> Sample:
    """The spec's pages set from the marks Typst laid out."""
    page_of = {(m["kind"], m["n"]): m["page"] for m in marks}
    return sample.repaged(section_page=lambda si, sec: page_of[("section", si)],
                          item_page=lambda n, it: page_of[("item", n)],
                          note_page=lambda f: page_of[("note", f.marker)], pages=page_of[("pages", 0)])
