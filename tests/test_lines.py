"""chars -> lines -> reading order -> blocks, on glyphs built by hand."""

from __future__ import annotations

import pytest

from builders import chars, page
from factextract.lines import chars_to_lines, lines_to_blocks, order_lines
from factextract.model import BBox


def texts(lines):
    return [ln.text for ln in lines]


def test_words_on_one_baseline_make_one_line_with_spaces_from_gaps():
    p = page(chars("Retour et", 50, 100), chars("réintégration", 50 + 10 * 5, 100))
    assert texts(chars_to_lines(p)) == ["Retour et réintégration"]


def test_a_wide_gap_splits_columns():
    p = page(chars("Mai 2021", 30, 100), chars("Lancement du projet", 120, 100))
    assert texts(chars_to_lines(p)) == ["Mai 2021", "Lancement du projet"]


def test_a_drawn_box_edge_splits_a_line_even_across_a_small_gap():
    left, right = chars("gauche", 30, 100), chars("droite", 66, 100)
    p = page(left, right, rects=[BBox(20, 80, 62, 120), BBox(62, 80, 200, 120)])
    assert texts(chars_to_lines(p)) == ["gauche", "droite"]


@pytest.mark.parametrize("marker_font", ["Wingdings-Regular", "ABCDEF+ZapfDingbats", "Symbol"])
def test_symbol_font_bullet_stays_on_its_line_across_a_hanging_indent(marker_font):
    p = page(chars("9", 30, 100, font=marker_font), chars("Facteurs de succès", 52, 100))
    (ln,) = chars_to_lines(p)
    assert ln.spans[0].fontname == marker_font and ln.spans[0].text == "9"


def test_superscript_digit_is_a_superscript_span_on_the_same_line():
    body = chars("programme MIEUX+", 50, 100)
    sup = chars("1", body[-1].bbox.x1, 100, size=6.0, raise_by=3.5)
    (ln,) = chars_to_lines(page(body, sup))
    assert ln.text == "programme MIEUX+1"
    assert [(s.text, s.superscript) for s in ln.spans] == [("programme MIEUX+", False), ("1", True)]


def test_ligature_is_normalised():
    (ln,) = chars_to_lines(page(chars("eﬃcace", 50, 100)))
    assert ln.text == "efficace"


def _two_column_page(order: str):
    left = [chars("Colonne gauche un", 30, 100), chars("Colonne gauche deux", 30, 112)]
    right = [chars("Colonne droite un", 300, 100), chars("Colonne droite deux", 300, 112)]
    title = [chars("TITRE", 30, 60, size=16)]
    runs = title + left + right if order == "natural" else right[::-1] + left + title
    return page(*runs)


@pytest.mark.parametrize("order", ["natural", "scrambled"])
def test_reading_order_is_title_then_left_column_then_right(order):
    p = _two_column_page(order)
    assert texts(order_lines(chars_to_lines(p), p)) == [
        "TITRE", "Colonne gauche un", "Colonne gauche deux", "Colonne droite un", "Colonne droite deux"]


def test_a_drawn_box_is_read_whole_before_what_lies_beside_it():
    # Two boxes side by side whose lines share baselines: without the boxes, rows would mix.
    runs = [chars("Boite A un", 30, 100), chars("Boite A deux", 30, 112),
            chars("Boite B un", 200, 100), chars("Boite B deux", 200, 112)]
    p = page(*runs, rects=[BBox(20, 85, 150, 120), BBox(190, 85, 320, 120)])
    assert texts(order_lines(chars_to_lines(p), p)) == ["Boite A un", "Boite A deux", "Boite B un", "Boite B deux"]


def test_blocks_split_at_vertical_gaps_markers_and_style():
    runs = [chars("Premier paragraphe", 30, 100), chars("qui continue", 30, 112),
            chars("Second paragraphe", 30, 140),
            chars("9", 30, 152, font="Wingdings"), chars("Une puce", 45, 152),
            chars("TITRE GRAS", 30, 180, font="Helvetica-Bold")]
    p = page(*runs)
    blocks = lines_to_blocks(order_lines(chars_to_lines(p), p))
    assert [b.text for b in blocks] == ["Premier paragraphe qui continue", "Second paragraphe", "9 Une puce",
                                        "TITRE GRAS"]


def test_a_drawn_space_marks_a_word_boundary_even_when_the_gap_is_tight():
    from factextract.model import Char

    word1 = chars("pays", 50, 100)
    x = word1[-1].bbox.x1
    space = Char(" ", "Helvetica", 10.0, BBox(x, 92, x + 1.0, 102), 100)
    word2 = chars("partenaires", x + 1.0, 100)
    (ln,) = chars_to_lines(page(word1, [space], word2))
    assert ln.text == "pays partenaires"
