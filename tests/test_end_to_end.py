"""The whole CLI on real files: the samples among bad inputs, and real-world PDFs by others."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import GOLDEN, REALWORLD, ROOT, SAMPLES, sample_names
from factextract import load
from factextract.cli import main


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One run over the samples plus an empty file, a text file named .pdf and an encrypted PDF."""
    folder = tmp_path_factory.mktemp("inputs")
    for pdf in SAMPLES.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("Ceci n'est pas un PDF.\n", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "data" / "encrypted.pdf", folder / "encrypted.pdf")
    out = tmp_path_factory.mktemp("out")
    status = main(["run", str(folder), "--out", str(out), "--no-progress", "--jobs", "2"])
    return status, out


def test_bad_files_get_error_rows_and_exit_1(mixed_run):
    status, out = mixed_run
    assert status == 1
    docs = load(out)["documents"].set_index("source_path")
    by_name = {Path(p).name: row for p, row in docs.iterrows()}
    assert set(by_name) == {f"{n}.pdf" for n in sample_names()} | {"empty.pdf", "notes.pdf", "encrypted.pdf"}
    for name in sample_names():
        assert by_name[f"{name}.pdf"]["status"] == "ok"
    for name, words in [("empty.pdf", "empty file"), ("notes.pdf", "not a PDF"), ("encrypted.pdf", "encrypted")]:
        row = by_name[name]
        assert row["status"] == "error" and words in row["error"] and "\n" not in row["error"]


def test_nothing_of_the_good_files_is_lost(mixed_run):
    _, out = mixed_run
    tables = load(out)
    want = sum(len(json.loads((GOLDEN / f"{n}.json").read_text(encoding="utf-8"))["items"]) for n in sample_names())
    assert len(tables["items"]) == want
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status_counts"] == {"ok": len(sample_names()), "partial": 0, "no_text": 0, "error": 3}
    for table in manifest["row_counts"]:
        assert (out / f"{table}.csv").exists() and (out / f"{table}.parquet").exists()


def test_a_rerun_is_incremental_and_gives_the_same_tables(mixed_run, tmp_path):
    _, out = mixed_run
    before = {t: f.reset_index(drop=True) for t, f in load(out).items()}
    folder = Path(load(out)["documents"]["source_path"].iloc[0]).parent
    status = main(["run", str(folder), "--out", str(out), "--no-progress", "--jobs", "1"])
    assert status == 1
    after = load(out)
    for table, frame in before.items():
        assert frame.equals(after[table].reset_index(drop=True)), table


# A representative part of ../shared/realworld: encrypted, broken, fuzzed, zero-page, scanned,
# a decompression bomb, odd fonts, rotated and non-Latin pages, and a French form.
REALWORLD_PART = [
    "pdfplumber__empty.pdf", "pdfplumber__password-example.pdf", "pypdf__r6-empty-password.pdf",
    "pdf.js__bug1782186.pdf", "pdf.js__issue7665.pdf", "pdf.js__operator_list_cycle.pdf",
    "pdf.js__PDFBOX-3148-2-fuzzed.pdf", "pdf.js__poppler-85140-0.pdf", "pdf.js__Pages-tree-refs.pdf",
    "pdfplumber__issue-297-example.pdf", "pdfplumber__issue-203-decimalize.pdf", "pdf.js__bomb_giant.pdf",
    "pdf.js__ContentStreamCycleType3insideType3.pdf", "pdf.js__TrueType_without_cmap.pdf",
    "pdf.js__french_diacritics.pdf", "sample-files__habibi-rotated.pdf", "pdf.js__vertical.pdf",
    "pdfminer.six__zen_of_python_corrupted.pdf", "pdf.js__xref_command_missing.pdf", "pdf.js__160F-2019.pdf",
]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not beside this clone "
                                                   "(only the team's workspace has it)")
def test_realworld_pdfs_each_get_one_row_with_a_clear_status(tmp_path):
    files = [REALWORLD / name for name in REALWORLD_PART if (REALWORLD / name).exists()]
    assert len(files) >= 15
    out = tmp_path / "out"
    status = main(["run", *map(str, files), "--out", str(out), "--no-progress", "--jobs", "2", "--timeout", "120"])
    assert status in (0, 1)
    docs = load(out)["documents"]
    assert sorted(Path(p).name for p in docs["source_path"]) == sorted(f.name for f in files)
    assert set(docs["status"]) <= {"ok", "partial", "no_text", "error"}
    for _, row in docs[docs["status"] == "error"].iterrows():
        message = row["error"]
        assert message and "\n" not in message and "Traceback" not in message
        assert "unexpected failure" not in message and "internal error" not in message, message
    assert (status == 1) == docs["status"].isin(["error", "partial"]).any()


def test_evaluate_scores_every_sample_against_its_ground_truth(mixed_run, capsys):
    """The issue's bar: item F1 1.0, exact text >= 0.95, kinds, dates and footnotes exact."""
    from factextract.evaluate import evaluate, format_table

    _, out = mixed_run
    scores = evaluate(GOLDEN, out)
    table = format_table(scores)
    for score in scores:
        s = score.scores
        assert s["item_f1"] == 1.0 and s["exact_text"] >= 0.95, table + "\n" + "\n".join(score.problems)
        for metric in ("section_kind", "date", "footnote_recall", "parent", "reading_order", "sections", "fields"):
            assert s[metric] == 1.0, f"{score.name} {metric}\n{table}\n" + "\n".join(score.problems)
    assert main(["evaluate", "--truth", str(GOLDEN), "--pred", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "item_F1" in printed and all(name in printed for name in sample_names())


def test_evaluate_fail_under_gates_on_the_overall_score(mixed_run, tmp_path, capsys):
    _, out = mixed_run
    truth = tmp_path / "truth"
    shutil.copytree(GOLDEN, truth)
    # One sample's truth with an item the run cannot have: its item F1, and the mean, drop below 1.
    first = sorted(truth.glob("*.json"))[0]
    data = json.loads(first.read_text(encoding="utf-8"))
    data["items"].append({**data["items"][-1], "n": len(data["items"]) + 1,
                          "text": "An item no sample prints, so no run finds it"})
    first.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    argv = ["evaluate", "--truth", str(truth), "--pred", str(out)]
    assert main([*argv, "--fail-under", "0.5"]) == 0
    capsys.readouterr()
    assert main([*argv, "--fail-under", "1"]) == 1
    err = capsys.readouterr().err
    assert "item_f1 0.9" in err and "under 1 (--fail-under): failing" in err
    assert main([*argv, "--fail-under", "1", "--metric", "section_kind"]) == 0
    assert main(["evaluate", "--truth", str(GOLDEN), "--pred", str(out), "--fail-under", "1"]) == 0


@pytest.mark.parametrize("bar", ["1.5", "-0.1", "high"])
def test_evaluate_fail_under_refuses_what_is_not_a_score(tmp_path, capsys, bar):
    assert main(["evaluate", "--truth", str(tmp_path), "--pred", str(tmp_path), "--fail-under", bar]) == 2
    assert "score from 0 to 1" in capsys.readouterr().err


def test_keys_across_countries_on_the_samples(mixed_run):
    """Every sample's country gets its ISO code; an activities section whose heading prints one
    year gets it as ``year``; OIM and IOM, wherever found, get one entity id."""
    _, out = mixed_run
    tables_ = load(out)
    docs = tables_["documents"]
    ok = docs[docs["status"] == "ok"]
    assert ok["country_iso3"].notna().all() and ok["country_iso3"].str.fullmatch(r"[A-Z]{3}").all()
    for _, section in tables_["sections"][tables_["sections"]["kind"] == "activities"].iterrows():
        years = set(re.findall(r"\b(?:19|20)\d\d\b", section["heading"] or ""))
        if len(years) == 1 and not re.search(r"\d\s*[-–/]\s*\d", section["heading"]):
            assert section["year"] == int(years.pop()), section["heading"]
    iom = tables_["entities"][tables_["entities"]["text"].isin(["OIM", "IOM"])]
    assert set(iom["entity_id"]) <= {"iom"}


def test_the_output_folder_is_a_valid_data_package(mixed_run):
    """``frictionless validate`` passes: every CSV against its schema, every Parquet file by
    size and SHA-256."""
    frictionless = pytest.importorskip("frictionless", reason="frictionless is a test extra: pip install -e .[test]")
    _, out = mixed_run
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:20]
    assert len(report.tasks) == 14


def test_activities_per_country_per_year_is_one_line_of_sql(mixed_run):
    duckdb = pytest.importorskip("duckdb")
    _, out = mixed_run
    # The README's line
    with duckdb.connect(str(out / "factextract.duckdb"), read_only=True) as db:
        per_year = db.execute("SELECT country_iso3, year(date_start) AS year, count(*) AS activities "
                              "FROM activities GROUP BY ALL ORDER BY ALL").fetchall()
    items = load(out)["items"]
    assert sum(n for _, _, n in per_year) == items["date_edtf"].notna().sum()
    assert {code for code, _, _ in per_year} == set(load(out)["documents"]["country_iso3"].dropna())


def test_a_draft_truth_is_the_run_as_a_golden_file_and_refused_until_checked(mixed_run, tmp_path, capsys):
    _, out = mixed_run
    drafts = tmp_path / "drafts"
    name = sample_names()[0]
    assert main(["draft-truth", "--pred", str(out), "--out", str(drafts), name]) == 0
    draft = json.loads((drafts / f"{name}.json").read_text(encoding="utf-8"))
    golden = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert "not by a person" in draft.pop("draft")
    # The samples score 1.0, so their draft is their golden file but for who made the PDF.
    assert {**draft, "producer": golden["producer"]} == golden
    # refused while it says it is a draft: by evaluate, and by the tests' reader
    capsys.readouterr()
    assert main(["evaluate", "--truth", str(drafts), "--pred", str(out)]) == 2
    assert "a draft ground truth, not yet checked by a person" in capsys.readouterr().err
    # a person's file is never overwritten; a name the run lacks is named
    assert main(["draft-truth", "--pred", str(out), "--out", str(drafts), name]) == 2
    assert "never overwritten" in capsys.readouterr().err
    assert main(["draft-truth", "--pred", str(out), "--out", str(drafts), "no-such-file"]) == 2
    assert "no ok document named no-such-file.pdf" in capsys.readouterr().err


def test_an_item_box_holds_the_item_words_on_its_page(mixed_run):
    """Checked with pdfplumber itself: the words inside an item's box (on ``page``) begin with
    the item's first word and hold most of its words; ``last_page`` is at least ``page``."""
    import pdfplumber

    _, out = mixed_run
    tables_ = load(out)
    docs = tables_["documents"]
    checked = 0
    for _, doc in docs[docs["status"] == "ok"].iterrows():
        items = tables_["items"][tables_["items"]["doc_id"] == doc["doc_id"]]
        with pdfplumber.open(doc["source_path"]) as pdf:
            for _, item in items.iterrows():
                assert item["last_page"] >= item["page"]
                page = pdf.pages[int(item["page"]) - 1]
                slack = 1.0
                box = (max(item["x0"] - slack, 0), max(item["top"] - slack, 0),
                       min(item["x1"] + slack, page.width), min(item["bottom"] + slack, page.height))
                inside = " ".join(w["text"] for w in page.crop(box).extract_words())
                words = re.findall(r"\w{4,}", item["text"].split(" | ")[0])
                if not words:
                    continue
                found = [w for w in words if w in inside]
                assert words[0] in inside or len(found) >= 0.8 * len(words), (doc["source_path"], item["text"], inside)
                checked += 1
    assert checked > 200


@pytest.mark.parametrize("table, column", [("sections", "heading"), ("footnotes", "text"), ("entities", "text")])
def test_section_note_and_entity_boxes_hold_their_words_on_their_page(mixed_run, table, column):
    """Checked with pdfplumber itself: the first word (three letters or more) of a section's
    heading, a note or an entity is among the words pdfplumber finds wholly inside its box."""
    import pdfplumber

    _, out = mixed_run
    tables_ = load(out)
    paths = tables_["documents"].set_index("doc_id")["source_path"]
    rows = tables_[table].dropna(subset=["x0", column])
    assert len(rows) > 0
    checked = missed = 0
    for doc_id, of_doc in rows.groupby("doc_id"):
        with pdfplumber.open(paths[doc_id]) as pdf:
            for _, row in of_doc.iterrows():
                words = re.findall(r"\w{3,}", row[column])
                if not words:
                    continue
                page = pdf.pages[int(row["page"]) - 1]
                slack = 2.0
                box = (max(row["x0"] - slack, 0), max(row["top"] - slack, 0),
                       min(row["x1"] + slack, page.width), min(row["bottom"] + slack, page.height))
                inside = page.within_bbox(box).extract_text() or ""
                checked += 1
                missed += words[0] not in inside
    assert checked > 20
    assert missed <= 0.02 * checked, f"{missed} of {checked} {table} boxes do not hold their first word"
