"""The output folder's DuckDB database: a view over each Parquet table, and ``activities``, the
dated items of every document with their country, action and section, so that a question
about the whole collection is one line of SQL:

    import duckdb
    db = duckdb.connect("outputs/factextract.duckdb", read_only=True)
    db.sql("SELECT country_iso3, year(date_start) AS year, count(*) FROM activities GROUP BY ALL ORDER BY ALL")

The views read the Parquet files where the run wrote them (absolute paths: DuckDB resolves a
relative one against the querying process's working folder, not the database's); the file
holds no data of its own. Each run rewrites it once its tables are in place (DuckDB checks, as
it makes a view, that the file it reads is there); as it names only the folder's files, one
from an earlier run still reads the new tables. A folder moved elsewhere gets a fresh one from
its next run.
"""

from __future__ import annotations

import os
from pathlib import Path

DATABASE = "factextract.duckdb"

# One row per dated item (an item with a date of its own, from its timeline label, its parent
# or its section heading), with what a comparison across countries needs. A file with the same
# bytes as another (``duplicate_of``) shares its content rows: it is left out, not counted twice.
ACTIVITIES = """
CREATE VIEW activities AS
SELECT d.country_iso3, d.country, d.language, d.domain_number, d.domain_title,
       d.action_number, d.action_title,
       i.section_kind, s.heading AS section_heading, s.year AS section_year,
       i.item_id, i."order" AS item_order, i.page, i.text,
       i.date_text, i.date_start, i.date_end, i.date_precision, i.date_qualifier, i.date_edtf,
       i.date_source, d.doc_id, d.source_path
FROM items AS i
JOIN documents AS d ON d.doc_id = i.doc_id AND d.duplicate_of IS NULL
JOIN sections AS s ON s.section_id = i.section_id
WHERE i.date_edtf IS NOT NULL
"""


def write_database(folder: Path, tables: tuple[str, ...]) -> Path:
    """Write ``folder/factextract.duckdb``, its views reading ``folder/<table>.parquet`` (which
    must be there: DuckDB checks as it makes a view); return its path. The file is written
    aside and renamed into place, so a reader never sees half of one."""
    import duckdb

    folder = folder.resolve()
    final, aside = folder / DATABASE, folder / f".{DATABASE}.tmp"
    aside.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(aside)) as connection:
            for table in tables:
                parquet = str(folder / f"{table}.parquet").replace("'", "''")
                connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{parquet}')")
            connection.execute(ACTIVITIES)
        os.replace(aside, final)
    finally:
        aside.unlink(missing_ok=True)
        Path(f"{aside}.wal").unlink(missing_ok=True)
    return final


def dated_items(path: Path) -> list[tuple]:
    """(country code, first day, last day, precision) of every row of ``activities``."""
    import duckdb

    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(
            "SELECT country_iso3, date_start, date_end, date_precision FROM activities").fetchall()
