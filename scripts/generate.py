#!/usr/bin/env python3
"""Random factsheets from a seed range, their ground truth, and the pipeline's scores per trait.

    .venv/bin/python scripts/generate.py 1000-1049 --out /tmp/gen            # PDFs and truths
    .venv/bin/python scripts/generate.py 1000-1049 --out /tmp/gen --score    # ... then run and score

Each seed draws its renderer (reportlab, Typst, or Debian's Chromium or LibreOffice Writer where installed), its traits and its content
(samplekit/random_sheet.py), the renderer draws it, and the PDF is checked against the spec (samplekit/checks.py) before its truth is
written: a seed whose content does not fit its layout, or whose PDF fails the check, is
refused and named, never squeezed. With --score, factextract runs on the PDFs (as `factextract
run` does) and `evaluate`'s metrics are printed overall and per trait value, so that what each
trait costs can be read off. DIR/traits.json records every seed's traits.

Needs the `samples` extra (reportlab, fontTools, typst) and Debian's fonts-dejavu and
fonts-liberation; `apt-get install chromium libreoffice-writer-nogui` for the other two.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplekit.checks import check_pdf  # noqa: E402
from samplekit.golden import golden, write_golden  # noqa: E402
from samplekit.random_sheet import LayoutError, pdf_check, render, spec_of  # noqa: E402

# The metrics printed per trait (evaluate.METRICS has more).
TRAIT_METRICS = ("item_f1", "exact_text", "section_kind", "parent", "date", "footnote_recall", "reading_order")


def seeds_of(text: str) -> range:
    """'1000-1049' or '7'."""
    first, _, last = text.partition("-")
    try:
        return range(int(first), int(last or first) + 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a seed or a range of seeds like 1000-1049, not {text!r}") from None


def generate(seeds: range, out: Path) -> dict[str, dict]:
    """Write DIR/pdf/<name>.pdf and DIR/truth/<name>.json per seed that makes a factsheet;
    return the traits of each, by name."""
    for folder, pattern in (("pdf", "random-*.pdf"), ("truth", "random-*.json")):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for old in (out / folder).glob(pattern):  # an earlier run's: not of these seeds
            old.unlink()
    made: dict[str, dict] = {}
    for seed in seeds:
        gen = spec_of(seed)
        pdf = out / "pdf" / f"{gen.sample.name}.pdf"
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                gen = render(gen, pdf)
        except LayoutError as exc:
            print(f"refused: {exc}", file=sys.stderr)
            continue
        problems = check_pdf(gen.sample, pdf, pdf_check(gen))
        pdf.with_suffix(".drawn.json").unlink(missing_ok=True)
        if problems:
            pdf.unlink()
            print(f"refused: seed {seed}: the PDF does not show the spec: {problems[0]}", file=sys.stderr)
            continue
        write_golden(out / "truth", golden(gen.sample))
        made[gen.sample.name] = {"seed": seed, **gen.traits}
    (out / "traits.json").write_text(json.dumps(made, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return made


def score(out: Path, traits: dict[str, dict]) -> str:
    """Run the pipeline on DIR/pdf and score it against DIR/truth: overall, then per trait."""
    import factextract
    from factextract.evaluate import evaluate

    factextract.run([out / "pdf"], out / "tables", replace=True, progress=False)
    scores = {s.name: s for s in evaluate(out / "truth", out / "tables")}
    lines = [f"{len(scores)} factsheets", "", _row("trait", "value", "n", TRAIT_METRICS, header=True)]
    lines.append(_row("ALL", "", len(scores), _means(scores.values())))
    names = list(dict.fromkeys(name for t in traits.values() for name in t if name != "seed"))
    for trait in names:  # a trait only one renderer draws is scored on that renderer's sheets
        values = sorted({str(t[trait]) for t in traits.values() if trait in t})
        for value in values:
            group = [scores[n] for n, t in traits.items() if str(t.get(trait)) == value and n in scores]
            if group:
                lines.append(_row(trait, value, len(group), _means(group)))
    return "\n".join(lines)


def _means(group) -> dict[str, float]:
    group = list(group)
    return {m: sum(s.scores[m] for s in group) / len(group) for m in TRAIT_METRICS}


def _row(trait: str, value: str, n, values, header: bool = False) -> str:
    cells = values if header else [f"{values[m]:.3f}" for m in TRAIT_METRICS]
    return f"| {trait} | {value} | {n} | " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", type=seeds_of, help="a seed or a range of seeds, e.g. 1000-1049")
    ap.add_argument("--out", type=Path, required=True, help="folder for pdf/, truth/, traits.json (and tables/)")
    ap.add_argument("--score", action="store_true", help="run the pipeline and print its scores per trait")
    args = ap.parse_args(argv)
    made = generate(args.seeds, args.out)
    print(f"{len(made)} factsheets from {len(args.seeds)} seeds in {args.out}", file=sys.stderr)
    if args.score and made:
        print(score(args.out, made))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
