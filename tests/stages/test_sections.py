"""Blocks -> sections: headings by style and vocabulary, the header, table header rows."""

from __future__ import annotations

from builders import DOC, block, layout
from factextract.stages.footnotes import split_footnotes
from factextract.stages.sections import split_sections


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
