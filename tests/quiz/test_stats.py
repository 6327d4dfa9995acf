"""Distractor statistics: which wrong options learners pick, per card, for the deck author."""

from __future__ import annotations

import datetime as dt
import sqlite3
from fractions import Fraction
from random import Random

from quizapp.quiz.distractors import AnswerPool
from quizapp.quiz.exam import ExamSession, distractor_stats
from quizapp.quiz.questions import build_question
from quizapp.quiz.quiz import QuizSession
from tests.quiz.conftest import DECK, T0


def one_card(sample, card_id, seed):
    pool = AnswerPool.from_decks(d.deck for d in sample)
    return [build_question(sample[0], sample[0].card(card_id), pool, Random(seed))]


def test_wrong_picks_are_counted_by_option_text_across_quizzes_and_exams(
    conn, store, clock, sample
):
    # The same card asked three times, its options shuffled differently each time.
    papers = [one_card(sample, "first-to-recognise", seed) for seed in (1, 2, 3)]
    assert len({p[0].options for p in papers}) > 1

    def pick(question, text):
        return question.options.index(text)

    quiz = QuizSession.start(store, papers[0], clock=clock)
    quiz.answer(pick(papers[0][0], "United States"))
    exam = ExamSession.start(store, papers[1], clock=clock, time_limit=None)
    exam.answer(pick(papers[1][0], "United States"))
    exam.submit()
    quiz = QuizSession.start(store, papers[2], clock=clock)
    quiz.answer(papers[2][0].correct)
    # An exam still open does not count: its answers may yet change.
    open_exam = ExamSession.start(store, papers[1], clock=clock, time_limit=None)
    open_exam.answer(pick(papers[1][0], "China"))

    (stats,) = distractor_stats(conn)
    assert (stats.deck_id, stats.card_id) == (DECK, "first-to-recognise")
    assert (stats.attempts, stats.right, stats.wrong) == (3, 1, 2)
    assert stats.picks == (("United States", 2),)
    assert stats.share("United States") == Fraction(2, 3)
    assert distractor_stats(conn, deck_id="another-deck") == []
    open_exam.submit()
    (stats,) = distractor_stats(conn, deck_id=DECK)
    assert stats.picks == (("United States", 2), ("China", 1))


def test_exam_answers_count_as_marked_late_ones_do_not(conn, store, clock, sample):
    paper = one_card(sample, "wary", 4) + one_card(sample, "partnership-elsewhere", 4)
    exam = ExamSession.start(store, paper, clock=clock, time_limit=dt.timedelta(minutes=1))
    wrong = [(q.correct + 1) % 4 for q in paper]
    exam.answer(wrong[0])
    exam.answer(wrong[1], position=1)
    clock.advance(minutes=2)
    assert exam.check_time()
    # A write that raced the time-out: stamped after the deadline, so the paper ignores it.
    late = T0 + dt.timedelta(minutes=1, milliseconds=500)
    with sqlite3.connect(store.path) as raw:
        raw.execute(
            "UPDATE exam_question SET answered_at = ? WHERE exam_id = ? AND position = 1",
            (int(late.timestamp() * 1000), exam.id),
        )
    assert [(s.card_id, s.picks) for s in distractor_stats(conn)] == [
        ("wary", ((paper[0].options[wrong[0]], 1),))
    ]
