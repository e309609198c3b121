"""Blocks -> blocks re-cut: headings set over separate boxes joined, field lines cut out."""

from __future__ import annotations

import pytest

from builders import block, layout
from factextract.stages.regroup import (
    HEADING_PART_GAP, MAX_HEADING_PARTS, MAX_OVERLAP_RATIO, SAME_SIZE_TOLERANCE, regroup_blocks,
)
from factextract.text.repair import block_text


def _regrouped(blocks, language="fr"):
    return [block_text(b, language) for b in regroup_blocks(layout(blocks), language).blocks]


def _heading(text: str, top: float, size: float = 14.0):
    return block(text, x=40, top=top, size=size, bold=True)


# A body of 9 pt text, so that the headings above are set larger than it.
_BODY = [block("Un paragraphe ordinaire du corps du texte, assez long pour donner la taille du corps.",
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
