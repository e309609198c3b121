"""Cross-check EDTF strings with the independent `edtf` package, around its known gaps.

Each gap is named in EDTF_LIMITS with its reason; callers see which were worked around.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import date


EDTF_LIMITS = {
    "group-in-interval": "edtf 5 rejects a level-2 sub-year grouping (quarter 33-36, third 37-39, "
                         "half 40-41) inside an interval ('2020-37/..', '../2022-39', "
                         "'2022-33/2022-34'), so each side is checked on its own",
    "qualified-group": "edtf 5 rejects an approximate season or grouping ('2022-21~', "
                       "'2021-39~'), so it is checked without the '~'",
    "winter": "edtf 5 reads season 24 (winter) as December only; the contract's winter of Y "
              "ends on the last day of February Y+1",
}


def _day(t: time.struct_time | float) -> date | None:
    """A bound as a date; edtf 5 gives float -inf/inf for the open end ('../2020', '2021-08/..')."""
    if isinstance(t, float):
        return None
    return date(t.tm_year, t.tm_mon, t.tm_mday)


def _parse_edtf(text: str, limits: set[str]):
    import edtf

    try:
        return edtf.parse_edtf(text)
    except edtf.parser.edtf_exceptions.EDTFParseException:
        if not text.endswith("~"):
            raise
        limits.add("qualified-group")
        return edtf.parse_edtf(text[:-1])


def edtf_bounds(text: str) -> tuple[date | None, date | None, frozenset[str]]:
    """(first day, last day, limits worked around) of an EDTF string, as edtf reads it."""
    import edtf

    limits: set[str] = set()
    sides = text.split("/")
    try:
        whole = edtf.parse_edtf(text)
    except edtf.parser.edtf_exceptions.EDTFParseException:
        if len(sides) == 1:
            whole = _parse_edtf(text, limits)  # raises unless it is a qualified group
        else:
            whole = None
            limits.add("group-in-interval")
    if whole is not None:
        lo, hi = _day(whole.lower_strict()), _day(whole.upper_strict())
    else:
        left, right = sides
        lo = None if left == ".." else _day(_parse_edtf(left, limits).lower_strict())
        hi = None if right == ".." else _day(_parse_edtf(right, limits).upper_strict())
    last = sides[-1].rstrip("~")
    if re.fullmatch(r"\d{4}-24", last):  # season 24 (winter), not a 24th day ("2022-11-24")
        limits.add("winter")
        y = int(last[:4])
        assert hi == date(y, 12, 31), "edtf changed its reading of winter: drop the workaround"
        hi = date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
    return lo, hi, frozenset(limits)
