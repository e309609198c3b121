"""A page's lines -> reading order: columns, rows, drawn boxes read whole."""

from __future__ import annotations

import pytest

from builders import chars, page
from factextract.model import BBox
from factextract.stages.lines import chars_to_lines
from factextract.stages.order import order_lines


def texts(lines):
    return [ln.text for ln in lines]


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
