"""Blocks in reading order -> sections with a kind (header, progress, activities, ...).

A heading is recognised by its style (bold, larger than the body, or in capitals) and
classified by the heading vocabularies in ``data/<lang>/sections.yaml``; where no phrase
matches, the lemmas of its words are looked up (spaCy), so "Activités menées en 2022" is
still an activities heading. Footnotes are told by size and place: small type at the foot
of a page, starting with a marker.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import vocab
from .model import Block, Page, SectionBlocks
from .text import is_marker_text, join_lines

# A block set this much larger than the body text is heading-styled even when not bold.
HEADING_SIZE_RATIO = 1.15
# Footnotes are set smaller than the body text and sit in the lower part of a page.
FOOTNOTE_SIZE_RATIO = 0.93
FOOTNOTE_ZONE = 0.5
# A heading-styled block in capitals with at most this many words opens an "other" section.
MAX_OTHER_HEADING_WORDS = 8
# A table's header row: cells of at most this many words, level within ROW_TOLERANCE points,
# with the first row's date at most HEADER_ROW_GAP_EM line heights below.
MAX_HEADER_CELL_WORDS = 3
ROW_TOLERANCE = 3.0
HEADER_ROW_GAP_EM = 2.5
# A heading may be set over at most this many separate blocks, this many line heights apart.
MAX_HEADING_PARTS = 3
HEADING_PART_GAP = 2.5
# A header found elsewhere spans at most this share of the page height, and its country name
# is set at least this many times larger than the body.
HEADER_BAND_SHARE = 0.2
TITLE_SIZE_RATIO = 1.4
# Header blocks sit in the top part of the first page.
HEADER_ZONE = 0.35

# "1 MIEUX+ - ...", "¹ OFII ...", "* ...": a footnote starts with a number or asterisk.
_FOOTNOTE_START = re.compile(r"^\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|\[\d{1,2}\])\s*\S")


def normalise(text: str) -> str:
    """Case-folded, accent-free, punctuation-free form used to match vocabularies."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("’", "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@dataclass(frozen=True, slots=True)
class _HeadingVocab:
    phrases: tuple[tuple[str, str], ...]  # (normalised phrase, kind), longest first
    lemmas: dict[str, str]


@cache
def _vocab(language: str) -> _HeadingVocab:
    data = vocab.load(language, "sections")
    phrases = [(normalise(p), kind) for kind, plist in data.items() if kind != "lemmas" for p in plist]
    phrases.sort(key=lambda pk: -len(pk[0]))
    lemmas = {normalise(w): kind for kind, words in data.get("lemmas", {}).items() for w in words}
    return _HeadingVocab(tuple(phrases), lemmas)


@cache
def _field_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    data = vocab.load(language, "fields")
    return tuple(re.compile(data[key], re.IGNORECASE) for key in ("domain", "action"))


def phrase_match(text: str, language: str) -> tuple[str, int] | None:
    """(kind, length of the vocabulary phrase matched) for a heading, or None."""
    norm = normalise(text)
    if not norm:
        return None
    for lang in (language, *(lg for lg in vocab.LANGUAGES if lg != language)):
        for phrase, kind in _vocab(lang).phrases:
            if norm == phrase or norm.startswith(phrase + " "):
                return kind, len(phrase)
    return None


def classify_heading(text: str, language: str, by_lemma: bool = True) -> str | None:
    """The section kind a heading names, or None; the document's language is tried first.

    ``by_lemma`` also looks words up by lemma; only for text that looks like a section
    heading (capitals, large type), since an event title may well say "perspectives".
    """
    if not normalise(text):
        return None
    match = phrase_match(text, language)
    if match is not None:
        return match[0]
    if not by_lemma:
        return None
    for lang in (language, *(lg for lg in vocab.LANGUAGES if lg != language)):
        lemma_kinds = _vocab(lang).lemmas
        for word in _lemmas(text, lang):
            if word in lemma_kinds:
                return lemma_kinds[word]
    return None


def _lemmas(text: str, language: str) -> list[str]:
    words = [normalise(w) for w in text.split()]
    if language != "fr" or len(words) > MAX_OTHER_HEADING_WORDS:
        return words
    from .nlp import french_pipeline

    nlp = french_pipeline()
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text.lower())
    return [normalise(t.lemma_) for t in doc] + words


def block_text(block: Block, language: str) -> str:
    return join_lines([ln.text for ln in block.lines], language)


def body_size(blocks: Sequence[Block]) -> float:
    """The most common font size over all text, weighted by characters."""
    counts: Counter[float] = Counter()
    for b in blocks:
        for ln in b.lines:
            counts[round(ln.size, 1)] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def is_heading_styled(block: Block, body: float) -> bool:
    if all(ln.bold for ln in block.lines):
        return True
    if all(ln.size >= body * HEADING_SIZE_RATIO for ln in block.lines):
        return True
    letters = [ch for ch in block.text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and block.lines[0].size >= body


def is_footnote(block: Block, page: Page, body: float) -> bool:
    first = block.lines[0]
    if block.bbox.top < page.height * FOOTNOTE_ZONE:
        return False
    if any(ln.size > body * FOOTNOTE_SIZE_RATIO for ln in block.lines):
        return False
    if first.spans and first.spans[0].superscript and is_marker_text(first.spans[0].text, ""):
        return True
    return bool(_FOOTNOTE_START.match(first.text))


def split_sections(pages: Sequence[Page], blocks_per_page: Sequence[Sequence[Block]],
                   language: str) -> tuple[SectionBlocks, ...]:
    """Assign every block to a section; footnote blocks go to one footnotes section."""
    all_blocks = [b for blocks in blocks_per_page for b in blocks]
    body = body_size(all_blocks)
    page_of = {p.number: p for p in pages}
    sections: list[dict] = []
    footnote_blocks: list[Block] = []

    def open_section(kind: str, heading: str | None, page: int) -> dict:
        sec = {"kind": kind, "heading": heading, "page": page, "subheadings": [], "blocks": [],
               "subheading_blocks": []}
        sections.append(sec)
        return sec

    current: dict | None = None
    all_blocks = [part for b in all_blocks for part in _split_at_fields(b, body, language)]
    all_blocks = _join_broken_headings(all_blocks, body, language)
    # A header placed away from the top (a band at the foot of page 1) is found by what it says.
    placed_header = _header_elsewhere(all_blocks, page_of, body, language)
    for block in all_blocks:
        page = page_of[block.page]
        if any(block is b for b in placed_header):
            continue
        if is_footnote(block, page, body):
            footnote_blocks.append(block)
            continue
        text = block_text(block, language)
        styled = is_heading_styled(block, body)
        if current is not None and current["kind"] == "header" and _is_header_label(text, language):
            current["blocks"].append(block)
            continue
        kind = (classify_heading(text, language, by_lemma=_looks_like_section_heading(block, text, body))
                if styled and len(text) <= 120 else None)
        if kind is None and not styled and _names_heading_exactly(text, language):
            kind = classify_heading(text, language, by_lemma=False)  # set in the body style
        if kind == "footnotes":
            kind = None if current is None else kind
        if kind is not None:
            if current is not None and current["kind"] == kind and not current["blocks"]:
                current["subheadings"].append(text)
                current["subheading_blocks"].append(block)
            else:
                current = open_section(kind, text, block.page)
            continue
        heading_position = current is None or current["kind"] == "header" or not current["blocks"]
        if (styled or heading_position) and any(p.match(" ".join(text.split())) for p in _field_patterns(language)):
            if current is None:
                current = open_section("header", None, block.page)
            current["subheadings"].append(text)
            current["subheading_blocks"].append(block)
            continue
        if current is None:
            in_header_zone = block.page == 1 and block.bbox.top < page.height * HEADER_ZONE
            current = open_section("header" if in_header_zone else "other", None, block.page)
            if in_header_zone:
                current["heading"] = None
        elif current["kind"] == "header" and not (block.page == 1 and block.bbox.top < page.height * HEADER_ZONE):
            current = open_section("other", None, block.page)
        elif styled and current["kind"] != "header" and _is_other_heading(block, text, body):
            current = open_section("other", text, block.page)
            continue
        current["blocks"].append(block)
    if placed_header:
        header = next((sec for sec in sections if sec["kind"] == "header"), None)
        if header is None:
            header = {"kind": "header", "heading": None, "page": 1, "subheadings": [], "blocks": [],
                      "subheading_blocks": []}
            sections.insert(0, header)
        header["blocks"].extend(placed_header)
    out = []
    for sec in sections:
        if sec["kind"] not in ("header", "footnotes"):
            for row in _table_header_rows(sec["blocks"], language):
                sec["blocks"] = [b for b in sec["blocks"] if not any(b is r for r in row)]
                sec["subheadings"].append(" ".join(block_text(b, language) for b in row))
        heading = sec["heading"]
        subheadings = tuple(sec["subheadings"])
        if sec["kind"] == "header":
            # The header's title is its largest text; every other header line is a subheading.
            header_blocks = sorted(sec["blocks"] + sec["subheading_blocks"], key=all_blocks.index)
            title_block = _title_block(header_blocks, language)
            heading = block_text(title_block, language) if title_block is not None else None
            subheadings = tuple(block_text(b, language) for b in header_blocks if b is not title_block)
        out.append(SectionBlocks(kind=sec["kind"], heading=heading, page=sec["page"],
                                 subheadings=subheadings, blocks=tuple(sec["blocks"]),
                                 subheading_blocks=tuple(sec["subheading_blocks"])))
    if footnote_blocks:
        out.append(SectionBlocks(kind="footnotes", heading=None, page=footnote_blocks[0].page,
                                 blocks=tuple(footnote_blocks)))
    return tuple(out)


def _table_header_rows(blocks: Sequence[Block], language: str) -> list[list[Block]]:
    """Header rows of tables used as timelines ("Date | Activité | Partenaires"): two or more
    short bold cells side by side, level with each other, with a date right under the first."""
    from .dates import parse_date

    rows = []
    candidates = [b for b in blocks if all(ln.bold for ln in b.lines) and len(b.text.split()) <= MAX_HEADER_CELL_WORDS
                  and parse_date(b.text, language) is None]
    used: set[int] = set()
    for b in sorted(candidates, key=lambda b: (b.page, b.bbox.top, b.bbox.x0)):
        if id(b) in used:
            continue
        row = sorted((o for o in candidates if o.page == b.page and abs(o.bbox.top - b.bbox.top) <= ROW_TOLERANCE
                      and id(o) not in used), key=lambda o: o.bbox.x0)
        if len(row) < 2 or any(o.bbox.h_overlap(p.bbox) > 0 for o, p in zip(row, row[1:])):
            continue
        first, height = row[0], row[0].lines[0].bbox.height
        under = [o for o in blocks if o.page == first.page and o.bbox.h_overlap(first.bbox) > 0
                 and 0 <= o.bbox.top - first.bbox.bottom <= HEADER_ROW_GAP_EM * height]
        if any(parse_date(o.text, language) is not None for o in under):
            rows.append(row)
            used.update(id(o) for o in row)
    return rows


def _join_broken_headings(blocks: list[Block], body: float, language: str) -> list[Block]:
    """Join a heading set over separate text boxes ("LE SYSTÈME DES" / "PAYS RÉFÉRENTS",
    "Mise en œuvre" / "du Plan d'Action de Marrakech") when the joined text matches a longer
    heading phrase than its first part alone."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        take = 1
        if is_heading_styled(block, body):
            alone = phrase_match(block_text(block, language), language)
            best = alone[1] if alone else 0
            for k in range(2, MAX_HEADING_PARTS + 1):
                parts = blocks[i:i + k]
                if len(parts) < k or not _same_heading_run(parts, body):
                    break
                match = phrase_match(" ".join(block_text(b, language) for b in parts), language)
                if match and match[1] > best:
                    best, take = match[1], k
            # A field title left open ("Action 20 : ... (notamment" / "par le biais ...)").
            text = block_text(block, language)
            if take == 1 and any(p.match(" ".join(text.split())) for p in _field_patterns(language)):
                while (i + take < len(blocks) and _left_open(" ".join(block_text(b, language) for b in blocks[i:i + take]))
                       and _same_heading_run(blocks[i:i + take + 1], body)):
                    take += 1
        if take == 1:
            out.append(block)
        else:
            parts = blocks[i:i + take]
            lines = tuple(ln for b in parts for ln in b.lines)
            bbox = parts[0].bbox
            for b in parts[1:]:
                bbox = bbox.union(b.bbox)
            out.append(Block(lines=lines, page=block.page, bbox=bbox))
        i += take
    return out


def _left_open(text: str) -> bool:
    """A title that does not end: an unclosed parenthesis, or a trailing word that needs more."""
    text = text.rstrip()
    return text.count("(") > text.count(")") or text.endswith((",", ":", "-", "–", "(")) or bool(
        re.search(r"\b(?:de|du|des|et|en|la|le|les|à|au|aux|of|and|the|for|to|in)$", text, re.IGNORECASE))


def _same_heading_run(parts: Sequence[Block], body: float) -> bool:
    """Consecutive heading-styled blocks, in the same style, close under one another."""
    first = parts[0]
    for prev, b in zip(parts, parts[1:]):
        if b.page != first.page or not is_heading_styled(b, body):
            return False
        if abs(b.lines[0].size - first.lines[0].size) > 0.5 or b.lines[0].bold != first.lines[0].bold:
            return False
        height = max(ln.bbox.height for ln in prev.lines)
        if not (-0.5 * height <= b.bbox.top - prev.bbox.bottom <= HEADING_PART_GAP * height):
            return False
        if b.bbox.h_overlap(prev.bbox) <= 0:
            return False
    return True


def _split_at_fields(block: Block, body: float, language: str) -> list[Block]:
    """A block cut before each line that opens a document field ("Mise en œuvre du Plan
    d'Action de Marrakech" / "Action 6 : ..." set as one bold block; "Reference country" /
    "Domain 3: ..." set as one block of the header)."""
    if len(block.lines) < 2:
        return [block]
    patterns = _field_patterns(language)
    cuts = [i for i, ln in enumerate(block.lines) if i > 0 and any(p.match(" ".join(ln.text.split())) for p in patterns)]
    if not cuts:
        return [block]
    parts, start = [], 0
    for cut in cuts + [len(block.lines)]:
        lines = block.lines[start:cut]
        bbox = lines[0].bbox
        for ln in lines[1:]:
            bbox = bbox.union(ln.bbox)
        parts.append(Block(lines=lines, page=block.page, bbox=bbox))
        start = cut
    return parts


def _names_heading_exactly(text: str, language: str) -> bool:
    """The whole text is a heading phrase of the vocabularies, nothing more."""
    norm = normalise(text)
    match = phrase_match(text, language)
    return match is not None and match[1] == len(norm)


def _is_header_label(text: str, language: str) -> bool:
    """'Pays référent', 'Reference country': a header label, not the referent-system section."""
    norm = normalise(text)
    return any(norm == normalise(label) for lang in (language, *vocab.LANGUAGES)
               for label in vocab.load(lang, "fields")["reference_country"])


def _looks_like_section_heading(block: Block, text: str, body: float) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    caps = len(letters) >= 4 and all(ch.isupper() for ch in letters)
    large = block.lines[0].size >= body * HEADING_SIZE_RATIO
    return (caps or large) and len(text.split()) <= MAX_OTHER_HEADING_WORDS


def _is_other_heading(block: Block, text: str, body: float) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (len(letters) >= 4 and all(ch.isupper() for ch in letters)
            and len(text.split()) <= MAX_OTHER_HEADING_WORDS
            and block.lines[0].size >= body * HEADING_SIZE_RATIO)


def _title_block(blocks: Sequence[Block], language: str) -> Block | None:
    """The header's title: the block in the largest type that names a country, else the block
    in the largest type (a "FICHE PAYS" banner above the country's name is not the title)."""
    if not blocks:
        return None
    from .fields import find_country  # fields builds on this module

    def largest(candidates: Sequence[Block]) -> Block:
        return max(candidates, key=lambda b: (max(ln.size for ln in b.lines), -blocks.index(b)))

    naming = [b for b in blocks if find_country([block_text(b, language)]) is not None
              and not _is_header_label(block_text(b, language), language)
              and not any(p.match(" ".join(block_text(b, language).split())) for p in _field_patterns(language))]
    return largest(naming) if naming else largest(blocks)


def _header_elsewhere(blocks: Sequence[Block], page_of: dict, body: float, language: str) -> list[Block]:
    """Header blocks of page 1 outside the top zone: the reference-country label, the domain
    line, and a country name set large, standing together (within a few lines of each other)."""
    page = page_of.get(1)
    if page is None:
        return []
    from .fields import find_country

    domain = _field_patterns(language)[0]
    found = []
    for b in blocks:
        if b.page != 1 or b.bbox.top < page.height * HEADER_ZONE:
            continue
        text = block_text(b, language)
        large = max(ln.size for ln in b.lines) >= body * TITLE_SIZE_RATIO
        if _is_header_label(text, language) or domain.match(" ".join(text.split())) or (
                large and len(text.split()) <= 6 and find_country([text]) is not None):
            found.append(b)
    if not any(_is_header_label(block_text(b, language), language) for b in found):
        return []  # without the label, a large country name may just be a heading
    top = min(b.bbox.top for b in found)
    return [b for b in found if b.bbox.top - top <= page.height * HEADER_BAND_SHARE]
