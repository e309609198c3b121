"""Spec strings: the markup every sample uses, and what is read out of it (the golden text,
the footnote markers and their anchors, the text a PDF's text layer should hold).

    [^1] [^a] [^¹]   footnote marker (digits, letters, symbols * † ‡ § ¶, or a Unicode
    [^*]             superscript digit, which is printed as typed and stands for the marker
                     "1"); left out of the golden text, goes to footnote_refs.
    {-} {‐} {shy}    a place where the word MUST break at a line end: drawn "-", U+2010 or
                     U+00AD (reportlab); {shy} is also a soft hyphen for Chromium and Writer.
    {/}              a line break that MUST fall right after an existing hyphen
                     ("socio-{/}économique"); nothing is added.
    {^er}            letters printed raised that belong to the text ("1{^er}" -> "1er").
    {|}              the next cell of a table's header row ("Date{|}Activité"); a space in
                     the golden text, and for a producer that sets no such row.
    \\n               a forced line break (headings, timeline labels).
    ﬁ ﬂ              ligature glyphs drawn as such; the golden text has "fi" / "fl".

A producer that cannot print a token fails on it (see each layout).
"""
from __future__ import annotations

import re

# group 1: a footnote marker; group 2: a break; group 3: raised letters that stay in the text
TOKEN = re.compile(r"\[\^([0-9a-z¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡§¶]+)\]|\{(-|‐|shy|/)\}|\{\^([a-z]+)\}|\{(\|)\}")
# Notes marked by symbols instead of numbers, in the order they are used.
SYMBOL_MARKERS = ("*", "†", "‡", "§", "¶", "**")
CELL = "{|}"

SUPERSCRIPT_DIGITS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                      "⁸": "8", "⁹": "9", "⁰": "0"}
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}


def spell_ligatures(text: str) -> str:
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    return text


def plain(markup: str) -> str:
    """Markup tokens removed (raised letters kept, a cell break a space)."""
    return TOKEN.sub(lambda m: m.group(3) or (" " if m.group(4) else ""), markup)


def clean(markup: str) -> str:
    """The golden (contract) text of a spec string."""
    return re.sub(r"\s+", " ", spell_ligatures(plain(markup))).strip()


def printed(markup: str, marker=str) -> str:
    """The text a PDF's text layer holds for a spec string: markers as `marker` prints
    them (as typed by default), breaks dropped, raised letters kept."""
    return TOKEN.sub(lambda m: marker(m.group(1)) if m.group(1) else m.group(3) or (" " if m.group(4) else ""), markup)


def convert(markup: str, text, marker, raised, shy, hyphen=None) -> str:
    """A spec string in another notation: each run of text through ``text``, each footnote
    marker (as typed) through ``marker``, raised letters through ``raised``, {shy} as ``shy``,
    {-} and {‐} through ``hyphen`` (a producer that breaks lines itself raises there)."""
    out, pos = [], 0
    for m in TOKEN.finditer(markup):
        if m.start() > pos:
            out.append(text(markup[pos:m.start()]))
        if m.group(1):
            out.append(marker(m.group(1)))
        elif m.group(3):
            out.append(raised(m.group(3)))
        elif m.group(4):
            out.append(text(" "))
        elif m.group(2) == "shy":
            out.append(shy)
        elif m.group(2) != "/":
            if hyphen is None:
                raise ValueError(f"a forced break {m.group(0)} cannot be drawn by this producer (it breaks lines itself)")
            out.append(hyphen(m.group(2)))
        pos = m.end()
    if pos < len(markup):
        out.append(text(markup[pos:]))
    return "".join(out)


# The notes traits of the random factsheets whose markers are printed raised (the others are
# printed on the line: "end, unicode" as superscript digits, "end, bracketed" as "[1]").
RAISED_MARKERS = ("end", "end, in a box", "end, body size", "end, symbols")


def printed_marker(raw: str, notes: str) -> str:
    """A footnote marker as a notes trait prints it, in the text and before its note."""
    if notes == "end, unicode":
        digit = {v: k for k, v in SUPERSCRIPT_DIGITS.items()}
        return "".join(digit.get(ch, ch) for ch in raw)
    if notes == "end, bracketed":
        return bracketed(raw)
    return raw


def bracketed(raw: str) -> str:
    """A footnote marker printed on the line, in square brackets: "[1]"."""
    return f"[{raw}]"


def marker_value(raw: str) -> str:
    """A marker's value from its typed form ("¹" -> "1")."""
    return "".join(SUPERSCRIPT_DIGITS.get(ch, ch) for ch in raw)


def raw_markers(markup: str) -> list[str]:
    """The footnote markers as typed, in order."""
    return [m.group(1) for m in TOKEN.finditer(markup) if m.group(1)]


def markers(markup: str) -> list[str]:
    return [marker_value(r) for r in raw_markers(markup)]


def anchor_word(before: str) -> str:
    """The word a footnote marker sits on, given the plain text before the marker: leading
    quotes and parentheses, a French elision (l’, d’, qu’…) and trailing punctuation
    dropped (for a cross-check of the hand-written anchors)."""
    word = before.split()[-1]
    word = re.sub(r"^[(«“\"]+", "", word)
    word = re.sub(r"^(?:[lLdDjJmMnNsStTcC]|qu|Qu|jusqu|lorsqu|puisqu)[’']", "", word)
    return re.sub(r"[.,;:!?)»”\"]+$", "", word)


def anchor_of(markup: str, raw_marker: str) -> str:
    """The word a marker (as typed) sits on."""
    return anchor_word(plain(markup[:markup.index(f"[^{raw_marker}]")]))


def join_label(label: str) -> str:
    """A timeline label's lines (split by \\n) as the one-line date text: lines are joined by
    a space, except after a line that ends with a hyphen or dash glued to its word."""
    out = ""
    for line in label.split("\n"):
        if out and (not out.endswith(("-", "–")) or out.endswith((" -", " –"))):
            out += " "
        out += line
    return re.sub(r"\s+", " ", out).strip()
