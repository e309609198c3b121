"""factextract: Rabat Process factsheet PDFs in, analysable tables out.

>>> import factextract
>>> sheet = factextract.extract("samples/cameroun-fr.pdf")   # the typed document model
>>> factextract.run(["samples"], "outputs")                   # a folder of PDFs -> tables
>>> tables = factextract.load("outputs")                      # dict of DataFrames
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    import pandas as pd

    from .batch import run as run
    from .model import Factsheet

__all__ = ["__version__", "extract", "load", "run"]


def extract(path: str | Path, *, raise_on_error: bool = False, timeout: float | None = None,
            max_pages: int | None = None, reader: str = "pdfplumber") -> Factsheet:
    """Read one factsheet PDF into the typed document model (``factextract.model.Factsheet``).

    A file that cannot be read gives a Factsheet with ``status == "error"`` and a message in
    ``error``; with ``raise_on_error=True`` a ``DocumentError`` is raised instead. With a
    ``timeout`` (seconds) the file is read in a child process that is killed when time is up
    (a decompression bomb cannot hang the caller; the Factsheet then says "timed out").
    ``max_pages`` reads at most that many pages (the rest are named in ``warnings``).
    ``reader``: ``pdfplumber`` (the default; it hands a file to PDFium where pdfminer cannot
    read it) or ``pdfium`` (pypdfium2: several times faster); ``sheet.reader`` says which read it.
    """
    from .errors import DocumentError

    if timeout is not None:
        from .batch import run_batch

        sheet = run_batch([Path(path)], jobs=1, timeout_s=timeout, memory_mb=None, cache_dir=None,
                          progress=False, max_pages=max_pages, reader=reader)[0]
    else:
        from .pipeline import process_file

        sheet = process_file(Path(path), max_pages=max_pages, reader=reader)
    if raise_on_error and sheet.status == "error":
        raise DocumentError(str(path), sheet.error or "unreadable")
    return sheet


def load(out_dir: str | Path, *, dates: str = "date") -> dict[str, pd.DataFrame]:
    """Load the tables a ``factextract run`` wrote, with the schemas' dtypes.

    ``dates="date"`` (the default) keeps date columns as exact days (Arrow ``date32``);
    ``dates="datetime"`` gives NumPy ``datetime64`` columns, on which comparisons with
    ``pd.Timestamp``, ``.dt`` and ``resample`` work as pandas users expect."""
    from .tables import load as _load

    return _load(Path(out_dir), dates=dates)


def __getattr__(name: str) -> object:
    """``factextract.run`` is ``factextract.batch.run``, imported when first used, so that
    ``import factextract`` stays light (PEP 562)."""
    if name == "run":
        from .batch import run

        return run
    raise AttributeError(f"module 'factextract' has no attribute {name!r}")
