"""Footnote blocks set apart by size and place; footnote blocks -> marker, term, expansion."""

from __future__ import annotations

import pytest

from builders import DOC, block, layout, line, section
from factextract.model import BBox, Block, Page, Span, Table
from factextract.stages.footnotes import (
    FOOTNOTE_SIZE_RATIO, FOOTNOTE_ZONE, MAX_TERM_WORDS, is_footnote, parse_footnotes, split_footnotes, split_term,
)
from factextract.stages.sections import split_sections


def _notes(blocks, language="fr"):
    return parse_footnotes([section(blocks, kind="footnotes", heading=None)], language)


@pytest.mark.parametrize("lines, want", [
    (["1 MIEUX+ - L’initiative conjointe UE-ICMPD", "MIgration EU eXpertise", "2 OFII - Office Français"],
     [("1", "MIEUX+", "L’initiative conjointe UE-ICMPD MIgration EU eXpertise"), ("2", "OFII", "Office Français")]),
    (["¹ IOM: International Organization for Migration"], [("1", "IOM", "International Organization for Migration")]),
    (["* Chiffres provisoires à la date de publication"], [("*", None, None)]),
])
def test_parse_footnotes(lines, want):
    blk = Block.of([line(t, top=700 + 10 * i, size=7) for i, t in enumerate(lines)])
    assert [(n.marker, n.term, n.expansion) for n in _notes([blk])] == want


@pytest.mark.parametrize("text, marker, term", [
    ("[1] BCV – Banco de Cabo Verde", "1", "BCV"),
    ("a IOM – International Organization for Migration", None, None),
])
def test_parse_footnotes_with_bracket_markers(text, marker, term):
    blk = Block.of([line(text, top=700, size=7)])
    assert [(n.marker, n.term) for n in _notes([blk], "en")] == ([(marker, term)] if marker else [])


def test_only_footnotes_sections_are_read():
    note = Block.of([line("1 OFII - Office Français", top=700, size=7)])
    assert parse_footnotes([section([note], kind="progress")], "fr") == ()


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


@pytest.mark.parametrize("text, size, top, is_note", [
    ("1 MIEUX+ - L’initiative conjointe", 7.0, 760, True),      # small, low, a number first
    ("¹ OFII - Office Français", 7.0, 760, True),                 # a superscript digit first
    ("[2] BCV - Banco de Cabo Verde", 7.0, 760, True),            # a bracketed number first
    ("1 MIEUX+ - L’initiative conjointe", 7.0, 200, False),     # in the upper half of the page
    ("1 MIEUX+ - L’initiative conjointe", 10.0, 760, False),    # at body size
    ("Source : enquête nationale", 7.0, 760, False),             # no marker
])
def test_footnotes_are_told_by_size_place_and_marker(text, size, top, is_note):
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    more = block("La suite du corps du texte, plus bas sur la page, en taille de corps.", top=800)
    candidate = block(text, top=top, size=size)
    split = split_footnotes(layout([body, candidate, more]))
    assert ([b.text for b in split.footnotes] == [text]) is is_note
    assert [b.text for b in split.blocks] == [body.text] + ([] if is_note else [text]) + [more.text]


@pytest.mark.parametrize("body_below, is_note", [
    (False, True),   # notes printed where the text ends, high on a short last page
    (True, False),   # small numbered text with body text under it: not the notes
])
def test_notes_after_the_last_body_text_of_a_page_are_footnotes_wherever_it_ends(body_below, is_note):
    text = "1 OFII - Office Français"
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    below = [block("Un autre paragraphe du corps du texte, en taille de corps.", top=400)] if body_below else []
    split = split_footnotes(layout([body, block(text, top=200, size=7), *below]))
    assert ([b.text for b in split.footnotes] == [text]) is is_note


# --- which blocks are footnotes -----------------------------------------------------------------

_PAGE_HEIGHT = 842.0  # builders.layout's A4 pages


def _set_apart(candidate):
    """The texts split_footnotes sets apart, beside 10 pt body paragraphs at the top and the
    foot of page 1 (so that the candidate is not after the last body text of its page)."""
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    more = block("La suite du corps du texte, plus bas sur la page, en taille de corps.", top=800)
    return [b.text for b in split_footnotes(layout([body, candidate, more])).footnotes]


@pytest.mark.parametrize("size, is_note", [
    (10.0 * FOOTNOTE_SIZE_RATIO, True),
    (10.0 * FOOTNOTE_SIZE_RATIO + 0.1, False),
])
def test_a_footnote_is_at_most_footnote_size_ratio_of_the_body_size(size, is_note):
    text = "1 OFII - Office Français"
    assert _set_apart(block(text, top=760, size=size)) == ([text] if is_note else [])


def test_a_footnote_has_no_line_larger_than_footnote_size():
    candidate = Block.of([line("1 OFII - Office Français", top=760, size=7), line("de l’Immigration", top=768)])
    assert _set_apart(candidate) == []


@pytest.mark.parametrize("top, is_note", [
    (_PAGE_HEIGHT * FOOTNOTE_ZONE, True),
    (_PAGE_HEIGHT * FOOTNOTE_ZONE - 1, False),
])
def test_a_footnote_starts_in_the_footnote_zone_of_its_page(top, is_note):
    text = "1 OFII - Office Français"
    assert _set_apart(block(text, top=top, size=7)) == ([text] if is_note else [])


def _raised(marker, rest, top=760.0, size=7.0):
    """A line that starts with a raised (superscript) marker."""
    return line(marker + rest, top=top, size=size, spans=(Span(marker, "Helvetica", size * 0.6, superscript=True),
                                                          Span(rest, "Helvetica", size)))


@pytest.mark.parametrize("marker, is_note", [
    ("a", True),   # a raised letter is a marker; "a" set on the line would not be
    ("12", True),
    ("e", True),
    ("ab", False),  # two raised letters are no marker
])
def test_a_raised_first_span_is_a_footnote_marker(marker, is_note):
    candidate = Block.of([_raised(marker, " IOM – International Organization for Migration")])
    assert bool(_set_apart(candidate)) is is_note


# --- footnote blocks -> footnotes ----------------------------------------------------------------

def _note_block(*texts, top=700.0):
    return Block.of([line(t, top=top + 8 * i, size=7) for i, t in enumerate(texts)])


def test_a_raised_first_span_gives_the_marker_and_the_rest_the_note():
    notes = _notes([Block.of([_raised("a", " IOM – International Organization for Migration"),
                              _raised("12", "OFII : Office Français", top=768)])], "en")
    assert [(n.marker, n.text, n.term, n.expansion) for n in notes] == [
        ("a", "IOM – International Organization for Migration", "IOM", "International Organization for Migration"),
        ("12", "OFII : Office Français", "OFII", "Office Français")]


@pytest.mark.parametrize("text, marker", [
    ("¹² OFII - Office Français", "12"),
    ("³OFII - Office Français", "3"),
    ("** OFII - Office Français", "**"),
    ("12 OFII - Office Français", "12"),
])
def test_a_printed_marker_is_read_and_superscript_digits_are_given_as_digits(text, marker):
    assert [(n.marker, n.text) for n in _notes([_note_block(text)])] == [(marker, "OFII - Office Français")]


def test_lines_without_a_marker_continue_the_note_above_even_in_the_next_block():
    notes = _notes([_note_block("1 OFII - Office Français de l’Immi-", "gration et de l’Intégration"),
                    _note_block("(France)", top=720), _note_block("2 MIEUX+ - L’initiative", top=740)])
    assert [(n.marker, n.text) for n in notes] == [
        ("1", "OFII - Office Français de l’Immigration et de l’Intégration (France)"),
        ("2", "MIEUX+ - L’initiative")]


def test_a_note_keeps_the_page_of_the_line_that_starts_it():
    first = Block.of([line("1 OFII - Office Français", top=800, size=7, page_number=2)])
    second = Block.of([line("2 BCV - Banco de Cabo Verde", top=800, size=7, page_number=3)])
    assert [(n.marker, n.page) for n in _notes([first, second])] == [("1", 2), ("2", 3)]


def test_a_notes_section_is_read_before_the_notes_at_the_foot_of_the_pages():
    notes_heading = section([_note_block("1 OFII - Office Français")], kind="footnotes", heading="Notes", n=2)
    body = section([block("Un paragraphe.")], kind="progress", n=3)
    foot = section([_note_block("2 BCV - Banco de Cabo Verde", top=800)], kind="footnotes", heading=None, n=4)
    assert [n.marker for n in parse_footnotes([notes_heading, body, foot], "fr")] == ["1", "2"]


def test_a_notes_heading_section_comes_before_the_foot_of_page_notes_in_split_sections():
    blocks = [block("Cameroun", x=40, top=40, bold=True, size=24),
              block("PROGRÈS", x=40, top=300, bold=True, size=14),
              block("Un paragraphe de progrès, assez long pour donner la taille du corps du texte.", x=40, top=320),
              block("NOTES", x=40, top=360, bold=True, size=14),
              block("1 OFII - Office Français", x=40, top=380),
              block("2 BCV - Banco de Cabo Verde", x=40, top=800, size=7)]
    sections = split_sections(split_footnotes(layout(blocks)), "fr", doc_id=DOC)
    assert [s.kind for s in sections] == ["header", "progress", "footnotes", "footnotes"]
    assert [(n.marker, n.term) for n in parse_footnotes(sections, "fr")] == [("1", "OFII"), ("2", "BCV")]


# --- the term and its expansion -------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("OFII — Office Français", ("OFII", "Office Français")),
    ("BCV–Banco de Cabo Verde", ("BCV", "Banco de Cabo Verde")),       # an en dash needs no spaces
    ("IOM : International Organization", ("IOM", "International Organization")),
    ("IOM = International Organization", ("IOM", "International Organization")),
    ("UE-ICMPD est un partenariat", (None, None)),                     # a hyphen needs spaces
    ("Réunion tenue à 10:30 au siège", (None, None)),                  # a colon needs a space after it
    ("IOM=International Organization", (None, None)),                  # "=" needs spaces
    ("OFII - ", (None, None)),                                         # nothing after the separator
])
def test_split_term_separators(text, want):
    assert split_term(text) == want


@pytest.mark.parametrize("words, has_term", [(MAX_TERM_WORDS, True), (MAX_TERM_WORDS + 1, False)])
def test_a_term_has_at_most_max_term_words(words, has_term):
    term = " ".join(["Programme"] * words)
    assert split_term(f"{term} - une expansion") == ((term, "une expansion") if has_term else (None, None))


# --- a table's cells are data, not footnotes ------------------------------------------------------

@pytest.mark.parametrize("in_table, is_note", [(False, True), (True, False)])
def test_a_block_in_a_table_cell_is_no_footnote(in_table, is_note):
    # Small, low on the page and starting with a number, as a note is: in a table's cell it is
    # a figure of the table ("1 250 migrants assisted").
    candidate = block("1 250 migrants assisted", x=45, top=760, size=7)
    table = Table(BBox(40, 750, 560, 780), rows=((BBox(40, 750, 300, 780), BBox(300, 750, 560, 780)),))
    page = Page(number=1, width=595.0, height=_PAGE_HEIGHT, chars=(), tables=(table,) if in_table else ())
    assert is_footnote(candidate, page, 10.0) is is_note
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    split = split_footnotes(layout([body, candidate], pages=[page]))
    assert ([b.text for b in split.footnotes] == [candidate.text]) is is_note


def test_a_note_box_is_its_lines_where_it_begins():
    blk = Block.of([line("1 OIM : Organisation internationale", x=40, top=700, size=7),
                    line("pour les migrations", x=40, top=709, size=7),
                    line("2 HCR : Haut-Commissariat", x=40, top=718, size=7)])
    first, second = _notes([blk])
    assert (first.page, first.bbox) == (1, BBox.around([blk.lines[0].bbox, blk.lines[1].bbox]))
    assert second.bbox == blk.lines[2].bbox


@pytest.mark.parametrize("rule, body_below, is_note", [
    (BBox(40, 384, 190, 384.5), False, True),    # a short separator, then the notes, where the text ends
    (None, False, False),                       # no separator: a numbered paragraph of body text
    (BBox(40, 384, 555, 384.5), False, False),  # a rule across the page: a divider, not a separator
    (BBox(40, 384, 190, 384.5), True, False),   # body text below it: not the notes
])
def test_notes_at_body_size_are_told_by_a_separator_rule_above_them_after_the_text(rule, body_below, is_note):
    text = "1 OFII - Office Français de l’Immigration"
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    notes = [block(text, x=40, top=392), block("2 HCR - Haut-Commissariat", x=40, top=404)]
    below = [block("Un autre paragraphe du corps du texte, en taille de corps.", top=600)] if body_below else []
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=(rule,) if rule else ())
    split = split_footnotes(layout([body, *notes, *below], pages=[page]))
    assert ([b.text for b in split.footnotes] == [text, "2 HCR - Haut-Commissariat"]) is is_note


def test_a_heading_underline_is_no_separator_for_the_numbered_list_under_it():
    # A heading (its text right on the rule, as a paragraph's bottom border prints), then a
    # list numbered "1." that happens to be the page's last text: list items, not notes.
    body = block("Un paragraphe du corps du texte, en taille de corps, assez long pour compter.", top=100)
    heading = block("Le système des pays référents", x=40, top=372)
    underline = BBox(40, 383, 190, 383.5)
    items = [block("1. Permet de suivre le Plan d’action", x=40, top=392),
             block("2. Encourage la coopération Sud-Sud", x=40, top=404)]
    page = Page(number=1, width=595.0, height=842.0, chars=(), rules=(underline,))
    split = split_footnotes(layout([body, heading, *items], pages=[page]))
    assert split.footnotes == ()
