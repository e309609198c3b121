"""The warm-up: the pages it runs make every stage load what it loads on first use."""

from __future__ import annotations

import pytest

from factextract.pipeline import extract_pages
from factextract.warm import WARM_UP_PAGES, _read_of


@pytest.mark.parametrize("language", sorted(WARM_UP_PAGES))
def test_the_warm_up_page_goes_through_every_stage(language):
    sheet = extract_pages(_read_of(WARM_UP_PAGES[language]), doc_id="0" * 16, sha256="", source_path="")
    assert sheet.info.language == language
    assert {"progress", "activities", "footnotes"} <= {s.kind for s in sheet.sections}
    assert any(item.date is not None for item in sheet.items)  # the date grammar
    assert sheet.footnotes and sheet.entities  # the footnote parser; spaCy's NER and the name lists
    joined = {"fr": "migration de travail", "en": "regional workshop"}[language]
    assert any(joined in item.text for item in sheet.items)  # the line break's hyphen went (wordfreq)
