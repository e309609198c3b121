#!/usr/bin/env python3
"""Generate the sample factsheet PDFs (samples/*.pdf) and their ground truth
(tests/golden/*.json), one spec file per sample in scripts/samplekit/samples/.

Run by hand (CI never regenerates; `make samples` runs it with no arguments, which makes all
nineteen and so needs all three producers):

    .venv/bin/python scripts/make_samples.py                         # all samples
    .venv/bin/python scripts/make_samples.py cameroun-fr chromium-ghana-en
    .venv/bin/python scripts/make_samples.py --producer libreoffice
    .venv/bin/python scripts/make_samples.py --pdf-dir /tmp/s --golden-dir /tmp/g

What each producer needs:
    reportlab    the `samples` extra (reportlab, fontTools), Debian's fonts-dejavu
    chromium     `apt-get install -y chromium` (the samples were printed by Debian 12's Chromium 150)
    libreoffice  `apt-get install -y libreoffice-writer-nogui` (LibreOffice 7.4.7.2)
and fonts-liberation (Liberation 1.07) for the samples that use it. LibreOffice pulls in
fonts-liberation2, which Writer then prefers: to remake the committed Writer PDFs byte for
byte, hide /usr/share/fonts/truetype/liberation2 from fontconfig (FONTCONFIG_FILE pointing
at a config with a <rejectfont> for it). The symbol fonts in scripts/fonts/ are rebuilt
from DejaVu Sans glyphs when a sample uses them (deterministically; samplekit/fonts.py).

Each sample is ONE spec file (samplekit/specfile.py): its content (samplekit/spec.py's
types, as data) and its layout (samplekit/committed.py: the renderer and what it is given).
The golden JSON is written from the content alone (samplekit/golden.py), pages included,
without running the factextract pipeline; a layout that puts an item on another page than
the spec says fails, and tests/test_sample_generators.py checks that the goldens still
follow from the specs. The markup of spec strings is in samplekit/markup.py. Each PDF is made in a
scratch folder and checked (samplekit/checks.py: page count, every item, heading and note
in one piece on its page, breaks taken, no overlapping words, and the checks of its
layout); a sample that fails writes nothing, and the run exits 1. A reportlab sample also
gets tests/golden/drawn/<name>.json: every line of text its layout drew, with its box, which the
golden tests hold the pipeline's item boxes against.

Reproducibility: reportlab output is byte-stable; LibreOffice's export time is overwritten
(samplekit/libreoffice.py); Chromium's /CreationDate and /ModDate are the time of printing
and are the only bytes that change between two runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

from samplekit import committed, specfile
from samplekit.checks import check_pdf
from samplekit.chromium import chromium
from samplekit.golden import golden, write_golden
from samplekit.libreoffice import soffice
from samplekit.paths import GOLDEN_DIR, SAMPLES_DIR
from samplekit.random_sheet import LayoutError
from samplekit.specfile import SampleSpec

PRODUCERS = committed.RENDERERS
# Under the golden folder: where a reportlab layout drew each line of text, per sample.
DRAWN_DIR = "drawn"


def check_producers(producers: set[str]) -> None:
    """Exit with an install hint, before anything is made, when a producer cannot run."""
    if producers & {"reportlab", "typst"}:
        missing = [name for name in ("reportlab", "fontTools", "typst")
                   if importlib.util.find_spec(name) is None]
        if missing:
            sys.exit(f"{', '.join(missing)} not found: pip install -e '.[samples]' "
                     "(--producer makes the samples of one producer only)")
    if "chromium" in producers:
        chromium()
    if "libreoffice" in producers:
        soffice()


def make(spec: SampleSpec, pdf_dir: Path, golden_dir: Path, keep: Path | None) -> bool:
    """Make one sample; False (and nothing written) when its PDF fails the check."""
    s = spec.sample
    print(s.name)
    g = golden(s)                                   # the spec's cross-checks first
    with tempfile.TemporaryDirectory(prefix="fx-samples-") as tmp:
        pdf = Path(tmp) / f"{s.name}.pdf"
        work = keep / s.name if keep else Path(tmp) / "build"
        work.mkdir(parents=True, exist_ok=True)
        try:
            drawn = committed.render(spec, pdf, work)
        except (RuntimeError, LayoutError) as exc:  # a producer that failed, or a layout refused, says why
            print(f"  FAILED: {exc}")
            return False
        problems = page_differences(g, golden(drawn)) + check_pdf(drawn, pdf, committed.pdf_check(spec))
        for p in problems:
            print(f"  CHECK FAILED: {p}")
        if problems:
            return False
        shutil.copyfile(pdf, pdf_dir / pdf.name)
        lines = pdf.with_suffix(".drawn.json")  # where a reportlab layout drew each line
        if lines.exists():
            (golden_dir / DRAWN_DIR).mkdir(exist_ok=True)
            shutil.copyfile(lines, golden_dir / DRAWN_DIR / f"{s.name}.json")
    write_golden(golden_dir, g)
    pages = sorted({item["page"] for item in g["items"]})
    print(f"  -> {pdf_dir / pdf.name}, {golden_dir / s.name}.json "
          f"({len(g['items'])} items on pages {pages})")
    return True


def page_differences(spec_golden: dict, drawn_golden: dict) -> list[str]:
    """Where the layout put an item, a heading or a note on another page than the spec says
    (the golden is the spec's, so the spec file must be corrected)."""
    out = []
    for table in ("sections", "items", "footnotes"):
        for want, got in zip(spec_golden.get(table, []), drawn_golden.get(table, [])):
            if want.get("page") != got.get("page"):
                text = want.get("text") or want.get("heading") or ""
                out.append(f"{table[:-1]} {text[:40]!r} is on page {got.get('page')}, the spec says "
                           f"{want.get('page')}: correct the spec file")
    want, got = spec_golden["document"]["page_count"], drawn_golden["document"]["page_count"]
    if want != got:
        out.append(f"{got} pages drawn, the spec says {want}: correct the spec file")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", metavar="NAME", help="samples to make (default: all)")
    ap.add_argument("--producer", choices=PRODUCERS, help="only the samples of this producer")
    ap.add_argument("--pdf-dir", type=Path, default=SAMPLES_DIR,
                    help="where the PDFs go (default: samples/)")
    ap.add_argument("--golden-dir", type=Path, default=GOLDEN_DIR,
                    help="where the golden JSON goes (default: tests/golden/)")
    ap.add_argument("--keep-build", type=Path, metavar="DIR",
                    help="keep each sample's HTML / .fodt under DIR/<name>/")
    args = ap.parse_args(argv)

    try:
        specs = specfile.load_all()
    except ValueError as exc:
        sys.exit(str(exc))
    unknown = set(args.names) - {spec.sample.name for spec in specs}
    if unknown:
        sys.exit(f"unknown sample(s): {sorted(unknown)}; the specs are in {specfile.SPEC_DIR}")
    wanted = [spec for spec in specs
              if (not args.names or spec.sample.name in args.names)
              and (not args.producer or spec.renderer == args.producer)]
    check_producers({spec.renderer for spec in wanted})
    args.pdf_dir.mkdir(parents=True, exist_ok=True)
    args.golden_dir.mkdir(parents=True, exist_ok=True)
    failed = [spec.sample.name for spec in wanted
              if not make(spec, args.pdf_dir, args.golden_dir, args.keep_build)]
    if failed:
        print(f"failed: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
