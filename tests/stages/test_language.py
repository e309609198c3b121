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
