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
from collections.abc import Sequence
from dataclasses import replace
from random import Random
from typing import Any

from quizapp.core.clock import Clock
from quizapp.core.store import Store
from quizapp.deck.loader import LoadedDeck
from quizapp.quiz.marking import UPSC, Marking, Result
from quizapp.quiz.papers import (
    Paper,
    PaperMode,
    Slot,
    SubmittedBy,
    latest_unsubmitted,
    list_papers,
    load_paper,
    load_slots,
    mark_submitted,
    move,
    paper_result,
    record,
    restart_timer,
)
from quizapp.quiz.questions import Question
from quizapp.quiz.selection import Selection, draw_questions
from quizapp.quiz.session import ExamClosed, PaperSession, check_cards_known, log_answers
from quizapp.quiz.stats import distractor_stats, missed_counts

__all__ = [
    "ExamClosed",
    "ExamSession",
    "check_cards_known",
    "distractor_stats",
    "exam_result",
    "exam_summary",
    "list_exams",
    "log_answers",
    "new_exam",
    "unfinished_exam",
]


class ExamSession(PaperSession):
    """One exam being taken; every method that changes it commits before returning."""

    mode = PaperMode.exam

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
        return cls._create(
            store,
            questions,
            clock=clock,
            marking=marking,
            selection=selection,
            deadline_after=time_limit,
            seed=seed,
            title=title,
        )

    @classmethod
    def resume(cls, store: Store, exam_id: int, *, clock: Clock | None = None) -> ExamSession:
        """Reopen a saved exam. Past its deadline it is submitted at once, as it stood;
        already submitted, any answers still missing from the review log are written."""
        session = cls(store, exam_id, clock)
        if session.is_submitted:
            if log_answers(store, exam_id):
                session._reload()  # the slots as logged
            return session
        # How long the app was down is unknown, so that time counts for no question.
        restart_timer(session._store, exam_id, session._clock.now())
        session._reload()
        session._time_is_up()
        return session

    # What the learner sees

    @property
    def started_at(self) -> dt.datetime:
        return self._paper.started_at

    @property
    def deadline(self) -> dt.datetime | None:
        return self._paper.deadline

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
        self._record_answer(self._position(position), option, at)
        self._reload()

    def clear(self, *, position: int | None = None) -> None:
        """Withdraw the answer: the question counts as skipped again."""
        at = self._ensure_open()
        position = self._position(position)
        record(
            self._store,
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
            self._store,
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
            self._store, self.id, leaving=self.position, spent=self._on_screen(at), to=target, at=at
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

    def _position(self, position: int | None) -> int:
        if position is None:
            return self.position
        if not 0 <= position < len(self.questions):
            raise IndexError(
                f"there is no question {position + 1}: the exam has {len(self.questions)}"
            )
        return position

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
            self._store,
            self.id,
            at=at,
            by=by,
            result=result,
            spent_on_current=spent,
            current=current,
        )
        log_answers(self._store, self.id)
        self._reload()
        return result


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


def exam_result(store: Store, exam_id: int) -> Result:
    """The marked result of a submitted exam (or quiz), as shown after it and in the history."""
    paper = load_paper(store, exam_id)
    if not paper.is_submitted:
        raise ExamClosed(f"exam {exam_id} is still in progress: resume it to finish it")
    return paper_result(paper, load_slots(store, exam_id))


def list_exams(store: Store, *, limit: int | None = None) -> list[Paper]:
    """Past and in-progress exams, newest first, with their marks once submitted."""
    return list_papers(store, PaperMode.exam, limit=limit)


def unfinished_exam(store: Store) -> int | None:
    """The newest exam not yet submitted (to offer resuming it), or None."""
    return latest_unsubmitted(store, PaperMode.exam)


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
