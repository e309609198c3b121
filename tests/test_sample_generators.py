"""The sample generators (scripts/) still make the committed ground truth.

Every tests/golden/<name>.json is rebuilt in memory from its sample's content spec
(scripts/samples/<name>.py) and must equal the file, parsed and to the byte; every sample
PDF has a spec module and back. No PDF is made: the specs and the golden writer import with
the project's own dependencies, reportlab, fontTools and the external producers only in
the functions that render (checked below in an interpreter that cannot import them).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
SAMPLE_PDFS = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

sys.path.insert(0, str(SCRIPTS))  # the generators are scripts, not an installed package

import samples as sample_specs  # noqa: E402  (scripts/samples/, not the PDF folder)
from samplekit.golden import golden, golden_text  # noqa: E402

SPEC_MODULES = sorted(info.name for info in pkgutil.iter_modules(sample_specs.__path__))
SAMPLE_NAMES = sorted(p.stem for p in SAMPLE_PDFS.glob("*.pdf"))
RENDERING_PACKAGES = ("reportlab", "fontTools")


def module_of(sample: str) -> str:
    """scripts/samples/ module of a sample: its name with "_" for "-"."""
    return sample.replace("-", "_")


def test_every_sample_pdf_has_a_spec_module_and_back():
    pdfs = {module_of(name) for name in SAMPLE_NAMES}
    modules = set(SPEC_MODULES)
    assert pdfs == modules, (f"PDFs without a spec module: {sorted(pdfs - modules)}; "
                             f"spec modules without a PDF: {sorted(modules - pdfs)}")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_golden_follows_from_spec(name):
    spec = importlib.import_module(f"samples.{module_of(name)}").SAMPLE
    assert spec.name == name
    rebuilt = golden(spec)
    committed = (GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    assert rebuilt == json.loads(committed)
    assert golden_text(rebuilt) == committed


def test_specs_import_without_rendering_packages():
    blocker = f"""
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {RENDERING_PACKAGES!r}:
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
sys.path.insert(0, {str(SCRIPTS)!r})
import samplekit.golden
for module in {SPEC_MODULES!r}:
    importlib.import_module("samples." + module)
"""
    r = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
