"""A Factsheet as bytes and back: JSON data, read by the model's own types.

The batch cache keeps Factsheets on disk, where anyone who can write the cache folder can plant
a file. Pickle runs code while it loads (a planted ``__reduce__`` is a shell command), so a cache
must be data, not code: this module writes plain JSON and reads it back only into the classes
that ``Factsheet``'s type hints name, checking every value against its declared type on the way.
Nothing in the data chooses a class, imports a module or calls a function.

The codec is derived from the dataclasses' fields and ``typing.get_type_hints``, never from a
list of fields written here, so a field added to the model is written and read without touching
this file; a field of a type it cannot represent is a TypeError at dump time, naming the field.

Format: ``{"format": FORMAT_NAME, "version": FORMAT_VERSION, "sheet": {...}}``, compact UTF-8.
A dataclass is an object of all its fields (``init=False`` fields are the class's own business
and left out); a tuple, list or set a list; a mapping a list of ``[key, value]`` pairs (JSON keys
are strings only); a date its ISO form ``YYYY-MM-DD``; a float its shortest exact repr, and a
non-finite one one of the strings in NON_FINITE_FLOATS (JSON has no literal for them).
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache

from .errors import FactextractError
from .model import Factsheet

FORMAT_NAME = "factextract-factsheet"
# Bump when a file of the old form would be read wrongly (not when a field is added: a file
# without it is refused as a "missing field", which a cache treats as a miss).
FORMAT_VERSION = 1
ENVELOPE_KEYS = frozenset({"format", "version", "sheet"})
# The root of every path in an error message ("sheet.items[3].date").
ROOT_PATH = "sheet"
# Floats JSON has no literal for, written as these strings where the type says float.
NON_FINITE_FLOATS: Mapping[str, float] = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
# The longest quotation of a bad value in an error message (characters).
MAX_QUOTED_CHARS = 60
# Compact JSON: no spaces after separators.
JSON_SEPARATORS = (",", ":")

_Encode = Callable[[typing.Any], typing.Any]
_Decode = Callable[[typing.Any], typing.Any]
_NONE_TYPE = type(None)
_LITERAL_VALUE_TYPES = (str, int, bool, _NONE_TYPE)
_MAPPING_ORIGINS = (dict, Mapping)
_SET_ORIGINS = {frozenset: frozenset, set: set}


class FormatError(FactextractError, ValueError):
    """Bytes that are not a Factsheet in this module's format; ``where`` is the path of the bad
    value (``sheet.items[3].date``), or empty when the bytes as a whole are wrong."""

    def __init__(self, problem: str, where: str = "") -> None:
        self.problem = problem
        self.where = where
        super().__init__(f"not a factextract Factsheet: {where + ': ' if where else ''}{problem}")


class _Invalid(Exception):
    """A value that does not fit its type; ``path`` gathers the steps to it, innermost first,
    as the error climbs out of the nested values."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []

    def where(self) -> str:
        return ROOT_PATH + "".join(reversed(self.path))


def dumps(sheet: Factsheet) -> bytes:
    """The Factsheet as compact UTF-8 JSON in its envelope.

    Raises:
        TypeError: a value does not fit its field's declared type, or a field's type is one
            this format cannot represent; the message names the field.
    """
    if type(sheet) is not Factsheet:
        raise TypeError(f"dumps takes a Factsheet, not {type(sheet).__name__}")
    _check_types(Factsheet)
    encode, _ = _codec(Factsheet)
    try:
        body = encode(sheet)
    except _Invalid as exc:
        raise TypeError(f"cannot serialise this Factsheet: {exc.where()}: {exc.problem}") from None
    envelope = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "sheet": body}
    try:
        return json.dumps(envelope, ensure_ascii=False, separators=JSON_SEPARATORS, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a broken PDF string: escape it instead
        return json.dumps(envelope, ensure_ascii=True, separators=JSON_SEPARATORS, allow_nan=False).encode("ascii")


def loads(data: bytes) -> Factsheet:
    """The Factsheet ``dumps`` wrote as these bytes.

    Raises:
        FormatError (a ValueError): the bytes are anything else; the message says what is wrong
            and where, on one line.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"loads takes bytes, not {type(data).__name__}")
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except _Invalid as exc:
        raise FormatError(exc.problem) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise FormatError(f"not JSON ({exc})") from None
    body = _open_envelope(document)
    _check_types(Factsheet)
    _, decode = _codec(Factsheet)
    try:
        return decode(body)
    except _Invalid as exc:
        raise FormatError(exc.problem, exc.where()) from None


def _open_envelope(document: object) -> object:
    """The envelope's ``sheet``, once format and version say this module can read it."""
    if type(document) is not dict:
        raise FormatError(f"expected a JSON object with {_names(ENVELOPE_KEYS)}, got {_json_kind(document)}")
    name = document.get("format")
    if name != FORMAT_NAME:
        found = "no format name" if name is None else f"format {_quote(name)}"
        raise FormatError(f"{found}, expected {FORMAT_NAME!r}")
    version = document.get("version")
    if type(version) is not int:
        raise FormatError(f"version {_quote(version)} is not an integer")
    if version > FORMAT_VERSION:
        raise FormatError(f"format version {version} is newer than this factextract reads "
                          f"({FORMAT_VERSION}); upgrade factextract or discard the file")
    if version != FORMAT_VERSION:
        raise FormatError(f"unknown format version {version}; this factextract reads version {FORMAT_VERSION}")
    if document.keys() != ENVELOPE_KEYS:
        raise FormatError(_field_mismatch(document.keys(), ENVELOPE_KEYS, "envelope"))
    return document["sheet"]


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object as a dict, refusing a key given twice (json would keep the last silently)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise _Invalid(f"a JSON object has the key {_quote(twice)} twice")
    return out


def _no_constant(token: str) -> typing.NoReturn:
    raise _Invalid(f"bare {token} is not JSON (non-finite floats are written as strings)")


# --- The codec of a type: an (encode, decode) pair, built once per type ---------------------


@lru_cache(maxsize=None)
def _codec(tp: object) -> tuple[_Encode, _Decode]:
    """The encoder and decoder of values of type ``tp``; TypeError for a type with none."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_codec(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _literal_codec(args)
    if origin in (typing.Union, types.UnionType):
        return _optional_codec(tp, args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence_codec(tuple, _codec(args[0]))
        return _fixed_tuple_codec(tuple(_codec(a) for a in args))
    if origin is list and len(args) == 1:
        return _sequence_codec(list, _codec(args[0]))
    if origin in _SET_ORIGINS and len(args) == 1:
        return _set_codec(_SET_ORIGINS[origin], _codec(args[0]))
    if origin in _MAPPING_ORIGINS and len(args) == 2:
        return _mapping_codec(_codec(args[0]), _codec(args[1]))
    raise TypeError(f"type {_type_name(tp)} has no JSON form here (use str, int, float, bool, date, "
                    "Literal, X | None, tuple, list, frozenset, Mapping or a dataclass of those)")


@lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[tuple[tuple[str, _Encode, _Decode], ...], frozenset[str]]:
    """The (name, encode, decode) of each field of a dataclass set by its constructor, and
    their names; TypeError naming the field whose type has no codec."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception as exc:  # a forward reference that does not resolve
        raise TypeError(f"cannot read the type hints of {cls.__qualname__}: {exc}") from None
    out = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        try:
            encode, decode = _codec(hints[f.name])
        except TypeError as exc:
            raise TypeError(f"field {cls.__qualname__}.{f.name} cannot be serialised: {exc}") from None
        out.append((f.name, encode, decode))
    return tuple(out), frozenset(name for name, _, _ in out)


@lru_cache(maxsize=None)
def _check_types(root: type) -> None:
    """Build the codec of every dataclass reachable from ``root``, so that a field of a type
    with no codec fails every dump, not only those of the sheets where it holds a value."""
    todo, seen = [root], {root}
    while todo:
        cls = todo.pop()
        _fields_of(cls)
        for hint in typing.get_type_hints(cls).values():
            for found in _dataclasses_in(hint) - seen:
                seen.add(found)
                todo.append(found)


def _dataclasses_in(tp: object) -> set[type]:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return {tp}
    if typing.get_origin(tp) is typing.Literal:
        return set()
    return {cls for arg in typing.get_args(tp) for cls in _dataclasses_in(arg)}


def _scalar(kind: type) -> tuple[_Encode, _Decode]:
    """str, int and bool: written as they are, read only as that exact JSON type (bool is not
    an int here, though Python says it is)."""

    def encode(value):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _Invalid(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    def decode(data):
        if type(data) is not kind:
            raise _Invalid(f"expected {_JSON_KIND_OF[kind]}, got {_json_kind(data)}")
        return data

    return encode, decode


def _encode_float(value):
    if isinstance(value, bool) or not isinstance(value, (float, int)):
        raise _Invalid(f"expected float, got {type(value).__name__}")
    try:
        value = float(value)
    except OverflowError:
        raise _Invalid(f"integer {_quote(value)} is too large for a float") from None
    if math.isfinite(value):
        return value
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _decode_float(data):
    if type(data) is float:
        return data
    if type(data) is int:  # another writer's 1 for 1.0
        try:
            return float(data)
        except OverflowError:
            raise _Invalid(f"integer {_quote(data)} is too large for a float") from None
    if type(data) is str and data in NON_FINITE_FLOATS:
        return NON_FINITE_FLOATS[data]
    raise _Invalid(f"expected a number, got {_json_kind(data)}")


def _encode_date(value):
    if type(value) is not date:  # a datetime would lose its time
        raise _Invalid(f"expected date, got {type(value).__name__}")
    return value.isoformat()


def _decode_date(data):
    if type(data) is str:
        try:
            value = date.fromisoformat(data)
        except ValueError:
            value = None
        if value is not None and value.isoformat() == data:  # only the form dumps writes
            return value
    raise _Invalid(f"expected a date as 'YYYY-MM-DD', got {_quote(data)}")


_SCALARS: dict[object, tuple[_Encode, _Decode]] = {
    str: _scalar(str), int: _scalar(int), bool: _scalar(bool),
    float: (_encode_float, _decode_float), date: (_encode_date, _decode_date),
}
_JSON_KIND_OF = {str: "a string", int: "an integer", bool: "true or false"}


def _dataclass_codec(cls: type) -> tuple[_Encode, _Decode]:
    """A dataclass as a JSON object of its fields. The fields' codecs are looked up on first
    use, so that a dataclass may (through a tuple or an Optional) contain itself."""
    name = cls.__qualname__

    def encode(value):
        if type(value) is not cls:  # a subclass would come back as the base class
            raise _Invalid(f"expected {name}, got {type(value).__name__}")
        out = {}
        for field, enc, _ in _fields_of(cls)[0]:
            try:
                out[field] = enc(getattr(value, field))
            except _Invalid as exc:
                exc.path.append(f".{field}")
                raise
        return out

    def decode(data):
        if type(data) is not dict:
            raise _Invalid(f"expected an object ({name}), got {_json_kind(data)}")
        fields, names = _fields_of(cls)
        if data.keys() != names:
            raise _Invalid(_field_mismatch(data.keys(), names, name))
        kwargs = {}
        for field, _, dec in fields:
            try:
                kwargs[field] = dec(data[field])
            except _Invalid as exc:
                exc.path.append(f".{field}")
                raise
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:  # a __post_init__ that checks its values
            raise _Invalid(f"{name} refused these values: {exc}") from None

    return encode, decode


def _literal_codec(allowed: tuple[object, ...]) -> tuple[_Encode, _Decode]:
    """One of a Literal's values, matched by type too (True is not 1)."""
    if not all(type(a) in _LITERAL_VALUE_TYPES for a in allowed):
        raise TypeError(f"Literal{list(allowed)} holds values JSON cannot write as they are")
    keys = frozenset((type(a), a) for a in allowed)
    listed = ", ".join(repr(a) for a in allowed)

    def check(value):
        if (type(value), value) not in keys:
            raise _Invalid(f"{_quote(value)} is not one of {listed}")
        return value

    return check, check


def _optional_codec(tp: object, args: tuple[object, ...]) -> tuple[_Encode, _Decode]:
    """``X | None``: null, or an X. Other unions are refused: JSON would not say which member
    a value belongs to."""
    members = [a for a in args if a is not _NONE_TYPE]
    if len(members) != 1 or len(args) != len(members) + 1:
        raise TypeError(f"union {_type_name(tp)} is not X | None")
    enc, dec = _codec(members[0])
    return (lambda value: None if value is None else enc(value)), (lambda data: None if data is None else dec(data))


def _items(kind: str, data: object) -> list:
    if type(data) is not list:
        raise _Invalid(f"expected a list ({kind}), got {_json_kind(data)}")
    return data


def _sequence_codec(kind: type, item: tuple[_Encode, _Decode]) -> tuple[_Encode, _Decode]:
    enc, dec = item

    def encode(value):
        if type(value) is not kind:
            raise _Invalid(f"expected {kind.__name__}, got {type(value).__name__}")
        out = []
        for i, v in enumerate(value):
            try:
                out.append(enc(v))
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
        return out

    def decode(data):
        out = []
        for i, d in enumerate(_items(kind.__name__, data)):
            try:
                out.append(dec(d))
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
        return kind(out)

    return encode, decode


def _fixed_tuple_codec(members: tuple[tuple[_Encode, _Decode], ...]) -> tuple[_Encode, _Decode]:
    """``tuple[A, B]``: a list of exactly that many values, each of its own type."""
    size = len(members)

    def encode(value):
        if type(value) is not tuple or len(value) != size:
            raise _Invalid(f"expected a tuple of {size}, got {type(value).__name__} of {_size(value)}")
        out = []
        for i, ((enc, _), v) in enumerate(zip(members, value)):
            try:
                out.append(enc(v))
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
        return out

    def decode(data):
        if len(_items("tuple", data)) != size:
            raise _Invalid(f"expected a list of {size}, got one of {len(data)}")
        out = []
        for i, ((_, dec), d) in enumerate(zip(members, data)):
            try:
                out.append(dec(d))
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
        return tuple(out)

    return encode, decode


def _set_codec(kind: type, item: tuple[_Encode, _Decode]) -> tuple[_Encode, _Decode]:
    """A set as a list in a fixed order (by its JSON text), so equal sets give equal bytes."""
    enc, dec = item

    def encode(value):
        if not isinstance(value, kind):
            raise _Invalid(f"expected {kind.__name__}, got {type(value).__name__}")
        out = []
        for v in value:
            try:
                out.append(enc(v))
            except _Invalid as exc:
                exc.path.append(f"[{_quote(v)}]")
                raise
        return sorted(out, key=lambda e: json.dumps(e, sort_keys=True))

    def decode(data):
        out = set()
        for i, d in enumerate(_items(kind.__name__, data)):
            try:
                value = dec(d)
                if value in out:
                    raise _Invalid(f"{_quote(value)} is in the set twice")
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
            except TypeError:  # an unhashable member (a Mapping)
                raise _Invalid(f"{_quote(value)} cannot be a set member") from None
            out.add(value)
        return kind(out)

    return encode, decode


def _mapping_codec(key: tuple[_Encode, _Decode], val: tuple[_Encode, _Decode]) -> tuple[_Encode, _Decode]:
    """A mapping as a list of [key, value] pairs in its order: JSON keys could only be strings."""
    enc_key, dec_key = key
    enc_val, dec_val = val

    def encode(value):
        if not isinstance(value, Mapping):
            raise _Invalid(f"expected a mapping, got {type(value).__name__}")
        out = []
        for k, v in value.items():
            try:
                out.append([enc_key(k), enc_val(v)])
            except _Invalid as exc:
                exc.path.append(f"[{_quote(k)}]")
                raise
        return out

    def decode(data):
        out = {}
        for i, pair in enumerate(_items("mapping", data)):
            try:
                if type(pair) is not list or len(pair) != 2:
                    raise _Invalid(f"expected a [key, value] pair, got {_json_kind(pair)}")
                k = dec_key(pair[0])
                if k in out:
                    raise _Invalid(f"key {_quote(k)} is in the mapping twice")
                out[k] = dec_val(pair[1])
            except _Invalid as exc:
                exc.path.append(f"[{i}]")
                raise
            except TypeError:  # an unhashable key (a Mapping)
                raise _Invalid(f"key {_quote(k)} cannot be a mapping key") from None
        return out

    return encode, decode


# --- Messages ---------------------------------------------------------------------------------


def _field_mismatch(found: typing.AbstractSet[str], expected: typing.AbstractSet[str], what: str) -> str:
    missing, unknown = sorted(expected - found), sorted(found - expected)
    parts = []
    if missing:
        parts.append(f"missing field{'s' * (len(missing) > 1)} {_names(missing)}")
    if unknown:
        parts.append(f"unknown field{'s' * (len(unknown) > 1)} {_names(unknown)}")
    return f"{' and '.join(parts)} in {what}"


def _names(names: typing.Iterable[str]) -> str:
    return ", ".join(_quote(n) for n in sorted(names))


def _quote(value: object) -> str:
    """The value's repr, cut to MAX_QUOTED_CHARS: a message stays one short line."""
    text = repr(value)
    return text if len(text) <= MAX_QUOTED_CHARS else text[: MAX_QUOTED_CHARS - 1] + "…"


def _json_kind(data: object) -> str:
    if type(data) is bool:
        return "true" if data else "false"
    kinds = {dict: "an object", list: "a list", str: "a string", int: "an integer", float: "a number",
             _NONE_TYPE: "null"}
    kind = kinds.get(type(data), type(data).__name__)
    return f"{kind} {_quote(data)}" if type(data) in (str, int, float) else kind


def _size(value: object) -> str:
    try:
        return str(len(value))  # type: ignore[arg-type]
    except TypeError:
        return "no length"


def _type_name(tp: object) -> str:
    return tp.__qualname__ if isinstance(tp, type) else repr(tp).replace("typing.", "")
