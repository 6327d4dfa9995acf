"""A quiz: one question at a time, the verdict straight after each answer, a score at the end.

Unlike an exam an answer is final once given. It is saved, then written into
the review log in ``Mode.quiz`` (wrong as ``again``, which makes the card due
now; right as ``good``; FSRS state is left alone, as for exams). A skipped
question is not logged. Quizzes are kept in the exam tables (mode 'quiz') so
their wrong options count in the distractor statistics.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from quizapp.core.clock import Clock
from quizapp.core.store import Mode, Rating, Store
from quizapp.deck.loader import LoadedDeck
from quizapp.quiz.exam import check_cards_known, log_answers
from quizapp.quiz.marking import Marking, Result
from quizapp.quiz.papers import (
    Paper,
    PaperMode,
    SubmittedBy,
    create_paper,
    ensure_exam_schema,
    iso,
    list_papers,
    load_paper,
    load_slots,
    mark_submitted,
    move,
    paper_result,
    record,
    set_review_id,
)
from quizapp.quiz.questions import Question
from quizapp.quiz.selection import Selection, draw_questions
from quizapp.quiz.stats import missed_counts

QUIZ_MARKING = Marking(1, 0, 0)  # a quiz scores right answers; nothing is taken off


class QuizOver(RuntimeError):
    """Every question of the quiz has been answered or skipped."""


@dataclass(frozen=True)
class Feedback:
    """What the learner is shown straight after answering."""

    question: Question
    chosen: int
    next_due: dt.datetime | None  # when the card is due for review now

    @property
    def correct(self) -> bool:
        return self.question.is_correct(self.chosen)

    @property
    def chosen_option(self) -> str:
        return self.question.options[self.chosen]


class QuizSession:
    def __init__(self, store: Store, quiz_id: int, clock: Clock | None = None):
        self._store = store
        self._conn = store.connection  # quizzes live in the exam tables of the progress database
        self._clock = clock or store.clock
        self.id = quiz_id
        paper = load_paper(self._conn, quiz_id)
        if paper.mode is not PaperMode.quiz:
            raise LookupError(f"number {quiz_id} is an exam, not a quiz")
        slots = load_slots(self._conn, quiz_id)
        self.questions: tuple[Question, ...] = tuple(s.question for s in slots)
        self._reload()

    @classmethod
    def start(
        cls,
        store: Store,
        questions: Sequence[Question],
        *,
        clock: Clock | None = None,
        seed: int | None = None,
        selection: Selection | None = None,
        title: str = "",
        marking: Marking = QUIZ_MARKING,
    ) -> QuizSession:
        check_cards_known(store, questions)
        ensure_exam_schema(store.connection)
        quiz_id = create_paper(
            store.connection,
            PaperMode.quiz,
            questions,
            started_at=(clock or store.clock).now(),
            marking=marking,
            seed=seed,
            selection=(selection or Selection()).to_dict(),
            title=title,
        )
        return cls(store, quiz_id, clock)

    @classmethod
    def resume(cls, store: Store, quiz_id: int, *, clock: Clock | None = None) -> QuizSession:
        """Reopen a quiz: answers saved but not yet logged are logged, and it carries on
        with the first question not yet answered."""
        ensure_exam_schema(store.connection)
        session = cls(store, quiz_id, clock)
        log_answers(store, quiz_id)
        if not session.finished and session._slots[session.position].chosen is not None:
            session._advance(session._clock.now(), count_time=False)
        return session

    @property
    def position(self) -> int:
        return self._paper.position

    @property
    def finished(self) -> bool:
        return self._paper.is_submitted

    @property
    def current(self) -> Question | None:
        return None if self.finished else self.questions[self.position]

    def answer(self, option: int) -> Feedback:
        """Answer the current question for good and move on; the verdict comes back."""
        question = self._open_question()
        if not 0 <= option < len(question.options):
            raise ValueError(
                f"the options are {', '.join(question.labels)}; there is no option number {option}"
            )
        at = self._clock.now()
        position = self.position
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
        spent = self._on_screen(at)
        logged = self._store.answer(
            question.key,
            Rating.good if question.is_correct(option) else Rating.again,
            mode=Mode.quiz,
            duration_ms=round(spent.total_seconds() * 1000),
            answer=question.options[option],
        )
        set_review_id(self._conn, self.id, position, logged.review_id)
        self._advance(at)
        return Feedback(question, option, logged.next_due)

    def skip(self) -> None:
        """Leave the current question unanswered and move on (nothing is logged)."""
        self._open_question()
        self._advance(self._clock.now())

    def result(self) -> Result:
        """The score so far (questions not yet reached count as skipped)."""
        return paper_result(self._paper, self._slots)

    def _open_question(self) -> Question:
        question = self.current
        if question is None:
            raise QuizOver(f"quiz {self.id} is over: every question has been answered or skipped")
        return question

    def _on_screen(self, at: dt.datetime) -> dt.timedelta:
        shown = self._paper.shown_at
        return dt.timedelta(0) if shown is None else max(dt.timedelta(0), at - shown)

    def _advance(self, at: dt.datetime, *, count_time: bool = True) -> None:
        spent = self._on_screen(at) if count_time else dt.timedelta(0)
        if self.position + 1 < len(self.questions):
            move(
                self._conn, self.id, leaving=self.position, spent=spent, to=self.position + 1, at=at
            )
        else:
            self._reload()
            mark_submitted(
                self._conn,
                self.id,
                at=at,
                by=SubmittedBy.learner,
                result=self.result(),
                spent_on_current=spent,
                current=self.position,
            )
        self._reload()

    def _reload(self) -> None:
        self._paper = load_paper(self._conn, self.id)
        self._slots = load_slots(self._conn, self.id)


def new_quiz(
    store: Store,
    decks: Sequence[LoadedDeck],
    *,
    count: int,
    seed: int,
    selection: Selection | None = None,
    clock: Clock | None = None,
    title: str = "",
) -> tuple[QuizSession, list[str]]:
    """Draw ``count`` questions with ``seed`` and start a quiz on them (see ``new_exam``)."""
    selection = selection or Selection()
    misses = missed_counts(store) if selection.most_missed else None
    questions, problems = draw_questions(
        decks, selection, count, Random(seed), misses=misses, suspended=store.suspended()
    )
    session = QuizSession.start(
        store, questions, clock=clock, seed=seed, selection=selection, title=title
    )
    return session, problems


def list_quizzes(conn: sqlite3.Connection, *, limit: int | None = None) -> list[Paper]:
    """Past quizzes, newest first."""
    ensure_exam_schema(conn)
    return list_papers(conn, PaperMode.quiz, limit=limit)
