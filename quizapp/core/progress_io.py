"""Moving progress between machines: `quizapp export-progress` and `import-progress`.

The export is one zip file holding these members:

* ``revlog.csv``: every review answer (the ones that scheduled the card), one row each, oldest
  first, in the review-log shape FSRS tools read (the FSRS optimizer and srs-benchmark):
  ``card_id`` (``DECK/CARD``, unique across decks), ``review_time`` (epoch milliseconds,
  UTC), ``review_rating`` (1 again, 2 hard, 3 good, 4 easy), ``review_state`` (the card's
  state before the answer: 0 new, 1 learning, 2 review, 3 relearning), ``review_duration``
  (milliseconds); then quizapp's own columns: ``deck_id``, ``mode`` (always review here),
  ``answer`` (what was typed or chosen, may be empty) and ``before`` (the card's state before
  the answer, as JSON).
* ``answers.csv``: the practice, quiz and exam answers, in the same columns; a tool reading
  the FSRS columns of revlog.csv never counts them as reviews.
* ``renames.csv``: cards renamed (``deck_id``, ``old_id``, ``new_id``, ``renamed_at``).
* ``reports.csv``: problems the learner reported on cards (``deck_id``, ``card_id``,
  ``note``, ``content_hash``, ``reported_at``).
* ``settings.csv``: the learner's fitted FSRS parameters (``name``, ``value`` as JSON).
* ``exams.csv``, ``exam_questions.csv``, ``exam_answers.csv``: the exams and quizzes taken
  (see quizapp.core.progress_exams).
* ``cards.csv``: each card's scheduling state: ``deck_id``, ``card_id``, ``content_hash``
  (the card's text when exported), ``reviewed_hash`` (its text when last reviewed), ``state``,
  ``step``, ``stability``, ``difficulty``, ``due``, ``last_review``, ``reps``, ``lapses``,
  ``introduced``, ``suspended``, ``buried_until``, ``flag``, ``leech``. Times are epoch
  milliseconds; an empty cell is "none".
* ``README.txt``: this description, and the format's version.

Importing adds the answers this database does not have yet (an answer is the same one when
its deck, card, time, rating and mode are), so importing twice adds nothing; likewise renames
and reports. Fitted parameters are taken when this database has none of its own. An export
of the first format (every answer in revlog.csv, no other members) is still read. A card's state
is taken from the export unless this database reviewed the card more recently. Cards this
database does not know yet are added as not in any deck (so they are not studied) until their
deck is loaded, which matches them by deck and card id. The whole import is one transaction:
a file with any bad row changes nothing, and the message names the file, member and line.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quizapp.core import progress_exams
from quizapp.core.progress_csv import (
    ProgressFileError,
    latest_moment,
    number,
    read_rows,
    write_csv,
)
from quizapp.core.storage.transfer import RENAME_COLUMNS, REPORT_COLUMNS, Incoming

if TYPE_CHECKING:
    from quizapp.core.store import Store

__all__ = ["ProgressFileError", "export_progress", "import_progress", "read_export"]

FORMAT = "quizapp-progress 2"
FIRST_FORMAT = "quizapp-progress 1"  # every answer in revlog.csv, no other members
REVLOG = "revlog.csv"
ANSWERS = "answers.csv"
CARDS = "cards.csv"
RENAMES = "renames.csv"
REPORTS = "reports.csv"
SETTINGS = "settings.csv"
README = "README.txt"
_MEMBERS = {README, REVLOG, ANSWERS, CARDS, RENAMES, REPORTS, SETTINGS}
SETTING_COLUMNS = ("name", "value")
PARAMETERS = "fsrs_parameters"  # the one setting that travels: the fitted parameters

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

README_TEXT = (
    f"""\
{FORMAT}: progress exported by `quizapp export-progress`.
Read it back with `quizapp import-progress FILE`.

revlog.csv - every review answer, oldest first (the FSRS optimizer's review-log columns
first; the practice, quiz and exam answers are in answers.csv, in the same columns):
  card_id          DECK/CARD (unique across decks)
  review_time      when, in epoch milliseconds (UTC)
  review_rating    1 again, 2 hard, 3 good, 4 easy
  review_state     the card's state before the answer: 0 new, 1 learning, 2 review,
                   3 relearning
  review_duration  time taken to answer, in milliseconds
  deck_id          the deck's id
  mode             review here; practice, quiz or exam in answers.csv
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
  flag                     0 none, 1 red, 2 orange, 3 green, 4 blue, 5 pink,
                           6 turquoise, 7 purple
  leech                    1 if the card is a leech

renames.csv - cards renamed: deck_id, old_id, new_id, renamed_at (epoch milliseconds)
reports.csv - problems reported on cards: deck_id, card_id, note, content_hash (the card's
  text when reported), reported_at (epoch milliseconds)
settings.csv - name, value (JSON): fsrs_parameters, the parameters fitted to these reviews
"""
    + progress_exams.README_TEXT
)


class ImportReport(NamedTuple):
    reviews_added: int
    reviews_known: int
    cards_added: int
    cards_updated: int
    renames_added: int = 0
    reports_added: int = 0
    parameters: str = ""  # "taken"; "kept" or "same" (this database had its own); "" none
    papers_added: int = 0  # exams and quizzes
    reviews_without_card: int = 0  # answers to cards no deck loaded here has
    cards_without_deck: int = 0


class Export(NamedTuple):
    """What an export file holds, read and checked."""

    reviews: list[_Review]
    cards: list[dict[str, object]]
    renames: list[tuple[str, str, str, int]]
    reports: list[tuple[str, str, str, str, int]]
    settings: dict[str, str]
    papers: progress_exams.Papers


class ExportReport(NamedTuple):
    reviews: int
    cards: int


# -- export ----------------------------------------------------------------------------------


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
    taken = store.progress_snapshot(STATE_COLUMNS)

    def answers(modes: tuple[str, ...]) -> str:
        return write_csv(
            REVLOG_COLUMNS,
            (
                (f"{d}/{c}", at, rating, _review_state(before), ms, d, mode, answer, before)
                for d, c, at, rating, before, ms, mode, answer in taken.reviews
                if mode in modes
            ),
        )

    settings = {k: v for k, v in taken.settings.items() if k == PARAMETERS}
    temp = path.with_name(f".{path.name}.tmp")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(README, README_TEXT)
            archive.writestr(REVLOG, answers(("review",)))
            archive.writestr(ANSWERS, answers(MODES[1:]))
            archive.writestr(CARDS, write_csv(CARD_COLUMNS, taken.cards))
            archive.writestr(RENAMES, write_csv(RENAME_COLUMNS, taken.renames))
            archive.writestr(REPORTS, write_csv(REPORT_COLUMNS, taken.reports))
            archive.writestr(SETTINGS, write_csv(SETTING_COLUMNS, sorted(settings.items())))
            papers = progress_exams.members(taken.papers, taken.questions, taken.answers)
            for name, text in papers.items():
                archive.writestr(name, text)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return ExportReport(len(taken.reviews), len(taken.cards))


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


def _read_reviews(
    text: str, where: str, latest: int, modes: tuple[str, ...] = MODES
) -> list[_Review]:
    reviews = []
    for line, row in read_rows(text, REVLOG_COLUMNS, where):
        at = f"{where}:{line}"
        deck_id, qualified = row["deck_id"], row["card_id"]
        if not deck_id or not qualified.startswith(deck_id + "/") or qualified == deck_id + "/":
            raise ProgressFileError(
                f"{at}: card_id should be DECK/CARD with this row's deck_id {deck_id!r}, "
                f"not {qualified!r}"
            )
        if row["mode"] not in modes:
            raise ProgressFileError(
                f"{at}: mode should be one of {', '.join(modes)}, not {row['mode']!r}"
            )
        try:
            json.loads(row["before"])
        except ValueError:
            raise ProgressFileError(f"{at}: before should be JSON, not {row['before']!r}") from None
        reviews.append(
            _Review(
                deck_id,
                qualified[len(deck_id) + 1 :],
                number(row, "review_rating", at, int, low=1, high=4),
                number(row, "review_time", at, int, low=0, latest=latest),
                number(row, "review_duration", at, int, low=0),
                row["mode"],
                row["answer"] or None,
                row["before"],
            )
        )
    return reviews


_INTS = {"state", "step", "due", "last_review", "reps", "lapses", "introduced"}
_INTS |= {"suspended", "buried_until", "flag", "leech"}
_LIMITS = {"state": (0, 3), "suspended": (0, 2), "flag": (0, 7), "leech": (0, 1)}
_REQUIRED = {"state", "reps", "lapses", "suspended", "flag", "leech"}


_MOMENTS = {"last_review", "introduced"}  # times passed (unlike due and buried_until)


def _read_cards(text: str, where: str, latest: int) -> list[dict[str, object]]:
    cards = []
    for line, row in read_rows(text, CARD_COLUMNS, where):
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
            card[column] = number(
                row,
                column,
                at,
                int if column in _INTS else float,
                empty=column not in _REQUIRED,
                low=low,
                high=high,
                latest=latest if column in _MOMENTS else None,
            )
        cards.append(card)
    return cards


def _read_renames(text: str, where: str, latest: int) -> list[tuple[str, str, str, int]]:
    renames = []
    for line, row in read_rows(text, RENAME_COLUMNS, where):
        at = f"{where}:{line}"
        if not (row["deck_id"] and row["old_id"] and row["new_id"]):
            raise ProgressFileError(f"{at}: deck_id, old_id and new_id must not be empty")
        when = number(row, "renamed_at", at, int, low=0, latest=latest)
        renames.append((row["deck_id"], row["old_id"], row["new_id"], when))
    return renames


def _read_reports(text: str, where: str, latest: int) -> list[tuple[str, str, str, str, int]]:
    reports = []
    for line, row in read_rows(text, REPORT_COLUMNS, where):
        at = f"{where}:{line}"
        if not (row["deck_id"] and row["card_id"] and row["note"]):
            raise ProgressFileError(f"{at}: deck_id, card_id and note must not be empty")
        when = number(row, "reported_at", at, int, low=0, latest=latest)
        reports.append((row["deck_id"], row["card_id"], row["note"], row["content_hash"], when))
    return reports


def _read_settings(text: str, where: str) -> dict[str, str]:
    from quizapp.core.optimize import scheduler_accepts

    settings = {}
    for line, row in read_rows(text, SETTING_COLUMNS, where):
        if row["name"] != PARAMETERS:
            continue  # a setting a later version keeps: not this one's to judge
        try:
            parameters = tuple(float(w) for w in json.loads(row["value"]))
        except (TypeError, ValueError):
            parameters = ()
        if not scheduler_accepts(parameters):
            raise ProgressFileError(
                f"{where}:{line}: {PARAMETERS} are not parameters this quizapp's scheduler "
                "takes; export the progress again"
            )
        settings[PARAMETERS] = json.dumps(parameters)
    return settings


def read_export(path: Path, now: datetime) -> Export:
    """Everything in an export; ProgressFileError if any of it is wrong, a time of an answer
    or change more than a day after ``now`` included."""
    latest = latest_moment(now)
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
        first = readme.partition("\n")[0].strip()
        version = first.partition(":")[0]
        if version not in (FORMAT, FIRST_FORMAT):
            raise ProgressFileError(
                f"{path}: {README}:1: made by another version ({first!r}, this quizapp reads "
                f"{FORMAT!r} and {FIRST_FORMAT!r}): export it again with this quizapp's version"
            )

        def member(name: str) -> tuple[str, str]:
            return _read_member(archive, name, str(path)), f"{path}: {name}"

        if version == FIRST_FORMAT:
            none = progress_exams.Papers([], [], [])
            return Export(
                _read_reviews(*member(REVLOG), latest),
                _read_cards(*member(CARDS), latest),
                [],
                [],
                {},
                none,
            )
        exams = {
            name: _read_member(archive, name, str(path))
            for name in progress_exams.MEMBERS
            if name in archive.namelist()
        }
        reviews = _read_reviews(*member(REVLOG), latest, modes=("review",))
        reviews += _read_reviews(*member(ANSWERS), latest, modes=MODES[1:])
        reviews.sort(key=lambda r: r.reviewed_at)
        return Export(
            reviews,
            _read_cards(*member(CARDS), latest),
            _read_renames(*member(RENAMES), latest),
            _read_reports(*member(REPORTS), latest),
            _read_settings(*member(SETTINGS)),
            progress_exams.read_members(exams, str(path), latest),
        )


# -- import ----------------------------------------------------------------------------------


def import_progress(store: Store, path: Path) -> ImportReport:
    """Add an export's answers, card states, renames, reports, fitted parameters and exams to
    the database, in one transaction.

    The file is read and checked whole before anything is written: a time of an answer or
    change more than a day after the store's clock is refused. The report counts the rows
    for cards no deck synced into the store has (sync the decks first for that count).
    """
    export = read_export(path, store.clock.now())
    incoming = Incoming(
        [r._asdict() for r in export.reviews],
        export.cards,
        export.renames,
        export.reports,
        export.settings,
        *export.papers,
    )
    try:
        merged = store.merge_progress(incoming, STATE_COLUMNS)
    except sqlite3.IntegrityError as error:
        raise ProgressFileError(
            f"{path}: its rows do not fit together ({error}); export the progress again"
        ) from None
    return ImportReport(
        merged.reviews_added,
        merged.reviews_skipped,
        merged.cards_added,
        merged.cards_updated,
        merged.renames_added,
        merged.reports_added,
        merged.settings.get(PARAMETERS, ""),
        merged.papers_added,
        merged.reviews_without_card,
        merged.cards_without_deck,
    )
