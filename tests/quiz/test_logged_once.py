"""Every exam and quiz answer reaches the review log exactly once, whatever stops the app while
it is being written."""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from random import Random

import pytest

from quizapp.core.store import CardKey, Mode
from quizapp.quiz.exam import ExamSession, new_exam
from quizapp.quiz.papers import load_paper, load_slots
from quizapp.quiz.quiz import QuizSession
from quizapp.quiz.selection import Selection, draw_questions
from quizapp.quiz.session import log_answer, log_answers
from tests.quiz.conftest import DECK, wrong_option


def fail_on(db, when: str) -> None:
    """From now on the disk refuses the write ``when`` names (an SQLite trigger), as a full
    disk or a killed process would stop it."""
    with closing(sqlite3.connect(db)) as other:
        other.execute(f"CREATE TRIGGER fail {when} BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
        other.commit()


def mend(db) -> None:
    with closing(sqlite3.connect(db)) as other:
        other.execute("DROP TRIGGER fail")
        other.commit()


def logged(store, mode: Mode) -> Counter:
    """How many review rows of ``mode`` each card has."""
    return Counter(r.key.card_id for r in store.review_log() if r.mode is mode)


# Where the write stops: at the paper's question marked logged (after the review rows), or at
# the second card of the true/false statement set (after the first card's row).
SLOT = "BEFORE UPDATE OF review_id ON exam_question"
SECOND_STATEMENT = "BEFORE INSERT ON review_log WHEN NEW.card_id = '{card}'"


@pytest.mark.parametrize("stop", [SLOT, SECOND_STATEMENT])
def test_an_exam_stopped_while_logging_logs_each_answer_once_on_resume(
    db, store, clock, sample, reopen, stop
):
    exam, _ = new_exam(store, sample, count=100, seed=3, time_limit=None)
    statements = next(q for q in exam.questions if q.members)
    assert len(statements.keys) == 2
    for position, question in enumerate(exam.questions):
        chosen = question.correct if position % 2 else wrong_option(question)
        exam.answer(chosen, position=position)
    fail_on(db, stop.format(card=statements.keys[-1].card_id))
    with pytest.raises(sqlite3.DatabaseError, match="disk gone"):
        exam.submit()

    mend(db)
    store = reopen()  # the app starts again
    resumed = ExamSession.resume(store, exam.id, clock=clock)
    assert resumed.is_submitted
    asked = [key.card_id for q in exam.questions for key in q.keys]
    assert logged(store, Mode.exam) == Counter(asked)
    assert set(Counter(asked).values()) == {1}
    assert all(s.review_id is not None for s in resumed.slots)
    ExamSession.resume(reopen(), exam.id, clock=clock)  # and again: nothing more
    assert logged(store, Mode.exam) == Counter(asked)


def test_a_quiz_answer_stopped_while_logging_is_logged_once_on_resume(
    db, store, clock, sample, reopen
):
    questions, _ = draw_questions(sample, Selection(), 4, Random(1))
    quiz = QuizSession.start(store, questions, clock=clock)
    quiz.answer(quiz.current.correct)
    fail_on(db, SLOT)
    second = quiz.current
    with pytest.raises(sqlite3.DatabaseError, match="disk gone"):
        quiz.answer(wrong_option(second))

    mend(db)
    store = reopen()
    resumed = QuizSession.resume(store, quiz.id, clock=clock)
    assert resumed.position == 2  # the answer given stands, and the quiz goes on after it
    assert logged(store, Mode.quiz) == Counter([questions[0].card_id, second.card_id])
    assert len(store.review_log(CardKey(DECK, second.card_id))) == 1


def test_a_second_window_never_logs_an_answer_again(db, store, clock, sample, reopen):
    exam, _ = new_exam(store, sample, count=5, seed=3, time_limit=None)
    for position, question in enumerate(exam.questions):
        exam.answer(wrong_option(question), position=position)
    fail_on(db, SLOT)
    with pytest.raises(sqlite3.DatabaseError, match="disk gone"):
        exam.submit()  # submitted, nothing logged yet
    mend(db)

    other = reopen()  # another window, which read the paper before this one logged it
    paper, slots = load_paper(other, exam.id), load_slots(other, exam.id)
    assert log_answers(store, exam.id) == 5
    assert [log_answer(other, paper, s, s.chosen, s.time_spent) for s in slots] == [None] * 5
    asked = [key.card_id for q in exam.questions for key in q.keys]
    assert logged(other, Mode.exam) == Counter(asked)
