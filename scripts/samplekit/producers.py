"""Running the two external producers: Chromium (HTML -> PDF) and LibreOffice Writer
(flat OpenDocument -> PDF), and making LibreOffice's PDF bytes stable.

Chromium's /CreationDate and /ModDate are the time of printing and are left alone.
LibreOffice writes the export time into the PDF (/CreationDate in the Info dictionary, the
trailer /ID derived from it, and LibreOffice's own /DocChecksum); `fix_metadata` overwrites
those bytes in place with fixed values of the same length (so the cross-reference offsets
stay valid): the date becomes FIXED_PDF_DATE, the /ID an MD5 of the sample name, the
checksum an MD5 of the file with the checksum blanked.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# --------------------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--no-pdf-header-footer",
]


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("chromium not found: apt-get install -y chromium")
    return exe


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="fx-chromium-profile-") as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"chromium failed ({r.returncode}): {r.stderr[-2000:]}")


# --------------------------------------------------------------------------------------
# LibreOffice
# --------------------------------------------------------------------------------------

FIXED_PDF_DATE = "20230115120000"          # written over LibreOffice's export time
FIXED_ODF_DATE = "2023-01-15T12:00:00"

# The namespace declarations of a flat OpenDocument text (.fodt) root element.
ODF_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}.items())


def soffice() -> str:
    exe = os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    return exe


def convert(fodt: Path, outdir: Path, profile: Path) -> Path:
    cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir),
           str(fodt)]
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", SAL_USE_VCLPLUGIN="svp")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    pdf = outdir / (fodt.stem + ".pdf")
    if r.returncode or not pdf.exists():
        sys.exit(f"soffice failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return pdf


def fix_metadata(data: bytes, name: str) -> bytes:
    """Overwrite LibreOffice's export time and the /ID derived from it, keeping lengths."""
    def date(m: re.Match) -> bytes:
        return m.group(1) + FIXED_PDF_DATE.encode() + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))", date, data)
    digest = hashlib.md5(name.encode()).hexdigest().upper().encode()

    def ident(m: re.Match) -> bytes:
        return m.group(1) + digest + m.group(2) + digest + m.group(3)
    data = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>\s*\])", ident, data)
    # LibreOffice's own trailer key: a checksum over content that includes the export time.
    blank = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + b"0" * 32, data)
    stable = hashlib.md5(blank).hexdigest().upper().encode()
    data = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + stable, data)
    # XMP metadata (only written for PDF/A or when asked) carries the same dates.
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)",
                  lambda m: m.group(1) + FIXED_ODF_DATE.encode(), data)
    return data
