"""What an exam and a quiz share: a saved paper, its questions, and answers committed at once.

A paper (``quizapp.quiz.papers``) is kept in the progress database, so the
session only holds a copy of its header and slots, read again after each
change. ``ExamSession`` and ``QuizSession`` differ in what the learner may do
(change answers and move freely, or answer once and go on); opening a paper,
recording an answer, timing a question and writing an answer into the review
log are done here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar, Self

from quizapp.core.clock import Clock
from quizapp.core.store import AnswerResult, Mode, Rating, Store
from quizapp.quiz.marking import Marking
from quizapp.quiz.papers import (
    Paper,
    PaperMode,
    Slot,
    create_paper,
    load_paper,
    load_slots,
    paper_result,
    record,
)
from quizapp.quiz.questions import Question
from quizapp.quiz.selection import Selection

_A_PAPER = {PaperMode.exam: "an exam", PaperMode.quiz: "a quiz"}


class ExamClosed(RuntimeError):
    """The exam has been submitted (by the learner or the clock): it can no longer change."""


class PaperSession:
    """One exam or quiz being taken, read from and written to the progress database."""

    mode: ClassVar[PaperMode]

    def __init__(self, store: Store, paper_id: int, clock: Clock | None = None):
        self._store = store
        self._clock = clock or store.clock
        self.id = paper_id
        self._reload()
        if self._paper.mode is not self.mode:
            raise LookupError(
                f"number {paper_id} is {_A_PAPER[self._paper.mode]}, not {_A_PAPER[self.mode]}"
            )
        self.questions: tuple[Question, ...] = tuple(s.question for s in self._slots)

    @classmethod
    def _create(
        cls,
        store: Store,
        questions: Sequence[Question],
        *,
        clock: Clock | None,
        marking: Marking,
        selection: Selection | None,
        deadline_after: dt.timedelta | None = None,
        **header: Any,
    ) -> Self:
        """Save a new paper (its questions checked first) and open it on its first question."""
        check_cards_known(store, questions)
        now = (clock or store.clock).now()
        paper_id = create_paper(
            store,
            cls.mode,
            questions,
            started_at=now,
            marking=marking,
            deadline=None if deadline_after is None else now + deadline_after,
            selection=(selection or Selection()).to_dict(),
            **header,
        )
        return cls(store, paper_id, clock)

    @property
    def position(self) -> int:
        return self._paper.position

    @property
    def marking(self) -> Marking:
        return self._paper.marking

    def _reload(self) -> None:
        self._paper: Paper = load_paper(self._store, self.id)
        self._slots: list[Slot] = load_slots(self._store, self.id)

    def _on_screen(self, at: dt.datetime) -> dt.timedelta:
        """How long the question on screen has been there."""
        shown = self._paper.shown_at
        return dt.timedelta(0) if shown is None else max(dt.timedelta(0), at - shown)

    def _record_answer(self, position: int, option: int, at: dt.datetime) -> Question:
        """Save ``option`` as the answer standing on question ``position``; committed."""
        question = self.questions[position]
        if not 0 <= option < len(question.options):
            raise ValueError(
                f"question {position + 1} has options {', '.join(question.labels)}; "
                f"there is no option number {option}"
            )
        record(
            self._store,
            self.id,
            position,
            at,
            "answer",
            chosen=option,
            chosen_option=question.options[option],
            answered_at=at,
        )
        return question


def check_cards_known(store: Store, questions: Sequence[Question]) -> None:
    """Refuse, before anything is saved, a question whose card the store has never seen:
    its answer could not be logged."""
    for question in questions:
        for key in question.keys:
            try:
                store.progress(key)
            except KeyError:
                raise ValueError(
                    f"card {key.card_id!r} of deck {key.deck_id!r} is not in the progress "
                    "database: sync its deck (Store.sync_deck) before asking it"
                ) from None


def log_answer(
    store: Store, paper: Paper, slot: Slot, chosen: int, spent: dt.timedelta
) -> AnswerResult | None:
    """Write one answer of a paper into the review log (wrong as again, which makes the card
    due now; right as good) and keep the row's id on the slot, so it is never written twice.

    A statement set made of true/false cards is logged against each of them, its time shared
    out. The rows and the slot's mark are one transaction: after a crash either the answer
    is logged whole or not at all (and logged on resume). Returns the last card's result;
    None when the slot was logged already.
    """
    question = slot.question
    return store.log_paper_answer(
        paper.id,
        slot.position,
        question.keys,
        Rating.good if question.is_correct(chosen) else Rating.again,
        mode=Mode.exam if paper.mode is PaperMode.exam else Mode.quiz,
        duration_ms=round(spent.total_seconds() * 1000),
        answer=question.options[chosen],
    )


def log_answers(store: Store, paper_id: int) -> int:
    """Write each attempted, not yet logged answer of a paper into the review log.

    An exam is logged once submitted; a quiz as it goes. Safe to repeat: each
    written row's id is kept, so a submission interrupted by a crash is
    completed on resume without logging an answer twice. Returns how many
    answers were logged.
    """
    paper = load_paper(store, paper_id)
    if not paper.is_submitted and paper.mode is PaperMode.exam:
        raise ExamClosed(f"exam {paper_id} is still open: its answers are logged on submission")
    slots = load_slots(store, paper_id)
    result = paper_result(paper, slots)
    written = 0
    for slot, marked in zip(slots, result.answers, strict=True):
        if slot.review_id is not None or marked.chosen is None:
            continue
        if log_answer(store, paper, slot, marked.chosen, slot.time_spent) is not None:
            written += 1
    return written
