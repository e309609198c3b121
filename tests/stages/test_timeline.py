"""Sections' blocks -> the timeline: labels bound to entries by geometry alone."""

from __future__ import annotations

import pytest

from builders import block, layout, ruled_table, section
from factextract.model import BBox, Page, Table
from factextract.stages.timeline import (
    ABOVE_LABEL_MAX_GAP_EM, EVENT_DATE_GAP_EM, INDENT_TOLERANCE, MAX_LABEL_CHARS, MAX_LABEL_DISTANCE_SHARE,
    MAX_LABEL_LINES, RUN_GAP_RATIO, bind_timeline,
)


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


def test_labels_under_their_entries_date_the_entries_above_them_up_to_the_label_before():
    # The last label has nothing under it: the labels close their groups. The paragraph above
    # the first group, a wider gap above it than the groups are apart, is not dated.
    blocks = [
        block("Un paragraphe d’introduction.", x=60, top=80, width=250),
        block("Lancement d’un projet.", x=60, top=112, width=250),
        block("Mise en place d’un guichet.", x=60, top=126, width=250),
        block("Mai 2021", x=60, top=140, bold=True),
        block("Projet de convention.", x=60, top=166, width=250),
        block("T2 2022", x=60, top=180, bold=True),
    ]
    assert _dated(blocks) == [
        ("Un paragraphe d’introduction.", None), ("Lancement d’un projet.", "2021-05"),
        ("Mise en place d’un guichet.", "2021-05"), ("Projet de convention.", "2022-34"),
    ]


@pytest.mark.parametrize("intro_gap, intro_dated", [(30.0, False), (4.0, True)])
def test_one_closing_label_dates_the_blocks_above_it_up_to_a_gap_wider_than_its_own(intro_gap, intro_dated):
    blocks = [
        block("Un paragraphe.", x=60, top=100 - intro_gap - 12, width=250),
        block("Lancement d’un projet.", x=60, top=100, width=250),
        block("Mai 2021", x=60, top=116, bold=True),
    ]
    assert _dated(blocks) == [("Un paragraphe.", "2021-05" if intro_dated else None),
                              ("Lancement d’un projet.", "2021-05")]


def test_labels_along_a_line_date_the_entries_under_each_not_those_beside_it():
    # A horizontal timeline: the labels side by side, each over its own entries; a rule over
    # the row and the box's edge under it make one drawn row of cells.
    blocks = [
        block("Mai 2021", x=60, top=100, bold=True),
        block("T2 2022", x=200, top=100, bold=True),
        block("Depuis|2023", x=340, top=100, bold=True),
        block("Lancement|d’un projet.", x=60, top=128, width=120),
        block("Mise en place|d’un guichet.", x=200, top=128, width=120),
        block("Projet de|convention.", x=340, top=128, width=120),
    ]
    rules = [BBox(55, 95, 470, 95.5), BBox(55, 160, 470, 160.5)]
    assert _dated(blocks, rules) == [
        ("Lancement d’un projet.", "2021-05"), ("Mise en place d’un guichet.", "2022-34"),
        ("Projet de convention.", "2023/.."),
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


@pytest.mark.parametrize("items_below", [True, False])
def test_an_event_title_takes_the_date_line_under_it(items_below):
    # Without the event's items under it (they start the next column), the date line stands
    # beside and above nothing, and is still the title's.
    blocks = [
        block("Regional workshop on recognition", x=60, top=100, bold=True),
        block("1st–3rd June 2022", x=60, top=113),
    ] + ([block("Participants from twelve countries.", x=60, top=128, marker_font="Wingdings-Regular")]
         if items_below else [])
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks)], lay, "en")
    assert timeline.date_lines[0].text == "1st–3rd June 2022"
    assert timeline.consumed == {1} and not timeline.labels.get(0)


def test_the_cells_of_a_ruled_table_row_join_the_entry():
    blocks, rules = ruled_table()
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=tuple(rules))
    lay = layout(blocks, pages=[page])
    timeline = bind_timeline([section(lay.blocks)], lay, "en")
    assert {i: [b.text for b in cells] for i, cells in timeline.row_cells.items()} == {
        1: ["BCV, World Bank"], 4: ["Telecom operators"]}
    assert {i: p.edtf for i, p in timeline.labels.items() if i not in timeline.consumed} == {1: "2019/2020", 4: "2022-33"}
    assert timeline.consumed == {0, 2, 3, 5}


def test_the_header_and_footnotes_have_no_timeline():
    blocks = [block("Mai 2021", x=60, top=100, bold=True), block("Lancement d’un projet.", x=120, top=100)]
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks, kind="header", heading=None)], lay, "fr")
    assert (dict(timeline.labels), dict(timeline.date_lines), dict(timeline.row_cells), timeline.consumed) == (
        {}, {}, {}, frozenset())


# --- what a label is --------------------------------------------------------------------------------

@pytest.mark.parametrize("label, is_label", [
    ("du 12 septembre 2021 au 14 décembre 2022", True),    # MAX_LABEL_CHARS long
    ("du 1er septembre 2021 au 31 décembre 2022", False),  # one more
])
def test_a_label_is_at_most_max_label_chars_long(label, is_label):
    assert len(label) == MAX_LABEL_CHARS + (0 if is_label else 1)
    blocks = [block(label, x=60, top=100, bold=True), block("Projet de convention.", x=300, top=100, width=200)]
    edtf = "2021-09-12/2022-12-14" if is_label else None
    assert _dated(blocks)[-1] == ("Projet de convention.", edtf)


@pytest.mark.parametrize("label, is_label", [
    ("Depuis|le 1er|septembre|2021", True),    # MAX_LABEL_LINES lines
    ("Depuis|le|1er|septembre|2021", False),   # one more
])
def test_a_label_is_at_most_max_label_lines(label, is_label):
    assert label.count("|") + 1 == MAX_LABEL_LINES + (0 if is_label else 1)
    blocks = [block(label, x=60, top=100, bold=True), block("Projet de convention.", x=160, top=100, width=200)]
    assert _dated(blocks)[-1] == ("Projet de convention.", "2021-09-01/.." if is_label else None)


# "2023" at x=60 in 10 pt is 20 points wide: its right edge is at 80.
@pytest.mark.parametrize("entry_x, is_dated", [
    (80 + 595 * MAX_LABEL_DISTANCE_SHARE, True),
    (80 + 595 * MAX_LABEL_DISTANCE_SHARE + 1, False),
])
def test_a_label_stands_at_most_max_label_distance_share_of_the_page_width_from_its_entry(entry_x, is_dated):
    blocks = [block("2023", x=60, top=100, bold=True), block("Réunion thématique.", x=entry_x, top=100)]
    assert _dated(blocks) == ([("Réunion thématique.", "2023")] if is_dated
                              else [("2023", None), ("Réunion thématique.", None)])


def test_an_entry_farther_than_max_label_distance_share_is_not_dated_by_a_label_of_nearer_entries():
    # "Un." makes "2023" a label; "Deux.", level with it further right, stands too far from it.
    far = 80 + 595 * MAX_LABEL_DISTANCE_SHARE + 1
    blocks = [block("2023", x=60, top=100, bold=True), block("Un.", x=140, top=100), block("Deux.", x=far, top=100)]
    assert _dated(blocks) == [("Un.", "2023"), ("Deux.", None)]


# "Mai 2021" in 10 pt, its top at 100: its bottom is at 110.
@pytest.mark.parametrize("entry_top, is_dated", [
    (110 + ABOVE_LABEL_MAX_GAP_EM * 10, True),
    (110 + ABOVE_LABEL_MAX_GAP_EM * 10 + 1, False),
])
def test_a_label_above_its_entry_stands_at_most_above_label_max_gap_em_above_it(entry_top, is_dated):
    blocks = [block("Mai 2021", x=60, top=100, bold=True), block("Lancement d’un projet.", x=60, top=entry_top)]
    assert _dated(blocks) == ([("Lancement d’un projet.", "2021-05")] if is_dated
                              else [("Mai 2021", None), ("Lancement d’un projet.", None)])


# --- runs of entries beside one label ---------------------------------------------------------------

# Entries 10 pt high, 4 points apart: a gap wider than RUN_GAP_RATIO times that starts a new run,
# which the label beside the first run does not reach.
@pytest.mark.parametrize("gap, is_dated", [(RUN_GAP_RATIO * 4, True), (RUN_GAP_RATIO * 4 + 0.5, False)])
def test_entries_beside_a_label_are_cut_into_runs_at_a_wide_gap(gap, is_dated):
    blocks = [block("2019", x=60, top=100, bold=True)] + [
        block(text, x=140, top=top, width=250) for text, top in (("Un.", 100), ("Deux.", 114), ("Trois.", 128))]
    blocks.append(block("Quatre.", x=140, top=138 + gap, width=250))
    assert _dated(blocks) == [("Un.", "2019"), ("Deux.", "2019"), ("Trois.", "2019"),
                              ("Quatre.", "2019" if is_dated else None)]


@pytest.mark.parametrize("shift, is_dated", [(INDENT_TOLERANCE, True), (INDENT_TOLERANCE + 0.5, False)])
def test_entries_beside_a_label_are_cut_into_runs_where_their_left_edge_moves(shift, is_dated):
    blocks = [block("2019", x=60, top=100, bold=True), block("Un.", x=140, top=100, width=250),
              block("Deux.", x=140, top=114, width=250), block("Trois.", x=140 + shift, top=128, width=250)]
    assert _dated(blocks) == [("Un.", "2019"), ("Deux.", "2019"), ("Trois.", "2019" if is_dated else None)]


# --- sides, columns and cells ---------------------------------------------------------------------------

@pytest.mark.parametrize("left_gap, right_gap, dated", [
    (10, 20, "left"),
    (20, 10, "right"),
])
def test_a_label_column_with_blocks_on_both_sides_dates_the_nearer_side(left_gap, right_gap, dated):
    # "2019" at x=250 is 20 points wide; a block of text stands on either side of it.
    left = block("Texte de la colonne de gauche.", x=250 - left_gap - 150, top=100, width=150)
    right = block("Texte de la colonne de droite.", x=270 + right_gap, top=100, width=150)
    got = dict(_dated([left, block("2019", x=250, top=100, bold=True), right]))
    assert got == {left.text: "2019" if dated == "left" else None, right.text: "2019" if dated == "right" else None}


def test_label_columns_on_two_pages_date_the_entries_of_their_own_page():
    blocks = [block("2019", x=60, top=100, bold=True), block("Sur la page 1.", x=140, top=100, width=250),
              block("2020", x=60, top=100, bold=True, page_number=2),
              block("Sur la page 2.", x=140, top=100, width=250, page_number=2)]
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks)], lay, "fr")
    assert {lay.blocks[i].text: p.edtf for i, p in timeline.labels.items()} == {
        "Sur la page 1.": "2019", "Sur la page 2.": "2020"}


def test_labels_sharing_a_drawn_cell_keep_their_own_extents():
    # One cell, ruled above and below, holds both labels: neither spans the whole cell.
    blocks = [block("2019", x=60, top=104, bold=True), block("Un.", x=140, top=104, width=250),
              block("2020", x=60, top=124, bold=True), block("Deux.", x=140, top=124, width=250)]
    rules = [BBox(55, y, 400, y + 0.5) for y in (100, 150)]
    assert _dated(blocks, rules) == [("Un.", "2019"), ("Deux.", "2020")]


# --- a date line under an event title -------------------------------------------------------------

def _event(title_bold=True, date_top=113.0, marker_font=None):
    """A 10 pt event title (its bottom at 110), a date line under it, a bullet under that."""
    return [block("Regional workshop on recognition", x=60, top=100, bold=title_bold, marker_font=marker_font),
            block("1st–3rd June 2022", x=60, top=date_top),
            block("Participants from twelve countries.", x=60, top=date_top + 15, marker_font="Wingdings-Regular")]


@pytest.mark.parametrize("blocks, joined", [
    (_event(date_top=110 + EVENT_DATE_GAP_EM * 10), True),
    (_event(date_top=110 + EVENT_DATE_GAP_EM * 10 + 0.5), False),
    (_event(title_bold=False), False),
    (_event(marker_font="Wingdings-Regular"), False),   # a bullet is no event title
])
def test_a_date_line_joins_a_bold_title_at_most_event_date_gap_em_above_it(blocks, joined):
    lay = layout(blocks)
    timeline = bind_timeline([section(lay.blocks)], lay, "en")
    if joined:
        assert {i: b.text for i, b in timeline.date_lines.items()} == {0: "1st–3rd June 2022"}
        assert dict(timeline.labels) == {}
    else:
        # The date line is a label above the bullet instead.
        assert dict(timeline.date_lines) == {}
        assert {i: p.edtf for i, p in timeline.labels.items()} == {2: "2022-06-01/2022-06-03"}
    assert timeline.consumed == {1}


# --- rows of a drawn table (Page.tables) ------------------------------------------------------------

def _grid_timeline(blocks, tables, rules=()):
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=tuple(rules), tables=tuple(tables))
    lay = layout(blocks, pages=[page])
    return lay, bind_timeline([section(lay.blocks)], lay, "en")


def _table(*row_tops, columns=(40, 200, 400, 560), height=20.0):
    """A table of rows starting at row_tops, each row height points high, its cells between
    the x positions of columns."""
    rows = tuple(tuple(BBox(x0, top, x1, top + height) for x0, x1 in zip(columns, columns[1:])) for top in row_tops)
    return Table(BBox(columns[0], row_tops[0], columns[-1], row_tops[-1] + height), rows)


def _cells(lay, timeline):
    return {lay.blocks[i].text: [c.text for c in cells] for i, cells in timeline.row_cells.items()}


def test_the_blocks_of_a_table_row_are_one_entry_with_its_other_cells_left_to_right():
    # A table of data, no dates: each row's first cell is its entry, the others its cells.
    blocks = [block("Partners", x=405, top=105), block("Indicator", x=45, top=105), block("Value", x=205, top=105),
              block("Migrants assisted", x=45, top=125), block("IOM, UNHCR", x=405, top=125),
              block("1 250", x=205, top=125)]
    lay, timeline = _grid_timeline(blocks, [_table(100, 120)])
    assert _cells(lay, timeline) == {"Indicator": ["Value", "Partners"], "Migrants assisted": ["1 250", "IOM, UNHCR"]}
    assert {lay.blocks[i].text for i in timeline.consumed} == {"Partners", "Value", "IOM, UNHCR", "1 250"}


def test_the_blocks_of_a_row_are_read_left_to_right_then_top_to_bottom():
    # Two blocks in the second cell: the upper one first, whatever the reading order.
    blocks = [block("Indicator", x=45, top=103), block("second part", x=205, top=110),
              block("first part", x=205, top=103)]
    lay, timeline = _grid_timeline(blocks, [_table(100, height=30)])
    assert _cells(lay, timeline) == {"Indicator": ["first part", "second part"]}


@pytest.mark.parametrize("blocks", [
    [block("Indicator", x=45, top=105)],                                     # a row with one filled cell
    [block("Indicator", x=45, top=105), block("Value", x=205, top=135)],    # a block below the table
])
def test_a_row_with_one_block_in_the_table_has_no_cells(blocks):
    lay, timeline = _grid_timeline(blocks, [_table(100)])
    assert (dict(timeline.row_cells), timeline.consumed) == ({}, frozenset())


def test_blocks_of_different_rows_are_not_joined():
    blocks = [block("Indicator", x=45, top=105), block("Value", x=205, top=125)]
    lay, timeline = _grid_timeline(blocks, [_table(100, 120)])
    assert (dict(timeline.row_cells), timeline.consumed) == ({}, frozenset())


def test_rows_of_two_tables_on_a_page_are_read_table_by_table():
    # Level with each other, side by side, in two tables: two rows, not one.
    blocks = [block("A", x=45, top=105), block("B", x=205, top=105), block("C", x=345, top=105),
              block("D", x=505, top=105)]
    left, right = _table(100, columns=(40, 200, 300)), _table(100, columns=(340, 500, 560))
    lay, timeline = _grid_timeline(blocks, [left, right])
    assert _cells(lay, timeline) == {"A": ["B"], "C": ["D"]}


def test_a_table_row_already_read_as_a_timeline_row_is_left_alone():
    # The ruled timeline, found by its rules, is also a table of the page: its rows stay as the
    # timeline read them (the date a label, the activity the entry), not first cell first.
    blocks, rules = ruled_table()
    table = _table(136, 156, columns=(40, 120, 400, 560))
    lay, timeline = _grid_timeline(blocks, [table], rules)
    assert _cells(lay, timeline) == {"National survey on remittances": ["BCV, World Bank"],
                                     "Lower fees on mobile wallets": ["Telecom operators"]}
    assert {i: p.edtf for i, p in timeline.labels.items() if i not in timeline.consumed} == {
        1: "2019/2020", 4: "2022-33"}


def test_a_table_on_another_page_takes_no_blocks():
    blocks = [block("Indicator", x=45, top=105, page_number=2), block("Value", x=205, top=105, page_number=2)]
    page1 = Page(number=1, width=595.0, height=842.0, chars=(), tables=(_table(100),))
    page2 = Page(number=2, width=595.0, height=842.0, chars=())
    lay = layout(blocks, pages=[page1, page2])
    assert dict(bind_timeline([section(lay.blocks)], lay, "en").row_cells) == {}


def test_one_label_level_with_a_later_entry_and_not_centred_dates_from_that_entry_on():
    # undated paragraphs, then the first dated entry, its label level with it (on the right,
    # two lines, which makes the row taller): the paragraphs above are not the label's
    blocks = [
        block("Un.", x=40, top=100, width=250), block("Deux.", x=40, top=114, width=250),
        block("Trois.", x=40, top=128, width=250),
        block("Fin|2019", x=330, top=128, bold=True),
    ]
    assert _dated(blocks) == [("Un.", None), ("Deux.", None), ("Trois.", "2019-39")]


def test_labels_then_a_tab_date_entries_that_start_left_of_a_longer_label():
    # Word's "label<TAB>entry" paragraphs with a hanging indent: each entry starts at the tab
    # stop after its own label (x=120 after a short label, x=170 after a long one), and an
    # entry's next lines hang at the indent, left of the longer label's end (x=155).
    from builders import line
    from factextract.model import Block

    hanging = Block.of([line("Réunions mensuelles de coordination entre", x=170, top=130),
                        line("les services et la société civile.", x=120, top=142)])
    blocks = [
        block("Mai 2021", x=60, top=100, bold=True),
        block("Lancement d’un projet.", x=120, top=100, width=250),
        block("Mise en place d’un guichet.", x=120, top=115, width=250),  # the same label's
        block("Depuis octobre 2022", x=60, top=130, bold=True),
        hanging,
    ]
    assert _dated(blocks) == [
        ("Lancement d’un projet.", "2021-05"), ("Mise en place d’un guichet.", "2021-05"),
        (hanging.text, "2022-10/.."),
    ]


def test_a_label_flush_right_of_a_wide_column_dates_a_short_entry_far_from_it():
    # Labels flush right across a wide column (x1=560), each level with its entry; the last
    # entry is one short line, further from its label than a label is ever looked for: the
    # label stands in the column of the others, and nothing stands between them.
    blocks = [
        block("Déploiement de brigades mobiles de contrôle aux postes frontières de la région", x=40, top=100, width=420),
        block("Depuis 2019", x=505, top=100, bold=True),
        block("Ouverture d’un centre.", x=40, top=130),
        block("Fin 2022", x=520, top=130, bold=True),
    ]
    assert all(b.bbox.x1 == 560 for b in blocks[1::2])
    assert blocks[3].bbox.x0 - blocks[2].bbox.x1 > 595 * MAX_LABEL_DISTANCE_SHARE
    assert _dated(blocks) == [(blocks[0].text, "2019/.."), ("Ouverture d’un centre.", "2022-39")]
