"""Quizzes: the verdict after each answer, logged in quiz mode, a score at the end."""

from __future__ import annotations

import datetime as dt
from random import Random

import pytest

from quizapp.core.store import CardKey, Mode, Rating
from quizapp.quiz.quiz import QuizOver, QuizSession, list_quizzes
from quizapp.quiz.selection import Selection, draw_questions
from tests.quiz.conftest import DECK, T0, wrong_option


def start_quiz(conn, store, clock, sample, count=4, seed=5, selection=None) -> QuizSession:
    questions, _ = draw_questions(sample, selection or Selection(), count, Random(seed))
    return QuizSession.start(store, questions, clock=clock, seed=seed, selection=selection)


def test_feedback_after_each_answer_and_a_score_at_the_end(conn, store, clock, sample):
    quiz = start_quiz(conn, store, clock, sample, selection=Selection(tags=("people",)))
    first = quiz.current
    assert "people" in first.tags
    clock.advance(seconds=8)
    feedback = quiz.answer(wrong_option(first))
    assert not feedback.correct
    assert feedback.question == first
    assert feedback.chosen_option == first.options[wrong_option(first)]
    assert feedback.question.passage  # the source passage is there to show
    assert feedback.next_due is not None and feedback.next_due <= clock.now()  # due now
    log = store.review_log(CardKey(DECK, first.card_id))
    assert [(r.mode, r.rating, r.answer) for r in log] == [
        (Mode.quiz, Rating.again, first.options[wrong_option(first)])
    ]
    second = quiz.current
    assert quiz.answer(second.correct).correct
    quiz.skip()
    assert not store.review_log(CardKey(DECK, quiz.questions[2].card_id))  # skips not logged
    quiz.answer(quiz.current.correct)
    assert quiz.finished and quiz.current is None
    result = quiz.result()
    assert (result.total.right, result.total.wrong, result.skipped) == (2, 1, 1)
    assert result.marks == 2 and result.max_marks == 4  # a quiz takes nothing off
    assert result.answers[0].time_spent == dt.timedelta(seconds=8)
    with pytest.raises(QuizOver, match=r"quiz \d+ is over"):
        quiz.answer(0)
    assert [q.id for q in list_quizzes(conn)] == [quiz.id]
    assert list_quizzes(conn)[0].marks == 2


def test_a_quiz_resumes_at_the_first_unanswered_question(store, clock, sample, reopen):
    quiz = start_quiz(store, store, clock, sample, count=3)
    quiz.answer(quiz.current.correct)
    again = QuizSession.resume(reopen(), quiz.id, clock=clock)
    assert again.position == 1 and again.current == quiz.questions[1]
    assert len(store.review_log(CardKey(DECK, quiz.questions[0].card_id))) == 1


def test_most_missed_quiz_asks_the_cards_got_wrong(conn, store, clock, sample):
    from quizapp.quiz.stats import missed_counts

    quiz = start_quiz(conn, store, clock, sample, count=5, seed=9)
    missed = []
    for i in range(5):
        question = quiz.current
        if i % 2 == 0:
            quiz.answer(wrong_option(question))
            missed.append(question.card_id)
        else:
            quiz.answer(question.correct)
    misses = missed_counts(store)
    assert dict(misses) == {(DECK, card): 1 for card in missed}
    questions, _ = draw_questions(sample, Selection(most_missed=True), 10, Random(1), misses=misses)
    assert sorted(q.card_id for q in questions) == sorted(missed)
    assert clock.now() >= T0
