"""Sections -> document-level fields: language, title, country, domain and action.

The language is the one whose function words (``data/<lang>/language.yaml``) the text uses
most. Domain and action come from the patterns in ``data/<lang>/fields.yaml``, matched on
the header's and sections' heading lines; the country is the country name printed in the
header (pycountry names in both languages).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from . import vocab
from .model import DocumentInfo, SectionBlocks
from .sections import block_text, normalise

# A title longer than this is a paragraph set large, not a title; it is cut.
MAX_TITLE_CHARS = 200
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _function_words(language: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in vocab.load(language, "language")["function_words"])


def detect_language(text: str) -> str | None:
    """``fr`` or ``en``: the language whose function words occur most (French on a tie);
    None when the text has none of either (another language, or no words at all)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    scores = {lang: sum(1 for w in words if w in _function_words(lang)) for lang in vocab.LANGUAGES}
    if not any(scores.values()):
        return None
    return max(vocab.LANGUAGES, key=lambda lang: (scores[lang], lang == "fr"))


@cache
def _country_lookup() -> dict[str, str]:
    """Normalised country name -> the name as pycountry spells it, both languages."""
    from .entities import country_names

    lookup = {}
    for names in country_names().values():
        for name in names:
            lookup.setdefault(normalise(name), name)
    return lookup


def find_country(texts: Iterable[str]) -> str | None:
    """The first country name in texts, as printed there."""
    lookup = _country_lookup()
    for text in texts:
        words = text.split()
        # Longest name first, so "Côte d'Ivoire" wins over a shorter one inside it.
        for size in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                candidate = " ".join(words[i:i + size]).strip(",.;:() ")
                if normalise(candidate) in lookup:
                    # "The Gambia" is printed with its article; keep it when it leads the text.
                    if i == 1 and normalise(words[0]) in _articles():
                        return f"{words[0]} {candidate}"
                    return candidate
    return None


@cache
def _articles() -> frozenset[str]:
    return frozenset(normalise(a) for lang in vocab.LANGUAGES for a in vocab.load(lang, "fields")["country_articles"])


def document_info(sections: Sequence[SectionBlocks], language: str, detected: str | None) -> DocumentInfo:
    """Fields of the document; ``language`` is the one its text was read in, ``detected`` the
    one its words showed (None when neither French nor English)."""
    header = next((s for s in sections if s.kind == "header"), None)
    header_texts = []
    if header is not None:
        header_texts = [block_text(b, language) for b in header.blocks] + list(header.subheadings)
    heading_lines = header_texts + [h for s in sections for h in s.subheadings]
    domain = _match_field(heading_lines, language, "domain")
    action = _match_field(heading_lines, language, "action")
    title = _short(header.heading) if header is not None and header.heading else None
    country_texts = ([title] if title else []) + header_texts
    return DocumentInfo(
        title=title,
        language=detected,
        country=find_country(country_texts),
        domain_number=domain[0] if domain else None,
        domain_title=domain[1] if domain else None,
        action_number=action[0] if action else None,
        action_title=action[1] if action else None,
    )


def _short(text: str) -> str:
    """A title at most MAX_TITLE_CHARS long, cut at a word boundary."""
    if len(text) <= MAX_TITLE_CHARS:
        return text
    return text[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


@cache
def _pattern(language: str, key: str) -> re.Pattern[str]:
    return re.compile(vocab.load(language, "fields")[key], re.IGNORECASE)


def _match_field(texts: Sequence[str], language: str, key: str) -> tuple[int, str] | None:
    for lang in (language, *(lg for lg in vocab.LANGUAGES if lg != language)):
        pattern = _pattern(lang, key)
        for text in texts:
            m = pattern.match(" ".join(unicodedata.normalize("NFC", text).split()))
            if m:
                return int(m.group("number")), m.group("title").strip()
    return None
