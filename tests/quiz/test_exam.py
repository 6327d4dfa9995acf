"""Exams: answers saved as given, open until submission, resumed after a crash, then logged."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from fractions import Fraction
from random import Random

import pytest

from quizapp.core.store import CardKey, Mode, Rating
from quizapp.quiz.exam import (
    ExamClosed,
    ExamSession,
    exam_result,
    list_exams,
    new_exam,
    unfinished_exam,
)
from quizapp.quiz.marking import Marking, Outcome
from quizapp.quiz.papers import SubmittedBy, answer_events
from quizapp.quiz.selection import EmptySelection, Selection, draw_questions
from tests.quiz.conftest import DECK, HERE, ROOT, T0, wrong_option


def paper(sample, count=6, seed=1):
    questions, problems = draw_questions(sample, Selection(), count, Random(seed))
    assert problems == []
    return questions


def start(conn, store, clock, sample, *, count=6, minutes=30, seed=1, **kw) -> ExamSession:
    return ExamSession.start(
        store,
        paper(sample, count, seed),
        clock=clock,
        time_limit=None if minutes is None else dt.timedelta(minutes=minutes),
        seed=seed,
        **kw,
    )


def test_answers_can_change_until_submission_then_are_final(conn, store, clock, sample):
    exam = start(conn, store, clock, sample)
    q0 = exam.questions[0]
    exam.answer(wrong_option(q0))
    clock.advance(seconds=20)
    exam.answer(q0.correct)  # changed my mind
    exam.mark_for_review()
    exam.next()
    exam.answer(wrong_option(exam.current))
    exam.clear()  # withdrawn: now skipped
    assert [s.status for s in exam.slots[:3]] == ["answered_marked", "not_answered", "not_visited"]
    assert [(p, a, c) for p, _, a, c in answer_events(conn, exam.id)] == [
        (0, "answer", wrong_option(q0)),
        (0, "answer", q0.correct),
        (0, "mark", None),
        (1, "answer", wrong_option(exam.questions[1])),
        (1, "clear", None),
    ]
    result = exam.submit()
    assert [a.outcome for a in result.answers[:2]] == [Outcome.right, Outcome.skipped]
    assert result.marks == 2
    with pytest.raises(ExamClosed, match=rf"exam {exam.id} was submitted at 09:00:20 UTC"):
        exam.answer(0, position=1)
    with pytest.raises(ExamClosed):
        exam.go_to(3)
    assert exam_result(conn, exam.id).marks == 2


def test_submission_logs_exam_answers_and_missed_cards_are_due_now(conn, store, clock, sample):
    exam = start(conn, store, clock, sample, count=4, minutes=None)
    right, wrong, skipped, wrong2 = exam.questions
    exam.answer(right.correct, position=0)
    exam.answer(wrong_option(wrong), position=1)
    exam.answer(wrong_option(wrong2), position=3)
    before = {q.card_id: store.progress(CardKey(DECK, q.card_id)) for q in exam.questions}
    clock.advance(minutes=5)
    result = exam.submit()
    assert result.marks == 2 - Fraction(4, 3)

    logged = {
        q.card_id: [
            (r.mode, r.rating, r.answer) for r in store.review_log(CardKey(DECK, q.card_id))
        ]
        for q in exam.questions
    }
    assert logged == {
        right.card_id: [(Mode.exam, Rating.good, right.correct_option)],
        wrong.card_id: [(Mode.exam, Rating.again, wrong.options[wrong_option(wrong)])],
        skipped.card_id: [],  # a skip is neither a recall nor a lapse: not logged
        wrong2.card_id: [(Mode.exam, Rating.again, wrong2.options[wrong_option(wrong2)])],
    }
    queue = store.study_queue([DECK])
    for missed in (wrong, wrong2):
        progress = store.progress(CardKey(DECK, missed.card_id))
        assert progress.due is not None and progress.due <= clock.now()
        assert CardKey(DECK, missed.card_id) in queue
    # Recognising an option is not recall: FSRS memory state is left as it was.
    after = store.progress(CardKey(DECK, right.card_id))
    assert (after.state, after.stability, after.reps) == (
        before[right.card_id].state,
        before[right.card_id].stability,
        before[right.card_id].reps,
    )


CRASHING_EXAM = """
import datetime as dt, os, sys
from random import Random
from quizapp.core.clock import FixedClock
from quizapp.core.store import Store
from quizapp.deck.loader import load_decks
from quizapp.quiz.exam import ExamSession
from quizapp.quiz.selection import EmptySelection, Selection, draw_questions

db, deck = sys.argv[1], sys.argv[2]
clock = FixedClock(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC))
decks = load_decks([deck], use_cache=False).decks
store = Store.open(db, clock=clock)
questions, _ = draw_questions(decks, Selection(), 5, Random(4))
exam = ExamSession.start(store, questions, clock=clock, time_limit=dt.timedelta(minutes=20),
                         seed=4)
exam.answer(questions[0].correct)
clock.advance(seconds=40)
exam.go_to(2)
exam.answer((questions[2].correct + 1) % len(questions[2].options))
exam.mark_for_review()
clock.advance(seconds=15)
exam.go_to(3)
exam.answer(questions[3].correct)
print(exam.id, flush=True)
os._exit(9)  # the app dies: no close, no clean-up
"""


def test_exam_resumes_after_a_crash(db, store, clock, sample, reopen):
    run = subprocess.run(
        [sys.executable, "-c", CRASHING_EXAM, str(db), str(HERE / "sample_deck.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 9, run.stderr
    exam_id = int(run.stdout)

    store = reopen()  # the app starts again
    conn = store
    assert unfinished_exam(conn) == exam_id
    clock.set(T0 + dt.timedelta(minutes=3))
    exam = ExamSession.resume(store, exam_id, clock=clock)
    assert exam.position == 3
    assert [s.status for s in exam.slots] == [
        "answered",
        "not_visited",
        "answered_marked",
        "answered",
        "not_visited",
    ]
    assert [s.time_spent for s in exam.slots[:3]] == [
        dt.timedelta(seconds=40),
        dt.timedelta(0),
        dt.timedelta(seconds=15),
    ]
    assert exam.time_left() == dt.timedelta(minutes=17)
    exam.answer(exam.questions[4].correct, position=4)
    clock.advance(seconds=10)
    result = exam.submit()
    assert result.marks == 6 - Fraction(2, 3)
    assert result.answers[3].time_spent == dt.timedelta(seconds=10)  # downtime not counted
    assert unfinished_exam(conn) is None


def test_time_out_submits_the_answers_given(conn, store, clock, sample):
    exam = start(conn, store, clock, sample, count=5, minutes=10)
    exam.answer(exam.questions[0].correct)
    clock.advance(minutes=4)
    exam.next()
    exam.answer(wrong_option(exam.questions[1]))
    clock.advance(minutes=5, seconds=59)
    assert exam.check_time() is False
    assert exam.time_left() == dt.timedelta(seconds=1)
    clock.advance(seconds=2)
    with pytest.raises(ExamClosed, match=r"time ran out at 09:10:00 UTC: exam \d+ was submitted"):
        exam.answer(exam.questions[2].correct, position=2)
    assert exam.check_time() is True
    assert exam.submitted_by is SubmittedBy.time_out
    result = exam.result()
    assert result.timed_out
    assert (result.total.right, result.total.wrong, result.skipped) == (1, 1, 3)
    assert result.marks == Fraction(4, 3)
    # The question on screen when time ran out is charged up to the deadline only.
    assert result.answers[1].time_spent == dt.timedelta(minutes=6)
    assert len(store.review_log(CardKey(DECK, exam.questions[0].card_id))) == 1


def test_an_exam_reopened_after_its_deadline_is_submitted_as_it_stood(
    conn, store, clock, sample, reopen
):
    exam = start(conn, store, clock, sample, count=3, minutes=15)
    exam.answer(exam.questions[0].correct)
    clock.advance(days=1)
    reopened = ExamSession.resume(reopen(), exam.id, clock=clock)
    assert reopened.is_submitted and reopened.submitted_by is SubmittedBy.time_out
    assert reopened.result().marks == 2
    assert unfinished_exam(conn) is None


def test_an_interrupted_submission_is_completed_once_on_resume(conn, store, clock, sample, reopen):
    exam = start(conn, store, clock, sample, count=4, minutes=None)
    for i, question in enumerate(exam.questions):
        exam.answer(question.correct if i % 2 else wrong_option(question), position=i)

    class DiesAfterTwo:
        """A store whose process dies after logging two answers."""

        calls = 0
        exams = store.exams
        clock = store.clock

        def log_paper_answer(self, *args, **kwargs):
            if self.calls == 2:
                raise KeyboardInterrupt
            self.calls += 1
            return store.log_paper_answer(*args, **kwargs)

    broken = ExamSession.resume(DiesAfterTwo(), exam.id, clock=clock)
    with pytest.raises(KeyboardInterrupt):
        broken.submit()
    store = reopen()
    resumed = ExamSession.resume(store, exam.id, clock=clock)
    assert resumed.is_submitted
    rows = [r for q in exam.questions for r in store.review_log(CardKey(DECK, q.card_id))]
    assert len(rows) == 4 and {r.mode for r in rows} == {Mode.exam}
    ExamSession.resume(reopen(), exam.id, clock=clock)
    assert len([r for q in exam.questions for r in store.review_log(CardKey(DECK, q.card_id))]) == 4


def test_past_exams_are_listed_with_their_scores_after_a_restart(
    conn, store, clock, sample, reopen
):
    first = start(conn, store, clock, sample, count=3, title="Week 1")
    first.answer(first.questions[0].correct)
    first.submit()
    clock.advance(days=7)
    second = start(
        conn,
        store,
        clock,
        sample,
        count=4,
        seed=2,
        marking=Marking.parse("1,-1/4,0"),
        selection=Selection(tags=("dates",)),
    )
    for question in second.questions:
        second.answer(wrong_option(question), position=second.questions.index(question))
    second.submit()
    third = start(conn, store, clock, sample, count=2, seed=3)  # still in progress

    reopened = reopen()
    history = list_exams(reopened)
    assert [e.id for e in history] == [third.id, second.id, first.id]
    assert [(e.marks, e.max_marks, e.questions) for e in history] == [
        (None, None, 2),
        (Fraction(-1), Fraction(4), 4),
        (Fraction(2), Fraction(6), 3),
    ]
    assert history[1].selection == {
        "decks": [],
        "tags": ["dates"],
        "sources": [],
        "most_missed": False,
    }
    assert history[2].title == "Week 1" and history[2].submitted_by is SubmittedBy.learner
    again = exam_result(reopened, second.id)
    assert again.to_dict() == second.result().to_dict()
    assert [m.question.card_id for m in again.mistakes] == [q.card_id for q in second.questions]
    with sqlite3.connect(reopened.path) as raw:
        stored = json.loads(
            raw.execute(
                "SELECT question FROM exam_question WHERE exam_id = ?", (first.id,)
            ).fetchone()[0]
        )
    assert stored["options"] == list(first.questions[0].options)  # the paper as it was asked


def test_time_per_question_adds_up_visits(conn, store, clock, sample):
    exam = start(conn, store, clock, sample, count=3)
    clock.advance(seconds=30)
    exam.next()
    clock.advance(seconds=45)
    exam.previous()
    clock.advance(seconds=10)
    exam.go_to(2)
    clock.advance(seconds=5)
    exam.skip()  # on the last question: nowhere to go
    result = exam.submit()
    assert [a.time_spent.total_seconds() for a in result.answers] == [40, 45, 5]
    assert result.skipped == 3 and result.marks == 0


def test_same_seed_same_paper(sample, conn, store, clock):
    one = start(conn, store, clock, sample, count=8, seed=42)
    two = start(conn, store, clock, sample, count=8, seed=42)
    other = start(conn, store, clock, sample, count=8, seed=43)
    assert one.questions == two.questions
    assert one.questions != other.questions


def test_exam_tables_come_with_the_stores_schema(db, store):
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"exam", "exam_question", "exam_answer"} <= tables
    assert len(tables) > 3  # the store's own tables are in the same file


def test_resuming_a_missing_exam_says_so(conn, store, clock):
    with pytest.raises(LookupError, match="there is no exam or quiz number 99"):
        ExamSession.resume(store, 99, clock=clock)


def test_bad_moves_are_explained(conn, store, clock, sample):
    exam = start(conn, store, clock, sample, count=3)
    with pytest.raises(IndexError, match="there is no question 4: the exam has 3"):
        exam.go_to(3)
    labels = ", ".join(exam.current.labels)
    with pytest.raises(ValueError, match=f"question 1 has options {labels}; there is no option"):
        exam.answer(7)
    assert exam.slots[0].chosen is None


def test_new_exam_draws_by_seed_and_asks_the_most_missed(store, clock, sample):
    one, problems = new_exam(store, sample, count=5, seed=3, time_limit=None)
    two, _ = new_exam(store, sample, count=5, seed=3, time_limit=None)
    assert problems == [] and one.id != two.id
    assert one.questions == two.questions
    most_missed = Selection(most_missed=True)
    with pytest.raises(EmptySelection, match=r"^no card has been missed yet: take a quiz"):
        new_exam(store, sample, count=5, seed=3, time_limit=None, selection=most_missed)
    for i, question in enumerate(one.questions[:2]):
        one.answer(wrong_option(question), position=i)
    one.submit()
    missed, _ = new_exam(store, sample, count=10, seed=4, time_limit=None, selection=most_missed)
    assert sorted(q.card_id for q in missed.questions) == sorted(
        q.card_id for q in one.questions[:2]
    )
    assert list_exams(store)[0].selection["most_missed"] is True


def test_a_selection_matching_nothing_lists_what_there_is(store, sample):
    with pytest.raises(EmptySelection) as caught:
        new_exam(
            store,
            sample,
            count=5,
            seed=1,
            time_limit=None,
            selection=Selection(tags=("economics",), sources=("hindu-explained",)),
        )
    message = str(caught.value)
    assert message.startswith(
        "no studyable card matches tags: economics; sources: hindu-explained. Decks: sample; "
        "tags: articles, dates, economy, history, implications, organisations, people, places;"
    )
    assert message.endswith("sources: hindu-explained, study-notes")


def test_cards_unknown_to_the_store_are_refused_before_anything_is_saved(tmp_path, clock, sample):
    from quizapp.core.store import Store

    with Store.open(tmp_path / "fresh.sqlite3", clock=clock) as fresh:  # decks never synced
        with pytest.raises(
            ValueError,
            match=r"card '[a-z0-9-]+' of deck 'sample' is not in the "
            r"progress database: sync its deck",
        ):
            ExamSession.start(fresh, paper(sample, 3), time_limit=None)
        assert list_exams(fresh) == []


def test_suspended_cards_are_never_asked(store, sample):
    from quizapp.quiz.quiz import new_quiz

    cards = sample[0].studyable_cards
    kept = sorted(c.id for c in cards if c.kind in ("basic", "mcq"))[:2]
    store.suspend(CardKey(DECK, c.id) for c in cards if c.id not in kept)
    exam, _ = new_exam(store, sample, count=100, seed=5, time_limit=None)
    assert sorted(q.card_id for q in exam.questions) == kept
    quiz, _ = new_quiz(store, sample, count=100, seed=5)
    assert sorted(q.card_id for q in quiz.questions) == kept


def test_a_papers_time_runs_from_when_it_was_dealt(conn, store, clock, sample):
    from quizapp.quiz.scripted import take_exam

    exam = start(conn, store, clock, sample, minutes=30)
    clock.advance(minutes=7)  # the answers come in long after the deal, all at once
    exam = ExamSession.resume(store, exam.id, clock=clock)  # as `exam --json --submit` does
    result = take_exam(exam, {0: exam.questions[0].correct})
    assert result.to_dict()["seconds"] == 420
    assert exam_result(store, exam.id).time_spent == dt.timedelta(minutes=7)
