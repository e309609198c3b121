"""Deterministic mutations of a PDF's bytes, for fuzzing the batch (tests/test_fuzz.py,
scripts/fuzz_batch.py).

Each mutation is a pure function ``(data, seed) -> bytes`` named for what it does: the same
bytes and seed always give the same mutant (randomness comes only from ``random.Random(seed)``).
A mutation that does not apply to a file (no FlateDecode stream, no xref table, no ``%PDF``
header ...) raises :class:`NotApplicable`; :func:`mutants` then takes the next kind.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator

Mutation = Callable[[bytes, int], bytes]

MAX_CHUNK = 4096  # longest chunk deleted or duplicated, in bytes

# What a per-file message (documents.error, documents.warnings) must never show: a traceback
# or a Python error leaking through instead of a sentence about the file.
PYTHON_INTERNALS: tuple[str, ...] = (
    "Traceback", "NoneType", "object is not", "object has no attribute", "KeyError", "IndexError",
    "TypeError:", "internal error",
)


def internals_in(message: str) -> list[str]:
    """The PYTHON_INTERNALS found in ``message``."""
    return [word for word in PYTHON_INTERNALS if word in message]


class NotApplicable(ValueError):
    """The file has nothing this mutation can change."""


def flip_bytes(data: bytes, seed: int, n: int = 10) -> bytes:
    """``n`` bytes at random offsets each XORed with a random non-zero value."""
    if not data:
        raise NotApplicable("empty file")
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(n):
        i = rng.randrange(len(out))
        out[i] ^= rng.randrange(1, 256)
    return bytes(out)


def truncate(data: bytes, seed: int) -> bytes:
    """The file cut at a random offset (at least one byte kept, at least one lost)."""
    if len(data) < 2:
        raise NotApplicable("too short to truncate")
    return data[: random.Random(seed).randrange(1, len(data))]


_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")


def corrupt_length(data: bytes, seed: int) -> bytes:
    """One stream's direct ``/Length N`` set to another value (0, smaller, a little or far
    larger)."""
    found = list(_DIRECT_LENGTH.finditer(data))
    if not found:
        raise NotApplicable("no direct /Length")
    rng = random.Random(seed)
    match = rng.choice(found)
    old = int(match.group(1))
    choices = [0, old // 2, max(old - rng.randint(1, 64), 0), old + rng.randint(1, 64),
               old * 10 + 7, rng.randrange(10**9)]
    new = rng.choice([c for c in choices if c != old] or [old + 1])
    return data[: match.start(1)] + str(new).encode() + data[match.end(1):]


def _chunk(data: bytes, rng: random.Random) -> tuple[int, int]:
    start = rng.randrange(len(data))
    return start, start + rng.randint(1, min(MAX_CHUNK, len(data) - start))


def delete_chunk(data: bytes, seed: int) -> bytes:
    """A run of 1 to MAX_CHUNK bytes at a random offset removed."""
    if len(data) < 2:
        raise NotApplicable("too short to delete from")
    start, end = _chunk(data, random.Random(seed))
    return data[:start] + data[end:]


def duplicate_chunk(data: bytes, seed: int) -> bytes:
    """A run of 1 to MAX_CHUNK bytes at a random offset repeated right after itself."""
    if not data:
        raise NotApplicable("empty file")
    start, end = _chunk(data, random.Random(seed))
    return data[:end] + data[start:end] + data[end:]


_STREAM_START = re.compile(rb"stream\r?\n")
_STREAM_END = re.compile(rb"\r?\n?endstream")


def _flate_streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of the data of every stream whose dictionary names FlateDecode."""
    spans = []
    for match in re.finditer(rb"/FlateDecode", data):
        start = _STREAM_START.search(data, match.end())
        if start is None or b"endobj" in data[match.end():start.start()]:
            continue
        end = _STREAM_END.search(data, start.end())
        if end is not None and end.start() > start.end():
            spans.append((start.end(), end.start()))
    return sorted(set(spans))


def garbage_flate_stream(data: bytes, seed: int) -> bytes:
    """One FlateDecode stream's bytes replaced by as many random bytes (its /Length still
    right)."""
    spans = _flate_streams(data)
    if not spans:
        raise NotApplicable("no FlateDecode stream")
    rng = random.Random(seed)
    start, end = rng.choice(spans)
    return data[:start] + rng.randbytes(end - start) + data[end:]


_XREF_ENTRY = re.compile(rb"(\d{10}) \d{5} n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def corrupt_xref_offset(data: bytes, seed: int) -> bytes:
    """One offset changed: an in-use entry of the xref table, or ``startxref``; the new offset
    points elsewhere in the file or past its end."""
    targets = [(m.start(1), m.end(1)) for m in _XREF_ENTRY.finditer(data)]
    targets += [(m.start(1), m.end(1)) for m in _STARTXREF.finditer(data)]
    if not targets:
        raise NotApplicable("no xref offset")
    rng = random.Random(seed)
    start, end = rng.choice(targets)
    old = int(data[start:end])
    new = old
    while new == old:
        new = rng.choice([rng.randrange(len(data) + 1), len(data) + rng.randrange(1, 10**6),
                          old + rng.randint(-16, 16) if old > 16 else old + 1])
    text = str(new).zfill(end - start) if end - start == 10 else str(new)
    return data[:start] + text.encode() + data[end:]


_HEADER = re.compile(rb"%PDF-\d+(\.\d+)?")


def strip_header(data: bytes, seed: int) -> bytes:
    """The ``%PDF-x.y`` header at the start of the file removed (``seed`` is not used)."""
    match = _HEADER.match(data)
    if match is None:
        raise NotApplicable("no %PDF header at the start")
    return data[match.end():]


# Every mutation, in the order mutants() goes round them.
KINDS: tuple[Mutation, ...] = (
    flip_bytes, truncate, corrupt_length, delete_chunk, duplicate_chunk, garbage_flate_stream,
    corrupt_xref_offset, strip_header,
)
BY_NAME: dict[str, Mutation] = {m.__name__: m for m in KINDS}


def mutants(sample_bytes: bytes, seed: int, n: int) -> Iterator[tuple[str, bytes]]:
    """Yield ``n`` mutants of ``sample_bytes`` as (mutation name, bytes), deterministic in
    ``seed``.

    The kinds go round :data:`KINDS` starting at ``seed % len(KINDS)`` (so consecutive seeds
    start at different kinds); a kind that does not apply, or gives the input or an earlier
    mutant back, is passed over for the next. Each mutant gets its own seed from
    ``random.Random(seed)``. Fewer than ``n`` are yielded only if no kind gives anything new.
    """
    rng = random.Random(seed)
    seen = {hashlib.sha256(sample_bytes).digest()}
    turn = seed % len(KINDS)
    made = 0
    while made < n:
        for attempt in range(len(KINDS) * 4):
            kind = KINDS[(turn + attempt) % len(KINDS)]
            sub_seed = rng.getrandbits(32)
            try:
                mutant = kind(sample_bytes, sub_seed)
            except NotApplicable:
                continue
            digest = hashlib.sha256(mutant).digest()
            if digest in seen:
                continue
            seen.add(digest)
            turn += attempt + 1
            made += 1
            yield kind.__name__, mutant
            break
        else:
            return
