"""List and footnote markers, from glyphs, spans and text."""

from __future__ import annotations

import pytest

from builders import chars, line
from factextract.model import Span
from factextract.text.markers import (
    MAX_NUMBERED_MARKER_GLYPHS, MAX_NUMBERED_MARKER_RUN, bracket_markers, is_footnote_marker, is_marker_glyph,
    is_marker_run, is_numbered_marker, may_be_marker,
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
                                            ("12", False), ("2021.", False), ("A)", True),
                                            # a point of a numbered outline, closed by punctuation
                                            ("1.2:", True), ("3.4.", True), ("2.1.3)", True),
                                            ("1.5", False), ("1,5.", False)])
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


@pytest.mark.parametrize("text, kind, rest", [
    ("1.2: Scale up the programme", "number", "Scale up the programme"),
    ("3.4. Foo", "number", "Foo"),
    ("2.1.3 Titre de la sous-partie", "number", "Titre de la sous-partie"),   # before a capital
    ("1.2 Éducation", "number", "Éducation"),                                   # an accented one
    ("2.1) Suite", "number", "Suite"),
    ("1.5 million migrants", None, "1.5 million migrants"),   # a figure: no capital after it
    ("2.1.3 titre", None, "2.1.3 titre"),
    ("12 pays", None, "12 pays"),
    ("1.2:Scale", None, "1.2:Scale"),                         # no space after the outline number
    ("123.4 Foo", None, "123.4 Foo"),                         # at most two digits a level
    ("1.2", None, "1.2"),                                     # nothing follows it
], ids=["colon", "period", "before-a-capital", "accented-capital", "parenthesis", "figure", "lower-case",
        "bare-number", "glued", "three-digits", "alone"])
def test_an_outline_number_is_a_numbered_marker(text, kind, rest):
    """Reports number their points "1.2:", "3.4." or "2.1.3 Titre"; a figure ("1.5 million")
    stays text. The pattern is data: ``numbered_marker`` in vocab/common/glyphs.yaml."""
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


@pytest.mark.parametrize("glyphs, marker", [("iv.", True), ("1.2.", False)])
def test_a_marker_waiting_for_its_text_is_at_most_max_numbered_marker_glyphs(glyphs, marker):
    assert len(glyphs) == MAX_NUMBERED_MARKER_GLYPHS + (not marker)
    assert may_be_marker(chars(glyphs, 40, 100)) is marker


@pytest.mark.parametrize("glyphs, marker", [("1.2:", True), ("11.2:", False)])
def test_a_number_before_a_gap_is_a_marker_of_at_most_max_numbered_marker_run_glyphs(glyphs, marker):
    """An outline number before its hanging indent is kept with its text, not split off as a column."""
    assert len(glyphs) == MAX_NUMBERED_MARKER_RUN + (not marker)
    assert is_marker_run(chars(glyphs, 40, 100), chars("Titre", 80, 100)[0]) is marker


@pytest.mark.parametrize("text, before, marker", [
    ("1", "", True), ("2,3", "OIM", True), ("**", "", True), ("a", "IOM", True), ("†", "OIM", True),
    ("‡‡", "OIM", True), ("†††", "OIM", False),
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
    ("† OIM – Organisation", ("†", "OIM – Organisation")),   # the typographers' symbols after *
    ("§ GIZ", ("§", "GIZ")),
    ("§39.13 [Amended]", None),              # a section sign before its number
    ("§ 2 du règlement", None),
    ("Source : enquête", None),
    ("1", None),
    ("1 GAO analysis of agency data", ("1", "GAO analysis of agency data")),
    ("12 Foo", ("12", "Foo")),
    ("¹ OFII", ("1", "OFII")),
    ("[2] x", ("2", "x")),
    # The start of a figure or of a point's number is no note's marker.
    ("3.1: Hold the first workshop", None),
    ("2,5 millions de personnes", None),
    ("1.2. Suite", None),
    ("123 abc", None),                       # at most two digits
])
def test_note_marker(text, found):
    assert note_marker(text) == found


def test_markers_inside_text():
    assert split_markers(" 1, 2 ") == ["1", "2"]
    assert list(unicode_superscript_runs("IOM³ et UNHCR⁴⁵")) == [(3, 4, "3"), (13, 15, "45")]
    assert list(bracket_markers("(BCV)[1] and IOM[2], see [3]")) == [(5, 8, "1"), (16, 19, "2")]
