"""Charts made of block characters whose density follows the count: no colour needed."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

_EIGHTHS = " ▁▂▃▄▅▆▇█"
# Heat levels from none to most: each denser than the last, so no colour is needed.
HEAT = "·░▒▓█"
HEAT_LABEL = 4  # columns for the weekday names


def bar_chart(values: Sequence[int], *, height: int = 6) -> list[str]:
    """Vertical bars, one column each plus a gap, eighth blocks for the tops; y axis on the
    left (the largest value at the top). Any non-zero value shows at least a sliver."""
    top = max(values, default=0)
    label = len(str(top))
    eighths = []
    for value in values:
        size = round(value / top * height * 8) if top else 0
        eighths.append(max(size, 1) if value else 0)
    lines = []
    for row in range(height, 0, -1):
        cells = "".join(_EIGHTHS[max(0, min(8, e - (row - 1) * 8))] + " " for e in eighths)
        axis = str(top).rjust(label) if row == height else " " * label
        lines.append(f"{axis} │{cells}".rstrip())
    lines.append(" " * label + " └" + "─" * (2 * len(values)))
    return lines


def day_axis(count: int, *, indent: int, every: int = 7) -> str:
    """Labels under a bar chart: today, +7, +14 ... at their columns (two per day)."""
    line = ""
    for day in range(0, count, every):
        text = "today" if day == 0 else f"+{day}"
        column = indent + 2 * day
        if len(line) < column:
            line = line.ljust(column)
        elif line:
            continue  # no room for this label
        line += text
    return line


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Upper bound of each level 1-4 (level 0 is no review), quarters of the busiest day."""
    top = max(counts, default=0)
    return [math.ceil(top * k / 4) for k in range(1, 5)]


def heat_level(count: int, bounds: Sequence[int]) -> int:
    if count <= 0:
        return 0
    return next((i + 1 for i, bound in enumerate(bounds) if count <= bound), len(bounds))


def heatmap(per_day: dict[dt.date, int]) -> tuple[str, list[tuple[str, list[tuple[str, int]]]]]:
    """A calendar of weeks (columns, two characters each) by weekday (rows, Monday first).

    Returns the line of month names, placed above the week each month starts in, and the rows
    as (weekday label, cells): each cell a two-character text and its level 0-4, or -1 for a
    day outside the range (blank).
    """
    ordered = sorted(per_day)
    if not ordered:
        return "", []
    first, last = ordered[0], ordered[-1]
    monday = first - dt.timedelta(days=first.weekday())
    weeks = (last - monday).days // 7 + 1
    starts = [
        ((day - monday).days // 7, day.strftime("%b"))
        for day in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        if day.day == 1
    ]
    # The first, partial month is named only if its name fits before the next month's.
    if first.day != 1 and (not starts or starts[0][0] >= 2):
        starts.insert(0, (0, first.strftime("%b")))
    months = ""
    for week, name in starts:
        column = HEAT_LABEL + 2 * week
        if len(months) <= column - (1 if months else 0):
            months = months.ljust(column) + name
    bounds = heat_levels(list(per_day.values()))
    rows = []
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells = []
        for week in range(weeks):
            day = monday + dt.timedelta(weeks=week, days=weekday)
            if first <= day <= last:
                level = heat_level(per_day[day], bounds)
                cells.append((HEAT[level] * 2, level))
            else:
                cells.append(("  ", -1))
        rows.append((name.ljust(HEAT_LABEL), cells))
    return months, rows


def heat_legend(per_day: dict[dt.date, int]) -> str:
    bounds = heat_levels(list(per_day.values()))
    parts, low = [f"{HEAT[0]} 0"], 1
    for level, bound in enumerate(bounds, start=1):
        if bound < low:
            continue
        parts.append(f"{HEAT[level]} {low}" + (f"-{bound}" if bound > low else ""))
        low = bound + 1
    return "  ".join(parts)
