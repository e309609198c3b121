"""Symbol fonts for the samples: small TrueType fonts built from DejaVu Sans glyphs.

Needs fontTools (the `samples` extra). The files are rebuilt on every run, deterministically.
"""
from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont as FTFont

from samplekit.paths import DEJAVU

FIXED_TIMESTAMP = 0x7C25B080  # 2019-01-01 in the TrueType epoch (1904); keeps files stable


def build_symbol_font(path: Path, family: str, style: str, psname: str,
                      mapping: dict[int, int]) -> None:
    """A small TrueType font whose cmap sends ordinary codes to DejaVuSans symbol glyphs."""
    src = FTFont(str(DEJAVU / "DejaVuSans.ttf"))
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
