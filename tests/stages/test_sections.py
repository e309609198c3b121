"""Blocks -> sections: headings by style and vocabulary, the header, table header rows."""

from __future__ import annotations

import pytest

from builders import DOC, block, layout
from factextract.stages.footnotes import split_footnotes
from factextract.stages.sections import (
    BOLD_HEADING_SIZE_RATIO, HEADER_BAND_SHARE, HEADER_ROW_GAP_EM, HEADER_ZONE, MAX_HEADER_CELL_WORDS, MAX_HEADING_CHARS,
    MAX_TITLE_WORDS,
    ROW_TOLERANCE, TITLE_SIZE_RATIO, split_sections,
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
    sections = _split([_blk("COUNTRY FACTSHEET", 40, bold=True, size=30), _blk("Liberia", 80, bold=True, size=18),
                       _blk("Reference country", 105), _blk("PROGRESS", 300, bold=True, size=14)])
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
    sections = _split([_blk("Rapport annuel", top, bold=True, page_number=page_number),
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
    (True, ["header"]),                   # a "Notes" line before any section is no heading
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
