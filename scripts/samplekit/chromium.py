"""Printing sample sheets with Debian's Chromium (HTML -> PDF, `apt-get install -y
chromium`), the HTML pieces several sheets share, and the checks of boxed Chromium sheets.

Fonts are loaded with @font-face from file:// URLs (no network). The PDF bytes depend only
on the HTML, the fonts and the Chromium build, EXCEPT /CreationDate and /ModDate in the Info
dictionary, which Chromium sets to the time of printing (left as they are).

Quirks of Chromium's text layer (build 156), which the goldens deliberately ignore: a soft
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

from samplekit.checks import PageCheck
from samplekit.fonts import symbol_font
from samplekit.markup import SUPERSCRIPT_DIGITS, TOKEN
from samplekit.paths import DEJAVU, LIBERATION
from samplekit.spec import Footnote, It, Sample, Sec

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


def font_face(family: str, weight: int, path: Path, style: str | None = None,
              display: str | None = None) -> str:
    """An @font-face rule loading a TrueType file."""
    return (f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
            + (f"font-style: {style}; " if style else "")
            + (f"font-display: {display}; " if display else "")
            + f'src: url("file://{path}") format("truetype"); }}')


# The faces of the first two Chromium sheets, loaded before the first paint.
DEJAVU_FACES = "\n".join(
    font_face(family, weight, DEJAVU / file, style="normal", display="block")
    for family, weight, file in [
        ("FxSans", 400, "DejaVuSansCondensed.ttf"),
        ("FxSans", 700, "DejaVuSansCondensed-Bold.ttf"),
        ("FxSerif", 400, "DejaVuSerif.ttf"),
        ("FxSerif", 700, "DejaVuSerif-Bold.ttf"),
        ("FxHead", 400, "DejaVuSans.ttf"),
        ("FxHead", 700, "DejaVuSans-Bold.ttf"),
    ])


def word_faces() -> str:
    """The fonts of a Word user (Arial, Times New Roman, Courier New: Liberation 1.07) and
    Word's Wingdings bullets (scripts/fonts/, built on first use)."""
    return "\n".join(font_face(family, weight, path) for family, weight, path in [
        ("FxArial", 400, LIBERATION / "LiberationSans-Regular.ttf"),
        ("FxArial", 700, LIBERATION / "LiberationSans-Bold.ttf"),
        ("FxTimes", 400, LIBERATION / "LiberationSerif-Regular.ttf"),
        ("FxTimes", 700, LIBERATION / "LiberationSerif-Bold.ttf"),
        ("FxMono", 400, LIBERATION / "LiberationMono-Regular.ttf"),
        ("FxWing", 400, symbol_font("Wingdings-Regular-variants.ttf"))])


# Liberation Sans (regular, bold, italic) and DejaVu Sans for the symbols it lacks.
SANS_FACES = "\n".join(font_face(family, weight, path, style=style)
                        for family, weight, style, path in [
    ("FxSans", 400, "normal", LIBERATION / "LiberationSans-Regular.ttf"),
    ("FxSans", 700, "normal", LIBERATION / "LiberationSans-Bold.ttf"),
    ("FxSans", 400, "italic", LIBERATION / "LiberationSans-Italic.ttf"),
    ("FxDejaVu", 400, "normal", DEJAVU / "DejaVuSans.ttf")])


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def sup(marker: str) -> str:
    """A footnote marker printed raised."""
    return f'<sup class="fn">{marker}</sup>'


def to_html(markup: str) -> str:
    """Spec string -> HTML fragment: markers raised (a Unicode superscript digit printed as
    typed), {shy} a soft hyphen, {^er} raised letters, \\n a line break."""
    out, pos = [], 0
    for m in TOKEN.finditer(markup):
        out.append(esc(markup[pos:m.start()]))
        if m.group(1):
            out.append(sup(m.group(1)) if m.group(1).isascii() else m.group(1))
        elif m.group(2) == "shy":
            out.append("&shy;")
        elif m.group(3):
            out.append(f"<sup>{m.group(3)}</sup>")
        else:
            raise ValueError(f"Chromium sheets take {{shy}} breaks only: {m.group(0)!r}")
        pos = m.end()
    out.append(esc(markup[pos:]))
    return "".join(out).replace("\n", "<br>")


def note_html(f: Footnote, mark: str | None = None) -> str:
    """A note as printed: its marker (raised, unless `mark` is given), a space, then term,
    separator and expansion."""
    return f"{mark or sup(f.marker)} {esc(f.term + f.sep + f.expansion)}"


def unicode_superscript(marker: str) -> str:
    """A marker written with Unicode superscript digits ("1" -> "¹")."""
    digit = {v: k for k, v in SUPERSCRIPT_DIGITS.items()}
    return "".join(digit[ch] for ch in marker)


def head_lines(sec: Sec) -> str:
    """A section's heading and its subheadings (classes sub1, sub2, …)."""
    out = [f"<h2>{esc(sec.heading)}</h2>"]
    out += [f'<p class="sub{i}">{esc(sub)}</p>' for i, sub in enumerate(sec.subheadings, 1)]
    return "\n".join(out)


def events_html(items: list[It], cls: str) -> str:
    """Events: a bold title, then nested bullets."""
    out = [f'<ul class="{cls}">']
    for it in items:
        out.append(f'<li><span class="title">{to_html(it.text)}</span>')
        if it.children:
            out.append('<ul class="sub">')
            out += [f"<li>{to_html(ch.text)}</li>" for ch in it.children]
            out.append("</ul>")
        out.append("</li>")
    out.append("</ul>")
    return "\n".join(out)


def simple_list(items: list[It], cls: str) -> str:
    assert all(not it.children for it in items)
    return (f'<ul class="{cls}">' + "".join(f"<li>{to_html(it.text)}</li>" for it in items)
            + "</ul>")


# --------------------------------------------------------------------------------------
# Checks of boxed Chromium sheets
# --------------------------------------------------------------------------------------

EDGE_X, EDGE_TOP, EDGE_BOTTOM = 20, 8, 18   # no glyph nearer the page edge (points)
BOX_MIN = 40              # a filled rectangle this large each way is a box
DECORATION_AREA = 10000   # a smaller filled shape inside a box is a decoration (a flag)
BODY_SIZE = 7.2           # glyphs larger than this are body text and sit inside a box
SMALL = 0.8               # a marker is smaller than this share of the glyph it is glued to


def boxed_pages(s: Sample, pdf) -> list[str]:
    """No glyph near the page edge; boxes (filled backgrounds) do not overlap, except a
    small decoration inside a box; body text sits inside a box."""
    problems: list[str] = []
    for n, page in enumerate(pdf.pages, 1):
        for c in page.chars:
            if c["text"].strip() and (c["x0"] < EDGE_X or c["x1"] > page.width - EDGE_X
                                      or c["top"] < EDGE_TOP
                                      or c["bottom"] > page.height - EDGE_BOTTOM):
                problems.append(f"p{n}: char off the page {c['text']!r} "
                                f"({c['x0']:.0f},{c['top']:.0f})")
        boxes = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.rects + page.curves
                 if o.get("fill") and o["x1"] - o["x0"] > BOX_MIN
                 and o["bottom"] - o["top"] > BOX_MIN]

        def area(a):
            return (a[2] - a[0]) * (a[3] - a[1])

        def inside(a, b, tol=0.5):
            return (a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol
                    and a[3] <= b[3] + tol)

        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                        and not (inside(a, b) and area(a) < DECORATION_AREA)
                        and not (inside(b, a) and area(b) < DECORATION_AREA)):
                    problems.append(f"p{n}: boxes overlap {a} / {b}")
        for c in page.chars:
            cb = (c["x0"], c["top"], c["x1"], c["bottom"])
            if c["text"].strip() and c["size"] > BODY_SIZE and not any(inside(cb, b, 1)
                                                                      for b in boxes):
                problems.append(f"p{n}: {c['text']!r} at ({c['x0']:.0f},{c['top']:.0f}) "
                                "outside every box")
    return problems


def raised_digits(notes_raised: bool) -> PageCheck:
    """A check: every small digit is raised above the glyph it is glued to (the one before
    on its line, else the one after: a marker that opens a note), and there are as many as
    the spec has <sup> markers (plus one per note when the notes' markers are raised)."""

    def check(s: Sample, pdf) -> list[str]:
        problems: list[str] = []
        n_small = 0
        for n, page in enumerate(pdf.pages, 1):
            chars = page.chars
            for i, c in enumerate(chars):
                if c["text"] not in "0123456789":
                    continue
                glued = chars[i - 1] if i > 0 else None
                if glued is None or abs(glued["x1"] - c["x0"]) > 1.5:
                    glued = chars[i + 1]
                if c["size"] < SMALL * glued["size"]:
                    n_small += 1
                    if not c["bottom"] < glued["bottom"] - 1:
                        problems.append(f"p{n}: small digit {c['text']!r} not raised")
        n_sup = sum(1 for p in s.placed() for m in TOKEN.finditer(p.item.text)
                    if m.group(1) and m.group(1).isascii())
        if notes_raised:
            n_sup += len(s.footnotes)
        if n_small != n_sup:
            problems.append(f"{n_small} small digits printed, {n_sup} <sup> markers in spec")
        return problems

    return check
