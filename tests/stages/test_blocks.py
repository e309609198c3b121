"""Lines in reading order -> blocks: markers, style, pitch and drawn rules end a block."""

from __future__ import annotations

from builders import chars, page
from factextract.model import BBox
from factextract.stages.blocks import lines_to_blocks
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
