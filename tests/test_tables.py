"""tables.py: Factsheets -> frames -> Parquet/CSV/JSON, checked against schemas/."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from datetime import date, datetime, timezone
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import factextract
from factextract import tables
from factextract.errors import SchemaError, UsageError
from factextract.model import (
    DATE_SOURCES, PRECISIONS, QUALIFIERS, SECTION_KINDS, STATUSES, DocumentInfo, Entity,
    Factsheet, Footnote, FootnoteRef, Item, Period, Section,
)

# The contract's columns (CONTRACT.md, "Tables"), in its order; extras may follow.
CONTRACT_COLUMNS = {
    "documents": "doc_id source_path sha256 status error warnings title language country domain_number "
                 "domain_title action_number action_title page_count pipeline_version",
    "sections": "doc_id section_id order kind heading page",
    "items": "doc_id item_id section_id section_kind parent_item_id order page text date_text "
             "date_start date_end date_precision date_qualifier date_edtf date_source "
             "footnote_markers",
    "dates": "doc_id item_id text start_char end_char date_start date_end precision qualifier edtf",
    "footnotes": "doc_id marker text term expansion page",
    "footnote_refs": "doc_id item_id marker anchor",
    "entities": "doc_id item_id text label start_char end_char source",
}
STARTED = datetime(2024, 5, 1, 9, 0, 0, tzinfo=timezone.utc)
FINISHED = datetime(2024, 5, 1, 9, 0, 7, tzinfo=timezone.utc)


def _ids(content: bytes) -> tuple[str, str]:
    sha = hashlib.sha256(content).hexdigest()
    return sha[:16], sha


def ok_sheet() -> Factsheet:
    doc, sha = _ids(b"cameroun")
    s1, s2, s3 = f"{doc}:s1", f"{doc}:s2", f"{doc}:s3"
    may = Period("Mai 2021", date(2021, 5, 1), date(2021, 5, 31), "month", "", "2021-05")
    since = Period("Depuis août 2021", date(2021, 8, 1), None, "month", "since", "2021-08/..",
                   start_char=0, end_char=16)
    year = Period("2021", date(2021, 1, 1), date(2021, 12, 31), "year", "", "2021")
    items = (
        Item(f"{doc}:i1", s2, "progress", None, 1, 1, "Programme MIEUX+ avec l'OFII",
             date=may, date_source="timeline", timeline_label=may,
             footnote_refs=(FootnoteRef("1", "MIEUX+"), FootnoteRef("2", "OFII"))),
        Item(f"{doc}:i2", s3, "activities", None, 2, 1,
             "Depuis août 2021 : atelier à Yaoundé", date=since, date_source="inline",
             dates=(since,), marker="bullet"),
        Item(f"{doc}:i3", s3, "activities", f"{doc}:i2", 3, 1, "sous-point",
             date=since, date_source="parent", marker="dash"),
        Item(f"{doc}:i4", s3, "activities", None, 4, 2, "réunion", date=year,
             date_source="heading"),
        Item(f"{doc}:i5", s3, "activities", None, 5, 2, "sans date"),
    )
    return Factsheet(
        doc_id=doc, source_path="samples/cameroun-fr.pdf", sha256=sha, status="ok",
        info=DocumentInfo(title="Cameroun", language="fr", country="Cameroun", domain_number=5,
                          domain_title="Retour, réadmission et réintégration", action_number=20,
                          action_title="Échanger les bonnes pratiques"),
        page_count=2,
        sections=(
            Section(s1, 1, "header", "Cameroun", 1),
            Section(s2, 2, "progress", "PROGRÈS", 1, subheadings=(
                "Mise en œuvre du Plan d'Action de Marrakech", "Action 20 : …")),
            Section(s3, 3, "activities", "ACTIVITÉS 2021", 1, heading_period=year),
        ),
        items=items,
        footnotes=(
            Footnote("1", "MIEUX+ - L'initiative conjointe UE-ICMPD MIgration EU eXpertise",
                     "MIEUX+", "L'initiative conjointe UE-ICMPD MIgration EU eXpertise", 1),
            Footnote("2", "une note sans terme", None, None, 1),
        ),
        entities=(
            Entity(f"{doc}:i2", "Yaoundé", "LOC", 29, 36, "model"),
            Entity(f"{doc}:i1", "OFII", "ORG", 24, 28, "rule"),
            Entity(f"{doc}:i1", "MIEUX+", "ORG", 10, 16, "rule"),
        ),
    )


def error_sheet() -> Factsheet:
    doc, sha = _ids(b"")
    return Factsheet(doc_id=doc, source_path="in/empty.pdf", sha256=sha, status="error",
                     error="the file is empty")


def no_text_sheet() -> Factsheet:
    doc, sha = _ids(b"scan")
    return Factsheet(doc_id=doc, source_path="in/scan.pdf", sha256=sha, status="no_text",
                     page_count=1)


@pytest.fixture
def frames() -> dict[str, pd.DataFrame]:
    return tables.to_frames([ok_sheet(), error_sheet(), no_text_sheet()])


@pytest.fixture
def written(frames, tmp_path):
    manifest = tables.write_tables(frames, tmp_path, inputs=["samples", "in/empty.pdf"],
                                   started=STARTED, finished=FINISHED)
    return tmp_path, manifest


# --- schema files ---------------------------------------------------------------------------

def test_schema_folder_holds_one_file_per_table():
    folder = resources.files("factextract") / "schemas"  # through the package's symlink
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")) == sorted(
        f"{t}.json" for t in tables.TABLES)


@pytest.mark.parametrize("table", tables.TABLES)
def test_schema_file_is_a_table_schema(table):
    raw = (resources.files("factextract") / "schemas" / f"{table}.json").read_text("utf-8")
    descriptor = json.loads(raw)
    names = [f["name"] for f in descriptor["fields"]]
    assert len(names) == len(set(names))
    for field in descriptor["fields"]:
        assert set(field) >= {"name", "type", "description", "constraints"}, field["name"]
        assert field["type"] in {"string", "integer", "number", "date", "datetime", "list"}
        assert len(field["description"]) > 20, field["name"]
        assert isinstance(field["constraints"].get("required"), bool)
        if field["type"] == "list":
            assert (field["itemType"], field["delimiter"]) == ("string", ";")
    assert set(descriptor["primaryKey"]) <= set(names)
    for fk in descriptor["foreignKeys"]:
        assert set(fk["fields"]) <= set(names)
        target = fk["reference"].get("resource") or table
        target_names = {f["name"] for f in tables.schema(target)["fields"]}
        assert set(fk["reference"]["fields"]) <= target_names
        assert len(fk["fields"]) == len(fk["reference"]["fields"])
    if table != "documents":
        to_documents = {"resource": "documents", "fields": ["doc_id"]}
        assert {"fields": ["doc_id"], "reference": to_documents} in descriptor["foreignKeys"]


@pytest.mark.parametrize("table", tables.TABLES)
def test_schema_starts_with_the_contract_columns_in_order(table):
    contract = CONTRACT_COLUMNS[table].split()
    assert tables.columns(table)[: len(contract)] == contract


@pytest.mark.parametrize(("table", "column", "values"), [
    ("documents", "status", STATUSES),
    ("documents", "language", ("fr", "en")),
    ("sections", "kind", SECTION_KINDS),
    ("items", "section_kind", SECTION_KINDS),
    ("items", "date_precision", PRECISIONS),
    ("items", "date_qualifier", tuple(q for q in QUALIFIERS if q)),  # "" is stored as empty
    ("items", "date_source", DATE_SOURCES),
    ("dates", "precision", PRECISIONS),
    ("dates", "qualifier", tuple(q for q in QUALIFIERS if q)),
    ("dates", "source", ("inline", "timeline")),
    ("entities", "source", ("model", "rule")),
])
def test_schema_enums_match_the_model(table, column, values):
    assert tuple(tables._enum(table, column)) == tuple(values)


# --- frames ---------------------------------------------------------------------------------

@pytest.mark.parametrize("table", tables.TABLES)
def test_frames_and_schemas_agree(frames, table):
    frame = frames[table]
    assert list(frame.columns) == [f["name"] for f in tables.schema(table)["fields"]]
    assert dict(frame.dtypes) == tables.dtypes(table)


def test_frames_pass_validation(frames):
    tables.validate(frames)


def test_every_sheet_has_a_documents_row_and_only_ok_sheets_have_more(frames):
    docs = frames["documents"].set_index("source_path")
    assert docs["status"].to_dict() == {
        "samples/cameroun-fr.pdf": "ok", "in/empty.pdf": "error", "in/scan.pdf": "no_text"}
    assert docs.loc["in/empty.pdf", "error"] == "the file is empty"
    assert docs.loc["in/empty.pdf", "page_count"] is pd.NA
    assert set(docs["pipeline_version"]) == {factextract.__version__}
    ok = docs.loc["samples/cameroun-fr.pdf", "doc_id"]
    for table in tables.TABLES[1:]:
        assert set(frames[table]["doc_id"]) == {ok}, table


def test_keys_across_countries(frames):
    docs = frames["documents"].set_index("source_path")
    assert docs.loc["samples/cameroun-fr.pdf", "country_iso3"] == "CMR"
    assert docs.loc["in/empty.pdf", "country_iso3"] is pd.NA  # no country found, no code
    entities = frames["entities"].set_index("text")
    assert entities.loc["OFII", "entity_id"] == "ofii"  # its entry in organisations.yaml
    assert entities.loc["Yaoundé", "entity_id"] is pd.NA  # a city: in no data file, no country
    sections = frames["sections"].set_index("kind")
    assert sections.loc["activities", "year"] == 2021  # ACTIVITÉS 2021
    assert sections.loc["header", "year"] is pd.NA and sections.loc["progress", "year"] is pd.NA


@pytest.mark.parametrize("start, end, year", [
    (date(2021, 1, 1), date(2021, 12, 31), 2021),
    (date(2021, 5, 1), date(2021, 5, 31), 2021),
    (date(2021, 1, 1), date(2022, 12, 31), None),  # 2021-2022
    (date(2019, 1, 1), None, None),  # depuis 2019
    (None, date(2020, 12, 31), None),  # jusqu'en 2020
])
def test_a_section_year_is_the_one_year_its_heading_names(start, end, year):
    period = Period("x", start, end, "year", None, "x")
    assert tables._year_of(period) == year
    assert tables._year_of(None) is None


def test_items_carry_their_date_and_markers(frames):
    items = frames["items"].set_index("order")
    first = items.loc[1]
    assert (first["date_text"], first["date_start"], first["date_end"]) == (
        "Mai 2021", date(2021, 5, 1), date(2021, 5, 31))
    assert (first["date_precision"], first["date_qualifier"], first["date_edtf"],
            first["date_source"]) == ("month", pd.NA, "2021-05", "timeline")
    assert list(first["footnote_markers"]) == ["1", "2"]
    second = items.loc[2]
    assert second["date_end"] is pd.NA and second["date_qualifier"] == "since"
    assert items.loc[3, "parent_item_id"] == items.loc[2, "item_id"]
    assert items.loc[3, "date_source"] == "parent"
    assert items.loc[1, "parent_item_id"] is pd.NA
    assert items.loc[5, "date_source"] is pd.NA and items.loc[5, "date_start"] is pd.NA
    assert list(items.loc[5, "footnote_markers"]) == []
    assert items["list_marker"].tolist() == [pd.NA, "bullet", "dash", pd.NA, pd.NA]


def test_dates_rows_are_inline_expressions_then_the_timeline_label(frames):
    dates = frames["dates"]
    rows = dates[["text", "start_char", "end_char", "source", "order"]].astype(object)
    rows = rows.where(dates[rows.columns].notna(), None).values.tolist()
    assert rows == [
        ["Mai 2021", None, None, "timeline", 1],
        ["Depuis août 2021", 0, 16, "inline", 1],
    ]
    assert dates["edtf"].tolist() == ["2021-05", "2021-08/.."]


def test_footnotes_refs_sections_and_entities(frames):
    notes = frames["footnotes"]
    assert notes["term"].tolist() == ["MIEUX+", pd.NA]
    refs = frames["footnote_refs"]
    assert refs[["marker", "anchor", "order"]].values.tolist() == [["1", "MIEUX+", 1],
                                                                   ["2", "OFII", 2]]
    sections = frames["sections"]
    assert sections["order"].tolist() == [1, 2, 3]
    assert [list(s) for s in sections["subheadings"]] == [
        [], ["Mise en œuvre du Plan d'Action de Marrakech", "Action 20 : …"], []]
    entities = frames["entities"]
    assert entities[["text", "order"]].values.tolist() == [["Yaoundé", 1], ["OFII", 1],
                                                           ["MIEUX+", 2]]


def test_no_sheets_give_empty_frames_with_the_schema_dtypes():
    frames = tables.to_frames([])
    for table in tables.TABLES:
        assert frames[table].empty
        assert dict(frames[table].dtypes) == tables.dtypes(table)
    tables.validate(frames)


# --- validation -----------------------------------------------------------------------------

def _set(frames, table, column, row, value):
    frames[table].loc[row, column] = value


def _broken_enum(frames):
    _set(frames, "documents", "status", 1, "failed")


def _missing_column(frames):
    frames["items"] = frames["items"].drop(columns=["date_edtf"])


def _swapped_columns(frames):
    cols = list(frames["footnotes"].columns)
    cols[1], cols[2] = cols[2], cols[1]
    frames["footnotes"] = frames["footnotes"][cols]


def _wrong_dtype(frames):
    frames["sections"]["page"] = frames["sections"]["page"].astype("float64")


def _broken_section_fk(frames):
    _set(frames, "items", "section_id", 2, "nowhere:s9")


def _broken_document_fk(frames):
    _set(frames, "footnotes", "doc_id", 0, "0123456789abcdef")


def _broken_parent_fk(frames):
    _set(frames, "items", "parent_item_id", 0, "orphan:i99")


def _required_null(frames):
    _set(frames, "items", "text", 3, pd.NA)


def _duplicate_key(frames):
    _set(frames, "footnotes", "order", 1, 1)


def _bad_pattern(frames):
    _set(frames, "documents", "doc_id", 2, "NOT-HEX")


def _below_minimum(frames):
    _set(frames, "items", "order", 4, 0)


def _missing_table(frames):
    del frames["entities"]


@pytest.mark.parametrize(("breaks", "table", "fragments"), [
    (_broken_enum, "documents", ["row 1", "'status'", "'failed'", "ok, partial, no_text, error"]),
    (_missing_column, "items", ["'date_edtf'", "missing"]),
    (_swapped_columns, "footnotes", ["wrong order"]),
    (_wrong_dtype, "sections", ["'page'", "float64", "Int64"]),
    (_broken_section_fk, "items", ["row 2", "'nowhere:s9'", "'sections'"]),
    (_broken_document_fk, "footnotes", ["row 0", "'0123456789abcdef'", "'documents'"]),
    (_broken_parent_fk, "items", ["row 0", "parent_item_id", "'orphan:i99'", "'items'"]),
    (_required_null, "items", ["row 3", "'text' is empty but required"]),
    (_duplicate_key, "footnotes", ["row 1", "repeats row 0"]),
    (_bad_pattern, "documents", ["row 2", "'NOT-HEX'", "[0-9a-f]{16}"]),
    (_below_minimum, "items", ["row 4", "'order'", "minimum 1"]),
    (_missing_table, "entities", ["missing"]),
], ids=lambda v: v.__name__.strip("_") if callable(v) else None)
def test_validate_names_the_first_offence(frames, breaks, table, fragments):
    breaks(frames)
    with pytest.raises(SchemaError) as caught:
        tables.validate(frames)
    assert caught.value.table == table
    message = str(caught.value)
    assert f"schemas/{table}.json" in message
    for fragment in fragments:
        assert fragment in message


def test_write_tables_refuses_invalid_frames_and_writes_nothing(frames, tmp_path):
    _broken_enum(frames)
    with pytest.raises(SchemaError):
        tables.write_tables(frames, tmp_path / "out", inputs=[], started=STARTED,
                            finished=FINISHED)
    assert not (tmp_path / "out").exists()


# --- files ----------------------------------------------------------------------------------

def test_every_table_is_written_in_both_formats_and_nothing_else(written):
    out, _ = written
    expected = {f"{t}.{ext}" for t in tables.TABLES for ext in ("parquet", "csv")}
    written = {p.name for p in out.iterdir() if not p.name.endswith(".lock")}   # store's lock files
    assert written == expected | {"manifest.json", "datapackage.json", "factextract.duckdb", "activities.svg"}


def test_the_duckdb_file_has_a_view_per_table_and_the_dated_items(written, frames):
    duckdb = pytest.importorskip("duckdb")
    out, _ = written
    with duckdb.connect(str(out / "factextract.duckdb"), read_only=True) as db:
        for table in tables.TABLES:
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(frames[table])
            assert [c[0] for c in db.execute(f"DESCRIBE {table}").fetchall()] == tables.columns(table)
        dated = frames["items"][frames["items"]["date_edtf"].notna()]
        rows = db.execute("SELECT item_id, country_iso3, section_year, date_start FROM activities ORDER BY item_id").fetchall()
    assert [r[0] for r in rows] == sorted(dated["item_id"])
    assert {r[1] for r in rows} == {"CMR"}
    assert rows[0][3] == date(2021, 5, 1)


def test_the_duckdb_file_follows_the_tables_of_each_run(written, frames):
    duckdb = pytest.importorskip("duckdb")
    out, _ = written
    tables.write_tables(tables.to_frames([error_sheet()]), out, inputs=["in/empty.pdf"], started=STARTED,
                        finished=FINISHED, replace_all=True)
    with duckdb.connect(str(out / "factextract.duckdb"), read_only=True) as db:
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0
    assert not [p for p in out.iterdir() if p.name.startswith(".factextract.duckdb")]


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("table", tables.TABLES)
def test_csv_header_is_the_schema(written, table):
    out, _ = written
    assert _read_csv(out / f"{table}.csv")[0] == tables.columns(table)


def test_csv_writes_iso_dates_joined_lists_and_empty_nulls(written):
    out, _ = written
    header, *rows = _read_csv(out / "items.csv")
    items = [dict(zip(header, r)) for r in rows]
    assert items[0]["date_start"] == "2021-05-01" and items[0]["date_end"] == "2021-05-31"
    assert items[0]["footnote_markers"] == "1;2"
    assert items[0]["parent_item_id"] == "" and items[0]["date_qualifier"] == ""
    assert items[1]["date_end"] == "" and items[1]["order"] == "2"
    assert items[4]["footnote_markers"] == "" and items[4]["date_start"] == ""
    header, *rows = _read_csv(out / "sections.csv")
    assert [dict(zip(header, r))["subheadings"] for r in rows] == [
        "", "Mise en œuvre du Plan d'Action de Marrakech;Action 20 : …", ""]
    header, *rows = _read_csv(out / "documents.csv")
    error = next(dict(zip(header, r)) for r in rows if "error" in r)
    assert error["page_count"] == "" and error["language"] == ""


def _parse_csv(path, table):
    """Read a CSV back by its schema (what a researcher's tool does with datapackage.json)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    out = {}
    for field in tables.schema(table)["fields"]:
        col = raw[field["name"]]
        if field["type"] == "list":
            values = [v.split(";") if v else [] for v in col]
        elif field["type"] == "date":
            values = [date.fromisoformat(v) if v else None for v in col]
        elif field["type"] == "integer":
            values = [int(v) if v else None for v in col]
        elif field["type"] == "number":
            values = [float(v) if v else None for v in col]
        else:
            values = [v if v else None for v in col]
        out[field["name"]] = pd.array(values, dtype=tables.dtypes(table)[field["name"]])
    return pd.DataFrame(out, columns=tables.columns(table))


@pytest.mark.parametrize("table", tables.TABLES)
def test_csv_round_trip(written, frames, table):
    out, _ = written
    pd.testing.assert_frame_equal(_parse_csv(out / f"{table}.csv", table), _stamped(frames[table]))


def _stamped(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as written: documents carry when the run that wrote them finished."""
    if "extracted_at" not in frame:
        return frame
    frame = frame.copy()
    frame["extracted_at"] = pd.Series([pd.Timestamp(FINISHED)] * len(frame), dtype=frame["extracted_at"].dtype)
    return frame


@pytest.mark.parametrize("table", tables.TABLES)
def test_parquet_round_trip_through_load(written, frames, table):
    out, _ = written
    loaded = tables.load(out)
    pd.testing.assert_frame_equal(loaded[table], _stamped(frames[table]))
    assert dict(loaded[table].dtypes) == tables.dtypes(table)


def test_parquet_types_are_plain_arrow_types(written):
    out, _ = written
    items = pq.read_schema(out / "items.parquet")
    assert items.field("date_start").type == pa.date32()
    assert items.field("footnote_markers").type == pa.list_(pa.string())
    assert items.field("order").type == pa.int64()
    assert items.field("text").type == pa.string()
    assert items.field("text").metadata[b"description"].startswith(b"Clean text")


def test_parquet_opens_with_plain_pandas(written):
    out, _ = written
    items = pd.read_parquet(out / "items.parquet")  # no factextract needed
    assert list(items.loc[0, "footnote_markers"]) == ["1", "2"]
    assert items.loc[0, "date_start"] == date(2021, 5, 1)


def test_loaded_lists_and_dates_are_python_values(written):
    out, _ = written
    items = tables.load(out)["items"]
    assert items.loc[0, "footnote_markers"] == ["1", "2"]
    assert items.loc[0, "date_start"] == date(2021, 5, 1)


def test_load_with_datetime_dates_behaves_as_pandas_users_expect(written):
    out, _ = written
    loaded = factextract.load(out, dates="datetime")
    items, dates_ = loaded["items"], loaded["dates"]
    for frame in (items, dates_):
        for column in ("date_start", "date_end"):
            assert frame[column].dtype == np.dtype("datetime64[ms]")
    assert loaded["documents"]["extracted_at"].dtype == pd.DatetimeTZDtype("s", "UTC")
    assert items.loc[0, "date_start"] == pd.Timestamp(2021, 5, 1)
    assert (items["date_start"] >= pd.Timestamp(2021, 1, 1)).tolist()[0]
    assert items["date_start"].dt.year.iloc[0] == 2021
    monthly = items.dropna(subset=["date_start"]).set_index("date_start").resample("MS")["item_id"].count()
    assert monthly.loc[pd.Timestamp(2021, 5, 1)] >= 1
    # every other column as load gives it, and the same days
    plain = tables.load(out)
    for table, frame in loaded.items():
        assert list(frame.columns) == list(plain[table].columns)
        for column in frame.columns:
            if frame[column].dtype.kind == "M":
                as_days = [None if pd.isna(v) else v.date() for v in frame[column]]
                assert as_days == [None if pd.isna(v) else (v.date() if hasattr(v, "date") else v)
                                   for v in plain[table][column]]
            else:
                pd.testing.assert_series_equal(frame[column], plain[table][column])


@pytest.mark.parametrize("dates", ["Date", "datetime64", "", None])
def test_load_refuses_an_unknown_dates_mode(written, dates):
    out, _ = written
    with pytest.raises(UsageError, match="dates must be one of 'date', 'datetime'"):
        factextract.load(out, dates=dates)


def test_manifest(written):
    out, manifest = written
    assert json.loads((out / "manifest.json").read_text("utf-8")) == manifest
    assert manifest["pipeline_version"] == factextract.__version__
    assert manifest["started"] == "2024-05-01T09:00:00+00:00"
    assert manifest["finished"] == "2024-05-01T09:00:07+00:00"
    assert manifest["inputs"] == ["samples", "in/empty.pdf"]
    assert manifest["row_counts"] == {"documents": 3, "sections": 3, "items": 5, "dates": 2,
                                      "footnotes": 2, "footnote_refs": 2, "entities": 3}
    assert manifest["status_counts"] == {"ok": 1, "partial": 0, "no_text": 1, "error": 1}


def test_datapackage_lists_every_table_with_its_schema(written):
    out, _ = written
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert package["name"] == "factextract-output"
    assert [r["name"] for r in package["resources"]] == (
        list(tables.TABLES) + [f"{t}-parquet" for t in tables.TABLES])
    for resource in package["resources"][:len(tables.TABLES)]:
        assert (out / resource["path"]).is_file()
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        assert resource["schema"] == tables.schema(resource["name"])
        for fk in resource["schema"]["foreignKeys"]:
            assert fk["reference"].get("resource", resource["name"]) in tables.TABLES
    for resource in package["resources"][len(tables.TABLES):]:
        data = (out / resource["path"]).read_bytes()
        assert (resource["type"], resource["format"]) == ("file", "parquet")
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert not set(package) & {"version", "licenses", "sources"}  # none set by the user


LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
SOURCE = {"title": "Rabat Process", "path": "https://www.rabat-process.org"}


def test_package_metadata_is_written_and_kept_until_set_again(frames, tmp_path):
    write = functools.partial(tables.write_tables, frames, tmp_path, inputs=["samples"],
                              started=STARTED, finished=FINISHED)
    write(package={"version": "2024.1", "licenses": [LICENCE], "sources": [SOURCE]})
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert (package["version"], package["licenses"], package["sources"]) == ("2024.1", [LICENCE], [SOURCE])
    write()  # a later run without metadata keeps it
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert (package["version"], package["licenses"], package["sources"]) == ("2024.1", [LICENCE], [SOURCE])
    write(package={"version": "2024.2"})  # one property set again, the others kept
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert (package["version"], package["licenses"]) == ("2024.2", [LICENCE])
    assert package["name"] == "factextract-output" and len(package["resources"]) == 2 * len(tables.TABLES)


@pytest.mark.parametrize("metadata, message", [
    ({"version": ""}, "version must be a non-empty string"),
    ({"version": 2}, "version must be a non-empty string"),
    ({"licence": [LICENCE]}, "unknown package field(s) licence"),
    ({"licenses": LICENCE}, "licenses must be a non-empty list"),
    ({"licenses": []}, "licenses must be a non-empty list"),
    ({"licenses": [{"nom": "CC-BY-4.0"}]}, "licenses entry 1 must be an object with only name, path, title"),
    ({"sources": ["https://www.rabat-process.org"]}, "sources entry 1 must be an object"),
    ({"keywords": "migration"}, "keywords must be a list of non-empty strings"),
    (["version", "1"], "must be a mapping"),
])
def test_package_metadata_says_what_is_wrong(metadata, message):
    with pytest.raises(UsageError) as caught:
        tables.package_metadata(metadata, "meta.yaml")
    assert str(caught.value).startswith("meta.yaml: ") and message in str(caught.value)


def test_error_only_run_writes_every_table_with_its_columns(tmp_path):
    frames = tables.to_frames([error_sheet()])
    manifest = tables.write_tables(frames, tmp_path, inputs=["in/empty.pdf"], started=STARTED,
                                   finished=FINISHED)
    assert manifest["status_counts"] == {"ok": 0, "partial": 0, "no_text": 0, "error": 1}
    for table in tables.TABLES[1:]:
        assert _read_csv(tmp_path / f"{table}.csv") == [tables.columns(table)]
        assert pq.read_schema(tmp_path / f"{table}.parquet").names == tables.columns(table)
    loaded = tables.load(tmp_path)
    assert dict(loaded["items"].dtypes) == tables.dtypes("items")


def test_rewriting_a_folder_replaces_its_tables_and_leaves_no_temporary_files(written):
    out, _ = written
    tables.write_tables(tables.to_frames([no_text_sheet()]), out, inputs=["in/scan.pdf"],
                        started=STARTED, finished=FINISHED, replace_all=True)
    assert not [p for p in out.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")]
    assert len(tables.load(out)["documents"]) == 1
    assert tables.load(out)["items"].empty


# --- load -----------------------------------------------------------------------------------

def test_load_an_empty_folder_says_what_to_run(tmp_path):
    with pytest.raises(UsageError, match=r"no factextract output.*factextract run"):
        tables.load(tmp_path)


def test_load_a_missing_folder_says_what_to_run(tmp_path):
    with pytest.raises(UsageError, match="factextract run"):
        tables.load(tmp_path / "nowhere")


def test_load_refuses_an_unfinished_run(written):
    out, _ = written
    (out / "manifest.json").unlink()
    with pytest.raises(UsageError, match="did not finish"):
        tables.load(out)


def test_load_names_a_missing_table(written):
    out, _ = written
    (out / "entities.parquet").unlink()
    with pytest.raises(UsageError, match="entities.parquet missing"):
        tables.load(out)


def test_a_document_whose_rows_break_a_schema_becomes_an_error_and_the_batch_survives():
    """One document's bad rows must not lose the others: it alone turns into an error row."""
    from factextract.model import Factsheet, Section

    good = Factsheet(doc_id="aaaaaaaaaaaaaaaa", source_path="good.pdf", sha256="a" * 64, status="ok",
                     sections=(Section("aaaaaaaaaaaaaaaa:s1", 1, "progress", "PROGRÈS", 1),))
    # An unknown section kind breaks the schema's enum.
    bad = Factsheet(doc_id="bbbbbbbbbbbbbbbb", source_path="bad.pdf", sha256="b" * 64, status="ok",
                    sections=(Section("bbbbbbbbbbbbbbbb:s1", 1, "nonsense", "X", 1),))
    sheets, frames = tables.checked_frames([good, bad])
    assert [s.status for s in sheets] == ["ok", "error"]
    assert "break the output schema" in sheets[1].error
    assert list(frames["sections"]["doc_id"]) == ["aaaaaaaaaaaaaaaa"]
    tables.validate(frames)


def test_the_timeline_draws_every_dated_item_once_per_run(written, frames):
    pytest.importorskip("matplotlib")
    out, _ = written
    svg = (out / "activities.svg").read_text(encoding="utf-8")
    dated = frames["items"]["date_edtf"].notna().sum()
    assert f"Dated items per country ({dated} items, 1 countries)" in svg
    assert "<!-- CMR -->" in svg  # the row label (matplotlib writes text as paths, named in comments)
    first = svg
    tables.write_tables(frames, out, inputs=["samples"], started=STARTED, finished=FINISHED)
    assert (out / "activities.svg").read_text(encoding="utf-8") == first  # no date, no random id inside
    assert not [p for p in out.iterdir() if p.name.startswith(".activities.svg")]


@pytest.mark.parametrize("rows", [
    [],  # nothing dated: an empty plot, not a failure
    [("SEN", date(2021, 3, 1), date(2021, 3, 1), "day"), ("SEN", date(2019, 1, 1), None, "year"),
     (None, None, date(2020, 12, 31), "year"), ("GMB", date(2020, 1, 1), date(2022, 12, 31), "year")],
])
def test_the_timeline_takes_any_mix_of_periods(tmp_path, rows):
    pytest.importorskip("matplotlib")
    from factextract.plot import write_timeline

    svg = write_timeline(tmp_path, rows).read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and f"({len(rows)} items," in svg
