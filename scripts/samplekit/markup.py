"""Spec strings: from markup to the golden text, the footnote markers and their anchors.

Each generator has its own markup dialect (a token regex whose group 1, when it matched, is
a footnote marker `[^1]`); what is read out of a spec string is the same for all of them.
"""
from __future__ import annotations

import re
from typing import Callable


def anchor_word(before: str) -> str:
    """The word a footnote marker sits on, given the plain text before the marker: leading
    quotes and parentheses, a French elision (l’, d’, qu’…) and trailing punctuation
    dropped (for a cross-check of the hand-written anchors)."""
    word = before.split()[-1]
    word = re.sub(r"^[(«“\"]+", "", word)
    word = re.sub(r"^(?:[lLdDjJmMnNsStTcC]|qu|Qu|jusqu|lorsqu|puisqu)[’']", "", word)
    return re.sub(r"[.,;:!?)»”\"]+$", "", word)


def join_label(label: str) -> str:
    """A timeline label's lines (split by \\n) as the one-line date text: lines are joined by
    a space, except after a line that ends with a hyphen or dash glued to its word."""
    out = ""
    for line in label.split("\n"):
        if out and (not out.endswith(("-", "–")) or out.endswith((" -", " –"))):
            out += " "
        out += line
    return re.sub(r"\s+", " ", out).strip()


class Markup:
    """A markup dialect: `token` matches every markup token; group 1 of a footnote marker
    holds the marker as typed. `keep` gives the text a token leaves in the plain text (none
    by default), `marker_value` the marker's value from its typed form, `ligatures` the
    ligature glyphs the golden text spells out."""

    def __init__(self, token: re.Pattern, keep: Callable[[re.Match], str] = lambda m: "",
                 marker_value: Callable[[str], str] = lambda raw: raw,
                 ligatures: dict[str, str] | None = None):
        self.token, self.keep, self.marker_value = token, keep, marker_value
        self.ligatures = ligatures or {}

    def plain(self, markup: str) -> str:
        """Markup tokens removed (or replaced by what they keep)."""
        return self.token.sub(self.keep, markup)

    def clean(self, markup: str) -> str:
        """The golden (contract) text of a spec string."""
        s = self.plain(markup)
        for lig, plain in self.ligatures.items():
            s = s.replace(lig, plain)
        return re.sub(r"\s+", " ", s).strip()

    def raw_markers(self, markup: str) -> list[str]:
        """The footnote markers as typed, in order."""
        return [m.group(1) for m in self.token.finditer(markup) if m.group(1)]

    def markers(self, markup: str) -> list[str]:
        return [self.marker_value(r) for r in self.raw_markers(markup)]

    def anchor_of(self, markup: str, raw_marker: str) -> str:
        """The word a marker (as typed) sits on."""
        return anchor_word(self.plain(markup[:markup.index(f"[^{raw_marker}]")]))
