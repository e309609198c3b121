"""Blocks -> blocks re-cut: headings set over separate boxes joined, field lines cut out."""

from __future__ import annotations

import pytest

from builders import block, layout, line
from factextract.model import BBox, Block, Span
from factextract.stages.regroup import (
    EDGE_TOLERANCE, HEADING_PART_GAP, LEVEL_TOLERANCE_EM, MAX_CAPTION_GAP_EM, MAX_CAPTION_PARTS, MAX_FIGURE_WORDS,
    MAX_HEADING_PARTS, MAX_LABEL_LINES, MAX_LABEL_WORDS, MAX_OVERLAP_RATIO, MAX_VALUE_GAP_EM, MIN_GRID_LABELS,
    SAME_SIZE_TOLERANCE, regroup_blocks,
)
from factextract.text.repair import block_text
from factextract.text.style import HEADING_SIZE_RATIO, is_heading_styled


def _regrouped(blocks, language="fr"):
    return [block_text(b, language) for b in regroup_blocks(layout(blocks), language).blocks]


def _heading(text: str, top: float, size: float = 14.0):
    return block(text, x=40, top=top, size=size, bold=True)


# A body of 9 pt text, so that the headings above are set larger than it, and long enough to
# outweigh them: were most of the text bold, bold would set nothing apart (Layout.body_bold).
_BODY = [block("Un paragraphe ordinaire du corps du texte, assez long pour donner la taille du corps.|"
               "Une seconde ligne du même paragraphe, pour que le corps du texte pèse plus que les titres.",
               x=40, top=700, size=9.0)]


@pytest.mark.parametrize("parts, want", [
    (["LE SYSTÈME DES", "PAYS RÉFÉRENTS"], ["LE SYSTÈME DES PAYS RÉFÉRENTS"]),
    (["Mise en œuvre", "du Plan d’Action de", "Marrakech"], ["Mise en œuvre du Plan d’Action de Marrakech"]),
    (["SUGGESTIONS POUR", "L’AVENIR"], ["SUGGESTIONS POUR L’AVENIR"]),
    (["PROGRÈS", "Document final"], ["PROGRÈS", "Document final"]),
])
def test_a_heading_set_over_separate_boxes_is_joined(parts, want):
    blocks = [_heading(text, 100 + 20 * i) for i, text in enumerate(parts)]
    assert _regrouped(blocks + _BODY)[:-1] == want


def test_a_field_title_left_open_takes_the_block_that_continues_it():
    blocks = [_heading("Action 20 : Échanger les bonnes pratiques (notamment", 100, size=9.0),
              _heading("par le biais de concertations régionales)", 118, size=9.0),
              _heading("Document final", 160, size=9.0)]
    assert _regrouped(blocks + _BODY)[:-1] == [
        "Action 20 : Échanger les bonnes pratiques (notamment par le biais de concertations régionales)",
        "Document final"]


def test_a_block_is_cut_before_a_field_line():
    joined = block("Mise en œuvre du Plan d’Action de Marrakech|Action 6 : Renforcer les capacités",
                   x=40, top=100, bold=True)
    assert _regrouped([joined] + _BODY)[:-1] == [
        "Mise en œuvre du Plan d’Action de Marrakech", "Action 6 : Renforcer les capacités"]


def test_blocks_are_numbered_again_in_reading_order():
    blocks = [_heading("LE SYSTÈME DES", 100), _heading("PAYS RÉFÉRENTS", 120)] + _BODY
    regrouped = regroup_blocks(layout(blocks), "fr")
    assert [b.index for b in regrouped.blocks] == [0, 1]


# --- which heading parts are joined ------------------------------------------------------------

# "Mise en œuvre du Plan d’Action de Marrakech" cut in four: only the four parts together name
# the phrase, and a heading is set over at most MAX_HEADING_PARTS boxes.
_MARRAKECH_IN_FOUR = ["Mise en", "œuvre du Plan", "d’Action de", "Marrakech"]


def test_a_heading_is_joined_over_at_most_max_heading_parts_boxes():
    assert len(_MARRAKECH_IN_FOUR) == MAX_HEADING_PARTS + 1
    blocks = [_heading(text, 100 + 20 * i) for i, text in enumerate(_MARRAKECH_IN_FOUR)]
    assert _regrouped(blocks + _BODY)[:-1] == _MARRAKECH_IN_FOUR


def test_parts_on_another_page_are_not_joined():
    # Where the second part stands on its page would join it, were it on the same page.
    blocks = [_heading("LE SYSTÈME DES", 100), block("PAYS RÉFÉRENTS", x=40, top=120, size=14.0, bold=True,
                                                     page_number=2)]
    assert _regrouped(blocks + _BODY)[:-1] == ["LE SYSTÈME DES", "PAYS RÉFÉRENTS"]


@pytest.mark.parametrize("size, joined", [
    (14.0 + SAME_SIZE_TOLERANCE, True),
    (14.0 + SAME_SIZE_TOLERANCE + 0.1, False),
    (14.0 - SAME_SIZE_TOLERANCE - 0.1, False),
])
def test_parts_differing_in_size_by_more_than_the_tolerance_are_not_joined(size, joined):
    blocks = [_heading("LE SYSTÈME DES", 100), _heading("PAYS RÉFÉRENTS", 120, size=size)]
    want = ["LE SYSTÈME DES PAYS RÉFÉRENTS"] if joined else ["LE SYSTÈME DES", "PAYS RÉFÉRENTS"]
    assert _regrouped(blocks + _BODY)[:-1] == want


def test_parts_in_another_weight_are_not_joined():
    # Both are heading-styled (bold, or large), but not in the same weight.
    blocks = [_heading("LE SYSTÈME DES", 100), block("PAYS RÉFÉRENTS", x=40, top=120, size=14.0)]
    assert _regrouped(blocks + _BODY)[:-1] == ["LE SYSTÈME DES", "PAYS RÉFÉRENTS"]


def test_a_part_in_the_body_style_is_not_joined():
    blocks = [_heading("LE SYSTÈME DES", 100, size=9.0), block("pays référents", x=40, top=112, size=9.0)]
    assert _regrouped(blocks + _BODY)[:-1] == ["LE SYSTÈME DES", "pays référents"]


# The first part is 14 pt high, its bottom at 114: the second may start up to
# HEADING_PART_GAP line heights below it, or overlap it by up to MAX_OVERLAP_RATIO of one.
@pytest.mark.parametrize("top, joined", [
    (114 + HEADING_PART_GAP * 14, True),
    (114 + HEADING_PART_GAP * 14 + 0.5, False),
    (114 - MAX_OVERLAP_RATIO * 14, True),
    (114 - MAX_OVERLAP_RATIO * 14 - 0.5, False),
])
def test_parts_too_far_apart_or_overlapping_too_much_are_not_joined(top, joined):
    blocks = [_heading("LE SYSTÈME DES", 100), _heading("PAYS RÉFÉRENTS", top)]
    want = ["LE SYSTÈME DES PAYS RÉFÉRENTS"] if joined else ["LE SYSTÈME DES", "PAYS RÉFÉRENTS"]
    assert _regrouped(blocks + _BODY)[:-1] == want


def test_parts_side_by_side_are_not_joined():
    blocks = [_heading("LE SYSTÈME DES", 100), block("PAYS RÉFÉRENTS", x=400, top=120, size=14.0, bold=True)]
    assert _regrouped(blocks + _BODY)[:-1] == ["LE SYSTÈME DES", "PAYS RÉFÉRENTS"]


# --- a field title left open ---------------------------------------------------------------------

@pytest.mark.parametrize("first, second, language", [
    ("Action 20 : Échanger les bonnes pratiques (notamment", "par le biais de concertations)", "fr"),
    ("Action 20 : Échanger les bonnes pratiques,", "les outils et les méthodes", "fr"),
    ("Action 20 : Échanger les bonnes pratiques de", "la région", "fr"),
    ("Action 12: Strengthen the capacities of", "national authorities", "en"),
    # The open-ended words of every language count: an English title in a French document.
    ("Action 12: Strengthen the capacities of", "national authorities", "fr"),
    ("Action 20 : Échanger les bonnes pratiques de", "la région", "en"),
])
def test_a_field_title_left_open_is_joined_to_the_next_box(first, second, language):
    blocks = [_heading(first, 100, size=9.0), _heading(second, 112, size=9.0)]
    assert _regrouped(blocks + _BODY, language)[:-1] == [f"{first} {second}"]


@pytest.mark.parametrize("first", [
    "Action 20 : Échanger les bonnes pratiques",
    "Action 5 : Une aide rapide",  # ends on "de" inside a word, not on the word "de"
])
def test_a_field_title_that_ends_is_not_joined_to_the_next_box(first):
    blocks = [_heading(first, 100, size=9.0), _heading("Document final", 112, size=9.0)]
    assert _regrouped(blocks + _BODY)[:-1] == [first, "Document final"]


def test_a_title_left_open_that_is_no_field_line_is_not_joined():
    blocks = [_heading("Réunion régionale de", 100, size=9.0), _heading("Document final", 112, size=9.0)]
    assert _regrouped(blocks + _BODY)[:-1] == ["Réunion régionale de", "Document final"]


def test_a_field_title_left_open_is_not_joined_to_a_box_too_far_below():
    blocks = [_heading("Action 20 : Échanger les bonnes pratiques de", 100, size=9.0),
              _heading("la région", 109 + HEADING_PART_GAP * 9 + 1, size=9.0)]
    assert _regrouped(blocks + _BODY)[:-1] == ["Action 20 : Échanger les bonnes pratiques de", "la région"]


# --- field lines cut out, blocks numbered again -----------------------------------------------

@pytest.mark.parametrize("lines, language, want", [
    ("Reference country|Domain 3: Protection and asylum", "en",
     ["Reference country", "Domain 3: Protection and asylum"]),
    ("Pays référent|Domaine 5 : Retour|Action 20 : Échanger",
     "fr", ["Pays référent", "Domaine 5 : Retour", "Action 20 : Échanger"]),
    # A field line that opens the block is not cut off from what follows it.
    ("Action 20 : Échanger les bonnes|pratiques de la région", "fr",
     ["Action 20 : Échanger les bonnes pratiques de la région"]),
])
def test_a_block_is_cut_before_each_field_line_after_its_first_line(lines, language, want):
    assert _regrouped([block(lines, x=40, top=100, size=9.0)] + _BODY, language)[:-1] == want


def test_blocks_are_numbered_again_after_a_cut():
    blocks = [block("Pays référent|Domaine 5 : Retour", x=40, top=100, size=9.0)] + _BODY
    regrouped = regroup_blocks(layout(blocks), "fr")
    assert [(b.index, b.text) for b in regrouped.blocks] == [
        (0, "Pays référent"), (1, "Domaine 5 : Retour"), (2, _BODY[0].text)]


# --- heading style in a document set all in bold ------------------------------------------------

@pytest.mark.parametrize("body_bold, styled", [(False, True), (True, False)])
def test_bold_sets_a_block_apart_only_when_the_body_is_not_bold(body_bold, styled):
    assert is_heading_styled(block("Un titre", bold=True), 10.0, body_bold=body_bold) is styled


@pytest.mark.parametrize("kwargs", [{"size": 10.0 * HEADING_SIZE_RATIO}, {"text": "PROGRÈS"}])
def test_large_type_and_capitals_set_a_block_apart_even_when_the_body_is_bold(kwargs):
    assert is_heading_styled(block(**{"text": "Un titre", "bold": True, **kwargs}), 10.0, body_bold=True)


@pytest.mark.parametrize("body_bold, want", [
    (False, ["Mise en œuvre du Plan d’Action de Marrakech"]),
    (True, ["Mise en œuvre", "du Plan d’Action de", "Marrakech"]),   # bold parts are no heading parts
])
def test_bold_heading_parts_are_joined_only_when_the_body_is_not_bold(body_bold, want):
    parts = [block(text, x=40, top=100 + 12 * i, size=9.0, bold=True)
             for i, text in enumerate(["Mise en œuvre", "du Plan d’Action de", "Marrakech"])]
    body = [block(_BODY[0].text, x=40, top=700, size=9.0, bold=body_bold)]
    assert _regrouped(parts + body)[:-1] == want


# --- an information box set as a grid: one "Label: value" block per row --------------------------

_PROSE = block("A paragraph of body text, long enough to set the size of the body of the document.", x=40, top=700)


def _grid(labels=("Evaluation type:", "Evaluators:"), values=("Central Evaluation", "External consultants"),
          value_x=140.0, value_dy=0.0, pitch=20.0):
    """Labels in a column at x=40, each value level with its label at value_x, 10 pt; in
    reading order the labels come first, then the values, then a body paragraph."""
    lbls = [block(text, x=40, top=100 + pitch * i) for i, text in enumerate(labels)]
    vals = [block(text, x=value_x, top=100 + pitch * i + value_dy) for i, text in enumerate(values)]
    return lbls + vals + [_PROSE]


def test_an_information_box_set_as_a_grid_gives_one_block_per_row_where_the_label_stands():
    regrouped = regroup_blocks(layout(_grid()), "en")
    assert [b.text for b in regrouped.blocks] == [
        "Evaluation type: Central Evaluation", "Evaluators: External consultants", _PROSE.text]
    # The row's block spans its label and its value.
    assert regrouped.blocks[0].bbox == BBox(40, 100, 140 + len("Central Evaluation") * 5, 110)


@pytest.mark.parametrize("count, paired", [(MIN_GRID_LABELS - 1, False), (MIN_GRID_LABELS, True)])
def test_a_column_of_fewer_than_min_grid_labels_labels_is_no_grid(count, paired):
    # A lone "Budget:" with text beside it may be a sentence's lead-in: only a column of them
    # makes an information box.
    labels = ["Evaluation type:", "Evaluators:", "Budget:"][:count]
    values = ["Central Evaluation", "External consultants", "37.741 USD"][:count]
    got = _regrouped(_grid(labels, values), "en")[:-1]
    assert got == ([f"{lb} {v}" for lb, v in zip(labels, values)] if paired else labels + values)


# Both labels are 16 characters of 10 pt: their right edge is at 40 + 80 = 120.
_SAME_WIDTH = ("Evaluation type:", "Commissioned by:")


@pytest.mark.parametrize("value_x, paired", [
    (120 + MAX_VALUE_GAP_EM * 10, True),
    (120 + MAX_VALUE_GAP_EM * 10 + 0.5, False),   # too far right: another column's text
    (120 - EDGE_TOLERANCE, True),
    (120 - EDGE_TOLERANCE - 0.5, False),          # starts under the label: not beside it
])
def test_a_value_starts_at_most_max_value_gap_em_right_of_its_label(value_x, paired):
    got = _regrouped(_grid(_SAME_WIDTH, value_x=value_x), "en")[:-1]
    assert (got == ["Evaluation type: Central Evaluation", "Commissioned by: External consultants"]) is paired


@pytest.mark.parametrize("value_dy, paired", [
    (LEVEL_TOLERANCE_EM * 10, True),
    (LEVEL_TOLERANCE_EM * 10 + 0.5, False),
    # Bug (reported): a value more than EDGE_TOLERANCE above its label's top also falls in the
    # row above, which takes it down to the next label's top less EDGE_TOLERANCE.
    pytest.param(-LEVEL_TOLERANCE_EM * 10, True, marks=pytest.mark.xfail(
        strict=True, reason="bug (reported): the value is also taken by the row above")),
    (-EDGE_TOLERANCE, True),
    (-LEVEL_TOLERANCE_EM * 10 - 0.5, False),
])
def test_a_value_is_level_with_its_label_within_level_tolerance_em(value_dy, paired):
    got = _regrouped(_grid(value_dy=value_dy), "en")[:-1]
    assert (got == ["Evaluation type: Central Evaluation", "Evaluators: External consultants"]) is paired


def test_a_value_wrapping_onto_more_lines_stays_with_its_label_down_to_the_next_label():
    # The layout set the value column as one block: the first value wraps onto a second line,
    # the next label's value starts level with it.
    labels = [block("Evaluation type:", x=40, top=100), block("Evaluators:", x=40, top=130)]
    values = block("Central evaluation of the|regional programme|External consultants", x=140, top=100,
                   pitch=15)   # lines at 100, 115 and 130
    assert _regrouped(labels + [values, _PROSE], "en")[:-1] == [
        "Evaluation type: Central evaluation of the regional programme", "Evaluators: External consultants"]


# The next label's top is at 130: a wrapped line starting EDGE_TOLERANCE points above it or
# lower belongs to the next row.
@pytest.mark.parametrize("wrap_top, first_row", [
    (130 - EDGE_TOLERANCE - 0.5, "Evaluation type: Central evaluation of the regional programme"),
    (130 - EDGE_TOLERANCE, "Evaluation type: Central evaluation of the"),
])
def test_a_wrapped_value_line_goes_with_its_label_above_the_next_labels_top(wrap_top, first_row):
    labels = [block("Evaluation type:", x=40, top=100), block("Evaluators:", x=40, top=130)]
    values = Block.of([line("Central evaluation of the", x=140, top=100),
                       line("regional programme", x=140, top=wrap_top),
                       line("External consultants", x=140, top=142)])
    assert _regrouped(labels + [values, _PROSE], "en")[0] == first_row


def test_a_value_cut_into_blocks_of_its_own_lines_stays_with_its_label():
    labels = [block("Dates:", x=40, top=100), block("Evaluators:", x=40, top=140)]
    values = [block("February-March 2024", x=140, top=100), block("March 2024 (Türkiye)", x=140, top=115),
              block("External consultants", x=140, top=140)]
    assert _regrouped(labels + values + [_PROSE], "en")[:-1] == [
        "Dates: February-March 2024 March 2024 (Türkiye)", "Evaluators: External consultants"]


@pytest.mark.parametrize("lines, paired", [
    ("Commissioned|and managed|by:", True),             # MAX_LABEL_LINES lines
    ("Commissioned|and|managed|by:", False),           # one more: a paragraph, not a label
])
def test_a_label_has_at_most_max_label_lines(lines, paired):
    assert lines.count("|") + 1 == MAX_LABEL_LINES + (0 if paired else 1)
    blocks = [block("Evaluation type:", x=40, top=100), block("Evaluators:", x=40, top=120),
              block(lines, x=40, top=140), block("Central Evaluation", x=140, top=100),
              block("External consultants", x=140, top=120), block("IOM", x=140, top=140), _PROSE]
    last = _regrouped(blocks, "en")[2]
    assert (last == lines.replace("|", " ") + " IOM") is paired


@pytest.mark.parametrize("label, paired", [
    ("Name of the lead agency:", True),            # MAX_LABEL_WORDS words
    ("Name of the lead partner agency:", False),   # one more
])
def test_a_label_has_at_most_max_label_words(label, paired):
    assert len(label.split()) == MAX_LABEL_WORDS + (0 if paired else 1)
    blocks = _grid(("Name of the donor:", "Budget in euros:", label), ("EU", "1.2 million", "IOM"), value_x=205)
    assert (_regrouped(blocks, "en")[2] == f"{label} IOM") is paired


@pytest.mark.parametrize("labels, paired", [
    (("Donateur :", "Budget :"), True),
    (("Mai 2021 :", "Juin 2021 :"), False),   # dates ending on a colon: a timeline's labels
    (("• Donateur :", "• Budget :"), False),  # list points
])
def test_a_label_is_no_date_and_no_list_point(labels, paired):
    values = ("Union européenne", "1,2 million d’euros")
    got = _regrouped(_grid(labels, values), "fr")[:-1]
    assert got == ([f"{lb} {v}" for lb, v in zip(labels, values)] if paired else [*labels, *values])


# --- a key figure and its caption: one block ------------------------------------------------------

def _figure(figure="24 000", size=24.0, captions=("mois de chômage évités", "grâce à l’accompagnement"),
            gap=2.0, caption_size=10.0):
    """A figure set large at the top of a column, its captions under it gap points apart,
    then a 10 pt body paragraph."""
    out = [block(figure, x=60, top=100, size=size)]
    top = 100 + size + gap
    for text in captions:
        out.append(block(text, x=60, top=top, size=caption_size))
        top += caption_size + gap
    return out + [_PROSE]


def test_a_key_figure_and_its_captions_in_smaller_type_are_one_block():
    assert _regrouped(_figure())[:-1] == ["24 000 mois de chômage évités grâce à l’accompagnement"]


@pytest.mark.parametrize("gap, joined", [
    (MAX_CAPTION_GAP_EM * 10, True),
    (MAX_CAPTION_GAP_EM * 10 + 0.5, False),   # too far below: text of its own
    (0.0, True),
    (-0.5, False),                            # overlapping the figure
])
def test_a_caption_starts_at_most_max_caption_gap_em_under_the_figure(gap, joined):
    got = _regrouped(_figure(captions=("mois de chômage évités",), gap=gap))[:-1]
    assert got == (["24 000 mois de chômage évités"] if joined else ["24 000", "mois de chômage évités"])


@pytest.mark.parametrize("caption_size, joined", [
    (20.0, True),
    (20.5, False),   # less than HEADING_SIZE_RATIO times smaller: a figure of its own, or a heading
])
def test_a_caption_is_set_heading_size_ratio_times_smaller_than_the_figure(caption_size, joined):
    got = _regrouped(_figure(size=20.0 * HEADING_SIZE_RATIO, captions=("emplois créés",), caption_size=caption_size))
    assert got[:-1] == (["24 000 emplois créés"] if joined else ["24 000", "emplois créés"])


def test_a_key_figure_takes_at_most_max_caption_parts_blocks():
    captions = [f"Légende numéro {n}" for n in range(1, MAX_CAPTION_PARTS + 2)]
    got = _regrouped(_figure(captions=captions))[:-1]
    assert got == [" ".join(["24 000", *captions[:MAX_CAPTION_PARTS]]), captions[-1]]


@pytest.mark.parametrize("figure, is_figure", [
    ("+18 %", True),
    ("7,2 millions d’euros", True),
    ("2.1 million people", True),   # a decimal point before a word in lower case
    ("24 000", True),
    ("2017", False),         # a date: a timeline's label or a heading
    ("2 mai 2021", False),
    ("Emplois créés", False),
])
def test_a_key_figure_begins_with_a_number_and_is_no_date(figure, is_figure):
    got = _regrouped(_figure(figure=figure, captions=("mois de chômage évités",)))[:-1]
    assert got == ([f"{figure} mois de chômage évités"] if is_figure else [figure, "mois de chômage évités"])


@pytest.mark.parametrize("words, is_figure", [(MAX_FIGURE_WORDS, True), (MAX_FIGURE_WORDS + 1, False)])
def test_a_key_figure_has_at_most_max_figure_words(words, is_figure):
    # Longer, it is a sentence set large ("24 000" is two words).
    figure = " ".join(["24 000"] + ["emplois"] * (words - 2))
    got = _regrouped(_figure(figure=figure, captions=("grâce au projet",)))[:-1]
    assert got == ([f"{figure} grâce au projet"] if is_figure else [figure, "grâce au projet"])


@pytest.mark.parametrize("size, is_figure", [
    (10.0 * HEADING_SIZE_RATIO, True),
    (10.0 * HEADING_SIZE_RATIO - 0.1, False),   # near body size: a number in the text
])
def test_a_key_figure_is_set_heading_size_ratio_times_the_body_size(size, is_figure):
    got = _regrouped(_figure(size=size, captions=("emplois",), caption_size=size / HEADING_SIZE_RATIO))[:-1]
    assert got == (["24 000 emplois"] if is_figure else ["24 000", "emplois"])


@pytest.mark.parametrize("caption", [
    block("• mois de chômage évités", x=60, top=126),        # a list point under it
    block("mois de chômage évités", x=300, top=126),         # beside it, in another column
    block("mois de chômage évités", x=60, top=126, page_number=2),
])
def test_a_caption_stands_under_the_figure_on_its_page_and_is_no_list_point(caption):
    assert _regrouped([block("24 000", x=60, top=100, size=24), caption, _PROSE])[:2] == ["24 000", caption.text]


@pytest.mark.parametrize("heading", ["1. Introduction", "2.1 Contexte", "2017 en chiffres", "3) Résultats"])
def test_a_numbered_heading_set_large_is_no_key_figure(heading):
    got = _regrouped(_figure(figure=heading, captions=("Ce rapport présente les résultats",)))[:-1]
    assert got == [heading, "Ce rapport présente les résultats"]


# --- a paragraph continued in the next column or on the next page --------------------------------

_ENDS_OPEN = "Le projet a permis de former les agents des autorités"


def _continued(before=_ENDS_OPEN, after="nationales chargées de la migration.", after_top=100.0, after_page=1,
               after_x=320.0, **after_style):
    """A paragraph at the foot of the left column, then (in reading order) a block at the
    top of the right column, or on the next page."""
    first = block("Un paragraphe qui commence en bas de la colonne de gauche.|" + before, x=40, top=700)
    return [first, block(after, x=after_x, top=after_top, page_number=after_page, **after_style)]


@pytest.mark.parametrize("after_top, after_page", [(100.0, 1), (700.0, 2), (50.0, 2)])
def test_a_paragraph_running_on_into_the_next_column_or_page_is_one_block_where_it_begins(after_top, after_page):
    blocks = _continued(after_top=after_top, after_page=after_page)
    [joined] = regroup_blocks(layout(blocks), "fr").blocks
    assert joined.text == " ".join(b.text for b in blocks)
    assert (joined.page, joined.bbox) == (1, blocks[0].bbox)


@pytest.mark.parametrize("blocks, joined", [
    (_continued(), True),
    (_continued(after_top=720.0, after_x=40.0), False),         # the next paragraph, below it
    (_continued(after="Nationales chargées de la migration."), False),   # starts a sentence
    (_continued(before=_ENDS_OPEN + "."), False),               # the paragraph has ended
    (_continued(before=_ENDS_OPEN + " :"), False),              # it introduces what follows
    (_continued(before="Le projet a permis d’accompa-", after="Gner les autorités."), True),  # a broken word
    (_continued(before="Le projet a permis d’accompa\u00ad", after="Gner les autorités."), True),
    (_continued(after="• nationales chargées de la migration."), False),   # a list point
    (_continued(bold=True), False),                             # another weight
    (_continued(size=10.0 + SAME_SIZE_TOLERANCE), True),
    (_continued(size=10.0 + SAME_SIZE_TOLERANCE + 0.1), False),  # another size
])
def test_a_paragraph_runs_on_only_mid_sentence_in_the_same_style(blocks, joined):
    assert len(regroup_blocks(layout(blocks), "fr").blocks) == (1 if joined else 2)


@pytest.mark.parametrize("font, joined", [("Helvetica-Oblique", True), ("Times-Roman", False)])
def test_a_paragraph_runs_on_only_in_the_same_font_family(font, joined):
    first, after = _continued()
    text = after.text
    after = Block.of([line(text, x=320, top=100, spans=(Span(text, font, 10.0),))])
    assert len(regroup_blocks(layout([first, after]), "fr").blocks) == (1 if joined else 2)


def _label_and_entries(label_lines, entry_lines, language="en"):
    """A column of timeline labels (8.5 pt, bold) beside a column of entries (9 pt), both set
    line under line with no space between their items: lines 12 points apart."""
    label = Block.of([line(text, x=32, top=200 + 12 * i, size=8.5, bold=True) for i, text in enumerate(label_lines)])
    entries = Block.of([line(text, x=94, top=200 + 12 * i, size=9.0) for i, text in enumerate(entry_lines)])
    return _regrouped([label, entries, *_BODY], language)


def test_labels_and_entries_set_with_no_space_between_them_are_cut_where_they_meet():
    got = _label_and_entries(["2018", "June", "2018"],
                             ["Review of the legal framework.", "Adoption of a national policy", "and its plan."])
    assert got[:4] == ["2018", "June 2018", "Review of the legal framework.", "Adoption of a national policy and its plan."]


def _far_labels(entries, between=False):
    """Labels flush right of a wide column (x=500), one a line, level with the first lines of
    entry blocks at x=40; with ``between``, a block stands between them down all the rows."""
    labels = Block.of([line(text, x=500, top=200 + 20 * i, size=8.5, bold=True)
                       for i, text in enumerate(["Q4 2020", "Q1 2022", "Q1 2021"])])
    blocks = [Block.of([line(text, x=40, top=200 + 20 * i + 10 * j, size=9.0) for j, text in enumerate(entry)])
              for i, entry in enumerate(entries)]
    extra = [block("Encadré|un|deux|trois|quatre", x=300, top=200, size=9.0)] if between else []
    return _regrouped([labels, *blocks, *extra, *_BODY], "en")


def test_labels_far_right_with_nothing_between_are_cut_at_the_entries_they_are_level_with():
    got = _far_labels([["Support to 250 projects."], ["Signature of an agreement."], ["Adoption of a policy."]])
    assert got[:3] == ["Q4 2020", "Q1 2022", "Q1 2021"]
    # with a block between them and the entries, they are no labels of those entries
    assert _far_labels([["Support to 250 projects."], ["Signature."], ["Adoption."]], between=True)[0] \
        == "Q4 2020 Q1 2022 Q1 2021"


def test_a_date_far_right_level_with_a_paragraphs_later_line_does_not_cut_it():
    paragraph = Block.of([line(text, x=40, top=200 + 12 * i, size=9.0) for i, text in
                          enumerate(["Elles montrent que l’innovation peut prendre place", "au cœur de l’action.",
                                     "Ces principes ont fait la preuve."])])
    date = Block.of([line("2017", x=500, top=224, size=8.5, bold=True)])
    got = _regrouped([paragraph, date, *_BODY])
    assert got[0] == "Elles montrent que l’innovation peut prendre place au cœur de l’action. Ces principes ont fait la preuve."


@pytest.mark.parametrize("label_lines, entry_lines, want", [
    # a label of two lines that reads as one date is not cut, even level with an entry's line
    (["June", "2018"], ["Review of the legal", "Framework against trafficking."], ["June 2018"]),
    # parts that do not all read as dates: not labels
    (["Budget", "2018"], ["Review of the legal framework.", "Adoption of a national policy."], ["Budget 2018"]),
    # an entry's line going on in lower case starts no entry, so no label either
    (["2018", "2019"], ["Review of the legal framework", "against trafficking."],
     ["2018 2019", "Review of the legal framework against trafficking."]),
])
def test_label_columns_are_cut_only_into_dates_and_entries_only_before_a_new_sentence(label_lines, entry_lines, want):
    assert _label_and_entries(label_lines, entry_lines)[:len(want)] == want
