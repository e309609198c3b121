"""The document model's own rules: which table cell a box falls in, and what a document's body
text is like (its size, whether it is set all in bold)."""

from __future__ import annotations

import pytest

from builders import block, layout, line
from factextract.model import DEFAULT_BODY_SIZE, BBox, Block, Layout, Page, Table

# A table of two rows and two columns, 100 x 20 points a cell, its top left corner at (50, 100).
TABLE = Table(bbox=BBox(50, 100, 250, 140), rows=(
    (BBox(50, 100, 150, 120), BBox(150, 100, 250, 120)),
    (BBox(50, 120, 150, 140), BBox(150, 120, 250, 140)),
))


def around(x: float, y: float, half_width: float = 5.0) -> BBox:
    """A box 10 points high centred on (x, y)."""
    return BBox(x - half_width, y - 5, x + half_width, y + 5)


@pytest.mark.parametrize("box, cell", [
    (around(100, 110), (0, 0)), (around(200, 110), (0, 1)),
    (around(100, 130), (1, 0)), (around(200, 130), (1, 1)),
    (around(100, 110, half_width=80), (0, 0)),         # wider than its cell: the centre decides
    (around(50.5, 110), (0, 0)), (around(49.5, 110), None),     # the table's left edge
    (around(200, 139.5), (1, 1)), (around(200, 140.5), None),   # its foot
    (around(300, 110), None),                         # beside the table
], ids=["top-left", "top-right", "bottom-left", "bottom-right", "wide", "left-inside", "left-outside",
        "foot-inside", "foot-outside", "beside"])
def test_a_box_is_in_the_table_cell_holding_its_centre(box, cell):
    assert TABLE.cell_of(box) == cell


def test_a_centre_on_a_border_is_in_the_first_cell_that_holds_it():
    assert TABLE.cell_of(around(150, 120)) == (0, 0)


# A second table below the first on the same page: one row of three cells.
BELOW = Table(bbox=BBox(50, 300, 350, 320), rows=((BBox(50, 300, 150, 320), BBox(150, 300, 250, 320),
                                                    BBox(250, 300, 350, 320)),))


@pytest.mark.parametrize("tables, box, found", [
    ((TABLE, BELOW), around(200, 130), (0, 1, 1)),
    ((TABLE, BELOW), around(300, 310), (1, 0, 2)),     # the table is numbered in the page's order
    ((TABLE, BELOW), around(300, 200), None),          # between the tables
    ((), around(200, 130), None),                      # a page without tables
], ids=["first-table", "second-table", "between", "no-table"])
def test_a_page_finds_the_table_and_cell_of_a_box(tables, box, found):
    page = Page(number=1, width=595.0, height=842.0, chars=(), tables=tables)
    assert page.cell_of(box) == found


def lines_block(*lines_) -> Block:
    return Block.of(list(lines_))


@pytest.mark.parametrize("bold_chars, plain_chars, body_bold", [
    (11, 10, True),    # more than half of the text is bold
    (10, 10, False),   # exactly half is not most of it
    (10, 11, False),
    (0, 10, False),
    (10, 0, True),
], ids=["more-bold", "half", "less-bold", "no-bold", "all-bold"])
def test_a_document_is_set_in_bold_when_most_of_its_text_is(bold_chars, plain_chars, body_bold):
    """A flyer set all in a heavy face: bold then sets nothing apart."""
    lines_ = [line("b" * bold_chars, bold=True)] if bold_chars else []
    lines_ += [line("p" * plain_chars, top=120)] if plain_chars else []
    assert layout([lines_block(*lines_)]).body_bold is body_bold


def test_footnotes_count_towards_the_body_text():
    bold = layout([lines_block(line("b" * 10, bold=True))])
    with_notes = Layout(pages=bold.pages, blocks=bold.blocks, footnotes=(lines_block(line("n" * 11, top=700)),))
    assert bold.body_bold and not with_notes.body_bold


def test_a_document_without_text_is_not_set_in_bold():
    assert layout([]).body_bold is False


@pytest.mark.parametrize("blocks, size", [
    ([block("x" * 30, size=9.0), block("y" * 10, size=14.0)], 9.0),          # weighted by characters
    ([block("x" * 5, size=9.0)] * 3 + [block("y" * 20, size=14.0)], 14.0),   # not by lines or blocks
    ([block("x" * 10, size=9.96), block("y" * 5, size=10.04), block("z" * 12, size=9.0)], 10.0),  # rounded to 0.1
    ([block("x" * 10, size=12.0), block("y" * 10, size=9.0)], 12.0),         # a tie: the size met first
    ([block("y" * 10, size=9.0), block("x" * 10, size=12.0)], 9.0),
], ids=["most-characters", "characters-not-lines", "rounded", "tie-first", "tie-first-other-order"])
def test_the_body_size_is_the_size_of_most_characters(blocks, size):
    assert layout(blocks).body_size == size


def test_footnotes_count_towards_the_body_size():
    base = layout([block("x" * 10, size=12.0)])
    notes = (Block(block("n" * 11, size=8.0).lines, 1, BBox(50, 700, 100, 710), index=1),)
    assert Layout(pages=base.pages, blocks=base.blocks, footnotes=notes).body_size == 8.0


def test_a_document_without_text_has_the_default_body_size():
    assert layout([]).body_size == DEFAULT_BODY_SIZE


@pytest.mark.parametrize("inner, tolerance, inside", [
    (BBox(10, 10, 20, 20), 0.0, True),
    (BBox(-0.5, 10, 20, 20), 1.0, True), (BBox(-1.5, 10, 20, 20), 1.0, False),
    (BBox(10, 10, 100.5, 20), 1.0, True), (BBox(10, 10, 101.5, 20), 1.0, False),
    (BBox(10, -0.5, 20, 20), 1.0, True), (BBox(10, -1.5, 20, 20), 1.0, False),
    (BBox(10, 10, 20, 100.5), 1.0, True), (BBox(10, 10, 20, 101.5), 1.0, False),
])
def test_a_box_contains_another_give_or_take_a_tolerance(inner, tolerance, inside):
    assert BBox(0, 0, 100, 100).contains(inner, tolerance) is inside


def test_a_factsheet_has_no_warnings_unless_given_and_they_follow_error():
    import dataclasses

    from factextract.model import Factsheet

    sheet = Factsheet(doc_id="0" * 16, source_path="a.pdf", sha256="0" * 64, status="ok")
    assert sheet.warnings == ()
    names = [f.name for f in dataclasses.fields(Factsheet)]
    assert names[names.index("error") + 1] == "warnings"


def test_partial_is_a_status_between_ok_and_no_text():
    from factextract.model import STATUSES

    assert STATUSES == ("ok", "partial", "no_text", "error")


def test_a_pdf_read_is_frozen_and_whole_unless_said_otherwise():
    import dataclasses

    from factextract.model import PdfRead

    read = PdfRead(pages=(), page_count=3)
    assert (read.lost_pages, read.warnings) == ((), ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.page_count = 4
