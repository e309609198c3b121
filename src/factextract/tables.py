"""Factsheets -> DataFrames, checked against ``schemas/`` and written as Parquet, CSV and JSON.

Each table's columns, types and constraints are declared once, in ``schemas/<table>.json``
(Frictionless Table Schema v2), and everything here is derived from them:

=========  ==========================  =================  ==============================
schema     pandas dtype                Parquet (Arrow)    CSV
=========  ==========================  =================  ==============================
string     ``string[pyarrow]``         ``string``         as is; null -> empty
integer    ``Int64``                   ``int64``          digits; null -> empty
date       ``date32[day][pyarrow]``    ``date32``         ISO ``YYYY-MM-DD``; null -> empty
datetime   ``timestamp[s, UTC]``       ``timestamp[s]``   ISO ``YYYY-MM-DDTHH:MM:SSZ``
list       ``list<string>[pyarrow]``   ``list<string>``   items ``;``-joined; [] -> empty
=========  ==========================  =================  ==============================

Dates and lists are Arrow-backed (``pd.ArrowDtype``) because that is the only pandas
representation that survives a Parquet round trip unchanged: ``datetime64`` would be written as
a timestamp, and object columns of lists are written as ``list<null>`` when every list is empty.
Parquet files are written without pandas' own metadata: with pandas 3.1 / pyarrow 26 a file
that carries it for a ``list<string>[pyarrow]`` column cannot be read back by
``pd.read_parquet`` ("data type ... not understood"), and researchers must be able to read the
files without factextract. ``load`` restores the dtypes from the schemas instead.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ._version import __version__
from . import store
from .database import dated_items, write_database
from .plot import write_timeline
from .errors import SchemaError, UsageError
from .model import BBox, Factsheet, Period
from .vocab.countries import country_code
from .vocab.organisations import entity_id

# The tables of the output contract, in the order they are written and listed.
TABLES: tuple[str, ...] = (
    "documents", "sections", "items", "dates", "footnotes", "footnote_refs", "entities",
)

LIST_DELIMITER = ";"  # how list columns are joined in CSV (contract: `;`-joined)
ISO_DATETIME = "%Y-%m-%dT%H:%M:%SZ"  # how datetime columns (UTC) are written in CSV

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "date": pa.date32(),
    "datetime": pa.timestamp("s", tz="UTC"),
    "list": pa.list_(pa.string()),
}
_PANDAS_DTYPES: dict[str, Any] = {
    "string": pd.StringDtype("pyarrow"),
    "integer": pd.Int64Dtype(),
    "number": pd.Float64Dtype(),
    "date": pd.ArrowDtype(pa.date32()),
    "datetime": pd.ArrowDtype(pa.timestamp("s", tz="UTC")),
    "list": pd.ArrowDtype(pa.list_(pa.string())),
}
# Arrow type -> pandas dtype, for Table.to_pandas(types_mapper=...).
_FROM_ARROW = {_ARROW_TYPES[t]: _PANDAS_DTYPES[t] for t in _ARROW_TYPES}

MANIFEST = "manifest.json"
# Rows written at a time (a Parquet row group, a CSV chunk) when a collection is written: memory
# stays the same whatever the collection's size.
CHUNK_ROWS = 1_000
DATAPACKAGE = "datapackage.json"


# --- schemas ---------------------------------------------------------------------------------

@cache
def schema(table: str) -> dict[str, Any]:
    """Return the parsed ``schemas/<table>.json`` shipped with the package."""
    if table not in TABLES:
        raise SchemaError(table, f"no such table; the tables are {', '.join(TABLES)}")
    path = resources.files("factextract") / "schemas" / f"{table}.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise SchemaError(table, f"cannot read the schema file ({exc})") from exc
    for field in descriptor["fields"]:
        if field["type"] not in _ARROW_TYPES:
            raise SchemaError(table, f"field {field['name']!r} has type {field['type']!r}; "
                                     f"supported: {', '.join(_ARROW_TYPES)}")
        if field["type"] == "list" and field.get("itemType", "string") != "string":
            raise SchemaError(table, f"list field {field['name']!r} must have itemType 'string'")
    return descriptor


def columns(table: str) -> list[str]:
    """The table's column names, in order."""
    return [field["name"] for field in schema(table)["fields"]]


def dtypes(table: str) -> dict[str, Any]:
    """``{column: pandas dtype}`` for the table, from its schema."""
    return {f["name"]: _PANDAS_DTYPES[f["type"]] for f in schema(table)["fields"]}


def arrow_schema(table: str) -> pa.Schema:
    """The table's Arrow schema (as written to Parquet), with each column's description."""
    return pa.schema([
        pa.field(f["name"], _ARROW_TYPES[f["type"]], nullable=not _required(f),
                 metadata={"description": f["description"]})
        for f in schema(table)["fields"]
    ])


def _required(field: dict[str, Any]) -> bool:
    return bool(field.get("constraints", {}).get("required", False))


def frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts keyed by column) -> a frame with the schema's columns and dtypes."""
    # nullable=True here: a missing required value must reach validate(), which names the row,
    # rather than fail inside Arrow with a message that does not.
    arrow = pa.schema([f.with_nullable(True) for f in arrow_schema(table)])
    return to_pandas(pa.Table.from_pylist(rows, schema=arrow))


# How ``load`` gives date and timestamp columns: as Arrow-backed dates (``date``: exact days,
# no time of day, what the tables hold), or as NumPy ``datetime64`` (``datetime``: what pandas'
# comparisons with timestamps, ``.dt`` and ``resample`` expect; dates at midnight).
DATE_MODES: tuple[str, ...] = ("date", "datetime")
_TEMPORAL = frozenset({_ARROW_TYPES["date"], _ARROW_TYPES["datetime"]})


def to_pandas(table: pa.Table, dates: str = "date") -> pd.DataFrame:
    """An Arrow table as a frame with the schemas' dtypes; ``dates="datetime"``: its date and
    timestamp columns as ``datetime64`` (``[ms]`` for dates, ``[s, UTC]`` for timestamps)."""
    if dates == "datetime":
        return table.to_pandas(types_mapper=lambda t: None if t in _TEMPORAL else _FROM_ARROW.get(t),
                               date_as_object=False)
    return table.to_pandas(types_mapper=_FROM_ARROW.get)


# --- Factsheet -> frames ---------------------------------------------------------------------

def to_frames(sheets: Iterable[Factsheet]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, with the schemas' columns (in order) and dtypes.

    Every sheet gives a ``documents`` row whatever its status; sheets with status ``error`` or
    ``no_text`` have nothing else to give. Empty strings become nulls (empty in CSV).
    """
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for sheet in sheets:
        for table, row in _rows(sheet, __version__):
            rows[table].append(row)
    return {table: frame(table, rows[table]) for table in TABLES}


def checked_frames(sheets: list[Factsheet]) -> tuple[list[Factsheet], dict[str, pd.DataFrame]]:
    """The sheets and their frames, with any document whose rows break a schema turned into an
    ``error`` document (rows dropped, message kept), so that one document never loses a batch.

    The whole set is validated once (the usual, fast path); only when that fails is each
    document checked on its own.
    """
    frames = to_frames(sheets)
    try:
        validate(frames)
        return sheets, frames
    except SchemaError:
        pass
    kept = []
    for sheet in sheets:
        try:
            validate(to_frames([sheet]))
            kept.append(sheet)
        except SchemaError as exc:
            kept.append(sheet.without_content(
                status="error",
                error=f"internal error: the extracted rows break the output schema ({exc.problem}); "
                      "please report it with this file"))
    return kept, to_frames(kept)


def document_row(sheet: Factsheet) -> dict[str, Any]:
    """The sheet's row of the documents table (as ``frame`` takes it)."""
    return next(_rows(sheet, __version__))[1]


def _rows(sheet: Factsheet, version: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row a Factsheet gives, as (table, row) pairs, in the tables' order."""
    doc_id = sheet.doc_id
    info = sheet.info
    yield "documents", {
        "doc_id": doc_id, "source_path": sheet.source_path, "sha256": sheet.sha256,
        "status": sheet.status, "error": _text(sheet.error),
        # A warning is one item of a `;`-joined CSV list: a `;` inside it would split it in two.
        "warnings": [" ".join(w.replace(LIST_DELIMITER, ",").split()) for w in sheet.warnings],
        "title": _text(info.title),
        "language": _text(info.language), "country": _text(info.country),
        "country_iso3": country_code(info.country),
        "domain_number": info.domain_number, "domain_title": _text(info.domain_title),
        "action_number": info.action_number, "action_title": _text(info.action_title),
        "page_count": sheet.page_count, "pipeline_version": version,
        "duplicate_of": _text(sheet.duplicate_of), "reader": _text(sheet.reader),
    }
    for section in sheet.sections:
        yield "sections", {
            "doc_id": doc_id, "section_id": section.section_id, "order": section.order,
            "kind": section.kind, "heading": _text(section.heading), "page": section.page,
            "subheadings": list(section.subheadings), "year": _year_of(section.heading_period),
            **_box_columns(section.bbox),
            "last_page": section.last_page if section.last_page is not None else section.page,
        }
    for item in sheet.items:
        date = item.date
        yield "items", {
            "doc_id": doc_id, "item_id": item.item_id, "section_id": item.section_id,
            "section_kind": item.section_kind, "parent_item_id": _text(item.parent_item_id),
            "order": item.order, "page": item.page, "text": item.text,
            "date_text": _text(date.text) if date else None,
            "date_start": date.start if date else None,
            "date_end": date.end if date else None,
            "date_precision": _text(date.precision) if date else None,
            "date_qualifier": _text(date.qualifier) if date else None,
            "date_edtf": _text(date.edtf) if date else None,
            "date_source": _text(item.date_source),
            "footnote_markers": list(item.footnote_markers),
            "list_marker": _text(item.marker),
            **_box_columns(item.bbox),
            "last_page": item.last_page if item.last_page is not None else item.page,
        }
        # The inline expressions in text order, then the timeline label (outside the text, so
        # its offsets, if any, are not offsets into items.text and are dropped).
        periods = [(p, "inline") for p in item.dates]
        if item.timeline_label is not None:
            periods.append((item.timeline_label, "timeline"))
        for order, (period, source) in enumerate(periods, start=1):
            yield "dates", _date_row(doc_id, item.item_id, period, source, order)
        for order, ref in enumerate(item.footnote_refs, start=1):
            yield "footnote_refs", {
                "doc_id": doc_id, "item_id": item.item_id, "marker": ref.marker,
                "anchor": _text(ref.anchor), "order": order,
            }
    for order, note in enumerate(sheet.footnotes, start=1):
        yield "footnotes", {
            "doc_id": doc_id, "marker": note.marker, "text": note.text, "term": _text(note.term),
            "expansion": _text(note.expansion), "page": note.page, "order": order,
            **_box_columns(note.bbox),
        }
    per_item: Counter[str] = Counter()
    for entity in sheet.entities:
        per_item[entity.item_id] += 1
        yield "entities", {
            "doc_id": doc_id, "item_id": entity.item_id, "text": entity.text,
            "label": entity.label, "start_char": entity.start_char, "end_char": entity.end_char,
            "source": entity.source, "order": per_item[entity.item_id],
            "entity_id": entity_id(entity.text, entity.label),
            "page": entity.page, **_box_columns(entity.bbox),
        }


# Coordinates are written to a hundredth of a point: finer is below what a PDF's glyph boxes mean.
BOX_DECIMALS = 2


def _box_columns(box: BBox | None) -> dict[str, float | None]:
    """``x0, top, x1, bottom`` of a box (PDF points, top-left origin), or nulls without one."""
    if box is None:
        return dict.fromkeys(("x0", "top", "x1", "bottom"))
    return {"x0": round(box.x0, BOX_DECIMALS), "top": round(box.top, BOX_DECIMALS),
            "x1": round(box.x1, BOX_DECIMALS), "bottom": round(box.bottom, BOX_DECIMALS)}


def _year_of(period: Period | None) -> int | None:
    """The one calendar year a period lies in (``ACTIVITÉS 2021``: 2021), else None."""
    if period is None or period.start is None or period.end is None or period.start.year != period.end.year:
        return None
    return period.start.year


def _date_row(doc_id: str, item_id: str, period: Period, source: str, order: int) -> dict:
    """A dates row; offsets only for inline expressions (a label is outside the item's text)."""
    inline = source == "inline"
    return {
        "doc_id": doc_id, "item_id": item_id, "text": period.text,
        "start_char": period.start_char if inline else None,
        "end_char": period.end_char if inline else None,
        "date_start": period.start, "date_end": period.end, "precision": period.precision,
        "qualifier": _text(period.qualifier), "edtf": period.edtf, "source": source,
        "order": order,
    }


def _text(value: str | None) -> str | None:
    """An optional string: empty means missing (the contract's qualifier `(empty)`, no error)."""
    return value if value else None


# --- validation ------------------------------------------------------------------------------

def validate(frames: dict[str, pd.DataFrame]) -> None:
    """Check every frame against its schema; raise ``SchemaError`` naming the first offence.

    Checks, in order: the set of tables; per table, column names and order, dtypes, and each
    field's constraints (required, enum, pattern, minimum); primary-key uniqueness; then the
    foreign keys across tables (rows with a null in a foreign-key column are not checked).
    """
    for table in TABLES:
        if table not in frames:
            raise SchemaError(table, "table missing from the frames (to_frames makes every table)")
    for table in frames:
        if table not in TABLES:
            raise SchemaError(table, f"no such table; the tables are {', '.join(TABLES)}")
    for table in TABLES:
        _validate_table(table, frames[table])
    for table in TABLES:
        for fk in schema(table).get("foreignKeys", []):
            _validate_foreign_key(table, frames, fk)


def _validate_table(table: str, frame: pd.DataFrame) -> None:
    """Columns, dtypes, each field's constraints and the primary key of one table."""
    expected = columns(table)
    actual = [str(c) for c in frame.columns]
    if actual != expected:
        missing = [c for c in expected if c not in actual]
        extra = [c for c in actual if c not in expected]
        if missing:
            problem = f"column(s) {', '.join(map(repr, missing))} missing"
        elif extra:
            problem = f"unexpected column(s) {', '.join(map(repr, extra))}"
        else:
            problem = f"columns in the wrong order: {actual}, expected {expected}"
        raise SchemaError(table, problem)
    for name, dtype in dtypes(table).items():
        if frame[name].dtype != dtype:
            actual_dtype = _dtype_name(frame[name].dtype)
            raise SchemaError(table, f"column {name!r} has dtype {actual_dtype}, "
                                     f"expected {_dtype_name(dtype)}")
    key = schema(table).get("primaryKey", [])
    for field in schema(table)["fields"]:
        _validate_field(table, frame, field, key)
    if key:
        duplicated = frame.duplicated(subset=key, keep="first").to_numpy()
        if duplicated.any():
            row = int(duplicated.argmax())
            rows = list(frame[key].itertuples(index=False, name=None))
            values = rows[row]
            first = rows.index(values)
            raise SchemaError(table, f"row {row}: primary key ({', '.join(key)}) = "
                                     f"{_show(values)} repeats row {first}")


def _validate_field(table: str, frame: pd.DataFrame, field: dict, key: list[str]) -> None:
    """One column's constraints (required, enum, pattern, minimum); the first offending row is
    named."""
    name = field["name"]
    series = frame[name]
    constraints = field.get("constraints", {})
    present = series.notna().to_numpy()

    def fail_first(bad: np.ndarray, problem: str) -> None:
        """Raise for the first row where ``bad`` is true, naming it by position and key."""
        if bad.any():
            row = int(bad.argmax())
            ident = ", ".join(f"{k}={_show_one(frame[k].iloc[row])}" for k in key)
            value = _show_one(series.iloc[row])
            raise SchemaError(table, f"row {row} ({ident}): column {name!r} is "
                                     f"{value} {problem}")

    if constraints.get("required") or name in key:
        fail_first(~present, "but required")
    if "enum" in constraints:
        known = series.isin(constraints["enum"]).to_numpy(dtype=bool, na_value=False)
        fail_first(present & ~known, f"not one of {', '.join(constraints['enum'])}")
    if "pattern" in constraints:
        regex = re.compile(constraints["pattern"])  # implicitly anchored, as in Table Schema
        bad = np.array([v is not pd.NA and regex.fullmatch(v) is None for v in series], bool)
        fail_first(bad, f"which does not match {constraints['pattern']!r}")
    if "minimum" in constraints:
        fail_first((series < constraints["minimum"]).to_numpy(dtype=bool, na_value=False),
                   f"below the minimum {constraints['minimum']}")


def _validate_foreign_key(table: str, frames: dict[str, pd.DataFrame], fk: dict) -> None:
    """Every non-null foreign key of a table has its row in the table it names."""
    fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
    reference = fk["reference"]
    target = reference.get("resource") or table  # none or "": this same table
    ref_fields = reference["fields"]
    ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
    child, parent = frames[table], frames[target]
    known = set(parent[ref_fields].itertuples(index=False, name=None))
    key = schema(table).get("primaryKey", [])
    for row, values in enumerate(child[fields].itertuples(index=False, name=None)):
        if any(v is pd.NA or v is None for v in values):
            continue
        if values not in known:
            ident = ", ".join(f"{k}={_show_one(child[k].iloc[row])}" for k in key)
            raise SchemaError(table, f"row {row} ({ident}): ({', '.join(fields)}) = "
                                     f"{_show(values)} has no row in {target!r} with "
                                     f"({', '.join(ref_fields)}) equal to it")


def _show_one(value: Any) -> str:
    if value is pd.NA or value is None:
        return "empty"
    return repr(value.item() if hasattr(value, "item") else value)  # np.int64(0) -> 0


def _dtype_name(dtype: Any) -> str:
    # Both StringDtype storages print as "string"; the difference matters to Parquet and to us.
    return f"string[{dtype.storage}]" if isinstance(dtype, pd.StringDtype) else str(dtype)


def _show(values: tuple) -> str:
    return "(" + ", ".join(_show_one(v) for v in values) + ")"


# --- writing ---------------------------------------------------------------------------------

def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, *, inputs: list[str],
                 started: datetime, finished: datetime, replace_all: bool = False,
                 package: dict[str, Any] | None = None) -> dict[str, Any]:
    """Add the documents in ``frames`` to the collection in ``out_dir`` and write it whole, as a
    transaction: see ``write_collection``, of which this is the in-memory form (a run streams
    its rows instead: ``spool.RunTables``). Returns the manifest.

    Raises:
        SchemaError: the frames break a schema (nothing is written).
        OutputError: the tables could not be written (the message says why; nothing changed).
        UsageError: the folder holds tables this version cannot read (run with --replace).
    """
    validate(frames)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = store.staging_dir(out_dir)
    return write_collection(out_dir, staging, frames["documents"],
                            lambda table: [to_arrow(table, frames[table])] if len(frames[table]) else [],
                            inputs=inputs, started=started, finished=finished, replace_all=replace_all,
                            package=package)


def write_collection(out_dir: Path, staging: Path, documents: pd.DataFrame,
                     content: Callable[[str], Iterable[pa.Table]], *, inputs: list[str],
                     started: datetime, finished: datetime, replace_all: bool = False,
                     package: dict[str, Any] | None = None) -> dict[str, Any]:
    """Add this run's documents (``documents``, and ``content(table)``: each content table's
    rows in chunks, already checked against the schemas) to the collection in ``out_dir`` and
    write it whole in ``staging``, then swap it in (``store``): every table as Parquet and CSV,
    ``datapackage.json`` and the manifest.

    Documents already in the folder and not in this run (by ``source_path``) are kept, with
    their rows; ``replace_all`` starts the collection over. The tables are written chunk by
    chunk (``CHUNK_ROWS``), so memory does not grow with the collection's content; a kill, a
    full disk or an error before the swap leaves the previous output exactly as it was.
    Returns the manifest.
    """
    try:
        documents = _stamped(documents, finished)
        previous = None if replace_all else _previous_documents(out_dir)
        keep: set[str] = set()  # doc_ids whose earlier content rows stay
        if previous is not None:
            documents = _earlier_times(previous, documents)
            kept_docs = previous[~previous["source_path"].isin(documents["source_path"])]
            documents = _concat("documents", [kept_docs, documents])
            keep = set(kept_docs["doc_id"]) - set(documents["doc_id"].iloc[len(kept_docs):])
        _validate_table("documents", documents)
        counts = {"documents": len(documents)}
        _write_table(staging, "documents", [to_arrow("documents", documents)])
        for table in TABLES[1:]:
            earlier = _earlier_rows(out_dir, table, keep) if keep else iter(())
            counts[table] = _write_table(staging, table, chain(earlier, content(table)))
        statuses = documents["status"].value_counts()
        files = [f"{t}.{ext}" for t in TABLES for ext in ("parquet", "csv")] + [DATAPACKAGE]
        manifest = {
            "pipeline_version": __version__,
            "started": started.isoformat(),
            "finished": finished.isoformat(),
            "inputs": [str(i) for i in inputs],
            "documents_this_run": len(inputs),
            "row_counts": {table: counts[table] for table in TABLES},
            "collection": sorted(documents["source_path"].tolist()),
            "status_counts": {s: int(statuses.get(s, 0)) for s in _enum("documents", "status")},
            "files": files,
        }
        kept = _previous_package(out_dir)
        _write_json(staging / DATAPACKAGE, datapackage(__version__, finished, staging, {**kept, **(package or {})}))
        _write_json(staging / MANIFEST, manifest)  # swapped in last: present means complete
        store.commit(out_dir, staging, files + [MANIFEST])
        # After the swap: DuckDB checks, as it makes a view, that its Parquet file is there.
        database = write_database(out_dir, TABLES)
        write_timeline(out_dir, dated_items(database))
    except OSError as exc:
        store.abandon(staging)
        raise store.OutputError(f"could not write the tables to {out_dir} ({exc.strerror or exc}); the previous "
                                "output is unchanged: free some space or fix the folder's permissions, "
                                "and run again") from None
    except BaseException:
        store.abandon(staging)
        raise
    return manifest


def _write_table(staging: Path, table: str, chunks: Iterable[pa.Table]) -> int:
    """Write a table's chunks to ``<table>.parquet`` and ``<table>.csv`` in ``staging``, a
    CHUNK_ROWS-row group at a time; return the row count."""
    target = arrow_schema(table)
    rows = 0
    with pq.ParquetWriter(staging / f"{table}.parquet", target) as parquet, \
            open(staging / f"{table}.csv", "w", encoding="utf-8", newline="") as csv:
        csv.write(",".join(columns(table)) + "\n")
        for chunk in _rechunked(chunks):
            parquet.write_table(chunk)
            _csv_frame(table, to_pandas(chunk)).to_csv(csv, index=False, header=False, lineterminator="\n")
            rows += len(chunk)
        if not rows:
            parquet.write_table(target.empty_table())
    return rows


def _rechunked(chunks: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """The chunks' rows again, in tables of about CHUNK_ROWS rows (many small tables from a
    run's documents, or record batches from an earlier collection)."""
    pending: list[pa.Table] = []
    size = 0
    for chunk in chunks:
        if not len(chunk):
            continue
        pending.append(chunk)
        size += len(chunk)
        if size >= CHUNK_ROWS:
            yield pa.concat_tables(pending).combine_chunks()
            pending, size = [], 0
    if pending:
        yield pa.concat_tables(pending).combine_chunks()


def _stamped(documents: pd.DataFrame, finished: datetime) -> pd.DataFrame:
    """This run's documents, stamped with when they were extracted."""
    if "extracted_at" not in columns("documents"):
        return documents
    documents = documents.copy()
    stamp = pd.Timestamp(finished).tz_convert("UTC").floor("s")
    documents["extracted_at"] = pd.Series([stamp] * len(documents), index=documents.index,
                                          dtype=dtypes("documents")["extracted_at"])
    return documents


def _previous_documents(out_dir: Path) -> pd.DataFrame | None:
    """The documents of the collection the folder holds, or None if it holds none."""
    if not any((out_dir / f"{t}.parquet").is_file() for t in TABLES):
        return None
    try:
        _check_complete(out_dir)
        return to_pandas(_conformed("documents", pq.read_table(out_dir / "documents.parquet"), lenient=True))
    except (UsageError, SchemaError, OSError, pa.ArrowException) as exc:
        raise _cannot_add(out_dir, exc) from None


def _cannot_add(out_dir: Path, exc: Exception) -> UsageError:
    return UsageError(f"{out_dir} holds tables this run cannot add to ({exc}); run with --replace to "
                      "start the collection over, or choose another --out")


def _earlier_rows(out_dir: Path, table: str, keep: set[str]) -> Iterator[pa.Table]:
    """The earlier collection's rows of ``table`` whose doc_id is in ``keep``, CHUNK_ROWS at a
    time: a document re-run gets new content, and content no document points to is dropped."""
    wanted = pa.array(sorted(keep), pa.string())
    try:
        source = pq.ParquetFile(out_dir / f"{table}.parquet")
        for batch in source.iter_batches(batch_size=CHUNK_ROWS):
            chunk = _conformed(table, pa.Table.from_batches([batch]), lenient=True)
            yield chunk.filter(pc.is_in(chunk["doc_id"], value_set=wanted))
    except (SchemaError, OSError, pa.ArrowException) as exc:
        raise _cannot_add(out_dir, exc) from None


def _earlier_times(previous: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The same file read again by the same pipeline (from the cache) was extracted when it
    first was: it keeps that ``extracted_at``."""
    if "extracted_at" not in documents:
        return documents
    documents = documents.copy()
    key = ["source_path", "doc_id", "pipeline_version"]
    earlier = previous.drop_duplicates(key).set_index(key)["extracted_at"]
    times = documents.set_index(key).index.map(lambda k: earlier.get(k, pd.NaT))
    same = ~pd.isna(pd.Series(times, index=documents.index))
    documents.loc[same, "extracted_at"] = pd.Series(times, index=documents.index)[same].astype(
        documents["extracted_at"].dtype)
    return documents


def _concat(table: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return frame(table, [])
    return pd.concat(frames, ignore_index=True).astype(dtypes(table))[columns(table)]


def _enum(table: str, column: str) -> list[str]:
    field = next(f for f in schema(table)["fields"] if f["name"] == column)
    return field["constraints"]["enum"]


def to_arrow(table: str, frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table with exactly the schema's types and no pandas metadata."""
    target = arrow_schema(table)
    return pa.Table.from_arrays(
        [pa.array(frame[f.name], from_pandas=True).cast(f.type) for f in target], schema=target)


def _csv_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as CSV text: ISO dates, lists `;`-joined, null and [] as empty."""
    out = {}
    for field in schema(table)["fields"]:
        values = pa.array(frame[field["name"]], from_pandas=True)
        if field["type"] == "list":
            values = pc.binary_join(values, LIST_DELIMITER)
        elif field["type"] == "datetime":
            values = pc.strftime(values.cast(_ARROW_TYPES["datetime"]), format=ISO_DATETIME)
        out[field["name"]] = pd.Series(values.cast(pa.string()).to_pylist(), dtype=object)
    return pd.DataFrame(out, columns=columns(table))


# Data Package properties a user sets (``run(package=...)``, ``factextract run --package FILE``),
# kept from run to run. What each must be: a string, or a list of objects with these keys (one
# of the keys at least), as the Data Package v2 standard describes them.
PACKAGE_TEXT_FIELDS: tuple[str, ...] = ("version", "title", "description", "homepage")
PACKAGE_LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "licenses": ("name", "path", "title"),
    "sources": ("title", "path", "email", "version"),
    "contributors": ("title", "path", "email", "givenName", "familyName", "organization", "roles"),
}
PACKAGE_FIELDS: tuple[str, ...] = PACKAGE_TEXT_FIELDS + tuple(PACKAGE_LIST_FIELDS) + ("keywords",)


def package_metadata(data: Any, where: str) -> dict[str, Any]:
    """Check user-set Data Package properties (see ``PACKAGE_FIELDS``); return them.

    Raises UsageError naming ``where`` (a file, an argument) and what is wrong."""
    if not isinstance(data, dict):
        raise UsageError(f"{where}: the package metadata must be a mapping of {', '.join(PACKAGE_FIELDS)}")
    unknown = sorted(set(data) - set(PACKAGE_FIELDS))
    if unknown:
        raise UsageError(f"{where}: unknown package field(s) {', '.join(map(str, unknown))}; "
                         f"the ones a user sets are {', '.join(PACKAGE_FIELDS)}")
    for key in PACKAGE_TEXT_FIELDS:
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            raise UsageError(f"{where}: {key} must be a non-empty string, not {data[key]!r}")
    if "keywords" in data and not (isinstance(data["keywords"], list)
                                   and all(isinstance(k, str) and k.strip() for k in data["keywords"])):
        raise UsageError(f"{where}: keywords must be a list of non-empty strings")
    for key, allowed in PACKAGE_LIST_FIELDS.items():
        if key not in data:
            continue
        entries = data[key]
        if not isinstance(entries, list) or not entries:
            raise UsageError(f"{where}: {key} must be a non-empty list of objects with {', '.join(allowed)}")
        for n, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or not entry or set(entry) - set(allowed):
                raise UsageError(f"{where}: {key} entry {n} must be an object with only {', '.join(allowed)} "
                                 f"(e.g. {{\"{allowed[0]}\": \"...\", \"path\": \"https://...\"}}), not {entry!r}")
    return dict(data)


def _previous_package(out_dir: Path) -> dict[str, Any]:
    """The user-set properties of the collection's current ``datapackage.json`` (none if it has
    none, or cannot be read: an earlier run's descriptor is ours, not a user's input)."""
    try:
        previous = json.loads((out_dir / DATAPACKAGE).read_text(encoding="utf-8"))
        return package_metadata({k: v for k, v in previous.items() if k in PACKAGE_FIELDS}, str(out_dir))
    except (OSError, ValueError, UsageError):
        return {}


def datapackage(version: str, created: datetime, folder: Path | None = None,
                package: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Frictionless Data Package (v2) descriptor: each table's CSV file as a tabular resource
    (its schema inline), and its Parquet file as a file resource with its size and SHA-256
    (Frictionless checks both; it cannot check a Parquet file's list columns against a schema).
    ``folder``: where the Parquet files are, to measure them (None: they are listed unmeasured).
    ``package``: user-set properties (``package_metadata``), which win over the defaults."""
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "factextract-output",
        "title": "Rabat Process reference-country factsheets, as tables",
        "description": f"Written by factextract {version}. Each table is in <table>.csv and in "
                       "<table>.parquet (same columns; lists as list<string>, dates as date32); "
                       "see manifest.json for the run.",
        "created": created.isoformat(),
        "resources": [
            {
                "name": table,
                "type": "table",
                "path": f"{table}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": schema(table)["title"],
                "description": schema(table)["description"],
                "schema": schema(table),
            }
            for table in TABLES
        ] + [_parquet_resource(table, folder) for table in TABLES],
    }
    descriptor.update(package or {})
    return descriptor


def _parquet_resource(table: str, folder: Path | None) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": f"{table}-parquet",
        "type": "file",
        "path": f"{table}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "title": f"{schema(table)['title']} (Parquet)",
        "description": f"The `{table}` resource as Parquet: the same columns and rows, with Arrow types "
                       "(lists as list<string>, dates as date32, integers as int64).",
    }
    if folder is not None:
        digest = hashlib.sha256()
        size = 0
        with open(folder / f"{table}.parquet", "rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
                size += len(block)
        resource.update(bytes=size, hash=f"sha256:{digest.hexdigest()}")
    return resource


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --- reading ---------------------------------------------------------------------------------

def load(out_dir: Path | str, *, lenient: bool = False, dates: str = "date") -> dict[str, pd.DataFrame]:
    """Read a run's Parquet tables back, with the schemas' columns and dtypes.

    ``lenient``: a column an older version did not write is read as nulls (how a run adds to
    a collection an earlier version wrote). ``dates``: ``date`` (Arrow dates) or ``datetime``
    (NumPy ``datetime64``, see ``DATE_MODES``)."""
    if dates not in DATE_MODES:
        raise UsageError(f"dates must be one of {', '.join(map(repr, DATE_MODES))}, not {dates!r}: "
                         "'date' keeps exact days, 'datetime' gives datetime64 columns for pandas' .dt and resample")
    out_dir = Path(out_dir)
    with store.reading(out_dir):
        return _load(out_dir, lenient, dates)


def _load(out_dir: Path, lenient: bool, dates: str = "date") -> dict[str, pd.DataFrame]:
    _check_complete(out_dir)
    frames = {}
    for table in TABLES:
        try:
            arrow = _conformed(table, pq.read_table(out_dir / f"{table}.parquet"), lenient)
        except SchemaError as exc:
            raise SchemaError(table, f"{out_dir / f'{table}.parquet'} {exc.problem}, "
                                     f"run {_run_command(out_dir)} again") from None
        frames[table] = to_pandas(arrow, dates)
    return frames


def _run_command(out_dir: Path) -> str:
    return f"`factextract run INPUT... --out {out_dir}`"


def _check_complete(out_dir: Path) -> None:
    """Raise UsageError unless ``out_dir`` holds every table and the manifest of a finished run."""
    run = _run_command(out_dir)
    missing = [t for t in TABLES if not (out_dir / f"{t}.parquet").is_file()]
    if len(missing) == len(TABLES):
        raise UsageError(f"{out_dir}: no factextract output here (no <table>.parquet files); "
                         f"run {run} first")
    if missing:
        raise UsageError(f"{out_dir}: incomplete output, {', '.join(missing)}.parquet missing; "
                         f"run {run} again")
    if not (out_dir / MANIFEST).is_file():
        raise UsageError(f"{out_dir}: no {MANIFEST}, so the run that wrote these tables did not "
                         f"finish; run {run} again")


def _conformed(table: str, arrow: pa.Table, lenient: bool) -> pa.Table:
    """An Arrow table read from Parquet, with exactly the schema's columns and types;
    ``lenient``: a column an older version did not write is nulls."""
    absent = [c for c in columns(table) if c not in arrow.column_names]
    if absent and lenient:
        for name in absent:
            arrow = arrow.append_column(name, pa.nulls(len(arrow), arrow_schema(table).field(name).type))
        absent = []
    if absent:
        raise SchemaError(table, f"lacks column(s) {', '.join(absent)}; it was written by another version")
    return arrow.select(columns(table)).cast(arrow_schema(table))
