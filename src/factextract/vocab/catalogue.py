"""Every data file of the vocabularies and the check that validates it, in one table.

The modules that read a file validate it themselves when they first load it; this table lets
a test (and anyone editing a file) run every check at once, and fails on a file no one reads.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any

from ..model import LANGUAGES
from . import countries, dates, glyphs, headings, language, load, organisations, page_numbers, path_of

Validator = Callable[[Any, str], None]

PER_LANGUAGE: dict[str, Validator] = {
    "countries": countries.validate,
    "dates": dates.validate,
    "fields": headings.validate_fields,
    "language": language.validate,
    "sections": headings.validate_sections,
}
COMMON: dict[str, Validator] = {
    "glyphs": glyphs.validate,
    "organisations": organisations.validate,
    "page_numbers": page_numbers.validate,
}


def data_files() -> dict[tuple[str, str], Validator]:
    """``{(folder, name): validator}`` for every data file the vocabularies are made of."""
    files = {(lang, name): check for lang in LANGUAGES for name, check in PER_LANGUAGE.items()}
    files.update({("common", name): check for name, check in COMMON.items()})
    return files


def shipped_files() -> set[tuple[str, str]]:
    """``(folder, name)`` of every YAML file shipped under ``vocab/``."""
    root = resources.files(__package__)
    return {(folder.name, f.name.removesuffix(".yaml")) for folder in root.iterdir() if folder.is_dir()
            for f in folder.iterdir() if f.name.endswith(".yaml")}


def check_all() -> int:
    """Load and validate every data file; raise ``VocabularyError`` at the first fault.
    Returns how many files were checked."""
    files = data_files()
    for (folder, name), check in files.items():
        check(load(folder, name), path_of(folder, name))
    return len(files)
