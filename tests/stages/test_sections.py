"""Blocks -> sections: headings by style and vocabulary, the header, table header rows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import DOC, block, layout
from factextract.model import RULE_THICKNESS, BBox, Block, Page, Table
from factextract.stages.footnotes import split_footnotes
from factextract.stages.sections import (
    BOLD_HEADING_SIZE_RATIO, DATE_HEADING_SIZE_RATIO, HEADER_BAND_SHARE, HEADER_ROW_GAP_EM, HEADER_ZONE,
    MAX_COLON_HEADING_WORDS, MAX_HEADER_CELL_WORDS, MAX_HEADING_CHARS, MAX_TITLE_WORDS, MAX_TITLE_WORDS_OF_TITLE,
    LONG_HEADING_SIZE_RATIO, MAX_PLAIN_HEADING_WORDS, ROW_TOLERANCE, TITLE_BLOCK_REACH_EM, TITLE_SIZE_RATIO, UNDERLINE_DROP_EM, UNDERLINE_OVERRUN_EM, UNDERLINE_SHARE,
    split_sections,
)
from factextract.vocab.headings import MAX_HEADING_WORDS


def _blk(text, top, x=40, bold=False, size=9.0, page_number=1):
    return block(text, x=x, top=top, bold=bold, size=size, page_number=page_number)


def _split(blocks, language="en"):
    return split_sections(split_footnotes(layout(blocks)), language, doc_id=DOC)


def test_a_heading_in_the_body_style_counts_when_it_is_exactly_a_vocabulary_phrase():
    blocks = [_blk("Sierra Leone", 40, bold=True, size=24), _blk("PROGRESS", 320, bold=True, size=14),
              _blk("Implementation of the Marrakesh Action Plan", 340, size=10.5),
              _blk("Action 10: Strengthen the capacities of the national authorities", 355, size=10.5),
              _blk("A first progress paragraph, long enough to be an item of the section.", 380, size=10.5)]
    progress = next(s for s in _split(blocks) if s.kind == "progress")
    assert progress.subheadings == ("Implementation of the Marrakesh Action Plan",
                                    "Action 10: Strengthen the capacities of the national authorities")
    assert [b.text for b in progress.blocks] == ["A first progress paragraph, long enough to be an item of the section."]


def test_a_table_header_row_above_dates_is_a_subheading_not_items():
    sections = _split([_blk("PROGRESS", 100, bold=True, size=14), _blk("Date", 130, x=45, bold=True),
                       _blk("Activity", 130, x=127, bold=True), _blk("Partners", 130, x=405, bold=True),
                       _blk("2019-2020", 145, x=45, bold=True), _blk("National survey on remittances", 145, x=127)])
    progress = next(s for s in sections if s.kind == "progress")
    assert progress.subheadings == ("Date Activity Partners",)
    assert [b.text for b in progress.blocks] == ["2019-2020", "National survey on remittances"]


def test_a_header_at_the_foot_of_the_page_is_still_the_header():
    sections = _split([_blk("PROGRESS", 100, bold=True, size=14), _blk("A progress paragraph.", 130),
                       _blk("Cabo Verde", 700, bold=True, size=26), _blk("Reference country", 735),
                       _blk("Domain 1: Development benefits of migration", 750)])
    assert sections[0].kind == "header" and sections[0].heading == "Cabo Verde"
    assert sections[0].subheadings == ("Reference country", "Domain 1: Development benefits of migration")
    assert [b.text for s in sections if s.kind == "progress" for b in s.blocks] == ["A progress paragraph."]


def test_the_title_is_the_country_name_not_a_larger_banner():
    # The paragraph sets the body size (and weight) the banner is measured against.
    sections = _split([_blk("COUNTRY FACTSHEET", 40, bold=True, size=30), _blk("Liberia", 80, bold=True, size=18),
                       _blk("Reference country", 105), _blk("PROGRESS", 300, bold=True, size=14),
                       _blk(_PARAGRAPH, 320)])
    assert sections[0].heading == "Liberia"
    assert sections[0].subheadings == ("COUNTRY FACTSHEET", "Reference country")


def test_sections_have_derived_ids_kinds_and_heading_dates():
    sections = _split([_blk("Cameroun", 40, bold=True, size=24), _blk("ACTIVITÉS 2021", 300, bold=True, size=14),
                       _blk("Un webinaire sur le retour et la réintégration des migrants.", 320),
                       _blk("SUGGESTIONS POUR L’AVENIR", 400, bold=True, size=14),
                       _blk("Poursuivre les échanges entre pays référents de la région.", 420),
                       _blk("1 OFII - Office Français de l’Immigration et de l’Intégration", 800, size=7)], "fr")
    assert [(s.section_id, s.order, s.kind, s.heading) for s in sections] == [
        (f"{DOC}:s1", 1, "header", "Cameroun"), (f"{DOC}:s2", 2, "activities", "ACTIVITÉS 2021"),
        (f"{DOC}:s3", 3, "suggestions", "SUGGESTIONS POUR L’AVENIR"), (f"{DOC}:s4", 4, "footnotes", None)]
    assert sections[1].heading_period.edtf == "2021" and sections[2].heading_period is None
    assert [b.text for b in sections[3].blocks] == ["1 OFII - Office Français de l’Immigration et de l’Intégration"]


def test_a_styled_heading_of_no_known_kind_opens_an_other_section():
    sections = _split([_blk("Cameroun", 40, bold=True, size=24), _blk("PROGRÈS", 300, bold=True, size=14),
                       _blk("Un premier paragraphe de progrès.", 320),
                       _blk("CONTEXTE NATIONAL", 360, bold=True, size=14),
                       _blk("Un paragraphe de contexte.", 380)], "fr")
    assert [(s.kind, s.heading) for s in sections] == [
        ("header", "Cameroun"), ("progress", "PROGRÈS"), ("other", "CONTEXTE NATIONAL")]


def _kinds(sections):
    return [(s.kind, s.heading) for s in sections]


def _content(sections, kind):
    return [b.text for s in sections if s.kind == kind for b in s.blocks]


_PAGE_HEIGHT = 842.0  # builders.layout's A4 pages
_PARAGRAPH = "A paragraph of body text, long enough to set the size of the body of the document."


# --- the header zone ------------------------------------------------------------------------------

@pytest.mark.parametrize("top, page_number, kind", [
    (_PAGE_HEIGHT * HEADER_ZONE - 1, 1, "header"),
    (_PAGE_HEIGHT * HEADER_ZONE, 1, "other"),
    (40, 2, "other"),  # the header zone is on page 1 only
])
def test_a_title_line_before_any_heading_is_the_header_only_in_the_top_zone_of_page_1(top, page_number, kind):
    # Without type larger than the body, a country's name (or a date) makes the title block.
    sections = _split([_blk("Cabo Verde", top, bold=True, page_number=page_number),
                       _blk(_PARAGRAPH, 500, page_number=page_number)])
    assert [(s.kind, s.page) for s in sections][0] == (kind, page_number)


@pytest.mark.parametrize("text, bold, lines_kind", [
    (_PARAGRAPH, False, "other"),                       # a body paragraph is never the title block
    ("Evaluation type: Centralized evaluation", False, "other"),   # nor an information box line
    ("June 2023", False, "header"),                     # a date line is
    ("Reference country factsheet", True, "header"),     # so is a short line set apart
])
def test_the_header_holds_the_title_block_only(text, bold, lines_kind):
    sections = _split([_blk("Cybersecurity Strategy", 40, bold=True, size=20), _blk(text, 80, bold=bold),
                       _blk(_PARAGRAPH, 400)])
    assert sections[0].kind == "header" and sections[0].heading == "Cybersecurity Strategy"
    in_header = text in sections[0].subheadings
    assert in_header is (lines_kind == "header")
    if not in_header:
        assert sections[1].kind == "other" and sections[1].heading is None and text in _content(sections, "other")


@pytest.mark.parametrize("text, bold, size, heading", [
    ("Background: the EU's post-2015 migration agenda", True, 9.0 * BOLD_HEADING_SIZE_RATIO, True),
    ("Background: the EU's post-2015 migration agenda", True, 9.0, False),  # bold at body size: an item
    ("THE WAY WE WORK", False, 9.0, True),                                  # capitals
    ("A heading set large", False, 9.0 * 1.2, True),
    ("A sentence set large, ending as sentences do.", False, 9.0 * 1.2, False),
    ("May 2021", True, 9.0 * 1.2, False),                                   # a date label
])
def test_a_heading_whose_words_no_vocabulary_knows_opens_an_other_section(text, bold, size, heading):
    sections = _split([_blk("PROGRESS", 100, bold=True, size=14), _blk(_PARAGRAPH, 130),
                       _blk(text, 300, bold=bold, size=size), _blk(_PARAGRAPH, 320)])
    assert (_kinds(sections)[-1] == ("other", text)) is heading


def test_a_block_below_the_header_zone_leaves_the_header_for_an_other_section():
    sections = _split([_blk("Cabo Verde", 40, bold=True, size=24), _blk(_PARAGRAPH, 400)])
    assert _kinds(sections) == [("header", "Cabo Verde"), ("other", None)]
    assert _content(sections, "other") == [_PARAGRAPH]


def test_a_header_label_stays_in_the_header_though_its_words_name_a_section():
    # "référent" is a lemma of the referent-system kind; a header label is no heading.
    sections = _split([_blk("Cameroun", 40, bold=True, size=24), _blk("PAYS RÉFÉRENT", 70, bold=True, size=14),
                       _blk(_PARAGRAPH, 400)], "fr")
    assert _kinds(sections) == [("header", "Cameroun"), ("other", None)]
    assert sections[0].subheadings == ("PAYS RÉFÉRENT",)


# --- headings by style, vocabulary and lemma --------------------------------------------------------

@pytest.mark.parametrize("heading, bold, size, kind", [
    ("NOS RECOMMANDATIONS", True, 9.0, "suggestions"),   # capitals: looked up by lemma
    ("Nos recommandations", False, 12.0, "suggestions"),  # large type: looked up by lemma
    ("Nos recommandations", True, 9.0, None),             # bold at body size: by phrase only
])
def test_a_heading_is_read_by_lemma_only_in_capitals_or_large_type(heading, bold, size, kind):
    sections = _split([_blk("PROGRÈS", 300, bold=True, size=14), _blk(_PARAGRAPH, 320),
                       _blk(heading, 360, bold=bold, size=size), _blk(_PARAGRAPH, 380)], "fr")
    if kind is None:
        assert _kinds(sections) == [("progress", "PROGRÈS")]
        assert _content(sections, "progress") == [_PARAGRAPH, heading, _PARAGRAPH]
    else:
        assert _kinds(sections) == [("progress", "PROGRÈS"), (kind, heading)]


@pytest.mark.parametrize("words, is_heading", [(MAX_HEADING_WORDS, True), (MAX_HEADING_WORDS + 1, False)])
def test_a_heading_read_by_lemma_has_at_most_max_heading_words(words, is_heading):
    heading = " ".join(["OUR", "RECOMMENDATIONS"] + ["NOW"] * (words - 2))
    sections = _split([_blk("PROGRESS", 300, bold=True, size=14), _blk(_PARAGRAPH, 320),
                       _blk(heading, 360, bold=True), _blk(_PARAGRAPH, 380)])
    # Past MAX_HEADING_WORDS it is not looked up by lemma: set in capitals, it is a heading of
    # no known kind.
    assert _kinds(sections) == [("progress", "PROGRESS"), ("suggestions" if is_heading else "other", heading)]


@pytest.mark.parametrize("length, is_heading", [(MAX_HEADING_CHARS, True), (MAX_HEADING_CHARS + 1, False)])
def test_a_styled_heading_is_at_most_max_heading_chars_long(length, is_heading):
    heading = "Suggestions for the future of the dialogue " + "x" * 200
    heading = heading[:length]
    sections = _split([_blk("PROGRESS", 300, bold=True, size=14), _blk(_PARAGRAPH, 320),
                       _blk(heading, 360, bold=True), _blk(_PARAGRAPH, 380)])
    assert [s.kind for s in sections] == ["progress"] + (["suggestions"] if is_heading else [])


@pytest.mark.parametrize("text, is_heading", [
    ("Suggestions for the future", True),              # exactly a phrase, in the body style
    ("Suggestions for the future of the dialogue", False),
])
def test_a_heading_in_the_body_style_must_be_exactly_a_phrase(text, is_heading):
    sections = _split([_blk("PROGRESS", 300, bold=True, size=14), _blk(_PARAGRAPH, 320), _blk(text, 360),
                       _blk(_PARAGRAPH, 380)])
    assert [s.kind for s in sections] == ["progress"] + (["suggestions"] if is_heading else [])


@pytest.mark.parametrize("content_between, want", [
    (False, [("progress", "PROGRESS", ("Implementation of the Marrakesh Action Plan",))]),
    (True, [("progress", "PROGRESS", ()), ("progress", "Implementation of the Marrakesh Action Plan", ())]),
])
def test_a_second_heading_of_the_same_kind_is_a_subheading_until_content_comes(content_between, want):
    blocks = [_blk("PROGRESS", 300, bold=True, size=14)]
    if content_between:
        blocks.append(_blk(_PARAGRAPH, 315))
    blocks += [_blk("Implementation of the Marrakesh Action Plan", 330, bold=True), _blk(_PARAGRAPH, 345)]
    assert [(s.kind, s.heading, s.subheadings) for s in _split(blocks)] == want


@pytest.mark.parametrize("first, kinds", [
    # A "Notes" line before any section opens no footnotes section: with no type larger than
    # it, it is the first heading, of no known kind.
    (True, ["other"]),
    (False, ["progress", "footnotes"]),
])
def test_a_notes_heading_before_any_section_opens_no_footnotes_section(first, kinds):
    blocks = [] if first else [_blk("PROGRESS", 40, bold=True, size=14), _blk(_PARAGRAPH, 60)]
    blocks.append(_blk("NOTES", 100, bold=True, size=14))
    assert [s.kind for s in _split(blocks)] == kinds


@pytest.mark.parametrize("bold, after_content, is_subheading", [
    (False, False, True),   # right under the heading, in any style
    (True, True, True),     # styled, even after the section's content
    (False, True, False),   # in the body style after content: a paragraph
])
def test_a_field_line_is_a_subheading_when_styled_or_right_under_the_heading(bold, after_content, is_subheading):
    field_line = "Action 10: Strengthen the capacities of the national authorities"
    blocks = [_blk("PROGRESS", 300, bold=True, size=14)]
    if after_content:
        blocks.append(_blk(_PARAGRAPH, 315))
    blocks += [_blk(field_line, 330, bold=bold), _blk(_PARAGRAPH, 345)]
    progress = _split(blocks)[0]
    assert (field_line in progress.subheadings) is is_subheading
    assert ([b.text for b in progress.blocks].count(field_line) == 1) is not is_subheading


def test_a_field_line_before_any_section_opens_the_header_wherever_it_stands():
    sections = _split([_blk("Domain 3: Protection and asylum", 400)])
    assert [s.kind for s in sections] == ["header"]
    assert "Domain 3: Protection and asylum" in [sections[0].heading, *sections[0].subheadings]


# --- the header found elsewhere on page 1 ------------------------------------------------------------

def _foot_header(title_size=26.0, title="Cabo Verde", label="Reference country", domain_top=750.0, page_number=1):
    """A progress section at the top of page 1, then a header band at its foot."""
    blocks = [_blk("PROGRESS", 100, bold=True, size=14), _blk(_PARAGRAPH, 130),
              _blk(title, 700, bold=True, size=title_size, page_number=page_number)]
    if label:
        blocks.append(_blk(label, 735, page_number=page_number))
    return blocks + [_blk("Domain 1: Development benefits of migration", domain_top, page_number=page_number)]


def test_a_large_country_name_away_from_the_top_without_the_label_is_no_header():
    sections = _split(_foot_header(label=None))
    assert [(s.kind, s.heading) for s in sections] == [("progress", "PROGRESS"), ("other", "Cabo Verde")]


@pytest.mark.parametrize("size, in_header", [(9.0 * TITLE_SIZE_RATIO, True), (9.0 * TITLE_SIZE_RATIO - 0.1, False)])
def test_a_header_found_elsewhere_takes_a_country_name_set_title_size_ratio_times_the_body(size, in_header):
    header = _split(_foot_header(title_size=size))[0]
    assert header.kind == "header"
    assert ("Cabo Verde" in [header.heading, *header.subheadings]) is in_header


def test_a_header_found_elsewhere_takes_a_country_name_in_at_most_max_title_words():
    long_name = " ".join(["Republic"] * MAX_TITLE_WORDS + ["Cabo Verde"])
    sections = _split(_foot_header(title=long_name))
    assert [s.kind for s in sections] == ["header", "progress", "other"]  # too long for a title: a heading
    assert long_name not in [sections[0].heading, *sections[0].subheadings]
    assert sections[2].heading == long_name


@pytest.mark.parametrize("domain_top, in_header", [
    (700 + _PAGE_HEIGHT * HEADER_BAND_SHARE, True),
    (700 + _PAGE_HEIGHT * HEADER_BAND_SHARE + 1, False),
])
def test_a_header_found_elsewhere_spans_at_most_header_band_share_of_the_page(domain_top, in_header):
    header = _split(_foot_header(domain_top=domain_top))[0]
    assert header.heading == "Cabo Verde"
    assert ("Domain 1: Development benefits of migration" in header.subheadings) is in_header


def test_a_header_is_found_elsewhere_on_page_1_only():
    sections = _split(_foot_header(page_number=2))
    assert [(s.kind, s.heading) for s in sections] == [("progress", "PROGRESS"), ("other", "Cabo Verde")]


# --- table header rows ----------------------------------------------------------------------------

def _table(date_top=145.0, first_cell="Date", date="2019-2020", second_top=130.0):
    return [_blk("PROGRESS", 100, bold=True, size=14), _blk(first_cell, 130, x=45, bold=True),
            _blk("Activity", second_top, x=127, bold=True), _blk(date, date_top, x=45, bold=True),
            _blk("National survey on remittances", date_top, x=127)]


@pytest.mark.parametrize("date_top, is_header_row", [
    (139 + HEADER_ROW_GAP_EM * 9, True),       # the first cell is 9 pt high, its bottom at 139
    (139 + HEADER_ROW_GAP_EM * 9 + 0.5, False),
])
def test_a_table_header_row_needs_a_date_right_under_its_first_cell(date_top, is_header_row):
    progress = _split(_table(date_top=date_top))[0]
    assert progress.subheadings == (("Date Activity",) if is_header_row else ())


_WORDY_CELL = " ".join(["Date", "of", "the", "event", "held"][:MAX_HEADER_CELL_WORDS + 1])


@pytest.mark.parametrize("blocks", [
    _table(date="Survey"),                                       # no date under the first cell
    _table(first_cell=_WORDY_CELL),                              # more than MAX_HEADER_CELL_WORDS words
    _table(second_top=130 + ROW_TOLERANCE + 0.5),                # the cells are not level
])
def test_bold_cells_are_no_table_header_row_without_each_condition(blocks):
    assert _split(blocks)[0].subheadings == ()


# --- heading dates and pages ----------------------------------------------------------------------

@pytest.mark.parametrize("heading, edtf", [
    ("ACTIVITIES 2022", "2022"),
    ("ACTIVITIES IN MARCH 2022 AND 2023", "2022-03"),  # the first date of the heading
    ("ACTIVITIES", None),
])
def test_the_heading_period_is_the_first_date_of_the_heading(heading, edtf):
    sections = _split([_blk(heading, 300, bold=True, size=14), _blk(_PARAGRAPH, 320)])
    assert [(s.kind, s.heading_period and s.heading_period.edtf) for s in sections] == [("activities", edtf)]


def test_the_header_heading_has_no_period():
    sections = _split([_blk("Cabo Verde 2021", 40, bold=True, size=24)])
    assert [(s.kind, s.heading, s.heading_period) for s in sections] == [("header", "Cabo Verde 2021", None)]


def test_a_section_opened_on_page_2_has_page_2_and_takes_the_blocks_after_it():
    sections = _split([_blk("PROGRESS", 300, bold=True, size=14), _blk(_PARAGRAPH, 320),
                       _blk("SUGGESTIONS", 40, bold=True, size=14, page_number=2),
                       _blk(_PARAGRAPH, 60, page_number=2), _blk(_PARAGRAPH, 40, page_number=3)])
    assert [(s.kind, s.page, len(s.blocks)) for s in sections] == [("progress", 1, 1), ("suggestions", 2, 2)]


# --- headings set after a symbol ------------------------------------------------------------------

def _split_on(blocks, pages=None, language="fr"):
    """Sections of blocks on hand-made pages (drawn rules, tables)."""
    return split_sections(split_footnotes(layout(blocks, pages=pages)), language, doc_id=DOC)


def _a4(**drawn):
    return [Page(number=1, width=595.0, height=_PAGE_HEIGHT, chars=(), **drawn)]


# A progress section with a paragraph: what follows is either a new section or its content.
_PROGRESS = [_blk("PROGRÈS", 100, bold=True, size=14), _blk(_PARAGRAPH, 120)]


def _drawn_bullet(blk):
    """The block with a bullet drawn as a shape before its first line."""
    return Block.of([replace(blk.lines[0], drawn_marker=True), *blk.lines[1:]])


@pytest.mark.parametrize("heading", [
    _blk("✓ Les recettes", 200, bold=True),
    _blk("➤ Les recettes", 200, bold=True),
    block("Les recettes", x=40, top=200, size=9.0, bold=True, marker_font="Wingdings-Regular"),  # a symbol font
])
def test_a_bold_line_set_after_a_symbol_heads_a_section_named_without_the_symbol(heading):
    sections = _split(_PROGRESS + [heading, _blk(_PARAGRAPH, 215)], "fr")
    assert _kinds(sections) == [("progress", "PROGRÈS"), ("other", "Les recettes")]
    assert _content(sections, "other") == [_PARAGRAPH]


@pytest.mark.parametrize("blocks, is_heading", [
    ([_blk("✓ Les recettes", 200, bold=True), _blk(_PARAGRAPH, 215)], True),
    # Not bold: a list point of one.
    ([_blk("✓ Les recettes", 200), _blk(_PARAGRAPH, 215)], False),
    # Over two lines: a list point.
    ([_blk("✓ Les recettes|de l’État", 200, bold=True), _blk(_PARAGRAPH, 230)], False),
    # An event title in bold with its points under it.
    ([_blk("✓ Les recettes", 200, bold=True), _blk("◦ Les impôts sur le revenu.", 215), _blk(_PARAGRAPH, 230)],
     False),
    # Followed by another heading set after a symbol (one bold line): still a heading.
    ([_blk("✓ Les recettes", 200, bold=True), _blk("➤ Les impôts", 215, bold=True),
      _blk(_PARAGRAPH, 230)], True),
    # The points of one list, the same glyph before each, after or before it.
    ([_blk("✓ Les recettes", 200, bold=True), _blk("✓ Les dépenses", 215, bold=True), _blk(_PARAGRAPH, 230)],
     False),
    ([_blk("✓ Les dépenses", 185, bold=True), _blk("✓ Les recettes", 200, bold=True), _blk(_PARAGRAPH, 230)],
     False),
    # A number or a dash numbers and lists points; a drawn bullet too.
    ([_blk("1. Les recettes", 200, bold=True), _blk(_PARAGRAPH, 215)], False),
    ([_blk("– Les recettes", 200, bold=True), _blk(_PARAGRAPH, 215)], False),
    ([_drawn_bullet(_blk("Les recettes", 200, bold=True)), _blk(_PARAGRAPH, 215)], False),
])
def test_a_line_set_after_a_symbol_is_a_heading_only_alone_bold_and_outside_a_list(blocks, is_heading):
    sections = _split(_PROGRESS + blocks, "fr")
    assert (("other", "Les recettes") in _kinds(sections)) is is_heading
    assert (blocks[0].text in _content(sections, "progress")) is not is_heading


# --- a subtitle right under a heading --------------------------------------------------------------

@pytest.mark.parametrize("size, between, subheading", [
    (14.0, False, True),          # as large as the heading, right under it
    (11.0, False, True),
    (14.5, False, False),         # larger than the heading: a heading of its own
    (11.0, True, False),          # text between: a heading of its own
])
def test_a_subtitle_right_under_an_other_heading_is_its_subheading(size, between, subheading):
    blocks = _PROGRESS + [_blk("CONTEXTE NATIONAL", 200, bold=True, size=14)]
    if between:
        blocks.append(_blk(_PARAGRAPH, 220))
    blocks += [_blk("Une année de transition", 240, bold=True, size=size), _blk(_PARAGRAPH, 260)]
    sections = _split(blocks, "fr")
    if subheading:
        assert [(s.kind, s.heading, s.subheadings) for s in sections][1:] == [
            ("other", "CONTEXTE NATIONAL", ("Une année de transition",))]
    else:
        assert _kinds(sections)[1:] == [("other", "CONTEXTE NATIONAL"), ("other", "Une année de transition")]


def test_a_subtitle_under_the_title_is_no_subheading_of_an_other_section():
    # The title block's lines are the header's, not an other section's subheadings.
    sections = _split([_blk("Cybersecurity Strategy", 40, bold=True, size=20),
                       _blk("A strategy for the years to come", 70, bold=True, size=12), _blk(_PARAGRAPH, 400)])
    assert [(s.kind, s.heading, s.subheadings) for s in sections] == [
        ("header", "Cybersecurity Strategy", ("A strategy for the years to come",)), ("other", None, ())]


# --- a date set large, an ornament -------------------------------------------------------------------

@pytest.mark.parametrize("size, is_heading", [
    (9.0 * DATE_HEADING_SIZE_RATIO, True),        # "2017" over a spread
    (9.0 * DATE_HEADING_SIZE_RATIO - 0.1, False),  # a timeline's label
])
def test_a_date_alone_heads_a_section_only_set_date_heading_size_ratio_times_the_body(size, is_heading):
    sections = _split(_PROGRESS + [_blk("2017", 200, size=size), _blk(_PARAGRAPH, 240)], "fr")
    assert (_kinds(sections)[-1] == ("other", "2017")) is is_heading
    assert ("2017" in _content(sections, "progress")) is not is_heading


@pytest.mark.parametrize("text, is_heading", [("“", False), ("« »", False), ("Zoom", True)])
def test_a_block_with_no_letter_or_digit_is_no_heading(text, is_heading):
    # A large opening quote is an ornament: it stays in the section, where items drop it.
    sections = _split(_PROGRESS + [_blk(text, 200, size=60), _blk(_PARAGRAPH, 280)], "fr")
    assert (_kinds(sections)[-1] == ("other", text)) is is_heading
    assert (text in _content(sections, "progress")) is not is_heading


# --- a table's cells --------------------------------------------------------------------------------

# A one-row table of two cells, from y=190 to y=260.
_TABLE = Table(BBox(30, 190, 560, 260), rows=((BBox(30, 190, 300, 260), BBox(300, 190, 560, 260)),))


@pytest.mark.parametrize("tables, heading", [((), "CONTEXTE NATIONAL"), ((_TABLE,), None)])
def test_a_block_in_a_table_cell_is_never_a_heading(tables, heading):
    blocks = _PROGRESS + [_blk("CONTEXTE NATIONAL", 200, bold=True, size=14), _blk("Une cellule.", 200, x=310),
                          _blk(_PARAGRAPH, 300)]
    sections = _split_on(blocks, _a4(tables=tables))
    if heading is None:
        assert _kinds(sections) == [("progress", "PROGRÈS")]
        assert _content(sections, "progress")[1:3] == ["CONTEXTE NATIONAL", "Une cellule."]
    else:
        assert _kinds(sections) == [("progress", "PROGRÈS"), ("other", heading)]


def test_a_table_cell_before_any_section_opens_an_other_section():
    sections = _split_on([_blk("CONTEXTE NATIONAL", 200, bold=True, size=14), _blk("Une cellule.", 200, x=310),
                          _blk(_PARAGRAPH, 300)], _a4(tables=(_TABLE,)))
    assert _kinds(sections) == [("other", None)]
    assert _content(sections, "other") == ["CONTEXTE NATIONAL", "Une cellule.", _PARAGRAPH]


def test_a_table_cell_after_the_title_block_opens_an_other_section():
    sections = _split_on([_blk("Sénégal", 40, bold=True, size=24), _blk("Une cellule.", 200, x=310),
                          _blk(_PARAGRAPH, 300)], _a4(tables=(_TABLE,)))
    assert _kinds(sections) == [("header", "Sénégal"), ("other", None)]
    assert _content(sections, "other") == ["Une cellule.", _PARAGRAPH]


# --- underlined headings ----------------------------------------------------------------------------

# "Nos partenaires": one 9 pt line at x=40, from top 200 to bottom 209, 67.5 points wide.
_UNDERLINED = "Nos partenaires"
_U_BOTTOM, _U_X0, _U_WIDTH, _U_SIZE = 209.0, 40.0, len(_UNDERLINED) * 9.0 * 0.5, 9.0


def _rule(y=_U_BOTTOM + 1, x0=_U_X0, x1=_U_X0 + _U_WIDTH, thickness=0.0):
    return BBox(x0, y, x1, y + thickness)


@pytest.mark.parametrize("rule, is_heading", [
    (_rule(), True),
    # its middle at most UNDERLINE_DROP_EM font sizes below the line's bottom ...
    (_rule(y=_U_BOTTOM + UNDERLINE_DROP_EM * _U_SIZE), True),
    (_rule(y=_U_BOTTOM + UNDERLINE_DROP_EM * _U_SIZE + 0.5), False),
    (_rule(y=_U_BOTTOM - UNDERLINE_DROP_EM * _U_SIZE), True),
    (_rule(y=_U_BOTTOM - UNDERLINE_DROP_EM * _U_SIZE - 0.5), False),   # through the words: struck out
    # ... under at least UNDERLINE_SHARE of the text ...
    (_rule(x1=_U_X0 + UNDERLINE_SHARE * _U_WIDTH), True),
    (_rule(x1=_U_X0 + UNDERLINE_SHARE * _U_WIDTH - 0.5), False),
    # ... and running at most UNDERLINE_OVERRUN_EM font sizes past it (a separator runs wider).
    (_rule(x0=_U_X0 - UNDERLINE_OVERRUN_EM * _U_SIZE), True),
    (_rule(x0=_U_X0 - UNDERLINE_OVERRUN_EM * _U_SIZE - 0.5), False),
    (_rule(x1=_U_X0 + _U_WIDTH + UNDERLINE_OVERRUN_EM * _U_SIZE + 0.5), False),
    # A shape RULE_THICKNESS thick is a box, not a rule.
    (_rule(thickness=RULE_THICKNESS - 0.5), True),
    (_rule(thickness=RULE_THICKNESS), False),
])
def test_a_line_underlined_by_a_rule_about_as_wide_as_it_is_a_heading(rule, is_heading):
    blocks = _PROGRESS + [_blk(_UNDERLINED, 200), _blk(_PARAGRAPH, 220)]
    sections = _split_on(blocks, _a4(rules=(rule,)))
    assert (_kinds(sections)[-1] == ("other", _UNDERLINED)) is is_heading
    assert (_UNDERLINED in _content(sections, "progress")) is not is_heading


def test_an_underlined_block_of_two_lines_is_no_heading():
    blocks = _PROGRESS + [_blk("Nos partenaires|et leurs projets", 188), _blk(_PARAGRAPH, 220)]
    sections = _split_on(blocks, _a4(rules=(_rule(),)))
    assert _kinds(sections) == [("progress", "PROGRÈS")]


# --- a document set all in bold ----------------------------------------------------------------------

@pytest.mark.parametrize("bold_chars, body_bold", [(50, False), (51, True)])
def test_the_body_is_bold_when_more_than_half_of_the_text_is(bold_chars, body_bold):
    # Of 100 characters: half of them bold is not "most".
    blocks = [block("x" * bold_chars, top=100, bold=True), block("y" * (100 - bold_chars), top=120)]
    assert layout(blocks).body_bold is body_bold


def _bold_body(bold):
    return [_blk(_PARAGRAPH, 400, bold=bold), _blk(_PARAGRAPH, 420, bold=bold)]


@pytest.mark.parametrize("body_bold, is_heading", [(False, True), (True, False)])
def test_when_most_text_is_bold_a_bold_line_is_no_heading(body_bold, is_heading):
    sections = _split([_blk("PROGRESS", 100, bold=True, size=14), *_bold_body(body_bold),
                       _blk("Our partners", 500, bold=True, size=9.0 * BOLD_HEADING_SIZE_RATIO),
                       _blk(_PARAGRAPH, 520, bold=body_bold), _blk("Our approach:", 600, bold=True),
                       _blk(_PARAGRAPH, 620, bold=body_bold)])
    headings = [h for _, h in _kinds(sections)]
    assert ("Our partners" in headings, "Our approach:" in headings) == (is_heading, is_heading)


@pytest.mark.parametrize("body_bold, in_header", [(False, True), (True, False)])
def test_when_most_text_is_bold_a_bold_line_near_the_title_is_not_in_the_title_block(body_bold, in_header):
    sections = _split([_blk("Cybersecurity Strategy", 40, bold=True, size=20),
                       _blk("Reference country factsheet", 80, bold=True), *_bold_body(body_bold)])
    assert ("Reference country factsheet" in sections[0].subheadings) is in_header


# --- the title block ----------------------------------------------------------------------------

def test_the_title_is_the_largest_type_on_page_1_wherever_it_stands():
    # A photo fills the top of the page: the title is set low, below the header zone.
    sections = _split([_blk("Cybersecurity Strategy", 500, bold=True, size=20), _blk(_PARAGRAPH, 600),
                       _blk("A larger heading on page 2", 40, bold=True, size=30, page_number=2)])
    assert _kinds(sections)[0] == ("header", "Cybersecurity Strategy")


@pytest.mark.parametrize("words, is_title", [(MAX_TITLE_WORDS_OF_TITLE, True), (MAX_TITLE_WORDS_OF_TITLE + 1, False)])
def test_the_title_has_at_most_max_title_words_of_title(words, is_title):
    title = " ".join(["Plan"] * words)
    sections = _split([_blk(title, 40, size=12)] + [_blk(_PARAGRAPH, 400 + 20 * i) for i in range(3)])
    # Longer, it is a paragraph set large.
    assert _kinds(sections)[0] == (("header", title) if is_title else ("other", None))


# The title, 20 pt, stands from 200 to 220: a line of the title block starts at most
# TITLE_BLOCK_REACH_EM title sizes above its top or below its bottom.
@pytest.mark.parametrize("top, in_header", [
    (220 + TITLE_BLOCK_REACH_EM * 20, True),
    (220 + TITLE_BLOCK_REACH_EM * 20 + 1, False),
    (200 - TITLE_BLOCK_REACH_EM * 20, True),
    (200 - TITLE_BLOCK_REACH_EM * 20 - 1, False),
])
def test_a_line_of_the_title_block_stands_within_title_block_reach_em_of_the_title(top, in_header):
    blocks = [_blk("June 2023", top), _blk("Cybersecurity Strategy", 200, bold=True, size=20), _blk(_PARAGRAPH, 500)]
    blocks.sort(key=lambda b: b.bbox.top)
    sections = _split(blocks)
    assert (sections[0].kind == "header" and "June 2023" in sections[0].subheadings) is in_header


@pytest.mark.parametrize("text, bold, kind", [
    ("June 2023", False, "header"),         # a date
    ("Sénégal", False, "header"),           # a country's name
    ("THE WAY WE WORK", False, "other"),    # a styled line: the first heading
    ("Cabo Verde", True, "header"),
    ("COMMUNIQUÉ DU CONSEIL DES MINISTRES DU 14 AOÛT 2024", False, "header"),   # a styled line holding a date
])
def test_without_type_larger_than_the_body_only_a_date_or_a_country_makes_the_title_block(text, bold, kind):
    sections = _split([_blk(text, 40, bold=bold), _blk(_PARAGRAPH, 120)])
    assert _kinds(sections)[0] == (kind, text)
    assert [b.text for b in sections[0].blocks] == ([text] if kind == "header" else [_PARAGRAPH])


# --- a bold line ending on a colon ------------------------------------------------------------------

def _lead_in(words):
    """A line of ``words`` words ending on a colon."""
    return " ".join((["Our", "plans", "for", "the", "project", "in", "the", "coming", "years", "ahead"] * 2)
                    [:words - 1] + ["are:"])


@pytest.mark.parametrize("text, bold, is_heading", [
    (_lead_in(MAX_COLON_HEADING_WORDS), True, True),
    (_lead_in(MAX_COLON_HEADING_WORDS + 1), True, False),  # one word more: a sentence's lead-in
    # French sets a space before the colon: the colon is no word.
    (_lead_in(MAX_COLON_HEADING_WORDS)[:-1] + " :", True, True),
    ("Objectives of the project:", False, False),          # not bold
    ("Objectives of the project", True, False),            # bold at body size, no colon: an event title
])
def test_a_bold_line_ending_on_a_colon_is_a_heading_in_at_most_max_colon_heading_words(text, bold, is_heading):
    sections = _split([_blk("PROGRESS", 100, bold=True, size=14), _blk(_PARAGRAPH, 120), _blk(text, 200, bold=bold),
                       _blk(_PARAGRAPH, 220)])
    assert (_kinds(sections)[-1] == ("other", text)) is is_heading


# --- a long heading --------------------------------------------------------------------------------

_LONG = " ".join(["mot"] * (MAX_PLAIN_HEADING_WORDS + 1))


@pytest.mark.parametrize("text, bold, size_ratio, is_heading", [
    (_LONG, False, LONG_HEADING_SIZE_RATIO - 0.05, False),   # a sentence in slightly larger type
    (_LONG, False, LONG_HEADING_SIZE_RATIO, True),           # display type
    (_LONG, True, LONG_HEADING_SIZE_RATIO - 0.05, True),     # bold
    (" ".join(["mot"] * MAX_PLAIN_HEADING_WORDS), False, LONG_HEADING_SIZE_RATIO - 0.05, True),
])
def test_past_max_plain_heading_words_a_heading_in_the_body_weight_is_set_in_display_type(
        text, bold, size_ratio, is_heading):
    blocks = _PROGRESS + [_blk(text, 200, bold=bold, size=9.0 * size_ratio), _blk(_PARAGRAPH, 230),
                          _blk(_PARAGRAPH, 260)]
    sections = _split(blocks, "fr")
    assert (("other", text) in _kinds(sections)) is is_heading


# --- a logo repeated on later pages ------------------------------------------------------------------

def test_display_text_that_later_pages_repeat_is_no_title_where_page_1_has_its_own():
    # A wordmark and its baseline at the top of the cover and again on page 2; the cover's own
    # title further down, smaller than the wordmark.
    blocks = [_blk("beta.gouv.fr", 40, bold=True, size=60), _blk("Nous créons des services", 110, size=24),
              _blk("Rapport d’activité 2017", 700, bold=True, size=18),
              _blk("beta.gouv.fr", 40, bold=True, size=40, page_number=2),
              _blk("Nous créons des services", 90, size=16, page_number=2),
              _blk(_PARAGRAPH, 200, page_number=2)]
    header = _split(blocks, "fr")[0]
    assert (header.kind, header.heading) == ("header", "Rapport d’activité 2017")
    assert header.subheadings == ("beta.gouv.fr", "Nous créons des services")


def test_display_text_repeated_later_is_still_the_title_where_page_1_has_no_other():
    blocks = [_blk("Cabo Verde", 40, bold=True, size=24), _blk(_PARAGRAPH, 120),
              _blk("Cabo Verde", 40, bold=True, size=24, page_number=2), _blk(_PARAGRAPH, 120, page_number=2)]
    assert _kinds(_split(blocks))[0] == ("header", "Cabo Verde")


def test_a_section_box_is_its_heading_and_its_pages_run_to_its_last_block():
    heading = _blk("PROGRESS", 300, bold=True, size=14)
    body = [_blk("A first progress paragraph, long enough to be an item of the section.", 330, size=10.5),
            _blk("A second progress paragraph, on the next page of the document.", 60, size=10.5, page_number=2)]
    pages = [Page(number=n, width=595.0, height=842.0, chars=()) for n in (1, 2)]
    blocks = [_blk("Sierra Leone", 40, bold=True, size=24), heading, *body]
    progress = next(s for s in split_sections(split_footnotes(layout(blocks, pages=pages)), "en", doc_id=DOC)
                    if s.kind == "progress")
    assert (progress.page, progress.bbox, progress.last_page) == (1, heading.bbox, 2)
    assert [line.text for line in progress.heading_lines] == ["PROGRESS"]
