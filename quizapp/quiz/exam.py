"""An exam as in UPSC Prelims: a timed paper, negative marking, answers open until submitted.

The learner may answer, change or clear an answer, skip, mark a question for
review and move back and forth; each of these is committed before the call
returns, so a crash loses nothing and ``ExamSession.resume`` carries on. The
deadline is fixed when the exam starts (a crash does not stop the clock);
an exam resumed after it is submitted as it stood, as a time-out.

Submission (by the learner, or by the clock) marks the paper and writes each
attempted answer into the review log in ``Mode.exam``: a wrong one as
``again`` (the store makes the card due now, so it comes up in the next
review session), a right one as ``good``. Exam answers never move FSRS
state: recognising an option is easier than recalling an answer. Skipped
questions are not logged: a skip is neither a recall nor a lapse, and UPSC
rewards skipping what one is unsure of; they stay visible in the exam's own
record.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from random import Random
from typing import Any

from quizapp.core.clock import Clock
from quizapp.core.store import Mode, Rating, Store
from quizapp.deck.loader import LoadedDeck
from quizapp.quiz.marking import UPSC, Marking, Result
from quizapp.quiz.papers import (
    Paper,
    PaperMode,
    Slot,
    SubmittedBy,
    create_paper,
    ensure_exam_schema,
    iso,
    latest_unsubmitted,
    list_papers,
    load_paper,
    load_slots,
    mark_submitted,
    move,
    paper_result,
    record,
    restart_timer,
    set_review_id,
)
from quizapp.quiz.questions import Question
from quizapp.quiz.selection import Selection, draw_questions
from quizapp.quiz.stats import distractor_stats, missed_counts

__all__ = [
    "ExamClosed",
    "ExamSession",
    "distractor_stats",
    "ensure_exam_schema",
    "exam_result",
    "exam_summary",
    "list_exams",
    "log_answers",
    "new_exam",
    "unfinished_exam",
]


class ExamClosed(RuntimeError):
    """The exam has been submitted (by the learner or the clock): it can no longer change."""


class ExamSession:
    """One exam being taken; every method that changes it commits before returning."""

    def __init__(self, store: Store, paper_id: int, clock: Clock | None = None):
        self._store = store
        self._conn = store.connection  # the exam tables live in the progress database
        self._clock = clock or store.clock
        self.id = paper_id
        self._paper = load_paper(self._conn, paper_id)
        if self._paper.mode is not PaperMode.exam:
            raise LookupError(f"number {paper_id} is a quiz, not an exam")
        self._slots = load_slots(self._conn, paper_id)
        self.questions: tuple[Question, ...] = tuple(s.question for s in self._slots)

    @classmethod
    def start(
        cls,
        store: Store,
        questions: Sequence[Question],
        *,
        clock: Clock | None = None,
        time_limit: dt.timedelta | None,
        marking: Marking = UPSC,
        seed: int | None = None,
        selection: Selection | None = None,
        title: str = "",
    ) -> ExamSession:
        """Save a new exam and open it on its first question; the clock starts now.

        ``clock`` defaults to the store's, so exam and review log agree on the time.
        """
        if time_limit is not None and time_limit <= dt.timedelta(0):
            raise ValueError(f"the time limit must be positive (got {time_limit})")
        check_cards_known(store, questions)
        ensure_exam_schema(store.connection)
        now = (clock or store.clock).now()
        paper_id = create_paper(
            store.connection,
            PaperMode.exam,
            questions,
            started_at=now,
            marking=marking,
            deadline=None if time_limit is None else now + time_limit,
            seed=seed,
            selection=(selection or Selection()).to_dict(),
            title=title,
        )
        return cls(store, paper_id, clock)

    @classmethod
    def resume(cls, store: Store, exam_id: int, *, clock: Clock | None = None) -> ExamSession:
        """Reopen a saved exam. Past its deadline it is submitted at once, as it stood;
        already submitted, any answers still missing from the review log are written."""
        ensure_exam_schema(store.connection)
        session = cls(store, exam_id, clock)
        if session.is_submitted:
            log_answers(store, exam_id)
            return session
        # How long the app was down is unknown, so that time counts for no question.
        restart_timer(session._conn, exam_id, session._clock.now())
        session._reload()
        session._time_is_up()
        return session

    # What the learner sees

    @property
    def marking(self) -> Marking:
        return self._paper.marking

    @property
    def started_at(self) -> dt.datetime:
        return self._paper.started_at

    @property
    def deadline(self) -> dt.datetime | None:
        return self._paper.deadline

    @property
    def position(self) -> int:
        return self._paper.position

    @property
    def current(self) -> Question:
        return self.questions[self.position]

    @property
    def slots(self) -> list[Slot]:
        """Every question with its standing answer, review mark and time spent."""
        return list(self._slots)

    @property
    def is_submitted(self) -> bool:
        return self._paper.is_submitted

    @property
    def submitted_by(self) -> SubmittedBy | None:
        return self._paper.submitted_by

    def time_left(self) -> dt.timedelta | None:
        """None for an untimed exam; never negative."""
        if self.deadline is None:
            return None
        return max(dt.timedelta(0), self.deadline - self._clock.now())

    # Changes, each committed before returning

    def answer(self, option: int, *, position: int | None = None) -> None:
        """Choose (or change to) an option of the current question, or of ``position``."""
        at = self._ensure_open()
        position = self._position(position)
        question = self.questions[position]
        if not 0 <= option < len(question.options):
            raise ValueError(
                f"question {position + 1} has options {', '.join(question.labels)}; "
                f"there is no option number {option}"
            )
        record(
            self._conn,
            self.id,
            position,
            at,
            "answer",
            chosen=option,
            chosen_option=question.options[option],
            answered_at=iso(at),
        )
        self._reload()

    def clear(self, *, position: int | None = None) -> None:
        """Withdraw the answer: the question counts as skipped again."""
        at = self._ensure_open()
        position = self._position(position)
        record(
            self._conn,
            self.id,
            position,
            at,
            "clear",
            chosen=None,
            chosen_option=None,
            answered_at=None,
        )
        self._reload()

    def mark_for_review(self, flag: bool = True, *, position: int | None = None) -> None:
        at = self._ensure_open()
        position = self._position(position)
        record(
            self._conn,
            self.id,
            position,
            at,
            "mark" if flag else "unmark",
            marked_for_review=int(flag),
        )
        self._reload()

    def go_to(self, position: int) -> None:
        at = self._ensure_open()
        target = self._position(position)
        if target == self.position:
            return
        move(
            self._conn, self.id, leaving=self.position, spent=self._on_screen(at), to=target, at=at
        )
        self._reload()

    def next(self) -> bool:
        """Move on; False (and no move) on the last question."""
        if self.position + 1 >= len(self.questions):
            self._ensure_open()
            return False
        self.go_to(self.position + 1)
        return True

    def previous(self) -> bool:
        if self.position == 0:
            self._ensure_open()
            return False
        self.go_to(self.position - 1)
        return True

    def skip(self) -> bool:
        """Leave the current question as it stands (unanswered if it was) and move on."""
        return self.next()

    def check_time(self) -> bool:
        """Call on each tick: submits the exam when time is up. True once submitted."""
        if not self.is_submitted:
            self._time_is_up()
        return self.is_submitted

    def submit(self) -> Result:
        """The learner hands the paper in: it is marked and the answers are logged."""
        at = self._ensure_open()
        return self._submit(at, SubmittedBy.learner)

    def result(self) -> Result:
        if not self.is_submitted:
            raise ExamClosed(f"exam {self.id} has not been submitted yet: no result")
        return paper_result(self._paper, self._slots)

    # Inside

    def _reload(self) -> None:
        self._paper = load_paper(self._conn, self.id)
        self._slots = load_slots(self._conn, self.id)

    def _position(self, position: int | None) -> int:
        if position is None:
            return self.position
        if not 0 <= position < len(self.questions):
            raise IndexError(
                f"there is no question {position + 1}: the exam has {len(self.questions)}"
            )
        return position

    def _on_screen(self, at: dt.datetime) -> dt.timedelta:
        shown = self._paper.shown_at
        return dt.timedelta(0) if shown is None else max(dt.timedelta(0), at - shown)

    def _time_is_up(self) -> bool:
        deadline = self.deadline
        if deadline is None or self._clock.now() < deadline:
            return False
        self._submit(deadline, SubmittedBy.time_out)
        return True

    def _ensure_open(self) -> dt.datetime:
        if self.is_submitted:
            raise ExamClosed(_closed_message(self._paper))
        if self._time_is_up():
            raise ExamClosed(_closed_message(self._paper))
        return self._clock.now()

    def _submit(self, at: dt.datetime, by: SubmittedBy) -> Result:
        spent = self._on_screen(at)
        current = self.position
        # Marked from the stored answers with the time on screen so far added in.
        slots = [
            s if s.position != current else _with_time(s, s.time_spent + spent) for s in self._slots
        ]
        paper = replace(self._paper, submitted_at=at, submitted_by=by)
        result = paper_result(paper, slots)
        mark_submitted(
            self._conn,
            self.id,
            at=at,
            by=by,
            result=result,
            spent_on_current=spent,
            current=current,
        )
        self._reload()
        log_answers(self._store, self.id)
        return result


def check_cards_known(store: Store, questions: Sequence[Question]) -> None:
    """Refuse, before anything is saved, a question whose card the store has never seen:
    its answer could not be logged at submission."""
    for question in questions:
        for key in question.keys:
            try:
                store.progress(key)
            except KeyError:
                raise ValueError(
                    f"card {key.card_id!r} of deck {key.deck_id!r} is not in the progress "
                    "database: sync its deck (Store.sync_deck) before asking it"
                ) from None


def new_exam(
    store: Store,
    decks: Sequence[LoadedDeck],
    *,
    count: int,
    seed: int,
    time_limit: dt.timedelta | None,
    selection: Selection | None = None,
    marking: Marking = UPSC,
    clock: Clock | None = None,
    title: str = "",
) -> tuple[ExamSession, list[str]]:
    """Draw ``count`` questions with ``seed`` and start the exam on them.

    Returns the session and a message per matching card that could not be
    asked (no possible wrong option), for the command to print as a warning.
    Raises EmptySelection (a ValueError with the choices available) when no
    card matches.
    """
    selection = selection or Selection()
    misses = missed_counts(store) if selection.most_missed else None
    questions, problems = draw_questions(
        decks,
        selection,
        count,
        Random(seed),
        misses=misses,
        suspended=store.suspended(),
        exam=True,
    )
    session = ExamSession.start(
        store,
        questions,
        clock=clock,
        time_limit=time_limit,
        marking=marking,
        seed=seed,
        selection=selection,
        title=title,
    )
    return session, problems


def _with_time(slot: Slot, spent: dt.timedelta) -> Slot:
    return replace(slot, time_spent=spent)


def _closed_message(paper: Paper) -> str:
    if paper.submitted_by is SubmittedBy.time_out:
        return (
            f"time ran out at {paper.deadline:%H:%M:%S} UTC: exam {paper.id} was submitted "
            "with the answers given by then"
        )
    return f"exam {paper.id} was submitted at {paper.submitted_at:%H:%M:%S} UTC: answers are final"


def log_answers(store: Store, paper_id: int) -> int:
    """Write each attempted, not yet logged answer of a submitted paper into the review log.

    Safe to repeat: each written row's id is kept, so a submission interrupted
    by a crash is completed on resume without logging an answer twice. Returns
    how many rows were written.
    """
    conn = store.connection
    paper = load_paper(conn, paper_id)
    if not paper.is_submitted and paper.mode is PaperMode.exam:
        raise ExamClosed(f"exam {paper_id} is still open: its answers are logged on submission")
    mode = Mode.exam if paper.mode is PaperMode.exam else Mode.quiz
    result = paper_result(paper, load_slots(conn, paper_id))
    written = 0
    for slot, marked in zip(load_slots(conn, paper_id), result.answers, strict=True):
        if slot.review_id is not None or marked.chosen is None:
            continue
        question = slot.question
        # A statement set made of true/false cards is logged against each of them; the
        # slot is marked logged only after the last, so a crash never skips one.
        for key in question.keys:
            logged = store.answer(
                key,
                Rating.good if question.is_correct(marked.chosen) else Rating.again,
                mode=mode,
                duration_ms=round(slot.time_spent.total_seconds() * 1000 / len(question.keys)),
                answer=question.options[marked.chosen],
            )
        set_review_id(conn, paper_id, slot.position, logged.review_id)
        written += 1
    return written


def exam_result(conn: sqlite3.Connection, exam_id: int) -> Result:
    """The marked result of a submitted exam (or quiz), as shown after it and in the history."""
    paper = load_paper(conn, exam_id)
    if not paper.is_submitted:
        raise ExamClosed(f"exam {exam_id} is still in progress: resume it to finish it")
    return paper_result(paper, load_slots(conn, exam_id))


def list_exams(conn: sqlite3.Connection, *, limit: int | None = None) -> list[Paper]:
    """Past and in-progress exams, newest first, with their marks once submitted."""
    ensure_exam_schema(conn)
    return list_papers(conn, PaperMode.exam, limit=limit)


def unfinished_exam(conn: sqlite3.Connection) -> int | None:
    """The newest exam not yet submitted (to offer resuming it), or None."""
    ensure_exam_schema(conn)
    return latest_unsubmitted(conn, PaperMode.exam)


def exam_summary(paper: Paper) -> dict[str, Any]:
    """JSON-ready line of the exam history."""
    return {
        "exam": paper.id,
        "title": paper.title,
        "started_at": paper.started_at.isoformat(),
        "submitted_at": None if paper.submitted_at is None else paper.submitted_at.isoformat(),
        "submitted_by": None if paper.submitted_by is None else paper.submitted_by.value,
        "questions": paper.questions,
        "marks": None if paper.marks is None else str(paper.marks),
        "max_marks": None if paper.max_marks is None else str(paper.max_marks),
        "right": paper.right,
        "wrong": paper.wrong,
        "skipped": paper.skipped,
        "marking": str(paper.marking),
        "selection": paper.selection,
        "seed": paper.seed,
    }
