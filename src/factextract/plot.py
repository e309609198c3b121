"""The output folder's timeline: every dated item of the collection as a bar from its first to
its last day, one row per country, so that what each reference country did when is seen at a
glance (``activities.svg``, rewritten by each run from the tables it wrote).

An open-ended period (``depuis 2019``, ``jusqu'en 2020``) is a thin dashed line to the edge of
the plot, with an arrow; a one-day item is a dot. Drawn with matplotlib's object API (no pyplot,
no display), as SVG: text, so a reviewer can diff two runs' pictures, with no date or random id
inside it.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

TIMELINE = "activities.svg"
# Inches: the plot's width, and the height of a country's row (plus the margins').
WIDTH_IN = 11.0
ROW_IN = 0.32
MARGIN_IN = 1.2
# Bars of one country are spread over its row's height, so that overlapping periods show.
ROW_SPREAD = 0.7
# Colours by the precision of the date: a year is a long pale bar, a day a dark dot.
PRECISION_COLOURS = {
    "day": "#1b4f72", "month": "#2874a6", "season": "#3498db", "quarter": "#3498db",
    "third": "#5dade2", "half": "#5dade2", "year": "#85c1e9",
}
OTHER_COLOUR = "#7f8c8d"
NO_COUNTRY = "(no country)"


def write_timeline(folder: Path, rows: list[tuple[str | None, date | None, date | None, str | None]]) -> Path:
    """Draw ``rows`` (country code, first day, last day, precision: one per dated item) to
    ``folder/activities.svg``, written aside and renamed into place; return its path."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    import matplotlib.dates as mdates
    from matplotlib import rc_context

    dated = [(c or NO_COUNTRY, s, e, p) for c, s, e, p in rows if s is not None or e is not None]
    countries = sorted({c for c, _, _, _ in dated})
    row_of = {country: row for row, country in enumerate(countries)}
    days = [d for _, s, e, _ in dated for d in (s, e) if d is not None]
    first, last = (min(days), max(days)) if days else (date(2000, 1, 1), date(2000, 12, 31))
    pad = timedelta(days=max(30, (last - first).days // 40))
    left, right = first - pad, last + pad

    figure = Figure(figsize=(WIDTH_IN, MARGIN_IN + ROW_IN * max(len(countries), 1)))
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    per_row: dict[str, int] = {}
    segments, colours, dots, dot_colours, arrows, open_ended = [], [], [], [], [], []
    for country, start, end, precision in sorted(dated, key=lambda r: (r[0], r[1] or left, r[2] or right)):
        row = row_of[country]
        k = per_row[country] = per_row.get(country, -1) + 1
        y = row + ROW_SPREAD * (((k * 0.618) % 1.0) - 0.5)  # spread bars over the row, evenly
        colour = PRECISION_COLOURS.get(precision or "", OTHER_COLOUR)
        x0, x1 = mdates.date2num(start or left), mdates.date2num(end or right)
        if start is not None and start == end:
            dots.append((x0, y))
            dot_colours.append(colour)
            continue
        if start is None or end is None:
            open_ended.append([(x0, y), (x1, y)])
            arrows.append((x0 if start is None else x1, y, "<" if start is None else ">"))
            continue
        segments.append([(x0, y), (x1, y)])
        colours.append(colour)
    axes.add_collection(LineCollection(segments, colors=colours, linewidths=3, capstyle="butt"))
    # Open-ended periods: thin and dashed, so that "since 2019" does not outweigh a dated year.
    axes.add_collection(LineCollection(open_ended, colors=OTHER_COLOUR, linewidths=1, linestyles="dashed"))
    if dots:
        axes.scatter([x for x, _ in dots], [y for _, y in dots], s=14, c=dot_colours, zorder=3)
    for x, y, marker in arrows:
        axes.plot([x], [y], marker=marker, color=OTHER_COLOUR, markersize=5)
    axes.set_xlim(mdates.date2num(left), mdates.date2num(right))
    axes.set_ylim(-0.7, max(len(countries), 1) - 0.3)
    axes.set_yticks(range(len(countries)), countries)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(mdates.AutoDateLocator())
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_title(f"Dated items per country ({len(dated)} items, {len(countries)} countries)", loc="left")
    figure.tight_layout()

    final, aside = folder / TIMELINE, folder / f".{TIMELINE}.tmp"
    try:
        with rc_context({"svg.hashsalt": TIMELINE}):  # ids from a fixed salt, not at random
            figure.savefig(aside, format="svg", metadata={"Date": None})
        os.replace(aside, final)
    finally:
        aside.unlink(missing_ok=True)
    return final
