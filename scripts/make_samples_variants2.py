#!/usr/bin/env python3
"""Generate the second group of six layout-variant samples (samples/<name>.pdf) and their
ground truth (tests/golden/<name>.json), one content spec per sample, with three producers.

Like the first group (make_samples_variants.py) they were first made as held-out sheets:
layouts the pipeline had never been tuned on. What each one exercises:

  chromium-liberia-en         A4 portrait, HTML/CSS. A "COUNTRY FACTSHEET" banner larger than
                              the country name under it; timeline labels in a grid column
                              left of the entries; events as a bold title with their date on
                              the line under it (one item: title + date line); ordinal dates
                              ("1st–3rd June 2022", "24th November 2022", "Second half of
                              2022"); ✓ points (::before, DejaVu Sans); superscript LETTER
                              footnote markers (a, b, c).
  chromium-netherlands-en     A4 portrait, 2 pages, HTML/CSS. Title above one line holding
                              "Reference country" | the domain; headings in dark tabs on top
                              of stroked boxes; a vertical timeline with dots (CSS border +
                              discs), labels left of the line; text wrapping round a logo box
                              (float, no text in it); dates inside long sentences; a numbered
                              list with no hanging indent ("1." inside); "»" bullets; notes
                              at the foot of the page that cites them (pages 1 and 2).
  libreoffice-congo-fr        A4 portrait, 2 pages, LibreOffice Writer. Header in a dark
                              one-row table; a bordered 3-column table timeline (Date |
                              Activité | Partenaires), its header row a subheading, one row =
                              one item; numbered activities with no hanging indent and "◦"
                              sub-items, the first event's sub-items on page 2; "►" bullets;
                              Writer footnotes whose numbers restart on page 2; a running
                              footer with the page number.
  libreoffice-luxembourg-fr   A4 portrait, LibreOffice Writer. A "FICHE PAYS" banner larger
                              than the country name; band headings (white on a dark paragraph
                              background); dates inside long sentences; a borderless timeline
                              table with a vertical rule; events as a title + a date line;
                              "→" bullets; a two-column Writer section; Writer footnotes.
  reportlab-caboverde-en      A4 portrait, reportlab. The header band at the FOOT of the page
                              (under the footnotes); a ruled 3-column table timeline with a
                              shaded header row; numbered activities with no hanging indent;
                              ✓ points; bracket footnote markers at body size ("BCV[1]");
                              ordinal dates ("1st–2nd March 2022", "second quarter of 2023").
  reportlab-gabon-fr-3p       A4 portrait, 3 pages, reportlab. A right-aligned header; every
                              section in a stroked box under a dark band heading; a vertical
                              timeline with dots, labels right-aligned left of the line, some
                              on two lines; dates inside long sentences; note numbers
                              restarting on every page (1, 2 / 1, 2 / 1); a "– n –" page
                              number; two boxes side by side on page 3.

Golden conventions these rely on: a table row is ONE timeline item (activity cell + " " +
partners cell) and the table's header row a subheading; an event printed as a title line and
a date line is ONE item with an inline date; notes printed at the foot of several pages make
ONE footnotes section (on the page of the first note), each note keeping its own page;
letter and bracket markers are the footnote markers "a" / "1"; a header printed at the foot
of page 1 is still the first section.

Run by hand (CI never regenerates):

    .venv/bin/python scripts/make_samples_variants2.py                        # all six
    .venv/bin/python scripts/make_samples_variants2.py reportlab-gabon-fr-3p

Needs the `samples` extra (reportlab) and Debian packages: chromium, libreoffice-writer-nogui,
fonts-dejavu-core and fonts-dejavu-extra (DejaVu Sans Condensed), fonts-liberation
(Liberation 1.07). No symbol font of scripts/fonts/ is used or rebuilt.

The specs live in scripts/variants2/ (spec.py: types, golden, PDF check; one module per
producer; rldoc.py extends scripts/variants/rldoc.py); the code shared with the other
generators is in scripts/samplekit/. Golden dates are written by hand in the spec (the
`D(...)` values); the only derivation is the contract's fallback rule and the timeline rule.
Unlike the first group, a spec does not say on which page an item lands: the check finds it
(every item, each of its printed pieces, and every heading in one piece on one page; the page
count; every note on its page; no overlapping words) and the golden takes that page. The
Congo notes are numbered by Writer per page: the spec's markers are renamed to the numbers
printed. The factextract pipeline is never run here. A sample that fails its check writes
nothing to samples/ or tests/golden/.

Reproducibility: reportlab output is byte-stable; LibreOffice's export time is overwritten
as in make_samples_libreoffice.py; Chromium's /CreationDate and /ModDate are the time of
printing, as in make_samples_chromium.py.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from samplekit.golden import write_golden
from samplekit.paths import GOLDEN_DIR, SAMPLES_DIR
from variants2 import chromium_sheets, libreoffice_sheets, reportlab_sheets
from variants2.spec import check_pdf, golden

PRODUCERS = [chromium_sheets, libreoffice_sheets, reportlab_sheets]


def main(argv: list[str]) -> int:
    samples = [(s, mod) for mod in PRODUCERS for s in mod.SAMPLES]
    wanted = set(argv) or {s.name for s, _ in samples}
    unknown = wanted - {s.name for s, _ in samples}
    if unknown:
        sys.exit(f"unknown sample(s): {sorted(unknown)}")
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    failed = False
    for s, mod in samples:
        if s.name not in wanted:
            continue
        print(s.name)
        with tempfile.TemporaryDirectory(prefix="fx-variants2-") as tmp:
            pdf, work = Path(tmp) / f"{s.name}.pdf", Path(tmp) / "build"
            work.mkdir()
            s = mod.make(s, pdf, work)      # the spec as printed (Congo: notes renumbered)
            layout = check_pdf(s, pdf)
            for p in layout.problems:
                print(f"  CHECK FAILED: {p}")
            if layout.problems:
                failed = True
                continue
            g = golden(s, layout)
            shutil.copyfile(pdf, SAMPLES_DIR / pdf.name)
        write_golden(s.name, g)
        pages = sorted(set(layout.item_pages.values()))
        print(f"  -> samples/{s.name}.pdf, tests/golden/{s.name}.json "
              f"({len(g['items'])} items on pages {pages})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
