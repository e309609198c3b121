"""Where the generators read fonts and, by default, write samples and ground truth."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES_DIR = ROOT / "samples"
GOLDEN_DIR = ROOT / "tests" / "golden"
FONT_DIR = ROOT / "scripts" / "fonts"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
