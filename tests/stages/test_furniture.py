"""Lines per page -> the same without running heads, footers and page numbers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import line
from factextract.model import Page, Span
from factextract.stages.furniture import (
    FOOTER_GAP_EM, MARGIN_SHARE, MAX_FOOTER_WORDS, SAME_PLACE_TOLERANCE, SAME_SIZE_TOLERANCE, remove_furniture,
)


def _page(n: int) -> Page:
    return Page(number=n, width=595, height=842, chars=())


def test_running_footer_and_page_numbers_are_removed():
    pages = [_page(1), _page(2)]
    lines = [
        [line("Body one", top=200), line("Processus de Rabat – Fiche pays", top=800, page_number=1),
         line("1", x=540, top=815, page_number=1)],
        [line("Body two", top=200, page_number=2), line("Processus de Rabat – Fiche pays", top=800, page_number=2),
         line("Page 2/2", x=520, top=815, page_number=2)],
    ]
    kept = remove_furniture(pages, lines)
    assert [[ln.text for ln in page] for page in kept] == [["Body one"], ["Body two"]]


def test_a_number_in_the_margin_beside_other_text_is_kept():
    lines = [[line("1", x=30, top=800), line("MIEUX+ - L’initiative conjointe", x=40, top=800)]]
    kept = remove_furniture([_page(1)], lines)
    assert [ln.text for ln in kept[0]] == ["1", "MIEUX+ - L’initiative conjointe"]


def test_a_one_page_footer_beside_the_page_number_is_removed():
    lines = [[line("Body", top=200), line("Rabat Process | Reference country factsheet", x=56, top=800, size=8),
              line("1", x=534, top=800, size=8)]]
    kept = remove_furniture([_page(1)], lines)
    assert [ln.text for ln in kept[0]] == ["Body"]


def test_a_running_head_naming_the_title_goes_but_a_footnote_naming_it_stays():
    title = line("Guinée", top=40, size=28)
    page2 = [line("Guinée – Fiche pays référent", top=30, size=8, page_number=2), line("Corps", top=300, page_number=2),
             line("2 Kankan : Région administrative de Haute-Guinée", top=790, size=7, page_number=2)]
    kept = remove_furniture([_page(1), _page(2)], [[title, line("Texte", top=300)], page2])
    assert [ln.text for ln in kept[1]] == ["Corps", "2 Kankan : Région administrative de Haute-Guinée"]


HEIGHT = 842.0  # of every page below; every line is 10 points high unless told
FOOTER = "Processus de Rabat – Fiche pays"


def _kept(*lines_per_page):
    """The texts kept on each page of a document with these lines on pages 1, 2, ..."""
    pages = [_page(n) for n in range(1, len(lines_per_page) + 1)]
    return [[ln.text for ln in kept] for kept in remove_furniture(pages, lines_per_page)]


def _on(n, *lines):
    """These lines on page n, after body text in the middle of it."""
    return [line(f"Corps {n}", top=400, page_number=n)] + [replace(ln, page=n) for ln in lines]


@pytest.mark.parametrize("tops, removed", [
    ((800, 800, 800), True),                                  # a footer on three pages
    ((30, 30), True),                                         # a running head
    ((800, 801), True),                                       # the same place, as producers round it
    ((30, 30 + SAME_PLACE_TOLERANCE + 1), False),             # another place in the top margin
    ((790, 790 + 2 * SAME_PLACE_TOLERANCE), True),            # anywhere in the bottom margin: a footer band
    ((30, 800), False),
])
def test_margin_text_repeated_in_the_top_margin_at_one_height_or_anywhere_in_the_bottom_one_is_removed(
        tops, removed):
    kept = _kept(*(_on(n, line(FOOTER, top=top)) for n, top in enumerate(tops, start=1)))
    assert kept == [[f"Corps {n}"] if removed else [f"Corps {n}", FOOTER] for n in range(1, len(tops) + 1)]


def test_repeated_margin_text_is_compared_with_its_numbers_masked():
    kept = _kept(_on(1, line("Fiche pays – édition 1", top=800)), _on(2, line("Fiche pays – édition 2", top=800)))
    assert kept == [["Corps 1"], ["Corps 2"]]


def test_the_same_margin_text_twice_on_one_page_is_not_repeated_furniture():
    kept = _kept(_on(1, line("Confidentiel", x=50, top=800), line("Confidentiel", x=450, top=800)), _on(2))
    assert kept == [["Corps 1", "Confidentiel", "Confidentiel"], ["Corps 2"]]


@pytest.mark.parametrize("text", [FOOTER, "3"])
def test_text_in_the_middle_of_the_page_is_never_furniture(text):
    kept = _kept(*(_on(n, line(text, top=HEIGHT / 2 + 20)) for n in (1, 2, 3)))
    assert kept == [[f"Corps {n}", text] for n in (1, 2, 3)]


def test_a_one_page_document_keeps_margin_text_that_looks_like_furniture():
    lines = [line("Guinée", top=100, size=28), line("Guinée – Fiche pays", top=30, size=8), line("Corps", top=400),
             line(FOOTER, top=800)]
    assert _kept(lines) == [["Guinée", "Guinée – Fiche pays", "Corps", FOOTER]]


CITING = line("Appui de l'OIM1 au projet.", top=300, spans=(Span("Appui de l'OIM", "Helvetica", 10),
                                                            Span("1", "Helvetica", 6, superscript=True),
                                                            Span(" au projet.", "Helvetica", 10)))


@pytest.mark.parametrize("note, citing, removed", [
    ("[1] OIM - Organisation internationale pour les migrations", line("Appui de l'OIM[1].", top=300), False),
    ("1 OIM - Organisation internationale pour les migrations", CITING, False),   # the same note on each page
    ("1 OIM - Organisation internationale pour les migrations", line("Appui.", top=300), True),   # cited nowhere
    ("17 Route des Morillons, Genève", CITING, True),                               # an address, not note 1
    ("Processus de Rabat - Fiche pays", CITING, True),                              # a running footer
])
def test_the_same_note_at_each_pages_foot_cited_there_is_no_running_footer(note, citing, removed):
    pages = [_on(n, citing, line(note, top=780, size=7)) for n in (1, 2, 3)]
    assert all((note not in kept) is removed for kept in _kept(*pages))


@pytest.mark.parametrize("text, page_number, removed", [
    ("Nigeria — Rabat Process · 1/1", 1, True),   # a running head printing its page's number
    ("Rabat Process | Factsheet | Page 2", 2, True),
    ("Rabat Process | Factsheet | Page 2", 1, False),   # another page's number
    ("Guinée – Fiche pays 2019", 1, False),             # a year, and not after a separator
    ("Rapport annuel – 2019", 1, False),
])
def test_a_short_margin_line_ending_on_its_pages_number_after_a_separator_is_furniture(text, page_number, removed):
    lines = [[line("Corps", top=400)] for _ in range(page_number)]
    lines[-1] = [*lines[-1], line(text, top=30, size=7, page_number=page_number)]
    lines[-1] = [replace(ln, page=page_number) for ln in lines[-1]]
    kept = _kept(*lines)[-1]
    assert (text not in kept) is removed


@pytest.mark.parametrize("top, removed", [
    (HEIGHT * MARGIN_SHARE - 10 - 0.1, True),    # its bottom just inside the top margin
    (HEIGHT * MARGIN_SHARE - 10 + 0.1, False),
    (HEIGHT * (1 - MARGIN_SHARE) + 0.1, True),   # its top just inside the bottom margin
    (HEIGHT * (1 - MARGIN_SHARE) - 0.1, False),
])
def test_furniture_lives_in_the_top_and_bottom_MARGIN_SHARE_of_the_page(top, removed):
    assert _kept([line("Corps", top=400), line("3", x=290, top=top)]) == [["Corps"] if removed else ["Corps", "3"]]


@pytest.mark.parametrize("text", [
    "3", "- 3 -", "– 3 –", "—3—", "Page 3", "page 3/4", "PAGE 3 of 4", "Page  3  sur  4", "p. 3", "p.3 de 4",
    "3/4", "3 / 4", "3 of 4", "3 sur 4", "3 de 4",
])
def test_a_page_number_alone_on_its_band_is_removed_in_every_printed_form(text):
    assert _kept([line("Corps", top=400), line(text, x=280, top=815)]) == [["Corps"]]


@pytest.mark.parametrize("text", ["1234", "3 pays", "Page trois", "Annexe 3", "3/4/2023"])
def test_margin_text_that_is_not_a_page_number_is_kept(text):
    assert _kept([line("Corps", top=400), line(text, x=280, top=815)]) == [["Corps", text]]


FOOTER_END = 56 + len("Rabat Process | Fiche pays") * 4.0  # at size 8, 4 points a character


@pytest.mark.parametrize("footer, number, page_number, x, removed", [
    ("Rabat Process | Fiche pays", "1", 1, FOOTER_END + FOOTER_GAP_EM * 8 + 1, True),
    ("Rabat Process | Fiche pays", "1", 1, FOOTER_END + FOOTER_GAP_EM * 8 - 1, False),   # close: a note's number
    ("Rabat Process | Fiche pays", "2", 2, 500, True),
    ("Rabat Process | Fiche pays", "Page 2", 2, 500, True),
    ("Rabat Process | Fiche pays", "2", 1, 500, False),                                  # another page's number
    (" ".join(["mot"] * MAX_FOOTER_WORDS), "1", 1, 500, True),
    (" ".join(["mot"] * (MAX_FOOTER_WORDS + 1)), "1", 1, 500, False),                    # too long: text
])
def test_a_footer_far_beside_the_pages_own_number_is_removed_with_it(footer, number, page_number, x, removed):
    lines = [line("Corps", top=400, page_number=page_number),
             line(footer, x=56, top=800, size=8, page_number=page_number),
             line(number, x=x, top=800, size=8, page_number=page_number)]
    kept = remove_furniture([_page(page_number)], [lines])
    assert [ln.text for ln in kept[0]] == (["Corps"] if removed else ["Corps", footer, number])


@pytest.mark.parametrize("title, head, top, size, removed", [
    ("Tchad", "Tchad – Fiche pays référent", 30, 8, True),
    ("Tchad", "Tchad – Fiche pays référent", 800, 8, False),    # in the bottom margin
    ("Tchad", "Tchadiens de l’étranger", 30, 8, False),         # the title's word, not whole
    ("Tchad", "Tchad – Fiche pays référent", 30, 10, False),    # as large as the page's body text
    ("RD", "RD – Fiche pays référent", 30, 8, False),           # shorter than MIN_TITLE_CHARS: not looked for
])
def test_a_margin_line_naming_the_title_from_page_2_on_is_a_running_head(title, head, top, size, removed):
    page1 = [line(title, top=100, size=28), line("Texte", top=400)]
    page2 = [line(head, top=top, size=size, page_number=2), line("Corps", top=400, page_number=2)]
    kept = _kept(page1, page2)
    assert kept == [[title, "Texte"], ["Corps"] if removed else [head, "Corps"]]


def test_a_running_head_on_the_first_page_is_kept():
    page1 = [line("Tchad", top=100, size=28), line("Tchad – Fiche pays référent", top=30, size=8)]
    page2 = [line("Corps", top=400, page_number=2)]
    assert _kept(page1, page2) == [["Tchad", "Tchad – Fiche pays référent"], ["Corps"]]


@pytest.mark.parametrize("second_size, removed", [
    (28 - SAME_SIZE_TOLERANCE + 0.1, False),   # the title is "République du Congo": the head names part of it
    (28 - SAME_SIZE_TOLERANCE - 0.1, True),    # the title is "République", the second line a subtitle
])
def test_the_title_is_the_first_pages_text_within_SAME_SIZE_TOLERANCE_of_its_largest(second_size, removed):
    page1 = [line("République", top=60, size=28), line("du Congo", top=95, size=second_size)]
    page2 = [line("République – Fiche pays", top=30, size=8, page_number=2), line("Corps", top=400, page_number=2)]
    assert _kept(page1, page2)[1] == (["Corps"] if removed else ["République – Fiche pays", "Corps"])
