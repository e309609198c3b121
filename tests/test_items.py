"""Sections -> items: timeline binding by geometry, nesting, and the date-source rule."""

from __future__ import annotations

import pytest

from builders import line
from factextract.footnotes import parse_footnotes
from factextract.items import sections_to_items
from factextract.model import Block, Section, SectionBlocks, Span

DOC = "0123456789abcdef"


def block(text: str, x: float = 100.0, top: float = 100.0, bold: bool = False, marker_font: str | None = None,
          lines: int = 1, width: float | None = None) -> Block:
    """A block of `lines` lines; with marker_font, the first line starts with that font's glyph "9"."""
    built = []
    for i in range(lines):
        part = text if lines == 1 else text.split("|")[i]
        spans = (Span(part, "Helvetica-Bold" if bold else "Helvetica", 10),)
        if marker_font and i == 0:
            spans = (Span("9", marker_font, 10), Span(" " + part, "Helvetica", 10))
        ln = line(part, x=x, top=top + 12 * i, bold=bold, spans=spans)
        built.append(ln)
    bbox = built[0].bbox
    for ln in built[1:]:
        bbox = bbox.union(ln.bbox)
    if width is not None:
        bbox = type(bbox)(bbox.x0, bbox.top, bbox.x0 + width, bbox.bottom)
    return Block(lines=tuple(built), page=1, bbox=bbox)


def items_of(blocks, kind="progress", heading="PROGRÈS", heading_period=None, language="fr"):
    section = Section(f"{DOC}:s1", 1, kind, heading, 1, heading_period=heading_period)
    draft = SectionBlocks(kind=kind, heading=heading, page=1, blocks=tuple(blocks))
    return sections_to_items(DOC, [section], [draft], language, page_width=595.0)


def test_labels_date_the_entries_beside_them_down_to_the_next_label():
    blocks = [
        block("Réhabilitation d’un bâtiment.", x=60, top=50, width=300),       # above the timeline
        block("Mai|2021", x=60, top=100, bold=True, lines=2),
        block("Lancement d’un projet.", x=120, top=100, width=250),
        block("Mise en place d’un guichet.", x=120, top=130, width=250),       # same label: two entries
        block("Depuis|août|2021", x=60, top=170, bold=True, lines=3),
        block("Projet de convention.", x=120, top=172, width=250),
    ]
    items = items_of(blocks)
    assert [(it.text, it.date and it.date.edtf, it.date_source) for it in items] == [
        ("Réhabilitation d’un bâtiment.", None, None),
        ("Lancement d’un projet.", "2021-05", "timeline"),
        ("Mise en place d’un guichet.", "2021-05", "timeline"),
        ("Projet de convention.", "2021-08/..", "timeline"),
    ]
    assert items[3].timeline_label.text == "Depuis août 2021"


def test_a_label_to_the_right_of_its_entry_binds_too():
    items = items_of([block("Réunion thématique.", x=60, top=100, width=200), block("2023", x=300, top=100, bold=True)],
                     kind="suggestions", heading="SUGGESTIONS")
    assert [(it.text, it.date.edtf, it.date_source) for it in items] == [("Réunion thématique.", "2023", "timeline")]


def test_a_date_standing_alone_with_nothing_beside_it_is_an_item_not_a_label():
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
    from factextract.dates import parse_date

    items = items_of(blocks, kind="activities", heading="ACTIVITÉS 2021", heading_period=parse_date("2021", "fr"))
    got = [(it.text, it.parent_item_id and int(it.parent_item_id.rsplit("i", 1)[1]), it.date and it.date.edtf,
            it.date_source, it.marker) for it in items]
    assert got == [
        ("Webinaire sur Retour, Janvier 2021", None, "2021-01", "inline", ""),
        ("1ère activité ouverte à tous.", 1, "2021-01", "parent", "bullet"),
        ("Facteurs de succès identifiés.", 1, "2021-01", "parent", "bullet"),
        ("Document final", None, "2021", "heading", ""),
        ("Principales conclusions.", 4, "2021", "parent", "bullet"),
        ("Un détail imbriqué.", 5, "2021", "parent", "bullet"),
        ("Un paragraphe qui ferme la liste.", None, "2021", "heading", ""),
    ]


def test_item_ids_and_orders_are_derived_and_continue_across_sections():
    s1 = Section(f"{DOC}:s1", 1, "progress", "PROGRÈS", 1)
    s2 = Section(f"{DOC}:s2", 2, "suggestions", "SUGGESTIONS", 1)
    d1 = SectionBlocks("progress", "PROGRÈS", 1, blocks=(block("Un.", top=100), block("Deux.", top=130)))
    d2 = SectionBlocks("suggestions", "SUGGESTIONS", 1, blocks=(block("Trois.", top=200),))
    items = sections_to_items(DOC, [s1, s2], [d1, d2], "fr", 595.0)
    assert [(it.item_id, it.order, it.section_id) for it in items] == [
        (f"{DOC}:i1", 1, f"{DOC}:s1"), (f"{DOC}:i2", 2, f"{DOC}:s1"), (f"{DOC}:i3", 3, f"{DOC}:s2")]


@pytest.mark.parametrize("lines, want", [
    (["1 MIEUX+ - L’initiative conjointe UE-ICMPD", "MIgration EU eXpertise", "2 OFII - Office Français"],
     [("1", "MIEUX+", "L’initiative conjointe UE-ICMPD MIgration EU eXpertise"), ("2", "OFII", "Office Français")]),
    (["¹ IOM: International Organization for Migration"], [("1", "IOM", "International Organization for Migration")]),
    (["* Chiffres provisoires à la date de publication"], [("*", None, None)]),
])
def test_parse_footnotes(lines, want):
    blk = Block(lines=tuple(line(t, top=700 + 10 * i, size=7) for i, t in enumerate(lines)), page=1,
                bbox=line(lines[0], top=700, size=7).bbox)
    notes = parse_footnotes([blk], "fr")
    assert [(n.marker, n.term, n.expansion) for n in notes] == want


def _dated(items):
    return [(it.text, it.date and it.date.edtf, it.date_source) for it in items]


def test_a_label_above_its_entries_dates_them_down_to_the_next_label():
    blocks = [
        block("Mai 2021", x=60, top=100, bold=True),
        block("Lancement d’un projet.", x=60, top=114, width=250),
        block("Mise en place d’un guichet.", x=60, top=128, width=250),
        block("T2 2022", x=60, top=150, bold=True),
        block("Projet de convention.", x=60, top=164, width=250),
    ]
    assert _dated(items_of(blocks)) == [
        ("Lancement d’un projet.", "2021-05", "timeline"),
        ("Mise en place d’un guichet.", "2021-05", "timeline"),
        ("Projet de convention.", "2022-34", "timeline"),
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
    assert _dated(items_of(blocks)) == [
        ("Un.", "2019", "timeline"), ("Deux.", "2019", "timeline"), ("Trois.", "2019", "timeline"),
        ("Quatre.", "2022-39", "timeline"), ("Cinq.", "2022-39", "timeline"),
    ]


def test_a_label_in_a_cell_spanning_rows_dates_every_row_beside_it():
    from factextract.model import BBox

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
    section = Section(f"{DOC}:s1", 1, "progress", "PROGRÈS", 1)
    draft = SectionBlocks(kind="progress", heading="PROGRÈS", page=1, blocks=tuple(blocks))
    items = sections_to_items(DOC, [section], [draft], "fr", 595.0, {1: rules})
    assert _dated(items) == [
        ("Lancement d’un projet.", "2021-05", "timeline"),
        ("Mise en place d’un guichet.", "2021-05", "timeline"),
        ("Comité de validation.", "2021-07", "timeline"),
    ]


def test_a_dash_after_a_bullet_at_the_same_indent_is_its_sub_item():
    def bullet(text, top, glyph):
        return Block(lines=(line(f"{glyph} {text}", x=60, top=top),), page=1, bbox=line(f"{glyph} {text}", x=60, top=top).bbox)

    blocks = [bullet("Un point.", 100, "•"), bullet("Un détail.", 115, "–"), bullet("Un autre détail.", 130, "–"),
              bullet("Un second point.", 145, "•")]
    items = items_of(blocks, kind="activities", heading="ACTIVITÉS")
    assert [(it.text, it.parent_item_id and int(it.parent_item_id.rsplit("i", 1)[1])) for it in items] == [
        ("Un point.", None), ("Un détail.", 1), ("Un autre détail.", 1), ("Un second point.", None)]


@pytest.mark.parametrize("text, marker, term", [
    ("[1] BCV – Banco de Cabo Verde", "1", "BCV"),
    ("a IOM – International Organization for Migration", None, None),
])
def test_parse_footnotes_with_bracket_markers(text, marker, term):
    blk = Block(lines=(line(text, top=700, size=7),), page=1, bbox=line(text, top=700, size=7).bbox)
    notes = parse_footnotes([blk], "en")
    assert [(n.marker, n.term) for n in notes] == ([(marker, term)] if marker else [])


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
    from factextract.model import BBox

    blocks = [
        block("2019-2020", x=45, top=141, bold=True),
        block("National survey on remittances", x=127, top=141, width=175),
        block("BCV, World Bank", x=405, top=141, width=64),
        block("Q1 2022", x=45, top=161, bold=True),
        block("Lower fees on mobile wallets", x=127, top=161, width=175),
        block("Telecom operators", x=405, top=161, width=70),
    ]
    rules = [BBox(40, y, 560, y + 0.5) for y in (136, 156, 176)]
    section = Section(f"{DOC}:s1", 1, "progress", "PROGRESS", 1)
    draft = SectionBlocks(kind="progress", heading="PROGRESS", page=1, blocks=tuple(blocks))
    items = sections_to_items(DOC, [section], [draft], "en", 595.0, {1: rules})
    assert _dated(items) == [
        ("National survey on remittances BCV, World Bank", "2019/2020", "timeline"),
        ("Lower fees on mobile wallets Telecom operators", "2022-33", "timeline"),
    ]
