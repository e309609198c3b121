"""Date words: ``<lang>/dates.yaml``, validated, with dateparser's month names merged in.

The file's keys are English (``january: [janvier, janv.]``), as in dateparser's
``date_translation_data``; the grammar in ``factextract.dates`` is built from them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..errors import VocabularyError
from . import load, path_of, require, words
from .keys import fold

MONTH_KEYS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
SEASON_KEYS: tuple[str, ...] = ("spring", "summer", "autumn", "winter")
ORDINAL_KEYS: tuple[str, ...] = ("first", "second", "third", "fourth", "last")
QUALIFIER_KEYS: tuple[str, ...] = ("since", "until", "approx", "after", "before", "early", "mid", "late")
REQUIRED_KEYS: tuple[str, ...] = (
    "months", "weekdays", "day_suffixes", "month_day_order", "seasons", "ordinals", "quarter",
    "half", "qualifiers", "since_around", "articles", "year_links", "year_fillers",
    "range_pairs", "range_connectors", "count_nouns", "number_labels", "percent_words",
    "day_words", "day_nouns", "lead_words", "trail_words", "list_connectors",
)
# Lists a language may leave empty.
_OPTIONAL_LISTS: tuple[str, ...] = (
    "day_suffixes", "articles", "year_links", "year_fillers", "range_connectors", "count_nouns",
    "number_labels", "percent_words", "day_nouns", "lead_words", "trail_words", "list_connectors",
)
# Day numbers that day_words may name.
DAYS_OF_MONTH = range(1, 32)
# dateparser's month spellings shorter than this are not taken (two-letter forms match words).
MIN_DATEPARSER_MONTH_CHARS = 3


def word_key(word: str) -> str:
    """Lookup key of a date word: folded, spaces collapsed, abbreviation dot dropped."""
    return re.sub(r"\s+", " ", fold(word)[0]).replace("' ", "'").rstrip(".").strip()


def validate(data: Any, path: str) -> None:
    """Raise VocabularyError unless ``data`` (a parsed dates.yaml) has every key the grammar
    reads, all twelve months, the four seasons and ordinals, and words that are strings."""
    require(data, path, REQUIRED_KEYS)
    for key, required in (("months", MONTH_KEYS), ("seasons", SEASON_KEYS),
                          ("ordinals", ORDINAL_KEYS), ("qualifiers", QUALIFIER_KEYS)):
        table = data[key]
        if not isinstance(table, dict):
            raise VocabularyError(path, f"{key} must be a mapping")
        absent = [k for k in required if k not in table]
        if absent:
            raise VocabularyError(path, f"{key} lacks {', '.join(absent)}")
        extra = [k for k in table if k not in required]
        if extra:
            raise VocabularyError(path, f"{key} has unknown keys {', '.join(map(str, extra))}")
        for k in required:
            words(table[k], path, f"{key}.{k}", empty_ok=key == "qualifiers")
    seen: dict[str, str] = {}
    for key in MONTH_KEYS:
        for w in data["months"][key]:
            folded = fold(w.strip().rstrip("."))[0]
            if seen.get(folded, key) != key:
                raise VocabularyError(path, f"month word {w!r} is listed under both {seen[folded]} and {key}")
            seen[folded] = key
    for key in ("quarter", "half"):
        unit = data[key]
        if not isinstance(unit, dict) or set(unit) != {"words", "prefixes"}:
            raise VocabularyError(path, f"{key} must have exactly the keys words and prefixes")
        words(unit["words"], path, f"{key}.words")
        words(unit["prefixes"], path, f"{key}.prefixes")
    words(data["weekdays"], path, "weekdays")
    for key in _OPTIONAL_LISTS:
        words(data[key], path, key, empty_ok=True)
    day_words = data["day_words"]
    if not isinstance(day_words, dict) or not all(isinstance(k, int) and k in DAYS_OF_MONTH for k in day_words):
        raise VocabularyError(path, "day_words must map day numbers 1-31 to the words that name them")
    for number, named in day_words.items():
        words(named, path, f"day_words.{number}")
    if not isinstance(data["month_day_order"], bool):
        raise VocabularyError(path, "month_day_order must be true or false")
    pairs = data["range_pairs"]
    if not isinstance(pairs, dict):
        raise VocabularyError(path, "range_pairs must map an opener to its closers")
    for opener, closers in pairs.items():
        words(closers, path, f"range_pairs.{opener}")
    around = data["since_around"]
    if not isinstance(around, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p) and p[1]
        for p in around
    ):
        raise VocabularyError(path, "since_around must be a list of [before, after] pairs with a non-empty after")


@cache
def date_words(language: str) -> dict[str, Any]:
    """The validated ``<language>/dates.yaml``, its months merged with dateparser's."""
    data = load(language, "dates")
    validate(data, path_of(language, "dates"))
    return {**data, "months": month_words(language)}


@cache
def month_words(language: str) -> dict[str, list[str]]:
    """Month names and abbreviations: our data file's, plus dateparser's language data.

    dateparser keeps month names for its languages (``dateparser/data/date_translation_data``);
    its spellings are added to ours, abbreviations with an optional final dot ("janv" ->
    "janv."), so a spelling either source knows is read.
    """
    from dateparser.languages.loader import default_loader

    ours = load(language, "dates")["months"]
    info = default_loader.get_locale(language).info
    merged: dict[str, list[str]] = {}
    for key in MONTH_KEYS:
        spellings = list(ours[key])
        known = {word_key(w) for w in spellings}
        theirs = [w for w in info.get(key, [])
                  if isinstance(w, str) and w.isalpha() and len(w) >= MIN_DATEPARSER_MONTH_CHARS]
        longest = max((len(w) for w in theirs), default=0)
        for w in theirs:
            word = w if len(w) == longest else f"{w}."
            if word_key(word) not in known:
                spellings.append(word)
                known.add(word_key(word))
        merged[key] = spellings
    return merged
