"""Sections -> document fields: title, country, domain and action."""

from __future__ import annotations

import unicodedata

import pytest

from builders import block, section
from factextract.model import Section
from factextract.stages.document_info import MAX_TITLE_CHARS, document_info


def _header(heading, subheadings=(), blocks=()):
    return Section("d:s1", 1, "header", heading, 1, subheadings=tuple(subheadings), blocks=tuple(blocks))


def test_fields_come_from_the_header_and_the_progress_subheadings():
    header = _header("Cameroun", ["Pays référent", "Domaine 5 : Retour, réadmission et réintégration"])
    progress = Section("d:s2", 2, "progress", "PROGRÈS", 1,
                       subheadings=("Mise en œuvre du Plan d’Action de Marrakech",
                                    "Action 20 : Échanger les bonnes pratiques"))
    info = document_info([header, progress], "fr", "fr")
    assert (info.title, info.language, info.country) == ("Cameroun", "fr", "Cameroun")
    assert (info.domain_number, info.domain_title) == (5, "Retour, réadmission et réintégration")
    assert (info.action_number, info.action_title) == (20, "Échanger les bonnes pratiques")


def test_a_field_in_the_other_language_is_still_read():
    header = _header("The Gambia", ["Reference country", "Domaine 3 : Protection"])
    info = document_info([header], "en", "en")
    assert (info.country, info.domain_number, info.domain_title) == ("The Gambia", 3, "Protection")


def test_the_country_may_be_in_a_header_block_rather_than_the_title():
    header = _header("FICHE PAYS", blocks=[block("Pays référent : Côte d'Ivoire")])
    assert document_info([header], "fr", "fr").country == "Côte d'Ivoire"


def test_a_long_title_is_cut_at_a_word_and_no_header_gives_no_fields():
    long = " ".join(["mot"] * 100)
    title = document_info([_header(long)], "fr", None).title
    assert len(title) <= MAX_TITLE_CHARS + 1 and title.endswith("mot…")
    assert document_info([section([block("Texte.")])], "fr", None) == document_info([], "fr", None)


def _fields(info):
    return (info.domain_number, info.domain_title, info.action_number, info.action_title)


@pytest.mark.parametrize("lines, language, want", [
    (["Domaine 5 : Retour, réadmission", "Action 20 : Échanger"], "fr",
     (5, "Retour, réadmission", 20, "Échanger")),
    (["Domain 3: Protection", "Action 12: Strengthen"], "en", (3, "Protection", 12, "Strengthen")),
    (["DOMAINE 5 – Retour", "ACTION 20. Échanger"], "fr", (5, "Retour", 20, "Échanger")),  # any case; a dash, a period
    (["Domain  3 :   Protection   and asylum"], "en", (3, "Protection and asylum", None, None)),  # spaces squashed
    (["Action 120: Strengthen"], "en", (None, None, 120, "Strengthen")),                  # up to three digits
    (["Domain 123: Protection"], "en", (None, None, None, None)),                         # at most two digits
    (["Domain: Protection", "Action 12 Strengthen"], "en", (None, None, None, None)),     # number and separator needed
    (["Domain 3: Protection", "Domaine 5 : Retour"], "fr", (5, "Retour", None, None)),     # its own language first,
    (["Domaine 5 : Retour", "Domain 3: Protection"], "en", (3, "Protection", None, None)),  # before the first line
])
def test_domain_and_action_are_read_by_the_field_patterns_of_both_languages(lines, language, want):
    assert _fields(document_info([_header("Cameroun", lines)], language, language)) == want


def test_a_field_title_in_decomposed_unicode_is_read_composed():
    decomposed = unicodedata.normalize("NFD", "Action 20 : Échanger les bonnes pratiques")
    info = document_info([_header("Cameroun", [decomposed])], "fr", "fr")
    assert (info.action_number, info.action_title) == (20, "Échanger les bonnes pratiques")


def test_the_first_line_that_matches_gives_the_field_header_lines_first():
    header = _header("Cameroun", ["Action 20 : Échanger"])
    progress = Section("d:s2", 2, "progress", "PROGRÈS", 1, subheadings=("Action 6 : Renforcer",))
    info = document_info([progress, header], "fr", "fr")
    assert (info.action_number, info.action_title) == (20, "Échanger")


def test_fields_are_read_from_the_header_blocks_too():
    header = _header("Cameroun", blocks=[block("Domaine 5 : Retour")])
    assert _fields(document_info([header], "fr", "fr")) == (5, "Retour", None, None)


def test_without_a_header_fields_still_come_from_the_subheadings_of_other_sections():
    progress = Section("d:s1", 1, "progress", "PROGRÈS", 1, subheadings=("Action 20 : Échanger",))
    info = document_info([progress], "fr", "fr")
    assert (info.title, info.country, info.action_number, info.action_title) == (None, None, 20, "Échanger")


@pytest.mark.parametrize("length, cut", [(MAX_TITLE_CHARS, False), (MAX_TITLE_CHARS + 1, True)])
def test_a_title_longer_than_max_title_chars_is_cut_at_a_word(length, cut):
    title = ("Cameroun " * 40)[:length]  # 22 words and "Ca" in MAX_TITLE_CHARS
    want = "Cameroun " * 21 + "Cameroun…" if cut else title
    assert document_info([_header(title)], "fr", "fr").title == want


@pytest.mark.parametrize("heading, language, country", [
    ("The Gambia", "en", "The Gambia"),
    ("La Gambie", "fr", "La Gambie"),
    ("LA GAMBIE", "fr", "LA GAMBIE"),                    # as printed
    ("La Gambie et le Sénégal", "fr", "La Gambie"),      # the first country named
    ("Sierra Leone", "en", "Sierra Leone"),
    ("FICHE PAYS", "fr", None),
])
def test_the_country_is_printed_with_its_leading_article(heading, language, country):
    assert document_info([_header(heading)], language, language).country == country


def test_the_language_is_the_detected_one_not_the_one_read_in():
    assert document_info([_header("Cameroun")], "fr", None).language is None
    assert document_info([_header("Cameroun")], "fr", "en").language == "en"


def test_a_header_without_a_heading_has_no_title_but_may_name_the_country():
    info = document_info([_header(None, ["Pays référent", "Cameroun"])], "fr", "fr")
    assert (info.title, info.country) == (None, "Cameroun")
