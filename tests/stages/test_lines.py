"""Page glyphs -> lines: baselines, column gaps, drawn edges, markers, superscripts."""

from __future__ import annotations

import pytest

from builders import chars, page
from factextract.model import BBox
from factextract.stages.lines import chars_to_lines
from factextract.text.markers import starts_with_marker


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


def test_a_drawn_space_marks_a_word_boundary_even_when_the_gap_is_tight():
    from factextract.model import Char

    word1 = chars("pays", 50, 100)
    x = word1[-1].bbox.x1
    space = Char(" ", "Helvetica", 10.0, BBox(x, 92, x + 1.0, 102), 100)
    word2 = chars("partenaires", x + 1.0, 100)
    (ln,) = chars_to_lines(page(word1, [space], word2))
    assert ln.text == "pays partenaires"


def test_letter_spaced_capitals_keep_their_words():
    # Tracked 2.2 pt per glyph: every glyph gap is 2.2, a word space 2.2 + a space + 2.2.
    runs, x = [], 40.0
    for word in ("THE", "REFERENCE", "COUNTRY"):
        for ch in word:
            runs.append(chars(ch, x, 100, size=10.5))
            x += 10.5 * 0.5 + 2.2
        x += 3.0 + 2.2
    (ln,) = chars_to_lines(page(*runs))
    assert ln.text == "THE REFERENCE COUNTRY"


def test_small_lines_beside_a_large_title_stay_separate_lines():
    title = chars("Belgique", 30, 47, size=28, font="Helvetica-Bold")
    label = chars("Pays référent", 172, 34, size=10, font="Helvetica-Bold")
    domain = chars("Domaine 2 : Migration", 172, 46.5, size=10)
    assert sorted(texts(chars_to_lines(page(title, label, domain)))) == [
        "Belgique", "Domaine 2 : Migration", "Pays référent"]


def test_wide_justified_word_gaps_are_not_columns():
    runs, x = [], 40.0
    for word in ("Recommandations", "sur", "la", "reconnaissance", "des"):
        runs.append(chars(word, x, 100, size=10))
        x += len(word) * 5 + 13.6  # every word gap 1.36 em
    (ln,) = chars_to_lines(page(*runs))
    assert ln.text == "Recommandations sur la reconnaissance des"


def test_one_wide_gap_among_narrow_ones_is_a_column():
    left = chars("Mai 2021", 30, 100)
    right = chars("Lancement du projet", 30 + 8 * 5 + 14, 100)  # 1.4 em after the label
    assert texts(chars_to_lines(page(left, right))) == ["Mai 2021", "Lancement du projet"]


@pytest.mark.parametrize("marker, font", [("o", "CourierNewPSMT"), ("1)", "Helvetica"), ("a)", "Helvetica")])
def test_a_list_marker_stays_with_its_text_across_a_gap_and_a_face_change(marker, font):
    runs = [chars(marker, 40, 100, font=font), chars("Atelier régional", 40 + 9.1 + len(marker) * 5, 100,
                                                    font="Helvetica-Bold")]
    (ln,) = chars_to_lines(page(*runs))
    assert ln.text.endswith("Atelier régional")
    assert starts_with_marker(ln)


def test_dots_on_a_drawn_timeline_line_are_not_bullets():
    dot, node = BBox(40, 96, 43, 99), BBox(40, 126, 43, 129)
    with_line = page(chars("Bullet text", 50, 100), chars("Entry text", 50, 130),
                     rects=())
    from dataclasses import replace

    bullets_only = replace(with_line, marks=(dot, node))
    timeline = replace(with_line, marks=(dot, node), rules=(BBox(41, 80, 42, 160),))
    assert [ln.drawn_marker for ln in chars_to_lines(bullets_only)] == [True, True]
    assert [ln.drawn_marker for ln in chars_to_lines(timeline)] == [False, False]


def test_a_footnote_number_set_apart_from_its_note_stays_on_its_line():
    number = chars("1", 48.0, 739.4, size=4.34, raise_by=2.6)
    note = chars("DGDI : Direction générale de la documentation", 53.0, 742.0, size=7)
    (ln,) = chars_to_lines(page(number, note))
    assert ln.text.startswith("1") and ln.spans[0].superscript
