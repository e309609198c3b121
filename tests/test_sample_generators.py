"""The sample generator (scripts/) still makes the committed ground truth.

Every tests/golden/<name>.json is rebuilt in memory from its sample's spec file
(scripts/samplekit/samples/<name>.yaml) and must equal the file, parsed and to the byte;
every sample PDF has a spec file and back, and every spec names a layout the generator can
draw. No PDF is made: the specs and the golden writer load with the project's own
dependencies, reportlab, fontTools, Typst and the external producers only in the functions
that render (checked below in an interpreter that cannot import them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
SAMPLE_PDFS = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

sys.path.insert(0, str(SCRIPTS))  # the generator is a script folder, not an installed package

from samplekit import committed, specfile  # noqa: E402
from samplekit.golden import golden, golden_text  # noqa: E402

SPEC_NAMES = sorted(p.stem for p in specfile.spec_files())
SAMPLE_NAMES = sorted(p.stem for p in SAMPLE_PDFS.glob("*.pdf"))
RENDERING_PACKAGES = ("reportlab", "fontTools", "typst")


def test_every_sample_pdf_has_a_spec_file_and_back():
    pdfs, specs = set(SAMPLE_NAMES), set(SPEC_NAMES)
    assert pdfs == specs, (f"PDFs without a spec file: {sorted(pdfs - specs)}; "
                           f"spec files without a PDF: {sorted(specs - pdfs)}")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_golden_follows_from_spec(name):
    spec = specfile.load(specfile.SPEC_DIR / f"{name}.yaml")
    assert spec.sample.name == name
    rebuilt = golden(spec.sample)
    on_disk = (GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    assert rebuilt == json.loads(on_disk)
    assert golden_text(rebuilt) == on_disk


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_spec_file_round_trips(name):
    """What the spec file says is what dump writes back: the file format loses nothing."""
    path = specfile.SPEC_DIR / f"{name}.yaml"
    spec = specfile.load(path)
    again = specfile.load_text(specfile.dump(spec), path)
    assert again == spec


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_spec_names_a_layout_the_generator_draws(name):
    spec = specfile.load(specfile.SPEC_DIR / f"{name}.yaml")
    assert spec.layout["sheet"] in committed.SHEETS
    assert spec.renderer in committed.RENDERERS


@pytest.mark.parametrize("layout, message", [
    ({}, "names no renderer"),
    ({"renderer": "reportlab", "frames": {"nowhere": {"regions": []}}}, "sections the content does not have"),
])
def test_bad_spec_files_say_what_is_wrong(tmp_path, layout, message):
    good = specfile.load(specfile.SPEC_DIR / f"{SAMPLE_NAMES[0]}.yaml")
    text = specfile.dump(specfile.SampleSpec(good.sample, {"renderer": "reportlab"}))
    import yaml

    data = yaml.safe_load(text)
    data["layout"] = layout
    path = tmp_path / f"{SAMPLE_NAMES[0]}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        specfile.load(path)


def test_a_spec_must_be_named_as_its_file(tmp_path):
    path = specfile.SPEC_DIR / f"{SAMPLE_NAMES[0]}.yaml"
    moved = tmp_path / "elsewhere.yaml"
    moved.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ValueError, match="the file must be"):
        specfile.load(moved)


def test_specs_load_without_rendering_packages():
    blocker = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {RENDERING_PACKAGES!r}:
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
sys.path.insert(0, {str(SCRIPTS)!r})
from samplekit import committed, specfile
from samplekit.golden import golden
for spec in specfile.load_all():
    golden(spec.sample)
    committed.pdf_check(spec)
"""
    r = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
