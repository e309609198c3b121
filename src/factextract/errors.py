"""Exception types, and the one way a failure is put on one line for a person.

Each error subclasses ``FactextractError`` and, where it fits, a built-in (pdfminer's
``PDFValueError(PDFException, ValueError)``), so a caller can catch either. Values are kept as
attributes (``path``, ``problem``, ``table``); messages say what to do next. Only ``cli.py``
turns these into ``Error: ...`` lines.
"""

from __future__ import annotations


class FactextractError(Exception):
    """Base class of every error factextract raises on purpose."""


class VocabularyError(FactextractError, ValueError):
    """A data file under ``factextract/vocab`` is missing or malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}. Fix the data file; see the README's 'Vocabularies' section.")


class DocumentError(FactextractError):
    """An input file cannot be read as a PDF; ``problem`` is meant for a person.

    ``page`` is the 1-based page the problem was met on, when it concerns one page.
    """

    def __init__(self, path: str, problem: str, page: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.page = page
        where = f" (page {page})" if page is not None else ""
        super().__init__(f"{path}{where}: {problem}")


class SchemaError(FactextractError, ValueError):
    """A table does not match its schema in ``schemas/``: a bug in factextract, not in the input."""

    def __init__(self, table: str, problem: str) -> None:
        self.table = table
        self.problem = problem
        super().__init__(f"table {table!r} does not match schemas/{table}.json: {problem}")


class LanguageError(FactextractError, ValueError):
    """A language factextract has no vocabularies for was asked for."""

    def __init__(self, language: object, known: tuple[str, ...]) -> None:
        self.language = language
        self.known = known
        super().__init__(f"unknown language {language!r}: use one of {', '.join(known)}")


class ModelMissingError(FactextractError):
    """The spaCy model package is not installed."""


class UsageError(FactextractError, ValueError):
    """The command line or API was called wrongly; nothing was written."""


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (runs of white space made one space), cut to ``limit`` characters
    with a closing ellipsis: the form every per-file message takes in the documents table."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


# --- warnings ---------------------------------------------------------------------------------
# What a person should know about a document that was read (``Factsheet.warnings``), and the
# message of a document read in part (status ``partial``). One short sentence each, saying what
# to do where something can be done; no ";" in a warning (the CSV joins a list with it).

PAGES_NOT_READ = "{pages} not read (--max-pages {limit})"
DATA_LOST = "data lost while decompressing {where} (the file is damaged): some text may be missing"
DATA_LOST_PAGE = "page {page}'s content"  # the {where} of DATA_LOST
DATA_LOST_PAGES = "the content of {pages}"
DATA_LOST_ELSEWHERE = "part of the file"
PDFIUM_READS_TEXT = ("pdfminer sees no text but PDFium reads {words} words: the file's structure may be "
                     "damaged, try repairing it (e.g. qpdf) and run again")
SAME_BYTES_AS = ("same bytes as {first} when it was read (it changed during the run?): its content rows "
                 "are that file's")
READ_WITH_PDFIUM = "read with PDFium, as {why}: check the text against the page"
ROTATED_TEXT_ONLY = ("all {glyphs} glyphs of text are rotated (sideways or vertical), and only upright text is "
                     "read: rotate the pages upright and run again")
PAGE_SIZE_ASSUMED = "{pages} {have} no valid page size (MediaBox) and {have} been read as US Letter"
NO_TEXT_ON_PAGES_READ = "the pages that could be read have no text layer (a scan?)"
NOT_A_FACTSHEET = "no Rabat Process factsheet sections found: probably not a factsheet"
NO_COUNTRY = "no country found in the title block"
PAGES_LOST = "{pages} of {count} could not be read ({why}); the other pages were read"
NO_PAGE_READ = ("no page could be read: {pages} of {count} ({why}); the PDF is damaged: repair it "
                "(e.g. with qpdf) or re-export it, and run again")


def page_list(numbers: list[int] | tuple[int, ...]) -> str:
    """Page numbers for a person: "page 3", "pages 3 and 5", "pages 3-7, 9 and 12"."""
    numbers = sorted(set(numbers))
    runs: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    if len(numbers) == 1:
        return f"page {runs[0]}"
    return "pages " + (runs[0] if len(runs) == 1 else ", ".join(runs[:-1]) + " and " + runs[-1])
