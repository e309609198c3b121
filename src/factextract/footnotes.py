"""Footnote blocks -> footnotes (marker, term, expansion).

``1 MIEUX+ - L’initiative conjointe UE-ICMPD ...`` gives marker ``1``, term ``MIEUX+`` and
the expansion after the separator. A line that starts with a marker starts a new note;
other lines continue the note above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .glyphs import rules
from .model import Block, Footnote, Line
from .text import is_marker_text, join_lines

# "1 ", "12", "¹", "*", "[1]": the marker at the start of a footnote line.
_MARKER = re.compile(r"^\s*(?:\[(\d{1,2})\]|(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}))\s*(?=\S)")
# Between an acronym and its expansion: a spaced dash, a colon, or an equals sign.
_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*:\s+|\s+=\s+|\s*[–—]\s*")
# An acronym is short: at most this many words before the separator.
MAX_TERM_WORDS = 6


def parse_footnotes(blocks: Sequence[Block], language: str) -> tuple[Footnote, ...]:
    notes: list[tuple[str, list[str], int]] = []
    for block in blocks:
        for line in block.lines:
            marker, rest = _split_marker(line)
            if marker is not None:
                notes.append((marker, [rest], line.page))
            elif notes:
                notes[-1][1].append(line.text)
    out = []
    for marker, pieces, page in notes:
        text = join_lines(pieces, language)
        term, expansion = split_term(text)
        out.append(Footnote(marker=marker, text=text, term=term, expansion=expansion, page=page))
    return tuple(out)


def _split_marker(line: Line) -> tuple[str | None, str]:
    if line.spans and line.spans[0].superscript and is_marker_text(line.spans[0].text, ""):
        return line.spans[0].text.strip(), "".join(s.text for s in line.spans[1:]).strip()
    m = _MARKER.match(line.text)
    if not m:
        return None, line.text
    sup = rules().superscripts
    marker = "".join(sup.get(ch, ch) for ch in (m.group(1) or m.group(2)))
    return marker, line.text[m.end():].strip()


def split_term(text: str) -> tuple[str | None, str | None]:
    """``"OFII - Office Français ..."`` -> ``("OFII", "Office Français ...")``."""
    m = _SEPARATOR.search(text)
    if not m:
        return None, None
    term, expansion = text[: m.start()].strip(), text[m.end():].strip()
    if not term or not expansion or len(term.split()) > MAX_TERM_WORDS:
        return None, None
    return term, expansion
