"""A quiz: one question at a time, the verdict straight after each answer, a score at the end.

Unlike an exam an answer is final once given. It is saved, then written into
the review log in ``Mode.quiz`` (wrong as ``again``, which makes the card due
now; right as ``good``; FSRS state is left alone, as for exams). A skipped
question is not logged. Quizzes are kept in the exam tables (mode 'quiz') so
their wrong options count in the distractor statistics.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from quizapp.core.clock import Clock
from quizapp.core.store import Store
from quizapp.deck.loader import LoadedDeck
from quizapp.quiz.marking import Marking, Result
from quizapp.quiz.papers import (
    Paper,
    PaperMode,
    SubmittedBy,
    list_papers,
    mark_submitted,
    move,
    paper_result,
)
from quizapp.quiz.questions import Question
from quizapp.quiz.selection import Selection, draw_questions
from quizapp.quiz.session import PaperSession, log_answer, log_answers
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


class QuizSession(PaperSession):
    """One quiz being taken; each answer is saved and logged before the verdict comes back."""

    mode = PaperMode.quiz

    @property
    def number(self) -> int:
        """Which quiz this is, counting quizzes only (exams share the stored numbering)."""
        return quiz_number(self._store, self.id)

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
        return cls._create(
            store,
            questions,
            clock=clock,
            marking=marking,
            selection=selection,
            seed=seed,
            title=title,
        )

    @classmethod
    def resume(cls, store: Store, quiz_id: int, *, clock: Clock | None = None) -> QuizSession:
        """Reopen a quiz: answers saved but not yet logged are logged, and it carries on
        with the first question not yet answered."""
        session = cls(store, quiz_id, clock)
        log_answers(store, quiz_id)
        if not session.finished and session._slots[session.position].chosen is not None:
            session._advance(session._clock.now(), count_time=False)
        return session

    @property
    def finished(self) -> bool:
        return self._paper.is_submitted

    @property
    def current(self) -> Question | None:
        return None if self.finished else self.questions[self.position]

    def answer(self, option: int) -> Feedback:
        """Answer the current question for good and move on; the verdict comes back."""
        self._open_question()
        at = self._clock.now()
        position = self.position
        question = self._record_answer(position, option, at)
        logged = log_answer(
            self._store, self._paper, self._slots[position], option, self._on_screen(at)
        )
        self._advance(at)
        if logged is None:  # logged already, by another window on this quiz
            return Feedback(question, option, self._store.progress(question.keys[-1]).due)
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

    def _advance(self, at: dt.datetime, *, count_time: bool = True) -> None:
        spent = self._on_screen(at) if count_time else dt.timedelta(0)
        if self.position + 1 < len(self.questions):
            move(
                self._store,
                self.id,
                leaving=self.position,
                spent=spent,
                to=self.position + 1,
                at=at,
            )
        else:
            self._reload()
            mark_submitted(
                self._store,
                self.id,
                at=at,
                by=SubmittedBy.learner,
                result=self.result(),
                spent_on_current=spent,
                current=self.position,
            )
        self._reload()


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


def list_quizzes(store: Store, *, limit: int | None = None) -> list[Paper]:
    """Past quizzes, newest first."""
    return list_papers(store, PaperMode.quiz, limit=limit)


def quiz_number(store: Store, quiz_id: int) -> int:
    """Which quiz this is, counting quizzes only (1 for the first), as the learner names it;
    exams and quizzes share the stored numbering."""
    return sum(1 for paper in list_quizzes(store) if paper.id <= quiz_id)
