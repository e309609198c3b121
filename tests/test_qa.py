"""qa.py: the QA pages (``factextract inspect``), by hand-built parts, on samples, and in a real
headless browser where one is installed."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builders import chars, page
from conftest import SAMPLES, SHARED
from factextract.cli import main
from factextract.model import BBox, Placed
from factextract.qa import INDEX, parts, uncovered_runs

# The samples the page tests inspect: one page with a timeline and notes, and three pages.
INSPECTED = ("cameroun-fr", "reportlab-gabon-fr-3p")
# How long a headless browser may take to load and draw one page (seconds).
BROWSER_TIMEOUT_S = 120


@pytest.mark.parametrize("lines, expected", [
    # one column: one box around every line
    ([(1, BBox(10, 100, 90, 110)), (1, BBox(10, 112, 60, 122))], [(1, BBox(10, 100, 90, 122))]),
    # on into the next column (the text moves up): two boxes
    ([(1, BBox(10, 700, 90, 710)), (1, BBox(300, 60, 380, 70))],
     [(1, BBox(10, 700, 90, 710)), (1, BBox(300, 60, 380, 70))]),
    # on onto the next page: a box on each
    ([(1, BBox(10, 700, 90, 710)), (2, BBox(10, 60, 90, 70))],
     [(1, BBox(10, 700, 90, 710)), (2, BBox(10, 60, 90, 70))]),
])
def test_an_items_lines_make_a_box_per_column_and_page(lines, expected):
    assert parts([Placed(n, box) for n, box in lines]) == expected


def test_text_no_box_holds_is_greyed_in_runs_per_line():
    covered_words = chars("Programme MIEUX", 100, 200)
    page_number = chars("Page 1", 280, 820)
    heading_far = chars("Notes", 100, 400) + chars("Annexe", 400, 400)  # two runs: a gap of 30 em
    pg = page(covered_words, page_number, heading_far)
    covered = {1: [BBox(99, 190, 180, 202)]}
    runs = uncovered_runs([pg], covered)[1]
    assert len(runs) == 3
    assert runs[0] == BBox(280, 812, 280 + 6 * 5, 822)  # "Page 1", the space inside it included
    assert all(not (r.top < 202 and r.bottom > 190) for r in runs)  # nothing of the covered line


@pytest.fixture(scope="module")
def inspected(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("qa")
    assert main(["inspect", *(str(SAMPLES / f"{name}.pdf") for name in INSPECTED), "--out", str(out)]) == 0
    return out


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.html") if p.name != INDEX)


def test_inspect_writes_a_page_per_document_and_an_index_with_the_timeline(inspected):
    pages = _pages(inspected)
    assert [p.name.rsplit("-", 1)[0] for p in pages] == list(INSPECTED)
    index = (inspected / INDEX).read_text(encoding="utf-8")
    assert all(f'href="{p.name}"' in index for p in pages)
    assert "<svg" in index and "Dated items per country" in index


def test_every_item_has_its_box_and_row_and_every_page_its_image(inspected):
    from factextract import extract

    for name, path in zip(INSPECTED, _pages(inspected)):
        html = path.read_text(encoding="utf-8")
        sheet = extract(SAMPLES / f"{name}.pdf")
        for item in sheet.items:
            n = item.item_id.rsplit(":", 1)[1]
            assert f'id="box-{n}"' in html and f'<tr data-item="{n}"' in html, (name, n)
        images = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', html)
        assert len(images) == sheet.page_count
        from PIL import Image

        first = Image.open(io.BytesIO(base64.b64decode(images[0])))
        assert first.size[0] > 500 and abs(first.size[1] / first.size[0] - 842 / 595) < 0.01


def test_a_page_needs_nothing_from_the_network(inspected):
    for path in [*_pages(inspected), inspected / INDEX]:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), path.name
        assert "<link" not in html and "<script src" not in html and "@import" not in html


def test_inspect_refuses_a_folder_without_pdfs(tmp_path, capsys):
    assert main(["inspect", str(tmp_path), "--out", str(tmp_path / "qa")]) == 2
    assert "no PDF files found" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_gets_a_page_saying_why(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot a pdf at all")
    out = tmp_path / "qa"
    assert main(["inspect", str(bad), "--out", str(out)]) == 0
    [page_file] = _pages(out)
    html = page_file.read_text(encoding="utf-8")
    assert "status error" in html and 'class="warn"' in html


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_browser() is None, reason="no headless browser: install Debian's chromium "
                    "(apt-get install chromium; .ci/run does so as root) to load the QA pages in one")
def test_a_real_browser_loads_the_page_with_every_box_and_image(inspected, tmp_path):
    """Chromium, headless, loads each page offline; the page's own check (run on load) finds a
    box for every row and every image loaded. Then a screenshot of the first page shows the page
    image and its coloured boxes (not a blank or an error page)."""
    from PIL import Image

    flags = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}"]
    for path in _pages(inspected):
        dom = subprocess.run([*flags, "--dump-dom", path.as_uri()], capture_output=True, text=True,
                             timeout=BROWSER_TIMEOUT_S, check=True).stdout
        found = dict(re.findall(r'data-qa-([a-z-]+)="(\d+)"', dom[:dom.find(">", dom.find("<html"))]))
        assert found, f"{path.name}: the page's check did not run in the browser"
        assert int(found["items"]) > 0 and found["boxes"] == found["items"], (path.name, found)
        assert int(found["images"]) > 0 and found["images-loaded"] == found["images"], (path.name, found)
    shot = tmp_path / "page.png"
    subprocess.run([*flags, "--window-size=1400,1000", f"--screenshot={shot}", _pages(inspected)[0].as_uri()],
                   capture_output=True, timeout=BROWSER_TIMEOUT_S, check=True)
    picture = Image.open(shot).convert("RGB")
    assert picture.size == (1400, 1000)
    colours = picture.resize((350, 250)).getcolors(maxcolors=350 * 250)
    assert len(colours) > 200, "the screenshot is (nearly) blank"
    # The activities' green (KIND_COLOURS) is drawn on the page image, somewhere.
    assert any(abs(r - 0x00) < 40 and abs(g - 0x9E) < 40 and abs(b - 0x73) < 40 for _, (r, g, b) in colours)


HANGING = SHARED / "reliability" / "hang-028-deflate_garbage-senegal-fr-2p.pdf"


@pytest.mark.skipif(not HANGING.exists(), reason=f"{HANGING} is not here (../shared is beside the repo only in CI "
                    "and the team's checkouts)")
def test_a_file_that_runs_out_of_time_gets_a_page_saying_so(tmp_path):
    out = tmp_path / "qa"
    assert main(["inspect", str(HANGING), "--out", str(out), "--timeout", "3"]) == 0
    [page_file] = _pages(out)
    html = page_file.read_text(encoding="utf-8")
    assert "timed out after 3 s" in html and "not drawn" in html
