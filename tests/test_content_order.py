"""Reading does not depend on the order in which a PDF draws things.

Each sample's pages are re-drawn with their glyphs and boxes in shuffled orders (as another
producer, or the same designer moving boxes to the front, would write the content stream);
the tables must come out identical.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from conftest import SAMPLES, sample_names
from factextract.stages.pages import read_pages
from factextract.pipeline import extract_pages


def _redrawn(pages, seed: int):
    rng = random.Random(seed)
    out = []
    for page in pages:
        chars, rects, rules = list(page.chars), list(page.rects), list(page.rules)
        for seq in (chars, rects, rules):
            rng.shuffle(seq)
        out.append(dataclasses.replace(page, chars=tuple(chars), rects=tuple(rects), rules=tuple(rules)))
    return tuple(out)


def _tables(sheet):
    return (sheet.info, sheet.sections, sheet.items, sheet.footnotes, sheet.entities)


@pytest.mark.parametrize("name", sample_names())
def test_shuffled_drawing_order_gives_identical_tables(name):
    read = read_pages(SAMPLES / f"{name}.pdf")
    ident = {"doc_id": "0123456789abcdef", "sha256": "0" * 64, "source_path": name}
    original = extract_pages(read, **ident)
    for seed in (1, 2):
        redrawn = dataclasses.replace(read, pages=_redrawn(read.pages, seed))
        assert _tables(extract_pages(redrawn, **ident)) == _tables(original), seed
