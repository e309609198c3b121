"""How page numbers are printed, from ``common/page_numbers.yaml``: "3", "- 3 -", "Page 3/4"."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from . import load, path_of, pattern, require, words


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def validate(data: Any, path: str) -> None:
    """Check ``common/page_numbers.yaml``: a list of valid patterns."""
    require(data, path, ("page_number_patterns",), exact=True)
    for n, text in enumerate(words(data["page_number_patterns"], path, "page_number_patterns")):
        pattern(text, path, f"page_number_patterns[{n}]", _compile)


@cache
def page_number_patterns() -> tuple[re.Pattern[str], ...]:
    """The validated patterns, once per process."""
    data = load("common", "page_numbers")
    validate(data, path_of("common", "page_numbers"))
    return tuple(_compile(p) for p in data["page_number_patterns"])


def is_page_number(text: str) -> bool:
    """The text, spaces made single, is nothing but a page number."""
    squashed = " ".join(text.split())
    return any(p.match(squashed) for p in page_number_patterns())
