"""List and footnote markers, from glyphs, spans and text."""

from __future__ import annotations

import pytest

from builders import chars, line
from factextract.model import Span
from factextract.text.markers import (
    bracket_markers, is_footnote_marker, is_marker_glyph, is_marker_run, is_numbered_marker, may_be_marker,
    note_marker, split_markers, starts_with_marker, text_marker, unicode_superscript_runs,
)


@pytest.mark.parametrize("text, font, next_font, marker", [
    ("9", "Wingdings-Regular", "Arial", True),       # a symbol-font glyph, whatever its code point
    ("•", "Arial", "Arial", True),                    # a bullet character
    ("→", "Arial", None, True),                       # an arrow character
    ("o", "CourierNewPSMT", "Arial", True),           # Word's level-2 "o", in another font
    ("o", "Arial", "Arial", False),                   # the letter o, in the text's own font
    ("-", "Arial", "Arial", False),                   # a dash is told by the space after it, as text
    ("ab", "Wingdings", "Arial", False),              # not a lone glyph
    ("\uf0b7", "CIDFont+F3", "CIDFont+F2", True),     # a private-use code point: Word's Symbol bullet
    ("\ue001", "Arial", "Arial", True),                # an icon font's glyph, whatever the font's name
])
def test_is_marker_glyph(text, font, next_font, marker):
    assert is_marker_glyph(text, font, next_font) is marker


@pytest.mark.parametrize("text, numbered", [("1)", True), ("12.", True), ("a)", True), ("iv.", True),
                                            ("12", False), ("2021.", False), ("A)", True)])
def test_is_numbered_marker(text, numbered):
    assert is_numbered_marker(text) is numbered


@pytest.mark.parametrize("text, kind, rest", [
    ("• Un point", "bullet", "Un point"),
    ("➢Une flèche", "arrow", "Une flèche"),
    ("– Un détail", "dash", "Un détail"),
    ("-2 % de frais", None, "-2 % de frais"),
    ("2) Suite", "number", "Suite"),
    ("  b. Lettre", "number", "Lettre"),
    ("12 pays", None, "12 pays"),
    ("   ", None, "   "),
])
def test_text_marker(text, kind, rest):
    assert text_marker(text) == (kind, rest)


@pytest.mark.parametrize("spans, marker", [
    ((Span("9", "Wingdings", 9), Span(" Facteurs", "Arial", 9)), True),
    ((Span("o", "CourierNewPSMT", 9), Span(" Sous-point", "Arial", 9)), True),
    ((Span("– Un détail", "Arial", 9),), True),
    ((Span("Un paragraphe", "Arial", 9),), False),
    ((Span("-2 % de frais", "Arial", 9),), False),
])
def test_starts_with_marker(spans, marker):
    text = "".join(s.text for s in spans)
    assert starts_with_marker(line(text, spans=spans)) is marker


def test_may_be_marker_and_marker_runs_keep_a_marker_with_its_text():
    bullet, number, word = chars("•", 40, 100), chars("12.", 40, 100), chars("Texte", 60, 100)
    dash, icon = chars("–", 40, 100), chars("\uf0b7", 40, 100, font="CIDFont+F3")
    assert may_be_marker(bullet) and may_be_marker(number) and may_be_marker(icon) and not may_be_marker(word)
    assert is_marker_run(bullet, word[0]) and is_marker_run(number, word[0])
    assert is_marker_run(dash, word[0]) and is_marker_run(icon, word[0])
    assert not is_marker_run(chars("Mai", 40, 100), word[0])


@pytest.mark.parametrize("text, before, marker", [
    ("1", "", True), ("2,3", "OIM", True), ("**", "", True), ("a", "IOM", True),
    ("e", "2", False),   # "2e": an ordinal
    ("er", "1", False),  # "1er"
    ("12345", "", False),
])
def test_is_footnote_marker(text, before, marker):
    assert is_footnote_marker(text, before) is marker


@pytest.mark.parametrize("text, found", [
    ("1 MIEUX+ - L’initiative", ("1", "MIEUX+ - L’initiative")),
    ("¹² OFII", ("12", "OFII")),
    ("[3] BCV – Banco", ("3", "BCV – Banco")),
    ("** Chiffres", ("**", "Chiffres")),
    ("Source : enquête", None),
    ("1", None),
])
def test_note_marker(text, found):
    assert note_marker(text) == found


def test_markers_inside_text():
    assert split_markers(" 1, 2 ") == ["1", "2"]
    assert list(unicode_superscript_runs("IOM³ et UNHCR⁴⁵")) == [(3, 4, "3"), (13, 15, "45")]
    assert list(bracket_markers("(BCV)[1] and IOM[2], see [3]")) == [(5, 8, "1"), (16, 19, "2")]
