"""Lines per page -> the same without running heads, footers and page numbers."""

from __future__ import annotations

from builders import line
from factextract.model import Page
from factextract.stages.furniture import remove_furniture


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
