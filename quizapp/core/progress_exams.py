"""Exams and quizzes in a progress export: three members beside the review log.

``exams.csv`` holds one row per paper, ``exam_questions.csv`` each question as asked with the
answer standing on it (and its review-log row's ``review_time``, ``review_rating`` and
``review_mode``, as row ids differ between machines), ``exam_answers.csv`` every answer,
change and review mark in order. A paper is the same one on both machines when its mode and
start time are, so importing twice adds nothing. Times are epoch milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from quizapp.core.progress_csv import ProgressFileError, number, read_rows, write_csv
from quizapp.core.storage.exams import ANSWER_COLUMNS, PAPER_COLUMNS, QUESTION_COLUMNS

EXAMS = "exams.csv"
QUESTIONS = "exam_questions.csv"
ANSWERS = "exam_answers.csv"
MEMBERS = (EXAMS, QUESTIONS, ANSWERS)
REVIEW_COLUMNS = ("review_time", "review_rating", "review_mode")

README_TEXT = """\
exams.csv, exam_questions.csv, exam_answers.csv - the exams and quizzes taken: each paper,
  each question as asked with the answer standing on it, and every answer given in order
"""

# Whole numbers; every other column is text. Empty cells are none (an empty title, '').
_INTEGERS = {
    "id",
    "seed",
    "started_at",
    "deadline",
    "position",
    "shown_at",
    "submitted_at",
    "right_count",
    "wrong_count",
    "skipped_count",
    "exam_id",
    "chosen",
    "answered_at",
    "marked_for_review",
    "visited",
    "time_spent_ms",
    "at",
    "review_time",
    "review_rating",
}
_REQUIRED = {"id", "started_at", "exam_id", "position", "at", "marked_for_review", "visited"}
_REQUIRED |= {"time_spent_ms"}
# Times that have passed (a deadline may lie ahead).
_MOMENTS = {"started_at", "shown_at", "submitted_at", "answered_at", "at", "review_time"}
_CHOICES = {  # text columns with few values (the tables check them too)
    "mode": ("exam", "quiz"),
    "submitted_by": ("learner", "time_out", ""),
    "action": ("answer", "clear", "mark", "unmark"),
}


class Papers(NamedTuple):
    """The three members, read: rows by column name; a question's ``review`` is its review-log
    row's (time, rating, mode), or None."""

    papers: list[dict[str, object]]
    questions: list[dict[str, object]]
    answers: list[dict[str, object]]


def members(papers: list[tuple], questions: list[tuple], answers: list[tuple]) -> dict[str, str]:
    """The members' text, from the exam tables' rows (``Store.progress_snapshot``)."""
    return {
        EXAMS: write_csv(PAPER_COLUMNS, papers),
        QUESTIONS: write_csv((*QUESTION_COLUMNS, *REVIEW_COLUMNS), questions),
        ANSWERS: write_csv(ANSWER_COLUMNS, answers),
    }


def read_members(texts: Mapping[str, str], where: str, latest: int) -> Papers:
    """The papers of an export; none when it was made before exams travelled."""
    if not any(name in texts for name in MEMBERS):
        return Papers([], [], [])
    for name in MEMBERS:
        if name not in texts:
            raise ProgressFileError(
                f"{where}: {name} is missing from the export; export the progress again"
            )
    papers = _rows(texts[EXAMS], PAPER_COLUMNS, f"{where}: {EXAMS}", latest)
    questions = _rows(
        texts[QUESTIONS], (*QUESTION_COLUMNS, *REVIEW_COLUMNS), f"{where}: {QUESTIONS}", latest
    )
    for question in questions:
        review = tuple(question.pop(c) for c in REVIEW_COLUMNS)
        question["review"] = None if review[0] is None else review
    answers = _rows(texts[ANSWERS], ANSWER_COLUMNS, f"{where}: {ANSWERS}", latest)
    return Papers(papers, questions, answers)


def _rows(text: str, columns: tuple[str, ...], where: str, latest: int) -> list[dict[str, object]]:
    rows = []
    for line, row in read_rows(text, columns, where):
        at = f"{where}:{line}"
        values: dict[str, object] = {}
        for column, allowed in _CHOICES.items():
            if column in row and row[column] not in allowed:
                raise ProgressFileError(
                    f"{at}: {column} should be {' or '.join(a or 'empty' for a in allowed)}, "
                    f"not {row[column]!r}"
                )
        for column in columns:
            if column in _INTEGERS:
                values[column] = number(
                    row,
                    column,
                    at,
                    int,
                    empty=column not in _REQUIRED,
                    latest=latest if column in _MOMENTS else None,
                )
            elif row[column] == "" and column != "title":
                values[column] = None
            else:
                values[column] = row[column]
        rows.append(values)
    return rows
