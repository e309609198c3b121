"""What factextract knows, as data, and the code that loads and checks it.

Language knowledge lives in YAML so that a new edition's wording needs a data change, not a
code change: ``<lang>/*.yaml`` per language (``fr``, ``en``), ``common/*.yaml`` for what no
language owns (spaCy's ``lang/fr/``, dateparser's ``date_translation_data``). One module here
per kind of knowledge reads its files and validates them when it first loads them, raising
``VocabularyError`` that names the file and the fault; ``catalogue.DATA_FILES`` says which
module checks which file, and a test runs every check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import VocabularyError
from ..model import LANGUAGES, Language

__all__ = ["LANGUAGES", "load", "path_of", "preferring", "require", "words", "pattern"]


def path_of(folder: str, name: str) -> str:
    """The data file's path inside the package, as messages name it: ``vocab/fr/dates.yaml``."""
    return f"vocab/{folder}/{name}.yaml"


@cache
def load(folder: str, name: str) -> Any:
    """Return the parsed ``vocab/<folder>/<name>.yaml`` (folder: a language code or ``common``).

    Only the YAML is checked here; each vocabulary module validates the content it reads.
    """
    path = path_of(folder, name)
    try:
        raw = resources.files(__name__).joinpath(folder, f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(path, "file not found") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise VocabularyError(path, f"not valid YAML ({exc})") from exc
    if data is None:
        raise VocabularyError(path, "file is empty")
    return data


def preferring(language: str) -> tuple[Language, ...]:
    """Every language, the given one first: a factsheet may quote the other language, but
    its own wins where both would match."""
    return (language, *(lg for lg in LANGUAGES if lg != language))  # type: ignore[return-value]


# --- checks the vocabulary modules share ------------------------------------------------------

def require(data: Any, path: str, keys: tuple[str, ...], *, exact: bool = False) -> dict[str, Any]:
    """``data`` as a mapping with every one of ``keys`` (and, if ``exact``, no other)."""
    if not isinstance(data, dict):
        raise VocabularyError(path, "top level must be a mapping")
    missing = [k for k in keys if k not in data]
    if missing:
        raise VocabularyError(path, f"missing keys: {', '.join(missing)}")
    extra = [str(k) for k in data if k not in keys]
    if exact and extra:
        raise VocabularyError(path, f"unknown keys: {', '.join(extra)}")
    return data


def words(value: Any, path: str, where: str, *, empty_ok: bool = False) -> list[str]:
    """``value`` as a list of non-empty strings (non-empty itself unless ``empty_ok``)."""
    if not isinstance(value, list) or not (value or empty_ok) or not all(
        isinstance(w, str) and w.strip() for w in value
    ):
        raise VocabularyError(path, f"{where} must be a{'' if empty_ok else ' non-empty'} list of non-empty strings")
    return value


def pattern(value: Any, path: str, where: str, compile_: Callable[[str], Any]) -> Any:
    """``value`` compiled as a regular expression, or an error naming where it stands."""
    if not isinstance(value, str) or not value:
        raise VocabularyError(path, f"{where} must be a regular expression (a string)")
    try:
        return compile_(value)
    except re.error as exc:
        raise VocabularyError(path, f"{where} is not a valid regular expression ({exc})") from exc
