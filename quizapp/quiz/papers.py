"""Exams and quizzes in SQLite: every answer committed the moment it is given.

They live in the progress database beside the store's tables, in three tables
of their own: ``exam`` (one row per paper, exam or quiz), ``exam_question``
(a frozen copy of each question asked and the answer standing on it) and
``exam_answer`` (every answer, change, clearing and review mark in the order
given). A crashed exam therefore resumes exactly where it stopped, and a past
exam can be shown again without the decks it was drawn from.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from quizapp.quiz.marking import GivenAnswer, Marking, Result, score
from quizapp.quiz.questions import Question

SCHEMA = """
CREATE TABLE IF NOT EXISTS exam (
    id INTEGER PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('exam', 'quiz')),
    title TEXT NOT NULL DEFAULT '',
    selection TEXT NOT NULL DEFAULT '{}',  -- JSON: how the questions were drawn
    seed INTEGER,
    marking TEXT NOT NULL,                 -- 'right,wrong,skipped', exact fractions
    started_at TEXT NOT NULL,              -- ISO 8601, UTC
    deadline TEXT,                         -- NULL: untimed
    position INTEGER NOT NULL DEFAULT 0,   -- the question on screen
    shown_at TEXT,                         -- when it was put on screen (time per question)
    submitted_at TEXT,
    submitted_by TEXT CHECK (submitted_by IN ('learner', 'time_out')),
    marks TEXT,
    max_marks TEXT,
    right_count INTEGER,
    wrong_count INTEGER,
    skipped_count INTEGER
);
CREATE TABLE IF NOT EXISTS exam_question (
    exam_id INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    question TEXT NOT NULL,                -- JSON copy of the question as asked
    correct_option TEXT NOT NULL,
    chosen INTEGER,                        -- option index standing now; NULL: none
    chosen_option TEXT,
    answered_at TEXT,
    marked_for_review INTEGER NOT NULL DEFAULT 0,
    visited INTEGER NOT NULL DEFAULT 0,
    time_spent_ms INTEGER NOT NULL DEFAULT 0,
    review_id INTEGER,                     -- review log row written for it, once written
    PRIMARY KEY (exam_id, position)
);
CREATE INDEX IF NOT EXISTS exam_question_card ON exam_question (deck_id, card_id);
CREATE TABLE IF NOT EXISTS exam_answer (
    id INTEGER PRIMARY KEY,
    exam_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('answer', 'clear', 'mark', 'unmark')),
    chosen INTEGER,
    FOREIGN KEY (exam_id, position) REFERENCES exam_question (exam_id, position)
        ON DELETE CASCADE
);
"""


class PaperMode(StrEnum):
    exam = "exam"
    quiz = "quiz"


class SubmittedBy(StrEnum):
    learner = "learner"
    time_out = "time_out"


def ensure_exam_schema(conn: sqlite3.Connection) -> None:
    """Create the exam tables if missing (idempotent; safe on the store's database)."""
    conn.executescript(SCHEMA)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One durable step: all of it is committed, or none of it."""
    if conn.in_transaction:
        conn.commit()  # never fold our write into someone else's open transaction
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times must be aware (UTC); the clock returned a naive datetime")
    return moment.astimezone(dt.UTC).isoformat()


def parse_time(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


@dataclass(frozen=True)
class Paper:
    """The header row of an exam or quiz."""

    id: int
    mode: PaperMode
    title: str
    selection: dict[str, Any]
    seed: int | None
    marking: Marking
    started_at: dt.datetime
    deadline: dt.datetime | None
    position: int
    shown_at: dt.datetime | None
    submitted_at: dt.datetime | None
    submitted_by: SubmittedBy | None
    questions: int
    marks: Fraction | None
    max_marks: Fraction | None
    right: int | None
    wrong: int | None
    skipped: int | None

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def time_limit(self) -> dt.timedelta | None:
        return None if self.deadline is None else self.deadline - self.started_at


@dataclass(frozen=True)
class Slot:
    """One question of a paper and what stands on it."""

    position: int
    question: Question
    chosen: int | None
    answered_at: dt.datetime | None
    marked_for_review: bool
    visited: bool
    time_spent: dt.timedelta
    review_id: int | None

    @property
    def status(self) -> str:
        """The exam-hall palette: not_visited, not_answered, answered, marked, answered_marked."""
        if self.marked_for_review:
            return "answered_marked" if self.chosen is not None else "marked"
        if self.chosen is not None:
            return "answered"
        return "not_answered" if self.visited else "not_visited"


_PAPER_COLUMNS = (
    "id, mode, title, selection, seed, marking, started_at, deadline, position, shown_at, "
    "submitted_at, submitted_by, (SELECT count(*) FROM exam_question q WHERE q.exam_id = exam.id), "
    "marks, max_marks, right_count, wrong_count, skipped_count"
)


def _paper(row: tuple) -> Paper:
    return Paper(
        id=row[0],
        mode=PaperMode(row[1]),
        title=row[2],
        selection=json.loads(row[3]),
        seed=row[4],
        marking=Marking.parse(row[5]),
        started_at=parse_time(row[6]),  # type: ignore[arg-type]
        deadline=parse_time(row[7]),
        position=row[8],
        shown_at=parse_time(row[9]),
        submitted_at=parse_time(row[10]),
        submitted_by=None if row[11] is None else SubmittedBy(row[11]),
        questions=row[12],
        marks=None if row[13] is None else Fraction(row[13]),
        max_marks=None if row[14] is None else Fraction(row[14]),
        right=row[15],
        wrong=row[16],
        skipped=row[17],
    )


def create_paper(
    conn: sqlite3.Connection,
    mode: PaperMode,
    questions: Sequence[Question],
    *,
    started_at: dt.datetime,
    marking: Marking,
    deadline: dt.datetime | None = None,
    seed: int | None = None,
    selection: dict[str, Any] | None = None,
    title: str = "",
) -> int:
    if not questions:
        raise ValueError("a paper needs at least one question")
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO exam (mode, title, selection, seed, marking, started_at, deadline, "
            "position, shown_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                mode.value,
                title,
                json.dumps(selection or {}, sort_keys=True),
                seed,
                str(marking),
                iso(started_at),
                None if deadline is None else iso(deadline),
                iso(started_at),
            ),
        )
        paper_id = cursor.lastrowid
        assert paper_id is not None
        conn.executemany(
            "INSERT INTO exam_question (exam_id, position, deck_id, card_id, question, "
            "correct_option, visited) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    paper_id,
                    i,
                    q.deck_id,
                    q.card_id,
                    json.dumps(q.to_dict(), ensure_ascii=False),
                    q.correct_option,
                    int(i == 0),
                )
                for i, q in enumerate(questions)
            ],
        )
    return paper_id


def load_paper(conn: sqlite3.Connection, paper_id: int) -> Paper:
    row = conn.execute(f"SELECT {_PAPER_COLUMNS} FROM exam WHERE id = ?", (paper_id,)).fetchone()
    if row is None:
        raise LookupError(f"there is no exam or quiz number {paper_id}")
    return _paper(row)


def load_slots(conn: sqlite3.Connection, paper_id: int) -> list[Slot]:
    rows = conn.execute(
        "SELECT position, question, chosen, answered_at, marked_for_review, visited, "
        "time_spent_ms, review_id FROM exam_question WHERE exam_id = ? ORDER BY position",
        (paper_id,),
    ).fetchall()
    return [
        Slot(
            position=r[0],
            question=Question.from_dict(json.loads(r[1])),
            chosen=r[2],
            answered_at=parse_time(r[3]),
            marked_for_review=bool(r[4]),
            visited=bool(r[5]),
            time_spent=dt.timedelta(milliseconds=r[6]),
            review_id=r[7],
        )
        for r in rows
    ]


def list_papers(
    conn: sqlite3.Connection, mode: PaperMode | None = PaperMode.exam, *, limit: int | None = None
) -> list[Paper]:
    """Newest first, in progress ones included (they have no marks yet)."""
    where = "" if mode is None else "WHERE mode = ?"
    args: tuple = () if mode is None else (mode.value,)
    sql = f"SELECT {_PAPER_COLUMNS} FROM exam {where} ORDER BY started_at DESC, id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_paper(row) for row in conn.execute(sql, args)]


def latest_unsubmitted(conn: sqlite3.Connection, mode: PaperMode = PaperMode.exam) -> int | None:
    row = conn.execute(
        "SELECT id FROM exam WHERE mode = ? AND submitted_at IS NULL "
        "ORDER BY started_at DESC, id DESC LIMIT 1",
        (mode.value,),
    ).fetchone()
    return None if row is None else row[0]


def record(
    conn: sqlite3.Connection, paper_id: int, position: int, at: dt.datetime, action: str, **changes
) -> None:
    """Apply one change to a question and log it as given, in one transaction."""
    sets = ", ".join(f"{column} = ?" for column in changes)
    with transaction(conn):
        if changes:
            conn.execute(
                f"UPDATE exam_question SET {sets} WHERE exam_id = ? AND position = ?",
                (*changes.values(), paper_id, position),
            )
        conn.execute(
            "INSERT INTO exam_answer (exam_id, position, at, action, chosen) "
            "VALUES (?, ?, ?, ?, ?)",
            (paper_id, position, iso(at), action, changes.get("chosen")),
        )


def move(
    conn: sqlite3.Connection,
    paper_id: int,
    *,
    leaving: int,
    spent: dt.timedelta,
    to: int,
    at: dt.datetime,
) -> None:
    """Put another question on screen, adding the time spent on the one left."""
    with transaction(conn):
        conn.execute(
            "UPDATE exam_question SET time_spent_ms = time_spent_ms + ? "
            "WHERE exam_id = ? AND position = ?",
            (max(0, round(spent.total_seconds() * 1000)), paper_id, leaving),
        )
        conn.execute(
            "UPDATE exam_question SET visited = 1 WHERE exam_id = ? AND position = ?",
            (paper_id, to),
        )
        conn.execute(
            "UPDATE exam SET position = ?, shown_at = ? WHERE id = ?", (to, iso(at), paper_id)
        )


def restart_timer(conn: sqlite3.Connection, paper_id: int, at: dt.datetime) -> None:
    # After a crash the time the app was down is unknown: count from the resume instead.
    with transaction(conn):
        conn.execute("UPDATE exam SET shown_at = ? WHERE id = ?", (iso(at), paper_id))


def mark_submitted(
    conn: sqlite3.Connection,
    paper_id: int,
    *,
    at: dt.datetime,
    by: SubmittedBy,
    result: Result,
    spent_on_current: dt.timedelta,
    current: int,
) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE exam_question SET time_spent_ms = time_spent_ms + ? "
            "WHERE exam_id = ? AND position = ?",
            (max(0, round(spent_on_current.total_seconds() * 1000)), paper_id, current),
        )
        conn.execute(
            "UPDATE exam SET submitted_at = ?, submitted_by = ?, marks = ?, max_marks = ?, "
            "right_count = ?, wrong_count = ?, skipped_count = ?, shown_at = NULL WHERE id = ?",
            (
                iso(at),
                by.value,
                str(result.marks),
                str(result.max_marks),
                result.total.right,
                result.total.wrong,
                result.total.skipped,
                paper_id,
            ),
        )


def set_review_id(conn: sqlite3.Connection, paper_id: int, position: int, review_id: int) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE exam_question SET review_id = ? WHERE exam_id = ? AND position = ?",
            (review_id, paper_id, position),
        )


def paper_result(paper: Paper, slots: Sequence[Slot]) -> Result:
    """Mark a paper from what stands on it (answers after its deadline do not count)."""
    given = [GivenAnswer(s.question, s.chosen, s.answered_at, s.time_spent) for s in slots]
    return score(
        given,
        paper.marking,
        deadline=paper.deadline,
        timed_out=paper.submitted_by is SubmittedBy.time_out,
    )


def answer_events(
    conn: sqlite3.Connection, paper_id: int
) -> list[tuple[int, dt.datetime, str, int | None]]:
    """(position, when, action, chosen) for every change, in the order given."""
    return [
        (r[0], parse_time(r[1]), r[2], r[3])  # type: ignore[misc]
        for r in conn.execute(
            "SELECT position, at, action, chosen FROM exam_answer WHERE exam_id = ? ORDER BY id",
            (paper_id,),
        )
    ]
