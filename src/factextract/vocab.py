"""Loads the rule and vocabulary data files under ``factextract/data``.

Language knowledge (headings, date words, glyph maps, organisations) lives in YAML
so that a new edition's wording needs a data change, not a code change.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from .errors import VocabularyError

LANGUAGES: tuple[str, ...] = ("fr", "en")


@cache
def load(folder: str, name: str) -> Any:
    """Return the parsed ``data/<folder>/<name>.yaml`` (folder: a language code or ``common``)."""
    path = f"data/{folder}/{name}.yaml"
    try:
        raw = resources.files("factextract").joinpath(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(path, "file not found") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise VocabularyError(path, f"not valid YAML ({exc})") from exc
    if data is None:
        raise VocabularyError(path, "file is empty")
    return data


def load_all(name: str) -> dict[str, Any]:
    """Return ``{language: data}`` for ``data/<lang>/<name>.yaml`` in every supported language."""
    return {lang: load(lang, name) for lang in LANGUAGES}
