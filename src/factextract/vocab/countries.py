"""Country names in English and French: pycountry's names and its French catalogue, with the
articles some are printed with (``<lang>/countries.yaml``)."""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..model import LANGUAGES
from . import load, path_of, require, words
from .keys import match_key

# The longest country name has this many words ("Saint Vincent and the Grenadines" has 5).
MAX_COUNTRY_NAME_WORDS = 6
# Punctuation trimmed from the ends of a candidate name before it is looked up.
_NAME_TRIM = ",.;:() "


def validate(data: Any, path: str) -> None:
    """Check ``<lang>/countries.yaml``: a list of articles."""
    require(data, path, ("articles",), exact=True)
    words(data["articles"], path, "articles", empty_ok=True)


@cache
def country_names() -> dict[str, frozenset[str]]:
    """``{alpha_2: names}`` in English and French, from pycountry's data and its gettext catalogue.

    The ISO catalogue's inverted forms (``Iran, Islamic Republic of``) are skipped in
    favour of the common and official names; a parenthesised part is cut
    (``Holy See (Vatican City State)`` -> ``Holy See``).
    """
    import pycountry  # imported here: only country lookups need it

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        english = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        for name in [e for e in english if e] + [french.gettext(e) for e in english if e]:
            name = name.split("(")[0].strip()
            if name and "," not in name:
                names.setdefault(country.alpha_2, set()).add(name)
    return {code: frozenset(found) for code, found in names.items()}


@cache
def _lookup() -> dict[str, str]:
    """Match key of a country name -> the name as pycountry spells it, both languages."""
    lookup: dict[str, str] = {}
    for names in country_names().values():
        for name in sorted(names):
            lookup.setdefault(match_key(name), name)
    return lookup


@cache
def _articles() -> frozenset[str]:
    """The articles of every language, as match keys."""
    found = set()
    for lang in LANGUAGES:
        data = load(lang, "countries")
        validate(data, path_of(lang, "countries"))
        found.update(match_key(a) for a in data["articles"])
    return frozenset(found)


def find_country(texts: Iterable[str]) -> str | None:
    """The first country name in texts, as printed there."""
    lookup = _lookup()
    for text in texts:
        tokens = text.split()
        # Longest name first, so "Côte d'Ivoire" wins over a shorter one inside it.
        for size in range(min(MAX_COUNTRY_NAME_WORDS, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                candidate = " ".join(tokens[i:i + size]).strip(_NAME_TRIM)
                if match_key(candidate) in lookup:
                    # "The Gambia" is printed with its article; keep it when it leads the text.
                    if i == 1 and match_key(tokens[0]) in _articles():
                        return f"{tokens[0]} {candidate}"
                    return candidate
    return None


@cache
def _codes() -> dict[str, str]:
    """Match key of a country name, either language -> its ISO 3166-1 alpha-3 code."""
    import pycountry

    codes: dict[str, str] = {}
    for alpha_2, names in country_names().items():
        alpha_3 = pycountry.countries.get(alpha_2=alpha_2).alpha_3
        for name in names:
            codes.setdefault(match_key(name), alpha_3)
    return codes


def country_code(name: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code of a country name as printed, in English or French, with or
    without its article (``Sénégal``, ``Senegal``, ``The Gambia``, ``Cabo Verde``, ``Cap-Vert``:
    ``SEN``, ``SEN``, ``GMB``, ``CPV``, ``CPV``); None for a name that is no country's."""
    if not name or not name.strip():
        return None
    codes, name = _codes(), name.strip(_NAME_TRIM)
    code = codes.get(match_key(name))
    if code is None:
        first, _, rest = name.partition(" ")
        if rest and match_key(first) in _articles():
            code = codes.get(match_key(rest))
    return code
