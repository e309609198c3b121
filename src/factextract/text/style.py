"""How a block is set, measured against the document's body text: heading style, capitals.

Headings are told by style before anything reads their words: bold, larger than the body,
or in capitals. The body size is the document's own (``Layout.body_size``).
"""

from __future__ import annotations

from ..model import Block

# A block set this much larger than the body text is heading-styled even when not bold.
HEADING_SIZE_RATIO = 1.15
# Text in capitals has at least this many letters, all upper case ("UE" is an acronym).
MIN_CAPITALS_LETTERS = 4


def in_capitals(text: str) -> bool:
    """Set in capitals: at least MIN_CAPITALS_LETTERS letters, every one upper case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= MIN_CAPITALS_LETTERS and all(ch.isupper() for ch in letters)


def is_large(block: Block, body_size: float) -> bool:
    """The block's first line is set HEADING_SIZE_RATIO times the body size or larger."""
    return block.lines[0].size >= body_size * HEADING_SIZE_RATIO


def is_heading_styled(block: Block, body_size: float, body_bold: bool = False) -> bool:
    """Bold throughout (unless the body is bold too), larger than the body throughout, or in
    capitals at body size or more."""
    if not body_bold and all(ln.bold for ln in block.lines):
        return True
    if all(ln.size >= body_size * HEADING_SIZE_RATIO for ln in block.lines):
        return True
    return in_capitals(block.text) and block.lines[0].size >= body_size
