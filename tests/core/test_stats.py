"""Statistics against a review log whose figures are worked out by hand below."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from quizapp.core import stats
from quizapp.core.clock import FixedClock
from quizapp.core.settings import SchedulerSettings
from quizapp.core.stats import Retention, StudyDays
from quizapp.core.store import CardKey, Mode, Rating, Store

UTC_DAYS = StudyDays(zone=UTC, rollover_hour=4)


def moment(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def K(card: str, deck: str = "d") -> CardKey:
    return CardKey(deck, card)


@pytest.fixture
def store(tmp_path):
    clock = FixedClock(moment(1, 10))
    settings = SchedulerSettings(timezone="UTC", rollover_hour=4, enable_fuzzing=False)
    with Store.open(
        tmp_path / "p.sqlite3", clock=clock, settings=settings, rng=random.Random(1)
    ) as opened:
        yield opened


@pytest.fixture
def history(store):
    """The learner's month, answer by answer (durations in ms in the last column).

    Nov 1  10:00 a Easy 5000, b Easy 4000, x Easy 3000, c Good 6000   new -> review/learning
           10:20 c Good 2000                                          learning -> review
    Nov 9  12:00 a Good 7000 (review state: pass), b Again 8000 (review state: fail)
           12:15 b Good 1000 (relearning: not a review-state answer), x practice Again 500
    Nov 10 12:00 c Good 3000 (review state: pass), l Again 1000 (new), a quiz Again 2000
    Nov 12 02:30 x Good 4000 (review state: pass; before 04:00, so study day Nov 11)
    """
    clock = store.clock
    store.sync_deck(
        "d",
        [
            ("a", "h-a", [], ["dates"], True),
            ("b", "h-b", [], ["dates", "articles"], True),
            ("c", "h-c", [], ["articles"], True),
            ("l", "h-l", [], [], True),
            ("n", "h-n", [], [], True),
            ("z", "h-z", [], [], False),  # a draft: never studied, never counted
        ],
    )
    store.sync_deck("e", [("x", "h-x", [], ["implications"], True)])

    def answer(card, rating, ms, deck="d", mode=Mode.review):
        store.answer(K(card, deck), rating, mode=mode, duration_ms=ms)

    answer("a", Rating.easy, 5000)
    answer("b", Rating.easy, 4000)
    answer("x", Rating.easy, 3000, deck="e")
    answer("c", Rating.good, 6000)
    clock.set(moment(1, 10, 20))
    answer("c", Rating.good, 2000)
    clock.set(moment(9, 12))
    answer("a", Rating.good, 7000)
    answer("b", Rating.again, 8000)
    clock.set(moment(9, 12, 15))
    answer("b", Rating.good, 1000)
    answer("x", Rating.again, 500, deck="e", mode=Mode.practice)
    clock.set(moment(10, 12))
    answer("c", Rating.good, 3000)
    answer("l", Rating.again, 1000)
    answer("a", Rating.again, 2000, mode=Mode.quiz)
    clock.set(moment(12, 2, 30))
    answer("x", Rating.good, 4000, deck="e")
    return store


def test_the_log_is_as_described(history):
    # Guards the hand computation: the states the docstring relies on.
    assert [history.progress(K(c)).state for c in "abcln"] == [
        "review",
        "review",
        "review",
        "learning",
        "new",
    ]
    assert history.progress(K("x", "e")).state == "review"


def test_cards_by_state(history):
    conn = history.connection
    assert stats.cards_by_state(conn) == {"new": 1, "learning": 1, "review": 4, "relearning": 0}
    assert stats.cards_by_state(conn, ["e"]) == {
        "new": 0,
        "learning": 0,
        "review": 1,
        "relearning": 0,
    }


def test_true_retention_counts_only_review_state_answers_in_review_mode(history):
    conn = history.connection
    # a pass, b fail, c pass, x pass; b's relearning answer, l's first answer, the practice
    # and the quiz answers do not count.
    assert stats.true_retention(conn) == Retention(passed=3, reviews=4)
    assert stats.true_retention(conn).rate == 0.75
    assert stats.true_retention_by_deck(conn) == {
        "d": Retention(2, 3),
        "e": Retention(1, 1),
    }
    assert stats.true_retention_by_tag(conn) == {
        "articles": Retention(1, 2),  # b fail, c pass
        "dates": Retention(1, 2),  # a pass, b fail
        "implications": Retention(1, 1),  # x pass
    }
    sources = {K("a"): "study-notes", K("b"): "study-notes", K("c"): "hindu-explained"}
    sources[K("x", "e")] = "hindu-explained"
    assert stats.true_retention_by(conn, sources) == {
        "hindu-explained": Retention(2, 2),
        "study-notes": Retention(1, 2),
    }
    assert stats.true_retention(conn, since=moment(10, 4)) == Retention(2, 2)  # c and x
    assert stats.true_retention(conn, until=moment(1, 23)) == Retention(0, 0)
    assert Retention(0, 0).rate is None


def test_reviews_per_day_for_the_heatmap(history):
    conn = history.connection
    per_day = stats.reviews_per_day(conn, UTC_DAYS, date(2026, 10, 31), date(2026, 11, 12))

    assert len(per_day) == 13
    assert {d.day: n for d, n in per_day.items() if n} == {1: 5, 9: 3, 10: 2, 11: 1}
    every_mode = stats.reviews_per_day(
        conn, UTC_DAYS, date(2026, 11, 9), date(2026, 11, 10), modes=None
    )
    assert list(every_mode.values()) == [4, 3]
    only_e = stats.reviews_per_day(
        conn, UTC_DAYS, date(2026, 11, 1), date(2026, 11, 11), deck_ids=["e"]
    )
    assert sum(only_e.values()) == 2
    assert stats.reviews_today(conn, UTC_DAYS, moment(12, 3)) == 1  # still Nov 11's study day
    assert stats.reviews_today(conn, UTC_DAYS, moment(12, 5)) == 0


def test_time_spent(history):
    conn = history.connection
    total = 5000 + 4000 + 3000 + 6000 + 2000 + 7000 + 8000 + 1000 + 500 + 3000 + 1000 + 2000
    total += 4000
    assert stats.time_spent(conn) == timedelta(milliseconds=total)
    assert stats.time_spent(conn, modes=["review"]) == timedelta(milliseconds=total - 2500)
    assert stats.time_spent(conn, since=moment(9, 4), until=moment(10, 4)) == timedelta(
        milliseconds=7000 + 8000 + 1000 + 500
    )


def test_streak(history):
    conn = history.connection
    # Studied on Nov 1, 9, 10 and 11 (the 02:30 answer on the 12th belongs to the 11th).
    assert stats.streak(conn, UTC_DAYS, moment(11, 20)) == 3
    assert stats.streak(conn, UTC_DAYS, moment(12, 10)) == 3  # nothing yet today: still alive
    assert stats.streak(conn, UTC_DAYS, moment(13, 10)) == 0  # a whole day missed
    assert stats.streak(conn, UTC_DAYS, moment(2, 10)) == 1


def test_due_forecast_puts_overdue_cards_today(store):
    store.sync_deck("d", [(c, f"h-{c}", [], [], True) for c in "abcdefg"])
    store.sync_deck("d2", [("draft", "h", [], [], False), ("h", "h-h", [], [], True)])
    store.sync_deck("gone", [("k", "h-k", [], [], True)])
    now = moment(20, 10)
    dues = {
        "a": moment(18, 9),  # overdue: today
        "b": moment(21, 3, 59),  # before tomorrow's 04:00 rollover: today
        "c": moment(21, 4),  # tomorrow
        "d": moment(21, 23),  # tomorrow
        "e": now + timedelta(days=29),  # last day of the forecast
        "f": now + timedelta(days=30),  # beyond it
    }
    db = store.connection
    for card, due in dues.items():
        db.execute(
            "UPDATE card SET state = 2, due = ? WHERE deck_id = 'd' AND card_id = ?",
            (int(due.timestamp() * 1000), card),
        )
    # g stays new (no due date); k's deck is then removed from the library.
    db.execute("UPDATE card SET state = 2, due = ? WHERE card_id IN ('k', 'h', 'draft')", (0,))
    store.sync_deck("gone", [])

    forecast = stats.due_forecast(db, UTC_DAYS, now)

    assert len(forecast) == 30
    assert forecast[0] == 3  # a, b and d2's h (overdue)
    assert forecast[1] == 2
    assert forecast[29] == 1
    assert sum(forecast) == 6
    assert stats.due_forecast(db, UTC_DAYS, now, deck_ids=["d"], horizon=2) == [2, 2]


def test_study_days_follow_the_local_zone_across_daylight_saving():
    days = StudyDays(zone=ZoneInfo("Europe/London"), rollover_hour=4)
    # Clocks went back on 2026-10-25: 04:00 local is 03:00 UTC before, 04:00 UTC after.
    assert days.start_of(date(2026, 10, 24)) == datetime(2026, 10, 24, 3, 0, tzinfo=UTC)
    assert days.start_of(date(2026, 10, 26)) == datetime(2026, 10, 26, 4, 0, tzinfo=UTC)
    assert days.day_of(datetime(2026, 10, 26, 3, 30, tzinfo=UTC)) == date(2026, 10, 25)
    assert days.day_of(datetime(2026, 10, 24, 3, 30, tzinfo=UTC)) == date(2026, 10, 24)
    settings = SchedulerSettings(timezone="Europe/London", rollover_hour=5)
    assert StudyDays.from_settings(settings) == StudyDays(ZoneInfo("Europe/London"), 5)
