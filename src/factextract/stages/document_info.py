"""Sections -> document-level fields: title, country, domain and action.

Domain and action come from the patterns in ``vocab/<lang>/fields.yaml``, matched on the
header's and sections' heading lines; the country is the country name printed in the header
(pycountry names in both languages); the title is the header's title.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..model import DocumentInfo, Language, Section
from ..text.repair import block_text, squash
from ..vocab import preferring
from ..vocab.countries import find_country
from ..vocab.headings import field_pattern

# A title longer than this is a paragraph set large, not a title; it is cut.
MAX_TITLE_CHARS = 200


def document_info(sections: Sequence[Section], language: str, detected: Language | None) -> DocumentInfo:
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


def _match_field(texts: Sequence[str], language: str, key: str) -> tuple[int, str] | None:
    """(number, title) of the first line that the field's pattern matches, the document's
    language tried first."""
    for lang in preferring(language):
        pattern = field_pattern(lang, key)
        for text in texts:
            m = pattern.match(squash(unicodedata.normalize("NFC", text)))
            if m:
                return int(m.group("number")), m.group("title").strip()
    return None
