"""Page glyphs -> lines: baselines, column gaps, drawn edges, markers, superscripts."""

from __future__ import annotations

import dataclasses

import pytest

from builders import chars, page
from factextract.model import POSITION_TOLERANCE, BBox, Char
from factextract.stages.lines import (
    BASELINE_TOLERANCE_EM, COLUMN_GAP_EM, DRAWN_MARKER_DROP_EM, DRAWN_MARKER_GAP_EM, DROP_CAP_GAP_EM,
    DROP_CAP_SIZE_RATIO, DROP_CAP_WIDTH_EM, EDGE_TOLERANCE, GLUED_GAP_EM, GUTTER_GAP_EM, JOIN_GAP_EM,
    JUSTIFIED_GAP_RATIO, LINE_OVERLAP, MARKER_GAP_EM, MAX_LABEL_WORDS, MAX_NOTE_NUMBER_CHARS, MIN_DIGIT_SAMPLES,
    MAX_JUSTIFIED_GAP_EM, MEASURE_START_EM, MIN_EDGE_LINES,
    MIN_SPACE_GAP_SHARE, NOTE_NUMBER_GAP_EM, NOTE_TEXT_SIZE_RATIO, RAISED_FIGURE_EM, SPACE_BASELINE_TOLERANCE,
    SPINE_TOLERANCE,
    SUPERIOR_WIDTH_RATIO, SUPERSCRIPT_RAISE_EM, SUPERSCRIPT_SIZE_RATIO, WEIGHT_CHANGE_GAP_EM, WORD_GAP_EM, chars_to_lines,
)
from factextract.text.glyph_text import char_edges
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


# --- word spaces -------------------------------------------------------------------------------

SIZE = 10.0  # the body size of the hand-built lines below


def _end(run):
    """x where a run of glyphs ends."""
    return run[-1].bbox.x1


def _words(words, x, gap, baseline=100.0, size=SIZE):
    """Runs of glyphs, one per word, ``gap`` points apart (where ``chars`` would leave a space)."""
    runs = []
    for word in words:
        runs.append(chars(word, x, baseline, size=size))
        x = _end(runs[-1]) + gap
    return runs


def _space(x, baseline, size=SIZE):
    """A drawn space glyph one point wide at x."""
    return Char(" ", "Helvetica", size, BBox(x, baseline - 0.8 * size, x + 1.0, baseline + 0.2 * size), baseline)


@pytest.mark.parametrize("gap_em, want", [
    (WORD_GAP_EM - 0.01, ["motclé"]),   # kerning, not a space
    (WORD_GAP_EM + 0.01, ["mot clé"]),
])
def test_a_word_space_is_a_gap_wider_than_WORD_GAP_EM(gap_em, want):
    assert texts(chars_to_lines(page(*_words(["mot", "clé"], 50, gap_em * SIZE)))) == want


@pytest.mark.parametrize("offset, want", [
    (SPACE_BASELINE_TOLERANCE, ["pays partenaires"]),
    (SPACE_BASELINE_TOLERANCE + 1, ["payspartenaires"]),   # a space of the line below
])
def test_a_drawn_space_marks_a_word_boundary_only_near_the_glyphs_baseline(offset, want):
    word1 = chars("pays", 50, 100)
    word2 = chars("partenaires", _end(word1) + 1.0, 100)
    p = page(word1, [_space(_end(word1), 100 + offset)], word2)
    assert texts(chars_to_lines(p)) == want


def test_drawn_spaces_across_a_column_gap_do_not_join_the_columns():
    left = chars("Mai 2021", 30, 100)
    spaces = [_space(x, 100) for x in range(75, 120, 5)]
    p = page(left, spaces, chars("Lancement du projet", 120, 100))
    assert texts(chars_to_lines(p)) == ["Mai 2021", "Lancement du projet"]


@pytest.mark.parametrize("ws", ["\t", "\n", "\r"])
def test_a_glyph_of_whitespace_other_than_a_space_is_ignored(ws):
    word = chars("mot", 50, 100)
    stray = Char(ws, "Helvetica", SIZE, BBox(70, 92, 75, 102), 100)
    assert chars_to_lines(page([stray])) == ()
    (ln,) = chars_to_lines(page(word, [stray]))
    assert (ln.text, ln.bbox) == ("mot", BBox.around([c.bbox for c in word]))


# --- column gaps -------------------------------------------------------------------------------

@pytest.mark.parametrize("gap_em, want", [
    (COLUMN_GAP_EM - 0.05, ["Mai 2021 Lancement du projet"]),
    (COLUMN_GAP_EM + 0.05, ["Mai 2021", "Lancement du projet"]),
])
def test_a_gap_wider_than_COLUMN_GAP_EM_among_word_spaces_splits_columns(gap_em, want):
    left = chars("Mai 2021", 30, 100)
    right = chars("Lancement du projet", _end(left) + gap_em * SIZE, 100)
    assert texts(chars_to_lines(page(left, right))) == want


@pytest.mark.parametrize("excess, want", [
    (-0.5, ["Recommandations sur la reconnaissance des"]),
    (+0.5, ["Recommandations sur la", "reconnaissance des"]),
])
def test_in_justified_text_a_column_gap_is_JUSTIFIED_GAP_RATIO_times_the_usual_word_gap(excess, want):
    usual = 1.3 * SIZE  # every word gap already wider than COLUMN_GAP_EM
    left = _words(["Recommandations", "sur", "la"], 40, usual)
    right = _words(["reconnaissance", "des"], _end(left[-1]) + JUSTIFIED_GAP_RATIO * usual + excess, usual)
    assert texts(chars_to_lines(page(*left, *right))) == want


@pytest.mark.parametrize("gap_em, want", [
    (JOIN_GAP_EM - 0.05, ["un deux trois"]),
    (JOIN_GAP_EM + 0.05, ["un", "deux", "trois"]),
])
def test_glyphs_further_apart_than_JOIN_GAP_EM_never_share_a_line(gap_em, want):
    # Every gap equal: justified text, never a column by the ratio rule.
    assert texts(chars_to_lines(page(*_words(["un", "deux", "trois"], 40, gap_em * SIZE)))) == want


@pytest.mark.parametrize("gap_em, want", [
    (MARKER_GAP_EM - 0.1, ["• Atelier régional"]),
    (MARKER_GAP_EM + 0.1, ["•", "Atelier régional"]),
])
def test_a_lone_list_marker_may_stand_MARKER_GAP_EM_before_its_text(gap_em, want):
    marker = chars("•", 40, 100)
    p = page(marker, chars("Atelier régional", _end(marker) + gap_em * SIZE, 100))
    assert texts(chars_to_lines(p)) == want


@pytest.mark.parametrize("label_font, entry_font, gap_em, want", [
    ("Helvetica-Bold", "Helvetica", WEIGHT_CHANGE_GAP_EM - 0.05, ["Mai 2021 Lancement du projet"]),
    ("Helvetica-Bold", "Helvetica", WEIGHT_CHANGE_GAP_EM + 0.05, ["Mai 2021", "Lancement du projet"]),
    ("Helvetica", "Helvetica-Bold", WEIGHT_CHANGE_GAP_EM + 0.05, ["Mai 2021", "Lancement du projet"]),
    ("Helvetica", "Helvetica", WEIGHT_CHANGE_GAP_EM + 0.05, ["Mai 2021 Lancement du projet"]),  # no change
])
def test_a_change_of_weight_splits_at_a_gap_wider_than_WEIGHT_CHANGE_GAP_EM(label_font, entry_font, gap_em, want):
    label = chars("Mai 2021", 30, 100, font=label_font)
    entry = chars("Lancement du projet", _end(label) + gap_em * SIZE, 100, font=entry_font)
    assert texts(chars_to_lines(page(label, entry))) == want


def _label_beside_entries(entries: int, entry_shift: float = 0.0, label_font: str = "Helvetica-Bold"):
    """A label a word space (0.4 em) before its entry at x=120, above ``entries`` lines that
    start there too (a timeline's entry column)."""
    label = chars("Mai 2021", 76, 100, font=label_font)  # ends at 116
    entry = chars("Lancement", 120 + entry_shift, 100)
    below = [chars(f"Suite {i}", 120, 115 + 15 * i) for i in range(entries)]
    return page(label, entry, *below)


@pytest.mark.parametrize("entries, entry_shift, label_font, want", [
    (MIN_EDGE_LINES, 0.0, "Helvetica-Bold", ["Mai 2021", "Lancement"]),
    (MIN_EDGE_LINES - 1, 0.0, "Helvetica-Bold", ["Mai 2021 Lancement"]),                 # too few lines
    (MIN_EDGE_LINES, EDGE_TOLERANCE - 0.1, "Helvetica-Bold", ["Mai 2021", "Lancement"]),
    (MIN_EDGE_LINES, EDGE_TOLERANCE + 0.1, "Helvetica-Bold", ["Mai 2021 Lancement"]),    # off the edge
    (MIN_EDGE_LINES, 0.0, "Helvetica", ["Mai 2021 Lancement"]),                          # no change of font
])
def test_a_left_edge_shared_by_MIN_EDGE_LINES_lines_splits_a_line_where_the_font_changes(
        entries, entry_shift, label_font, want):
    p = _label_beside_entries(entries, entry_shift, label_font)
    assert [ln.text for ln in chars_to_lines(p) if ln.bbox.top < 100] == want


# --- baselines, superscripts, footnote numbers ---------------------------------------------------

@pytest.mark.parametrize("drop, gap, want", [
    (BASELINE_TOLERANCE_EM * SIZE - 0.1, GLUED_GAP_EM * SIZE + 1, ["mot clé"]),
    (BASELINE_TOLERANCE_EM * SIZE + 0.1, GLUED_GAP_EM * SIZE + 1, ["mot", "clé"]),
    (BASELINE_TOLERANCE_EM * SIZE + 0.1, GLUED_GAP_EM * SIZE - 0.5, ["mot clé"]),  # glued on
])
def test_glyphs_on_another_baseline_join_only_within_BASELINE_TOLERANCE_EM_or_glued(drop, gap, want):
    word = chars("mot", 50, 100)
    assert texts(chars_to_lines(page(word, chars("clé", _end(word) + gap, 100 + drop)))) == want


@pytest.mark.parametrize("drop, want", [
    ((1 - LINE_OVERLAP) * SIZE - 0.1, ["motclé"]),
    ((1 - LINE_OVERLAP) * SIZE + 0.1, ["mot", "clé"]),
])
def test_glued_glyphs_share_a_line_only_when_they_overlap_by_LINE_OVERLAP(drop, want):
    word = chars("mot", 50, 100)
    assert texts(chars_to_lines(page(word, chars("clé", _end(word), 100 + drop)))) == want


@pytest.mark.parametrize("size, rise, superscript", [
    (6.0, SUPERSCRIPT_RAISE_EM * SIZE + 0.2, True),
    (6.0, SUPERSCRIPT_RAISE_EM * SIZE - 0.2, False),               # not raised enough
    (SUPERSCRIPT_SIZE_RATIO * SIZE - 0.1, 2.0, True),
    (SUPERSCRIPT_SIZE_RATIO * SIZE + 0.1, 2.0, False),             # not small enough
    (6.0, -2.0, False),                                            # a subscript
])
def test_a_superscript_is_smaller_than_SUPERSCRIPT_SIZE_RATIO_and_raised_SUPERSCRIPT_RAISE_EM(size, rise, superscript):
    body = chars("programme", 50, 100)
    (ln,) = chars_to_lines(page(body, chars("1", _end(body), 100, size=size, raise_by=rise)))
    assert [(s.text, s.superscript) for s in ln.spans] == [("programme", False), ("1", superscript)]


@pytest.mark.parametrize("text, rise, superscript", [
    ("1", RAISED_FIGURE_EM * SIZE + 0.2, True),    # a figure at full size, raised (Word's "raised")
    ("1", RAISED_FIGURE_EM * SIZE - 0.2, False),   # not raised enough
    ("a", RAISED_FIGURE_EM * SIZE + 0.2, False),   # a letter at full size is no note's number
])
def test_a_figure_at_full_size_raised_RAISED_FIGURE_EM_is_a_superscript(text, rise, superscript):
    body = chars("programme", 50, 100)
    (ln,) = chars_to_lines(page(body, chars(text, _end(body), 100, raise_by=rise)))
    want = [("programme", False), (text, True)] if superscript else [("programme" + text, False)]
    assert [(s.text, s.superscript) for s in ln.spans] == want


def test_a_figure_at_full_size_raised_after_a_figure_is_no_superscript():
    # a stacked fraction's numerator, a power's exponent: no word before it
    body = chars("x = 10", 50, 100)
    (ln,) = chars_to_lines(page(body, chars("2", _end(body), 100, raise_by=RAISED_FIGURE_EM * SIZE + 1)))
    assert [s.superscript for s in ln.spans] == [False]


@pytest.mark.parametrize("rise, want", [
    (5.0, 1.8),   # the body's glyphs top at 92, a 6-point "1" raised 5 points at 90.2
    (2.0, 0.0),   # raised 2 points, it tops at 93.2: below the body's top
])
def test_superscript_rise_is_how_far_a_superscript_tops_the_lines_full_size_glyphs(rise, want):
    body = chars("programme", 50, 100)
    (ln,) = chars_to_lines(page(body, chars("1", _end(body), 100, size=6.0, raise_by=rise)))
    assert ln.spans[-1].superscript
    assert ln.superscript_rise == pytest.approx(want)


def test_a_line_without_superscripts_has_no_superscript_rise():
    (ln,) = chars_to_lines(page(chars("Sans exposant", 50, 100)))
    assert ln.superscript_rise == 0.0


NOTE_SIZE = 7.0


@pytest.mark.parametrize("number, number_size, gap, joined", [
    ("1", 4.34, NOTE_NUMBER_GAP_EM * NOTE_SIZE - 0.2, True),
    ("1", 4.34, NOTE_NUMBER_GAP_EM * NOTE_SIZE + 0.2, False),           # too far before the note
    ("1", NOTE_SIZE / NOTE_TEXT_SIZE_RATIO - 0.1, 4.0, True),
    ("1", NOTE_SIZE / NOTE_TEXT_SIZE_RATIO + 0.1, 4.0, False),          # the note is too little larger
    ("*", 4.34, 2.83, True),
    ("1" * MAX_NOTE_NUMBER_CHARS, 4.34, 2.83, True),
    ("1" * (MAX_NOTE_NUMBER_CHARS + 1), 4.34, 2.83, False),             # too long for a note's number
    ("a", 4.34, 2.83, False),                                           # not a number
])
def test_a_footnote_number_joins_its_note_a_little_apart_when_the_note_is_larger(number, number_size, gap, joined):
    # Every gap is wider than a glued superscript's, and the number's baseline 2.6 points higher.
    num = chars(number, 48.0, 739.4, size=number_size)
    note = chars("DGDI : Direction générale", _end(num) + gap, 742.0, size=NOTE_SIZE)
    assert len(chars_to_lines(page(num, note))) == (1 if joined else 2)


# --- drawn edges -------------------------------------------------------------------------------

_WORDS_GAP = 0.6 * SIZE  # "gauche" and "droite", a word space apart: x 30..60 and 66..96


@pytest.mark.parametrize("rules, rects, want", [
    ([BBox(62.8, 80, 63.2, 120)], [], ["gauche", "droite"]),          # a vertical rule in the gap
    ([BBox(62.8, 60, 63.2, 85)], [], ["gauche droite"]),              # a rule above the line
    ([BBox(120, 80, 120.4, 120)], [], ["gauche droite"]),             # a rule past the words
    ([BBox(30, 103, 96, 103.5)], [], ["gauche droite"]),              # an underline
    ([], [BBox(20, 80, 200, 120)], ["gauche droite"]),                # a box around both words
])
def test_only_a_drawn_edge_between_two_glyphs_splits_them(rules, rects, want):
    left = chars("gauche", 30, 100)
    p = page(left, chars("droite", _end(left) + _WORDS_GAP, 100), rules=rules, rects=rects)
    assert texts(chars_to_lines(p)) == want


@pytest.mark.parametrize("gap_em, want", [
    (WORD_GAP_EM - 0.01, ["gauchedroite"]),
    (WORD_GAP_EM + 0.01, ["gauche", "droite"]),
])
def test_a_drawn_edge_splits_only_a_gap_wider_than_WORD_GAP_EM(gap_em, want):
    left = chars("gauche", 30, 100)
    middle = _end(left) + gap_em * SIZE / 2
    p = page(left, chars("droite", _end(left) + gap_em * SIZE, 100), rules=[BBox(middle - 0.1, 80, middle + 0.1, 120)])
    assert texts(chars_to_lines(p)) == want


# --- drawn bullets -----------------------------------------------------------------------------

def _bullet_line(mark: BBox, rules=()):
    """Whether a line at x=50 (glyph boxes 92..102, middle 97) gets ``mark`` as its bullet."""
    (ln,) = chars_to_lines(page(chars("Point", 50, 100), marks=[mark], rules=rules))
    return ln.drawn_marker


@pytest.mark.parametrize("gap, drawn", [
    (DRAWN_MARKER_GAP_EM * SIZE - 0.5, True),
    (DRAWN_MARKER_GAP_EM * SIZE + 0.5, False),   # too far before the text
    (-POSITION_TOLERANCE + 0.1, True),           # touching the text
    (-POSITION_TOLERANCE - 0.1, False),          # over the text
])
def test_a_drawn_bullet_stands_at_most_DRAWN_MARKER_GAP_EM_before_the_text(gap, drawn):
    assert _bullet_line(BBox(50 - gap - 3, 95.5, 50 - gap, 98.5)) is drawn


@pytest.mark.parametrize("top, bottom, drawn", [
    (95.5, 98.5, True),                                   # on the line's middle
    (97.5, 100.5, False),                                 # below it
    (91.0, 97 - DRAWN_MARKER_DROP_EM * SIZE + 0.1, True),  # a little above it
    (91.0, 97 - DRAWN_MARKER_DROP_EM * SIZE - 0.1, False),
    (85.0, 110.0, False),                                 # taller than the line: a box
])
def test_a_drawn_bullet_stands_on_the_lines_middle(top, bottom, drawn):
    assert _bullet_line(BBox(40, top, 43, bottom)) is drawn


_DOT = BBox(40, 95.5, 43, 98.5)  # centre x 41.5


@pytest.mark.parametrize("rule, drawn", [
    (BBox(41.3, 60, 41.7, 160), False),                                         # a spine through the dot
    (BBox(41.5 + SPINE_TOLERANCE - 0.1, 60, 42 + SPINE_TOLERANCE, 160), False),
    (BBox(41.5 + SPINE_TOLERANCE + 0.1, 60, 42 + SPINE_TOLERANCE, 160), True),  # beside the dot
    (BBox(41.3, 95.5, 41.7, 98.5 + SPINE_TOLERANCE + 0.1), False),              # just runs past it
    (BBox(41.3, 95.5, 41.7, 98.5 + SPINE_TOLERANCE - 0.1), True),               # only as long as the dot
    (BBox(41.3, 20, 41.7, 60), True),                                           # ends above it
])
def test_a_drawn_dot_is_a_timeline_node_when_a_vertical_rule_runs_through_and_past_it(rule, drawn):
    assert _bullet_line(_DOT, rules=[rule]) is drawn


# --- weight and order --------------------------------------------------------------------------

@pytest.mark.parametrize("bold_word, regular_word, bold", [
    ("Gras", "fin", True),
    ("Gra", "fine", False),
    ("Gras", "fine", False),   # half is not most
])
def test_a_line_is_bold_when_most_of_its_glyphs_are_bold(bold_word, regular_word, bold):
    b = chars(bold_word, 50, 100, font="Helvetica-Bold")
    (ln,) = chars_to_lines(page(b, chars(regular_word, _end(b) + 0.5 * SIZE, 100)))
    assert ln.bold is bold


def test_lines_come_top_to_bottom_then_left_to_right_whatever_the_drawing_order():
    p = page(chars("bas", 50, 300), chars("droite", 300, 100), chars("milieu", 50, 200), chars("gauche", 50, 100))
    assert texts(chars_to_lines(p)) == ["gauche", "droite", "milieu", "bas"]


def _two_columns(gutter: float):
    """Three rows of two columns of one word each: the left column's words end at 94, the
    right column's start ``gutter`` points further, at an edge all three rows share."""
    runs = []
    for top in (100, 112, 124):
        runs += [chars("aaaaaaaaaa", 44, top), chars("bbbbbbbb", 94 + gutter, top)]
    return page(*runs)


@pytest.mark.parametrize("gutter, split", [
    (GUTTER_GAP_EM * 10 + 0.5, True),   # a gutter narrower than a column gap, at a shared edge
    (GUTTER_GAP_EM * 10 - 0.5, False),  # narrower still
])
def test_a_narrow_gutter_at_a_shared_left_edge_splits_columns(gutter, split):
    lines = chars_to_lines(_two_columns(gutter))
    assert len(lines) == (6 if split else 3)


def _justified_cells(hang: float):
    """Three rows of two justified cells 9 points apart, word gaps 6 points wide (so the
    gutter does not stand out from them): the left cell's lines end at one edge, the second
    with a hyphen after it, ``hang`` points wide, hanging past it."""
    runs = []
    for top, left in ((100, ["aaaa", "bbbb"]), (112, ["cccc", "dddd-"]), (124, ["eeee", "ffff"])):
        words = _words(left, 40, 6.0, baseline=top)
        if left[-1].endswith("-"):
            hyphen = words[-1][-1]
            words[-1][-1] = dataclasses.replace(hyphen, bbox=BBox(hyphen.bbox.x0, hyphen.bbox.top,
                                                                  hyphen.bbox.x0 + hang, hyphen.bbox.bottom))
        edge = _end(_words(["aaaa", "bbbb"], 40, 6.0, baseline=top)[-1])
        runs += words + _words(["gggg", "hhhh"], edge + 9.0, 6.0, baseline=top)
    return page(*runs)


@pytest.mark.parametrize("hang", [0.0, 2.5])
def test_a_gutter_no_wider_than_justified_word_gaps_splits_where_text_stops_at_one_edge(hang):
    # the gutter's left side is the edge where the left cell's lines end, a line-end hyphen
    # hanging past it or not (Typst hangs part of it into the margin)
    lines = chars_to_lines(_justified_cells(hang))
    assert texts(lines) == ["aaaa bbbb", "gggg hhhh", "cccc dddd-", "gggg hhhh", "eeee ffff", "gggg hhhh"]


def test_a_label_and_its_value_stay_one_line_at_a_shared_value_edge():
    runs = []
    for top, label in ((100, "Budget total:"), (112, "Durée prévue:"), (124, "Date limite :")):
        runs += [chars(label, 40, top), chars("valeur", 114, top)]   # labels end at 105: 0.9 em gaps
    assert texts(chars_to_lines(page(*runs))) == [
        "Budget total: valeur", "Durée prévue: valeur", "Date limite : valeur"]



@pytest.mark.parametrize("text, want", [
    ("anti\u00adcorruption", "anti-corruption"),   # drawn inside a line: a printed hyphen
    ("réinté\u00ad", "réinté\u00ad"),               # at the line's end: a break, left to text repair
])
def test_a_soft_hyphen_inside_a_line_is_a_hyphen(text, want):
    (ln,) = chars_to_lines(page(chars(text, 40, 100)))
    assert ln.text == want


def test_a_private_use_glyph_is_a_span_of_its_own():
    runs = [chars("\uf0b7", 40, 100, font="CIDFont+F2"), chars("Texte suivant", 60, 100, font="CIDFont+F2")]
    (ln,) = chars_to_lines(page(*runs))
    assert [s.text for s in ln.spans] == ["\uf0b7", " Texte suivant"]


# --- drop caps ---------------------------------------------------------------------------------
# A paragraph's first letter set several lines tall, its top level with the first line's: it is
# moved into that line and glued to it ("T" + "he Emergency" is "The Emergency").

BODY = 12.0  # the paragraph's size beside the drop caps below


def _drop_cap(cap_size: float, gap: float = 8.0, raised: float = 0.0, letter: str = "T"):
    """A cap of ``cap_size`` at x=40, its top ``raised`` points above the first line's top, then
    three 12-point lines ``gap`` points right of it (wider than a glued superscript's gap: a cap
    left where it is makes a line of its own)."""
    top = 100 - 0.8 * BODY - raised  # the first line's glyphs top at 90.4
    cap = chars(letter, 40, top + 0.8 * cap_size, size=cap_size)
    x = _end(cap) + gap
    body = [chars(text, x, 100 + 14 * i, size=BODY)
            for i, text in enumerate(["he Emergency", "response team", "arrived first"])]
    return texts(chars_to_lines(page(cap, *body)))


@pytest.mark.parametrize("cap_size, moved", [
    (DROP_CAP_SIZE_RATIO * BODY + 0.5, True),
    (DROP_CAP_SIZE_RATIO * BODY - 0.5, False),   # not large enough: a letter of its own
    (2 * BODY, False),                            # twice the text's size: a large initial, not a cap
])
def test_a_drop_cap_is_DROP_CAP_SIZE_RATIO_times_the_text_beside_it(cap_size, moved):
    lines = _drop_cap(cap_size)
    assert ("The Emergency" in lines, "he Emergency" in lines) == (moved, not moved)


@pytest.mark.parametrize("gap, moved", [
    (DROP_CAP_GAP_EM * BODY - 0.5, True),
    (DROP_CAP_GAP_EM * BODY + 0.5, False),   # too far from the text: a letter of its own
])
def test_a_drop_cap_stands_at_most_DROP_CAP_GAP_EM_before_its_text(gap, moved):
    lines = _drop_cap(3 * BODY, gap=gap)
    assert lines[:2] == (["The Emergency", "response team"] if moved else ["T", "he Emergency"])


@pytest.mark.parametrize("raised, moved", [
    (BODY - 0.5, True),    # its top a little above the first line's
    (BODY + 0.5, False),   # set above the text: an ornament, not the line's first letter
])
def test_a_drop_caps_top_is_level_with_the_first_lines_top_within_a_text_size(raised, moved):
    lines = _drop_cap(3 * BODY, raised=raised)
    assert ("The Emergency" in lines) is moved


def test_a_moved_drop_cap_is_set_like_its_line_DROP_CAP_WIDTH_EM_wide():
    cap = chars("T", 40, 90.4 + 0.8 * 36, size=36)
    first = chars("he Emergency", _end(cap) + 8, 100, size=BODY)
    (ln,) = chars_to_lines(page(cap, first))
    moved = ln.chars[0]
    assert (moved.text, moved.size, moved.baseline) == ("T", BODY, 100)
    assert moved.bbox.x1 == first[0].bbox.x0
    assert moved.bbox.width == pytest.approx(DROP_CAP_WIDTH_EM * BODY)
    assert ln.bbox.height == pytest.approx(BODY)   # the line is not stretched by the cap


@pytest.mark.parametrize("letter", ["1", "“"])
def test_only_a_letter_is_a_drop_cap(letter):
    # A large figure or quotation mark beside a paragraph is not moved into its first line.
    assert _drop_cap(3 * BODY, letter=letter)[:2] == [letter, "he Emergency"]


# --- a large glyph's baseline ------------------------------------------------------------------
# The baseline tolerance is measured in the smaller of the two sizes: a 60-point ornament must
# not take in the 12-point lines beside it, whose baselines lie within a quarter of its size.

ORNAMENT_SIZE = 60.0


def _beside_ornament(*baselines: float):
    """A 60-point "&" on baseline 130 (x 40..70), and one 12-point line per baseline 10 points
    right of it (further than a glued superscript)."""
    ornament = chars("&", 40, 130, size=ORNAMENT_SIZE)
    words = [chars(f"ligne {i + 1}", 80, b, size=BODY) for i, b in enumerate(baselines)]
    return texts(chars_to_lines(page(ornament, *words)))


def test_two_small_lines_beside_a_large_glyph_stay_two_lines():
    # Both baselines lie within BASELINE_TOLERANCE_EM of the ornament's size from its own.
    assert BASELINE_TOLERANCE_EM * ORNAMENT_SIZE > 10
    assert _beside_ornament(120, 134) == ["&", "ligne 1", "ligne 2"]


@pytest.mark.parametrize("drop, joined", [
    (BASELINE_TOLERANCE_EM * BODY - 0.5, True),   # on the ornament's own baseline
    (BASELINE_TOLERANCE_EM * BODY + 0.5, False),  # off it by more than a quarter of the small size
    (-BASELINE_TOLERANCE_EM * BODY + 0.5, True),
    (-BASELINE_TOLERANCE_EM * BODY - 0.5, False),
])
def test_a_small_glyph_joins_a_large_ones_line_within_BASELINE_TOLERANCE_EM_of_the_small_size(drop, joined):
    assert _beside_ornament(130 + drop) == (["& ligne 1"] if joined else ["&", "ligne 1"])


# --- drawn spaces over a word ------------------------------------------------------------------
# A space glyph of another layer laid over a word ("recomm endations") is no word boundary:
# only glyphs standing apart by MIN_SPACE_GAP_SHARE of the space's width are two words.

SPACE_WIDTH = 4.0


@pytest.mark.parametrize("gap, want", [
    (MIN_SPACE_GAP_SHARE * SPACE_WIDTH + 0.2, ["recomm endations"]),
    (MIN_SPACE_GAP_SHARE * SPACE_WIDTH - 0.2, ["recommendations"]),   # glyphs all but touching
    (0.0, ["recommendations"]),                                        # a space over touching glyphs
])
def test_a_drawn_space_is_a_word_boundary_only_where_the_glyphs_stand_apart_by_MIN_SPACE_GAP_SHARE(gap, want):
    assert gap < WORD_GAP_EM * SIZE   # no word space by the gap alone
    left = chars("recomm", 50, 100)
    centre = _end(left) + gap / 2
    space = Char(" ", "Helvetica", SIZE, BBox(centre - SPACE_WIDTH / 2, 92, centre + SPACE_WIDTH / 2, 102), 100)
    p = page(left, [space], chars("endations", _end(left) + gap, 100))
    assert texts(chars_to_lines(p)) == want


# --- private-use glyphs ------------------------------------------------------------------------

@pytest.mark.parametrize("glyph, spans", [
    ("\uf0b7", ["\uf0b7", " Texte suivant"]),   # an icon: its own span, told from the text
    ("•", ["• Texte suivant"]),                  # a character of a script: part of the text's span
])
def test_only_a_private_use_glyph_is_a_span_of_its_own_in_the_texts_font(glyph, spans):
    runs = [chars(glyph, 40, 100, font="CIDFont+F2"), chars("Texte suivant", 60, 100, font="CIDFont+F2")]
    (ln,) = chars_to_lines(page(*runs))
    assert [s.text for s in ln.spans] == spans


# --- gutters in justified text -----------------------------------------------------------------
# Two justified columns set less than a column gap apart merge into one line per row. Where the
# word gaps are nearly as wide as the gutter, the gutter does not stand out from them: the left
# column's text stopping, row after row, at one right edge tells it.

# Each row's halves: the left one 13 letters in three words, the right one 8 in two, the words
# of no two rows starting or ending at one x (only the halves' edges are shared).
_LEFT_HALVES = (["pays", "projets", "et"], ["actions", "du", "plan"], ["des", "fonds", "reçus"])
_RIGHT_HALVES = (["budget", "an"], ["de", "retour"], ["plan", "pays"])
GUTTER = GUTTER_GAP_EM * SIZE + 2.0   # wider than a gutter, narrower than a column gap
STAGGER = EDGE_TOLERANCE + 0.5        # off a shared edge
# Word gaps the widest gutter below (GUTTER + 2 STAGGER) does not stand out from, and narrow
# ones the narrowest does.
JUSTIFIED_GAP = (GUTTER + 2 * STAGGER) / JUSTIFIED_GAP_RATIO + 0.5
NARROW_GAP = GUTTER / JUSTIFIED_GAP_RATIO - 1.0


def _justified_rows(rows: int, stagger: float = 0.0, word_gap: float = JUSTIFIED_GAP):
    """``rows`` rows 12 points apart, each a left and a right column's line; the right column
    starts at one x, the left column's text of each row ends ``stagger`` points left of the
    row above's (0: at one right edge)."""
    assert COLUMN_GAP_EM * SIZE > GUTTER + 2 * STAGGER   # no gap here is a column gap
    right_x = 40 + 13 * 5 + 2 * word_gap + GUTTER
    runs = []
    for r in range(rows):
        end = right_x - GUTTER - r * stagger
        runs += _words(_LEFT_HALVES[r], end - 13 * 5 - 2 * word_gap, word_gap, baseline=100 + 12 * r)
        runs += _words(_RIGHT_HALVES[r], right_x, word_gap, baseline=100 + 12 * r)
    return page(*runs)


@pytest.mark.parametrize("rows, stagger, word_gap, split", [
    (MIN_EDGE_LINES, 0.0, JUSTIFIED_GAP, True),          # the left column's right edge shared
    (MIN_EDGE_LINES - 1, 0.0, JUSTIFIED_GAP, False),     # too few rows share the edges
    (MIN_EDGE_LINES, STAGGER, JUSTIFIED_GAP, False),     # no right edge: the gap is one more word gap
    (MIN_EDGE_LINES, STAGGER, NARROW_GAP, True),         # no right edge, but the gap stands out
])
def test_a_gutter_is_told_by_a_right_edge_rows_share_where_it_does_not_stand_out_from_the_word_gaps(
        rows, stagger, word_gap, split):
    lines = chars_to_lines(_justified_rows(rows, stagger, word_gap))
    assert len(lines) == (2 * rows if split else rows)
    if split:
        assert texts(lines)[:2] == ["pays projets et", "budget an"]


# A label and its value at a shared value edge, the value a gutter after it: "Budget: 37 741".
_LABEL_WORDS = "Date de remise du rapport final de la mission".split()


@pytest.mark.parametrize("words, colon, one_line", [
    (MAX_LABEL_WORDS, ":", True),
    (MAX_LABEL_WORDS + 1, ":", False),
    (1, ":", True),
    (MAX_LABEL_WORDS, "", False),                        # no colon: a column's text
])
def test_a_label_of_at_most_MAX_LABEL_WORDS_ending_with_a_colon_is_never_split_from_its_value(words, colon, one_line):
    label = " ".join(_LABEL_WORDS[:words]) + colon
    runs = []
    for top in (100, 112, 124):   # labels end at one x, values start at one x: both edges shared
        runs += [chars(label, 40, top), chars("valeur", 40 + len(label) * 5 + 0.9 * SIZE, top)]
    lines = texts(chars_to_lines(page(*runs)))
    assert lines == ([f"{label} valeur"] * 3 if one_line else [label, "valeur"] * 3)


@pytest.mark.parametrize("number, one_line", [
    ("1", True),
    ("*", True),
    ("1" * MAX_NOTE_NUMBER_CHARS, True),
    ("1" * (MAX_NOTE_NUMBER_CHARS + 1), False),   # too long for a note's number: a column
    ("Voir", False),                              # a word: a column
])
def test_a_notes_number_is_never_split_from_its_text_at_a_gutter(number, one_line):
    # Word and Writer set a tab after a note's number: every note's text starts at one edge.
    runs = []
    for i, top in enumerate((100, 112, 124)):
        runs += [chars(number, 40, top), chars(f"Texte de la note {i}", 40 + len(number) * 5 + 0.9 * SIZE, top)]
    lines = chars_to_lines(page(*runs))
    assert len(lines) == (3 if one_line else 6)


def test_the_last_letter_of_a_large_title_with_a_note_number_after_it_is_no_drop_cap():
    # A 28-point title, a 8-point note number set at its top right: "Belgique¹".
    title = chars("Belgique", 30, 60, size=28)
    number = chars("1", _end(title), 44, size=8)
    assert texts(chars_to_lines(page(title, number))) == ["Belgique1"]


# --- superior figures ------------------------------------------------------------------------------
# An OpenType superior figure keeps the text's font, size and baseline: only its narrower advance
# (the digit is drawn small and raised inside the glyph) tells it from the digits of a number.

def _narrowed(run, ratio):
    """The glyphs with their advance cut to ``ratio`` of a normal glyph's, one after another."""
    out, x = [], run[0].bbox.x0
    for c in run:
        w = c.bbox.width * ratio
        out.append(Char(c.text, c.fontname, c.size, BBox(x, c.bbox.top, x + w, c.bbox.bottom), c.baseline))
        x += w
    return out


@pytest.mark.parametrize("ratio, samples, superior", [
    # samples: how many times the page shows that digit, the marker included.
    (SUPERIOR_WIDTH_RATIO, MIN_DIGIT_SAMPLES, True),
    (SUPERIOR_WIDTH_RATIO + 0.05, MIN_DIGIT_SAMPLES, False),   # about as wide as the usual digit
    (SUPERIOR_WIDTH_RATIO, MIN_DIGIT_SAMPLES - 1, False),      # too few digits seen to know their width
])
def test_a_narrow_digit_glued_to_a_word_in_the_texts_own_font_is_a_superior_figure(ratio, samples, superior):
    body = chars("les agents de l’OFII", 50, 100)
    marker = _narrowed(chars("1", body[-1].bbox.x1, 100), ratio)
    numbers = chars(" ".join(["1"] * (samples - 1)) + " personnes", 50, 140)
    lines = chars_to_lines(page(body, marker, numbers))
    assert [(s.text, s.superscript) for s in lines[0].spans][-1] == (("1", True) if superior else ("les agents de l’OFII1", False))


def test_a_normal_digit_after_a_letter_is_no_superior_figure():
    # "H1 2023": the digit is as wide as the page's other ones.
    lines = chars_to_lines(page(chars("H1 2023, 1 111 personnes", 50, 100)))
    assert not any(s.superscript for s in lines[0].spans)


@pytest.mark.parametrize("text, part, x0, x1", [
    # builders' glyphs are 5 pt wide at 10 pt, from x=100; a word space begins where the glyph before ends
    ("IOM Dakar", "IOM", 100.0, 115.0),
    ("IOM Dakar", "Dakar", 120.0, 145.0),
    ("IOM Dakar", " ", 115.0, 120.0),
    ("IOM  Dakar", "Dakar", 125.0, 150.0),  # a wide gap is one space in the text: edges follow the glyphs
])
def test_char_edges_place_each_character_of_the_line_text(text, part, x0, x1):
    [ln] = chars_to_lines(page(chars(text, 100.0, 200.0)))
    edges = char_edges(ln)
    assert len(edges) == len(ln.text) + 1
    i = ln.text.index(part)
    assert (edges[i], edges[i + len(part)]) == pytest.approx((x0, x1))


def test_char_edges_claim_nothing_for_a_text_changed_after_the_line_was_made():
    [ln] = chars_to_lines(page(chars("IOM Dakar", 100.0, 200.0)))
    assert char_edges(dataclasses.replace(ln, text="IOM Dakar (Sénégal)")) == ()
    assert char_edges(dataclasses.replace(ln, text="OIM Dakar")) == ()


def test_the_gap_after_a_list_marker_is_not_one_of_a_justified_lines_word_gaps():
    # "d)" then its text one half em away, then words stretched 2.3 em apart: the marker's gap
    # would make the others stand out from the line's "usual" gap, as a column's would
    marker = chars("d)", 40, 100, size=SIZE)
    words = _words(["Favorise", "les", "échanges"], _end(marker) + 0.5 * SIZE, 2.3 * SIZE)
    assert texts(chars_to_lines(page(marker, *words))) == ["d) Favorise les échanges"]


# --- a justified line stretched past a column gap ------------------------------------------------
# A narrow column justified without hyphenation: full lines above and below, and between them
# a line of three words (90 points of glyphs) stretched to the same measure, its two word
# gaps ``gap_em`` font sizes (10 points) each.

def _stretched(gap_em: float, short: float = 0.0):
    gap = gap_em * 10
    measure = 90 + 2 * gap
    above, below = chars("x" * int(measure / 5), 30, 100), chars("x" * int(measure / 5), 30, 124)
    middle = (chars("Lancement", 30, 112) + chars("du", 30 + 45 + gap, 112)
              + chars("le plan", 30 + 55 + 2 * gap - short, 112))
    return above, middle, below


@pytest.mark.parametrize("gap_em", [JOIN_GAP_EM + 0.5, MAX_JUSTIFIED_GAP_EM - 0.5])
def test_a_justified_line_stretched_past_a_column_gap_is_one_line(gap_em):
    above, middle, below = _stretched(gap_em)
    assert "Lancement du le plan" in texts(chars_to_lines(page(above, middle, below)))


@pytest.mark.parametrize("indent, joined", [
    (MEASURE_START_EM * 10 - 0.5, True),    # the lines around it a list's, its markers a little inside
    (MEASURE_START_EM * 10 + 0.5, False),
])
def test_a_stretched_line_fills_a_measure_starting_MEASURE_START_EM_from_its_own(indent, joined):
    above, below = chars("x" * 29, 30 + indent, 100), chars("x" * 29, 30 + indent, 124)
    end = _end(above)   # the row ends where the lines around it end
    middle = chars("Lancement", 30, 112) + chars("du", 30 + 45 + 30, 112) + chars("le plan", end - 35, 112)
    assert ("Lancement du le plan" in texts(chars_to_lines(page(above, middle, below)))) is joined


@pytest.mark.parametrize("opening, joined", [
    ("•", True),    # the row hangs under a list item's text, after its marker
    ("x", False),   # a line starting 10 points left of the row: no measure of the row's
])
def test_a_stretched_line_hanging_under_a_list_items_text_fills_its_measure(opening, joined):
    above = chars(opening, 30, 100) + chars("x" * 29, 40, 100)
    end = _end(above)
    middle = chars("Lancement", 40, 112) + chars("du", 40 + 45 + 30, 112) + chars("le plan", end - 35, 112)
    below = chars("fin.", 40, 124)
    assert ("Lancement du le plan" in texts(chars_to_lines(page(above, middle, below)))) is joined


def test_pieces_further_apart_than_a_stretched_line_stay_apart():
    above, middle, below = _stretched(MAX_JUSTIFIED_GAP_EM + 0.5)
    assert "Lancement" in texts(chars_to_lines(page(above, middle, below)))


def test_pieces_that_do_not_fill_a_neighbours_measure_stay_apart():
    above, middle, below = _stretched(JOIN_GAP_EM + 0.5, short=10)  # ends 10 points short of it
    assert "Lancement" in texts(chars_to_lines(page(above, middle, below)))


def test_a_column_starting_at_an_edge_lines_share_is_not_joined_to_its_neighbour():
    # Two columns whose rows fill, together, the measure of a line across both above them: the
    # right column starts at one edge on every row, so its lines stay its own.
    across = chars("y" * 40, 30, 88)
    rows = [chars("gauche", 30, 100 + 12 * r) + chars("droite ligne", 170, 100 + 12 * r) for r in range(MIN_EDGE_LINES)]
    lines = texts(chars_to_lines(page(across, *rows)))
    assert lines.count("droite ligne") == MIN_EDGE_LINES
