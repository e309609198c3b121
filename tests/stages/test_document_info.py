"""Sections -> document fields: title, country, domain and action."""

from __future__ import annotations

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
