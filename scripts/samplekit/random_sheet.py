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

from samplekit.markup import anchor_of, printed_marker, raw_markers
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
# Timelines whose labels may date a group of entries (a ruled table's row is one item, by the
# contract, so a table dates one entry a row).
GROUPED_TIMELINES = ("labels left, centred",)
RENDERER_TRAITS: dict[str, dict[str, tuple]] = {
    "reportlab": {
        "stream_order": ("reading", "shuffled"),  # the sections drawn in reading order or not
    },
    "typst": {
        "bullets": TRAITS["bullets"] + ("drawn square", "drawn disc", "private use", "image"),
        # labels beside (level with the first entry of their group, or centred on it, or in
        # the first column of a ruled table) or above their entries
        "timeline": ("labels left", "labels left, centred", "labels right", "labels above", "table", "none"),
        "header": ("stacked", "sidebar", "foot"),
        "headings": ("bold", "band"),
        "hyphenation": ("none", "justified"),  # justified text, hyphenated by Typst (U+00AD)
        "numbering": ("none", "1.", "a)"),       # the closing sections as numbered lists
        # notes where the text ends, their markers raised, Unicode superscripts or bracketed
        # numbers; or Typst's own notes at the foot of the page
        "notes": ("end", "end, unicode", "end, bracketed", "end, in a box", "end, body size", "page foot"),
        "initial": ("none", "raised cap"),  # the first letter of the first paragraph set large
        "nesting": ("2 levels", "3 levels"),
        "slug": ("none", "off the page"),  # a file name printed outside the page's area
        "orientation": ("portrait", "landscape"),
        "running_header": ("none", "title and page"),
    },
    "chromium": {
        "bullets": TRAITS["bullets"] + ("drawn square", "drawn disc", "private use"),
        "timeline": ("labels left", "labels right", "labels above", "rule", "none"),
        # banner: the first header line above the title, larger; kicker: above it, small;
        # right: the header lines beside the title, flush right
        "header": ("stacked", "sidebar", "banner", "kicker", "right"),
        "progress": ("in the columns", "full width"),  # the first section across the page, the columns under it
        # the sections flowing through CSS columns, or boxes placed on a grid by CSS, the HTML
        # (and so the content stream) giving them in a shuffled order
        "placement": ("flow", "grid, shuffled"),
        "event_dates": ("in the title", "own line"),
        "column_rules": ("none", "rules"),  # a rule down each gutter
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
GAP_AFTER_SECTION = 10.0


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
        return text.replace("{org}", f"{term}[^{n}]")


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
    notes = _Notes(ph["organisations"], on=traits["footnotes"] == "markers")
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
    sections.append(Sec("progress", h, blocks, subheadings=[ph["subheading"], action]))
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
    sections.append(Sec("activities", h, events, heading_date=heading_date))
    closing = ["referent_system", "suggestions"]
    rng.shuffle(closing)  # the reference-country box and the suggestions in either order
    for kind in closing:  # in reading order, so that notes are numbered as they are cited
        h, _ = heading(kind)
        numbering = () if traits.get("numbering", "none") == "none" else (traits["numbering"],)
        items = [_item(random.Random(rng.random()), {**ph, kind: [t]}, kind, notes,
                       None if numbering else bullet)
                 for t in _distinct(rng, ph, kind, rng.randint(2, 4))]
        sections.append(Sec(kind, h, items, numbering=numbering))
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
    size = 9.0
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
                     footnotes=[Footnote(str(n), t, e) for n, (t, e) in enumerate(cited, 1)])
    return Generated(sample, style_of(traits), traits, seed)


def _frame(traits: dict, page: int, x: float, top: float, w: float, kind: str, k: int, has_labels: bool,
           rank: int | None = None) -> Frame:
    """Section k's frame; ``rank`` orders the drawing (higher is drawn earlier), k by default."""
    accent, fill = PALETTES[k % len(PALETTES)]
    boxes = traits["boxes"]
    return Frame([Region(page, x, top, w, label_w=LABEL_W if has_labels else 0.0, box=f"{kind}")],
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

    look = {**gen.traits, "accent": gen.style["band"], "band": gen.style["band"], "palettes": PALETTES}
    return _flowed(gen, pdf, render_chromium, ChromiumLayoutError, look)


def pdf_check(gen: Generated):
    """How check_pdf reads this seed's PDF."""
    from samplekit.checks import PdfCheck

    if gen.traits["renderer"] == "reportlab":
        return PdfCheck()
    if gen.traits["renderer"] == "libreoffice":
        from samplekit.libreoffice import raised_note_numbers

        return PdfCheck(soft_hyphens=True, extra=(raised_note_numbers,))
    style = gen.traits["notes"]
    return PdfCheck(soft_hyphens=True, marker=lambda m: printed_marker(m, style))


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
    columns = traits["columns"]
    width = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    notes = gen.sample.footnotes
    notes_h = len(notes) * (style["foot_leading"] + 2.5) + 12 if notes else 0.0
    placed_sections = []
    ranks = list(range(len(gen.sample.sections)))
    if traits.get("stream_order") == "shuffled":  # the content stream no longer in reading order
        random.Random(f"order-{gen.seed}").shuffle(ranks)
    page, col, y = 1, 0, TOP_FIRST
    for k, sec in enumerate(gen.sample.sections):
        has_labels = any(isinstance(b, TL) for b in sec.blocks)
        height = _height(gen, sec, width, has_labels, k)
        while True:
            bottom = BOTTOM - notes_h  # room for the notes, which go on the last page
            if y + height <= bottom:
                break
            col += 1
            if col == columns:
                page, col = page + 1, 0
                if page > MAX_PAGES:
                    raise LayoutError(f"seed {gen.seed}: more than {MAX_PAGES} pages")
            y = TOP_FIRST if page == 1 else TOP_NEXT
            if height > bottom - y:
                raise LayoutError(f"seed {gen.seed}: section {sec.kind} is taller than a column")
        x = MARGIN + col * (width + GUTTER)
        frame = _frame(traits, page, x, y, width, sec.kind, k, has_labels, ranks[k])
        placed_sections.append(_on_page(sec, page, frame))
        y += height + GAP_AFTER_SECTION
    pages = page
    sample = replace(gen.sample, sections=placed_sections, pages=pages,
                     footnotes=[replace(n, page=pages) for n in notes])
    gen = replace(gen, sample=sample)
    footer = _running_label(traits) if traits["footer"] == "page numbers" else None
    notes_region = Region(pages, MARGIN, BOTTOM - notes_h + 14, PAGE_W - 2 * MARGIN)
    try:
        BoxedSheet(sample, style, header_style=traits["header"], footnote_region=notes_region,
                   footer=footer, footer_fmt="{n}/{total}").render(pdf)
    except (ValueError, AssertionError) as exc:  # the layout's own refusals: overlaps, overflows, a full band
        raise LayoutError(f"seed {gen.seed}: {exc}") from exc
    return gen


def _on_page(sec: Sec, page: int, frame: Frame | None) -> Sec:
    """The section on ``page``: its items there too."""
    def move(it: It) -> It:
        return replace(it, page=None, children=[move(c) for c in it.children])
    blocks = [replace(b, entries=[move(e) for e in b.entries]) if isinstance(b, TL) else move(b) for b in sec.blocks]
    return replace(sec, page=page, frame=frame, blocks=blocks)


def _height(gen: Generated, sec: Sec, width: float, has_labels: bool, k: int) -> float:
    """How tall the section's box is at this width: drawn once, on a scratch sheet."""
    import contextlib
    import io

    from samplekit.reportlab import BoxedSheet

    probe = _on_page(sec, 1, _frame(gen.traits, 1, MARGIN, 0.0, width, sec.kind, k, has_labels))
    sample = replace(gen.sample, sections=[probe], pages=1, footnotes=[])
    sheet = BoxedSheet(sample, gen.style, header_style=gen.traits["header"],
                       footnote_region=Region(1, MARGIN, 800.0, 500.0))
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            sheet.section(probe, sample.placed())
        except ValueError as exc:
            raise LayoutError(f"seed {gen.seed}: {exc}") from exc
    x0, top, x1, bottom = sheet.pages[1].rects[-1]
    return bottom - top
