"""Moving progress between machines: `quizapp export-progress` and `import-progress`.

The export is one zip file holding three members:

* ``revlog.csv``: every answer, one row each, oldest first, in the review-log shape FSRS tools
  read (the FSRS optimizer and srs-benchmark): ``card_id`` (``DECK/CARD``, unique across
  decks), ``review_time`` (epoch milliseconds, UTC), ``review_rating`` (1 again, 2 hard,
  3 good, 4 easy), ``review_state`` (the card's state before the answer: 0 new, 1 learning,
  2 review, 3 relearning), ``review_duration`` (milliseconds); then quizapp's own columns:
  ``deck_id``, ``mode`` (review, practice, quiz, exam: only review answers scheduled the
  card), ``answer`` (what was typed or chosen, may be empty) and ``before`` (the card's
  state before the answer, as JSON).
* ``cards.csv``: each card's scheduling state: ``deck_id``, ``card_id``, ``content_hash``
  (the card's text when exported), ``reviewed_hash`` (its text when last reviewed), ``state``,
  ``step``, ``stability``, ``difficulty``, ``due``, ``last_review``, ``reps``, ``lapses``,
  ``introduced``, ``suspended``, ``buried_until``, ``flag``, ``leech``. Times are epoch
  milliseconds; an empty cell is "none".
* ``README.txt``: this description, and the format's version.

Importing adds the answers this database does not have yet (an answer is the same one when
its deck, card, time, rating and mode are), so importing twice adds nothing. A card's state
is taken from the export unless this database reviewed the card more recently. Cards this
database does not know yet are added as not in any deck (so they are not studied) until their
deck is loaded, which matches them by deck and card id. The whole import is one transaction:
a file with any bad row changes nothing, and the message names the file, member and line.
"""

from __future__ import annotations

import csv
import io
import json
import math
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from quizapp.core.store import Store

FORMAT = "quizapp-progress 1"
REVLOG = "revlog.csv"
CARDS = "cards.csv"
README = "README.txt"

REVLOG_COLUMNS = [
    "card_id",
    "review_time",
    "review_rating",
    "review_state",
    "review_duration",
    "deck_id",
    "mode",
    "answer",
    "before",
]
CARD_COLUMNS = [
    "deck_id",
    "card_id",
    "content_hash",
    "reviewed_hash",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "introduced",
    "suspended",
    "buried_until",
    "flag",
    "leech",
]
# The card columns that are progress (the rest of a card row comes from its deck).
STATE_COLUMNS = CARD_COLUMNS[3:]
MODES = ("review", "practice", "quiz", "exam")

README_TEXT = f"""\
{FORMAT}: progress exported by `quizapp export-progress`.
Read it back with `quizapp import-progress FILE`.

revlog.csv - every answer, oldest first (the FSRS optimizer's review-log columns first):
  card_id          DECK/CARD (unique across decks)
  review_time      when, in epoch milliseconds (UTC)
  review_rating    1 again, 2 hard, 3 good, 4 easy
  review_state     the card's state before the answer: 0 new, 1 learning, 2 review,
                   3 relearning
  review_duration  time taken to answer, in milliseconds
  deck_id          the deck's id
  mode             review, practice, quiz or exam (only review answers schedule the card)
  answer           what was typed or chosen (may be empty)
  before           the card's state before the answer, as JSON (quizapp's undo record)

cards.csv - each card's schedule (times in epoch milliseconds; empty means none):
  deck_id, card_id         which card
  content_hash             the card's text when exported
  reviewed_hash            the card's text when last reviewed
  state                    0 new, 1 learning, 2 review, 3 relearning
  step                     learning step (learning and relearning cards)
  stability, difficulty    FSRS memory state
  due, last_review         next due time, last review time
  reps, lapses             reviews and lapses so far
  introduced               first review time
  suspended                0 no, 1 by the learner, 2 as a leech
  buried_until             buried until this time
  flag                     0 none, 1 red, 2 orange, 3 green, 4 blue
  leech                    1 if the card is a leech
"""


class ProgressFileError(Exception):
    """The file cannot be imported; the message names the file, the place and what to do."""


class ImportReport(NamedTuple):
    reviews_added: int
    reviews_known: int
    cards_added: int
    cards_updated: int


class ExportReport(NamedTuple):
    reviews: int
    cards: int


# -- export ----------------------------------------------------------------------------------


def _csv(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow("" if value is None else _cell(value) for value in row)
    return out.getvalue()


def _cell(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)  # floats exactly


def _review_state(before: str) -> int | str:
    try:
        state = json.loads(before).get("state")
    except (ValueError, AttributeError):
        return ""
    return state if isinstance(state, int) else ""


def export_progress(store: Store, path: Path) -> ExportReport:
    """Write every answer and card state to `path` (a zip; see the module's docstring).

    Read in one transaction, so answers given meanwhile in another window are either all in
    or all out. Written under a temporary name and renamed, so no half-written export exists.
    """
    reviews, cards = store.progress_snapshot(STATE_COLUMNS)
    revlog = _csv(
        REVLOG_COLUMNS,
        (
            (f"{d}/{c}", at, rating, _review_state(before), ms, d, mode, answer, before)
            for d, c, at, rating, before, ms, mode, answer in reviews
        ),
    )
    temp = path.with_name(f".{path.name}.tmp")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(README, README_TEXT)
            archive.writestr(REVLOG, revlog)
            archive.writestr(CARDS, _csv(CARD_COLUMNS, cards))
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return ExportReport(len(reviews), len(cards))


# -- reading an export -------------------------------------------------------------------------


class _Review(NamedTuple):
    deck_id: str
    card_id: str
    rating: int
    reviewed_at: int
    duration_ms: int
    mode: str
    answer: str | None
    before: str


def _read_member(archive: zipfile.ZipFile, name: str, where: str) -> str:
    try:
        return archive.read(name).decode("utf-8")
    except KeyError:
        raise ProgressFileError(
            f"{where}: no {name} inside: not a quizapp progress export "
            "(make one with `quizapp export-progress FILE`)"
        ) from None
    except UnicodeDecodeError as error:
        raise ProgressFileError(f"{where}: {name} is not UTF-8 text ({error.reason})") from None


def _rows(text: str, columns: list[str], where: str) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
        if header != columns:
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


def _number(
    row: dict[str, str],
    column: str,
    where: str,
    convert: Callable[[str], Any],
    *,
    empty: bool = False,
    low: float | None = None,
    high: float | None = None,
) -> Any:
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


def _read_reviews(text: str, where: str) -> list[_Review]:
    reviews = []
    for line, row in _rows(text, REVLOG_COLUMNS, where):
        at = f"{where}:{line}"
        deck_id, qualified = row["deck_id"], row["card_id"]
        if not deck_id or not qualified.startswith(deck_id + "/") or qualified == deck_id + "/":
            raise ProgressFileError(
                f"{at}: card_id should be DECK/CARD with this row's deck_id {deck_id!r}, "
                f"not {qualified!r}"
            )
        if row["mode"] not in MODES:
            raise ProgressFileError(
                f"{at}: mode should be one of {', '.join(MODES)}, not {row['mode']!r}"
            )
        try:
            json.loads(row["before"])
        except ValueError:
            raise ProgressFileError(f"{at}: before should be JSON, not {row['before']!r}") from None
        reviews.append(
            _Review(
                deck_id,
                qualified[len(deck_id) + 1 :],
                _number(row, "review_rating", at, int, low=1, high=4),
                _number(row, "review_time", at, int, low=0),
                _number(row, "review_duration", at, int, low=0),
                row["mode"],
                row["answer"] or None,
                row["before"],
            )
        )
    return reviews


_INTS = {"state", "step", "due", "last_review", "reps", "lapses", "introduced"}
_INTS |= {"suspended", "buried_until", "flag", "leech"}
_LIMITS = {"state": (0, 3), "suspended": (0, 2), "flag": (0, 4), "leech": (0, 1)}
_REQUIRED = {"state", "reps", "lapses", "suspended", "flag", "leech"}


def _read_cards(text: str, where: str) -> list[dict[str, object]]:
    cards = []
    for line, row in _rows(text, CARD_COLUMNS, where):
        at = f"{where}:{line}"
        if not row["deck_id"] or not row["card_id"]:
            raise ProgressFileError(f"{at}: deck_id and card_id must not be empty")
        card: dict[str, object] = {
            "deck_id": row["deck_id"],
            "card_id": row["card_id"],
            "content_hash": row["content_hash"],
            "reviewed_hash": row["reviewed_hash"] or None,
        }
        for column in STATE_COLUMNS[1:]:
            low, high = _LIMITS.get(column, (0, None))
            card[column] = _number(
                row,
                column,
                at,
                int if column in _INTS else float,
                empty=column not in _REQUIRED,
                low=low,
                high=high,
            )
        cards.append(card)
    return cards


def read_export(path: Path) -> tuple[list[_Review], list[dict[str, object]]]:
    """The answers and card states in an export; ProgressFileError if any of it is wrong."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ProgressFileError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise ProgressFileError(
            f"{path}: not a quizapp progress export (a zip file from `quizapp export-progress`)"
            f": {error}"
        ) from None
    with archive:
        readme = _read_member(archive, README, str(path))
        if not readme.startswith(FORMAT):
            first = readme.partition("\n")[0]
            raise ProgressFileError(
                f"{path}: {README}:1: made by another version ({first!r}, this quizapp reads "
                f"{FORMAT!r}): export it again with this quizapp's version"
            )
        reviews = _read_reviews(_read_member(archive, REVLOG, str(path)), f"{path}: {REVLOG}")
        cards = _read_cards(_read_member(archive, CARDS, str(path)), f"{path}: {CARDS}")
    return reviews, cards


# -- import ----------------------------------------------------------------------------------


def import_progress(store: Store, path: Path) -> ImportReport:
    """Add an export's answers and card states to the database, in one transaction.

    The file is read and checked whole before anything is written.
    """
    reviews, cards = read_export(path)
    merged = store.merge_progress([r._asdict() for r in reviews], cards, STATE_COLUMNS)
    return ImportReport(*merged)
