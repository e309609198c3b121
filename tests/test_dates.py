"""dates.py: the case table in tests/data/date_cases.yaml, EDTF cross-checks and the data files.

Every EDTF string is checked against the ``edtf`` package's reading of it. Where edtf 5 cannot
read a form the contract prescribes, the string is checked side by side (or without its '~')
instead; the reason is named in ``EDTF_LIMITS`` and shows in the test id, and
``test_edtf_limits_still_hold`` fails once a newer edtf lifts a limit, so the workaround can go.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from factextract import dates, vocab
from factextract.errors import LanguageError, VocabularyError
from factextract.vocab import dates as date_vocab
from factextract.vocab.keys import fold
from factextract.model import PRECISIONS, QUALIFIERS

CASES = yaml.safe_load((Path(__file__).parent / "data" / "date_cases.yaml").read_text("utf-8"))
PARSE = CASES["parse"]
FIND = CASES["find"]
POSITIVE = [c for c in PARSE if c["period"] is not None]


def _id(case: dict) -> str:
    return f"{case['lang'] or 'any'}:{case['text']!r}"


# ---------------------------------------------------------------------------------------------
# parse_date

@pytest.mark.parametrize("case", PARSE, ids=[_id(c) for c in PARSE])
def test_parse_date(case):
    got = dates.parse_date(case["text"], case["lang"])
    if case["period"] is None:
        assert got is None, f"{case['text']!r} is not a date, got {got}"
        return
    assert got is not None, f"{case['text']!r} should be a date"
    start, end, precision, qualifier, edtf = case["period"]
    assert (got.start, got.end, got.precision, got.qualifier, got.edtf) == (
        start, end, precision, qualifier, edtf)
    strip = " \t\n.,;:()«»-"
    assert got.text == case.get("match", case["text"].strip(strip))
    assert case["text"][got.start_char:got.end_char] == got.text


@pytest.mark.parametrize("case", POSITIVE, ids=[_id(c) for c in POSITIVE])
def test_period_is_well_formed(case):
    got = dates.parse_date(case["text"], case["lang"])
    assert got.precision in PRECISIONS and got.qualifier in QUALIFIERS
    assert got.start is not None or got.end is not None
    if got.start is not None and got.end is not None:
        assert got.start <= got.end
    assert (got.end is None) == got.edtf.endswith("/..")
    assert (got.start is None) == got.edtf.startswith("../")


def test_no_date_is_filled_from_today():
    """A day or month without a year is never completed from the clock."""
    for text, lang in [("12 mars", "fr"), ("mars", "fr"), ("March 12", "en"), ("1er", "fr")]:
        assert dates.parse_date(text, lang) is None
        assert dates.find_dates(text, lang) == ()


def test_unknown_language_is_a_usage_error():
    with pytest.raises(LanguageError, match="unknown language 'de'"):
        dates.find_dates("Mai 2021", "de")
    with pytest.raises(LanguageError):
        dates.parse_date("Mai 2021", "es")


# ---------------------------------------------------------------------------------------------
# find_dates

@pytest.mark.parametrize("case", FIND, ids=[repr(c["text"][:40]) for c in FIND])
def test_find_dates(case):
    text = case["text"]
    got = dates.find_dates(text, case["lang"])
    assert [[p.text, p.start_char, p.edtf] for p in got] == case["found"]
    for p in got:
        assert text[p.start_char:p.end_char] == p.text
        alone = dates.parse_date(p.text, case["lang"])  # the same period when read alone
        assert (alone.start, alone.end, alone.precision, alone.qualifier, alone.edtf) == (
            p.start, p.end, p.precision, p.qualifier, p.edtf)


def test_find_dates_is_ordered_and_non_overlapping():
    text = "\n".join(c["text"] for c in PARSE if c["lang"] == "fr")
    found = dates.find_dates(text, "fr")
    assert len(found) > 100
    for p, q in zip(found, found[1:]):
        assert p.end_char <= q.start_char
    for p in found:
        assert text[p.start_char:p.end_char] == p.text


def test_find_dates_properties_on_shuffled_text():
    """On text made of date words, numbers and punctuation in random order (fixed seed):
    offsets slice the text, matches are ordered and disjoint, and each reads alone the same."""
    import random

    rng = random.Random(20240501)
    tokens = ("2019 2020 2021 2017-2018 12 14 1er 31 mars Mai août janv. T2 Q3 S1 H2 2e "
              "trimestre semestre printemps hiver été début fin mi- mid early late end of "
              "depuis jusqu'à vers du au de à entre et from to onwards since until - – / , . "
              "% migrants pays n° Article +221 33 COVID-19 the le la l'").split() + ["\n"]
    total = 0
    for lang in ("fr", "en"):
        for _ in range(300):
            text = " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 14)))
            found = dates.find_dates(text, lang)
            for p, q in zip(found, found[1:]):
                assert p.end_char <= q.start_char, text
            for p in found:
                assert text[p.start_char:p.end_char] == p.text, text
                alone = dates.parse_date(p.text, lang)
                assert alone is not None and alone.edtf == p.edtf, (text, p)
            total += len(found)
    assert total > 50  # the text does hold dates


def test_every_positive_case_is_found_alone():
    """find_dates on a date's own text finds just that date (same period as parse_date)."""
    for case in POSITIVE:
        if case["lang"] is None:
            continue
        whole = dates.parse_date(case["text"], case["lang"])
        found = dates.find_dates(case["text"], case["lang"])
        assert [(p.edtf, p.start_char, p.end_char) for p in found] == [
            (whole.edtf, whole.start_char, whole.end_char)], case["text"]


# ---------------------------------------------------------------------------------------------
# EDTF: the edtf package's reading of every emitted string agrees with start and end

from edtf_check import EDTF_LIMITS, _day, edtf_bounds  # noqa: E402


_EDTF_CASES = list({c["period"][4]: c for c in POSITIVE}.values())


def _edtf_id(case: dict) -> str:
    limits = sorted(edtf_bounds(case["period"][4])[2])
    return case["period"][4] + (f"[{','.join(limits)}]" if limits else "")


@pytest.mark.parametrize("case", _EDTF_CASES, ids=[_edtf_id(c) for c in _EDTF_CASES])
def test_edtf_agrees_with_start_and_end(case):
    start, end, _, _, text = case["period"]
    lo, hi, limits = edtf_bounds(text)
    assert limits <= set(EDTF_LIMITS)
    assert (lo, hi) == (start, end)


@pytest.mark.parametrize("limit, example", [
    ("group-in-interval", "../2022-39"),
    ("group-in-interval", "2022-33/2022-34"),
    ("qualified-group", "2021-39~"),
    ("winter", "2023-24"),
])
def test_edtf_limits_still_hold(limit, example):
    """Each worked-around limit of edtf 5 is still there; when one goes, drop its workaround."""
    import edtf

    if limit == "winter":
        assert _day(edtf.parse_edtf(example).upper_strict()) == date(2023, 12, 31)
    else:
        with pytest.raises(edtf.parser.edtf_exceptions.EDTFParseException):
            edtf.parse_edtf(example)
    assert limit in edtf_bounds(example)[2]


# ---------------------------------------------------------------------------------------------
# The data files

@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_dates_yaml_is_valid(lang):
    data = vocab.load(lang, "dates")
    date_vocab.validate(data, vocab.path_of(lang, "dates"))
    assert set(date_vocab.REQUIRED_KEYS) <= set(data)
    assert list(data["months"]) == list(date_vocab.MONTH_KEYS)  # all twelve, in order
    assert all(data["months"][m] for m in date_vocab.MONTH_KEYS)
    assert set(data["seasons"]) == set(dates.SEASONS)


@pytest.mark.parametrize("broken, problem", [
    (lambda d: d.pop("months"), "missing keys: months"),
    (lambda d: d["months"].pop("june"), "months lacks june"),
    (lambda d: d["months"].update(june=[]), "months.june must be a non-empty list"),
    (lambda d: d["months"]["july"].append("juin"), "listed under both june and july"),
    (lambda d: d["seasons"].pop("winter"), "seasons lacks winter"),
    (lambda d: d.update(month_day_order="yes"), "month_day_order must be true or false"),
    (lambda d: d["quarter"].pop("prefixes"), "quarter must have exactly"),
])
def test_validate_vocabulary_names_the_problem(broken, problem):
    import copy

    data = copy.deepcopy(vocab.load("fr", "dates"))
    broken(data)
    with pytest.raises(VocabularyError, match=problem):
        date_vocab.validate(data, vocab.path_of("fr", "dates"))


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_month_and_weekday_words_agree_with_dateparser(lang):
    """Our month words are ones dateparser's own language data gives for the same month, and
    dateparser (every setting explicit, never today's date) reads '<word> 2021' as that month."""
    import dateparser
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(lang).info
    settings = {"DATE_ORDER": "DMY", "RELATIVE_BASE": datetime(2000, 1, 1),
                "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"],
                "PREFER_DATES_FROM": "past"}
    data = vocab.load(lang, "dates")

    def norm(word: str) -> str:
        return fold(word.rstrip("."))[0]

    for number, key in enumerate(date_vocab.MONTH_KEYS, 1):
        known = {norm(w) for w in info[key]}
        for word in data["months"][key]:
            assert norm(word) in known, f"{word!r} is not a {key} word in dateparser's {lang} data"
            parsed = dateparser.parse(f"{word} 2021", languages=[lang], settings=settings)
            assert parsed is not None and (parsed.year, parsed.month) == (2021, number), word
    weekdays = {norm(w) for k in calendar.day_name for w in info[k.lower()]}
    assert {norm(w) for w in data["weekdays"]} <= weekdays


@pytest.mark.parametrize("text, lang, edtf", [
    ("aoû 2021", "fr", "2021-08"),   # dateparser's abbreviation; not in our dates.yaml
    ("juil 2022", "fr", "2022-07"),
    ("Jul 2022", "fr", "2022-07"),
    ("Sept. 2021", "en", "2021-09"),
])
def test_month_spellings_come_from_our_data_and_dateparsers(text, lang, edtf):
    period = dates.parse_date(text, lang)
    assert period is not None and period.edtf == edtf


def test_month_words_keep_ours_first_and_add_dateparsers():
    words = date_vocab.month_words("fr")
    ours = vocab.load("fr", "dates")["months"]
    for key in ours:
        assert words[key][: len(ours[key])] == ours[key]
    assert "aoû." in words["august"]
