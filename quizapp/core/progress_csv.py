"""The CSV members of a progress export: written one way, read back checked, every bad value
named by file, member, line and column (quizapp.core.progress_io and progress_exams)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any


class ProgressFileError(Exception):
    """The file cannot be imported; the message names the file, the place and what to do."""


def write_csv(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow("" if value is None else _cell(value) for value in row)
    return out.getvalue()


def _cell(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)  # floats exactly


def read_rows(
    text: str, columns: Sequence[str], where: str
) -> Iterable[tuple[int, dict[str, str]]]:
    """(line, row by column) for each row; the header must be ``columns`` exactly."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
        if header != list(columns):
            raise ProgressFileError(
                f"{where}:1: the columns should be {','.join(columns)}, "
                f"not {','.join(header or [])}; export the progress again"
            )
        while True:
            line = reader.line_num + 1  # where the row starts: an answer may span lines
            row = next(reader, None)
            if row is None:
                return
            if len(row) != len(columns):
                raise ProgressFileError(
                    f"{where}:{line}: {len(row)} values where there should be {len(columns)}"
                )
            yield line, dict(zip(columns, row, strict=True))
    except csv.Error as error:
        raise ProgressFileError(f"{where}:{reader.line_num}: not valid CSV ({error})") from None


def number(
    row: dict[str, str],
    column: str,
    where: str,
    convert: Callable[[str], Any],
    *,
    empty: bool = False,
    low: float | None = None,
    high: float | None = None,
    latest: int | None = None,
) -> Any:
    """The column's value as a number within [low, high]; None for an empty cell when
    ``empty``; ProgressFileError naming the column otherwise. ``latest``: the column is a
    moment that has passed (epoch ms), at most a day after now (see `latest_moment`)."""
    text = row[column].strip()
    if not text and empty:
        return None
    try:
        value = convert(text)
    except ValueError:
        value = None
    if (
        value is None
        or (isinstance(value, float) and not math.isfinite(value))
        or (low is not None and value < low)  # type: ignore[operator]
        or (high is not None and value > high)  # type: ignore[operator]
    ):
        bounds = "" if low is None else f" from {low:g}" + ("" if high is None else f" to {high:g}")
        raise ProgressFileError(f"{where}: {column} should be a number{bounds}, not {text!r}")
    if latest is not None and value is not None and value > latest:
        raise ProgressFileError(
            f"{where}: {column} {text} is {_moment(value)}, more than a day after now: the "
            "clock of the machine that exported it was wrong; set it right and export again"
        )
    return value


DAY_MS = 86_400_000


def latest_moment(now: datetime) -> int:
    """The latest time (epoch ms) an answer or change may carry: a day after ``now``, for
    clocks a little apart and time zones set wrong."""
    return int(now.timestamp() * 1000) + DAY_MS


def _moment(ms: int) -> str:
    try:
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")
    except (OverflowError, OSError, ValueError):
        return "beyond any date"
