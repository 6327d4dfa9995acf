"""Exams and quizzes moving between machines, inside a progress export.

Three members beside the store's: ``exams.csv`` (one row per paper), ``exam_questions.csv``
(each question as asked and the answer standing on it) and ``exam_answers.csv`` (every
answer, change and review mark in order). A paper is the same one on both machines when its
mode and start time are, so importing twice adds nothing. Paper ids are the exporting
machine's and are given new ones here; a question's review-log row is found again by its
deck, card, time, rating and mode (the identity the review log is imported by).
"""

from __future__ import annotations

import csv
import io
import sqlite3

from quizapp.core.progress_io import ProgressFileError

EXAMS = "exams.csv"
QUESTIONS = "exam_questions.csv"
ANSWERS = "exam_answers.csv"
MEMBERS = (EXAMS, QUESTIONS, ANSWERS)
EXAM_COLUMNS = [
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
]
QUESTION_COLUMNS = [
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
]
REVIEW_COLUMNS = ["review_time", "review_rating", "review_mode"]  # the review row, by identity
ANSWER_COLUMNS = ["exam_id", "position", "at", "action", "chosen"]
_INTEGERS = {
    "id",
    "seed",
    "position",
    "right_count",
    "wrong_count",
    "skipped_count",
    "exam_id",
    "chosen",
    "marked_for_review",
    "visited",
    "time_spent_ms",
    "review_time",
    "review_rating",
}


def _has_exams(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exam'")
    return row.fetchone() is not None


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow("" if value is None else value for value in row)
    return out.getvalue()


def export_papers(conn: sqlite3.Connection) -> dict[str, str]:
    """The three members (empty tables when no exam was ever taken here)."""
    exams = questions = answers = []
    if _has_exams(conn):
        exams = conn.execute(f"SELECT {', '.join(EXAM_COLUMNS)} FROM exam ORDER BY id").fetchall()
        questions = conn.execute(
            f"SELECT {', '.join('q.' + c for c in QUESTION_COLUMNS)}, "
            "r.reviewed_at, r.rating, r.mode FROM exam_question q "
            "LEFT JOIN review_log r ON r.id = q.review_id ORDER BY q.exam_id, q.position"
        ).fetchall()
        answers = conn.execute(
            f"SELECT {', '.join(ANSWER_COLUMNS)} FROM exam_answer ORDER BY id"
        ).fetchall()
    return {
        EXAMS: _csv(EXAM_COLUMNS, exams),
        QUESTIONS: _csv(QUESTION_COLUMNS + REVIEW_COLUMNS, questions),
        ANSWERS: _csv(ANSWER_COLUMNS, answers),
    }


def import_papers(conn: sqlite3.Connection, members: dict[str, str], where: str) -> int:
    """Add the papers this database does not have; returns how many.

    Runs inside the caller's transaction (the exam tables must exist already, see
    ``quizapp.quiz.papers.ensure_exam_schema``): a bad row raises ProgressFileError and
    the caller rolls everything back.
    """
    if not any(name in members for name in MEMBERS):
        return 0  # an export from before exams travelled
    try:
        return _import(conn, members, where)
    except sqlite3.IntegrityError as error:
        raise ProgressFileError(
            f"{where}: the exams in it do not fit together ({error}); export the progress again"
        ) from None


def _import(conn: sqlite3.Connection, members: dict[str, str], where: str) -> int:
    exams = _rows(members, EXAMS, EXAM_COLUMNS, where)
    questions = _rows(members, QUESTIONS, QUESTION_COLUMNS + REVIEW_COLUMNS, where)
    answers = _rows(members, ANSWERS, ANSWER_COLUMNS, where)
    known = set(conn.execute("SELECT mode, started_at FROM exam"))
    new_ids: dict[int, int] = {}
    for row in exams:
        if (row["mode"], row["started_at"]) in known:
            continue
        known.add((row["mode"], row["started_at"]))
        columns = EXAM_COLUMNS[1:]
        cursor = conn.execute(
            f"INSERT INTO exam ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [row[c] for c in columns],
        )
        new_ids[row["id"]] = cursor.lastrowid
    for row in questions:
        if row["exam_id"] not in new_ids:
            continue
        review = None
        if row["review_time"] is not None:
            found = conn.execute(
                "SELECT id FROM review_log WHERE deck_id = ? AND card_id = ? AND reviewed_at = ? "
                "AND rating = ? AND mode = ?",
                (
                    row["deck_id"],
                    row["card_id"],
                    row["review_time"],
                    row["review_rating"],
                    row["review_mode"],
                ),
            ).fetchone()
            review = found[0] if found else None
        values = {**row, "exam_id": new_ids[row["exam_id"]], "review_id": review}
        columns = [*QUESTION_COLUMNS, "review_id"]
        conn.execute(
            f"INSERT INTO exam_question ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [values[c] for c in columns],
        )
    for row in answers:
        if row["exam_id"] in new_ids:
            conn.execute(
                f"INSERT INTO exam_answer ({', '.join(ANSWER_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
                [new_ids[row["exam_id"]] if c == "exam_id" else row[c] for c in ANSWER_COLUMNS],
            )
    return len(new_ids)


def _rows(members: dict[str, str], name: str, columns: list[str], where: str) -> list[dict]:
    at = f"{where}: {name}"
    if name not in members:
        raise ProgressFileError(f"{at}: missing from the export; export the progress again")
    reader = csv.reader(io.StringIO(members[name]))
    rows = []
    try:
        header = next(reader, None)
        if header != columns:
            raise ProgressFileError(
                f"{at}:1: the columns should be {','.join(columns)}, not "
                f"{','.join(header or [])}; export the progress again"
            )
        for row in reader:
            line = reader.line_num
            if len(row) != len(columns):
                raise ProgressFileError(
                    f"{at}:{line}: {len(row)} values where there should be {len(columns)}"
                )
            values: dict[str, object] = {}
            for column, text in zip(columns, row, strict=True):
                if text == "":
                    values[column] = "" if column == "title" else None
                elif column in _INTEGERS:
                    try:
                        values[column] = int(text)
                    except ValueError:
                        raise ProgressFileError(
                            f"{at}:{line}: {column} should be a whole number, not {text!r}"
                        ) from None
                else:
                    values[column] = text
            rows.append(values)
    except csv.Error as error:
        raise ProgressFileError(f"{at}:{reader.line_num}: not valid CSV ({error})") from None
    return rows
