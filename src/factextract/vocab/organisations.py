"""Known names of organisations, programmes and places: ``common/organisations.yaml``,
validated, with the words that make a footnote's term a programme."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import VocabularyError
from ..model import ENTITY_LABELS, EntityLabel
from . import load, path_of
from .keys import name_key

_ID = re.compile(r"^[a-z0-9_]+$")
_KEYS = frozenset({"entities", "programme_words", "not_country_names"})
_ENTITY_KEYS = frozenset({"id", "label", "names"})


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One entry of ``organisations.yaml``: a thing with all its spellings."""

    id: str
    label: EntityLabel
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KnownNames:
    """The validated ``organisations.yaml``."""

    entities: tuple[KnownEntity, ...]
    programme_words: frozenset[str]
    not_country_names: frozenset[str]
    # Filled on first use, so that a look-up does not key every known spelling again:
    # name_key of every spelling -> the first entity that has it (its id and label).
    _by_name: dict[str, KnownEntity] = field(default_factory=dict, init=False, compare=False, repr=False)

    def label_of(self, name: str) -> EntityLabel | None:
        """The label of a known spelling (apostrophes, spacing and case ignored), else None."""
        entity = self.entity_of(name)
        return None if entity is None else entity.label

    def entity_of(self, name: str) -> KnownEntity | None:
        """The entry a known spelling belongs to (apostrophes, spacing and case ignored), else
        None: ``OIM``, ``IOM`` and ``Organisation internationale pour les migrations`` give one."""
        if not self._by_name:
            for entity in self.entities:
                for n in entity.names:
                    self._by_name.setdefault(name_key(n), entity)
        return self._by_name.get(name_key(name))


@cache
def known_names() -> KnownNames:
    """Load and validate ``organisations.yaml``, once per process."""
    return parse_known_names(load("common", "organisations"))


def validate(data: Any, path: str) -> None:
    """Check ``common/organisations.yaml`` (see ``parse_known_names``)."""
    parse_known_names(data, path)


def parse_known_names(data: Any, path: str = path_of("common", "organisations")) -> KnownNames:
    """Validate the parsed YAML of ``organisations.yaml``; raise VocabularyError on any fault."""
    if not isinstance(data, dict) or set(data) != _KEYS:
        raise VocabularyError(path, f"expected exactly the keys {', '.join(sorted(_KEYS))}")
    raw_entities, raw_words = data["entities"], data["programme_words"]
    raw_not_countries = data["not_country_names"] or []
    if not isinstance(raw_entities, list) or not raw_entities:
        raise VocabularyError(path, "'entities' must be a non-empty list")
    entities: list[KnownEntity] = []
    seen_ids: set[str] = set()
    label_by_name: dict[str, tuple[str, str]] = {}
    for n, entry in enumerate(raw_entities):
        where = f"entities[{n}]"
        if not isinstance(entry, dict) or set(entry) != _ENTITY_KEYS:
            raise VocabularyError(path, f"{where} must have exactly the keys id, label, names")
        ident, label, names = entry["id"], entry["label"], entry["names"]
        if not isinstance(ident, str) or not _ID.match(ident):
            raise VocabularyError(path, f"{where}: id must be a lowercase slug, not {ident!r}")
        if ident in seen_ids:
            raise VocabularyError(path, f"{where}: duplicate id {ident!r}")
        seen_ids.add(ident)
        if label not in ENTITY_LABELS:
            raise VocabularyError(path, f"{where} ({ident}): label must be one of {', '.join(ENTITY_LABELS)}, not {label!r}")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
            raise VocabularyError(path, f"{where} ({ident}): names must be a non-empty list of non-empty strings")
        for name in names:
            other = label_by_name.setdefault(name_key(name), (ident, label))
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


def entity_id(text: str, label: str) -> str | None:
    """A key for an entity across documents and languages: the ``id`` of its entry in
    ``organisations.yaml`` when the text is one of its spellings with the same label (``OIM``
    and ``IOM``: ``iom``), else, for a place, its country's ISO 3166-1 alpha-3 code
    (``Sénégal``, ``Senegal``: ``SEN``); None for a name in neither."""
    known = known_names().entity_of(text)
    if known is not None and known.label == label:
        return known.id
    if label == "LOC":
        from .countries import country_code

        return country_code(text)
    return None
