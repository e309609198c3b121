"""Exception types. Only ``cli.py`` turns these into ``Error: ...`` lines."""

from __future__ import annotations


class FactextractError(Exception):
    """Base class of every error factextract raises on purpose."""


class VocabularyError(FactextractError, ValueError):
    """A data file under ``factextract/data`` is missing or malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}. Fix the data file; see the README's 'Vocabularies' section.")


class DocumentError(FactextractError):
    """An input file cannot be read as a PDF; the message is meant for a person."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class SchemaError(FactextractError, ValueError):
    """A table does not match its schema in ``schemas/``: a bug in factextract, not in the input."""

    def __init__(self, table: str, problem: str) -> None:
        self.table = table
        self.problem = problem
        super().__init__(f"table {table!r} does not match schemas/{table}.json: {problem}")


class UsageError(FactextractError, ValueError):
    """The command line or API was called wrongly; nothing was written."""
