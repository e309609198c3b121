"""List markers and footnote markers: what they look like, in one place.

A list marker is told by what the PDF says of its glyph (a symbol font or a private-use code
point, a bullet or arrow character, a lone "o" in another font than the text after it), by a drawn shape before the
line, or by the text itself ("- ", "1) ", "a. "). A footnote marker is a raised, smaller
number or asterisk, a Unicode superscript digit, or a number at the start of a footnote line.
The characters of each kind are data: ``vocab/common/glyphs.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from ..model import Char, Line, ListMarker
from ..vocab.glyphs import glyph_rules

# A numbered marker is at most this many glyphs while a line is being built ("12.", "iv)").
MAX_NUMBERED_MARKER_GLYPHS = 3
# ... and at most this many before a column gap that it must not be split from ("12.)").
MAX_NUMBERED_MARKER_RUN = 4

# Footnote markers set as raised text: "1", "12", "1,2" or "1, 2"; "*", "**"; one letter "a".
_DIGIT_MARKERS = re.compile(r"^\d{1,3}(?:\s*,\s*\d{1,3})*$")
# Symbols that mark notes in the typographers' order after the asterisk (doubled past the last).
NOTE_SYMBOLS = "†‡§¶"
_STAR_MARKER = re.compile(rf"^\*{{1,3}}$|^[{NOTE_SYMBOLS}]{{1,2}}$")
_LETTER_MARKER = re.compile(r"^[a-z]$")
# Between the markers of one raised run: "1,2" -> "1", "2".
_MARKER_SEPARATOR = re.compile(r"[\s,]+")
# A bracketed number glued to the word before it, at body size: "IOM[2]", "(BCV)[1]".
_BRACKET_MARKER = re.compile(r"(?<=[\w)\]])\[(\d{1,2})\]")


# --- list markers ------------------------------------------------------------------------------

def is_marker_glyph(text: str, fontname: str, next_fontname: str | None) -> bool:
    """A lone first glyph that marks a list item: a symbol-font glyph, a bullet or arrow
    character, or a font marker ("o") set in another font than the text after it."""
    glyphs = glyph_rules()
    text = text.strip()
    if len(text) != 1:
        return False
    if glyphs.is_icon(text, fontname) or glyphs.marker_kinds.get(text) in ("bullet", "arrow"):
        return True
    return text in glyphs.font_markers and next_fontname is not None and next_fontname != fontname


def is_numbered_marker(text: str) -> bool:
    """"1)", "2.", "a)": a numbered-list marker standing alone."""
    return bool(glyph_rules().numbered_marker.match(text.strip() + " "))


def may_be_marker(chars: Sequence[Char]) -> bool:
    """The glyphs a line has so far may be a list marker waiting for its text: one symbol,
    bullet, dash or font-marker glyph, or a short number ("12.")."""
    glyphs = glyph_rules()
    if len(chars) == 1:
        ch = chars[0]
        return glyphs.is_icon(ch.text, ch.fontname) or ch.text in glyphs.marker_kinds or ch.text in glyphs.font_markers
    return len(chars) <= MAX_NUMBERED_MARKER_GLYPHS and is_numbered_marker("".join(c.text for c in chars))


def is_marker_run(left: Sequence[Char], following: Char) -> bool:
    """The glyphs before a gap are a list marker, so the gap is a hanging indent, not a column."""
    text = "".join(c.text for c in left)
    if len(left) == 1 and (is_marker_glyph(text, left[0].fontname, following.fontname)
                           or glyph_rules().marker_kinds.get(text) == "dash"):
        return True  # a dash alone before a gap is a marker too ("–   Un détail")
    return len(left) <= MAX_NUMBERED_MARKER_RUN and is_numbered_marker(text)


def text_marker(text: str) -> tuple[ListMarker | None, str]:
    """The list marker a text starts with, written as text, and the text after it:
    "• Un point" -> ("bullet", "Un point"), "- Un détail" -> ("dash", ...), "2) Suite" ->
    ("number", "Suite"); (None, the text left-stripped) without one. A dash is a marker only
    with a space after it ("-2 %" is a number)."""
    glyphs = glyph_rules()
    stripped = text.lstrip()
    if not stripped:
        return None, text
    kind = glyphs.marker_kinds.get(stripped[0])
    if kind in ("bullet", "arrow"):
        return kind, stripped[1:].lstrip()
    if kind == "dash" and stripped[1:2] == " ":
        return "dash", stripped[2:].lstrip()
    m = glyphs.numbered_marker.match(stripped)
    if m:
        return "number", stripped[m.end():].lstrip()
    return None, stripped


def starts_with_marker(line: Line) -> bool:
    """True when the line begins with a list marker (symbol glyph, bullet, arrow, dash, number)."""
    glyphs = glyph_rules()
    if line.drawn_marker:
        return True
    if not line.spans:
        return False
    first = line.spans[0]
    if first.text.strip() and glyphs.is_icon(first.text, first.fontname):
        return True
    following = line.spans[1].fontname if len(line.spans) > 1 else None
    if is_marker_glyph(first.text, first.fontname, following):
        return True
    return text_marker(line.text)[0] is not None


# --- footnote markers --------------------------------------------------------------------------

def is_footnote_marker(text: str, before: str) -> bool:
    """Raised text that is a footnote marker: digits ("1", "2,3"), an asterisk, or one letter
    ("a") that does not follow a digit (a raised "e" after "2" is the ordinal "2e")."""
    text = text.strip()
    if _DIGIT_MARKERS.match(text) or _STAR_MARKER.match(text):
        return True
    return bool(_LETTER_MARKER.match(text)) and not before.rstrip()[-1:].isdigit()


def split_markers(text: str) -> list[str]:
    """The markers of one raised run: "1,2" -> ["1", "2"]."""
    return [m for m in _MARKER_SEPARATOR.split(text.strip()) if m]


@cache
def _note_start() -> re.Pattern[str]:
    """"1 ", "12", "¹", "*", "†", "[1]" followed by text: the marker at the start of a footnote
    (not the start of a figure or a point's number: "3.1: …", "2,5 millions", "1.2.")."""
    superscripts = "".join(re.escape(ch) for ch in glyph_rules().superscripts)
    return re.compile(rf"^\s*(?:\[(\d{{1,2}})\]|(\d{{1,2}}(?![.,:]?\d)|[{superscripts}]+|\*{{1,3}}|[{NOTE_SYMBOLS}]{{1,2}}(?!\s*\d)))"
                      rf"\s*(?=\S)")


def note_marker(text: str) -> tuple[str, str] | None:
    """(marker, text after it) when a line starts as a footnote does ("¹ OFII ..." ->
    ("1", "OFII ...")), else None; superscript digits are given as digits."""
    m = _note_start().match(text)
    if not m:
        return None
    superscripts = glyph_rules().superscripts
    marker = "".join(superscripts.get(ch, ch) for ch in (m.group(1) or m.group(2)))
    return marker, text[m.end():].strip()


def unicode_superscript_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, marker) of each run of Unicode superscript digits: "OFII²" -> (4, 5, "2")."""
    superscripts = glyph_rules().superscripts
    i = 0
    while i < len(text):
        if text[i] in superscripts:
            j = i
            while j < len(text) and text[j] in superscripts:
                j += 1
            yield i, j, "".join(superscripts[c] for c in text[i:j])
            i = j
        else:
            i += 1


def bracket_markers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, marker) of each bracketed number glued to a word: "IOM[2]" -> (3, 6, "2")."""
    for m in _BRACKET_MARKER.finditer(text):
        yield m.start(), m.end(), m.group(1)
