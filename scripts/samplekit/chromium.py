"""Printing sample sheets with Debian's Chromium (HTML -> PDF, `apt-get install -y
chromium`), and the two HTML helpers its sheet (samplekit/chromium_sheet.py) uses.

Fonts are loaded with @font-face from file:// URLs (no network). The PDF bytes depend only
on the HTML, the fonts and the Chromium build, EXCEPT /CreationDate and /ModDate in the Info
dictionary, which Chromium sets to the time of printing (left as they are).

Quirks of Chromium's text layer (builds 150 and 156), which the goldens deliberately ignore: a soft
hyphen used at a line end gives a zero-width U+0020 glyph plus a U+2010 "‐" glyph; one NOT
used gives a zero-width U+0020; list markers disc/circle are vector curves and square is a
rectangle (no glyph at all); list-style-type strings and ::before content are real glyphs;
ligatures come out as ﬁ/ﬂ.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--no-pdf-header-footer",
]
PRINT_TIMEOUT = 180  # seconds


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("chromium not found: apt-get install -y chromium")
    return exe


def print_html(page: str, name: str, pdf_path: Path, work: Path) -> None:
    """Print an HTML page to a PDF. The page is written as <work>/<name>.html: Chromium puts
    that file name in the PDF's /Title when the page has no <title>."""
    html_path = work / f"{name}.html"
    html_path.write_text(page, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="fx-chromium-profile-") as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT)
    if r.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"chromium failed ({r.returncode}): {r.stderr[-2000:]}")


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------


def font_face(family: str, weight: int, path: Path) -> str:
    """An @font-face rule loading a TrueType file."""
    return f'@font-face {{ font-family: "{family}"; font-weight: {weight}; src: url("file://{path}") format("truetype"); }}'


def esc(s: str) -> str:
    return html.escape(s, quote=False)
