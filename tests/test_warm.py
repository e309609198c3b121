"""The warm-up: the pages it runs make every stage load what it loads on first use."""

from __future__ import annotations

import platform
import sys

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


def _resident_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="malloc_trim is glibc's: elsewhere release_free_memory does nothing")
def test_freed_heap_goes_back_to_the_system():
    from factextract.warm import release_free_memory

    # Blocks of 2 KB come from malloc's heap, not Python's arenas; keeping one in a hundred
    # alive fragments it, so that the heap's top cannot simply shrink.
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(30_000)]
    kept = blocks[::100]
    del blocks
    before = _resident_kib()
    release_free_memory()
    assert _resident_kib() < before - 10 * 1024  # of ~58 MiB freed, most goes back
    assert len(kept) == 300
