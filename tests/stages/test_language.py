"""Text -> fr | en, by function words."""

from __future__ import annotations

import pytest

from factextract.stages.language import detect_language


@pytest.mark.parametrize("text, lang", [
    ("Mise en place d’un guichet diaspora visant à prendre en charge le retour des migrants", "fr"),
    ("Launch of a national programme for the return and reintegration of migrants in the region", "en"),
    ("", None),
    ("ةيبرعلا طوطلخا", None),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("le the", "fr"),                        # one function word each: French wins the tie
    ("les pays of the", "fr"),               # two each
    ("le of the", "en"),
])
def test_a_tie_goes_to_french(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("qu’en the", "en"),      # "qu’en" is one word, not the French "en"
    ("qu'en the", "en"),      # with a straight apostrophe too
    ("d’un of", "en"),
    ("country's le", "fr"),   # "country's" is one word, not the English "country"
])
def test_a_word_with_an_apostrophe_is_one_word(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("MISE EN ŒUVRE DU PLAN", "fr"),
    ("THE WAY FORWARD FOR THE REGION", "en"),
    ("Pour The Of", "en"),
])
def test_words_are_counted_case_folded(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [
    ("Implementation of the Plan : la mise en œuvre du plan d’action", "fr"),    # 2 English, 5 French
    ("Mise en œuvre : the implementation of the plan in the region and beyond", "en"),  # 3 French, 6 English
])
def test_a_text_mixing_both_goes_to_the_language_with_more_function_words(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", [
    "2021 2022 12/03/2021",        # numbers are not words
    "theory ensemble ledger",      # function words count as whole words only
    "Dakar Abuja Rabat",
])
def test_a_text_without_function_words_has_no_language(text):
    assert detect_language(text) is None
