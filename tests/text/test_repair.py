"""Text repair: markers, footnote refs, line joining and hyphenation."""

from __future__ import annotations

import pytest

from builders import line
from factextract.model import FootnoteRef, Span
from factextract.text.repair import block_text, clean_block, join_lines, squash


@pytest.mark.parametrize("pieces, lang, want", [
    (["réintégration socio-", "économique"], "fr", "réintégration socio-économique"),
    (["la réinté-", "gration des migrants"], "fr", "la réintégration des migrants"),
    (["la réinté\u2010", "gration"], "fr", "la réintégration"),
    (["renforce\u00ad", "ment"], "fr", "renforcement"),
    # a producer that writes every hyphen glyph as U+00AD (Typst): no word break is printed
    # before a capital or a digit, so the hyphen is the text's
    (["coopération Sud\u00ad", "Sud"], "fr", "coopération Sud-Sud"),
    (["2015\u00ad", "2016"], "fr", "2015-2016"),
    (["LE RÔLE DE PAYS RÉFÉ\u00ad", "RENT"], "fr", "LE RÔLE DE PAYS RÉFÉRENT"),   # a word in capitals broken
    (["UE-", "ICMPD"], "fr", "UE-ICMPD"),
    (["2017-", "2018"], "fr", "2017-2018"),
    (["decision-", "makers"], "en", "decision-makers"),
    (["strength-", "ening"], "en", "strengthening"),
    (["Retour et", "réintégration"], "fr", "Retour et réintégration"),
    (["mot -", "suite"], "fr", "mot - suite"),
    (["coopération trans\u2010", "frontalière"], "fr", "coopération transfrontalière"),
    (["extra-", "ordinaire"], "fr", "extraordinaire"),
    (["auto-", "entrepreneurs"], "fr", "auto-entrepreneurs"),
    (["cost-", "effectiveness"], "en", "cost-effectiveness"),
    # An em dash glued to its word is set closed: the next line follows it without a space.
    (["infrastructure\u2014", "such as power grids"], "en", "infrastructure\u2014such as power grids"),
    (["one word \u2014", "the next"], "en", "one word \u2014 the next"),           # a spaced em dash keeps its space
    (["\u2014", "next"], "en", "\u2014 next"),                                     # a dash alone on its line
    (["mot \u2013", "suite"], "fr", "mot \u2013 suite"),                           # an en dash is no em dash
    (["2019\u2014", "2020"], "en", "2019\u20142020"),                               # a range broken after its dash
    # An en dash glued to a word closes a range or a pair of words: no space after it either.
    (["octobre\u2013", "novembre 2022"], "fr", "octobre\u2013novembre 2022"),
    (["coopération Nord\u2013", "Sud"], "fr", "coopération Nord\u2013Sud"),
    (["Mars\u2013", "2022"], "fr", "Mars\u20132022"),
])
def test_join_lines(pieces, lang, want):
    assert join_lines(pieces, lang) == want


@pytest.mark.parametrize("spans, want_text, want_marker", [
    ((Span("9", "Wingdings-Regular", 9), Span(" Facteurs de succès", "Arial", 9)), "Facteurs de succès", "bullet"),
    ((Span("l", "ABCDEF+ZapfDingbats", 9), Span(" Un point", "Arial", 9)), "Un point", "bullet"),
    ((Span("→ Augmente la participation", "Arial", 9),), "Augmente la participation", "arrow"),
    ((Span("• Regional workshop", "Arial", 9),), "Regional workshop", "bullet"),
    ((Span("– sub point", "Arial", 9),), "sub point", "dash"),
    ((Span("2. Second point", "Arial", 9),), "2. Second point", "number"),   # the number is kept (contract)
    ((Span("12 pays ont participé", "Arial", 9),), "12 pays ont participé", None),
    ((Span("\uf0b7", "CIDFont+F3", 9), Span(" Offrir un accompagnement", "CIDFont+F2", 9)),
     "Offrir un accompagnement", "bullet"),                    # a private-use bullet is no text
    ((Span("COVID-19 a retardé", "Arial", 9),), "COVID-19 a retardé", None),
])
def test_markers_are_stripped_and_named(spans, want_text, want_marker):
    clean = clean_block([line("x", spans=spans)], "fr")
    assert (clean.text, clean.marker) == (want_text, want_marker)


@pytest.mark.parametrize("spans, want_text, want_refs", [
    ((Span("(programme MIEUX+", "Arial", 9), Span("1", "Arial", 5.4, superscript=True),
      Span(") de renforcement", "Arial", 9)),
     "(programme MIEUX+) de renforcement", [FootnoteRef("1", "MIEUX+")]),
    ((Span("(programme de l’OFII", "Arial", 9), Span("2", "Arial", 5.4, superscript=True), Span(")", "Arial", 9)),
     "(programme de l’OFII)", [FootnoteRef("2", "OFII")]),
    ((Span("the IOM³ and UNHCR⁴ teams", "Arial", 9),), "the IOM and UNHCR teams",
     [FootnoteRef("3", "IOM"), FootnoteRef("4", "UNHCR")]),
    ((Span("le 1", "Arial", 9), Span("er", "Arial", 5.4, superscript=True), Span(" janvier", "Arial", 9)),
     "le 1er janvier", []),
])
def test_footnote_markers_come_from_superscripts(spans, want_text, want_refs):
    clean = clean_block([line("x", spans=spans)], "fr")
    assert clean.text == want_text
    assert list(clean.refs) == want_refs


@pytest.mark.parametrize("spans, want_text, want_refs", [
    ((Span("assisted by IOM", "Arial", 9), Span("a", "Arial", 5.8, superscript=True), Span(" teams", "Arial", 9)),
     "assisted by IOM teams", [FootnoteRef("a", "IOM")]),
    ((Span("le 2", "Arial", 9), Span("e", "Arial", 5.8, superscript=True), Span(" trimestre", "Arial", 9)),
     "le 2e trimestre", []),
    ((Span("la BCV et l’OIM", "Arial", 9), Span("1,2", "Arial", 5.8, superscript=True)),
     "la BCV et l’OIM", [FootnoteRef("1", "OIM"), FootnoteRef("2", "OIM")]),
    ((Span("Central bank (BCV)[1] and IOM[2].", "Arial", 9),), "Central bank (BCV) and IOM.",
     [FootnoteRef("1", "BCV"), FootnoteRef("2", "IOM")]),
    ((Span("see [1] above", "Arial", 9),), "see [1] above", []),
])
def test_letter_list_and_bracket_markers(spans, want_text, want_refs):
    clean = clean_block([line("x", spans=spans)], "en")
    assert clean.text == want_text
    assert list(clean.refs) == want_refs


def test_a_drawn_bullet_is_a_bullet_marker_and_not_text():
    from dataclasses import replace

    drawn = replace(line("Un point dessiné"), drawn_marker=True)
    assert (clean_block([drawn], "fr").text, clean_block([drawn], "fr").marker) == ("Un point dessiné", "bullet")


def test_only_the_first_line_of_a_block_gives_its_marker():
    clean = clean_block([line("Premier point", spans=(Span("9", "Wingdings", 9), Span(" Premier point", "Arial", 9))),
                         line("- suite de la ligne")], "fr")
    assert (clean.text, clean.marker) == ("Premier point - suite de la ligne", "bullet")


def test_block_text_joins_lines_and_undoes_hyphenation():
    from factextract.model import Block

    assert block_text(Block.of([line("la réinté-"), line("gration", top=112)]), "fr") == "la réintégration"


@pytest.mark.parametrize("text, want", [(" a  b\n c ", "a b c"), ("", ""), ("\u00a0x\t", "x")])
def test_squash(text, want):
    assert squash(text) == want
