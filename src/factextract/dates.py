"""Text -> periods: every temporal expression as (start, end, precision, qualifier, EDTF).

Implements CONTRACT.md, "Dates". A small grammar of regular expressions, compiled once per
language from ``vocab/<lang>/dates.yaml``, finds the expressions; ``datetime`` arithmetic turns
them into periods. dateparser provides what it does well, its language data: the month names of
each language are ours plus dateparser's (``month_words``), and the tests check our month and
weekday words against it. Its parser is not called at run time: ``search_dates`` is slow on
whole texts, fills missing parts from today, and knows no quarters, thirds or EDTF.

Matching runs on a *folded* copy of the text (lower case, accents and ligatures taken apart,
typographic apostrophes, dashes and spaces made plain), with a map back to the original
offsets, so ``Period.text == text[start_char:end_char]`` holds whatever the input's spelling.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from .errors import LanguageError
from .model import LANGUAGES, Period
from .vocab.dates import MONTH_KEYS, ORDINAL_KEYS, SEASON_KEYS, date_words, word_key
from .vocab.keys import fold as _fold

YEAR_MIN, YEAR_MAX = 1900, 2100  # a 4-digit number outside these is never read as a year

SEASONS: dict[str, tuple[int, int, int]] = dict(zip(  # key -> (EDTF code, first month, last month)
    SEASON_KEYS, ((21, 3, 5), (22, 6, 8), (23, 9, 11), (24, 12, 2))))
THIRDS: dict[str, tuple[int, int, int]] = {  # qualifier -> (EDTF code, first month, last month)
    "early": (37, 1, 4), "mid": (38, 5, 8), "late": (39, 9, 12),
}
ORDINALS: dict[str, int] = dict(zip(ORDINAL_KEYS, (1, 2, 3, 4, 0)))  # 0 = "last"
# Quarters and halves: how many in a year, how many months each, and the EDTF code of the
# first one less one (EDTF level 2: quarters are 33-36, halves 40-41).
QUARTERS, QUARTER_MONTHS, EDTF_QUARTER_BASE = 4, 3, 32
HALVES, HALF_MONTHS, EDTF_HALF_BASE = 2, 6, 39
# "2019-20" is a range only when the second year follows the first within this many years.
MAX_RANGE_YEARS = 10
DAYS_IN_WEEK = 7
# How fine a precision is: a range takes the finer of its bounds' precisions.
_FINENESS: dict[str, int] = {
    "day": 0, "month": 1, "quarter": 2, "season": 2, "third": 3, "half": 4, "year": 5,
}


def _to_original(starts: list[int] | None, s: int, e: int) -> tuple[int, int]:
    """Offsets in the folded text -> offsets in the original one."""
    if starts is None:
        return s, e
    return starts[s], max(starts[e], starts[e - 1] + 1)


# ---------------------------------------------------------------------------------------------
# Grammar: regular expressions built from the vocabulary

_NOT_GLUED = r"(?![^\W_])"  # no letter or digit follows
_SEP = r"(?:\s*-\s*|\s+)"  # between a qualifier word and what it qualifies: "mi-2022", "fin 2021"
# A year: 1900-2100, not followed by another digit.
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d)"


def _body(word: str) -> str:
    """Regex for a vocabulary entry without its ending: folded, any run of spaces as ``\\s+``,
    optional spaces after an apostrophe and around a hyphen."""
    out = []
    for part in re.split(r"(\s+|'|-)", _fold(word.strip())[0]):
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        elif part == "'":
            out.append(r"'\s*")
        elif part == "-":
            out.append(r"\s*-\s*")
        else:
            out.append(re.escape(part))
    return "".join(out)


def _word(word: str) -> str:
    """A whole word or phrase: a final '.' is an optional abbreviation dot, and a final letter
    or digit may not be glued to another ('mar.' matches 'mar' and 'mar.', not 'marrakech')."""
    w = word.strip()
    if w.endswith(".") and len(w) > 1:
        return _body(w[:-1]) + r"(?:\.|" + _NOT_GLUED + ")"
    return _body(w) + (_NOT_GLUED if w[-1].isalnum() else "")


def _prefix(word: str) -> str:
    """A word that comes before what it qualifies, with the separator after it."""
    w = _fold(word.strip())[0]
    if w.endswith("'"):
        return _body(w)
    if w.endswith("."):
        return _body(w) + r"\s*"
    if w.endswith("-"):
        return _body(w[:-1]) + _SEP
    return _body(w) + _SEP


def _alt(patterns: list[str]) -> str:
    """Alternatives longest first, so that a longer word wins over its prefix; no
    alternatives never match (an empty vocabulary list must not match everywhere)."""
    if not patterns:
        return "(?!)"
    unique = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(unique) + ")"


def _connector(word: str) -> str:
    """A range connector or closer: a dash or slash takes optional spaces (including a line
    break after a line-end hyphen, '2017-\\n2018'); a word needs spaces around it."""
    w = _fold(word.strip())[0]
    if not w[0].isalnum():
        return r"\s*" + _body(w).replace(r"\s*", "") + r"\s*"
    return r"\s+" + _body(w) + (r"\s*" if w.endswith("'") else r"\s+")


def _day_word_spellings(v: dict[str, Any]) -> list[str]:
    """Every spelling of the day words: as listed, and with a space for each hyphen
    ("twenty-two", "twenty two")."""
    out = []
    for spellings in v["day_words"].values():
        for w in spellings:
            out += [w, w.replace("-", " ")] if "-" in w else [w]
    return out


def _number_key(text: str) -> str:
    """Lookup key of a day word however it is spaced or hyphenated ("twenty - two")."""
    return re.sub(r"[\s-]+", " ", word_key(text))


@dataclass(frozen=True, slots=True)
class _Grammar:
    """One language's compiled grammar: its patterns and the word tables a match is read with."""

    language: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (form, anchored pattern), tie order
    trigger: re.Pattern[str]  # where an expression may start
    article: re.Pattern[str]  # "le ", "the ", "l'"
    months: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]  # 0 = "last"
    pairs: dict[str, frozenset[str]]
    count_nouns: frozenset[str]
    labels: re.Pattern[str]  # a naming word just before a number
    words: frozenset[str]  # every folded vocabulary token, to guess a text's language
    day_words: dict[str, int]  # "premier" -> 1, "twenty second" -> 22 (keys: _number_key)
    weekdays: dict[str, int]  # weekday word -> 0 (Monday) .. 6
    lead: re.Pattern[str]  # words before a whole date that do not change it: "en ", "in the year "
    trail: re.Pattern[str]  # ... and after it, to the end: ", Monday", " A.D."


def _bound(v: dict[str, Any], p: str, need_year: bool) -> str:
    """Regex for one date (one side of a range), its groups named with prefix ``p``.

    ``need_year``: the date must carry its own year; a range's left side may borrow it from
    the right ("mars-avril 2021", "12-14 mars 2021")."""
    q = "" if need_year else "?"
    month = _alt([_word(w) for ws in v["months"].values() for w in ws])
    weekday = _alt([_word(w) for w in v["weekdays"]])
    # A weekday beside a date is ignored: "lundi 12 mars 2021", "friday 2018-7-6".
    on_weekday = rf"(?:{weekday}\s*,?\s+)?"
    # A day of the month, 1-31, in figures with an optional suffix ("1er", "12th"), not glued
    # to more, or in words ("premier", "twenty second").
    day_number = r"(?:3[01]|[12]\d|0?[1-9])"
    day = (rf"(?:{day_number}"
           + (_alt([re.escape(_fold(s)[0]) for s in v["day_suffixes"]]) + "?")
           + _NOT_GLUED + "|" + _alt([_word(w) for w in _day_word_spellings(v)]) + ")")
    month_number = r"(?:1[0-2]|0?[1-9])"
    links = _alt([_prefix(w) for w in v["year_links"]])
    fillers = _alt([_body(w) + r"\s+" for w in v["year_fillers"]])
    # Between a period and its year: a space or comma, then "de"/"of", "l'année"/"the year".
    ysep = rf"(?:\s*,\s*|\s+){links}?{fillers}?"

    def year(name: str, sep: str = ysep) -> str:
        return f"(?:{sep}(?P<{p}{name}>{_YEAR})){q}"

    # Between a day or month and its year, a dash or slash also: "05-aug-2016", "dec-2018".
    ysep_or_dash = rf"(?:{ysep}|\s*[-/]\s*)"

    season = _alt([_word(w) for ws in v["seasons"].values() for w in ws])
    dm_link = _alt([_body(w) + r"\s+" for w in v["year_links"]])
    # Between a day and its month: "12 mars", "16. Nov.", "12th of March", "31/Oct", "14april".
    dm_sep = rf"(?:\.?\s+{dm_link}?|\s*[-/.]\s*)"
    nth_link = _alt([_prefix(w) for w in v["year_links"]])  # "jour d'octobre", "Tuesday of September"
    unit_sep = rf"(?:{ysep}|\s*[-/]\s*)"  # "T2 2022", "T2-2022", "Q2/2022"

    def unit(name: str, key: str, numbers: str) -> str:
        # "T2 2022" (prefix and number) or "2e trimestre 2022" (ordinal and word).
        return (rf"(?:{unit_prefixes[key]}(?P<{p}{name}n>{numbers}){_NOT_GLUED}"
                rf"|(?P<{p}{name}o>{ordinal})\s+{unit_words[key]})" + year(f"{name}y", unit_sep))

    ordinal = _alt([_word(w) for ws in v["ordinals"].values() for w in ws])
    numbered = _alt([_word(w) for w in v["day_nouns"]])
    unit_prefixes = {key: _alt([re.escape(_fold(w)[0]) for w in v[key]["prefixes"]]) for key in ("quarter", "half")}
    unit_words = {key: _alt([_word(w) for w in v[key]["words"]]) for key in ("quarter", "half")}
    not_more = r"(?!\d|[-/.]\d)"  # no digit, nor another number glued on by punctuation
    cores = [
        # Year first, in figures: "2021-03-12", "2015/08/12", "2015-3-3" (CONTRACT: unambiguous).
        rf"{on_weekday}(?P<{p}iy>{_YEAR})(?P<{p}is>[-/.])(?P<{p}im>{month_number})(?P={p}is)"
        rf"(?P<{p}id>{day_number}){not_more}",
        # Day first, in figures: "25/03/2021", "31.10.1974", "29-1-1999".
        rf"{on_weekday}(?P<{p}nd>{day_number})(?P<{p}ns>[-/.])(?P<{p}nm>{month_number})(?P={p}ns)"
        rf"(?P<{p}ny>\d{{4}}){not_more}",
        # Year, month in letters, day: "2019-août-1", "2019/aug/01".
        rf"(?P<{p}ymy>{_YEAR})\s*(?P<{p}yms>[-/])\s*(?P<{p}ymm>{month})\s*(?P={p}yms)\s*"
        rf"(?P<{p}ymd>{day_number}){not_more}",
        # A month in figures and its year: "2016-11", "2014/10", "11/2016", "3/2015".
        rf"(?P<{p}nmy>{_YEAR})[-/](?P<{p}nmm>{month_number}){not_more}",
        rf"(?P<{p}nnm>{month_number})[-/](?P<{p}nny>{_YEAR}){not_more}",
        # "12 mars 2021", "lundi 1er mars 2021", "12th of March 2021", "23/sep/2020", "14april 2015".
        rf"{on_weekday}(?:(?P<{p}dmd>{day}){dm_sep}|(?P<{p}dmg>{day_number}))(?P<{p}dmm>{month})"
        + year("dmy", ysep_or_dash),
        # "12 mars" (no year) is only a range's left side: "12 mars - 14 avril 2021".
        # The nth weekday or day of a month: "third Tuesday of September 2014", "le dernier jour
        # d'octobre 2015".
        rf"(?P<{p}nwo>{ordinal})\s+(?:(?P<{p}nww>{weekday})|{numbered})\s+{nth_link}?(?P<{p}nwm>{month})"
        + year("nwy"),
        # Year first, then a month or a quarter or half: "2016 November", "2016, nov", "2016 Q3",
        # "2017-q1", "2016H2", "the 2001 third quarter".
        # On one line ("2018\n\nMai 2021" is a year, then a month), and
        # never when the month has a year of its own: "Report 2003, July 2003".
        rf"(?P<{p}yfy>{_YEAR})(?:[^\S\n]*,[^\S\n]*|[^\S\n]+|[^\S\n]*[-/][^\S\n]*)(?P<{p}yfm>{month})"
        rf"(?![^\S\n]*,?[^\S\n]*{_YEAR})",
        rf"(?P<{p}yuy>{_YEAR})\s*-?\s*(?:{unit_prefixes['quarter']}(?P<{p}yuq>[1-4])"
        rf"|{unit_prefixes['half']}(?P<{p}yuh>[12])){_NOT_GLUED}",
        rf"(?P<{p}yoy>{_YEAR})\s+(?P<{p}yoo>{ordinal})\s+(?:(?P<{p}yoq>{unit_words['quarter']})"
        rf"|{unit_words['half']})",
    ]
    if v["month_day_order"]:
        # "March 12, 2021", "Monday, March 12th 2021", "fév 15, 2013", "novembre 23 de 1987".
        cores.append(rf"{on_weekday}(?P<{p}mdm>{month})\s+(?P<{p}mdd>{day})" + year("mdy"))
    cores += [
        # "mars 2021", "Sept. 2021", "dec-2018".
        rf"(?P<{p}mm>{month})" + year("my", ysep_or_dash),
        # "printemps 2022", "winter of 2023"; "hiver 2023-2024" is one winter.
        rf"(?P<{p}ss>{season})" + year("sy") + (
            rf"(?:\s*[-/]\s*(?P<{p}sy2>(?:19|20)?\d\d)(?!\d))?" if need_year else ""),
        unit("q", "quarter", "[1-4]"),
        unit("h", "half", "[12]"),
    ]
    # A bare day: "12" in "du 12 au 14 mars 2021"; in English also "14, 2021" in "May 12-14, 2021".
    if not need_year:
        cores.append(rf"(?P<{p}dd>{day})")
    elif v["month_day_order"]:
        cores.append(rf"(?P<{p}dd>{day})\s*,?\s+{links}?(?P<{p}dy>{_YEAR})")
    cores.append(rf"(?P<{p}y>{_YEAR})")  # "2023"

    # "début ", "mi-", "fin de ", "end of ": which third of the year (or which part of a month).
    third = "|".join(f"(?P<{p}{k}>{_alt([_prefix(w) for w in v['qualifiers'][k]])})"
                     for k in THIRDS)
    return rf"(?:(?:{third}){fillers}?)?(?:" + "|".join(cores) + ")"


@cache
def _grammar(language: str) -> _Grammar:
    """Compile the grammar of one language (once per process)."""
    if language not in LANGUAGES:
        raise LanguageError(language, LANGUAGES)
    v = date_words(language)
    q = v["qualifiers"]
    article = _alt([_prefix(w).replace(_SEP, r"\s+") for w in v["articles"]])
    outer = "|".join(f"(?P<q{k}>{_alt([_prefix(w) for w in q[k]])})"
                     for k in ("since", "until", "approx", "after", "before") if q[k]) or "(?!)"
    fillers = _alt([_body(w) + r"\s+" for w in v["year_fillers"]])
    lists = _alt([_connector(w) for w in v["list_connectors"]])
    openers = _alt([_prefix(w) for w in v["range_pairs"]])
    closers = _alt([_connector(w) for ws in v["range_pairs"].values() for w in ws])
    connectors = _alt([_connector(w) for w in v["range_connectors"]])
    a_opt, a_year, b_year = _bound(v, "a", False), _bound(v, "a", True), _bound(v, "b", True)

    forms: list[tuple[str, str]] = [
        # "depuis août 2021", "jusqu'à fin 2022", "vers 2019", "until the end of 2022".
        ("outer", rf"(?:{outer}){article}?{fillers}?{a_year}"),
    ]
    closing: dict[str, list[str]] = {}  # one pattern per word before: the date is matched once
    for before, after in v["since_around"]:
        closing.setdefault(before.strip(), []).append(_word(after))
    for before, afters in closing.items():
        # "from March 2021 onwards", "2021 onwards", "2018 ou plus tard".
        head = rf"{_prefix(before)}{article}?" if before else ""
        forms.append(("around", rf"{head}{a_year}\s+{_alt(afters)}"))
    forms += [
        # "du 12 au 14 mars 2021", "de 2019 à juin 2020", "entre 2019 et 2021",
        # "from 2019 to 2021".
        ("range", rf"(?P<ropen>{openers}){article}?{a_opt}(?P<rconn>{closers}){article}?{b_year}"),
        # One date: "Mai 2021", "T2 2022", "début 2022", "25/03/2021".
        ("single", a_year),
        # "2017-2018", "mars-avril 2021", "12-14 mars 2021", "2017-\n2018", "2019 to 2021".
        # "les 14 et 18 septembre 2010", "May and June 2011": days or months sharing one year
        # (a list connector, ``rlist``).
        ("range", rf"{a_opt}(?:(?P<rconn>{connectors})|(?P<rlist>{lists})){b_year}"),
        # "2019-20", "2019/20": a second year written with two digits.
        ("yy", rf"(?P<yya>{_YEAR})\s*[-/]\s*(?P<yyb>\d\d){_NOT_GLUED}"),
    ]
    patterns = tuple((form, re.compile(rx)) for form, rx in forms)

    # An expression starts at a digit, a quarter/half prefix ("T2") or the first word of any
    # vocabulary entry, at the start of a word.
    firsts: set[str] = set()
    entries = [w for ws in v["months"].values() for w in ws] + list(v["weekdays"])
    entries += [w for ws in v["seasons"].values() for w in ws]
    entries += [w for ws in v["ordinals"].values() for w in ws]
    entries += [w for ws in q.values() for w in ws] + list(v["range_pairs"])
    entries += [before for before, _ in v["since_around"] if before.strip()]
    entries += _day_word_spellings(v)
    for entry in entries:
        first = re.match(r"[^\s']+'?", _fold(entry.strip())[0])
        if first and not first.group().isdigit():
            firsts.add(first.group())
    prefixes = [_fold(w)[0] for key in ("quarter", "half") for w in v[key]["prefixes"]]
    trigger = re.compile(
        r"(?<![^\W_])(?:\d|"
        + _alt([re.escape(p) + r"\d" for p in prefixes] + [_word(w) for w in firsts]) + ")"
    )

    # A naming word at the end of the text before a number, maybe with "n°": "Article ",
    # "Loi n° ", "BP ".
    labels = re.compile(
        r"(?<![^\W_])" + _alt([_word(w) for w in v["number_labels"]])
        + r"\s*(?:n\s*[°º]|no\.)?\s*$"
    )
    words = {t for e in entries + list(v["range_connectors"])
             for t in re.findall(r"[^\W\d_]+", _fold(e)[0])}
    weekday_names = v["weekdays"][:DAYS_IN_WEEK]  # Monday .. Sunday, then abbreviations
    weekdays = {}
    for w in v["weekdays"]:
        key = word_key(w)
        weekdays[key] = next(i for i, name in enumerate(weekday_names) if word_key(name).startswith(key))
    lead = re.compile("(?:" + _alt([_prefix(w) for w in v["lead_words"]]) + ")+")
    trail = re.compile(r"(?:\s*,?\s*" + _alt([_word(w) for w in list(v["weekdays"]) + list(v["trail_words"])])
                       + r")+\s*$")
    return _Grammar(
        language=language,
        patterns=patterns,
        trigger=trigger,
        article=re.compile(article),
        months={word_key(w): i for i, k in enumerate(MONTH_KEYS, 1) for w in v["months"][k]},
        seasons={word_key(w): k for k in SEASONS for w in v["seasons"][k]},
        ordinals={word_key(w): ORDINALS[k] for k in ORDINAL_KEYS for w in v["ordinals"][k]},
        pairs={word_key(o): frozenset(word_key(c) for c in cs) for o, cs in v["range_pairs"].items()},
        count_nouns=frozenset(word_key(w) for w in v["count_nouns"]),
        labels=labels,
        words=frozenset(words),
        day_words={_number_key(w): n for n, ws in v["day_words"].items() for w in ws},
        weekdays=weekdays,
        lead=lead,
        trail=trail,
    )


# ---------------------------------------------------------------------------------------------
# From a match to a period

@dataclass(frozen=True, slots=True)
class _Parts:
    """One date as read, before it becomes a period; unset fields are None."""

    kind: str  # day, month, season, quarter, half, year
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    number: int | None = None  # quarter 1-4 or half 1-2
    third: str = ""  # early, mid, late, or ""
    numeric: bool = False  # written in figures only ("11/2016"): a label's number, maybe


@dataclass(frozen=True, slots=True)
class _Interval:
    """A period as first and last day, precision, EDTF and the third it names."""

    start: date
    end: date
    precision: str
    edtf: str
    third: str


def _int(g: dict[str, str | None], name: str) -> int | None:
    value = g.get(name)
    return int(value) if value is not None else None


def _day_value(text: str, gram: _Grammar) -> int:
    """A day of the month as written: "12", "1er", "12th", "premier", "twenty second"."""
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else gram.day_words[_number_key(text)]


def _nth_day(g: dict[str, str | None], p: str, gram: _Grammar) -> _Parts | None:
    """"the third Tuesday of September 2014", "le dernier jour d'octobre 2015": that day."""
    year, month = _int(g, p + "nwy"), gram.months[word_key(g[p + "nwm"])]
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        return None
    n = gram.ordinals[word_key(g[p + "nwo"])]  # 0 = the last
    last = calendar.monthrange(year, month)[1]
    if g.get(p + "nww") is None:  # the nth day
        day = n or last
    else:
        weekday = gram.weekdays[word_key(g[p + "nww"])]
        if n:
            day = 1 + (weekday - date(year, month, 1).weekday()) % DAYS_IN_WEEK + DAYS_IN_WEEK * (n - 1)
        else:
            day = last - (date(year, month, last).weekday() - weekday) % DAYS_IN_WEEK
    return _Parts("day", year, month, day) if day <= last else None


def _read(g: dict[str, str | None], p: str, gram: _Grammar) -> _Parts | None:
    """The parts of side ``p`` of a match; None when they are not a possible date."""
    third = next((k for k in THIRDS if g.get(p + k) is not None), "")
    if g.get(p + "iy") is not None:
        parts = _Parts("day", _int(g, p + "iy"), _int(g, p + "im"), _int(g, p + "id"), numeric=True)
    elif g.get(p + "ny") is not None:
        parts = _Parts("day", _int(g, p + "ny"), _int(g, p + "nm"), _int(g, p + "nd"), numeric=True)
    elif g.get(p + "ymy") is not None:
        parts = _Parts("day", _int(g, p + "ymy"), gram.months[word_key(g[p + "ymm"])], _int(g, p + "ymd"))
    elif g.get(p + "nmy") is not None:
        if len(g[p + "nmm"]) == 2 and _expand_year(_int(g, p + "nmy"), g[p + "nmm"]) is not None:
            return None  # "2019-20" is two years (CONTRACT), not a month
        parts = _Parts("month", _int(g, p + "nmy"), _int(g, p + "nmm"), numeric=True)
    elif g.get(p + "nny") is not None:
        parts = _Parts("month", _int(g, p + "nny"), _int(g, p + "nnm"), numeric=True)
    elif g.get(p + "dmm") is not None:
        day = g[p + "dmd"] if g.get(p + "dmd") is not None else g[p + "dmg"]
        parts = _Parts("day", _int(g, p + "dmy"), gram.months[word_key(g[p + "dmm"])], _day_value(day, gram))
    elif g.get(p + "nwo") is not None:
        parts = _nth_day(g, p, gram)
        if parts is None:
            return None
    elif g.get(p + "yfy") is not None:
        parts = _Parts("month", _int(g, p + "yfy"), gram.months[word_key(g[p + "yfm"])])
    elif g.get(p + "yuy") is not None:
        kind = "quarter" if g.get(p + "yuq") is not None else "half"
        parts = _Parts(kind, _int(g, p + "yuy"), number=_int(g, p + "yuq") or _int(g, p + "yuh"))
    elif g.get(p + "yoy") is not None:
        kind = "quarter" if g.get(p + "yoq") is not None else "half"
        n = gram.ordinals[word_key(g[p + "yoo"])] or (QUARTERS if kind == "quarter" else HALVES)
        if kind == "half" and n > HALVES:
            return None
        parts = _Parts(kind, _int(g, p + "yoy"), number=n)
    elif g.get(p + "mdd") is not None:
        parts = _Parts("day", _int(g, p + "mdy"), gram.months[word_key(g[p + "mdm"])],
                       _day_value(g[p + "mdd"], gram))
    elif g.get(p + "mm") is not None:
        parts = _Parts("month", _int(g, p + "my"), gram.months[word_key(g[p + "mm"])])
    elif g.get(p + "ss") is not None:
        season = gram.seasons[word_key(g[p + "ss"])]
        parts = _Parts("season", _int(g, p + "sy"), season=season)
        if g.get(p + "sy2") is not None:  # "hiver 2023-2024": only a winter spans two years
            second = _expand_year(parts.year, g[p + "sy2"])
            if season != "winter" or second != parts.year + 1:
                return None
    elif g.get(p + "qn") is not None or g.get(p + "qo") is not None:
        n = _int(g, p + "qn") if g.get(p + "qn") else gram.ordinals[word_key(g[p + "qo"])] or QUARTERS
        parts = _Parts("quarter", _int(g, p + "qy"), number=n)
    elif g.get(p + "hn") is not None or g.get(p + "ho") is not None:
        n = _int(g, p + "hn") if g.get(p + "hn") else gram.ordinals[word_key(g[p + "ho"])] or HALVES
        if n > HALVES:
            return None
        parts = _Parts("half", _int(g, p + "hy"), number=n)
    elif g.get(p + "dd") is not None:
        parts = _Parts("day", _int(g, p + "dy"), None, _day_value(g[p + "dd"], gram))
    elif g.get(p + "y") is not None:
        parts = _Parts("year", _int(g, p + "y"))
    else:
        return None
    if third:
        if parts.kind == "day" and parts.month is None:
            return None
        parts = replace(parts, third=third)
    return parts


def _expand_year(first: int | None, digits: str) -> int | None:
    """The second year of "2019-20" or "2019-2020"; None unless it follows ``first``
    within ten years."""
    if first is None:
        return None
    if len(digits) == 4:
        second = int(digits)
    else:
        second = first // 100 * 100 + int(digits)
        if second <= first:
            second += 100
    return second if 0 < second - first <= MAX_RANGE_YEARS else None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(parts: _Parts) -> _Interval | None:
    """The period one date covers; None for an impossible date ("31 février 2021")."""
    y = parts.year
    if y is None or not YEAR_MIN <= y <= YEAR_MAX:
        return None
    kind = parts.kind
    if kind == "day":
        if parts.month is None:
            return None
        try:
            d = date(y, parts.month, parts.day)
        except ValueError:
            return None
        return _Interval(d, d, "day", d.isoformat(), parts.third)
    if kind == "month":
        return _Interval(date(y, parts.month, 1), _last_day(y, parts.month), "month",
                     f"{y:04d}-{parts.month:02d}", parts.third)
    if kind == "season":
        code, first, last = SEASONS[parts.season]
        end_year = y + 1 if last < first else y  # winter of Y ends in February of Y+1
        return _Interval(date(y, first, 1), _last_day(end_year, last), "season",
                     f"{y:04d}-{code}", parts.third)
    if kind in ("quarter", "half"):
        size, base = (QUARTER_MONTHS, EDTF_QUARTER_BASE) if kind == "quarter" else (HALF_MONTHS, EDTF_HALF_BASE)
        first = (parts.number - 1) * size + 1
        return _Interval(date(y, first, 1), _last_day(y, first + size - 1), kind,
                     f"{y:04d}-{base + parts.number}", parts.third)
    if parts.third:  # "début 2022": a third of the year
        code, first, last = THIRDS[parts.third]
        return _Interval(date(y, first, 1), _last_day(y, last), "third", f"{y:04d}-{code}",
                     parts.third)
    return _Interval(date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}", "")


def _range(a: _Parts, b: _Parts) -> tuple[_Interval, _Interval] | None:
    """Both sides of a range, the left completed from the right ("12-14 mars 2021"), or the
    right's month from the left ("May 12-14, 2021"); None unless the left comes first."""
    if b.kind == "day" and b.month is None:
        if a.kind != "day" or a.month is None or a.year is not None:
            return None
        b = replace(b, month=a.month)
    if a.kind == "day" and a.month is None:
        if b.kind != "day":
            return None
        a = replace(a, month=b.month)
    borrowed = a.year is None
    if borrowed:
        if b.kind == "year" and not b.third:  # "janvier-2021" is not a range
            return None
        a = replace(a, year=b.year)
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    if borrowed and sa.start > sb.start:  # "du 28 décembre au 3 janvier 2022"
        sa = _span(replace(a, year=a.year - 1))
        if sa is None:
            return None
    if sa.start > sb.start or sa.end > sb.end or (sa.start, sa.end) == (sb.start, sb.end):
        return None
    return sa, sb


@dataclass(frozen=True, slots=True)
class _Found:
    """A match read as a period, and whether its ends are bare years (counts and labels are
    checked on those)."""

    start: date | None
    end: date | None
    precision: str
    qualifier: str
    edtf: str
    bare_first: bool  # the expression starts with a bare year ("2000 ..." may be a count)
    bare_last: bool  # ... or ends with one


def _bare(parts: _Parts) -> bool:
    """A bare year, or a date in figures alone: what may be a count or a label's number."""
    return (parts.kind == "year" and not parts.third) or parts.numeric


def _shift(parts: _Parts, step: int) -> _Parts | None:
    """The period next to this one (``step`` 1) or before it (-1), of the same kind: "après
    2016" is since 2017, "avant mars 2018" until February 2018. None for a kind without a
    simple neighbour (a season, a third)."""
    if parts.third or parts.year is None:
        return None
    if parts.kind == "year":
        return replace(parts, year=parts.year + step)
    if parts.kind == "day":
        try:
            d = date.fromordinal(date(parts.year, parts.month, parts.day).toordinal() + step)
        except ValueError:
            return None
        return replace(parts, year=d.year, month=d.month, day=d.day)
    sizes = {"month": (12, "month"), "quarter": (QUARTERS, "number"), "half": (HALVES, "number")}
    if parts.kind not in sizes:
        return None
    count, field = sizes[parts.kind]
    index = parts.year * count + getattr(parts, field) - 1 + step
    return replace(parts, year=index // count, **{field: index % count + 1})


def _evaluate(form: str, m: re.Match[str], gram: _Grammar) -> _Found | None:
    """The period a match of ``form`` denotes, or None when it is not a valid date."""
    g = m.groupdict()
    if form == "yy":
        first = int(g["yya"])
        second = _expand_year(first, g["yyb"])
        if second is None:
            return None
        return _Found(date(first, 1, 1), date(second, 12, 31), "year", "range",
                      f"{first:04d}/{second:04d}", True, True)
    a = _read(g, "a", gram)
    if a is None:
        return None
    if form == "range":
        b = _read(g, "b", gram)
        if b is None:
            return None
        if g.get("rlist") is not None and (a.year is not None or a.kind not in ("day", "month")):
            return None  # "2019 et 2021" are two years, not a range
        opener = g.get("ropen")
        # The opener's group holds its separator too ("from -"): drop it before the lookup.
        if opener is not None and word_key(g["rconn"]) not in gram.pairs[word_key(opener).rstrip(" -")]:
            return None  # "du 12 - 14": the opener does not take this closer
        both = _range(a, b)
        if both is None:
            return None
        sa, sb = both
        precision = min(sa.precision, sb.precision, key=_FINENESS.__getitem__)
        return _Found(sa.start, sb.end, precision, "range", f"{sa.edtf}/{sb.edtf}",
                      _bare(a) and opener is None, _bare(b))
    span = _span(a)
    if span is None:
        return None
    # After a qualifier a bare year may still count something: "environ 2000 migrants".
    if form == "around" or g.get("qsince") is not None:
        return _Found(span.start, None, span.precision, "since", f"{span.edtf}/..", False,
                      form != "around" and _bare(a))
    for name, step in (("qafter", 1), ("qbefore", -1)):
        if g.get(name) is not None:
            shifted = _shift(a, step)
            side = _span(shifted) if shifted is not None else None
            if side is None:
                return None
            if step > 0:
                return _Found(side.start, None, side.precision, "since", f"{side.edtf}/..", False, _bare(a))
            return _Found(None, side.end, side.precision, "until", f"../{side.edtf}", False, _bare(a))
    if g.get("quntil") is not None:
        return _Found(None, span.end, span.precision, "until", f"../{span.edtf}", False, _bare(a))
    if g.get("qapprox") is not None:
        return _Found(span.start, span.end, span.precision, "approx", f"{span.edtf}~",
                      False, _bare(a))
    return _Found(span.start, span.end, span.precision, span.third, span.edtf,
                  _bare(a), _bare(a))


# Just before an expression: a digit group ("33 2019"), a sign or currency ("+2019", "€2019"),
# or a number glued by punctuation ("10-2021", "1.2020", "9001:2015", "COVID-2019").
_GLUED_BEFORE = re.compile(r"(?:[+€$£]|[^\W_][-/]|\d[.,:])$")
# A naming word is looked for this many characters before a bare year ("Article 2013").
_LABEL_REACH = 30


@cache
def _glued_after() -> re.Pattern[str]:
    """Just after an expression ending in a digit: a percentage (a sign, or the words of any
    language's ``percent_words``), a decimal or another number glued by punctuation ("2020%",
    "2020 pour cent", "2020,5", "2021/03", "2019-nCoV")."""
    spellings = dict.fromkeys(w for language in LANGUAGES for w in date_words(language)["percent_words"])
    words = "|".join(r"\s*".join(re.escape(_fold(part)[0]) for part in w.split()) for w in spellings)
    percent = rf"|\s*(?:{words})\b" if words else ""
    return re.compile(r"\s*%" + percent + r"|[.,:/]\d|-[^\W_]")
# The word (or symbol) after an expression, to tell a year from a count ("2000 migrants").
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|[^\w\s])")


def _rejection(folded: str, s: int, e: int, found: _Found, gram: _Grammar) -> str:
    """Why the text around folded[s:e] keeps it from being a date ("" when nothing does):
    "glued" to other digits or letters, a "label"'s number, or a "count" (CONTRACT: counts,
    names, phone numbers and percentages are not dates)."""
    if s > 0 and not folded[s - 1].isspace():
        if folded[s - 1].isalnum() or _GLUED_BEFORE.search(folded, max(0, s - 2), s):
            return "glued"
    if e < len(folded):
        if folded[e].isalnum() and folded[e - 1].isalnum():
            return "glued"
        if folded[e - 1].isdigit() and _glued_after().match(folded, e):
            return "glued"
    if found.bare_first:
        if s >= 2 and folded[s - 1] in " ." and folded[s - 2].isdigit():
            return "glued"  # a digit group before: a phone number or a count
        if gram.labels.search(folded, max(0, s - _LABEL_REACH), s):
            return "label"  # "Article 2013", "n° 2020"
    if found.bare_last:
        if folded[e:e + 1] in (" ", ".") and folded[e + 1:e + 3].isdigit():
            return "glued"  # a digit group after: "+33 1 2019 45 67"
        nxt = _NEXT_WORD.match(folded, e)
        if nxt is not None:
            w = nxt.group(1)
            if w in gram.count_nouns or (w[-1:] in ("s", "x") and w[:-1] in gram.count_nouns):
                return "count"  # "2000 migrants", "entre 1990 et 2000 migrants"
    return ""


def _period(text: str, starts: list[int] | None, s: int, e: int, found: _Found,
            offset: int = 0) -> Period:
    """The Period of a match, its offsets mapped back to the original text."""
    s0, e0 = _to_original(starts, s, e)
    return Period(text=text[s0:e0], start=found.start, end=found.end,
                  precision=found.precision, qualifier=found.qualifier, edtf=found.edtf,
                  start_char=s0 + offset, end_char=e0 + offset)


# ---------------------------------------------------------------------------------------------
# Public API

# Every expression holds a 4-digit year (_YEARISH finds candidates), and the longest ones
# reach it within about 50 characters of their start ("Wednesday, 12 September - Thursday,
# 13 September 2021"): trigger positions with no year within _MAX_REACH characters (room for
# line breaks and runs of spaces) are not tried, which keeps find_dates fast on long texts.
_MAX_REACH = 120
_YEARISH = re.compile(r"(?<!\d)\d{4}")


def find_dates(text: str, language: str) -> tuple[Period, ...]:
    """Every temporal expression in text, non-overlapping, longest match first, in text order,
    with start_char/end_char offsets into text and .text == text[start_char:end_char]."""
    gram = _grammar(language)
    folded, starts = _fold(text)
    years = [m.start() for m in _YEARISH.finditer(folded)]
    found: list[Period] = []
    if not years:
        return ()
    pos = 0
    for t in gram.trigger.finditer(folded):
        i = t.start()
        if i < pos:
            continue
        k = bisect_left(years, i)
        if k == len(years):
            break
        if years[k] - i > _MAX_REACH:
            continue
        best: tuple[int, _Found] | None = None
        count_end = 0  # end of the longest reading here that turned out to count something
        for form, pattern in gram.patterns:
            m = pattern.match(folded, i)
            if m is None or (best is not None and m.end() <= best[0]):
                continue
            result = _evaluate(form, m, gram)
            if result is None:
                continue
            reason = _rejection(folded, i, m.end(), result, gram)
            if not reason:
                best = (m.end(), result)
            elif reason == "count":
                count_end = max(count_end, m.end())
        if count_end and (best is None or best[0] <= count_end):
            pos = count_end  # "1900 à 2000 migrants": neither 1900 nor the range is a date
        elif best is not None:
            found.append(_period(text, starts, i, best[0], best[1]))
            pos = best[0]
    return tuple(found)


# Stripped from both ends before parse_date reads a text: spaces, bullets, brackets, quotes
# and punctuation ("- Mai 2021 :" is "Mai 2021"). A final "." is kept when an abbreviation
# needs it ("Sept.").
_STRIP = " \t\r\n\f\v\u00a0\u202f.,;:!?()[]{}\"'«»“”‘’*•·–—-/|"


def _skips(folded: str, gram: _Grammar) -> list[int]:
    """Where a date may begin in a text that is one date: at its start, or after an article
    or words that lead to a date ("le", "en", "in the year"), in that order."""
    skips = [0]
    article = gram.article.match(folded)
    if article:
        skips.append(article.end())
    for at in list(skips):
        lead = gram.lead.match(folded, at)
        if lead:
            skips.append(lead.end())
            article = gram.article.match(folded, lead.end())
            if article:
                skips.append(article.end())
    return list(dict.fromkeys(skips))


def _parse_one(text: str, language: str) -> Period | None:
    """``parse_date`` in one language: the whole stripped text, one expression, or None."""
    gram = _grammar(language)
    s = len(text) - len(text.lstrip(_STRIP))
    e = len(text.rstrip(_STRIP))
    ends = [e + 1, e] if text[e:e + 1] == "." else [e]
    for end in ends:
        if end <= s:
            continue
        piece = text[s:end]
        folded, starts = _fold(piece)
        # Words before and after that do not change the date are allowed but not kept: "the
        # first quarter of 2022", "en 1975", "l'année 2001", "Feb. 25, 2009, Monday", "in 2014 A.D.".
        trail = gram.trail.search(folded)
        stop = trail.start() if trail is not None and trail.start() > 0 else len(folded)
        for skip in _skips(folded, gram):
            for form, pattern in gram.patterns:
                for last in dict.fromkeys((len(folded), stop)):
                    m = pattern.fullmatch(folded, skip, last)
                    found = _evaluate(form, m, gram) if m is not None else None
                    if found is not None:
                        return _period(piece, starts, skip, last, found, offset=s)
    return None


_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")  # "é", "û": a hint that the text is French


@cache
def _french_only_words() -> frozenset[str]:
    """Vocabulary words that French has and English has not ("depuis", "fin", "mai")."""
    return _grammar("fr").words - _grammar("en").words


def parse_date(text: str, language: str | None = None) -> Period | None:
    """The period when the whole of text (stripped of surrounding spaces/punctuation) is one
    temporal expression, else None. ``language`` None: try both ("fr" first if accents/French words).

    The period's start_char/end_char are offsets into ``text``."""
    if language is not None:
        return _parse_one(text, language)
    words = set(re.findall(r"[^\W\d_]+", _fold(text)[0]))
    french = _NON_ASCII_LETTER.search(text) or words & _french_only_words()
    order = ("fr", "en") if french else ("en", "fr")
    for candidate in order:
        period = _parse_one(text, candidate)
        if period is not None:
            return period
    return None
