"""Self-checks of a generated PDF with pdfplumber (a project dependency): what the golden
says about the page must be true of the page's text layer."""
from __future__ import annotations

import re
from typing import Iterable

# Ligature glyphs a producer may form; the golden text spells them out.
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}


def squash(text: str) -> str:
    """Whitespace dropped."""
    return re.sub(r"\s+", "", text)


def page_text(page) -> str:
    """A pdfplumber page's characters in stream order, ligatures spelled out, whitespace
    dropped."""
    raw = "".join(c["text"] for c in page.chars)
    for lig, plain in LIGATURES.items():
        raw = raw.replace(lig, plain)
    return squash(raw)


def overlapping_words(n: int, words: list[dict]) -> list[str]:
    """Problems for every two words (pdfplumber extract_words) on page n whose boxes
    overlap."""
    problems = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if (a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5
                    and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1):
                problems.append(f"p{n}: words overlap {a['text']!r} / {b['text']!r}")
    return problems


def not_on_page(texts: dict[int, str], wanted: Iterable[tuple[str, str, int]]) -> list[str]:
    """Problems for every (what, text, page) whose text, whitespace dropped, is not in one
    piece in that page's squashed text."""
    return [f"{what} not in one piece on page {page}" for what, text, page in wanted
            if squash(text) not in texts[page]]


def pages_holding(texts: dict[int, str], text: str) -> list[int]:
    """The pages whose squashed text holds `text` (whitespace dropped) in one piece, for a
    generator that finds where an item landed instead of declaring it."""
    return [n for n, t in texts.items() if squash(text) in t]
