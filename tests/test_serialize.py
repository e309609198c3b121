"""The cache's data format: every Factsheet comes back equal, and anything that is not one of
its files (a planted pickle above all) is refused with a ValueError that says what is wrong,
without running anything."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import pickle
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal, get_args

import pytest

from conftest import SAMPLES, sample_names
from factextract import serialize
from factextract.model import (
    DATE_SOURCES, ENTITY_LABELS, LANGUAGES, LIST_MARKERS, PRECISIONS, QUALIFIERS, SECTION_KINDS, STATUSES,
    BBox, Block, Char, DocumentInfo, Entity, EntitySource, Factsheet, Footnote, FootnoteRef, Item, Line, Period,
    Section, Span,
)
from factextract.pipeline import process_file
from factextract.serialize import FORMAT_NAME, FORMAT_VERSION, FormatError, dumps, loads

DOC = "0123456789abcdef"
SHA = DOC + "0" * 48


def round_trip(sheet: Factsheet) -> Factsheet:
    """``sheet`` through the format, checked to come back equal and to write the same bytes
    again (which also covers the fields kept out of equality, such as ``Item.bbox``)."""
    data = dumps(sheet)
    back = loads(data)
    assert back == sheet
    assert dumps(back) == data
    return back


# --- Round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_factsheet_comes_back_equal(name):
    sheet = process_file(SAMPLES / f"{name}.pdf")
    back = round_trip(sheet)
    assert [i.bbox for i in back.items] == [i.bbox for i in sheet.items]


def period(text: str = "mars 2021", precision="month", qualifier="", start=date(2021, 3, 1),
           end=date(2021, 3, 31), **offsets) -> Period:
    return Period(text, start, end, precision, qualifier, "2021-03", **offsets)


def item(n: int, kind="progress", **fields) -> Item:
    return Item(**{"item_id": f"{DOC}:i{n}", "section_id": f"{DOC}:s1", "section_kind": kind,
                   "parent_item_id": None, "order": n, "page": 1, "text": f"item {n}", **fields})


def sheet(**fields) -> Factsheet:
    return Factsheet(**{"doc_id": DOC, "source_path": "in/é x.pdf", "sha256": SHA, "status": "ok", **fields})


def test_a_bare_error_sheet_comes_back_equal():
    round_trip(sheet(status="error", error="cannot be read: Permission denied"))


def test_empty_and_none_values_come_back_as_they_were():
    back = round_trip(sheet(info=DocumentInfo(), page_count=0, warnings=(), error=None,
                            items=(item(1, text=""),)))
    assert back.info.title is None and back.items[0].text == "" and back.page_count == 0
    assert type(back.warnings) is tuple


def test_a_full_sheet_comes_back_equal_with_every_nested_value():
    full = sheet(
        warnings=("page 3 could not be read", "not a factsheet?"),
        info=DocumentInfo(title="Sénégal", language="fr", country="Sénégal", domain_number=4,
                          domain_title="Prévention", action_number=15, action_title="Renforcer"),
        page_count=2,
        sections=(Section(f"{DOC}:s1", 1, "progress", "PROGRÈS", 1, subheadings=("2019", "2020"),
                          heading_period=period("2019", "year", "", date(2019, 1, 1), date(2019, 12, 31))),),
        items=(
            item(1, date=period(start_char=3, end_char=12), date_source="inline",
                 dates=(period(start_char=3, end_char=12), period("2022", "year", "since", date(2022, 1, 1), None)),
                 timeline_label=period("T1", "quarter", "approx"),
                 footnote_refs=(FootnoteRef("1", "OIM"), FootnoteRef("*", "HCR")), marker="bullet",
                 bbox=BBox(56.7, 100.25, 538.58, 112.0)),
            item(2, parent_item_id=f"{DOC}:i1", marker="number"),
        ),
        footnotes=(Footnote("1", "OIM : Organisation internationale pour les migrations", "OIM",
                            "Organisation internationale pour les migrations", 2),
                   Footnote("*", "note", None, None, 2)),
        entities=(Entity(f"{DOC}:i1", "OIM", "ORG", 0, 3, "model"),),
        duplicate_of="in/copy.pdf",
    )
    back = round_trip(full)
    assert back.items[0].bbox == BBox(56.7, 100.25, 538.58, 112.0)
    assert back.items[0].dates[1].end is None and type(back.items[0].dates[0].start) is date


def test_every_value_of_every_literal_comes_back():
    sections = tuple(Section(f"{DOC}:s{n}", n, kind, None, 1) for n, kind in enumerate(SECTION_KINDS))
    items = tuple(item(n, kind=kind) for n, kind in enumerate(SECTION_KINDS))
    dated = tuple(item(100 + n, date=period(precision=p, qualifier=q), date_source=s, marker=m)
                  for n, (p, q, s, m) in enumerate(zip(PRECISIONS, QUALIFIERS * 2, DATE_SOURCES * 2, LIST_MARKERS * 2)))
    dates = tuple(period(precision=p, qualifier=q) for p in PRECISIONS for q in QUALIFIERS)
    entities = tuple(Entity(f"{DOC}:i1", "x", label, 0, 1, source)
                     for label in ENTITY_LABELS for source in get_args(EntitySource))
    for status in STATUSES:
        for language in (*LANGUAGES, None):
            round_trip(sheet(status=status, info=DocumentInfo(language=language), sections=sections,
                             items=(*items, *dated, item(999, dates=dates)), entities=entities))


def test_the_blocks_the_pipeline_drops_would_come_back_too():
    """``Section.blocks`` is empty in every Factsheet the pipeline makes, but the codec follows
    the types, so lines, spans and glyphs (all kept out of equality) survive as well."""
    box = BBox(10.0, 20.0, 30.5, 32.0)
    line = Line("Bonjour", 1, box, 10.0, False, spans=(Span("Bon", "Helvetica", 10.0), Span("1", "Helvetica", 6.5, True)),
                chars=(Char("B", "Helvetica", 10.0, box, 30.0),), drawn_marker=True, superscript_rise=2.25)
    section = Section(f"{DOC}:s1", 1, "other", None, 1, blocks=(Block((line,), 1, box, index=7),))
    back = round_trip(sheet(sections=(section,)))
    assert back.sections[0].blocks == section.blocks
    got = back.sections[0].blocks[0].lines[0]
    assert (got.spans, got.chars, got.superscript_rise) == (line.spans, line.chars, line.superscript_rise)


@pytest.mark.parametrize("value", [0.1, 1e-300, 5e-324, 1.7976931348623157e308, -0.0, 1 / 3, 595.2756, 12345678.9])
def test_floats_come_back_bit_for_bit(value):
    back = round_trip(sheet(items=(item(1, bbox=BBox(value, 0.0, 1.0, 2.0)),)))
    assert math.copysign(1, back.items[0].bbox.x0) == math.copysign(1, value)
    assert back.items[0].bbox.x0.hex() == value.hex()


def test_non_finite_floats_are_written_as_strings_and_read_back():
    data = dumps(sheet(items=(item(1, bbox=BBox(math.inf, -math.inf, math.nan, 0.0)),)))
    json.loads(data)  # standard JSON: no bare NaN or Infinity
    box = loads(data).items[0].bbox
    assert (box.x0, box.top, math.isnan(box.x1)) == (math.inf, -math.inf, True)


def test_an_int_where_a_float_belongs_comes_back_as_an_equal_float():
    back = round_trip(sheet(items=(item(1, bbox=BBox(50, 100, 150, 120)),)))
    assert back.items[0].bbox == BBox(50.0, 100.0, 150.0, 120.0) and type(back.items[0].bbox.x0) is float


def test_text_that_utf8_cannot_hold_still_comes_back():
    """A lone surrogate (a broken PDF string) cannot be encoded as UTF-8: it is escaped."""
    data = dumps(sheet(warnings=("bad \ud800 text", "é")))
    assert loads(data).warnings == ("bad \ud800 text", "é")
    data.decode("utf-8")


def test_the_bytes_are_compact_utf8_json_in_the_envelope():
    data = dumps(sheet(source_path="é.pdf"))
    document = json.loads(data.decode("utf-8"))
    assert (document["format"], document["version"], set(document)) == (FORMAT_NAME, FORMAT_VERSION,
                                                                        {"format", "version", "sheet"})
    assert "é".encode() in data and b", " not in data and b": " not in data
    assert document["sheet"]["status"] == "ok" and document["sheet"]["info"]["title"] is None


# --- What dumps refuses ------------------------------------------------------------------------


@pytest.mark.parametrize("bad, where", [
    (sheet(warnings=["a list"]), "sheet.warnings: expected tuple, got list"),
    (sheet(status="done"), "sheet.status: 'done' is not one of"),
    (sheet(page_count=True), "sheet.page_count: expected int, got bool"),
    (sheet(page_count="3"), "sheet.page_count: expected int, got str"),
    (sheet(items=(item(1, date=period(start=datetime(2021, 3, 1, 12))),)), "sheet.items[0].date.start: expected date"),
    (sheet(info={"title": "x"}), "sheet.info: expected DocumentInfo, got dict"),
], ids=["list-for-tuple", "bad-literal", "bool-for-int", "str-for-int", "datetime-for-date", "dict-for-dataclass"])
def test_dumps_refuses_a_value_that_does_not_fit_its_type_naming_the_field(bad, where):
    with pytest.raises(TypeError, match="cannot serialise") as caught:
        dumps(bad)
    assert where in str(caught.value)


def test_dumps_takes_only_a_factsheet():
    with pytest.raises(TypeError, match="dumps takes a Factsheet"):
        dumps(DocumentInfo())  # type: ignore[arg-type]


# A stand-in for a future Factsheet, to show the codec follows whatever fields it is given.
@dataclasses.dataclass(frozen=True)
class Future:
    doc_id: str
    tags: frozenset[str] = frozenset()
    labels: Mapping[int, Period] = dataclasses.field(default_factory=dict)
    pair: tuple[int, str] | None = None
    grid: tuple[tuple[BBox, ...], ...] = ()
    counts: list[int] = dataclasses.field(default_factory=list)
    children: tuple[Future, ...] = ()
    flag: Literal["a", 1, True, None] = None


def test_fields_added_later_are_written_and_read_without_touching_the_codec(monkeypatch):
    monkeypatch.setattr(serialize, "Factsheet", Future)
    value = Future("d", tags=frozenset({"b", "a", "c"}), labels={3: period(), 1: period("2020", "year")},
                   pair=(2, "x"), grid=((BBox(1, 2, 3, 4),), ()), counts=[1, 2],
                   children=(Future("child", flag=True), Future("other", flag=1)), flag="a")
    data = dumps(value)  # type: ignore[arg-type]
    back = loads(data)
    assert back == value and list(back.labels) == [3, 1]
    assert (back.children[0].flag is True, type(back.children[1].flag)) == (True, int)
    assert dumps(Future("d", tags=frozenset({"c", "a", "b"}))) == dumps(Future("d", tags=frozenset({"a", "b", "c"})))


@dataclasses.dataclass(frozen=True)
class Unsupported:
    doc_id: str
    weight: complex = 0j


@dataclasses.dataclass(frozen=True)
class Ambiguous:
    doc_id: str
    value: int | str = 0


@dataclasses.dataclass(frozen=True)
class Inner:
    anything: Any = None


@dataclasses.dataclass(frozen=True)
class Outer:
    doc_id: str
    inner: tuple[Inner, ...] = ()  # empty in the sheet dumped: the field is still checked


@pytest.mark.parametrize("root, field", [
    (Unsupported, "Unsupported.weight"), (Ambiguous, "Ambiguous.value"), (Outer, "Inner.anything"),
], ids=["complex", "union", "nested-any"])
def test_a_field_type_with_no_json_form_is_a_type_error_naming_the_field(monkeypatch, root, field):
    monkeypatch.setattr(serialize, "Factsheet", root)
    with pytest.raises(TypeError, match=f"field {field} cannot be serialised"):
        dumps(root("d"))  # type: ignore[arg-type]


# --- What loads refuses ------------------------------------------------------------------------


VALID = json.loads(dumps(sheet(
    page_count=1, items=(item(1, date=period(), bbox=BBox(1.0, 2.0, 3.0, 4.0)),),
    sections=(Section(f"{DOC}:s1", 1, "progress", None, 1),), entities=(Entity(f"{DOC}:i1", "OIM", "ORG", 0, 3, "rule"),),
)))


def edited(change) -> bytes:
    """The valid document with one change applied to a deep copy of it, as bytes."""
    document = json.loads(json.dumps(VALID))
    change(document)
    return json.dumps(document).encode("utf-8")


def setter(path: str, value):
    """A change setting the value at a dotted path ("sheet.items.0.date.precision")."""
    *parents, last = path.split(".")

    def change(document):
        for step in parents:
            document = document[int(step)] if isinstance(document, list) else document[step]
        document[int(last) if isinstance(document, list) else last] = value
    return change


def deleter(path: str):
    *parents, last = path.split(".")

    def change(document):
        for step in parents:
            document = document[int(step)] if isinstance(document, list) else document[step]
        del document[last]
    return change


BAD = [
    # (id, bytes, what the message must say)
    ("empty", b"", "not JSON"),
    ("not-utf8", b'{"format": "\xff"}', "not UTF-8"),
    ("not-json", b"factsheet", "not JSON"),
    ("truncated", dumps(sheet())[:-5], "not JSON"),
    ("trailing-data", dumps(sheet()) + b" {}", "not JSON"),
    ("bom", b"\xef\xbb\xbf" + dumps(sheet()), "not JSON"),
    ("a-list", b"[]", "expected a JSON object"),
    ("a-string", b'"sheet"', "expected a JSON object"),
    ("no-format", edited(deleter("format")), "no format name"),
    ("wrong-format", edited(setter("format", "factextract-table")), "format 'factextract-table', expected"),
    ("newer-version", edited(setter("version", FORMAT_VERSION + 1)), "is newer than this factextract reads"),
    ("older-version", edited(setter("version", 0)), "unknown format version 0"),
    ("version-string", edited(setter("version", "1")), "version '1' is not an integer"),
    ("version-bool", edited(setter("version", True)), "version True is not an integer"),
    ("no-sheet", edited(deleter("sheet")), "missing field 'sheet' in envelope"),
    ("extra-envelope-key", edited(setter("python", "os.system")), "unknown field 'python' in envelope"),
    ("sheet-a-list", edited(setter("sheet", [])), "sheet: expected an object (Factsheet), got a list"),
    ("missing-field", edited(deleter("sheet.status")), "sheet: missing field 'status' in Factsheet"),
    ("missing-nested-field", edited(deleter("sheet.items.0.date.edtf")), "sheet.items[0].date: missing field 'edtf' in Period"),
    ("unknown-field", edited(setter("sheet.__class__", "os.system")), "sheet: unknown field '__class__' in Factsheet"),
    ("unknown-nested-field", edited(setter("sheet.info.py/reduce", 1)), "sheet.info: unknown field 'py/reduce'"),
    ("null-for-str", edited(setter("sheet.doc_id", None)), "sheet.doc_id: expected a string, got null"),
    ("str-for-int", edited(setter("sheet.page_count", "1")), "sheet.page_count: expected an integer, got a string '1'"),
    ("bool-for-int", edited(setter("sheet.page_count", True)), "sheet.page_count: expected an integer, got true"),
    ("float-for-int", edited(setter("sheet.page_count", 1.0)), "sheet.page_count: expected an integer, got a number 1.0"),
    ("str-for-float", edited(setter("sheet.items.0.bbox.x0", "1.0")), "sheet.items[0].bbox.x0: expected a number"),
    ("object-for-list", edited(setter("sheet.warnings", {})), "sheet.warnings: expected a list (tuple), got an object"),
    ("int-in-list", edited(setter("sheet.warnings", ["ok", 3])), "sheet.warnings[1]: expected a string, got an integer 3"),
    ("str-for-dataclass", edited(setter("sheet.info", "x")), "sheet.info: expected an object (DocumentInfo)"),
    ("bad-status", edited(setter("sheet.status", "done")), "sheet.status: 'done' is not one of 'ok', "),
    ("bad-precision", edited(setter("sheet.items.0.date.precision", "weekly")), "sheet.items[0].date.precision: 'weekly' is not one of"),
    ("bad-section-kind", edited(setter("sheet.sections.0.kind", "PROGRESS")), "sheet.sections[0].kind: 'PROGRESS' is not one of"),
    ("bad-entity-label", edited(setter("sheet.entities.0.label", "PER")), "sheet.entities[0].label: 'PER' is not one of"),
    ("bad-optional-literal", edited(setter("sheet.info.language", "de")), "sheet.info.language: 'de' is not one of 'fr', 'en'"),
    ("literal-wrong-type", edited(setter("sheet.items.0.date.qualifier", 0)), "sheet.items[0].date.qualifier: 0 is not one of"),
    ("bad-month", edited(setter("sheet.items.0.date.start", "2021-13-01")), "sheet.items[0].date.start: expected a date as 'YYYY-MM-DD', got '2021-13-01'"),
    ("short-date", edited(setter("sheet.items.0.date.start", "2021-3-1")), "expected a date as 'YYYY-MM-DD'"),
    ("basic-date", edited(setter("sheet.items.0.date.start", "20210301")), "expected a date as 'YYYY-MM-DD'"),
    ("datetime", edited(setter("sheet.items.0.date.start", "2021-03-01T00:00:00")), "expected a date as 'YYYY-MM-DD'"),
    ("int-date", edited(setter("sheet.items.0.date.end", 20210331)), "got 20210331"),
    ("duplicate-key", dumps(sheet())[:-2] + b',"status":"error"}}', "the key 'status' twice"),
    ("bare-nan", dumps(sheet(items=(item(1, bbox=BBox(0.0, 0.0, 0.0, 0.0)),))).replace(b'"x0":0.0', b'"x0":NaN'), "bare NaN"),
    ("huge-int", edited(setter("sheet.page_count", 12345)).replace(b"12345", b"9" * 5000), "not JSON"),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
]


@pytest.mark.parametrize("data, message", [(d, m) for _, d, m in BAD], ids=[i for i, _, _ in BAD])
def test_loads_refuses_anything_else_with_a_one_line_message(data, message):
    with pytest.raises(ValueError) as caught:
        loads(data)
    assert isinstance(caught.value, FormatError)
    text = str(caught.value)
    assert message in text and text.startswith("not a factextract Factsheet: ")
    assert "\n" not in text and len(text) < 250


def test_a_bad_value_is_quoted_short():
    with pytest.raises(ValueError, match="…") as caught:
        loads(edited(setter("sheet.status", "x" * 10_000)))
    assert len(str(caught.value)) < 250


def test_the_error_says_where_and_what():
    with pytest.raises(FormatError) as caught:
        loads(edited(setter("sheet.items.0.date.precision", "weekly")))
    assert caught.value.where == "sheet.items[0].date.precision"
    assert caught.value.problem.startswith("'weekly' is not one of 'day', 'month'")


def test_loads_takes_bytes():
    with pytest.raises(TypeError, match="loads takes bytes"):
        loads(dumps(sheet()).decode())  # type: ignore[arg-type]
    assert loads(bytearray(dumps(sheet()))) == sheet()


# --- Pickle ------------------------------------------------------------------------------------


class Exploit:
    """Unpickling this runs a shell command: what a file planted in a pickle cache could do."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("protocol", [0, pickle.HIGHEST_PROTOCOL])
def test_a_pickle_is_refused_and_runs_nothing(tmp_path, protocol):
    marker = tmp_path / "ran"
    payload = pickle.dumps(Exploit(str(marker)), protocol=protocol)
    with pytest.raises(ValueError, match="not a factextract Factsheet"):
        loads(payload)
    assert not marker.exists()


def test_a_pickled_factsheet_is_refused_too():
    with pytest.raises(ValueError, match="not a factextract Factsheet"):
        loads(pickle.dumps(sheet(), protocol=pickle.HIGHEST_PROTOCOL))
