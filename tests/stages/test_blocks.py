"""Lines in reading order -> blocks: markers, style, pitch and drawn rules end a block."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import chars, line, page
from factextract.model import BBox, Span
from factextract.stages.blocks import (
    BLOCK_GAP_RATIO, COLUMN_NEIGHBOURHOOD, MAX_FIRST_PITCH_EM, MAX_WRAP_PITCH_EM, MAX_OVERLAP_RATIO, MIN_PITCH_SAMPLES, OUTDENT_EM,
    PITCH_RATIO, RULE_SPAN_SHARE, SAME_EDGE, SHORT_LINE_EM, STYLE_SIZE_CHANGE, lines_to_blocks,
)
from factextract.stages.lines import chars_to_lines
from factextract.stages.order import order_lines


def test_blocks_split_at_vertical_gaps_markers_and_style():
    runs = [chars("Premier paragraphe", 30, 100), chars("qui continue", 30, 112),
            chars("Second paragraphe", 30, 140),
            chars("9", 30, 152, font="Wingdings"), chars("Une puce", 45, 152),
            chars("TITRE GRAS", 30, 180, font="Helvetica-Bold")]
    p = page(*runs)
    blocks = lines_to_blocks(order_lines(chars_to_lines(p), p))
    assert [b.text for b in blocks] == ["Premier paragraphe qui continue", "Second paragraphe", "9 Une puce",
                                        "TITRE GRAS"]


def test_blocks_split_where_the_face_changes_or_the_pitch_widens():
    runs = [chars("Activités menées en 2022", 30, 100, size=11.5, font="Arial-Bold"),
            chars("Réunion thématique, 23 mars 2022", 30, 114, size=11.0, font="TimesNewRoman-Bold"),
            chars("Première ligne d’un paragraphe.", 30, 140, size=9),
            chars("Un autre paragraphe.", 30, 155.7, size=9)]
    p = page(*runs)
    blocks = lines_to_blocks(order_lines(chars_to_lines(p), p))
    assert [b.text for b in blocks] == ["Activités menées en 2022", "Réunion thématique, 23 mars 2022",
                                        "Première ligne d’un paragraphe.", "Un autre paragraphe."]


def test_a_drawn_rule_between_two_lines_separates_their_blocks_but_an_underline_does_not():
    from dataclasses import replace

    runs = [chars("Date", 45, 100, font="Helvetica-Bold"), chars("2015-2016", 45, 113, font="Helvetica-Bold")]
    plain = page(*runs)
    ruled = replace(plain, rules=(BBox(40, 103.3, 300, 103.7),))
    underlined = replace(plain, rules=(BBox(45, 101.0, 65, 101.5),))
    for p, want in ((plain, ["Date 2015-2016"]), (ruled, ["Date", "2015-2016"]), (underlined, ["Date 2015-2016"])):
        assert [b.text for b in lines_to_blocks(order_lines(chars_to_lines(p), p), p)] == want


# --- hand-made lines ---------------------------------------------------------------------------
# Lines without glyphs: a line's baseline is then the bottom of its box.

SIZE = 10.0


def _line(text, top, x=50.0, x1=None, size=SIZE, height=None, bold=False, font=None, page_number=1, **fields):
    """A line at ``top``, ``height`` points high (its size unless told), from x to x1 (5 points a
    character unless told), its text in one span of ``font``; ``fields`` set the rest."""
    ln = line(text, x=x, top=top, size=size, bold=bold, page_number=page_number)
    box = BBox(x, top, ln.bbox.x1 if x1 is None else x1, top + (size if height is None else height))
    spans = ln.spans if font is None else (Span(text, font, size),)
    return replace(ln, bbox=box, spans=spans, **fields)


def _texts(lines, p=None):
    return [b.text for b in lines_to_blocks(lines, p)]


FIRST = "Un premier point de la liste"  # 140 points wide from x=50


@pytest.mark.parametrize("second, split", [
    (_line("• Deuxième point", 112), True),
    (_line("- Deuxième point", 112), True),
    (_line("2) Deuxième point", 112), True),
    (replace(_line("9 Deuxième point", 112),
             spans=(Span("9", "Wingdings", SIZE), Span(" Deuxième point", "Helvetica", SIZE))), True),
    (_line("Deuxième point", 112, drawn_marker=True), True),
    (_line("-2 % des frais", 112), False),   # a number, not a dash marker
    (_line("et sa suite", 112), False),
])
def test_a_list_marker_starts_a_block(second, split):
    want = [FIRST, second.text] if split else [f"{FIRST} {second.text}"]
    assert _texts([_line(FIRST, 100), second]) == want


@pytest.mark.parametrize("second, split", [
    (_line("et sa suite", 112, bold=True), True),
    (_line("et sa suite", 112, size=SIZE * (1 + STYLE_SIZE_CHANGE) + 0.05), True),
    (_line("et sa suite", 112, size=SIZE * (1 + STYLE_SIZE_CHANGE) - 0.05), False),
    (_line("et sa suite", 112, size=SIZE * (1 - STYLE_SIZE_CHANGE) - 0.05), True),
    (_line("et sa suite", 112, font="Times-Roman"), True),            # another typeface
    (_line("et sa suite", 112, font="Helvetica-Oblique"), False),     # the same typeface, slanted
    (_line("et sa suite", 112, font="ABCDEF+Helvetica"), False),      # the same, as a subset
])
def test_a_change_of_weight_of_size_beyond_STYLE_SIZE_CHANGE_or_of_typeface_starts_a_block(second, split):
    want = [FIRST, second.text] if split else [f"{FIRST} {second.text}"]
    assert _texts([_line(FIRST, 100), second]) == want


@pytest.mark.parametrize("gap_ratio, split", [
    (BLOCK_GAP_RATIO - 0.01, False),
    (BLOCK_GAP_RATIO + 0.01, True),
    (-MAX_OVERLAP_RATIO + 0.01, False),
    (-MAX_OVERLAP_RATIO - 0.01, True),   # overlapping by more than half: not one above the other
])
def test_lines_belong_together_between_MAX_OVERLAP_RATIO_and_BLOCK_GAP_RATIO_line_heights_apart(gap_ratio, split):
    lines = [_line("Une ligne", 100), _line("et la suivante", 110 + gap_ratio * SIZE)]
    assert _texts(lines) == (["Une ligne", "et la suivante"] if split else ["Une ligne et la suivante"])


@pytest.mark.parametrize("excess, split", [(-0.1, False), (+0.1, True)])
def test_a_step_wider_than_PITCH_RATIO_times_the_blocks_pitch_is_paragraph_spacing(excess, split):
    lines = [_line("ligne un", 100), _line("ligne deux", 112), _line("ligne trois", 112 + 12 * PITCH_RATIO + excess)]
    assert _texts(lines) == (["ligne un ligne deux", "ligne trois"] if split else ["ligne un ligne deux ligne trois"])


@pytest.mark.parametrize("excess, split", [(-0.1, False), (+0.1, True)])
def test_a_blocks_second_line_is_spaced_apart_beyond_MAX_FIRST_PITCH_EM_font_sizes(excess, split):
    # Boxes 12 points high for 10-point type: the gap between them stays under BLOCK_GAP_RATIO.
    step = MAX_FIRST_PITCH_EM * SIZE + excess
    lines = [_line("ligne un", 100, height=12), _line("ligne deux", 100 + step, height=12)]
    assert _texts(lines) == (["ligne un", "ligne deux"] if split else ["ligne un ligne deux"])


@pytest.mark.parametrize("samples, split", [
    (MIN_PITCH_SAMPLES, True),        # the usual pitch (11 points) is known: 14.5 is spacing
    (MIN_PITCH_SAMPLES - 1, False),   # not yet: 14.5 is within a generous first pitch
])
def test_a_blocks_second_line_is_judged_by_the_documents_usual_pitch_once_MIN_PITCH_SAMPLES_are_seen(samples, split):
    # A left column paragraph gives (samples - 1) steps of 11 points; the right column's two lines
    # one more step of 14.5 (PITCH_RATIO times 11 is 13.75).
    paragraph = [_line(f"ligne {i}", 100 + 11 * i) for i in range(samples)]
    right = [_line("Colonne de droite", 100, x=300), _line("qui continue", 114.5, x=300)]
    blocks = _texts(paragraph + right)
    assert blocks[1:] == (["Colonne de droite", "qui continue"] if split else ["Colonne de droite qui continue"])


@pytest.mark.parametrize("rise, split", [(1.5, False), (0.0, True)])
def test_a_superscripts_rise_is_not_paragraph_spacing(rise, split):
    # The third line's baseline is 16 points down (more than 1.25 x 12), but its superscript,
    # 1.5 points above its text, pushed it down by that much.
    third = _line("ligne trois¹", 126.5, height=11.5, superscript_rise=rise)
    lines = [_line("ligne un", 100), _line("ligne deux", 112), third]
    assert _texts(lines) == (["ligne un ligne deux", "ligne trois¹"] if split
                             else ["ligne un ligne deux ligne trois¹"])


@pytest.mark.parametrize("excess, split", [(-0.1, False), (+0.1, True)])
def test_a_line_starting_more_than_OUTDENT_EM_left_of_the_blocks_text_starts_a_block(excess, split):
    # The first line is indented, the second is not: the block's text starts at 50.
    lines = [_line("Un paragraphe indenté", 100, x=60), _line("qui continue ici", 112),
             _line("puis revient", 124, x=50 - OUTDENT_EM * SIZE - excess)]
    assert _texts(lines) == (["Un paragraphe indenté qui continue ici", "puis revient"] if split
                             else ["Un paragraphe indenté qui continue ici puis revient"])


WIDE = "Une longue première ligne qui va jusqu’au bord droit"  # x 50..300 below


@pytest.mark.parametrize("end, short_by, following, split", [
    ("se termine ici.", SHORT_LINE_EM * SIZE + 0.1, "Nouvelle phrase", True),
    ("se termine ici.", SHORT_LINE_EM * SIZE - 0.1, "Nouvelle phrase", False),   # not short enough
    ("se termine ici!", 60, "Nouvelle phrase", True),
    ("se termine ici?", 60, "Nouvelle phrase", True),
    ("se termine ici :", 60, "Nouvelle phrase", True),
    ("se termine ici", 60, "Nouvelle phrase", False),    # no sentence ends
    ("se termine ici.", 60, "nouvelle phrase", False),   # no capital follows
])
def test_a_short_line_ending_a_sentence_before_a_capital_ends_the_paragraph(end, short_by, following, split):
    lines = [_line(WIDE, 100, x1=300), _line(end, 112, x1=300 - short_by), _line(following, 124, x1=250)]
    assert _texts(lines) == ([f"{WIDE} {end}", following] if split else [f"{WIDE} {end} {following}"])


@pytest.mark.parametrize("above, x0, split", [
    (COLUMN_NEIGHBOURHOOD - 1, 50, True),
    (COLUMN_NEIGHBOURHOOD + 1, 50, False),             # too far above to measure the column
    (COLUMN_NEIGHBOURHOOD - 1, 50 + SAME_EDGE - 0.1, True),
    (COLUMN_NEIGHBOURHOOD - 1, 50 + SAME_EDGE + 0.1, False),   # another left edge
])
def test_a_one_line_block_is_measured_against_its_columns_right_edge(above, x0, split):
    # Two short lines of one width; a bold line (another block) above shows the column reaches 300.
    wide = _line(WIDE, 300 - above, x=x0, x1=300, bold=True)
    lines = [wide, _line("Phrase courte.", 300, x1=200), _line("Nouvelle phrase", 312, x1=200)]
    assert _texts(lines)[1:] == (["Phrase courte.", "Nouvelle phrase"] if split else ["Phrase courte. Nouvelle phrase"])


# "Première ligne" and "deuxième ligne": x 50..120, 10 points high, 2 points apart (y 110..112).
_PAIR = [_line("Première ligne", 100), _line("deuxième ligne", 112)]


@pytest.mark.parametrize("rules, rects, split", [
    ([BBox(50, 110.9, 50 + RULE_SPAN_SHARE * 70 + 0.1, 111.1)], [], True),
    ([BBox(50, 110.9, 50 + RULE_SPAN_SHARE * 70 - 0.1, 111.1)], [], False),   # too short: under one word
    ([BBox(300, 110.9, 400, 111.1)], [], False),                              # beside the lines
    ([BBox(50, 108.9, 120, 109.1)], [], False),                               # inside the upper line's box
    ([], [BBox(40, 111, 300, 200)], True),                                    # a box's top edge
])
def test_a_drawn_rule_in_the_gap_as_wide_as_RULE_SPAN_SHARE_of_the_lines_separates_them(rules, rects, split):
    p = page(rules=rules, rects=rects)
    assert _texts(_PAIR, p) == (["Première ligne", "deuxième ligne"] if split
                                else ["Première ligne deuxième ligne"])


def test_a_hanging_bullets_wrapped_line_continues_it_and_a_line_back_left_of_its_text_ends_it():
    p = page(chars("•", 30, 100), chars("Premier point qui", 45, 100), chars("continue ici", 45, 112),
             chars("Paragraphe suivant", 30, 124))
    assert _texts(order_lines(chars_to_lines(p), p), p) == ["• Premier point qui continue ici", "Paragraphe suivant"]


def test_lines_on_another_page_or_beside_the_last_one_start_a_block():
    lines = [_line("Fin de page", 800), _line("haut de page", 50, page_number=2), _line("colonne voisine", 62, x=300)]
    assert _texts(lines) == ["Fin de page", "haut de page", "colonne voisine"]


def _leaded(step: float, first: str, second: str, first_right_word: str = "") -> list[str]:
    """Two lines of a wide column, ``step`` points apart (baseline to baseline), in 10 pt."""
    runs = [chars(first, 30, 100), chars(second, 30, 100 + step)]
    p = page(*runs, chars("x" * 56, 30, 300))  # a full-width line below sets the column's edge at 310
    return [b.text for b in lines_to_blocks(order_lines(chars_to_lines(p), p), p)][:2]


@pytest.mark.parametrize("step, first, together", [
    (16.0, "A line of text that runs on to the column's right edge", True),   # wrapped, leaded 1.6 em
    (MAX_WRAP_PITCH_EM * 10 + 0.5, "A line of text that runs on to the column's right edge", False),
    (16.0, "A short line, not full", False),                                  # room was left: it ended
    (16.0, "A line of text that runs on to the column's end.", False),          # a sentence ended
])
def test_a_wrapped_line_is_continued_whatever_the_leading(step, first, together):
    second = "the next line of the same paragraph"
    blocks = _leaded(step, first, second)
    assert (blocks[0] == f"{first} {second}") is together


def test_lines_in_a_narrow_column_are_not_taken_for_wrapped():
    runs = [chars("Juillet 2021", 30, 100), chars("Depuis août 2021", 30, 116)]
    p = page(*runs)
    assert [b.text for b in lines_to_blocks(order_lines(chars_to_lines(p), p), p)] == ["Juillet 2021", "Depuis août 2021"]
