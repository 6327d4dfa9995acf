"""States worked out when the answer shows (as Anki does) and saved by the grade key: the card
ends exactly as if worked out at the grade, or they are not used."""

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core import scheduling
from quizapp.core.clock import FixedClock
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Mode, Rating, Store

START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
KEY = CardKey("d", "a")


@pytest.fixture
def store(tmp_path):
    clock = FixedClock(START)
    store = Store.open(
        tmp_path / "progress.sqlite3",
        clock=clock,
        settings=Settings(timezone="UTC", enable_fuzzing=True),
    )
    store.sync_deck("d", [("a", "hash-a", [], [], True), ("b", "hash-b", [], [], True)])
    yield store
    store.close()


def columns(store) -> tuple:
    return store._conn.execute(
        "SELECT state, step, stability, difficulty, due, last_review, reps, lapses "
        "FROM card WHERE card_id = 'a'"
    ).fetchone()


def reviewed(store) -> None:
    """Card a in review, last reviewed a few days ago: its next states depend on the days."""
    store.answer(KEY, Rating.good)
    store.clock.advance(minutes=10)
    store.answer(KEY, Rating.good)
    store.clock.advance(days=9, hours=5)


@pytest.mark.parametrize("rating", list(Rating))
@pytest.mark.parametrize("history", ["new", "reviewed"])
def test_states_worked_out_when_shown_save_what_the_grade_would(store, rating, history):
    if history == "reviewed":
        reviewed(store)
    states = store.next_states(KEY)
    store.clock.advance(seconds=47)  # the learner reads the answer
    store.answer(KEY, rating, states=states)
    saved = columns(store)
    store.undo()
    store.answer(KEY, rating)  # worked out at the grade itself
    assert columns(store) == saved
    assert saved[5] == int(store.clock.now().timestamp() * 1000)  # reviewed when graded


def test_states_are_not_used_once_a_day_more_has_passed_since_the_last_review(store):
    reviewed(store)
    states = store.next_states(KEY)
    store.clock.advance(hours=20)  # read overnight: one more whole day since the last review
    memory = store._memory(
        store._conn.execute(
            "SELECT state, step, stability, difficulty, due, last_review FROM card "
            "WHERE card_id = 'a'"
        ).fetchone()
    )
    assert scheduling.outcome(states.outcomes, memory, Rating.good, store.clock.now()) is None
    store.answer(KEY, Rating.good, states=states)
    saved = columns(store)
    store.undo()
    store.answer(KEY, Rating.good)
    assert columns(store) == saved
    stale = states.outcomes.after[Rating.good - 1]
    assert saved[2] != pytest.approx(stale.stability)  # the stale states would have differed


def test_states_of_a_card_changed_since_or_of_another_card_are_not_used(store):
    states = store.next_states(KEY)
    store.answer(KEY, Rating.again)  # answered meanwhile (another window): now in learning
    store.clock.advance(minutes=1)
    store.answer(KEY, Rating.easy, states=states)
    saved = columns(store)
    store.undo()
    store.answer(KEY, Rating.easy)
    assert columns(store) == saved  # from its state now, not the new card's it was
    assert saved[2] != pytest.approx(states.outcomes.after[Rating.easy - 1].stability)
    other = store.next_states(CardKey("d", "b"))
    store.clock.advance(days=3)
    before = columns(store)
    store.answer(KEY, Rating.good, states=other)
    after = columns(store)
    store.undo()
    assert columns(store) == before
    store.answer(KEY, Rating.good)
    assert columns(store) == after
    assert timedelta(0) < timedelta(milliseconds=after[4] - before[5])


def test_a_card_changed_meanwhile_by_a_quiz_is_saved_and_undone_from_its_state_now(store):
    """The states and undo record of the revealed card stand for it only while it is as it
    was: a quiz missed meanwhile (another window) makes it due now without a review, and the
    grade then works from, and undo goes back to, the card as the quiz left it."""
    reviewed(store)
    states = store.next_states(KEY)
    store.answer(KEY, Rating.again, mode=Mode.quiz)  # due now; reviews and memory untouched
    after_quiz = columns(store)
    store.clock.advance(seconds=30)
    store.answer(KEY, Rating.good, states=states)
    saved = columns(store)
    store.undo()
    assert columns(store) == after_quiz  # not the card as its answer showed
    store.answer(KEY, Rating.good)
    assert columns(store) == saved
