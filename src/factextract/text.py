"""Lines of a block -> clean text: markers stripped, lines joined, hyphenation undone.

Footnote markers are taken from what the PDF says about a glyph (a raised, smaller digit,
or a Unicode superscript digit), never from its position in a string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .glyphs import rules
from .model import FootnoteRef, Line

# A line-break hyphen is dropped when the joined word is known and at most this much rarer
# (wordfreq's Zipf scale) than the hyphenated pair: "transfrontalière" (2.8 vs 3.1) joins,
# "socio-économique" (2.6 vs 4.0) stays a compound. wordfreq scores a hyphenated pair by its
# parts, so the pair always looks somewhat more frequent than it is.
DEHYPHENATE_MARGIN = 1.0
# Elisions written before a word that carries a footnote marker: "l’OFII²" anchors on OFII.
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’‘`]")
# Footnote markers set as raised text: "1", "12", "1,2" or "1, 2"; "*", "**"; one letter "a".
_DIGIT_MARKERS = re.compile(r"^\d{1,3}(?:\s*,\s*\d{1,3})*$")
_STAR_MARKER = re.compile(r"^\*{1,3}$|^[†‡§]$")
_LETTER_MARKER = re.compile(r"^[a-z]$")
_MARKER_SPLIT = re.compile(r"[\s,]+")
# A bracketed number glued to the word before it: "IOM[2]", "(BCV)[1]".
_BRACKET_MARKER = re.compile(r"(?<=[\w)\]])\[(\d{1,2})\]")
# Characters trimmed from the ends of an anchor word: brackets, quotes, punctuation.
_ANCHOR_TRIM = "()[]{}«»\"'’‘“”,;:.!?"


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    refs: tuple[FootnoteRef, ...]
    marker: str  # "bullet", "arrow", "dash", "number" or ""


def clean_block(lines: Sequence[Line], language: str) -> CleanText:
    """Join a block's lines into the contract's clean text, with its list marker and refs."""
    pieces: list[str] = []
    refs: list[FootnoteRef] = []
    marker = ""
    for i, line in enumerate(lines):
        text, line_refs, line_marker = _line_text(line, strip_marker=(i == 0))
        if i == 0:
            marker = line_marker
        refs.extend(line_refs)
        pieces.append(text)
    return CleanText(join_lines(pieces, language), tuple(refs), marker)


def _line_text(line: Line, strip_marker: bool) -> tuple[str, list[FootnoteRef], str]:
    glyphs = rules()
    out: list[str] = []
    refs: list[FootnoteRef] = []
    marker = ""
    for i, span in enumerate(line.spans):
        following = line.spans[i + 1].fontname if i + 1 < len(line.spans) else None
        if (strip_marker and i == 0 and not glyphs.is_symbol_font(span.fontname)
                and span.text.strip() in glyphs.font_markers
                and glyphs.is_marker_glyph(span.text, span.fontname, following)):
            marker = "bullet"  # "o" in Courier before text in another font: Word's sub-bullet
            continue
        if glyphs.is_symbol_font(span.fontname):
            # Symbol-font glyphs are icons; their code points ("9", "l", "n") are not text.
            if strip_marker and i == 0 and span.text.strip():
                marker = "bullet"
            if span.text.startswith(" ") or span.text.endswith(" "):
                out.append(" ")
            continue
        if span.superscript and is_marker_text(span.text, "".join(out)):
            anchor = _anchor("".join(out))
            for ref in _MARKER_SPLIT.split(span.text.strip()):
                if ref:
                    refs.append(FootnoteRef(marker=ref, anchor=anchor))
            if span.text.endswith(" "):
                out.append(" ")
            continue
        text = _pull_unicode_superscripts(span.text, out, refs)
        out.append(_pull_bracket_markers(text, out, refs))
    text = "".join(out)
    text = text.replace("\u00a0", " ")
    if strip_marker and line.drawn_marker:
        marker = "bullet"
    elif strip_marker and not marker:
        text, marker = _strip_text_marker(text)
    return " ".join(text.split()), refs, marker


def is_marker_text(text: str, before: str) -> bool:
    """Raised text that is a footnote marker: digits ("1", "2,3"), an asterisk, or one letter
    ("a") that does not follow a digit (a raised "e" after "2" is the ordinal "2e")."""
    text = text.strip()
    if _DIGIT_MARKERS.match(text) or _STAR_MARKER.match(text):
        return True
    return bool(_LETTER_MARKER.match(text)) and not before.rstrip()[-1:].isdigit()


def _pull_bracket_markers(text: str, before: list[str], refs: list[FootnoteRef]) -> str:
    """"(BCV)[1]", "IOM[2]": a bracketed number glued to a word is a marker at body size."""
    if "[" not in text:
        return text
    kept, last = [], 0
    for m in _BRACKET_MARKER.finditer(text):
        kept.append(text[last:m.start()])
        refs.append(FootnoteRef(marker=m.group(1), anchor=_anchor("".join(before) + "".join(kept))))
        last = m.end()
    kept.append(text[last:])
    return "".join(kept)


def _pull_unicode_superscripts(text: str, before: list[str], refs: list[FootnoteRef]) -> str:
    sup = rules().superscripts
    if not any(ch in sup for ch in text):
        return text
    kept: list[str] = []
    i = 0
    while i < len(text):
        if text[i] in sup:
            j = i
            while j < len(text) and text[j] in sup:
                j += 1
            prefix = "".join(before) + "".join(kept)
            refs.append(FootnoteRef(marker="".join(sup[c] for c in text[i:j]), anchor=_anchor(prefix)))
            i = j
        else:
            kept.append(text[i])
            i += 1
    return "".join(kept)


def _anchor(text_before: str) -> str:
    words = text_before.rstrip().split()
    if not words:
        return ""
    word = words[-1].strip(_ANCHOR_TRIM)
    word = _ELISION.sub("", word)
    return word.strip(_ANCHOR_TRIM)


def _strip_text_marker(text: str) -> tuple[str, str]:
    glyphs = rules()
    stripped = text.lstrip()
    if not stripped:
        return text, ""
    kind = glyphs.marker_kinds.get(stripped[0])
    if kind in ("bullet", "arrow"):
        return stripped[1:].lstrip(), kind
    if kind == "dash" and stripped[1:2] == " ":
        return stripped[2:].lstrip(), "dash"
    m = glyphs.numbered_marker.match(stripped)
    if m:
        return stripped[m.end():].lstrip(), "number"
    return stripped, ""


def join_lines(pieces: Sequence[str], language: str) -> str:
    """Join line texts with spaces, undoing line-break hyphenation where a dictionary agrees."""
    glyphs = rules()
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
            text = text[:-1] + piece
        elif last in glyphs.hyphens and len(text) >= 2 and not text[-2].isspace():
            text = text[:-1] + ("" if _drop_hyphen(text, piece, language) else last) + piece
        elif last in "–—" and len(text) >= 2 and not text[-2].isspace() and piece[:1].isdigit():
            text = text + piece  # "2019–" / "2020": a range broken after its dash
        else:
            text = text + " " + piece
    # Soft hyphens left inside lines are invisible discretionary breaks.
    return "".join(ch for ch in text if ch not in glyphs.soft_hyphens)


def _drop_hyphen(text: str, piece: str, language: str) -> bool:
    head = re.search(r"(\w+)$", text[:-1])
    tail = re.match(r"(\w+)", piece)
    if not head or not tail:
        return False
    left, right = head.group(1), tail.group(1)
    if not right[0].islower() or not left[-1].isalpha():
        return False  # "UE-ICMPD", "2017-2018", "COVID-19": the hyphen is part of the text
    joined, compound = _zipf(left + right, language), _zipf(f"{left}-{right}", language)
    if joined == 0.0 and compound == 0.0:
        return True  # unknown either way: line-break hyphenation is far more common
    return joined > 0.0 and joined >= compound - DEHYPHENATE_MARGIN


@lru_cache(maxsize=4096)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), language if language in ("fr", "en") else "fr")
