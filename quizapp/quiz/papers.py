"""Exams and quizzes, every answer committed the moment it is given.

They live in the progress database beside the store's tables, in three tables of their own
(made by the store's migrations; see quizapp.core.storage.exams): ``exam`` (one row per
paper, exam or quiz), ``exam_question`` (a frozen copy of each question asked and the answer
standing on it) and ``exam_answer`` (every answer, change, clearing and review mark in the
order given). A crashed exam therefore resumes exactly where it stopped, and a past exam can
be shown again without the decks it was drawn from. Each function takes the open ``Store``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from quizapp.quiz.marking import GivenAnswer, Marking, Result, score
from quizapp.quiz.questions import Question

if TYPE_CHECKING:
    from quizapp.core.store import Store


class PaperMode(StrEnum):
    exam = "exam"
    quiz = "quiz"


class SubmittedBy(StrEnum):
    learner = "learner"
    time_out = "time_out"


def to_ms(moment: dt.datetime) -> int:
    """Paper times are kept as epoch milliseconds (UTC), as every time in the store."""
    if moment.tzinfo is None:
        raise ValueError("times must be aware (UTC); the clock returned a naive datetime")
    return int(moment.timestamp() * 1000)


def from_ms(ms: int | None) -> dt.datetime | None:
    return None if ms is None else dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def _spent_ms(spent: dt.timedelta) -> int:
    return round(spent.total_seconds() * 1000)


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


def _paper(row: tuple) -> Paper:
    return Paper(
        id=row[0],
        mode=PaperMode(row[1]),
        title=row[2],
        selection=json.loads(row[3]),
        seed=row[4],
        marking=Marking.parse(row[5]),
        started_at=from_ms(row[6]),  # type: ignore[arg-type]
        deadline=from_ms(row[7]),
        position=row[8],
        shown_at=from_ms(row[9]),
        submitted_at=from_ms(row[10]),
        submitted_by=None if row[11] is None else SubmittedBy(row[11]),
        questions=row[12],
        marks=None if row[13] is None else Fraction(row[13]),
        max_marks=None if row[14] is None else Fraction(row[14]),
        right=row[15],
        wrong=row[16],
        skipped=row[17],
    )


def create_paper(
    store: Store,
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
    header = {
        "mode": mode.value,
        "title": title,
        "selection": json.dumps(selection or {}, sort_keys=True),
        "seed": seed,
        "marking": str(marking),
        "started_at": to_ms(started_at),
        "deadline": None if deadline is None else to_ms(deadline),
    }
    return store.exams.create(
        header,
        [
            (q.deck_id, q.card_id, json.dumps(q.to_dict(), ensure_ascii=False), q.correct_option)
            for q in questions
        ],
    )


def load_paper(store: Store, paper_id: int) -> Paper:
    row = store.exams.paper(paper_id)
    if row is None:
        raise LookupError(f"there is no exam or quiz number {paper_id}")
    return _paper(row)


def load_slots(store: Store, paper_id: int) -> list[Slot]:
    return [
        Slot(
            position=r[0],
            question=Question.from_dict(json.loads(r[1])),
            chosen=r[2],
            answered_at=from_ms(r[3]),
            marked_for_review=bool(r[4]),
            visited=bool(r[5]),
            time_spent=dt.timedelta(milliseconds=r[6]),
            review_id=r[7],
        )
        for r in store.exams.slots(paper_id)
    ]


def list_papers(
    store: Store, mode: PaperMode | None = PaperMode.exam, *, limit: int | None = None
) -> list[Paper]:
    """Newest first, in progress ones included (they have no marks yet)."""
    return [_paper(row) for row in store.exams.papers(None if mode is None else mode.value, limit)]


def latest_unsubmitted(store: Store, mode: PaperMode = PaperMode.exam) -> int | None:
    return store.exams.latest_unsubmitted(mode.value)


def record(
    store: Store, paper_id: int, position: int, at: dt.datetime, action: str, **changes: Any
) -> None:
    """Apply one change to a question and log it as given, in one transaction."""
    changes = {k: to_ms(v) if isinstance(v, dt.datetime) else v for k, v in changes.items()}
    store.exams.record(paper_id, position, to_ms(at), action, changes)


def move(
    store: Store,
    paper_id: int,
    *,
    leaving: int,
    spent: dt.timedelta,
    to: int,
    at: dt.datetime,
) -> None:
    """Put another question on screen, adding the time spent on the one left."""
    store.exams.move(paper_id, leaving, _spent_ms(spent), to, to_ms(at))


def restart_timer(store: Store, paper_id: int, at: dt.datetime) -> None:
    # After a crash the time the app was down is unknown: count from the resume instead.
    store.exams.restart_timer(paper_id, to_ms(at))


def mark_submitted(
    store: Store,
    paper_id: int,
    *,
    at: dt.datetime,
    by: SubmittedBy,
    result: Result,
    spent_on_current: dt.timedelta,
    current: int,
) -> None:
    store.exams.submit(
        paper_id,
        at_ms=to_ms(at),
        by=by.value,
        marks=str(result.marks),
        max_marks=str(result.max_marks),
        counts=(result.total.right, result.total.wrong, result.total.skipped),
        current=current,
        spent_ms=_spent_ms(spent_on_current),
    )


def paper_result(paper: Paper, slots: Sequence[Slot]) -> Result:
    """Mark a paper from what stands on it (answers after its deadline do not count)."""
    given = [GivenAnswer(s.question, s.chosen, s.answered_at, s.time_spent) for s in slots]
    elapsed = None
    if paper.submitted_at is not None:
        # From the deal to the submission, never beyond the time allowed.
        end = (
            paper.submitted_at
            if paper.deadline is None
            else min(paper.submitted_at, paper.deadline)
        )
        elapsed = max(dt.timedelta(0), end - paper.started_at)
    return score(
        given,
        paper.marking,
        deadline=paper.deadline,
        timed_out=paper.submitted_by is SubmittedBy.time_out,
        elapsed=elapsed,
    )


def answer_events(store: Store, paper_id: int) -> list[tuple[int, dt.datetime, str, int | None]]:
    """(position, when, action, chosen) for every change, in the order given."""
    return [
        (position, from_ms(at), action, chosen)  # type: ignore[misc]
        for position, at, action, chosen in store.exams.answer_events(paper_id)
    ]
