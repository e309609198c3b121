"""Sections' blocks -> the timeline: labels bound to entries by geometry alone."""

from __future__ import annotations

from builders import block, layout, section
from factextract.model import BBox, Page
from factextract.stages.timeline import bind_timeline


def _dated(blocks, rules=(), language="fr"):
    """(text, EDTF of the label dating it) for every block with items of its own."""
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=tuple(rules))
    lay = layout(blocks, pages=[page])
    timeline = bind_timeline([section(lay.blocks)], lay, language)
    return [(b.text, timeline.labels[b.index].edtf if b.index in timeline.labels else None)
            for b in lay.blocks if b.index not in timeline.consumed]


def test_labels_date_the_entries_beside_them_down_to_the_next_label():
    blocks = [
        block("Réhabilitation d’un bâtiment.", x=60, top=50, width=300),       # above the timeline
        block("Mai|2021", x=60, top=100, bold=True),
        block("Lancement d’un projet.", x=120, top=100, width=250),
        block("Mise en place d’un guichet.", x=120, top=130, width=250),       # same label: two entries
        block("Depuis|août|2021", x=60, top=170, bold=True),
        block("Projet de convention.", x=120, top=172, width=250),
    ]
    assert _dated(blocks) == [
        ("Réhabilitation d’un bâtiment.", None), ("Lancement d’un projet.", "2021-05"),
        ("Mise en place d’un guichet.", "2021-05"), ("Projet de convention.", "2021-08/.."),
    ]


def test_a_label_keeps_its_whole_text_on_one_line():
    blocks = [block("Depuis|août|2021", x=60, top=100, bold=True), block("Projet de convention.", x=120, top=100)]
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks)], lay, "fr")
    assert timeline.labels[1].text == "Depuis août 2021"
    assert timeline.consumed == {0}


def test_a_label_to_the_right_of_its_entry_binds_too():
    blocks = [block("Réunion thématique.", x=60, top=100, width=200), block("2023", x=300, top=100, bold=True)]
    assert _dated(blocks) == [("Réunion thématique.", "2023")]


def test_a_date_standing_alone_with_nothing_beside_it_is_not_a_label():
    assert _dated([block("2023", x=60, top=100)]) == [("2023", None)]


def test_a_label_above_its_entries_dates_them_down_to_the_next_label():
    blocks = [
        block("Mai 2021", x=60, top=100, bold=True),
        block("Lancement d’un projet.", x=60, top=114, width=250),
        block("Mise en place d’un guichet.", x=60, top=128, width=250),
        block("T2 2022", x=60, top=150, bold=True),
        block("Projet de convention.", x=60, top=164, width=250),
    ]
    assert _dated(blocks) == [
        ("Lancement d’un projet.", "2021-05"), ("Mise en place d’un guichet.", "2021-05"),
        ("Projet de convention.", "2022-34"),
    ]


def test_a_label_centred_beside_a_group_dates_the_whole_group():
    # Two groups of entries; each label sits at its group's vertical centre, not at its top.
    blocks = [
        block("Un.", x=140, top=100, width=250), block("Deux.", x=140, top=114, width=250),
        block("Trois.", x=140, top=128, width=250),
        block("2019", x=60, top=114, bold=True),
        block("Quatre.", x=140, top=170, width=250), block("Cinq.", x=140, top=184, width=250),
        block("Fin 2022", x=60, top=177, bold=True),
    ]
    assert _dated(blocks) == [
        ("Un.", "2019"), ("Deux.", "2019"), ("Trois.", "2019"), ("Quatre.", "2022-39"), ("Cinq.", "2022-39"),
    ]


def test_a_label_in_a_cell_spanning_rows_dates_every_row_beside_it():
    # A table: the label cell spans two rows (borders drawn as rules); entries are evenly spaced
    # so whitespace alone would not tell the rows apart.
    blocks = [
        block("Mai 2021", x=60, top=104, bold=True),
        block("Lancement d’un projet.", x=140, top=104, width=250),
        block("Mise en place d’un guichet.", x=140, top=120, width=250),
        block("Juillet 2021", x=60, top=136, bold=True),
        block("Comité de validation.", x=140, top=136, width=250),
    ]
    rules = [BBox(55, y, 400, y + 0.5) for y in (100, 132, 150)] + [BBox(135, 116, 400, 116.5)]
    assert _dated(blocks, rules) == [
        ("Lancement d’un projet.", "2021-05"), ("Mise en place d’un guichet.", "2021-05"),
        ("Comité de validation.", "2021-07"),
    ]


def test_an_event_title_takes_the_date_line_under_it():
    blocks = [
        block("Regional workshop on recognition", x=60, top=100, bold=True),
        block("1st–3rd June 2022", x=60, top=113),
        block("Participants from twelve countries.", x=60, top=128, marker_font="Wingdings-Regular"),
    ]
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks)], lay, "en")
    assert [b.text for b in timeline.joined[0]] == ["1st–3rd June 2022"]
    assert timeline.consumed == {1} and not timeline.labels.get(0)


def test_the_cells_of_a_ruled_table_row_join_the_entry():
    blocks = [
        block("2019-2020", x=45, top=141, bold=True),
        block("National survey on remittances", x=127, top=141, width=175),
        block("BCV, World Bank", x=405, top=141, width=64),
        block("Q1 2022", x=45, top=161, bold=True),
        block("Lower fees on mobile wallets", x=127, top=161, width=175),
        block("Telecom operators", x=405, top=161, width=70),
    ]
    rules = [BBox(40, y, 560, y + 0.5) for y in (136, 156, 176)]
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=tuple(rules))
    lay = layout(blocks, pages=[page])
    timeline = bind_timeline([section(lay.blocks)], lay, "en")
    assert {i: [b.text for b in joined] for i, joined in timeline.joined.items()} == {
        1: ["BCV, World Bank"], 4: ["Telecom operators"]}
    assert {i: p.edtf for i, p in timeline.labels.items() if i not in timeline.consumed} == {1: "2019/2020", 4: "2022-33"}
    assert timeline.consumed == {0, 2, 3, 5}


def test_the_header_and_footnotes_have_no_timeline():
    blocks = [block("Mai 2021", x=60, top=100, bold=True), block("Lancement d’un projet.", x=120, top=100)]
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks, kind="header", heading=None)], lay, "fr")
    assert (dict(timeline.labels), dict(timeline.joined), timeline.consumed) == ({}, {}, frozenset())
