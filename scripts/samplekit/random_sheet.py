"""Random factsheets: content and layout drawn from one seed, drawn by one of four renderers
(reportlab's boxed layout, Typst, Chromium, LibreOffice Writer), with their ground truth from
the same spec (samplekit/golden.py). Committed samples whose spec file says `sheet: traits`
are drawn here too, their content and trait values given.

    spec_of(seed)   -> Generated: the Sample (content, pages, sections placed in columns),
                       the reportlab style, and the traits it was drawn with
    render(gen, pdf)   the PDF; raises LayoutError when the content does not fit the traits
                       (the caller draws another seed: a layout is never squeezed)

Content comes from the phrase banks in samplekit/phrases/<lang>.yaml (realistic Rabat
Process wording, never lorem ipsum); dates are drawn in the contract's forms and written down
here with their periods, computed with the calendar, never by the pipeline. Every trait is
drawn independently, so that `scripts/generate.py` can say what each one costs.
"""
from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

from samplekit.markup import CELL, SYMBOL_MARKERS, TOKEN, anchor_of, bracketed, printed_marker, raw_markers
from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL

PHRASES = Path(__file__).resolve().parent / "phrases"
FIRST_YEAR, LAST_YEAR = 2016, 2024
# The traits, each value equally likely: the renderer first, then every trait from the
# values that renderer can draw (RENDERER_TRAITS replaces or adds to the shared ones), so
# that a value only one renderer draws is only scored on its sheets.
TRAITS: dict[str, tuple] = {
    "renderer": ("reportlab", "typst", "chromium", "libreoffice"),  # Debian's Chromium and Writer, where installed
    "language": ("fr", "en"),
    "columns": (1, 2, 3),
    "boxes": ("filled", "outlined", "none"),
    "heading_case": ("capitals", "as written"),
    "bullets": ("bullet", "dash", "arrow", "check", "sbullet", "zsquare"),
    "timeline": ("labels left", "none"),
    "spacing": (1.0, 1.3, 1.6),  # paragraph gap, in line pitches
    "header": ("stacked", "right"),
    "font": ("DejaVuSansCondensed", "DejaVuSerif", "LiberationSans"),
    "footnotes": ("markers", "none"),
    "footer": ("page numbers", "none"),
}
BODY_SIZE = 9.0  # the reportlab sheet's text size, unless its traits set a larger one
# The header trait whose sidebar also holds the first section in reading order (a closing one).
SIDEBAR_SECTION = "sidebar, with a section"
# Timelines drawn as ruled tables, whose header row is a subheading (its cells, markup.CELL).
HEADED_TABLES = ("ruled table",)
# Timelines whose labels may date a group of entries (a ruled table's row is one item, by the
# contract, so a table dates one entry a row).
GROUPED_TIMELINES = ("labels left, centred", "horizontal")
RENDERER_TRAITS: dict[str, dict[str, tuple]] = {
    "reportlab": {  # samplekit/reportlab.py's BoxedSheet and its Look
        "stream_order": ("reading", "shuffled"),  # the sections drawn in reading order or not
        # the header in a band over the columns (stacked, or its lines right of the title), in
        # that band at the foot of page 1 (under its notes), or in a sidebar down the left of
        # the page, alone or over the first section in reading order
        "header": ("stacked", "right", "foot", "sidebar", SIDEBAR_SECTION),
        # labels left of their entries, plain or in filled pills, or flush right against a
        # line down the entries with a dot at each; or a ruled table, a row per entry, under a
        # shaded header row (the spec's subheading with cells)
        "timeline": ("labels left", "pills", "line and dots", "ruled table", "none"),
        "headings": ("bold", "band", "spaced"),  # bold, white on a band across the box, or letter-spaced
        "justify": ("none", "spaces", "gaps"),  # items justified, with space glyphs or by the gaps alone
        "markers": ("raised", "bracketed"),  # note markers raised, or "[1]" at the text's size
        "notes": ("end", "page foot"),  # at the foot of the last page, or of each page citing them, numbered from 1
        "numbering": ("none", "1.", "a)"),  # the closing sections as numbered lists
        "event_numbers": ("none", "1."),  # the events of the activities numbered
        "list_indent": ("hanging", "flush"),  # a numbered item's later lines under its text, or its number
        "footer": ("page numbers", "centred numbers", "none"),  # a running footer, or "– n –" alone
        "closing": ("stacked", "side by side"),  # the last two sections in the columns, or side by side across the page
        "page_breaks": ("none", "parts"),  # the activities, and the closing sections, each starting a page
        # a section that does not fit the rest of its column moves whole to the next, or leaves
        # its heading (and subheadings) alone at the column's foot
        "split": ("never", "after the heading"),
        "size": (BODY_SIZE, 10.5),  # the text's size (points; headings, labels and notes keep theirs)
    },
    "typst": {
        "bullets": TRAITS["bullets"] + ("drawn square", "drawn disc", "private use", "image"),
        # labels beside (level with the first entry of their group, or centred on it, or in
        # the first column of a ruled table), above or below their entries, or the groups side
        # by side along a drawn line, each label on the line over its entries
        "timeline": ("labels left", "labels left, centred", "labels right", "labels above", "labels below",
                     "table", "horizontal", "none"),
        "header": ("stacked", "sidebar", "foot"),
        "headings": ("bold", "band"),
        "hyphenation": ("none", "justified"),  # justified text, hyphenated by Typst (U+00AD)
        "numbering": ("none", "1.", "a)"),       # the closing sections as numbered lists
        # notes where the text ends, their markers raised (smaller, or at full size), Unicode
        # superscripts, bracketed numbers or raised symbols; or Typst's own notes at the foot
        # of the page
        "notes": ("end", "end, unicode", "end, bracketed", "end, full size", "end, symbols", "end, in a box",
                  "end, body size", "page foot"),
        "initial": ("none", "raised cap"),  # the first letter of the first paragraph set large
        "nesting": ("2 levels", "3 levels"),
        "slug": ("none", "off the page"),  # a file name printed outside the page's area
        "orientation": ("portrait", "landscape"),
        "running_header": ("none", "title and page"),
    },
    "chromium": {
        "bullets": TRAITS["bullets"] + ("drawn square", "drawn disc", "private use", "guillemet"),  # guillemet: "»"
        # labels beside their entries (level with the first, or centred on the group), right of
        # them, above them, flush right against a line down the entries, or left of such a
        # line with a disc on it at every entry
        "timeline": ("labels left", "labels left, centred", "labels right", "labels above", "rule", "line and dots",
                     "none"),
        # banner: the first header line above the title, larger; kicker: above it, small;
        # right: the header lines beside the title, flush right; bar: the header lines on one
        # line under the title, split by a drawn vertical bar
        "header": ("stacked", "sidebar", "banner", "kicker", "right", "bar"),
        "headings": ("bold", "tab"),  # tab: white in a tab with rounded top corners, on top of the section's box
        # a small drawn logo (no text) floated right at the top of that section, its first
        # lines wrapping around it
        "logo": ("none", "progress", "activities"),
        "list_indent": ("hanging", "flush"),  # a numbered item's later lines under its text, or its number
        "running_header": ("none", "title and page"),  # "title — label · n/N" atop every page (@page margin box)
        "progress": ("in the columns", "full width"),  # the first section across the page, the columns under it
        # the sections flowing through CSS columns, or boxes placed on a grid by CSS, the HTML
        # (and so the content stream) giving them in a shuffled order
        "placement": ("flow", "grid, shuffled"),
        "event_dates": ("in the title", "own line"),
        "column_rules": ("none", "rules"),  # a rule down each gutter
        "initial": ("none", "drop cap"),  # the first paragraph's first letter dropped two lines deep
        "footer": ("none",),
        "hyphenation": ("none", "justified"),  # CSS hyphens: auto, in justified text
        "numbering": ("none", "1.", "a)"),
        "notes": ("end", "end, unicode", "end, bracketed", "end, in a box", "end, body size"),
        "nesting": ("2 levels", "3 levels"),
        "orientation": ("portrait", "landscape"),
    },
    "libreoffice": {  # Writer: its own columns (balanced), lists, tables and footnotes
        "boxes": ("none",),
        "bullets": ("bullet", "dash", "arrow", "check", "square", "pointer"),  # list bullets, OpenSymbol glyphs
        # a borderless or a ruled two-column table, labels flush right against a line down
        # the entries, or "label<TAB>entry" hanging paragraphs
        "timeline": ("labels left", "table", "rule", "tab", "none"),
        # banner: the first header line above the title, larger; table: the title and the
        # header lines in the two cells of a coloured table
        "header": ("stacked", "banner", "table"),
        "list_indent": ("hanging", "flush"),  # a numbered item's later lines under its text, or its number
        "event_dates": ("in the title", "own line"),  # an event's date after its title, or under it
        "closing": ("stacked", "side by side"),  # the last two sections side by side (one column)
        "headings": ("bold", "light", "band"),  # bold and ruled, Word's light headings, or on a band
        "hyphenation": ("none", "justified"),  # justified text, hyphenated by Writer
        "numbering": ("none", "1.", "a)"),
        "notes": ("page foot",),  # Writer's footnotes, numbered through the document
        "orientation": ("portrait", "landscape"),
    },
}
BOLD = {"DejaVuSansCondensed": "DejaVuSansCondensed-Bold", "DejaVuSerif": "DejaVuSerif-Bold",
        "LiberationSans": "LiberationSans-Bold"}
PALETTES = [("#0B4F6C", "#E3EEF3"), ("#7A1F5C", "#F3E6EE"), ("#1E6B3A", "#E6F2EA"), ("#8A4B08", "#FFF4E0")]
# Page geometry (points, top-down): the margin, the gutter between columns, the top of the
# columns on page 1 (under the header band) and on later pages, and their bottom.
PAGE_W = 595.0  # A4 portrait, as samplekit.reportlab draws it
MARGIN, GUTTER = 24.0, 14.0
TOP_FIRST, TOP_NEXT, BOTTOM = 128.0, 40.0, 770.0
MAX_PAGES = 3
LABEL_W = 62.0  # the timeline label column
# The reportlab sheet's label column: room for a label's pill, or the line right of it, or a
# line of two words ("septembre 2021") in a committed sample's labels.
REPORTLAB_LABEL_W = 74.0
GAP_AFTER_SECTION = 10.0
MIN_COLUMN_W = 150.0  # a narrower column (three beside a sidebar) is refused
NOTES_ROOM, NOTES_DROP = 12.0, 14.0  # the notes' room over their lines, and their first line's drop into it
CLOSING = ("referent_system", "suggestions")  # the sections after the activities, in either order


class LayoutError(Exception):
    """The content does not fit the layout drawn for it."""


@dataclass
class Generated:
    sample: Sample
    style: dict
    traits: dict
    seed: int


@cache
def phrases(language: str) -> dict:
    return yaml.safe_load((PHRASES / f"{language}.yaml").read_text(encoding="utf-8"))


# -- dates, in the contract's forms -------------------------------------------------------

def _last(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def random_date(rng: random.Random, ph: dict, year: int) -> D:
    """One date in a form the contract names, with its period."""
    months = ph["months"]
    m = rng.randint(1, 12)
    form = rng.choice(["year", "month", "day", "range", "since", "quarter", "early", "late"])
    if form == "year":
        return D(f"{year}", f"{year}-01-01", f"{year}-12-31", "year", "", f"{year}")
    if form == "month":
        text = f"{months[m - 1].capitalize()} {year}"
        return D(text, f"{year}-{m:02d}-01", f"{year}-{m:02d}-{_last(year, m):02d}", "month", "", f"{year}-{m:02d}")
    if form == "day":
        d = rng.randint(1, _last(year, m))
        text = f"{d} {months[m - 1]} {year}"
        iso = f"{year}-{m:02d}-{d:02d}"
        return D(text, iso, iso, "day", "", iso)
    if form == "range":
        return D(f"{year - 1}-{year}", f"{year - 1}-01-01", f"{year}-12-31", "year", "range", f"{year - 1}/{year}")
    if form == "since":
        text = f"{ph['since']} {months[m - 1]} {year}"
        return D(text, f"{year}-{m:02d}-01", None, "month", "since", f"{year}-{m:02d}/..")
    if form == "quarter":
        n = rng.randint(1, 4)
        first = 3 * (n - 1) + 1
        return D(ph["quarter"].format(n=n, year=year), f"{year}-{first:02d}-01",
                 f"{year}-{first + 2:02d}-{_last(year, first + 2):02d}", "quarter", "", f"{year}-{32 + n}")
    if form == "early":
        return D(f"{ph['early']} {year}", f"{year}-01-01", f"{year}-04-30", "third", "early", f"{year}-37")
    return D(f"{ph['late']} {year}", f"{year}-09-01", f"{year}-12-31", "third", "late", f"{year}-39")


def _label(date: D) -> str:
    """A timeline label's lines: a word a line, and a range of years broken after its dash."""
    return "\n".join(date.text.split()).replace("-", "-\n")


# -- content --------------------------------------------------------------------------------

@dataclass
class _Notes:
    """The acronyms cited so far, numbered in citation order."""

    orgs: list
    cited: list = field(default_factory=list)
    on: bool = True
    symbols: bool = False  # marked * † ‡ … instead of 1 2 3 …

    def fill(self, rng: random.Random, text: str) -> str:
        """The text with its organisation, marked with its note's number."""
        if "{org}" not in text:
            return text
        term, expansion = rng.choice(self.orgs)
        if not self.on:
            return text.replace("{org}", term)
        if term not in [t for t, _ in self.cited]:
            self.cited.append((term, expansion))
        n = [t for t, _ in self.cited].index(term) + 1
        return text.replace("{org}", f"{term}[^{note_marker(n, self.symbols)}]")


def note_marker(n: int, symbols: bool) -> str:
    """The marker of the n-th note cited: its number, or its symbol."""
    return SYMBOL_MARKERS[n - 1] if symbols else str(n)


def _item(rng: random.Random, ph: dict, bank: str, notes: _Notes, bullet: str | None,
          date: D | None = None) -> It:
    text = rng.choice(ph[bank]).replace("{place}", rng.choice(ph["places"]))
    text = notes.fill(rng, text)
    if date is not None:
        text = f"{text}, {date.text}"
    else:
        text += "."
    refs = [(r, anchor_of(text, r)) for r in raw_markers(text)]
    return It(text, date=date, dates=[(date.text, date.edtf)] if date else [], refs=refs, bullet=bullet)


def _take(pool: list[str], k: int) -> list[str]:
    """Up to k phrases off the pool (fewer when it runs out)."""
    taken = pool[:k]
    del pool[:k]
    return taken


def _distinct(rng: random.Random, ph: dict, bank: str, k: int) -> list[str]:
    return rng.sample(ph[bank], min(k, len(ph[bank])))


def content(rng: random.Random, traits: dict) -> tuple[Sample, list[tuple[str, str]]]:
    """The sections and their items (pages and frames still unset), and the notes cited."""
    ph = phrases(traits["language"])
    caps = traits["heading_case"] == "capitals"
    notes = _Notes(ph["organisations"], on=traits["footnotes"] == "markers", symbols=traits.get("notes") == "end, symbols")
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    bullet = traits["bullets"]

    def heading(kind: str) -> tuple[str, D | None]:
        template = rng.choice(ph["headings"][kind])
        text = template.format(year=year)
        text = text.upper() if caps else text[:1].upper() + text[1:]
        dated = D(f"{year}", f"{year}-01-01", f"{year}-12-31", "year", "", f"{year}") if "{year}" in template else None
        return text, dated

    sections = []
    # Progress: paragraphs, then entries dated by timeline labels (or by their own dates).
    h, _ = heading("progress")
    blocks: list = []
    grouped = traits["timeline"] in GROUPED_TIMELINES
    pool = _distinct(rng, ph, "progress", 9 if grouped else 6)
    for text in pool[:rng.randint(1, 2)]:
        blocks.append(_item(random.Random(rng.random()), {**ph, "progress": [text]}, "progress", notes, None))
    used = set()
    rest = pool[2:]
    for _ in range(rng.randint(2, 4)):
        if not rest:
            break
        date = random_date(rng, ph, rng.randint(FIRST_YEAR, year))
        while date.text in used:
            date = random_date(rng, ph, rng.randint(FIRST_YEAR, year))
        used.add(date.text)
        labelled = traits["timeline"] != "none"
        texts = _take(rest, rng.randint(1, 2) if grouped else 1)  # a label may date a group
        entries = [_item(random.Random(rng.random()), {**ph, "progress": [text]}, "progress", notes, None,
                         None if labelled else date) for text in texts]
        blocks += [TL(_label(date), date, entries)] if labelled else entries
    action_number, action_title = rng.randint(1, 27), rng.choice(ph["actions"])
    action = f"Action {action_number} : {action_title}" if traits["language"] == "fr" else \
        f"Action {action_number}: {action_title}"
    table_head = [CELL.join(ph["table_header"])] if traits["timeline"] in HEADED_TABLES else []
    sections.append(Sec("progress", h, blocks, subheadings=[ph["subheading"], action, *table_head]))
    # Activities of the year: events with their date, and bullets under them.
    h, heading_date = heading("activities")
    events = []
    # a sheet says each thing once: the events' bullets are drawn from the banks without putting back
    subs, details = _distinct(rng, ph, "sub_activities", 99), _distinct(rng, ph, "details", 99)
    for text in _distinct(rng, ph, "activities", rng.randint(1, 3)):
        date = random_date(rng, ph, year)
        event = _item(random.Random(rng.random()), {**ph, "activities": [text]}, "activities", notes, None, date)
        if traits.get("event_dates") == "own line":  # the title, then the date on a line of its own
            title = event.text[:-len(f", {date.text}")]
            event = replace(event, text=f"{title} {date.text}", pieces=[title, date.text])
        event = replace(event, bold=True, children=[
            _item(random.Random(rng.random()), {**ph, "sub_activities": [sub]}, "sub_activities", notes, bullet)
            for sub in _take(subs, rng.randint(1, 3))])
        if traits.get("nesting") == "3 levels":  # details under some of the sub-activities
            event = replace(event, children=[
                replace(sub, children=[_item(random.Random(rng.random()), {**ph, "details": [d]}, "details", notes, bullet)
                                       for d in _take(details, rng.randint(1, 2))])
                if rng.random() < 0.5 else sub for sub in event.children])
        events.append(event)
    sections.append(Sec("activities", h, events, heading_date=heading_date,
                        numbering=() if traits.get("event_numbers", "none") == "none" else (traits["event_numbers"],)))
    closing = list(CLOSING)
    rng.shuffle(closing)  # the reference-country box and the suggestions in either order
    for kind in closing:  # in reading order, so that notes are numbered as they are cited
        h, _ = heading(kind)
        numbering = () if traits.get("numbering", "none") == "none" else (traits["numbering"],)
        items = [_item(random.Random(rng.random()), {**ph, kind: [t]}, kind, notes,
                       None if numbering else bullet)
                 for t in _distinct(rng, ph, kind, rng.randint(2, 4))]
        sections.append(Sec(kind, h, items, numbering=numbering))
    if traits["header"] == SIDEBAR_SECTION:  # the sidebar's section is read first (notes renumbered when drawn)
        sections.insert(0, sections.pop(2))
    country = rng.choice(ph["countries"])
    domain_number, domain_title = rng.choice(ph["domains"])
    label = "Domaine" if traits["language"] == "fr" else "Domain"
    sample = Sample(
        name=f"random-{traits['language']}", producer="reportlab", language=traits["language"],
        title=country, header_lines=[ph["header_label"], f"{label} {domain_number} : {domain_title}"
                                     if traits["language"] == "fr" else f"{label} {domain_number}: {domain_title}"],
        domain_number=domain_number, domain_title=domain_title, action_number=action_number,
        action_title=action_title, pages=1, sections=sections, footnotes=[])
    return sample, notes.cited


# -- layout ---------------------------------------------------------------------------------

def trait_values(renderer: str) -> dict[str, tuple]:
    """Every trait a renderer draws, with the values it can draw."""
    return {**TRAITS, **RENDERER_TRAITS[renderer], "renderer": (renderer,)}


def draw_traits(seed: int) -> dict:
    rng = random.Random(f"traits-{seed}")
    renderer = rng.choice(TRAITS["renderer"])
    return {name: rng.choice(values) for name, values in trait_values(renderer).items()}


def style_of(traits: dict) -> dict:
    body = traits["font"]
    size = float(traits.get("size", BODY_SIZE))
    leading = size * 1.3
    band, _ = PALETTES[sorted(BOLD).index(body) % len(PALETTES)]
    return dict(
        body=body, bold=BOLD[body], size=size, leading=leading, head_size=13.0,
        sub_size=9.0, sub_leading=11.5, label_size=8.5, label_leading=10.5, indent=12.0,
        item_gap=leading * (traits["spacing"] - 1.0) + 3.0, text="#222222", band=band,
        band_text="#FFFFFF", title_size=30.0, header_size=10.0, band_bottom=114.0,
        # the flag-like marks sit where a right-hand header is printed: only beside a stacked one
        marks=["#2E8B57", "#C0392B", "#F1C40F"] if traits["header"] == "stacked" else [],
        foot_size=7.0, foot_leading=9.0)


def spec_of(seed: int) -> Generated:
    """The factsheet of a seed: its traits, its content, and where each section goes."""
    traits = draw_traits(seed)
    rng = random.Random(f"content-{seed}")
    sample, cited = content(rng, traits)
    sample = replace(sample, name=f"random-{seed:05d}-{traits['language']}",
                     footnotes=[Footnote(note_marker(n, traits.get("notes") == "end, symbols"), t, e)
                                for n, (t, e) in enumerate(cited, 1)])
    return Generated(sample, style_of(traits), traits, seed)


def _frame(traits: dict, page: int, x: float, top: float, w: float, kind: str, k: int, has_labels: bool,
           rank: int | None = None) -> Frame:
    """Section k's frame; ``rank`` orders the drawing (higher is drawn earlier), k by default."""
    accent, fill = PALETTES[k % len(PALETTES)]
    boxes = traits["boxes"]
    return Frame([Region(page, x, top, w, label_w=REPORTLAB_LABEL_W if has_labels else 0.0, box=f"{kind}")],
                 fill=fill if boxes == "filled" else "#FFFFFF",
                 stroke=accent if boxes == "outlined" else None, accent=accent,
                 draw_rank=k if rank is None else rank)


def render(gen: Generated, pdf: Path) -> Generated:
    """Draw the PDF with the seed's renderer; the Generated with its pages set. LayoutError
    when the content does not fit the layout drawn for it."""
    if gen.traits["renderer"] == "typst":
        return _render_typst(gen, pdf)
    if gen.traits["renderer"] == "chromium":
        return _render_chromium(gen, pdf)
    if gen.traits["renderer"] == "libreoffice":
        return _render_libreoffice(gen, pdf)
    return _render_reportlab(gen, pdf)


def _flowed(gen: Generated, pdf: Path, draw, refusal: type[Exception], look: dict) -> Generated:
    """A producer that flows the sections through its columns and pages itself draws the
    spec (``draw(sample, look, pdf)`` -> the sample with its pages); its refusals, and more
    than MAX_PAGES pages, are a LayoutError."""
    producer = gen.traits["renderer"]
    try:
        sample = draw(replace(gen.sample, producer=producer), look, pdf)
    except refusal as exc:
        pdf.unlink(missing_ok=True)
        raise LayoutError(str(exc)) from exc
    if sample.pages > MAX_PAGES:
        pdf.unlink()
        raise LayoutError(f"seed {gen.seed}: more than {MAX_PAGES} pages")
    return replace(gen, sample=sample)


def _running_label(traits: dict) -> str:
    return "Processus de Rabat" if traits["language"] == "fr" else "Rabat Process"


def _render_libreoffice(gen: Generated, pdf: Path) -> Generated:
    """Writer: refused where LibreOffice is not installed."""
    from samplekit.libreoffice import WriterLayoutError, render_writer

    traits = gen.traits
    accent, fill = PALETTES[sorted(BOLD).index(traits["font"]) % len(PALETTES)]
    look = {**traits, "accent": accent, "band_fill": fill, "label_w": round(LABEL_W * 2.54 / 72, 2),
            "running_footer": _running_label(traits) if traits["footer"] == "page numbers" else None}
    return _flowed(gen, pdf, render_writer, WriterLayoutError, look)


def _render_chromium(gen: Generated, pdf: Path) -> Generated:
    """Chromium, through CSS columns and pages: refused where Chromium is not installed."""
    from samplekit.chromium_sheet import ChromiumLayoutError, render_chromium

    look = {**gen.traits, "accent": gen.style["band"], "band": gen.style["band"], "palettes": PALETTES,
            "running_label": _running_label(gen.traits)}
    return _flowed(gen, pdf, render_chromium, ChromiumLayoutError, look)


def pdf_check(gen: Generated):
    """How check_pdf reads this seed's PDF."""
    from samplekit.checks import PdfCheck

    if gen.traits["renderer"] == "reportlab":
        return PdfCheck(marker=bracketed) if gen.traits.get("markers") == "bracketed" else PdfCheck()
    if gen.traits["renderer"] == "libreoffice":
        from samplekit.libreoffice import raised_note_numbers

        return PdfCheck(soft_hyphens=True, extra=(raised_note_numbers,))
    style = gen.traits["notes"]
    return PdfCheck(soft_hyphens=True, marker=lambda m: printed_marker(m, style),
                    initial_apart=gen.traits.get("initial") == "drop cap")


def _render_typst(gen: Generated, pdf: Path) -> Generated:
    """Typst, through its own columns and pages."""
    from samplekit.typst import TypstLayoutError, render_typst

    look = {**gen.traits, "accent": gen.style["band"], "band": gen.style["band"], "palettes": PALETTES,
            "running_label": _running_label(gen.traits)}
    return _flowed(gen, pdf, render_typst, TypstLayoutError, look)


def _render_reportlab(gen: Generated, pdf: Path) -> Generated:
    """Place the sections in columns, page after page, and draw the PDF; the Generated with
    pages and frames set. LayoutError when a section is taller than a column or the
    factsheet needs more than MAX_PAGES pages."""
    from samplekit.fonts import SYMBOL_FONTS
    from samplekit.reportlab import BOXED_SYMBOL_FILES, BULLETS, BoxedSheet, register_fonts

    traits, style = gen.traits, gen.style
    symbol_names = {SYMBOL_FONTS[file][2] for file in BOXED_SYMBOL_FILES}
    bullet_fonts = {f for f, _, _ in BULLETS.values() if f and f not in symbol_names}
    register_fonts(sorted({style["body"], style["bold"], *bullet_fonts}), BOXED_SYMBOL_FILES)
    gen = replace(gen, sample=_with_list_hints(gen.sample, traits["bullets"]))
    flow = _Flow(gen, _Geometry.of(traits), _notes_cited(gen.sample))
    sections = gen.sample.sections
    side_by_side = traits.get("closing") == "side by side" and sorted(s.kind for s in sections[-2:]) == sorted(CLOSING)
    for k, sec in enumerate(sections):
        if k == 0 and traits["header"] == SIDEBAR_SECTION:
            flow.sidebar(k)
        elif side_by_side and k == len(sections) - 2:
            flow.row([k, k + 1])
            break
        else:
            flow.section(k)
    pages = flow.page
    placed = sorted(flow.placed, key=lambda kp: kp[0])
    sample = replace(gen.sample, sections=[sec for _, sec in placed], pages=pages)
    sample = _numbered(sample, flow.note_of, flow.per_page)
    if not flow.per_page:
        sample = replace(sample, footnotes=[replace(n, page=pages) for n in sample.footnotes])
    gen = replace(gen, sample=sample)
    footer = _running_label(traits) if traits["footer"] == "page numbers" else None
    geo = flow.geo
    notes_regions = tuple(Region(n, geo.left, geo.bottom(n) - _notes_height(
        style, sum(f.page == n for f in sample.footnotes)) + NOTES_DROP, geo.right - geo.left)
        for n in sorted({f.page for f in sample.footnotes}))
    try:
        BoxedSheet(sample, style, header_style=_header_style(traits), footnote_region=notes_regions,
                   footer=footer, footer_fmt="{n}/{total}", look=_look(traits)).render(pdf)
    except (ValueError, AssertionError) as exc:  # the layout's own refusals: overlaps, overflows, a full band
        raise LayoutError(f"seed {gen.seed}: {exc}") from exc
    return gen


class _Flow:
    """The reportlab sheet's sections placed one after another: down a column, then the next
    one, page after page (a page starting each part when the traits break pages), and where
    each went."""

    def __init__(self, gen: Generated, geo: _Geometry, note_of: dict):
        traits = gen.traits
        self.gen, self.geo, self.note_of = gen, geo, note_of
        self.columns = traits["columns"]
        self.width = (geo.right - geo.left - GUTTER * (self.columns - 1)) / self.columns
        if self.width < MIN_COLUMN_W:
            raise LayoutError(f"seed {gen.seed}: columns {self.width:.0f} pt wide, under {MIN_COLUMN_W:.0f}")
        self.per_page = traits.get("notes") == "page foot"
        self.ranks = list(range(len(gen.sample.sections)))
        if traits.get("stream_order") == "shuffled":  # the content stream no longer in reading order
            random.Random(f"order-{gen.seed}").shuffle(self.ranks)
        self.page, self.col, self.y = 1, 0, geo.top_first
        self.cited: dict[int, set] = {}     # the notes cited on each page so far ("page foot")
        self.low: dict[int, float] = {}     # the foot of each page's lowest section
        self.placed: list[tuple[int, Sec]] = []  # (k, the section placed)

    def fail(self, why: str):
        raise LayoutError(f"seed {self.gen.seed}: {why}")

    def notes(self, ks: list[int]) -> set:
        """The notes sections ks cite (their ids)."""
        return {id(self.note_of[(p.n, m)]) for p in self.gen.sample.placed() if p.si in ks for m, _ in p.item.refs}

    def bottom(self, page: int, notes: set) -> float:
        """The columns' bottom on the page, over the notes printed there once these are."""
        on_page = len(self.cited.get(page, set()) | notes) if self.per_page else len(self.gen.sample.footnotes)
        return self.geo.bottom(page) - _notes_height(self.gen.style, on_page)

    def top(self) -> float:
        return self.geo.top_first if self.page == 1 else TOP_NEXT

    def new_page(self) -> None:
        self.page, self.col = self.page + 1, 0
        if self.page > MAX_PAGES:
            self.fail(f"more than {MAX_PAGES} pages")
        self.y = self.top()

    def next_column(self) -> None:
        self.col += 1
        if self.col == self.columns:
            self.new_page()
        self.y = self.top()

    def breaks_before(self, sec: Sec) -> bool:
        """A part starts a page ("parts": the activities, then the closing sections)."""
        if self.gen.traits.get("page_breaks") != "parts" or not self.placed:
            return False
        before = self.gen.sample.sections[self.placed[-1][0]].kind
        return sec.kind == "activities" or (sec.kind in CLOSING and before not in CLOSING)

    def put(self, k: int, frame: Frame, heights: list[float], notes: set, item_page: int | None = None) -> None:
        """Section k placed in the frame, its regions this tall."""
        for region, height in zip(frame.regions, heights):
            self.cited.setdefault(region.page, set()).update(notes)
            self.low[region.page] = max(self.low.get(region.page, 0.0), region.top + height)
        self.placed.append((k, _on_page(self.gen.sample.sections[k], frame.regions[0].page, frame, item_page)))

    def sidebar(self, k: int) -> None:
        """The first section in the sidebar, under the header."""
        from samplekit.reportlab import SIDEBAR_HEADER_BOTTOM, SIDEBAR_W

        sec, w = self.gen.sample.sections[k], SIDEBAR_W - 2 * MARGIN
        labels = _has_labels(sec)
        height = _height(self.gen, sec, w, labels, k)
        if SIDEBAR_HEADER_BOTTOM + height > BOTTOM:
            self.fail(f"section {sec.kind} is taller than the sidebar")
        self.put(k, _frame(self.gen.traits, 1, MARGIN, SIDEBAR_HEADER_BOTTOM, w, sec.kind, k, labels, self.ranks[k]),
                 [height], self.notes([k]))

    def section(self, k: int) -> None:
        """The next section down the columns; its heading left alone at a column's foot, its
        items at the top of the next, when it does not fit and the traits split it there."""
        gen, sec = self.gen, self.gen.sample.sections[k]
        labels, notes = _has_labels(sec), self.notes([k])
        if self.breaks_before(sec):
            self.new_page()
        height = _height(gen, sec, self.width, labels, k)
        if self.y + height > self.bottom(self.page, notes) and gen.traits.get("split") == "after the heading" \
                and self.y > self.top():
            head = _height(gen, replace(sec, blocks=[]), self.width, labels, k)
            if self.y + head <= self.bottom(self.page, notes):
                x, y, page = self.x(), self.y, self.page
                self.next_column()
                rest = _height(gen, sec, self.width, labels, k, items_apart=True)
                if rest > self.bottom(self.page, notes) - self.y:
                    self.fail(f"section {sec.kind} is taller than a column")
                frame = _frame(gen.traits, page, x, y, self.width, sec.kind, k, labels, self.ranks[k])
                frame = replace(frame, regions=[frame.regions[0], replace(
                    frame.regions[0], page=self.page, x=self.x(), top=self.y, box=f"{sec.kind}-items")], items_region=1)
                self.put(k, frame, [head, rest], notes, item_page=self.page)
                self.y += rest + GAP_AFTER_SECTION
                return
        while self.y + height > self.bottom(self.page, notes):
            self.next_column()
            if height > self.bottom(self.page, notes) - self.y:
                self.fail(f"section {sec.kind} is taller than a column")
        self.put(k, _frame(gen.traits, self.page, self.x(), self.y, self.width, sec.kind, k, labels, self.ranks[k]),
                 [height], notes)
        self.y += height + GAP_AFTER_SECTION

    def row(self, ks: list[int]) -> None:
        """The closing sections side by side across the page, under all that is on it."""
        gen = self.gen
        w = (self.geo.right - self.geo.left - GUTTER) / 2
        secs = [gen.sample.sections[k] for k in ks]
        heights = [_height(gen, sec, w, _has_labels(sec), k) for k, sec in zip(ks, secs)]
        notes = self.notes(ks)
        if self.breaks_before(secs[0]):
            self.new_page()
        y = self.low[self.page] + GAP_AFTER_SECTION if self.page in self.low else self.top()
        if y + max(heights) > self.bottom(self.page, notes):
            self.new_page()
            y = self.y
            if y + max(heights) > self.bottom(self.page, notes):
                self.fail("the closing sections are taller than a page")
        for i, (k, sec, height) in enumerate(zip(ks, secs, heights)):
            self.put(k, _frame(gen.traits, self.page, self.geo.left + i * (w + GUTTER), y, w, sec.kind, k,
                               _has_labels(sec), self.ranks[k]), [height], notes)

    def x(self) -> float:
        return self.geo.left + self.col * (self.width + GUTTER)


def _has_labels(sec: Sec) -> bool:
    return any(isinstance(b, TL) for b in sec.blocks)


@dataclass(frozen=True)
class _Geometry:
    """Where the reportlab sheet's columns go: left and right of them, their top on page 1
    and their bottom on page 1 and later (the header takes the page's top, side or foot)."""

    left: float
    right: float
    top_first: float
    bottom_first: float

    @classmethod
    def of(cls, traits: dict) -> _Geometry:
        from samplekit.reportlab import BAND_TOP, FOOT_BAND_BOTTOM, SIDEBAR_W

        header = _header_style(traits)
        band = style_of(traits)["band_bottom"] - BAND_TOP  # the header band's height
        return cls(left=SIDEBAR_W + MARGIN if header == "sidebar" else MARGIN, right=PAGE_W - MARGIN,
                   top_first=TOP_FIRST if header in ("stacked", "right") else TOP_NEXT,
                   bottom_first=FOOT_BAND_BOTTOM - band - GAP_AFTER_SECTION if header == "foot" else BOTTOM)

    def bottom(self, page: int) -> float:
        return self.bottom_first if page == 1 else BOTTOM


def _header_style(traits: dict) -> str:
    """The BoxedSheet header of a header trait (its sidebar holds a section or not)."""
    return "sidebar" if traits["header"] == SIDEBAR_SECTION else traits["header"]


def _look(traits: dict):
    from samplekit.reportlab import TIMELINES, Look

    return Look(headings=traits.get("headings", "bold"),
                timeline=traits["timeline"] if traits["timeline"] in TIMELINES else "labels left",
                justify=traits.get("justify", "none"), markers=traits.get("markers", "raised"),
                list_indent=traits.get("list_indent", "hanging"),
                page_numbers="centred" if traits["footer"] == "centred numbers" else "running")


def _notes_height(style: dict, notes: int) -> float:
    """The room `notes` notes take under the columns, their rule included."""
    return notes * (style["foot_leading"] + 2.5) + NOTES_ROOM if notes else 0.0


def _with_items(sec: Sec, change) -> Sec:
    """The section with every item replaced by ``change(item, depth)``, and its children so."""
    def walk(it: It, depth: int) -> It:
        return replace(change(it, depth), children=[walk(c, depth + 1) for c in it.children])
    blocks = [replace(b, entries=[walk(e, 0) for e in b.entries]) if isinstance(b, TL) else walk(b, 0)
              for b in sec.blocks]
    return replace(sec, blocks=blocks)


def _with_list_hints(sample: Sample, bullet: str) -> Sample:
    """A sample whose spec leaves its list hints to the traits (a committed one) with them:
    the trait's bullet before the items under others and the closing sections' items (unless
    numbered), and the activities' events (with items under them, or numbered) bold."""
    def hinted(sec: Sec):
        def change(it: It, depth: int) -> It:
            if not it.bullet and (depth or (sec.kind in CLOSING and not sec.numbering)):
                return replace(it, bullet=bullet)
            if sec.kind == "activities" and not depth and (it.children or sec.numbering):
                return replace(it, bold=True)
            return it
        return change
    return replace(sample, sections=[_with_items(sec, hinted(sec)) for sec in sample.sections])


def _notes_cited(sample: Sample) -> dict[tuple[int, str], Footnote]:
    """The note each marker of each item names, by (item number, marker): where numbers
    restart on every page, the note of that number on the item's page."""
    per_page = len({f.marker for f in sample.footnotes}) < len(sample.footnotes)
    return {(p.n, m): next(f for f in sample.footnotes if f.marker == m and (not per_page or f.page == p.page))
            for p in sample.placed() for m, _ in p.item.refs}


def _numbered(sample: Sample, note_of: dict, per_page: bool) -> Sample:
    """The sample with its notes numbered as they are cited in reading order, from 1 on
    every page that cites them when ``per_page`` (each such note printed on that page), and
    its markers with them."""
    numbers: dict[tuple[int, int], str] = {}  # (page or 0, the note's id) -> its marker
    notes: list[Footnote] = []
    renumbered: dict[int, It] = {}  # id of an item -> the item with its markers renumbered
    for p in sample.placed():
        page = p.page if per_page else 0
        new = {}
        for m, _ in p.item.refs:
            note = note_of[(p.n, m)]
            if (page, id(note)) not in numbers:
                numbers[(page, id(note))] = str(1 + sum(pg == page for pg, _ in numbers))
                notes.append(replace(note, marker=numbers[(page, id(note))], page=p.page if per_page else note.page))
            new[m] = numbers[(page, id(note))]
        text = TOKEN.sub(lambda t: f"[^{new[t.group(1)]}]" if t.group(1) else t.group(0), p.item.text)
        renumbered[id(p.item)] = replace(p.item, text=text, refs=[(new[m], a) for m, a in p.item.refs])
    sections = [_with_items(sec, lambda it, depth: renumbered[id(it)]) for sec in sample.sections]
    return replace(sample, sections=sections, footnotes=notes)


def _on_page(sec: Sec, page: int, frame: Frame | None, item_page: int | None = None) -> Sec:
    """The section on ``page``: its items there too, or on ``item_page`` (a heading left alone
    at a column's foot)."""
    return replace(_with_items(sec, lambda it, depth: replace(it, page=item_page if not depth else None)),
                   page=page, frame=frame)


def _height(gen: Generated, sec: Sec, width: float, has_labels: bool, k: int, items_apart: bool = False) -> float:
    """How tall the section's box is at this width: drawn once, on a scratch sheet; with
    ``items_apart``, the box of its items, set apart from its heading."""
    import contextlib
    import io

    from samplekit.reportlab import BoxedSheet

    frame = _frame(gen.traits, 1, MARGIN, 0.0, width, sec.kind, k, has_labels)
    if items_apart:
        frame = replace(frame, regions=[*frame.regions, replace(frame.regions[0], box="items")], items_region=1)
    probe = _on_page(sec, 1, frame)
    sample = replace(gen.sample, sections=[probe], pages=1, footnotes=[])
    sheet = BoxedSheet(sample, gen.style, header_style=_header_style(gen.traits),
                       footnote_region=Region(1, MARGIN, 800.0, 500.0), look=_look(gen.traits))
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            sheet.section(probe, sample.placed())
        except ValueError as exc:
            raise LayoutError(f"seed {gen.seed}: {exc}") from exc
    x0, top, x1, bottom = sheet.pages[1].rects[-1]
    return bottom - top
