"""The ``factextract`` command: argument parsing only; the work is done by plain functions.

``main(argv) -> int`` is testable without a subprocess (pdfminer's pattern) and is also the
console-script entry point: setuptools' wrapper calls ``sys.exit(main())``. Exit status, per
the output contract: 0 every document ``ok``/``no_text``; 1 any ``error`` or ``partial`` (after all outputs
are written); 2 usage error (nothing written). This is the only module that turns exceptions
into ``Error: ...`` lines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from . import batch
from ._version import __version__
from .errors import FactextractError, UsageError
from .evaluate import METRICS
from .model import DEFAULT_READER, READERS

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1
EXIT_USAGE = 2
EXIT_BELOW_THRESHOLD = 1  # `evaluate --fail-under`: the score is below the bar
EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT

# One example per command: shown in the command's --help and, together, in the top-level --help.
EXAMPLES = {
    "run": "factextract run samples/ extra/cameroun.pdf --out outputs --jobs 2 --timeout 60",
    "parse-date": 'factextract parse-date "Depuis août 2021" "mi-2022" --lang fr',
    "evaluate": "factextract evaluate --truth tests/golden --pred outputs --details",
    "prune-cache": "factextract prune-cache outputs/.cache --older-than 90",
    "draft-truth": "factextract draft-truth --pred outputs --out tests/golden new-factsheet",
    "inspect": "factextract inspect samples/ --out outputs/qa",
}


def _example(command: str) -> str:
    return f"Example:\n  {EXAMPLES[command]}"


def _whole_number(least: int, meaning: str):
    """An argparse type: a whole number of at least ``least`` (``meaning`` says the bound)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be {meaning}, not {value}")
        return value

    return parse


_positive_int = _whole_number(1, "at least 1")
_non_negative_int = _whole_number(0, "0 or more")


def _positive_seconds(text: str) -> float:
    """An argparse type: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with an ``Example:`` in the help of every command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="factextract",
        description="Turn Rabat Process reference-country factsheets (PDF) into tables.",
        epilog="Examples:\n" + "".join(f"  {line}\n" for line in EXAMPLES.values())
        + "\nRun 'factextract COMMAND --help' for a command's options.",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"factextract {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run", help="extract tables from PDF factsheets",
        description="Extract tables from PDF factsheets into DIR (Parquet, CSV, manifest.json).",
        epilog=_example("run"), formatter_class=formatter,
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", type=Path,
                     help="PDF files (any name) or folders (searched recursively for *.pdf)")
    run.add_argument("--out", required=True, type=Path, metavar="DIR",
                     help="output folder; created if missing")
    run.add_argument("--jobs", type=_positive_int, default=os.cpu_count() or 1, metavar="N",
                     help="worker processes (default: the number of CPUs, %(default)s)")
    run.add_argument("--timeout", type=_positive_seconds, default=batch.DEFAULT_TIMEOUT_S,
                     metavar="S", help="give up on a file after S seconds (default: %(default)g)")
    run.add_argument("--memory-mb", type=_non_negative_int, default=batch.DEFAULT_MEMORY_MB,
                     metavar="M", help="address-space cap per worker in MB, 0 for none "
                     "(default: %(default)s; enforced on Linux)")
    run.add_argument("--no-cache", action="store_true",
                     help="process every file again instead of reusing the cache")
    run.add_argument("--cache-dir", type=Path, metavar="CACHE", default=None,
                     help="where results are cached, by file hash and pipeline version; several output "
                     "folders may share one (default: DIR/.cache)")
    run.add_argument("--replace", action="store_true",
                     help="start the collection in DIR over: drop the documents earlier runs put there "
                     "(default: add this run's documents to them)")
    run.add_argument("--package", type=Path, default=None, metavar="FILE",
                     help="a JSON or YAML file of Data Package properties for DIR/datapackage.json: version, "
                     "licenses, sources, contributors, title, description, homepage, keywords (later runs "
                     "keep them until set again)")
    run.add_argument("--max-pages", type=_positive_int, default=None, metavar="N",
                     help="read at most N pages of each file; the pages left are named in its warnings "
                     "(default: every page)")
    run.add_argument("--reader", choices=READERS, default=DEFAULT_READER,
                     help="the PDF reader: pdfplumber (pdfminer.six; hands a file to PDFium where pdfminer "
                     "cannot read it) or pdfium (pypdfium2, several times faster) (default: %(default)s)")
    run.add_argument("--executor", choices=batch.EXECUTORS, default="local",
                     help="where files are processed: local worker processes, or tasks on a Dask cluster "
                     "(pip install 'factextract[dask]') (default: %(default)s)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="with --executor dask: the Dask scheduler, e.g. tcp://HOST:8786 (default: a local "
                     "cluster of --jobs workers)")
    run.add_argument("--log", type=Path, default=None, metavar="FILE",
                     help="append one JSON line per file (path, doc_id, status, seconds, pages, cache hit, "
                     "warnings) to FILE (default: DIR/log.jsonl)")
    loudness = run.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="store_true", help="print a line per file as it is done")
    loudness.add_argument("-q", "--quiet", action="store_true",
                          help="print only problems: files with errors or warnings")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="show a progress bar (default: when stderr is a terminal)")
    run.add_argument("--abort-on-error", action="store_true",
                     help="start no new file after the first error; still write what was done")
    run.set_defaults(handler=_run)

    prune = commands.add_parser(
        "prune-cache", help="remove cache entries no run can use any more",
        description="Remove from CACHE the entries written by other versions of the pipeline (no run of this "
        "version can use them) and, with --older-than, entries not used for that many days.",
        epilog=_example("prune-cache"), formatter_class=formatter,
    )
    prune.add_argument("cache_dir", type=Path, metavar="CACHE", help="a cache folder (e.g. outputs/.cache)")
    prune.add_argument("--older-than", type=_non_negative_int, default=None, metavar="DAYS",
                       help="also remove entries of this version not used for DAYS days")
    prune.set_defaults(handler=_prune_cache)

    parse_date = commands.add_parser(
        "parse-date", help="resolve date expressions to periods (JSON lines)",
        description="Print one JSON line per TEXT: "
        '{"text", "start", "end", "precision", "qualifier", "edtf"}, or null if TEXT is no date.',
        epilog=_example("parse-date"), formatter_class=formatter,
    )
    parse_date.add_argument("texts", nargs="+", metavar="TEXT")
    parse_date.add_argument("--lang", choices=("fr", "en"), default=None,
                            help="language of the text (default: try both)")
    parse_date.set_defaults(handler=_parse_date)

    evaluate = commands.add_parser(
        "evaluate", help="score a run's tables against ground-truth files",
        description="Score the tables in --pred (written by 'factextract run') against the ground-truth "
        "JSON files in --truth (format: tests/golden/README.md), matched by file name. Prints item "
        "precision/recall/F1 by text similarity, exact-text rate, section-kind, parent, date and "
        "footnote-marker accuracy, footnote recall, section agreement and reading-order agreement, "
        "per document, per producer and overall.",
        epilog=_example("evaluate"), formatter_class=formatter,
    )
    evaluate.add_argument("--truth", required=True, type=Path, metavar="DIR",
                          help="folder of ground-truth JSON files")
    evaluate.add_argument("--pred", required=True, type=Path, metavar="DIR",
                          help="output folder of a factextract run")
    evaluate.add_argument("--details", action="store_true",
                          help="also list every difference found, per document")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    evaluate.add_argument("--fail-under", type=_share, default=None, metavar="X",
                          help="exit with status 1 when the overall mean of --metric is below X (0 to 1): "
                               "a gate for CI")
    evaluate.add_argument("--metric", choices=METRICS, default="item_f1",
                          help="the score --fail-under looks at (default: item_f1)")
    evaluate.set_defaults(handler=_evaluate)

    draft = commands.add_parser(
        "draft-truth", help="write a draft ground truth for a run's documents, for a person to correct",
        description="Write DIR/<name>.json in the ground-truth format (tests/golden/README.md) for each "
        "ok document of the run in --pred (or those NAMEd: file names without .pdf), from what the "
        "pipeline extracted. The file says it is a draft in its 'draft' field, and 'evaluate' and the "
        "tests refuse it until a person has checked every value against the PDF and deleted the field. "
        "An existing file is never overwritten.",
        epilog=_example("draft-truth"), formatter_class=formatter,
    )
    draft.add_argument("names", nargs="*", metavar="NAME",
                       help="documents to draft, by file name without .pdf (default: every ok document)")
    draft.add_argument("--pred", required=True, type=Path, metavar="DIR",
                       help="output folder of a factextract run")
    draft.add_argument("--out", required=True, type=Path, metavar="TRUTH_DIR",
                       help="folder to write the drafts to")
    draft.set_defaults(handler=_draft_truth)

    inspect = commands.add_parser(
        "inspect", help="write a QA page per PDF: what was extracted, drawn on the page",
        description="Extract each PDF and write OUT/<name>-<id>.html: its pages as images with the "
        "extracted structure drawn over them (item boxes coloured by section kind and numbered, "
        "headings, parent, timeline and footnote links, date badges, entities, and in grey the text no "
        "row comes from), and the items as a table beside them (click a row to see its box). Each page "
        "holds its images and opens offline. OUT/index.html lists the documents and plots their dated "
        "items per country.",
        epilog=_example("inspect"), formatter_class=formatter,
    )
    inspect.add_argument("inputs", nargs="+", type=Path, metavar="PDF_OR_DIR",
                         help="PDF files, or folders whose *.pdf files are inspected")
    inspect.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write the pages to")
    inspect.add_argument("--reader", choices=READERS, default=DEFAULT_READER,
                         help="the PDF reader, as for 'run' (default: %(default)s)")
    inspect.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                         help="worker processes (default: the number of CPUs)")
    inspect.add_argument("--timeout", type=_positive_seconds, default=batch.DEFAULT_TIMEOUT_S, metavar="S",
                         help="stop a file that takes longer; its page then says so (default: %(default)g)")
    inspect.set_defaults(handler=_inspect)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or argparse's own usage error (2)
        if isinstance(exc.code, int):
            return exc.code
        return EXIT_OK if exc.code is None else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except UsageError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (FactextractError, OSError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_DOCUMENT_ERRORS
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    """``factextract run``: the batch, its summary on stderr, the exit status."""
    clock = time.monotonic()
    sheets = batch.run(
        args.inputs, args.out, jobs=args.jobs, timeout_s=args.timeout, memory_mb=args.memory_mb,
        cache=not args.no_cache, cache_dir=args.cache_dir, progress=args.progress,
        abort_on_error=args.abort_on_error, replace=args.replace, max_pages=args.max_pages, log_file=args.log,
        on_file=_print_file if args.verbose else None,
        reader=args.reader, executor=args.executor, scheduler=args.scheduler,
        package=None if args.package is None else _package_file(args.package),
    )
    _print_summary(sheets, args.out, time.monotonic() - clock, cached=not args.no_cache, quiet=args.quiet)
    failed = any(s.status in ("error", "partial") for s in sheets) or bool(sheets.not_processed)
    return EXIT_DOCUMENT_ERRORS if failed else EXIT_OK


def _print_file(sheet, record: batch.FileRecord) -> None:
    """``-v``: one line per file as it is done."""
    how = "cached" if record.cache_hit else f"{record.seconds:.1f} s"
    extra = f": {sheet.error}" if sheet.error else ""
    warnings = f" [{'; '.join(sheet.warnings)}]" if sheet.warnings else ""
    print(f"{sheet.status:8} {how:>8}  {record.path}{extra}{warnings}", file=sys.stderr)


def _prune_cache(args: argparse.Namespace) -> int:
    """``factextract prune-cache``: what was removed, and what is left."""
    removed, kept = batch.prune_cache(args.cache_dir, older_than_days=args.older_than)
    print(f"Removed {removed} cache {'entry' if removed == 1 else 'entries'} from {args.cache_dir}; "
          f"{kept} left.", file=sys.stderr)
    return EXIT_OK


def _print_summary(sheets: batch.BatchResult, out: Path, elapsed: float, *, cached: bool,
                   quiet: bool = False) -> None:
    """docling-style: one line of counts, then each failed file with its message, and each
    file with warnings (``quiet``: only those)."""
    counts = Counter(s.status for s in sheets)
    parts = [f"{counts.pop(status, 0)} {status}" for status in ("ok", "no_text", "error")]
    parts += [f"{n} {status}" for status, n in sorted(counts.items())]
    from_cache = f" ({sheets.from_cache} from cache)" if cached else ""
    noun = "file" if len(sheets) == 1 else "files"
    n_dup = len(sheets.duplicates)
    duplicates = f" ({n_dup} {'copy' if n_dup == 1 else 'copies'} of another input)" if n_dup else ""
    if not quiet:
        print(
            f"Processed {len(sheets)} {noun}{duplicates}: {', '.join(parts)}{from_cache} "
            f"in {elapsed:.1f} s; tables in {out}",
            file=sys.stderr,
        )
    for sheet in sheets:
        if sheet.status in ("error", "partial") and sheet.duplicate_of is None:
            print(f"  {sheet.source_path}: {sheet.error}", file=sys.stderr)
        for warning in sheet.warnings:
            print(f"  {sheet.source_path}: warning: {warning}", file=sys.stderr)
    if quiet:
        return
    for duplicate, original in sheets.duplicates:
        print(f"  {duplicate}: same bytes as {original}: read once, its documents row points there (duplicate_of)", file=sys.stderr)
    if sheets.not_processed:
        n = len(sheets.not_processed)
        print(
            f"Stopped after the first error (--abort-on-error): {n} "
            f"{'file' if n == 1 else 'files'} not processed; run without it to process them.",
            file=sys.stderr,
        )


def _evaluate(args: argparse.Namespace) -> int:
    """``factextract evaluate``: the scores as a table or JSON, and with ``--details`` every
    difference."""
    from .evaluate import evaluate, format_table, summary_rows

    scores = evaluate(args.truth, args.pred)
    if args.json:
        print(json.dumps([{"document": name, "producer": producer, **values}
                          for name, producer, values in summary_rows(scores)], indent=2))
    else:
        print(format_table(scores))
    if args.details:
        for score in scores:
            for problem in score.problems:
                print(f"{score.name}: {problem}")
    if args.fail_under is not None:
        overall = summary_rows(scores)[-1][2][args.metric]
        if overall < args.fail_under:
            print(f"factextract evaluate: {args.metric} {overall:.4f} over {len(scores)} documents is under "
                  f"{args.fail_under:g} (--fail-under): failing", file=sys.stderr)
            return EXIT_BELOW_THRESHOLD
    return EXIT_OK


def _draft_truth(args: argparse.Namespace) -> int:
    """``factextract draft-truth``: one draft ground-truth file per document asked for."""
    from .evaluate import draft_truth, run_records
    from .tables import load

    records = run_records(load(args.pred))
    names = args.names or sorted(records)
    missing = [n for n in names if n not in records]
    if missing:
        raise UsageError(f"no ok document named {', '.join(f'{n}.pdf' for n in missing)} in {args.pred} "
                         f"(it has {', '.join(sorted(records)) or 'none'})")
    existing = [n for n in names if (args.out / f"{n}.json").exists()]
    if existing:
        raise UsageError(f"{', '.join(str(args.out / f'{n}.json') for n in existing)} already exist(s): a ground "
                         "truth is a person's work and is never overwritten; move it away to draft it again")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = args.out / f"{name}.json"
        truth = draft_truth(records[name], version=__version__, source=f"{name}.pdf")
        path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path}: a draft of {len(truth['items'])} items; check it against {name}.pdf, correct it, "
              f"then delete its 'draft' field", file=sys.stderr)
    return EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    """``factextract inspect``: a QA page per PDF, and the report's index."""
    from .qa import INDEX, write_report

    def said(sheet, page: Path) -> None:
        print(f"{sheet.status:8} {len(sheet.items):4} items  {page}", file=sys.stderr)

    pages = write_report(args.inputs, args.out, reader=args.reader, jobs=args.jobs, timeout_s=args.timeout,
                         on_file=said)
    print(f"Wrote {len(pages)} QA page(s); open {args.out / INDEX}", file=sys.stderr)
    return EXIT_OK


def _package_file(path: Path) -> dict:
    """The Data Package properties in a JSON or YAML file (checked by ``batch.run``)."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--package {path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UsageError(f"--package {path}: not UTF-8 text; give a JSON or YAML file") from None
    try:
        return yaml.safe_load(text)  # JSON is YAML
    except yaml.YAMLError as exc:
        raise UsageError(f"--package {path}: neither JSON nor YAML ({' '.join(str(exc).split())})") from None


def _share(text: str) -> float:
    """A number from 0 to 1, for argparse."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; give a score from 0 to 1, e.g. 0.95") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a score from 0 to 1 (scores are shares, e.g. 0.95)")
    return value


def _parse_date(args: argparse.Namespace) -> int:
    """``factextract parse-date``: one JSON line per text, ``null`` for no date."""
    # dateparser and the vocabularies: only for this command.
    from .dates import parse_date

    for text in args.texts:
        period = parse_date(text, language=args.lang)
        if period is None:
            print("null")
            continue
        print(json.dumps({
            "text": period.text,
            "start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat() if period.end else None,
            "precision": period.precision,
            "qualifier": period.qualifier,
            "edtf": period.edtf,
        }, ensure_ascii=False))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
