"""Heading classification and footnote/term splitting."""

from __future__ import annotations

import pytest

from factextract.footnotes import split_term
from factextract.sections import classify_heading, normalise


@pytest.mark.parametrize("heading, lang, kind", [
    ("PROGRÈS", "fr", "progress"),
    ("Mise en œuvre du Plan d’Action de Marrakech", "fr", "progress"),
    ("ACTIVITÉS 2021", "fr", "activities"),
    ("LE SYSTÈME DES PAYS RÉFÉRENTS", "fr", "referent_system"),
    ("SUGGESTIONS POUR L’AVENIR", "fr", "suggestions"),
    ("PROGRESS", "en", "progress"),
    ("Implementation of the Marrakesh Action Plan", "en", "progress"),
    ("ACTIVITIES 2022", "en", "activities"),
    ("THE REFERENCE COUNTRY SYSTEM", "en", "referent_system"),
    ("SUGGESTIONS FOR THE FUTURE", "en", "suggestions"),
    ("Activités menées en 2022", "fr", "activities"),
    ("NOS RECOMMANDATIONS", "fr", "suggestions"),
    ("ACTIVITIES", "fr", "activities"),  # a heading in the other language still classifies
    ("Document final", "fr", None),
    ("Webinaire sur Retour & Réintégration, Janvier 2021", "fr", None),
])
def test_classify_heading(heading, lang, kind):
    assert classify_heading(heading, lang) == kind


def test_an_event_title_is_not_classified_by_lemma_when_asked_not_to():
    assert classify_heading("Atelier sur les perspectives de retour", "fr", by_lemma=False) is None


@pytest.mark.parametrize("text, want", [
    ("Système des Pays Référents", "systeme des pays referents"),
    ("Mise en œuvre du Plan d’Action", "mise en oeuvre du plan d action"),
])
def test_normalise(text, want):
    assert normalise(text) == want


@pytest.mark.parametrize("text, term, expansion", [
    ("MIEUX+ - L’initiative conjointe UE-ICMPD MIgration EU eXpertise", "MIEUX+",
     "L’initiative conjointe UE-ICMPD MIgration EU eXpertise"),
    ("OFII - Office Français de l’Immigration et Intégration", "OFII", "Office Français de l’Immigration et Intégration"),
    ("IOM: International Organization for Migration", "IOM", "International Organization for Migration"),
    ("ECOWAS – Economic Community of West African States", "ECOWAS", "Economic Community of West African States"),
    ("Voir le rapport annuel de l'organisation pour plus de détails", None, None),
])
def test_split_term(text, term, expansion):
    assert split_term(text) == (term, expansion)


def _heading_block(text: str, top: float, size: float = 14.0):
    from builders import line
    from factextract.model import Block

    ln = line(text, x=40, top=top, size=size, bold=True)
    return Block(lines=(ln,), page=1, bbox=ln.bbox)


@pytest.mark.parametrize("parts, want", [
    (["LE SYSTÈME DES", "PAYS RÉFÉRENTS"], ["LE SYSTÈME DES PAYS RÉFÉRENTS"]),
    (["Mise en œuvre", "du Plan d’Action de", "Marrakech"], ["Mise en œuvre du Plan d’Action de Marrakech"]),
    (["SUGGESTIONS POUR", "L’AVENIR"], ["SUGGESTIONS POUR L’AVENIR"]),
    (["PROGRÈS", "Document final"], ["PROGRÈS", "Document final"]),
])
def test_a_heading_set_over_separate_boxes_is_joined(parts, want):
    from factextract.sections import _join_broken_headings, block_text

    blocks = [_heading_block(text, 100 + 20 * i) for i, text in enumerate(parts)]
    joined = _join_broken_headings(blocks, body=9.0, language="fr")
    assert [block_text(b, "fr") for b in joined] == want


def test_a_field_title_left_open_takes_the_block_that_continues_it():
    from factextract.sections import _join_broken_headings, block_text

    blocks = [_heading_block("Action 20 : Échanger les bonnes pratiques (notamment", 100, size=9.0),
              _heading_block("par le biais de concertations régionales)", 118, size=9.0),
              _heading_block("Document final", 160, size=9.0)]
    joined = _join_broken_headings(blocks, body=9.0, language="fr")
    assert [block_text(b, "fr") for b in joined] == [
        "Action 20 : Échanger les bonnes pratiques (notamment par le biais de concertations régionales)",
        "Document final"]


def test_a_heading_in_the_body_style_counts_when_it_is_exactly_a_vocabulary_phrase():
    from builders import line
    from factextract.model import Block, Page
    from factextract.sections import split_sections

    def blk(text, top, bold=False, size=10.5):
        ln = line(text, x=40, top=top, size=size, bold=bold)
        return Block(lines=(ln,), page=1, bbox=ln.bbox)

    blocks = [blk("Sierra Leone", 40, bold=True, size=24), blk("PROGRESS", 320, bold=True, size=14),
              blk("Implementation of the Marrakesh Action Plan", 340),
              blk("Action 10: Strengthen the capacities of the national authorities", 355),
              blk("A first progress paragraph, long enough to be an item of the section.", 380)]
    page = Page(number=1, width=595, height=842, chars=())
    sections = split_sections([page], [blocks], "en")
    progress = next(s for s in sections if s.kind == "progress")
    assert progress.subheadings == ("Implementation of the Marrakesh Action Plan",
                                    "Action 10: Strengthen the capacities of the national authorities")
    assert [b.text for b in progress.blocks] == ["A first progress paragraph, long enough to be an item of the section."]


def _blk(text, top, x=40, bold=False, size=9.0, page_number=1):
    from builders import line
    from factextract.model import Block

    ln = line(text, x=x, top=top, size=size, bold=bold, page_number=page_number)
    return Block(lines=(ln,), page=page_number, bbox=ln.bbox)


def _split(blocks, language="en"):
    from factextract.model import Page
    from factextract.sections import split_sections

    return split_sections([Page(number=1, width=595, height=842, chars=())], [blocks], language)


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
