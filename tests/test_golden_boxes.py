"""Item boxes against where the sample generator drew the items.

A reportlab sample's layout records every line of text it draws (``tests/golden/drawn/``, written
by ``scripts/make_samples.py``): its page, box and text. The box where an item begins is then the
generator's own lines of that item in its first column (the marker drawn before the first line
included), found by the item's golden text, never by the pipeline; the pipeline's ``Item.bbox``
must lie within a few points of it on every edge.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import GOLDEN, golden
from factextract.model import BBox

DRAWN = GOLDEN / "drawn"
# How far (points) a pipeline box may stand from the generator's: glyph boxes come from the
# fonts' ascent and descent, which reportlab and pdfminer read from different tables.
BOX_TOLERANCE = 3.0
# A list marker drawn before an item's first line stands at most this far to its left (points).
MARKER_REACH = 20.0
# Two lines of one item stand at most this many of their heights apart, top to top.
MAX_PITCH_LINES = 2.0


def _letters(text: str) -> str:
    """What comparing texts looks at: the letters, casefolded (the golden text has no footnote
    markers, the drawn lines have them as raised digits)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalpha())


def _continues(line: str, rest: str, text: str) -> bool:
    """A drawn line goes on with the item's text: its letters come next, or, a line of figures
    alone ("2022"), they are in the text."""
    letters = _letters(line)
    if letters:
        return rest.startswith(letters)
    figures = "".join(ch for ch in line if ch.isdigit())
    return bool(figures) and figures in text


def drawn_item_box(lines: list[dict], page: int, text: str) -> BBox | None:
    """The box of the generator's lines where an item with this golden text begins: the longest
    drawn line its text starts with, the lines under it in the same column that continue the
    text, and a marker drawn level with the first line just before it. None when no drawn
    line starts the text, or two different places do."""
    wanted = _letters(text.split(" | ")[0])
    on_page = [ln for ln in lines if ln["page"] == page]
    starts = [ln for ln in on_page if len(_letters(ln["text"])) >= min(8, len(wanted))
              and wanted.startswith(_letters(ln["text"]))]
    if not starts:
        return None
    longest = max(len(_letters(ln["text"])) for ln in starts)
    firsts = [ln for ln in starts if len(_letters(ln["text"])) == longest]
    if len({(ln["x0"], ln["top"]) for ln in firsts}) > 1:
        return None  # the same words drawn in two places: which is this item's is not known
    first = firsts[0]
    box = BBox(first["x0"], first["top"], first["x1"], first["bottom"])
    for ln in on_page:
        level = min(ln["bottom"], first["bottom"]) - max(ln["top"], first["top"])  # a marker may be set smaller
        if (level >= 0.5 * (ln["bottom"] - ln["top"]) and ln["x1"] <= first["x0"] + 0.5
                and first["x0"] - ln["x0"] <= MARKER_REACH):
            box = box.union(BBox(ln["x0"], ln["top"], ln["x1"], ln["bottom"]))
    read = _letters(first["text"])
    last = first
    for ln in sorted(on_page, key=lambda ln: ln["top"]):
        height = last["bottom"] - last["top"]
        # The next lines start under the first, or under its marker (a hanging number).
        if (ln["top"] > last["top"] and ln["top"] - last["top"] <= MAX_PITCH_LINES * height
                and box.x0 - 0.5 <= ln["x0"] <= first["x0"] + 0.5 and _continues(ln["text"], wanted[len(read):], text)):
            box = box.union(BBox(ln["x0"], ln["top"], ln["x1"], ln["bottom"]))
            read += _letters(ln["text"])
            last = ln
    return box


def drawn_samples() -> list[str]:
    return sorted(p.stem for p in DRAWN.glob("*.json"))


def test_the_reportlab_samples_have_their_drawn_lines():
    assert len(drawn_samples()) >= 8, "make_samples.py --producer reportlab writes tests/golden/drawn/"


@pytest.mark.parametrize("name", drawn_samples())
def test_item_boxes_are_where_the_generator_drew_the_items(name, extracted):
    lines = json.loads((DRAWN / f"{name}.json").read_text(encoding="utf-8"))
    truth = golden(name)["items"]
    sheet = extracted(name)
    assert len(sheet.items) == len(truth)
    far, checked = [], 0
    for item, true in zip(sheet.items, truth):
        expected = drawn_item_box(lines, true["page"], true["text"])
        if expected is None:
            continue
        checked += 1
        got = item.bbox
        gaps = [abs(a - b) for a, b in zip((got.x0, got.top, got.x1, got.bottom),
                                           (expected.x0, expected.top, expected.x1, expected.bottom))]
        if item.page != true["page"] or max(gaps) > BOX_TOLERANCE:
            far.append(f"item {true['n']} {true['text'][:40]!r}: page {item.page}, {got} vs drawn {expected}")
    assert checked >= 0.8 * len(truth), f"{name}: only {checked} of {len(truth)} items found in the drawn lines"
    assert not far, f"{name}: {len(far)} boxes more than {BOX_TOLERANCE} pt from the drawn ones:\n" + "\n".join(far)
