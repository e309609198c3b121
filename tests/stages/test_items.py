"""Sections and the timeline -> items: nesting, clean text, and the date-source rule."""

from __future__ import annotations

import pytest

from builders import DOC, block, layout, line, ruled_table, section
from factextract.dates import parse_date
from factextract.model import BBox, Block, FootnoteRef, Page, Span, Table
from factextract.stages.blocks import lines_to_blocks
from factextract.stages.items import CELL_SEPARATOR, INDENT_TOLERANCE, MAX_LIST_TITLE_CHARS, sections_to_items
from factextract.stages.timeline import bind_timeline


def items_of(blocks, kind="progress", heading="PROGRÈS", heading_period=None, language="fr", rules=()):
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=tuple(rules))
    lay = layout(blocks, pages=[page])
    sections = [section(lay.blocks, kind=kind, heading=heading, heading_period=heading_period)]
    return sections_to_items(sections, bind_timeline(sections, lay, language), language, doc_id=DOC)


def _dated(items):
    return [(it.text, it.date and it.date.edtf, it.date_source) for it in items]


def _parent_orders(items):
    return [(it.text, it.parent_item_id and int(it.parent_item_id.rsplit("i", 1)[1])) for it in items]


def test_timeline_labels_date_their_entries_and_are_no_items():
    blocks = [
        block("Réhabilitation d’un bâtiment.", x=60, top=50, width=300),
        block("Mai|2021", x=60, top=100, bold=True),
        block("Lancement d’un projet.", x=120, top=100, width=250),
        block("Depuis|août|2021", x=60, top=170, bold=True),
        block("Projet de convention.", x=120, top=172, width=250),
    ]
    items = items_of(blocks)
    assert _dated(items) == [
        ("Réhabilitation d’un bâtiment.", None, None),
        ("Lancement d’un projet.", "2021-05", "timeline"),
        ("Projet de convention.", "2021-08/..", "timeline"),
    ]
    assert items[2].timeline_label.text == "Depuis août 2021"


def test_a_date_standing_alone_is_an_item_dated_inline():
    items = items_of([block("2023", x=60, top=100)], kind="suggestions", heading="SUGGESTIONS")
    assert [(it.text, it.date_source) for it in items] == [("2023", "inline")]


def test_nesting_and_the_date_source_rule():
    blocks = [
        block("Webinaire sur Retour, Janvier 2021", x=60, top=100, bold=True),
        block("1ère activité ouverte à tous.", x=60, top=115, marker_font="Wingdings-Regular"),
        block("Facteurs de succès identifiés.", x=60, top=130, marker_font="Wingdings-Regular"),
        block("Document final", x=60, top=150, bold=True),
        block("Principales conclusions.", x=60, top=165, marker_font="Wingdings-Regular"),
        block("Un détail imbriqué.", x=75, top=180, marker_font="ABCDEF+ZapfDingbats"),
        block("Un paragraphe qui ferme la liste.", x=60, top=200),
    ]
    items = items_of(blocks, kind="activities", heading="ACTIVITÉS 2021", heading_period=parse_date("2021", "fr"))
    got = [(it.text, it.parent_item_id and int(it.parent_item_id.rsplit("i", 1)[1]), it.date and it.date.edtf,
            it.date_source, it.marker) for it in items]
    assert got == [
        ("Webinaire sur Retour, Janvier 2021", None, "2021-01", "inline", None),
        ("1ère activité ouverte à tous.", 1, "2021-01", "parent", "bullet"),
        ("Facteurs de succès identifiés.", 1, "2021-01", "parent", "bullet"),
        ("Document final", None, "2021", "heading", None),
        ("Principales conclusions.", 4, "2021", "parent", "bullet"),
        ("Un détail imbriqué.", 5, "2021", "parent", "bullet"),
        ("Un paragraphe qui ferme la liste.", None, "2021", "heading", None),
    ]


def test_item_ids_and_orders_are_derived_and_continue_across_sections():
    lay = layout([block("Un.", top=100), block("Deux.", top=130), block("Trois.", top=200)])
    s1 = section(lay.blocks[:2], kind="progress", heading="PROGRÈS", n=1)
    s2 = section(lay.blocks[2:], kind="suggestions", heading="SUGGESTIONS", n=2)
    items = sections_to_items([s1, s2], bind_timeline([s1, s2], lay, "fr"), "fr", doc_id=DOC)
    assert [(it.item_id, it.order, it.section_id) for it in items] == [
        (f"{DOC}:i1", 1, f"{DOC}:s1"), (f"{DOC}:i2", 2, f"{DOC}:s1"), (f"{DOC}:i3", 3, f"{DOC}:s2")]


def test_the_header_and_footnotes_sections_give_no_items():
    lay = layout([block("Cameroun", top=40), block("1 OFII - Office Français", top=800, size=7)])
    sections = [section(lay.blocks[:1], kind="header", heading="Cameroun", n=1),
                section(lay.blocks[1:], kind="footnotes", heading=None, n=2)]
    assert sections_to_items(sections, bind_timeline(sections, lay, "fr"), "fr", doc_id=DOC) == ()


def test_a_dash_after_a_bullet_at_the_same_indent_is_its_sub_item():
    blocks = [block(f"{glyph} {text}", x=60, top=top) for glyph, text, top in
              (("•", "Un point.", 100), ("–", "Un détail.", 115), ("–", "Un autre détail.", 130),
               ("•", "Un second point.", 145))]
    assert _parent_orders(items_of(blocks, kind="activities", heading="ACTIVITÉS")) == [
        ("Un point.", None), ("Un détail.", 1), ("Un autre détail.", 1), ("Un second point.", None)]


def test_an_event_title_takes_the_date_line_under_it():
    blocks = [
        block("Regional workshop on recognition", x=60, top=100, bold=True),
        block("1st–3rd June 2022", x=60, top=113),
        block("Participants from twelve countries.", x=60, top=128, marker_font="Wingdings-Regular"),
    ]
    items = items_of(blocks, kind="activities", heading="ACTIVITIES 2022", language="en")
    assert _dated(items) == [
        ("Regional workshop on recognition 1st–3rd June 2022", "2022-06-01/2022-06-03", "inline"),
        ("Participants from twelve countries.", "2022-06-01/2022-06-03", "parent"),
    ]


def test_the_cells_of_a_ruled_table_row_make_one_item():
    blocks, rules = ruled_table()
    assert _dated(items_of(blocks, heading="PROGRESS", language="en", rules=rules)) == [
        ("National survey on remittances | BCV, World Bank", "2019/2020", "timeline"),
        ("Lower fees on mobile wallets | Telecom operators", "2022-33", "timeline"),
    ]


def _bullet(text, x=60.0, top=100.0, glyph="•"):
    """A bullet set across a 300-point column, as a list item's line is."""
    return block(f"{glyph} {text}", x=x, top=top, width=300)


# --- nesting ------------------------------------------------------------------------------------

@pytest.mark.parametrize("shift, parent", [(INDENT_TOLERANCE, None), (INDENT_TOLERANCE + 0.5, 1)])
def test_a_bullet_more_indented_than_the_tolerance_hangs_under_the_one_above(shift, parent):
    items = items_of([_bullet("Un point.", top=100), _bullet("Un autre point.", x=60 + shift, top=115)])
    assert _parent_orders(items) == [("Un point.", None), ("Un autre point.", parent)]


@pytest.mark.parametrize("shift, parent", [(INDENT_TOLERANCE, 1), (INDENT_TOLERANCE + 0.5, None)])
def test_a_title_set_a_little_right_of_its_bullets_within_the_tolerance_still_takes_them(shift, parent):
    items = items_of([block("Document final", x=60 + shift, top=100, width=300), _bullet("Un point.", top=115)])
    assert _parent_orders(items) == [("Document final", None), ("Un point.", parent)]


def test_a_less_indented_bullet_goes_back_to_the_level_it_matches():
    items = items_of([_bullet("A.", x=60, top=100), _bullet("B.", x=75, top=115), _bullet("C.", x=90, top=130),
                      _bullet("D.", x=75, top=145), _bullet("E.", x=60, top=160)])
    assert _parent_orders(items) == [("A.", None), ("B.", 1), ("C.", 2), ("D.", 1), ("E.", None)]


_LONG = "Une introduction assez longue pour ne pas être un titre court, qui présente les points suivants"


@pytest.mark.parametrize("lead, bold, is_title", [
    ("Document final", False, True),                  # short, no sentence end
    ("Une phrase courte.", False, False),             # a sentence
    ("Une phrase courte.", True, True),               # but bold
    (_LONG[:MAX_LIST_TITLE_CHARS], False, True),      # at most MAX_LIST_TITLE_CHARS
    (_LONG[:MAX_LIST_TITLE_CHARS + 1], False, False),
    (_LONG + " :", False, True),                      # long, but ending on a colon
])
def test_a_bullet_hangs_under_a_title_but_not_under_a_paragraph(lead, bold, is_title):
    assert len(_LONG) > MAX_LIST_TITLE_CHARS + 1
    items = items_of([block(lead, x=60, top=100, bold=bold, width=400), _bullet("Un point.", top=130)])
    assert _parent_orders(items) == [(lead, None), ("Un point.", 1 if is_title else None)]


def test_a_paragraph_without_a_marker_closes_every_open_list():
    items = items_of([block("Document final", x=60, top=100), _bullet("Un point.", top=115),
                      _bullet("Un détail.", x=75, top=130), block("Un paragraphe qui ferme la liste.", x=60, top=150),
                      _bullet("Un nouveau point.", top=165)])
    assert _parent_orders(items) == [("Document final", None), ("Un point.", 1), ("Un détail.", 2),
                                     ("Un paragraphe qui ferme la liste.", None), ("Un nouveau point.", None)]


def test_an_arrow_item_takes_a_dash_item_at_its_indent_as_sub_item_but_a_dash_takes_no_dash():
    items = items_of([_bullet("Une flèche.", glyph="→", top=100), _bullet("Un tiret.", glyph="–", top=115),
                      _bullet("Un autre tiret.", glyph="-", top=130)])
    assert _parent_orders(items) == [("Une flèche.", None), ("Un tiret.", 1), ("Un autre tiret.", 1)]


# --- list markers -------------------------------------------------------------------------------

@pytest.mark.parametrize("blk, text, marker", [
    (block("• Un point."), "Un point.", "bullet"),
    (block("Un point.", marker_font="Wingdings-Regular"), "Un point.", "bullet"),  # a symbol-font glyph
    (block("→ Une flèche."), "Une flèche.", "arrow"),
    (block("➢ Une flèche."), "Une flèche.", "arrow"),
    (block("– Un tiret."), "Un tiret.", "dash"),
    (block("- Un tiret."), "Un tiret.", "dash"),
    (block("-2 % de frais."), "-2 % de frais.", None),  # a dash with no space after it is text
    (block("Un paragraphe."), "Un paragraphe.", None),
])
def test_an_item_keeps_the_kind_of_its_list_marker_and_loses_the_glyph(blk, text, marker):
    assert [(it.text, it.marker) for it in items_of([blk])] == [(text, marker)]


@pytest.mark.parametrize("text", ["1. Renforcer les capacités.", "2) Renforcer les capacités.",
                                  "a) Renforcer les capacités.", "iv. Renforcer les capacités."])
def test_a_numbered_point_has_the_number_marker(text):
    assert [it.marker for it in items_of([block(text)])] == ["number"]


# --- the date rule --------------------------------------------------------------------------------

_2021 = parse_date("2021", "fr")


@pytest.mark.parametrize("blocks, heading_period, want", [
    # The timeline label beside it wins over a date in its text.
    ([block("Mai 2021", x=60, top=100, bold=True), block("Réunion en mars 2022.", x=120, top=100)], _2021,
     ("2021-05", "timeline")),
    # A date in its text wins over its parent's; the first one of them.
    ([block("Webinaire, Janvier 2021", x=60, top=100, bold=True),
      _bullet("Réunion en mars 2022 puis en juin 2023.", top=115)], _2021, ("2022-03", "inline")),
    # Its parent's date wins over the heading's.
    ([block("Webinaire, Janvier 2021", x=60, top=100, bold=True), _bullet("Une réunion.", top=115)], _2021,
     ("2021-01", "parent")),
    # The heading's date, when neither it nor a parent has one.
    ([block("Une réunion.", x=60, top=100)], _2021, ("2021", "heading")),
    ([block("Document final", x=60, top=100), _bullet("Une réunion.", top=115)], None, (None, None)),
    ([block("Une réunion.", x=60, top=100)], None, (None, None)),
])
def test_the_date_rule_timeline_then_inline_then_parent_then_heading(blocks, heading_period, want):
    last = items_of(blocks, kind="activities", heading="ACTIVITÉS", heading_period=heading_period)[-1]
    assert (last.date and last.date.edtf, last.date_source) == want


def test_an_item_dated_by_its_label_keeps_every_date_of_its_text():
    items = items_of([block("Mai 2021", x=60, top=100, bold=True),
                      block("Réunion en mars 2022 puis en juin 2023.", x=120, top=100)])
    assert [(p.text, p.edtf) for p in items[0].dates] == [("mars 2022", "2022-03"), ("juin 2023", "2023-06")]
    assert (items[0].timeline_label.text, items[0].date.edtf) == ("Mai 2021", "2021-05")


def test_an_item_without_a_label_has_no_timeline_label_and_keeps_the_dates_of_its_text():
    [item] = items_of([block("Réunion en mars 2022.", x=60, top=100)])
    assert (item.timeline_label, [p.edtf for p in item.dates]) == (None, ["2022-03"])


# --- footnote refs, boxes, empty blocks -------------------------------------------------------------

def test_an_item_takes_its_footnote_markers_out_of_its_text_with_the_word_they_sit_on():
    spans = (Span("Le projet MIEUX+", "Helvetica", 10), Span("1", "Helvetica", 6, superscript=True),
             Span(" de l’OFII², avec IOM[3].", "Helvetica", 10))
    blk = Block.of([line("".join(s.text for s in spans), x=60, top=100, spans=spans)])
    [item] = items_of([blk])
    assert item.text == "Le projet MIEUX+ de l’OFII, avec IOM."
    assert item.footnote_refs == (FootnoteRef("1", "MIEUX+"), FootnoteRef("2", "OFII"), FootnoteRef("3", "IOM"))
    assert item.footnote_markers == ("1", "2", "3")


def test_an_item_has_the_box_and_page_of_its_block():
    blk = block("Un paragraphe|sur deux lignes.", x=60, top=100)
    [item] = items_of([blk])
    assert (item.bbox, item.page) == (BBox(60, 100, 60 + len("sur deux lignes.") * 5, 122), 1)


@pytest.mark.parametrize("empty", [
    block("•", x=60, top=130),                                                              # a marker alone
    block("– ", x=60, top=130),
    Block.of([line("9", x=60, top=130, spans=(Span("9", "Wingdings-Regular", 10),))]),  # a symbol glyph alone
])
def test_a_block_with_no_text_but_its_marker_gives_no_item(empty):
    items = items_of([block("Un.", x=60, top=100), empty, block("Deux.", x=60, top=160)])
    assert [(it.text, it.order) for it in items] == [("Un.", 1), ("Deux.", 2)]


@pytest.mark.parametrize("text, is_item", [
    ("“", False),        # an opening quote set large: an ornament
    ("« — »", False),
    ("★ ★ ★", False),
    ("5", True),          # a digit is something to read
    ("Q", True),
])
def test_a_block_with_no_letter_or_digit_gives_no_item(text, is_item):
    items = items_of([block("Un.", x=60, top=100), block(text, x=60, top=120, size=60), block("Deux.", x=60, top=200)])
    assert [it.text for it in items] == ["Un."] + ([text] if is_item else []) + ["Deux."]


# --- rows of a drawn table (Page.tables) ----------------------------------------------------------

def _table_items(blocks, rows):
    """Items of blocks on a page holding a table of the given rows of cells."""
    table = Table(BBox.around([c for row in rows for c in row]), tuple(tuple(row) for row in rows))
    page = Page(number=1, width=595.0, height=842.0, chars=(), tables=(table,))
    lay = layout(blocks, pages=[page])
    sections = [section(lay.blocks, kind="progress", heading="PROGRESS")]
    return sections_to_items(sections, bind_timeline(sections, lay, "en"), "en", doc_id=DOC)


def _row(top, columns=(40, 200, 400, 560), height=20.0):
    return [BBox(x0, top, x1, top + height) for x0, x1 in zip(columns, columns[1:])]


def test_a_table_rows_item_is_its_cells_joined_by_the_cell_separator():
    blocks = [block("Indicator", x=45, top=105), block("Value", x=205, top=105), block("Partners", x=405, top=105),
              block("Migrants assisted", x=45, top=125), block("1 250", x=205, top=125),
              block("IOM, UNHCR", x=405, top=125)]
    items = _table_items(blocks, [_row(100), _row(120)])
    assert [it.text for it in items] == [CELL_SEPARATOR.join(["Indicator", "Value", "Partners"]),
                                         CELL_SEPARATOR.join(["Migrants assisted", "1 250", "IOM, UNHCR"])]
    assert [it.bbox for it in items] == [blocks[0].bbox, blocks[3].bbox]   # where its first cell stands


def test_a_table_row_with_an_empty_cell_joins_only_the_cells_with_text():
    blocks = [block("Migrants assisted", x=45, top=105), block("IOM, UNHCR", x=405, top=105)]
    assert [it.text for it in _table_items(blocks, [_row(100)])] == [f"Migrants assisted{CELL_SEPARATOR}IOM, UNHCR"]


def test_a_table_rows_item_keeps_the_footnote_markers_of_every_cell():
    spans = (Span("IOM", "Helvetica", 10), Span("2", "Helvetica", 6, superscript=True))
    cell = Block.of([line("IOM2", x=405, top=105, spans=spans)])
    items = _table_items([block("Migrants assisted", x=45, top=105), cell], [_row(100)])
    assert [(it.text, it.footnote_refs) for it in items] == [
        (f"Migrants assisted{CELL_SEPARATOR}IOM", (FootnoteRef("2", "IOM"),))]


def test_two_lines_in_one_cell_of_a_table_row_are_one_cell_of_its_item():
    # The blocks stage makes a drawn table's cell one block, whatever its lines:
    # the items stage then never sees two blocks in one cell.
    rows = [_row(100, height=30)]
    table = Table(BBox.around(rows[0]), (tuple(rows[0]),))
    page = Page(number=1, width=595.0, height=842.0, chars=(), tables=(table,))
    lines = [line("Migrants", x=45, top=103), line("assisted", x=45, top=118), line("1 250", x=205, top=103)]
    blocks = list(lines_to_blocks(lines, page))
    assert [it.text for it in _table_items(blocks, rows)] == [f"Migrants assisted{CELL_SEPARATOR}1 250"]


@pytest.mark.parametrize("second_column, second_page, box, last_page", [
    # all in one column: the box of every line
    ((60.0, 124.0), 1, BBox(60.0, 100.0, 60.0 + 14 * 5.0, 134.0), 1),
    # continued at the top of the next column: the box of the first column's lines
    ((320.0, 40.0), 1, BBox(60.0, 100.0, 60.0 + 14 * 5.0, 122.0), 1),
    # continued on the next page: the box on the first page, and the page it ends on
    ((60.0, 40.0), 2, BBox(60.0, 100.0, 60.0 + 14 * 5.0, 122.0), 2),
])
def test_an_item_box_is_where_it_begins(second_column, second_page, box, last_page):
    x, top = second_column
    first = [line("Atelier sur la", x=60.0, top=100.0), line("migration de t", x=60.0, top=112.0)]
    then = line("ravail en 2021", x=x, top=top, page_number=second_page)
    [item] = items_of([Block.of(first + [then])])
    assert item.bbox == box and item.page == 1 and item.last_page == last_page
