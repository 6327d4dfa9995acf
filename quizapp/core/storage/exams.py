"""The exam and quiz tables: a paper's header, its frozen questions and every answer given.

Rows in and out are plain values (times in epoch milliseconds, questions as JSON text); the
quiz layer (quizapp.quiz.papers) turns them into papers and slots. Each write is one
transaction, committed before it returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from quizapp.deck.transaction import transaction

_PAPER_COLUMNS = (
    "id, mode, title, selection, seed, marking, started_at, deadline, position, shown_at, "
    "submitted_at, submitted_by, (SELECT count(*) FROM exam_question q WHERE q.exam_id = exam.id), "
    "marks, max_marks, right_count, wrong_count, skipped_count"
)
# Columns of exam_question a recorded action may set.
_SETTABLE = frozenset({"chosen", "chosen_option", "answered_at", "marked_for_review"})


class ExamTables:
    """The exam tables of one open database (``Store.exams``)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def create(
        self,
        header: Mapping[str, object],
        questions: Iterable[tuple[str, str, str, str]],
    ) -> int:
        """A new paper: ``header`` has mode, title, selection, seed, marking, started_at and
        deadline; each question is (deck id, card id, question JSON, correct option)."""
        with transaction(self._db) as db:
            paper_id = db.execute(
                "INSERT INTO exam (mode, title, selection, seed, marking, started_at, deadline, "
                "position, shown_at) VALUES (:mode, :title, :selection, :seed, :marking, "
                ":started_at, :deadline, 0, :started_at)",
                header,
            ).lastrowid
            assert paper_id is not None
            db.executemany(
                "INSERT INTO exam_question (exam_id, position, deck_id, card_id, question, "
                "correct_option, visited) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(paper_id, i, *q, int(i == 0)) for i, q in enumerate(questions)],
            )
        return paper_id

    def paper(self, paper_id: int) -> tuple | None:
        return self._db.execute(
            f"SELECT {_PAPER_COLUMNS} FROM exam WHERE id = ?", (paper_id,)
        ).fetchone()

    def papers(self, mode: str | None, limit: int | None) -> list[tuple]:
        """Newest first."""
        where = "" if mode is None else "WHERE mode = ?"
        args: tuple = () if mode is None else (mode,)
        sql = f"SELECT {_PAPER_COLUMNS} FROM exam {where} ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._db.execute(sql, args).fetchall()

    def slots(self, paper_id: int) -> list[tuple]:
        """(position, question JSON, chosen, answered_at, marked, visited, ms spent, review id)."""
        return self._db.execute(
            "SELECT position, question, chosen, answered_at, marked_for_review, visited, "
            "time_spent_ms, review_id FROM exam_question WHERE exam_id = ? ORDER BY position",
            (paper_id,),
        ).fetchall()

    def latest_unsubmitted(self, mode: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM exam WHERE mode = ? AND submitted_at IS NULL "
            "ORDER BY started_at DESC, id DESC LIMIT 1",
            (mode,),
        ).fetchone()
        return None if row is None else row[0]

    def record(
        self, paper_id: int, position: int, at_ms: int, action: str, changes: Mapping[str, object]
    ) -> None:
        """Apply one change to a question and log it as given, in one transaction."""
        unknown = set(changes) - _SETTABLE
        if unknown:
            raise ValueError(f"not a column an answer sets: {sorted(unknown)}")
        with transaction(self._db) as db:
            if changes:
                sets = ", ".join(f"{column} = ?" for column in changes)
                db.execute(
                    f"UPDATE exam_question SET {sets} WHERE exam_id = ? AND position = ?",
                    (*changes.values(), paper_id, position),
                )
            db.execute(
                "INSERT INTO exam_answer (exam_id, position, at, action, chosen) "
                "VALUES (?, ?, ?, ?, ?)",
                (paper_id, position, at_ms, action, changes.get("chosen")),
            )

    def move(self, paper_id: int, leaving: int, spent_ms: int, to: int, at_ms: int) -> None:
        """Put another question on screen, adding the time spent on the one left."""
        with transaction(self._db) as db:
            self._add_time(db, paper_id, leaving, spent_ms)
            db.execute(
                "UPDATE exam_question SET visited = 1 WHERE exam_id = ? AND position = ?",
                (paper_id, to),
            )
            db.execute(
                "UPDATE exam SET position = ?, shown_at = ? WHERE id = ?", (to, at_ms, paper_id)
            )

    def restart_timer(self, paper_id: int, at_ms: int) -> None:
        with transaction(self._db) as db:
            db.execute("UPDATE exam SET shown_at = ? WHERE id = ?", (at_ms, paper_id))

    def submit(
        self,
        paper_id: int,
        *,
        at_ms: int,
        by: str,
        marks: str,
        max_marks: str,
        counts: tuple[int, int, int],
        current: int,
        spent_ms: int,
    ) -> None:
        """Close the paper with its marks and (right, wrong, skipped) counts."""
        with transaction(self._db) as db:
            self._add_time(db, paper_id, current, spent_ms)
            db.execute(
                "UPDATE exam SET submitted_at = ?, submitted_by = ?, marks = ?, max_marks = ?, "
                "right_count = ?, wrong_count = ?, skipped_count = ?, shown_at = NULL "
                "WHERE id = ?",
                (at_ms, by, marks, max_marks, *counts, paper_id),
            )

    def answer_events(self, paper_id: int) -> list[tuple]:
        """(position, at, action, chosen) for every change, in the order given."""
        return self._db.execute(
            "SELECT position, at, action, chosen FROM exam_answer WHERE exam_id = ? ORDER BY id",
            (paper_id,),
        ).fetchall()

    def counted_answers(self, deck_id: str | None) -> list[tuple]:
        """(deck, card, chosen option, correct option, answered_at, deadline) of answers given
        in quizzes, and in exams once submitted."""
        sql = (
            "SELECT q.deck_id, q.card_id, q.chosen_option, q.correct_option, q.answered_at, "
            "e.deadline FROM exam_question q JOIN exam e ON e.id = q.exam_id "
            "WHERE q.chosen IS NOT NULL AND (e.mode = 'quiz' OR e.submitted_at IS NOT NULL)"
        )
        args: tuple = ()
        if deck_id is not None:
            sql += " AND q.deck_id = ?"
            args = (deck_id,)
        return self._db.execute(sql, args).fetchall()

    @staticmethod
    def _add_time(db: sqlite3.Connection, paper_id: int, position: int, spent_ms: int) -> None:
        db.execute(
            "UPDATE exam_question SET time_spent_ms = time_spent_ms + ? "
            "WHERE exam_id = ? AND position = ?",
            (max(0, spent_ms), paper_id, position),
        )


# -- an answer logged (Store.log_paper_answer, in its transaction) ----------------------------


def review_id(db: sqlite3.Connection, paper_id: int, position: int) -> int | None:
    """The review-log row a question's answer was logged as; None while not logged."""
    row = db.execute(
        "SELECT review_id FROM exam_question WHERE exam_id = ? AND position = ?",
        (paper_id, position),
    ).fetchone()
    if row is None:
        raise LookupError(f"exam or quiz {paper_id} has no question {position + 1}")
    return row[0]


def set_review_id(db: sqlite3.Connection, paper_id: int, position: int, review_id: int) -> None:
    db.execute(
        "UPDATE exam_question SET review_id = ? WHERE exam_id = ? AND position = ?",
        (review_id, paper_id, position),
    )


# -- moved between machines (quizapp.core.progress_exams) -------------------------------------

# The columns a progress export carries, as in the tables; a question also carries the
# identity of its review-log row (time, rating, mode), as ids differ between machines.
PAPER_COLUMNS = (
    "id",
    "mode",
    "title",
    "selection",
    "seed",
    "marking",
    "started_at",
    "deadline",
    "position",
    "shown_at",
    "submitted_at",
    "submitted_by",
    "marks",
    "max_marks",
    "right_count",
    "wrong_count",
    "skipped_count",
)
QUESTION_COLUMNS = (
    "exam_id",
    "position",
    "deck_id",
    "card_id",
    "question",
    "correct_option",
    "chosen",
    "chosen_option",
    "answered_at",
    "marked_for_review",
    "visited",
    "time_spent_ms",
)
ANSWER_COLUMNS = ("exam_id", "position", "at", "action", "chosen")


def snapshot(db: sqlite3.Connection) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Every paper, question (with its review's time, rating and mode) and answer given, read
    in the caller's transaction."""
    papers = db.execute(f"SELECT {', '.join(PAPER_COLUMNS)} FROM exam ORDER BY id").fetchall()
    questions = db.execute(
        f"SELECT {', '.join('q.' + c for c in QUESTION_COLUMNS)}, "
        "r.reviewed_at, r.rating, r.mode FROM exam_question q "
        "LEFT JOIN review_log r ON r.id = q.review_id ORDER BY q.exam_id, q.position"
    ).fetchall()
    answers = db.execute(
        f"SELECT {', '.join(ANSWER_COLUMNS)} FROM exam_answer ORDER BY id"
    ).fetchall()
    return papers, questions, answers


def merge(
    db: sqlite3.Connection,
    papers: Iterable[Mapping[str, object]],
    questions: Iterable[Mapping[str, object]],
    answers: Iterable[Mapping[str, object]],
) -> int:
    """Add the papers this database does not have (the same paper: same mode and start time),
    with their questions and answers, in the caller's transaction; returns how many.

    Paper ids are the other machine's and are given new ones here; a question's review-log
    row is found again by deck, card and its ``review`` (time, rating, mode), the identity
    answers are merged by, so the review log must be merged first.
    """
    known = set(db.execute("SELECT mode, started_at FROM exam"))
    new_ids: dict[object, int] = {}
    columns = PAPER_COLUMNS[1:]
    for paper in papers:
        identity = (paper["mode"], paper["started_at"])
        if identity in known:
            continue
        known.add(identity)
        paper_id = db.execute(
            f"INSERT INTO exam ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [paper[c] for c in columns],
        ).lastrowid
        assert paper_id is not None
        new_ids[paper["id"]] = paper_id
    for question in questions:
        if question["exam_id"] not in new_ids:
            continue
        review_id = None
        if question["review"] is not None:
            found = db.execute(
                "SELECT id FROM review_log WHERE deck_id = ? AND card_id = ? AND reviewed_at = ? "
                "AND rating = ? AND mode = ? ORDER BY id LIMIT 1",
                (question["deck_id"], question["card_id"], *question["review"]),  # type: ignore[misc]
            ).fetchone()
            review_id = None if found is None else found[0]
        values = [*(question[c] for c in QUESTION_COLUMNS[1:]), review_id]
        db.execute(
            f"INSERT INTO exam_question ({', '.join(QUESTION_COLUMNS)}, review_id) "
            f"VALUES ({', '.join('?' * (len(QUESTION_COLUMNS) + 1))})",
            [new_ids[question["exam_id"]], *values],
        )
    for answer in answers:
        if answer["exam_id"] in new_ids:
            db.execute(
                f"INSERT INTO exam_answer ({', '.join(ANSWER_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
                [new_ids[answer["exam_id"]], *(answer[c] for c in ANSWER_COLUMNS[1:])],
            )
    return len(new_ids)
