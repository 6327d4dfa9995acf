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
* the exams and quizzes taken, in members the quiz layer writes and reads
  (see quizapp.quiz.papers_io).
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

import csv
import io
import json
import math
import sqlite3
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

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
RENAME_COLUMNS = ["deck_id", "old_id", "new_id", "renamed_at"]
REPORT_COLUMNS = ["deck_id", "card_id", "note", "content_hash", "reported_at"]
SETTING_COLUMNS = ["name", "value"]

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
  flag                     0 none, 1 red, 2 orange, 3 green, 4 blue
  leech                    1 if the card is a leech

renames.csv - cards renamed: deck_id, old_id, new_id, renamed_at (epoch milliseconds)
reports.csv - problems reported on cards: deck_id, card_id, note, content_hash (the card's
  text when reported), reported_at (epoch milliseconds)
settings.csv - name, value (JSON): fsrs_parameters, the parameters fitted to these reviews
exams.csv, exam_questions.csv, exam_answers.csv - the exams and quizzes taken: each paper,
  each question as asked with the answer standing on it, and every answer given in order
"""


class ProgressFileError(Exception):
    """The file cannot be imported; the message names the file, the place and what to do."""


class ImportReport(NamedTuple):
    reviews_added: int
    reviews_known: int
    cards_added: int
    cards_updated: int
    renames_added: int = 0
    reports_added: int = 0
    parameters: str = ""  # "taken"; "kept" or "same" (this database had its own); "" none
    others_added: int = 0  # what the layers above added (exams)


class Export(NamedTuple):
    """What an export file holds, read and checked."""

    reviews: list[_Review]
    cards: list[dict[str, object]]
    renames: list[tuple[str, str, str, int]]
    reports: list[tuple[str, str, str, str, int]]
    settings: dict[str, str]
    others: dict[str, str]  # members of the layers above (the exams), by name


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


# Members a layer above the store adds (the exams): read in the export's transaction.
ExtraExport = Callable[[sqlite3.Connection], dict[str, str]]
# Their import, inside the import's transaction: (connection, member texts, file) -> added.
ExtraImport = Callable[[sqlite3.Connection, dict[str, str], str], int]


def export_progress(
    conn: sqlite3.Connection, path: Path, *, also: ExtraExport | None = None
) -> ExportReport:
    """Write every answer and card state to `path` (a zip; see the module's docstring).

    Read in one transaction, so answers given meanwhile in another window are either all in
    or all out. Written under a temporary name and renamed, so no half-written export exists.
    """
    conn.execute("BEGIN")
    try:
        reviews = conn.execute(
            "SELECT deck_id, card_id, reviewed_at, rating, before, duration_ms, mode, answer "
            "FROM review_log ORDER BY reviewed_at, id"
        ).fetchall()
        cards = conn.execute(
            f"SELECT deck_id, card_id, content_hash, {', '.join(STATE_COLUMNS)} FROM card "
            "ORDER BY deck_id, position, card_id"
        ).fetchall()
        renames = conn.execute(
            f"SELECT {', '.join(RENAME_COLUMNS)} FROM card_rename ORDER BY renamed_at, old_id"
        ).fetchall()
        reports = conn.execute(
            f"SELECT {', '.join(REPORT_COLUMNS)} FROM card_report ORDER BY reported_at, id"
        ).fetchall()
        settings = _settings(conn)
        extra = also(conn) if also is not None else {}
    finally:
        conn.execute("COMMIT")

    def answers(modes: tuple[str, ...]) -> str:
        return _csv(
            REVLOG_COLUMNS,
            (
                (f"{d}/{c}", at, rating, _review_state(before), ms, d, mode, answer, before)
                for d, c, at, rating, before, ms, mode, answer in reviews
                if mode in modes
            ),
        )

    temp = path.with_name(f".{path.name}.tmp")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(README, README_TEXT)
            archive.writestr(REVLOG, answers(("review",)))
            archive.writestr(ANSWERS, answers(MODES[1:]))
            archive.writestr(CARDS, _csv(CARD_COLUMNS, cards))
            archive.writestr(RENAMES, _csv(RENAME_COLUMNS, renames))
            archive.writestr(REPORTS, _csv(REPORT_COLUMNS, reports))
            archive.writestr(SETTINGS, _csv(SETTING_COLUMNS, sorted(settings.items())))
            for name, text in extra.items():
                archive.writestr(name, text)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return ExportReport(len(reviews), len(cards))


def _settings(conn: sqlite3.Connection) -> dict[str, str]:
    """The fitted parameters, if the learner has any."""
    from quizapp.core.parameters import load_parameters

    saved = load_parameters(conn)
    return {} if saved is None else {PARAMETERS: json.dumps(list(saved))}


PARAMETERS = "fsrs_parameters"


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


def _read_reviews(text: str, where: str, modes: tuple[str, ...] = MODES) -> list[_Review]:
    reviews = []
    for line, row in _rows(text, REVLOG_COLUMNS, where):
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


def _read_renames(text: str, where: str) -> list[tuple[str, str, str, int]]:
    renames = []
    for line, row in _rows(text, RENAME_COLUMNS, where):
        at = f"{where}:{line}"
        if not (row["deck_id"] and row["old_id"] and row["new_id"]):
            raise ProgressFileError(f"{at}: deck_id, old_id and new_id must not be empty")
        when = _number(row, "renamed_at", at, int, low=0)
        renames.append((row["deck_id"], row["old_id"], row["new_id"], when))
    return renames


def _read_reports(text: str, where: str) -> list[tuple[str, str, str, str, int]]:
    reports = []
    for line, row in _rows(text, REPORT_COLUMNS, where):
        at = f"{where}:{line}"
        if not (row["deck_id"] and row["card_id"] and row["note"]):
            raise ProgressFileError(f"{at}: deck_id, card_id and note must not be empty")
        when = _number(row, "reported_at", at, int, low=0)
        reports.append((row["deck_id"], row["card_id"], row["note"], row["content_hash"], when))
    return reports


def _read_settings(text: str, where: str) -> dict[str, str]:
    from quizapp.core.optimize import scheduler_accepts

    settings = {}
    for line, row in _rows(text, SETTING_COLUMNS, where):
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
        settings[PARAMETERS] = row["value"]
    return settings


def read_export(path: Path) -> Export:
    """Everything in an export; ProgressFileError if any of it is wrong."""
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

        others = {
            name: _read_member(archive, name, str(path))
            for name in archive.namelist()
            if name not in _MEMBERS and name.endswith(".csv")
        }
        if version == FIRST_FORMAT:
            return Export(
                _read_reviews(*member(REVLOG)), _read_cards(*member(CARDS)), [], [], {}, others
            )
        reviews = _read_reviews(*member(REVLOG), modes=("review",))
        reviews += _read_reviews(*member(ANSWERS), modes=MODES[1:])
        reviews.sort(key=lambda r: r.reviewed_at)
        return Export(
            reviews,
            _read_cards(*member(CARDS)),
            _read_renames(*member(RENAMES)),
            _read_reports(*member(REPORTS)),
            _read_settings(*member(SETTINGS)),
            others,
        )


# -- import ----------------------------------------------------------------------------------


def import_progress(
    conn: sqlite3.Connection, path: Path, *, also: ExtraImport | None = None
) -> ImportReport:
    """Add an export's answers and card states to the database, in one transaction.

    The file is read and checked whole before anything is written.
    """
    export = read_export(path)
    conn.execute("BEGIN IMMEDIATE")
    try:
        report = _write(conn, export.reviews, export.cards)
        renames = _write_renames(conn, export.renames)
        reports = _write_reports(conn, export.reports)
        parameters = _write_settings(conn, export.settings)
        others = also(conn, export.others, str(path)) if also is not None else 0
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return report._replace(
        renames_added=renames, reports_added=reports, parameters=parameters, others_added=others
    )


def _write_renames(conn: sqlite3.Connection, renames: list[tuple[str, str, str, int]]) -> int:
    return sum(
        conn.execute(
            f"INSERT OR IGNORE INTO card_rename ({', '.join(RENAME_COLUMNS)}) VALUES (?, ?, ?, ?)",
            rename,
        ).rowcount
        for rename in renames
    )


def _write_reports(conn: sqlite3.Connection, reports: list[tuple[str, str, str, str, int]]) -> int:
    known = set(conn.execute(f"SELECT {', '.join(REPORT_COLUMNS)} FROM card_report"))
    added = 0
    for report in reports:
        if report in known:
            continue
        known.add(report)
        conn.execute(
            f"INSERT INTO card_report ({', '.join(REPORT_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            report,
        )
        added += 1
    return added


def _write_settings(conn: sqlite3.Connection, settings: dict[str, str]) -> str:
    """The exported parameters, unless this database has fitted its own."""
    from quizapp.core.parameters import load_parameters, save_parameters

    if PARAMETERS not in settings:
        return ""
    theirs = tuple(float(w) for w in json.loads(settings[PARAMETERS]))
    mine = load_parameters(conn)
    if mine is not None:
        return "kept" if mine != theirs else "same"
    save_parameters(conn, theirs)
    return "taken"


def _write(
    conn: sqlite3.Connection, reviews: list[_Review], cards: list[dict[str, object]]
) -> ImportReport:
    known = set(conn.execute("SELECT deck_id, card_id, reviewed_at, rating, mode FROM review_log"))
    added = 0
    for review in reviews:
        identity = (review.deck_id, review.card_id, review.reviewed_at, review.rating, review.mode)
        if identity in known:
            continue
        known.add(identity)
        conn.execute(
            "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
            "answer, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                review.deck_id,
                review.card_id,
                review.rating,
                review.reviewed_at,
                review.duration_ms,
                review.mode,
                review.answer,
                review.before,
            ),
        )
        added += 1
    last_reviews = {
        (d, c): last
        for d, c, last in conn.execute("SELECT deck_id, card_id, last_review FROM card")
    }
    assignments = ", ".join(f"{c} = :{c}" for c in STATE_COLUMNS)
    cards_added = cards_updated = 0
    for card in cards:
        key = (card["deck_id"], card["card_id"])
        if key not in last_reviews:
            # Not in any deck here yet (present = 0): loading its deck matches it by id.
            columns = ["deck_id", "card_id", "content_hash", *STATE_COLUMNS]
            conn.execute(
                f"INSERT INTO card ({', '.join(columns)}, present) "
                f"VALUES ({', '.join(':' + c for c in columns)}, 0)",
                card,
            )
            cards_added += 1
            continue
        here, there = last_reviews[key], card["last_review"]
        if here is not None and (there is None or here > there):  # type: ignore[operator]
            continue  # reviewed here since: this database's state is the newer one
        changed = conn.execute(
            f"UPDATE card SET {assignments} WHERE deck_id = :deck_id AND card_id = :card_id "
            f"AND NOT ({' AND '.join(f'{c} IS :{c}' for c in STATE_COLUMNS)})",
            card,
        ).rowcount
        cards_updated += changed
    return ImportReport(added, len(reviews) - added, cards_added, cards_updated)
