"""Footnote blocks set apart by size and place; footnote blocks -> marker, term, expansion."""

from __future__ import annotations

import pytest

from builders import block, layout, line, section
from factextract.model import Block
from factextract.stages.footnotes import parse_footnotes, split_footnotes, split_term


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
    candidate = block(text, top=top, size=size)
    split = split_footnotes(layout([body, candidate]))
    assert ([b.text for b in split.footnotes] == [text]) is is_note
    assert [b.text for b in split.blocks] == [body.text] + ([] if is_note else [text])
