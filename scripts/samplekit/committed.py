"""How a committed sample's spec file is drawn: the renderer and sheet its layout names.

    render(spec, pdf, work) -> the Sample as drawn (pages as the renderer set them)
    pdf_check(spec)         -> the samplekit.checks.PdfCheck its PDF is read with

The `layout` of a spec file (samplekit/specfile.py), by `sheet`:

    traits     the random generator's layout (samplekit/random_sheet.py): `traits` gives every
               trait's value, `seed` the draws the traits leave open (the reportlab page's
               section order). The pages are the renderer's, and so are the note numbers
               (restarting on every page where the traits say so); the spec's must agree.
    boxed      reportlab's boxed sheet (samplekit.reportlab.BoxedSheet) with its placement
               given: `style`, `header` (stacked | right), `notes_at` (the notes' region),
               `footer` and `footer_fmt`, and `frames` per section
    writer     LibreOffice's Writer sheet (samplekit.libreoffice.WriterSheet): `page` (the
               WriterLayout's fields) and `forms` / `breaks` per section
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from samplekit.checks import PdfCheck
from samplekit.specfile import SampleSpec
from samplekit.spec import Region, Sample

SHEETS = ("traits", "boxed", "writer")
RENDERERS = ("reportlab", "typst", "chromium", "libreoffice")


class SpecError(ValueError):
    """A spec's layout the renderers cannot draw: says which key, and what it may be."""


def _sheet(spec: SampleSpec) -> str:
    sheet = spec.layout.get("sheet")
    if sheet not in SHEETS:
        raise SpecError(f"{spec.sample.name}: layout.sheet is {sheet!r}; it must be one of {', '.join(SHEETS)}")
    if spec.renderer not in RENDERERS:
        raise SpecError(f"{spec.sample.name}: layout.renderer is {spec.renderer!r}; "
                        f"it must be one of {', '.join(RENDERERS)}")
    return sheet


def render(spec: SampleSpec, pdf: Path, work: Path) -> Sample:
    """Draw the spec's PDF at pdf (work: a scratch folder); the Sample as drawn."""
    sheet, s, lay = _sheet(spec), spec.sample, spec.layout
    if sheet == "boxed":
        from samplekit.reportlab import BoxedSheet

        BoxedSheet(s, lay["style"], header_style=lay["header"], footnote_region=Region(**lay["notes_at"]),
                   footer=lay.get("footer"), footer_fmt=lay.get("footer_fmt", "{n}")).render(pdf)
        return s
    if sheet == "writer":
        from samplekit.libreoffice import WriterLayout, WriterSheet, writer_pdf

        writer_pdf(WriterSheet(s, WriterLayout(**lay["page"])).document(), s.name, pdf, work)
        return s
    from samplekit.random_sheet import Generated, render as render_traits, style_of

    traits = {**lay["traits"], "renderer": spec.renderer, "language": s.language}
    drawn = replace(render_traits(Generated(s, style_of(traits), traits, lay.get("seed", 0)), pdf).sample,
                    name=s.name, producer=s.producer)
    if _notes_as_printed(drawn) != _notes_as_printed(s):
        raise SpecError(f"{s.name}: the sheet numbers the notes as {_notes_as_printed(drawn)[1]}, the spec as "
                        f"{_notes_as_printed(s)[1]}: correct the spec's markers")
    return drawn


def _notes_as_printed(s: Sample) -> tuple[list[str], list[tuple[str, str]]]:
    """The items' texts (their markers) and the notes (marker, term) a sample prints."""
    return [p.item.text for p in s.placed()], [(f.marker, f.term) for f in s.footnotes]


def pdf_check(spec: SampleSpec) -> PdfCheck:
    sheet = _sheet(spec)
    if sheet == "writer":
        from samplekit.libreoffice import raised_note_numbers, title_largest

        return PdfCheck(extra=(title_largest, raised_note_numbers))
    if sheet == "traits":
        from samplekit.random_sheet import Generated, pdf_check as traits_check

        traits = {**spec.layout["traits"], "renderer": spec.renderer}
        return traits_check(Generated(spec.sample, {}, traits, 0))
    return PdfCheck()
