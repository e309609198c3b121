"""Symbol fonts for the samples: small TrueType fonts whose cmap sends ordinary codes to
DejaVu Sans symbol glyphs, so that the text layer says what a naive extractor prints ("9",
"§") while the reader sees the symbol (✔, ▪).

Needs fontTools (the `samples` extra). A file is rebuilt, deterministically, the first time
a run asks for it, so the files in scripts/fonts/ are always what this code makes.
"""
from __future__ import annotations

import functools
from pathlib import Path

from samplekit.paths import DEJAVU, FONT_DIR

FIXED_TIMESTAMP = 0x7C25B080  # 2019-01-01 in the TrueType epoch (1904); keeps files stable

# file: (family, style, PostScript name, {code point drawn: DejaVu Sans glyph})
SYMBOL_FONTS = {
    "Wingdings-Regular.ttf": ("Wingdings", "Regular", "Wingdings-Regular",
                              {0x39: 0x2714,    # '9' -> heavy check mark
                               0xFC: 0x2713,    # 'ü' -> check mark
                               0x6C: 0x25CF,    # 'l' -> black circle
                               0x6E: 0x25A0,    # 'n' -> black square
                               0xD8: 0x27A2}),  # 'Ø' -> arrowhead
    "ZapfDingbatsITC.ttf": ("ITC Zapf Dingbats", "Medium", "ZapfDingbatsITC",
                            {0x6C: 0x25CF,      # 'l' -> black circle
                             0x6E: 0x25A0,      # 'n' -> black square
                             0x75: 0x25C6,      # 'u' -> black diamond
                             0x34: 0x2714}),    # '4' -> heavy check mark
    "SymbolMT.ttf": ("Symbol", "Regular", "SymbolMT",
                     {0xB7: 0x2022,             # '·' -> bullet
                      0xDE: 0x21D2,             # 'Þ' -> double arrow right
                      0xAE: 0x2192}),           # '®' -> arrow right
    # Word's Wingdings bullets "§" (small square) and "Ø" (arrowhead): the same PostScript
    # name as Wingdings-Regular.ttf with other code points, hence a file of its own.
    "Wingdings-Regular-variants.ttf": ("Wingdings", "Regular", "Wingdings-Regular",
                                       {0xA7: 0x25AA, 0xD8: 0x27A2}),
    # An icon font as web and Canva designs embed them: its glyphs at private-use code points,
    # which mean nothing to an extractor.
    "IconFont-Solid.ttf": ("Icon Font Solid", "Regular", "IconFont-Solid",
                           {0xF00C: 0x2714,    # U+F00C -> heavy check mark
                            0xF111: 0x25CF,    # U+F111 -> black circle
                            0xF0DA: 0x25B6}),  # U+F0DA -> black right-pointing triangle
}


@functools.cache
def symbol_font(file: str) -> Path:
    """scripts/fonts/<file>, built from its SYMBOL_FONTS entry."""
    family, style, psname, mapping = SYMBOL_FONTS[file]
    path = FONT_DIR / file
    build_symbol_font(path, family, style, psname, mapping)
    return path


def build_symbol_font(path: Path, family: str, style: str, psname: str,
                      mapping: dict[int, int]) -> None:
    """A small TrueType font whose cmap sends ordinary codes to DejaVuSans symbol glyphs."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    src = TTFont(str(DEJAVU / "DejaVuSans.ttf"))
    src_cmap = src.getBestCmap()
    src_glyphs = src.getGlyphSet()
    hmtx = src["hmtx"]

    def copy(name: str):
        rec = DecomposingRecordingPen(src_glyphs)
        src_glyphs[name].draw(rec)
        pen = TTGlyphPen(None)
        rec.replay(pen)
        return pen.glyph()

    order = [".notdef", "space"]
    glyphs = {".notdef": TTGlyphPen(None).glyph(), "space": copy(src_cmap[0x20])}
    metrics = {".notdef": (1229, 0), "space": hmtx[src_cmap[0x20]]}
    cmap = {0x20: "space"}
    for code, uni in sorted(mapping.items()):
        gname = f"uni{uni:04X}"
        if gname not in glyphs:
            order.append(gname)
            glyphs[gname] = copy(src_cmap[uni])
            metrics[gname] = hmtx[src_cmap[uni]]
        cmap[code] = gname

    fb = FontBuilder(2048, isTTF=True)
    fb.setupHead(unitsPerEm=2048, created=FIXED_TIMESTAMP, modified=FIXED_TIMESTAMP)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=1901, descent=-483)
    fb.setupNameTable({
        "familyName": family,
        "styleName": style,
        "uniqueFontIdentifier": f"factextract-samples:{psname}",
        "fullName": f"{family} {style}",
        "psName": psname,
        "version": "Version 1.000",
        "copyright": "Test fixture for factextract. Glyphs copied from DejaVu Sans "
                     "(Bitstream Vera / DejaVu license). Not the typeface of that name.",
    })
    fb.setupOS2(sTypoAscender=1556, sTypoDescender=-492, sTypoLineGap=410,
                usWinAscent=1901, usWinDescent=483, fsType=0, achVendID="FXTR")
    fb.setupPost()
    fb.font.recalcTimestamp = False
    path.parent.mkdir(parents=True, exist_ok=True)
    fb.save(str(path))
