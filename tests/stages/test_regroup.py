"""Blocks -> blocks re-cut: headings set over separate boxes joined, field lines cut out."""

from __future__ import annotations

import pytest

from builders import block, layout
from factextract.stages.regroup import regroup_blocks
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
