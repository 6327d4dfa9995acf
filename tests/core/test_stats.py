"""Statistics against a review log whose figures are worked out by hand below."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core import exam_date, optimize, stats
from quizapp.core.clock import FixedClock
from quizapp.core.settings import Settings
from quizapp.core.stats import Retention, StudyDays
from quizapp.core.store import CardKey, CardProgress, Mode, Rating, Store

UTC_DAYS = StudyDays(zone=UTC, rollover_hour=4)


def moment(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def K(card: str, deck: str = "d") -> CardKey:
    return CardKey(deck, card)


@pytest.fixture
def store(tmp_path):
    clock = FixedClock(moment(1, 10))
    settings = Settings(timezone="UTC", rollover_hour=4, enable_fuzzing=False)
    with Store.open(tmp_path / "p.sqlite3", clock=clock, settings=settings) as opened:
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
    assert stats.cards_by_state(history) == {"new": 1, "learning": 1, "review": 4, "relearning": 0}
    assert stats.cards_by_state(history, ["e"]) == {
        "new": 0,
        "learning": 0,
        "review": 1,
        "relearning": 0,
    }


def test_true_retention_counts_only_review_state_answers_in_review_mode(history):
    # a pass, b fail, c pass, x pass; b's relearning answer, l's first answer, the practice
    # and the quiz answers do not count.
    assert stats.true_retention(history) == Retention(passed=3, reviews=4)
    assert stats.true_retention(history).rate == 0.75
    assert stats.true_retention_by_deck(history) == {
        "d": Retention(2, 3),
        "e": Retention(1, 1),
    }
    assert stats.true_retention_by_tag(history) == {
        "articles": Retention(1, 2),  # b fail, c pass
        "dates": Retention(1, 2),  # a pass, b fail
        "implications": Retention(1, 1),  # x pass
    }
    sources = {K("a"): "study-notes", K("b"): "study-notes", K("c"): "hindu-explained"}
    sources[K("x", "e")] = "hindu-explained"
    assert stats.true_retention_by(history, sources) == {
        "hindu-explained": Retention(2, 2),
        "study-notes": Retention(1, 2),
    }
    assert stats.true_retention(history, since=moment(10, 4)) == Retention(2, 2)  # c and x
    assert stats.true_retention(history, until=moment(1, 23)) == Retention(0, 0)
    assert Retention(0, 0).rate is None


def test_reviews_per_day_for_the_heatmap(history):
    per_day = stats.reviews_per_day(history, UTC_DAYS, date(2026, 10, 31), date(2026, 11, 12))

    assert len(per_day) == 13
    assert {d.day: n for d, n in per_day.items() if n} == {1: 5, 9: 3, 10: 2, 11: 1}
    every_mode = stats.reviews_per_day(
        history, UTC_DAYS, date(2026, 11, 9), date(2026, 11, 10), modes=None
    )
    assert list(every_mode.values()) == [4, 3]
    only_e = stats.reviews_per_day(
        history, UTC_DAYS, date(2026, 11, 1), date(2026, 11, 11), deck_ids=["e"]
    )
    assert sum(only_e.values()) == 2
    assert stats.reviews_today(history, UTC_DAYS, moment(12, 3)) == 1  # still Nov 11's study day
    assert stats.reviews_today(history, UTC_DAYS, moment(12, 5)) == 0


def test_time_spent(history):
    total = 5000 + 4000 + 3000 + 6000 + 2000 + 7000 + 8000 + 1000 + 500 + 3000 + 1000 + 2000
    total += 4000
    assert stats.time_spent(history) == timedelta(milliseconds=total)
    assert stats.time_spent(history, modes=["review"]) == timedelta(milliseconds=total - 2500)
    assert stats.time_spent(history, since=moment(9, 4), until=moment(10, 4)) == timedelta(
        milliseconds=7000 + 8000 + 1000 + 500
    )


def test_streak(history):
    # Studied on Nov 1, 9, 10 and 11 (the 02:30 answer on the 12th belongs to the 11th).
    assert stats.streak(history, UTC_DAYS, moment(11, 20)) == 3
    assert stats.streak(history, UTC_DAYS, moment(12, 10)) == 3  # nothing yet today: still alive
    assert stats.streak(history, UTC_DAYS, moment(13, 10)) == 0  # a whole day missed
    assert stats.streak(history, UTC_DAYS, moment(2, 10)) == 1


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
    db = sqlite3.connect(store.path, isolation_level=None)  # states set directly
    for card, due in dues.items():
        db.execute(
            "UPDATE card SET state = 2, due = ? WHERE deck_id = 'd' AND card_id = ?",
            (int(due.timestamp() * 1000), card),
        )
    # g stays new (no due date); k's deck is then removed from the library.
    db.execute("UPDATE card SET state = 2, due = ? WHERE card_id IN ('k', 'h', 'draft')", (0,))
    db.close()
    store.sync_deck("gone", [])

    forecast = stats.due_forecast(store, UTC_DAYS, now)

    assert len(forecast) == 30
    assert forecast[0] == 3  # a, b and d2's h (overdue)
    assert forecast[1] == 2
    assert forecast[29] == 1
    assert sum(forecast) == 6
    assert stats.due_forecast(store, UTC_DAYS, now, deck_ids=["d"], horizon=2) == [2, 2]


def test_study_days_follow_the_local_zone_across_daylight_saving():
    days = StudyDays(zone=ZoneInfo("Europe/London"), rollover_hour=4)
    # Clocks went back on 2026-10-25: 04:00 local is 03:00 UTC before, 04:00 UTC after.
    assert days.start_of(date(2026, 10, 24)) == datetime(2026, 10, 24, 3, 0, tzinfo=UTC)
    assert days.start_of(date(2026, 10, 26)) == datetime(2026, 10, 26, 4, 0, tzinfo=UTC)
    assert days.day_of(datetime(2026, 10, 26, 3, 30, tzinfo=UTC)) == date(2026, 10, 25)
    assert days.day_of(datetime(2026, 10, 24, 3, 30, tzinfo=UTC)) == date(2026, 10, 24)
    london = Settings(timezone="Europe/London", rollover_hour=5)
    assert StudyDays.from_settings(london) == StudyDays(ZoneInfo("Europe/London"), 5)


# --- exam date -------------------------------------------------------------------------------
# (The exam-date rule lives in quizapp/core/exam_date.py; it is tested here beside the stats
# that show its outlook.)

EXAM = date(2026, 12, 20)  # last study day for reviews: Dec 19, starting 04:00 UTC
EVE_START = datetime(2026, 12, 19, 4, 0, tzinfo=UTC)
# Default parameters with decay w20 = 0.5, so the curve is easy to work out by hand:
# R(t) = (1 + (0.9^-2 - 1) * t / S)^-0.5, i.e. 0.9 at t = S and 0.8250286 at t = 2S.
HALF_DECAY = (*optimize.DEFAULT_PARAMETERS[:20], 0.5)


def progress(card: str, stability: float | None, last_review: datetime | None) -> CardProgress:
    return CardProgress(
        key=K(card),
        state="new" if stability is None else "review",
        due=None,
        stability=stability,
        difficulty=None if stability is None else 5.0,
        reps=0 if stability is None else 3,
        lapses=0,
        last_review=last_review,
        changed_since_review=False,
        present=True,
    )


def test_predicted_recall_on_exam_day_follows_the_forgetting_curve():
    card = progress("p", 10.0, datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    on_day_10 = datetime(2026, 12, 11, 10, 0, tzinfo=UTC)

    assert exam_date.predicted_recall_on(on_day_10, card) == pytest.approx(0.9)
    assert exam_date.predicted_recall_on(
        datetime(2026, 12, 21, 10, 0, tzinfo=UTC), card, parameters=HALF_DECAY
    ) == pytest.approx(0.8250286)
    # A date is the start of that study day: 10:00 UTC here, so again exactly 10 days.
    late_rollover = StudyDays(zone=UTC, rollover_hour=10)
    assert exam_date.predicted_recall_on(
        date(2026, 12, 11), card, days=late_rollover
    ) == pytest.approx(0.9)
    assert exam_date.predicted_recall_on(on_day_10, progress("n", None, None)) == 0.0


def test_exam_outlook_overall_per_tag_and_most_at_risk():
    exam_at = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    cards = [
        progress("p", 10.0, exam_at - timedelta(days=10)),  # t = S: 0.9
        progress("q", 5.0, exam_at - timedelta(days=10)),  # t = 2S: 0.8250286
        progress("r", 40.0, exam_at - timedelta(hours=5)),  # same day: 1.0
        progress("n", None, None),  # never studied: 0
    ]
    groups = {K("p"): ["dates"], K("q"): ["dates"], K("r"): ["articles"], K("n"): ["articles"]}

    outlook = exam_date.exam_outlook(
        cards, exam_at, groups=groups, parameters=HALF_DECAY, at_risk=2
    )

    assert outlook.cards == 4
    assert outlook.overall == pytest.approx((0.9 + 0.8250286 + 1.0 + 0.0) / 4)
    assert outlook.by_group == pytest.approx({"articles": 0.5, "dates": (0.9 + 0.8250286) / 2})
    assert [key.card_id for key, _ in outlook.at_risk] == ["q", "p"]


@pytest.mark.parametrize(
    ("now", "due", "expected"),
    [
        # Would fall after the exam: brought forward to the start of the eve.
        (datetime(2026, 12, 1, 10, 0), datetime(2026, 12, 30, 10, 0), EVE_START),
        (datetime(2026, 12, 18, 23, 0), datetime(2026, 12, 22, 9, 0), EVE_START),
        # 02:00 on the 19th still belongs to the 18th: the eve is still ahead.
        (datetime(2026, 12, 19, 2, 0), datetime(2026, 12, 23, 9, 0), EVE_START),
        # Due on or before the eve anyway: untouched.
        (datetime(2026, 12, 1, 10, 0), datetime(2026, 12, 10, 10, 0), None),
        (datetime(2026, 12, 1, 10, 0), datetime(2026, 12, 20, 3, 59), None),
        # Answered on the eve itself, or after the exam: nothing to bring forward.
        (datetime(2026, 12, 19, 10, 0), datetime(2026, 12, 25, 10, 0), None),
        (datetime(2026, 12, 21, 10, 0), datetime(2027, 1, 25, 10, 0), None),
    ],
)
def test_next_review_is_brought_before_the_exam(now, due, expected):
    now, due = now.replace(tzinfo=UTC), due.replace(tzinfo=UTC)
    capped = exam_date.cap_due(due, now=now, exam_day=EXAM, days=UTC_DAYS)
    assert capped == (expected or due)
    assert exam_date.cap_interval(due - now, now=now, exam_day=EXAM, days=UTC_DAYS) == (
        capped - now
    )


@given(
    now_minutes=st.integers(0, 60 * 24 * 90),
    interval_minutes=st.integers(1, 60 * 24 * 400),
    exam_offset=st.integers(-3, 120),
    days_before=st.integers(0, 3),
    zone=st.sampled_from(["UTC", "Asia/Kolkata", "America/New_York", "Europe/London"]),
)
@settings(max_examples=300, deadline=None)
def test_no_next_review_falls_after_the_exam_while_reviews_remain_possible(
    now_minutes, interval_minutes, exam_offset, days_before, zone
):
    days = StudyDays(zone=ZoneInfo(zone), rollover_hour=4)
    now = datetime(2026, 9, 1, tzinfo=UTC) + timedelta(minutes=now_minutes)
    due = now + timedelta(minutes=interval_minutes)
    exam_day = days.day_of(now) + timedelta(days=exam_offset)
    last = exam_day - timedelta(days=days_before)

    capped = exam_date.cap_due(due, now=now, exam_day=exam_day, days=days, days_before=days_before)

    assert capped <= due  # never postpones a review
    if days.day_of(now) < last:
        assert now < capped
        assert days.day_of(capped) <= last
    else:
        assert capped == due


def test_overview_gathers_the_figures_as_json(history):
    sources = {K("a"): "study-notes", K("x", "e"): "hindu-explained"}
    figures = stats.overview(history, UTC_DAYS, moment(12, 3), sources=sources, heatmap_days=12)

    assert json.loads(json.dumps(figures)) == figures
    assert figures["today"] == "2026-11-11"
    assert figures["cards"] == {"new": 1, "learning": 1, "review": 4, "relearning": 0}
    assert figures["reviews_today"] == 1
    assert list(figures["reviews_per_day"])[0] == "2026-10-31"
    assert sum(figures["reviews_per_day"].values()) == 11
    assert figures["true_retention"]["overall"] == {"passed": 3, "reviews": 4, "rate": 0.75}
    assert figures["true_retention"]["by_source"] == {
        "hindu-explained": {"passed": 1, "reviews": 1, "rate": 1.0},
        "study-notes": {"passed": 1, "reviews": 1, "rate": 1.0},
    }
    assert figures["time_spent_seconds"] == {"today": 4.0, "total": 46.5}
    assert figures["streak_days"] == 3
    assert len(figures["due_forecast"]) == 30
