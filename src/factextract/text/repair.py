"""Lines of a block -> clean text: markers stripped, lines joined, hyphenation undone.

Footnote markers are taken from what the PDF says about a glyph (a raised, smaller digit,
or a Unicode superscript digit), never from its position in a string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Block, FootnoteRef, Line, ListMarker
from ..vocab.glyphs import glyph_rules
from ..vocab.language import elision
from .glyph_text import PRINTED_HYPHEN
from .markers import (
    bracket_markers, is_footnote_marker, is_marker_glyph, split_markers, text_marker,
    unicode_superscript_runs,
)

# A line-break hyphen is dropped when the joined word is known and at most this much rarer
# (wordfreq's Zipf scale) than the hyphenated pair: "transfrontalière" (2.8 vs 3.1) joins,
# "socio-économique" (2.6 vs 4.0) stays a compound. wordfreq scores a hyphenated pair by its
# parts, so the pair always looks somewhat more frequent than it is.
DEHYPHENATE_MARGIN = 1.0
# How many word frequencies are kept in memory; a factsheet has a few hundred hyphen breaks.
ZIPF_CACHE_SIZE = 4096
# Characters trimmed from the ends of an anchor word: brackets, quotes, punctuation.
_ANCHOR_TRIM = "()[]{}«»\"'’‘“”,;:.!?"
# Dashes after which a line break joins a range without a space: "2019–" / "2020".
_RANGE_DASHES = "–—"
# An em dash glued to the word before it is set closed: the line after it joins without a space.
_EM_DASH = "\u2014"
_WORD_END = re.compile(r"(\w+)$")
_WORD_START = re.compile(r"(\w+)")


@dataclass(frozen=True, slots=True)
class CleanText:
    """A block's clean text, its footnote refs and the list marker it started with."""

    text: str
    refs: tuple[FootnoteRef, ...]
    marker: ListMarker | None


def squash(text: str) -> str:
    """Runs of white space made one space, and none at the ends."""
    return " ".join(text.split())


def clean_block(lines: Sequence[Line], language: str) -> CleanText:
    """Join a block's lines into the contract's clean text, with its list marker and refs."""
    pieces: list[str] = []
    refs: list[FootnoteRef] = []
    marker: ListMarker | None = None
    for i, line in enumerate(lines):
        text, line_refs, line_marker = _line_text(line, strip_marker=(i == 0))
        if i == 0:
            marker = line_marker
        refs.extend(line_refs)
        pieces.append(text)
    return CleanText(join_lines(pieces, language), tuple(refs), marker)


def block_text(block: Block, language: str) -> str:
    """A block's lines joined, line-break hyphens undone: how headings and labels are read."""
    return join_lines([ln.text for ln in block.lines], language)


def _line_text(line: Line, strip_marker: bool) -> tuple[str, list[FootnoteRef], ListMarker | None]:
    """One line's text without its list marker (first line only) and footnote markers, with the
    refs found."""
    glyphs = glyph_rules()
    out: list[str] = []
    refs: list[FootnoteRef] = []
    marker: ListMarker | None = None
    for i, span in enumerate(line.spans):
        following = line.spans[i + 1].fontname if i + 1 < len(line.spans) else None
        if (strip_marker and i == 0 and not glyphs.is_icon(span.text, span.fontname)
                and span.text.strip() in glyphs.font_markers
                and is_marker_glyph(span.text, span.fontname, following)):
            marker = "bullet"  # "o" in Courier before text in another font: Word's sub-bullet
            continue
        if glyphs.is_icon(span.text, span.fontname):
            # Icons: symbol-font glyphs, whose code points ("9", "l", "n") are not text, and
            # private-use code points.
            if strip_marker and i == 0 and span.text.strip():
                marker = "bullet"
            if span.text.startswith(" ") or span.text.endswith(" "):
                out.append(" ")
            continue
        if span.superscript and is_footnote_marker(span.text, "".join(out)):
            anchor = _anchor("".join(out))
            refs.extend(FootnoteRef(marker=ref, anchor=anchor) for ref in split_markers(span.text))
            if span.text.endswith(" "):
                out.append(" ")
            continue
        # Superscript digits written as text ("OFII²"), then a bracketed number glued to a
        # word at body size ("(BCV)[1]", "IOM[2]").
        text = _pull_refs(span.text, unicode_superscript_runs(span.text), out, refs)
        out.append(_pull_refs(text, bracket_markers(text), out, refs))
    text = "".join(out).replace("\u00a0", " ")
    if strip_marker and line.drawn_marker:
        marker = "bullet"
    elif strip_marker and marker is None:
        marker, rest = text_marker(text)
        if marker != "number":
            text = rest  # a numbered point keeps its printed number ("1. …"), as the contract says
    return squash(text), refs, marker


def _pull_refs(text: str, found: Iterable[tuple[int, int, str]], before: list[str],
               refs: list[FootnoteRef]) -> str:
    """The text without the footnote markers ``found`` in it ((start, end, marker), in order),
    each added to ``refs`` on the word before it: "IOM[2]", "OFII²"."""
    kept, last = [], 0
    for start, end, marker in found:
        kept.append(text[last:start])
        refs.append(FootnoteRef(marker=marker, anchor=_anchor("".join(before) + "".join(kept))))
        last = end
    kept.append(text[last:])
    return "".join(kept)


def _anchor(text_before: str) -> str:
    """The word a footnote marker sits on: the last word before it, without punctuation and
    without an elided article ("l’OFII²" anchors on OFII)."""
    words = text_before.rstrip().split()
    if not words:
        return ""
    word = words[-1].strip(_ANCHOR_TRIM)
    word = elision().sub("", word)
    return word.strip(_ANCHOR_TRIM)


def join_lines(pieces: Sequence[str], language: str) -> str:
    """Join line texts with spaces, undoing line-break hyphenation where a dictionary agrees."""
    glyphs = glyph_rules()
    text = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if not text:
            text = piece
            continue
        last = text[-1]
        if last in glyphs.soft_hyphens:
            # A discretionary break, unless the hyphen cannot be one: some producers (Typst)
            # write every hyphen glyph as U+00AD, "2015-" / "2016" and "Sud-" / "Sud" too.
            text = text[:-1] + (PRINTED_HYPHEN if _soft_hyphen_is_text(text, piece) else "") + piece
        elif last in glyphs.hyphens and len(text) >= 2 and not text[-2].isspace():
            text = text[:-1] + ("" if _drop_hyphen(text, piece, language) else last) + piece
        elif last in _RANGE_DASHES and len(text) >= 2 and not text[-2].isspace() and piece[:1].isdigit():
            text = text + piece  # "2019–" / "2020": a range broken after its dash
        elif last in _RANGE_DASHES and len(text) >= 2 and text[-2].isalnum() and (
                last == _EM_DASH or piece[:1].isalpha()):
            # "infrastructure—" / "such as": an em dash set closed; "octobre–" / "novembre",
            # "Nord–" / "Sud": a range or a pair closed on its en dash
            text = text + piece
        else:
            text = text + " " + piece
    # Soft hyphens left inside lines are invisible discretionary breaks.
    return "".join(ch for ch in text if ch not in glyphs.soft_hyphens)


def _halves(text: str, piece: str) -> tuple[str, str] | None:
    """The word parts either side of a line-end hyphen (the last character of ``text``)."""
    head = _WORD_END.search(text[:-1])
    tail = _WORD_START.match(piece)
    return (head.group(1), tail.group(1)) if head and tail else None


def _hyphen_is_text(left: str, right: str) -> bool:
    """A line-end hyphen between two word parts that no word break can print: "UE-ICMPD",
    "2017-2018", "COVID-19", "Sud-Sud" (the next part does not start in lower case, or this
    one does not end on a letter)."""
    return not right[0].islower() or not left[-1].isalpha()


def _soft_hyphen_is_text(text: str, piece: str) -> bool:
    """A soft hyphen at a line end that no word break can print: between figures ("2015-" /
    "2016") or before a capital after a small letter ("Sud-" / "Sud"). Between capitals it
    broke a word set in capitals ("RÉFÉ-" / "RENT")."""
    halves = _halves(text, piece)
    if halves is None:
        return False
    left, right = halves
    return left[-1].isdigit() or right[0].isdigit() or (left[-1].islower() and right[0].isupper())


def _drop_hyphen(text: str, piece: str, language: str) -> bool:
    """Whether a line-end hyphen between ``text`` and ``piece`` breaks one word (drop it) or
    joins a compound (keep it)."""
    halves = _halves(text, piece)
    if halves is None or _hyphen_is_text(*halves):
        return False
    left, right = halves
    joined, compound = _zipf(left + right, language), _zipf(f"{left}-{right}", language)
    if joined == 0.0 and compound == 0.0:
        return True  # unknown either way: line-break hyphenation is far more common
    return joined > 0.0 and joined >= compound - DEHYPHENATE_MARGIN


@lru_cache(maxsize=ZIPF_CACHE_SIZE)
def _zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency of a word in the language (French for any other)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), language if language in ("fr", "en") else "fr")
