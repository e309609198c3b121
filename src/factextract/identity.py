"""A file's identity: the SHA-256 of its bytes, and the ``doc_id`` every table keys it by.

One definition, used by the pipeline (``factextract.extract``) and by the batch runner (which
hashes every input in the parent, to find copies and cached results, before any worker starts),
so that a file has the same ``doc_id`` whichever way it is read. Kept apart from the pipeline so
that the batch's parent never imports the stages.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# doc_id: this many leading hex digits of the file's SHA-256.
DOC_ID_DIGITS = 16


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes; raises OSError if it cannot be read (or is a folder)."""
    if not path.is_file():
        raise OSError("not a regular file")
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def unreadable_sha256(path: Path) -> str:
    """A stand-in hash for a file that cannot be read at all (no bytes to hash).

    The SHA-256 of ``b"unreadable:" + the path as given``: stable across runs, distinct per
    path, and not the hash of any real content (unlike the hash of empty bytes, which an
    empty file has). An empty file is readable and hashes normally.
    """
    return hashlib.sha256(b"unreadable:" + os.fsencode(path)).hexdigest()


def doc_id_of(sha256: str) -> str:
    """The document's key in every table: the first DOC_ID_DIGITS hex digits of its hash."""
    return sha256[:DOC_ID_DIGITS]
