#!/usr/bin/env python3
"""Generate five layout-variant samples (samples/<name>.pdf) and their ground truth
(tests/golden/<name>.json), one content spec per sample, with three producers.

They were first made as held-out sheets: layouts the pipeline had never been tuned on.
What each one exercises:

  chromium-niger-fr           A4 portrait, HTML/CSS. Header order: the small "Pays référent"
                              line ABOVE the title, the domain broken over two lines;
                              sentence-case coloured headings ("Progrès", "Activités en
                              2022"); timeline labels to the RIGHT of their entries (flex
                              row); Word-like "o" sub-bullets (list-style-type "o" in
                              Liberation Mono), "▸" and "–" bullets; two columns under the
                              timeline; a footnote marker after a full stop ("OIM.³");
                              footnotes at the page foot.
  chromium-belgique-fr        A4 landscape, HTML/CSS. Three balanced CSS columns with column
                              rules (no boxes); justified serif body; small header lines
                              beside (right of) the large title; timeline labels broken over
                              two lines, right-aligned, beside a vertical rule; Wingdings "§"
                              bullets (::before); season and "until" dates.
  reportlab-guinee-fr-2p      A4 portrait, 2 pages, reportlab. Justified text by widening the
                              gaps (no space glyphs); labels left of the timeline, some on two
                              lines; the "Activités en 2022" heading alone at the foot of
                              page 1, its items on page 2; Wingdings "§" bullets with Word's
                              Courier "o" sub-bullets; a stroked box with two sub-columns of
                              Wingdings "Ø" bullets; a running footer with the page number on
                              both pages; footnotes "term : expansion" at the foot of page 2.
  reportlab-italy-en          A4 portrait, reportlab. A navy sidebar holding the header and
                              the reference-country system (read first); letter-spaced capital
                              headings (character spacing), one broken over two lines;
                              justified text with space glyphs; labels in filled pills;
                              numbered event titles "1." with "–" sub-items; a shaded box with
                              two sub-columns of Symbol "·" bullets; a marker after ")"
                              ("(AICS)¹"); footnotes "term – expansion".
  libreoffice-sierraleone-en  A4 portrait, LibreOffice Writer with Word 2016-like styles.
                              Title and headings not bold (light, larger, blue); letter-spaced
                              subtitle; an italic action line; justified body text; a timeline
                              of hanging-indent paragraphs "label<TAB>entry"; numbered lists
                              "1)" with nested "a)"; real Writer footnotes (after ")" and after
                              a full stop); a running footer with the page number on a
                              one-page sheet.

Run by hand (CI never regenerates):

    .venv/bin/python scripts/make_samples_variants.py                        # all five
    .venv/bin/python scripts/make_samples_variants.py reportlab-italy-en

Needs the `samples` extra (reportlab, fontTools) and Debian packages: chromium,
libreoffice-writer-nogui (with fonts-opensymbol), fonts-dejavu-core and fonts-liberation
(Liberation 1.07: Sans, Serif, Mono). Symbol fonts: scripts/fonts/SymbolMT.ttf as built by
make_samples.py, and scripts/fonts/Wingdings-Regular-variants.ttf, rebuilt here on every run
(deterministically) with the same builder (scripts/samplekit/fonts.py).

The specs live in scripts/variants/ (spec.py: types, golden, PDF check; one module per
producer); the code shared with the other generators is in scripts/samplekit/. Golden dates
are written by hand in the spec (the `D(...)` values); the only derivation is the contract's
fallback rule (an item without its own date takes its parent's, else its section heading's)
and the timeline rule (a label dates every entry of its group). The factextract pipeline is
never run here. Each PDF is made in a scratch directory and checked (page count, every item
and heading in one piece on its page, no overlapping words); a sample that fails writes
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

from samplekit.fonts import build_symbol_font
from samplekit.golden import write_golden
from samplekit.paths import GOLDEN_DIR, SAMPLES_DIR
from variants import chromium_sheets, libreoffice_sheets, reportlab_sheets
from variants.spec import WINGDINGS, WINGDINGS_CMAP, check_pdf, golden

PRODUCERS = [chromium_sheets, reportlab_sheets, libreoffice_sheets]


def main(argv: list[str]) -> int:
    samples = [(s, mod) for mod in PRODUCERS for s in mod.SAMPLES]
    wanted = set(argv) or {s.name for s, _ in samples}
    unknown = wanted - {s.name for s, _ in samples}
    if unknown:
        sys.exit(f"unknown sample(s): {sorted(unknown)}")
    build_symbol_font(WINGDINGS, "Wingdings", "Regular", "Wingdings-Regular", WINGDINGS_CMAP)
    SAMPLES_DIR.mkdir(exist_ok=True)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    failed = False
    for s, mod in samples:
        if s.name not in wanted:
            continue
        print(s.name)
        with tempfile.TemporaryDirectory(prefix="fx-variants-") as tmp:
            pdf, work = Path(tmp) / f"{s.name}.pdf", Path(tmp) / "build"
            work.mkdir()
            mod.make(s, pdf, work)
            problems = check_pdf(s, pdf)
            for p in problems:
                print(f"  CHECK FAILED: {p}")
            if problems:
                failed = True
                continue
            g = golden(s)
            shutil.copyfile(pdf, SAMPLES_DIR / pdf.name)
        write_golden(s.name, g)
        print(f"  -> samples/{s.name}.pdf, tests/golden/{s.name}.json ({len(g['items'])} items)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
