"""cli.py: help and version, exit status, the run summary, parse-date's JSON lines.

``main(argv)`` is called in-process. ``run`` gets the fake pipeline of ``test_batch`` (through
``batch.run_batch``) and a fake ``tables`` module that records what it was asked to write.
"""

from __future__ import annotations

import functools
import json
import sys
import types
from pathlib import Path

import pytest

import factextract
from factextract import __version__, batch, cli
from factextract.cli import main

from test_batch import fake_process, make_files

COMMANDS = ("run", "prune-cache", "parse-date", "evaluate", "draft-truth", "inspect")


# ---------------------------------------------------------------------------------------------
# Help and version


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"factextract {__version__}"


def test_commands_are_the_documented_ones():
    parser = cli.build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a.choices, dict)]
    assert tuple(subparsers.choices) == COMMANDS


def test_help_shows_every_command_with_an_example(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out
        assert f"  factextract {command} " in out.split("Examples:", 1)[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_an_example(capsys, command):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"Example:\n  factextract {command} " in out


# ---------------------------------------------------------------------------------------------
# run


@pytest.fixture
def fake_tables(monkeypatch):
    """A stand-in for ``factextract.spool.RunTables`` that records its calls and writes one file."""
    written: dict = {}

    class RunTables:
        def __init__(self, out_dir):
            self.out_dir = out_dir
            self.sheets = {}

        def add(self, index, sheet):
            self.sheets[index] = sheet
            return sheet

        def write(self, *, inputs, started, finished, replace_all=False, package=None):
            written.update(sheets=[self.sheets[i] for i in sorted(self.sheets)], out_dir=self.out_dir,
                           inputs=inputs, started=started, finished=finished, package=package)
            (Path(self.out_dir) / "manifest.json").write_text("{}")
            return {}

        def abandon(self):
            pass

    module = types.ModuleType("factextract.spool")
    module.RunTables = RunTables
    monkeypatch.setitem(sys.modules, "factextract.spool", module)
    monkeypatch.setattr(factextract, "spool", module, raising=False)
    return written


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(
        batch, "run_batch", functools.partial(batch.run_batch, process=fake_process),
    )


def test_run_passes_the_package_metadata_on(tmp_path, fake_tables, fake_pipeline):
    make_files(tmp_path / "in", {"a.pdf": b"ok a"})
    meta = tmp_path / "package.json"
    meta.write_text('{"version": "2024.1", "licenses": [{"name": "CC-BY-4.0"}]}', encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--package", str(meta)]) == 0
    assert fake_tables["package"] == {"version": "2024.1", "licenses": [{"name": "CC-BY-4.0"}]}
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    assert fake_tables["package"] is None  # kept from the folder's datapackage.json by the writer


def test_run_all_ok_exits_0(tmp_path, capsys, fake_tables, fake_pipeline):
    paths = make_files(tmp_path / "in", {"a.pdf": b"ok a", "b.PDF": b"scan"})
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--jobs", "2"]) == 0
    assert fake_tables["out_dir"] == out and (out / "manifest.json").exists()
    assert fake_tables["inputs"] == [str(p) for p in paths]
    assert fake_tables["started"] <= fake_tables["finished"]
    assert fake_tables["started"].tzinfo is not None
    err = capsys.readouterr().err
    assert "Processed 2 files: 1 ok, 1 no_text, 0 error (0 from cache) in " in err
    assert f"; tables in {out}" in err


def test_run_with_an_error_writes_everything_and_exits_1(
    tmp_path, capsys, fake_tables, fake_pipeline,
):
    make_files(tmp_path / "in", {"a.pdf": b"ok a", "bad.pdf": b"raise", "c.pdf": b"ok c"})
    out = tmp_path / "out"
    argv = ["run", str(tmp_path / "in"), "--out", str(out), "--timeout", "5"]
    assert main(argv) == 1
    assert [s.status for s in fake_tables["sheets"]] == ["ok", "error", "ok"]
    err = capsys.readouterr().err
    assert "Processed 3 files: 2 ok, 0 no_text, 1 error (0 from cache)" in err
    assert f"  {tmp_path / 'in' / 'bad.pdf'}: internal error: TypeError: " in err

    assert main(argv) == 1  # the exception is retried, the good files come from the cache
    assert "(2 from cache)" in capsys.readouterr().err


def test_run_abort_on_error(tmp_path, capsys, fake_tables, fake_pipeline):
    make_files(tmp_path / "in", {"1.pdf": b"raise", "2.pdf": b"ok 2", "3.pdf": b"ok 3"})
    argv = ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1",
            "--abort-on-error", "--no-cache"]
    assert main(argv) == 1
    assert [s.status for s in fake_tables["sheets"]] == ["error"]
    err = capsys.readouterr().err
    assert "Processed 1 file: 0 ok, 0 no_text, 1 error in " in err
    assert "2 files not processed" in err
    assert not (tmp_path / "out" / ".cache").exists()


@pytest.mark.parametrize("argv, message", [
    pytest.param(["run", "{tmp}/missing.pdf", "--out", "{out}"], "Error: input not found: ",
                 id="missing-input"),
    pytest.param(["run", "{tmp}/empty", "--out", "{out}"], "Error: no PDF files found in ",
                 id="no-pdf-found"),
    pytest.param(["run", "{tmp}/in", "--out", "{tmp}/in/a.pdf"], "is a file", id="out-is-a-file"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--jobs", "0"], "--jobs: must be at least 1",
                 id="jobs-0"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--timeout", "-1"], "--timeout: must be",
                 id="negative-timeout"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--memory-mb", "lots"],
                 "expected a whole number", id="bad-memory"),
    pytest.param(["run", "{tmp}/in"], "--out", id="no-out"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--frobnicate"], "unrecognized arguments",
                 id="unknown-option"),
    pytest.param(["run", "--out", "{out}"], "INPUT", id="no-input"),
    pytest.param([], "usage: factextract", id="no-command"),
    pytest.param(["parse-date", "2021", "--lang", "de"], "invalid choice", id="bad-lang"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--package", "{tmp}/none.yaml"],
                 "--package {tmp}/none.yaml: cannot be read", id="package-missing"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--package", "{tmp}/in/a.pdf"],
                 "must be a mapping", id="package-not-a-mapping"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--package", "{tmp}/bad.yaml"],
                 "unknown package field(s) licence", id="package-unknown-field"),
    pytest.param(["run", "{tmp}/in", "--out", "{out}", "--package", "{tmp}/broken.yaml"],
                 "neither JSON nor YAML", id="package-broken"),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path, capsys, fake_tables, fake_pipeline,
                                                argv, message):
    make_files(tmp_path / "in", {"a.pdf": b"ok"})
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.yaml").write_text("licence: [{name: CC-BY-4.0}]\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("version: [1.0\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = [a.format(tmp=tmp_path, out=out) for a in argv]
    assert main(argv) == 2
    assert message.format(tmp=tmp_path) in capsys.readouterr().err
    assert not out.exists()
    assert fake_tables == {}
    assert not (tmp_path / "calls").exists()


# ---------------------------------------------------------------------------------------------
# parse-date

@pytest.mark.parametrize("argv, expected", [
    pytest.param(["Mai 2021", "--lang", "fr"], {
        "text": "Mai 2021", "start": "2021-05-01", "end": "2021-05-31", "precision": "month",
        "qualifier": "", "edtf": "2021-05"}, id="month-fr"),
    pytest.param(["Since August 2021", "--lang", "en"], {
        "text": "Since August 2021", "start": "2021-08-01", "end": None, "precision": "month",
        "qualifier": "since", "edtf": "2021-08/.."}, id="since-en"),
    pytest.param(["Domaine 5"], None, id="not-a-date"),
])
def test_parse_date_prints_one_json_line_per_text(capsys, argv, expected):
    assert main(["parse-date", *argv]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line) == expected


# Every example of CONTRACT.md's date table, with the language left for parse-date to decide.
CONTRACT_TABLE = [
    ("Mai 2021", "2021-05-01", "2021-05-31", "month", "", "2021-05"),
    ("2023", "2023-01-01", "2023-12-31", "year", "", "2023"),
    ("2017-2018", "2017-01-01", "2018-12-31", "year", "range", "2017/2018"),
    ("Depuis août 2021", "2021-08-01", None, "month", "since", "2021-08/.."),
    ("Since August 2021", "2021-08-01", None, "month", "since", "2021-08/.."),
    ("Jusqu'en 2020", None, "2020-12-31", "year", "until", "../2020"),
    ("Until 2020", None, "2020-12-31", "year", "until", "../2020"),
    ("12 mars 2021", "2021-03-12", "2021-03-12", "day", "", "2021-03-12"),
    ("du 12 au 14 mars 2021", "2021-03-12", "2021-03-14", "day", "range", "2021-03-12/2021-03-14"),
    ("mars-avril 2021", "2021-03-01", "2021-04-30", "month", "range", "2021-03/2021-04"),
    ("T2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
    ("2e trimestre 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
    ("Q2 2022", "2022-04-01", "2022-06-30", "quarter", "", "2022-34"),
    ("1er semestre 2022", "2022-01-01", "2022-06-30", "half", "", "2022-40"),
    ("H1 2022", "2022-01-01", "2022-06-30", "half", "", "2022-40"),
    ("printemps 2022", "2022-03-01", "2022-05-31", "season", "", "2022-21"),
    ("Spring 2022", "2022-03-01", "2022-05-31", "season", "", "2022-21"),
    ("début 2022", "2022-01-01", "2022-04-30", "third", "early", "2022-37"),
    ("early 2022", "2022-01-01", "2022-04-30", "third", "early", "2022-37"),
    ("mi-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
    ("mid-2022", "2022-05-01", "2022-08-31", "third", "mid", "2022-38"),
    ("fin 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39"),
    ("late 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39"),
    ("end of 2021", "2021-09-01", "2021-12-31", "third", "late", "2021-39"),
    ("vers 2019", "2019-01-01", "2019-12-31", "year", "approx", "2019~"),
    ("circa 2019", "2019-01-01", "2019-12-31", "year", "approx", "2019~"),
    ("hiver 2023", "2023-12-01", "2024-02-29", "season", "", "2023-24"),
    ("jusqu'à fin 2022", None, "2022-12-31", "third", "until", "../2022-39"),
    ("depuis le 15 mars 2020", "2020-03-15", None, "day", "since", "2020-03-15/.."),
    ("de 2019 à juin 2020", "2019-01-01", "2020-06-30", "month", "range", "2019/2020-06"),
    ("2019-20", "2019-01-01", "2020-12-31", "year", "range", "2019/2020"),
]


@pytest.mark.parametrize("text, start, end, precision, qualifier, edtf", CONTRACT_TABLE,
                         ids=[row[0] for row in CONTRACT_TABLE])
def test_parse_date_answers_the_contract_table(capsys, text, start, end, precision, qualifier, edtf):
    assert main(["parse-date", text]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "text": text, "start": start, "end": end, "precision": precision, "qualifier": qualifier, "edtf": edtf}


@pytest.mark.parametrize("text", ["1er", "24/7", "10-12 participants", "9 facteurs", "Action 20", "1ère activité",
                                  "Domaine 5", "COVID-19", "+221 33 869 10 10", "45 %"])
def test_parse_date_says_null_for_what_is_not_a_date(capsys, text):
    assert main(["parse-date", text]) == 0
    assert capsys.readouterr().out.strip() == "null"


def test_parse_date_keeps_the_order_of_its_texts(capsys):
    assert main(["parse-date", "2023", "pas une date", "2017-2018", "--lang", "fr"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r and r["edtf"] for r in rows] == ["2023", None, "2017/2018"]
    assert all(r is None or set(r) == {"text", "start", "end", "precision", "qualifier", "edtf"}
               for r in rows)


def test_run_writes_real_tables(tmp_path, capsys, fake_pipeline):
    """With the real ``tables``: error rows and skipped duplicates still make valid tables."""
    pytest.importorskip("factextract.tables", reason="factextract/tables.py is not written yet")
    make_files(tmp_path / "in", {"a.pdf": b"ok a", "b.pdf": b"exit", "copy.pdf": b"ok a"})
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out)]) == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["row_counts"]["documents"] == 3  # one row per input file, copies too
    assert len(manifest["inputs"]) == 3
    err = capsys.readouterr().err
    assert "Processed 3 files (1 copy of another input): 2 ok, 0 no_text, 1 error" in err
    assert f"copy.pdf: same bytes as {tmp_path / 'in' / 'a.pdf'}: read once" in err
