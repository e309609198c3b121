"""Heading and field vocabularies: ``<lang>/sections.yaml`` (the phrases and lemmas that name
each section kind) and ``<lang>/fields.yaml`` (the document-field lines: domain, action, the
reference-country label).

A heading matches a phrase when its ``match_key`` equals the phrase's or starts with it and a
space; the document's language is tried first, then the other (factsheets quote both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..errors import VocabularyError
from ..model import SECTION_KINDS, SectionKind
from . import load, path_of, pattern, preferring, require, words
from .keys import match_key

# A section heading has at most this many words: a sentence set in capitals or large type
# is not one, however its words lemmatise.
MAX_HEADING_WORDS = 8
# How many texts' lemmas are remembered (a factsheet has a few dozen heading candidates).
LEMMAS_CACHE_SIZE = 1024
# The kinds a heading phrase may name (a header and "other" are found by place and style).
_NAMED_KINDS: tuple[str, ...] = tuple(k for k in SECTION_KINDS if k not in ("header", "other"))
_FIELD_KEYS: tuple[str, ...] = ("domain", "action", "reference_country")
_FIELD_GROUPS: frozenset[str] = frozenset({"number", "title"})


@dataclass(frozen=True, slots=True)
class HeadingVocab:
    """One language's heading phrases and lemmas, as match keys."""

    phrases: tuple[tuple[str, SectionKind], ...]  # (match key of the phrase, kind), longest first
    lemmas: dict[str, SectionKind]  # match key of a word's lemma -> kind


def validate_sections(data: Any, path: str) -> None:
    """Check ``<lang>/sections.yaml``: section kinds (and ``lemmas``) mapping to word lists."""
    require(data, path, ())
    for kind, value in data.items():
        if kind == "lemmas":
            lemmas = require(value, path, ())
            for lemma_kind, lemma_words in lemmas.items():
                if lemma_kind not in _NAMED_KINDS:
                    raise VocabularyError(path, f"lemmas.{lemma_kind}: not a section kind ({', '.join(_NAMED_KINDS)})")
                words(lemma_words, path, f"lemmas.{lemma_kind}")
        elif kind in _NAMED_KINDS:
            words(value, path, str(kind))
        else:
            raise VocabularyError(path, f"{kind!r} is not a section kind ({', '.join(_NAMED_KINDS)}) nor 'lemmas'")


def validate_fields(data: Any, path: str) -> None:
    """Check ``<lang>/fields.yaml``: the domain and action patterns with their groups, the
    reference-country labels."""
    require(data, path, _FIELD_KEYS, exact=True)
    for key in ("domain", "action"):
        compiled = pattern(data[key], path, key, _compile)
        if set(compiled.groupindex) != _FIELD_GROUPS:
            raise VocabularyError(path, f"{key} must have the named groups 'number' and 'title'")
    words(data["reference_country"], path, "reference_country")


def _compile(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


@cache
def heading_vocab(language: str) -> HeadingVocab:
    """The validated ``<language>/sections.yaml`` as match keys, longest phrase first."""
    data = load(language, "sections")
    validate_sections(data, path_of(language, "sections"))
    phrases = [(match_key(p), kind) for kind, plist in data.items() if kind != "lemmas" for p in plist]
    phrases.sort(key=lambda pk: -len(pk[0]))
    lemmas = {match_key(w): kind for kind, lemma_words in data.get("lemmas", {}).items() for w in lemma_words}
    return HeadingVocab(tuple(phrases), lemmas)


@cache
def _fields(language: str) -> dict[str, Any]:
    data = load(language, "fields")
    validate_fields(data, path_of(language, "fields"))
    return data


@cache
def field_pattern(language: str, key: str) -> re.Pattern[str]:
    """The pattern of a field line ("domain" or "action"), with groups ``number`` and ``title``."""
    return _compile(_fields(language)[key])


def is_field_line(text: str, language: str) -> bool:
    """The text opens a document field: "Domaine 5 : Retour ...", "Action 20 : ..."."""
    squashed = " ".join(text.split())
    return any(field_pattern(language, key).match(squashed) for key in ("domain", "action"))


def is_domain_line(text: str, language: str) -> bool:
    """The text opens the domain field: "Domaine 5 : ..."."""
    return bool(field_pattern(language, "domain").match(" ".join(text.split())))


def is_header_label(text: str, language: str) -> bool:
    """'Pays référent', 'Reference country': a header label, not the referent-system section."""
    key = match_key(text)
    return any(key == match_key(label) for lang in preferring(language)
               for label in _fields(lang)["reference_country"])


def phrase_match(text: str, language: str) -> tuple[SectionKind, int] | None:
    """(kind, length of the vocabulary phrase matched) for a heading, or None."""
    key = match_key(text)
    if not key:
        return None
    for lang in preferring(language):
        for phrase, kind in heading_vocab(lang).phrases:
            if key == phrase or key.startswith(phrase + " "):
                return kind, len(phrase)
    return None


def names_heading_exactly(text: str, language: str) -> bool:
    """The whole text is a heading phrase of the vocabularies, nothing more."""
    match = phrase_match(text, language)
    return match is not None and match[1] == len(match_key(text))


def classify_heading(text: str, language: str, by_lemma: bool = True) -> SectionKind | None:
    """The section kind a heading names, or None; the document's language is tried first.

    ``by_lemma`` also looks words up by lemma; only for text that looks like a section
    heading (capitals, large type), since an event title may well say "perspectives".
    """
    if not match_key(text):
        return None
    match = phrase_match(text, language)
    if match is not None:
        return match[0]
    if not by_lemma:
        return None
    for lang in preferring(language):
        lemma_kinds = heading_vocab(lang).lemmas
        for word in _lemmas(text, lang):
            if word in lemma_kinds:
                return lemma_kinds[word]
    return None


@lru_cache(maxsize=LEMMAS_CACHE_SIZE)
def _lemmas(text: str, language: str) -> tuple[str, ...]:
    """The match keys of the text's words, after their spaCy lemmas (French only: there is no
    English model on the package registry). Remembered: a run of factsheets repeats the same
    headings, and tagging one costs a millisecond or more."""
    words_ = tuple(match_key(w) for w in text.split())
    if language != "fr" or len(words_) > MAX_HEADING_WORDS:
        return words_
    from .nlp import french_pipeline

    nlp = french_pipeline()
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text.lower())
    return tuple(match_key(t.lemma_) for t in doc) + words_
