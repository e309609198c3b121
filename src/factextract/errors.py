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
