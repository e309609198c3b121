"""Sections and the timeline -> items: nesting, clean text, and the date-source rule."""

from __future__ import annotations

from builders import DOC, block, layout, section
from factextract.dates import parse_date
from factextract.model import BBox, Page
from factextract.stages.items import sections_to_items
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
    blocks = [
        block("2019-2020", x=45, top=141, bold=True),
        block("National survey on remittances", x=127, top=141, width=175),
        block("BCV, World Bank", x=405, top=141, width=64),
        block("Q1 2022", x=45, top=161, bold=True),
        block("Lower fees on mobile wallets", x=127, top=161, width=175),
        block("Telecom operators", x=405, top=161, width=70),
    ]
    rules = [BBox(40, y, 560, y + 0.5) for y in (136, 156, 176)]
    assert _dated(items_of(blocks, heading="PROGRESS", language="en", rules=rules)) == [
        ("National survey on remittances BCV, World Bank", "2019/2020", "timeline"),
        ("Lower fees on mobile wallets Telecom operators", "2022-33", "timeline"),
    ]
