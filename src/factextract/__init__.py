"""factextract: Rabat Process factsheet PDFs in, analysable tables out.

>>> import factextract
>>> sheet = factextract.extract("samples/cameroun-fr.pdf")   # the typed document model
>>> tables = factextract.load("outputs")                      # dict of DataFrames
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    import pandas as pd

    from .model import Factsheet

__all__ = ["__version__", "extract", "load"]


def extract(path: str | Path, *, raise_on_error: bool = False) -> Factsheet:
    """Read one factsheet PDF into the typed document model (``factextract.model.Factsheet``).

    A file that cannot be read gives a Factsheet with ``status == "error"`` and a message in
    ``error``; with ``raise_on_error=True`` a ``DocumentError`` is raised instead.
    """
    from .errors import DocumentError
    from .pipeline import process_file

    sheet = process_file(Path(path))
    if raise_on_error and sheet.status == "error":
        raise DocumentError(str(path), sheet.error or "unreadable")
    return sheet


def load(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Load the tables a ``factextract run`` wrote, with the schemas' dtypes."""
    from .tables import load as _load

    return _load(Path(out_dir))
