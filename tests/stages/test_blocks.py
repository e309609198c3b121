"""Lines in reading order -> blocks: markers, style, pitch and drawn rules end a block."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import CHAR_WIDTH, chars, line, page
from factextract.model import BBox, Line, Page, Span, Table
from factextract.stages.blocks import (
    BLOCK_GAP_RATIO, COLUMN_NEIGHBOURHOOD, MAX_FIRST_PITCH_EM, MAX_OVERLAP_RATIO, MAX_WRAP_PITCH_EM, MIN_MIXED_LETTERS,
    MAX_WRAP_INDENT_EM, MIN_PITCH_SAMPLES, MIN_WRAP_COLUMN_EM, OUTDENT_EM, PITCH_RATIO, RULE_SPAN_SHARE, SAME_EDGE, SHORT_LINE_EM,
    STYLE_SIZE_CHANGE, lines_to_blocks,
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


# --- lines with glyphs -------------------------------------------------------------------------
# The weight and wrap rules read a line's glyphs (their fonts, their baseline).

REGULAR, BOLD = "Helvetica", "Helvetica-Bold"


def _typed(parts, top, x=50.0, x1=None, size=SIZE):
    """A line at ``top`` set from (text, font) parts one space apart, with its glyphs (baseline
    at top + 0.8 size) and one span per part; bold when most glyphs are; ``x1`` overrides where
    its box ends."""
    glyphs, spans, at = [], [], x
    for i, (text, font) in enumerate(parts):
        text = text if i == 0 else " " + text
        glyphs += chars(text, at, top + 0.8 * size, size=size, font=font)
        spans.append(Span(text, font, size))
        at += len(text) * size * CHAR_WIDTH
    bold = 2 * sum(1 for g in glyphs if "Bold" in g.fontname) > len(glyphs)
    return Line(text="".join(s.text for s in spans), page=1, bbox=BBox(x, top, at if x1 is None else x1, top + size),
                size=size, bold=bold, spans=tuple(spans), chars=tuple(glyphs))


# A line of running text that breaks at the column's right edge (x 50..235), no sentence ended.
RUNS_ON = "Le programme soutient depuis 2020 les"


# --- a change of weight in running text --------------------------------------------------------
# Running text with words in bold: a wrapped line goes on in another weight when one of the two
# lines mixes weights (MIN_MIXED_LETTERS letters of each) or the next goes on in lower case.

@pytest.mark.parametrize("first, second, together", [
    # The wrapped line ends on a bold word of MIN_MIXED_LETTERS letters, the next is all bold.
    ([(RUNS_ON, REGULAR), ("ABCDEFGH"[:MIN_MIXED_LETTERS], BOLD)], [("Associations de la diaspora", BOLD)], True),
    ([(RUNS_ON, REGULAR), ("ABCDEFGH"[:MIN_MIXED_LETTERS - 1], BOLD)], [("Associations de la diaspora", BOLD)], False),
    # The next line mixes them: mostly bold, then regular.
    ([(RUNS_ON + " ONG", REGULAR)], [("Associations de la diaspora", BOLD), ("en Europe", REGULAR)], True),
    # Neither mixes: only lower case says the sentence goes on.
    ([(RUNS_ON + " ONG", REGULAR)], [("associations de la diaspora", BOLD)], True),
    ([(RUNS_ON + " ONG", REGULAR)], [("Associations de la diaspora", BOLD)], False),
    ([(RUNS_ON + " ONG", BOLD)], [("associations de la diaspora", REGULAR)], True),
])
def test_a_wrapped_line_goes_on_in_another_weight_when_a_line_mixes_weights_or_the_next_is_lower_case(
        first, second, together):
    lines = [_typed(first, 100), _typed(second, 112)]
    assert lines[0].bold != lines[1].bold
    assert len(_texts(lines)) == (1 if together else 2)


@pytest.mark.parametrize("heading, together", [
    ("Contexte du projet", False),                                  # a heading: room was left after it
    ("Contexte du projet et partenaires de mise en œuvre", True),   # as wide as the column: wrapped
])
def test_a_bold_line_that_stops_short_of_the_columns_edge_is_not_continued_in_another_weight(heading, together):
    # The regular line after it mixes weights and starts in lower case: only the wrap decides.
    following = [("les partenaires ont", REGULAR), ("signé", BOLD), ("un accord de coopération", REGULAR)]
    lines = [_typed([(heading, BOLD)], 100), _typed(following, 112)]
    assert lines[0].bold and not lines[1].bold
    assert len(_texts(lines)) == (1 if together else 2)


def test_a_document_heavy_font_counts_as_bold_when_weights_mix():
    # A bold face whose name does not say so (told by its glyph widths, Page.heavy_fonts).
    regular, heavy = "Poppins-Regular", "Poppins-Medium"
    first = _typed([(RUNS_ON + " ONG", regular)], 100)
    second = _typed([("Associations de la diaspora", heavy), ("en Europe", regular)], 112)
    second = replace(second, bold=True)   # as the lines stage sets it, knowing the heavy face
    assert len(_texts([first, second], replace(page(), heavy_fonts=frozenset({heavy})))) == 1
    assert len(_texts([first, second], page())) == 2   # the heavy face unknown: neither line mixes weights


@pytest.mark.parametrize("second_font, together", [
    ("Arial-BoldMT", True),             # ArialMT's bold: one family, the weight rule decides
    ("ArialMT", True),
    ("TimesNewRomanPS-BoldMT", False),  # another typeface
])
def test_arial_and_its_bold_are_one_family_whatever_the_foundrys_tags(second_font, together):
    lines = [_typed([(RUNS_ON + " ONG", "ArialMT")], 100), _typed([("associations de la diaspora", second_font)], 112)]
    assert len(_texts(lines)) == (1 if together else 2)


# --- wrapped lines -----------------------------------------------------------------------------
# A line that runs on to the column's edge is continued however far below the next one stands
# (Canva's leading), up to MAX_WRAP_PITCH_EM, in a column at least MIN_WRAP_COLUMN_EM wide.

LEADED = 1.8 * SIZE   # baseline to baseline: spaced apart but for the wrap


@pytest.mark.parametrize("width, together", [
    (MIN_WRAP_COLUMN_EM * SIZE + 0.5, True),
    (MIN_WRAP_COLUMN_EM * SIZE - 0.5, False),   # a narrow column: every line looks full
])
def test_a_wrapped_line_is_continued_only_in_a_column_MIN_WRAP_COLUMN_EM_wide(width, together):
    assert MAX_FIRST_PITCH_EM * SIZE < LEADED < MAX_WRAP_PITCH_EM * SIZE
    lines = [_typed([("Une ligne qui va au bord", REGULAR)], 100, x1=50 + width),
             _typed([("et la suivante", REGULAR)], 100 + LEADED)]
    assert len(_texts(lines)) == (1 if together else 2)


@pytest.mark.parametrize("step, together", [
    (MAX_WRAP_PITCH_EM * SIZE - 0.5, True),
    (MAX_WRAP_PITCH_EM * SIZE + 0.5, False),
])
def test_a_wrapped_line_is_continued_at_most_MAX_WRAP_PITCH_EM_below(step, together):
    lines = [_typed([(RUNS_ON, REGULAR)], 100), _typed([("associations de la diaspora", REGULAR)], 100 + step)]
    assert len(_texts(lines)) == (1 if together else 2)


@pytest.mark.parametrize("lead_in, following, together", [
    (RUNS_ON + " activités suivantes :", "Atelier régional à Dakar", False),   # the first entry it introduces
    (RUNS_ON + " activités suivantes :", "atelier régional à Dakar", True),    # the sentence goes on
    (RUNS_ON + " activités suivantes", "Atelier régional à Dakar", True),      # no lead-in: wrapped
])
def test_a_lead_in_ending_on_a_colon_does_not_wrap_onto_a_capital(lead_in, following, together):
    lines = [_typed([(lead_in, REGULAR)], 100), _typed([(following, REGULAR)], 100 + LEADED)]
    assert len(_texts(lines)) == (1 if together else 2)


# --- drawn tables ------------------------------------------------------------------------------
# The lines of one cell of a ruled table are one block, whatever their spacing; lines of two
# cells, or of a cell and the text around the table, never are.

TABLE = Table(BBox(40, 95, 400, 150), (
    (BBox(40, 95, 200, 109), BBox(200, 95, 400, 109)),
    (BBox(40, 109, 200, 150), BBox(200, 109, 400, 150)),
))


@pytest.mark.parametrize("lines, want", [
    # Two cells one above the other, a line pitch apart: a paragraph but for the table.
    ([_line("Première cellule", 98), _line("deuxième cellule", 110)], ["Première cellule", "deuxième cellule"]),
    # One cell's lines far apart: two paragraphs but for the table.
    ([_line("une ligne", 112, x=205), _line("et une autre plus bas", 135, x=205)], ["une ligne et une autre plus bas"]),
    # A cell's last line, then a line under the table.
    ([_line("dernière ligne", 138), _line("suite sous le tableau", 150)],
     ["dernière ligne", "suite sous le tableau"]),
])
def test_a_table_cell_is_one_block_whatever_its_lines(lines, want):
    assert _texts(lines, Page(1, 595.0, 842.0, chars=(), tables=(TABLE,))) == want
    assert _texts(lines, Page(1, 595.0, 842.0, chars=())) != want   # without the table the other rules decide


# --- entries "label – text" set line by line ---------------------------------------------------
# A list without markers: each entry a line broken by hand, starting at the block's left edge.

# A paragraph further down shows how far right the column reaches (x 50..335).
_COLUMN = _line("Les rendez-vous de l’automne dans le quartier des écoles", 200)


@pytest.mark.parametrize("second, x, split", [
    ("Nov. 3 – SSC Meeting", 50, True),
    ("Nov. 3 – SSC Meeting", 50 + SAME_EDGE - 0.1, True),
    ("Nov. 3 – SSC Meeting", 50 + SAME_EDGE + 0.1, False),   # indented: the entry goes on
    ("4–5 from 8:00 pm", 60, False),                           # its continuation
    ("SSC Meeting on Nov. 3", 50, False),                      # not "label – text"
    ("Nov. 3 — SSC Meeting", 50, True),                        # an em dash
    ("Le 3 novembre 2021 – SSC Meeting", 50, True),            # a label of four words
    ("Le 3 novembre 2021 au soir – SSC", 50, False),           # ... of more: a sentence with a dash
])
def test_entries_label_dash_text_set_line_by_line_are_blocks_of_their_own(second, x, split):
    lines = [_line("Oct. 31 – Halloween Parade", 100), _line(second, 112, x=x), _COLUMN]
    first = "Oct. 31 – Halloween Parade"
    assert _texts(lines)[:-1] == ([first, second] if split else [f"{first} {second}"])


@pytest.mark.parametrize("first, x1, second, split", [
    ("Oct. 31 – Halloween Parade", None, "Nov. 3 – SSC Meeting", True),
    ("Halloween Parade on Oct. 31", None, "Nov. 3 – SSC Meeting", False),   # the block does not start as an entry
    # An entry filling the measure ("… – THIS IS A CHANGE IN TIME"), then the next entry.
    ("Oct. 31 – Halloween Parade", 335, "Nov. 3 – SSC Meeting", True),
    # A wrapped entry going on in lower case, whatever its words look like.
    ("Oct. 31 – Halloween Parade", 335, "and games – for all", False),
])
def test_an_entry_ends_where_the_block_started_as_one_and_the_next_line_is_an_entry(first, x1, second, split):
    lines = [_line(first, 100, x1=x1), _line(second, 112), _COLUMN]
    assert _texts(lines)[:-1] == ([first, second] if split else [f"{first} {second}"])


def test_an_entrys_indented_continuation_stays_with_it():
    lines = [_line("Oct. 31 – Halloween Parade", 100), _line("Nov. 3 – SSC Meeting", 112),
             _line("4–5 from 8:00 pm", 124, x=60), _COLUMN]
    assert _texts(lines)[:-1] == ["Oct. 31 – Halloween Parade", "Nov. 3 – SSC Meeting 4–5 from 8:00 pm"]


@pytest.mark.parametrize("second, split", [
    ("Oct. 24 – Staff Learning Day", True),     # a heading in capitals, then text in small letters
    ("and more events to come", False),         # ... going on in lower case: one sentence
    ("EVENTS OF THE AUTUMN", False),            # a heading in capitals over two lines
])
def test_a_line_in_capitals_then_one_in_small_letters_are_two_blocks(second, split):
    lines = [_line("CALENDAR OF EVENTS", 100, bold=True), _line(second, 112, bold=True)]
    assert _texts(lines) == (["CALENDAR OF EVENTS", second] if split else [f"CALENDAR OF EVENTS {second}"])


@pytest.mark.parametrize("indent_em, joined", [(MAX_WRAP_INDENT_EM - 0.1, True), (MAX_WRAP_INDENT_EM + 0.1, False)])
def test_a_wrapped_line_goes_on_at_most_max_wrap_indent_em_right_of_its_text(indent_em, joined):
    # A bold line running to the column's edge, then text in the body weight going on in lower
    # case: a wrap across weights, unless the text starts further right (another column's text).
    lines = [_typed([(RUNS_ON + " ONG", BOLD)], 100), _typed([("associations de la diaspora", REGULAR)], 112,
                                                              x=50 + indent_em * SIZE)]
    assert len(_texts(lines)) == (1 if joined else 2)


@pytest.mark.parametrize("lines, blocks", [
    # an entry ending on its date, short of its measure; the next capital's word would have fitted
    ([("Mise en place d'un comité chargé du suivi des", 100), ("questions migratoires, 2018", 112),
      ("Élaboration d'un manuel de procédures", 124)], 2),
    # the line above is full: the next word would not have fitted, so it wrapped there
    ([("Mise en place d'un comité chargé du suivi des", 100), ("questions migratoires et de l'appui aux", 112),
      ("Nations unies pour les migrations", 124)], 1),
    # a heading in capitals broken by hand stays one block
    ([("SUGGESTIONS POUR L'AVENIR DU DIALOGUE ET", 100), ("DES PAYS", 112), ("PARTENAIRES", 124)], 1),
])
def test_a_capital_whose_word_would_have_fitted_above_starts_a_paragraph(lines, blocks):
    built = [line(text, x=50.0, top=top, size=10.0) for text, top in lines]
    assert len(lines_to_blocks(built)) == blocks


def test_a_heading_in_capitals_keeps_its_year_on_the_next_line():
    heading = [line("ACTIVITÉS MENÉES EN", x=50.0, top=100.0, size=14.0, bold=True),
               line("2017", x=50.0, top=116.0, size=14.0, bold=True)]
    assert [b.text for b in lines_to_blocks(heading)] == ["ACTIVITÉS MENÉES EN 2017"]


@pytest.mark.parametrize("second", ["EN 2018", "2017", "DU PAYS"])
def test_a_heading_in_capitals_keeps_a_next_line_with_no_small_letter(second):
    # "EN 2018" has too few letters to count as capitals, but no small letter either
    heading = [line("ACTIVITÉS MENÉES", x=50.0, top=100.0, size=14.0, bold=True),
               line(second, x=50.0, top=116.0, size=14.0, bold=True)]
    assert [b.text for b in lines_to_blocks(heading)] == [f"ACTIVITÉS MENÉES {second}"]


@pytest.mark.parametrize("step, together", [(12.0, True), (12.0 * PITCH_RATIO + 0.5, False)])
def test_a_full_line_is_not_continued_below_the_blocks_own_pitch(step, together):
    # the second line runs to the edge and ends on a date, no full stop: it may have wrapped;
    # but the next line stands further below than the block's own lines stand apart
    runs = [chars("Lancement d'un programme de réintégration des", 30, 100),
            chars("migrants de retour, 2015-2016 et jusqu'à la", 30, 112),
            chars("Création d'un guichet unique", 30, 112 + step)]
    p = page(*runs, chars("x" * 46, 30, 300))
    texts = [b.text for b in lines_to_blocks(order_lines(chars_to_lines(p), p), p)][:2]
    assert (len(texts[0].split("Création")) == 2) is together


@pytest.mark.parametrize("first, second, split", [
    ("Signature d'un accord de coopération technique, 2019", "Appui à 250 projets de réintégration", True),
    ("Appui à 250 projets de réintégration, 16 juin 2018", "Ouverture de 3 centres de formation", True),
    ("Webinar on the protection of migrants, Early 2017", "Launch of a network of focal points", True),
    ("Appui à 250 projets de réintégration, portés par des", "Migrants de retour et leurs familles", False),  # no date
    ("Appui à 250 projets de réintégration, 16 juin 2018", "et des centres de formation", False),  # goes on in lower case
])
def test_an_entry_ending_on_a_date_after_a_comma_ends_before_a_capital(first, second, split):
    # one-line entries one under another, no space between them: the column's measure is unknown
    lines = [line(first, x=50.0, top=100.0, size=10.0), line(second, x=50.0, top=112.0, size=10.0)]
    assert len(lines_to_blocks(lines)) == (2 if split else 1)
