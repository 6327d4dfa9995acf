"""The CSV members of a progress export: written one way, read back checked, every bad value
named by file, member, line and column (quizapp.core.progress_io and progress_exams)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Sequence
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
) -> Any:
    """The column's value as a number within [low, high]; None for an empty cell when
    ``empty``; ProgressFileError naming the column otherwise."""
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
    return value
