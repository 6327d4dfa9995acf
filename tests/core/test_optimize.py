"""Fitting FSRS to a learner's log: item building, metrics, and when new parameters are adopted."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs_rs_python as fsrs_rs
import pytest
from fsrs import Card, Scheduler, State

from quizapp.core import optimize
from quizapp.core.clock import FixedClock
from quizapp.core.optimize import Metrics, OptimizeError, ReviewRow
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Mode, Rating, Store

T0 = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]
AGAIN, GOOD = 1, 3


def at(days: float, hours: float = 0) -> datetime:
    return T0 + timedelta(days=days, hours=hours)


def synthetic_log(rating_after_gap, cards: int = 120, start_span: int = 30) -> list[ReviewRow]:
    """Each card: Good on its first day, then reviews after gaps of 1, 3, 1, 4, 1, 6 days.

    ``rating_after_gap(gap_days)`` decides each later answer, so the test controls what the
    learner remembers. Cards start on staggered days so that reviews spread over ~2 months.
    """
    rows = []
    for c in range(cards):
        day = c % start_span
        rows.append(ReviewRow(f"c{c}", GOOD, at(day), 4000))
        for gap in (1, 3, 1, 4, 1, 6):
            day += gap
            rows.append(ReviewRow(f"c{c}", rating_after_gap(gap), at(day, c / 60), 4000))
    return rows


def forgets_after_long_gaps(gap: int) -> int:
    return AGAIN if gap >= 3 else GOOD


# --- building the scored reviews / fsrs-rs items ---------------------------------------------


def test_same_day_reviews_stay_in_history_but_are_not_scored():
    rows = [
        ReviewRow("a", GOOD, at(0, 0), 0),
        ReviewRow("a", AGAIN, at(0, 0.2), 0),  # same day: history only
        ReviewRow("a", GOOD, at(2), 0),
        ReviewRow("a", GOOD, at(2, 1), 0),  # same day again
        ReviewRow("a", AGAIN, at(5), 0),
        ReviewRow("a", GOOD, at(6), 0),
        ReviewRow("b", GOOD, at(1), 0),  # a card only ever seen on one day: nothing to score
        ReviewRow("b", GOOD, at(1, 2), 0),
    ]
    scored = optimize.scored_reviews(reversed(rows), rollover_hour=4)

    assert [(s.card_key, s.reviewed_at, s.rating) for s in scored] == [
        ("a", at(2), GOOD),
        ("a", at(5), AGAIN),
        ("a", at(6), GOOD),
    ]
    first, second, third = scored
    assert first.history == ((GOOD, 0), (AGAIN, 0))
    assert first.elapsed_days == 2
    assert second.history == ((GOOD, 0), (AGAIN, 0), (GOOD, 2), (GOOD, 0))
    assert second.elapsed_days == 3
    # srs-benchmark's review number counts the first review and each review after a gap.
    assert [s.review_number for s in scored] == [2, 3, 4]
    # Earlier lapses: only an Again after a gap counts, never the same-day Again.
    assert [s.lapses for s in scored] == [0, 0, 1]
    items, cards = optimize.training_items(scored)
    assert [item.long_term_review_cnt() for item in items] == [1, 2, 3]
    assert len(items[-1].reviews) == 6  # the same-day reviews are in the item's history
    assert cards == [0, 0, 0]  # each item's card, as Anki gives fsrs-rs


def test_days_follow_the_learners_rollover_hour_not_utc_midnight():
    late, early_next = (
        datetime(2025, 3, 1, 23, 0, tzinfo=UTC),
        datetime(2025, 3, 2, 3, 0, tzinfo=UTC),
    )
    rows = [ReviewRow("a", GOOD, late, 0), ReviewRow("a", GOOD, early_next, 0)]

    assert optimize.scored_reviews(rows, rollover_hour=4) == []  # 03:00 still belongs to Mar 1
    [scored] = optimize.scored_reviews(rows, rollover_hour=0)
    assert scored.elapsed_days == 1


def test_a_log_with_only_same_day_reviews_is_refused_with_a_message_not_a_panic():
    rows = [ReviewRow("a", GOOD, at(0), 0), ReviewRow("a", AGAIN, at(0, 1), 0)]

    with pytest.raises(OptimizeError, match="not enough reviews to fit"):
        optimize.fit_parameters(rows)

    report = optimize.optimize(rows, None)
    assert report.adopted is False
    assert report.parameters == optimize.DEFAULT_PARAMETERS
    assert report.after.n == 0
    assert "not enough reviews" in report.reason


def test_a_panic_inside_fsrs_rs_becomes_an_optimize_error(monkeypatch):
    # Bypass the filter so fsrs-rs really receives an item with no gap of a day and panics.
    same_day_only = fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(GOOD, 0), fsrs_rs.FSRSReview(GOOD, 0)])
    monkeypatch.setattr(optimize, "training_items", lambda scored: ([same_day_only], [0]))
    rows = synthetic_log(forgets_after_long_gaps)

    with pytest.raises(OptimizeError, match="FSRS failed while fitting parameters"):
        optimize.fit_parameters(rows)

    report = optimize.optimize(rows, None)
    assert report.adopted is False
    assert report.parameters == optimize.DEFAULT_PARAMETERS
    assert report.reason.startswith("FSRS failed while fitting parameters")


def test_invalid_rows_are_reported_by_position_and_card():
    with pytest.raises(OptimizeError, match=r"review 2 \(card 'a'\): rating 5 is not 1-4"):
        optimize.scored_reviews([ReviewRow("a", GOOD, at(0), 0), ReviewRow("a", 5, at(1), 0)])
    naive = datetime(2025, 1, 2, 12, 0)
    with pytest.raises(OptimizeError, match="has no time zone"):
        optimize.fit_parameters([ReviewRow("a", GOOD, naive, 0)])


# --- metrics ---------------------------------------------------------------------------------


def test_log_loss_and_rmse_bins_of_a_tiny_set_computed_by_hand():
    outcomes = [True, False, True, True]
    predictions = [0.9, 0.2, 0.6, 0.8]
    bins = ["x", "x", "y", "y"]

    # -(ln 0.9 + ln(1 - 0.2) + ln 0.6 + ln 0.8) / 4
    assert optimize.log_loss(outcomes, predictions) == pytest.approx(
        (0.1053605 + 0.2231436 + 0.5108256 + 0.2231436) / 4, abs=1e-7
    )
    # bin x: mean outcome 0.5, mean prediction 0.55; bin y: 1.0 vs 0.7; two reviews each.
    expected = math.sqrt((2 * 0.05**2 + 2 * 0.3**2) / 4)
    assert optimize.rmse_bins(outcomes, predictions, bins) == pytest.approx(expected)
    assert expected == pytest.approx(0.2150581)


def test_log_loss_of_a_certain_wrong_prediction_is_large_but_finite():
    assert optimize.log_loss([False], [1.0]) == pytest.approx(-math.log(2.220446049250313e-16))


def test_rmse_bins_follow_srs_benchmark_grids():
    # elapsed days: 2.48 * 3.62^k; review number: round(1.99 * 1.89^k); lapses: round(1.65*1.73^k)
    assert optimize.rmse_bin(1, 1, 0) == (2.48, 2.0, 0.0)
    assert optimize.rmse_bin(3, 2, 1) == (2.48, 4.0, 2.0)  # 3 days < 3.62: same bin as 1 day
    assert optimize.rmse_bin(4, 5, 2) == (8.98, 7.0, 3.0)
    assert optimize.rmse_bin(14, 7, 3) == (32.5, 13.0, 5.0)


def test_retrievability_is_the_schedulers_forgetting_curve():
    scheduler = Scheduler()
    card = Card(state=State.Review, stability=4.2, difficulty=5.0, last_review=at(0))
    for days in (1, 4, 30):
        assert optimize.retrievability(4.2, days, scheduler.parameters[20]) == pytest.approx(
            scheduler.get_card_retrievability(card, at(days))
        )
    assert optimize.retrievability(4.2, 4.2, 0.3) == pytest.approx(0.9)


def test_evaluate_scores_reviews_after_a_gap_with_the_default_curve():
    # Two cards answered Good, then 3 days later one forgotten, one recalled. With the defaults
    # a first Good gives stability w2, so both predictions are R(w2, 3 days).
    rows = [
        ReviewRow("a", GOOD, at(0), 0),
        ReviewRow("b", GOOD, at(0, 1), 0),
        ReviewRow("a", AGAIN, at(3), 0),
        ReviewRow("b", GOOD, at(3, 1), 0),
    ]
    scheduler = Scheduler()
    card = Card(state=State.Review, stability=scheduler.parameters[2], difficulty=5.0)
    card.last_review = at(0)
    p = scheduler.get_card_retrievability(card, at(3))

    metrics = optimize.evaluate(None, rows)

    assert metrics.n == 2
    assert metrics.log_loss == pytest.approx(-(math.log(1 - p) + math.log(p)) / 2)
    assert metrics.rmse_bins == pytest.approx(abs(0.5 - p))  # one bin: mean outcome 0.5
    assert optimize.evaluate(None, rows, since=at(3, 0.5)).n == 1


# --- adoption rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "adopted"),
    [
        (Metrics(0.40, 0.05, 10), True),
        (Metrics(0.40, 0.07, 10), False),  # log loss better, RMSE worse
        (Metrics(0.50, 0.05, 10), False),  # RMSE better, log loss worse
        (Metrics(0.45, 0.06, 10), False),  # equal is not better
        (Metrics(math.nan, math.nan, 0), False),
    ],
)
def test_adoption_needs_both_figures_strictly_better(after, adopted):
    assert optimize.should_adopt(Metrics(0.45, 0.06, 10), after) is adopted


def test_parameters_fitted_to_a_fast_forgetter_are_adopted():
    rows = synthetic_log(forgets_after_long_gaps)

    report = optimize.optimize(rows, None)

    assert report.adopted is True
    assert report.parameters == report.candidate != optimize.DEFAULT_PARAMETERS
    assert report.after.log_loss < report.before.log_loss
    assert report.after.rmse_bins < report.before.rmse_bins
    assert report.before.n == report.after.n > 0
    # "before" is what the public evaluate gives for the current parameters on the test folds.
    assert optimize.evaluate(None, rows, since=report.held_out_since) == report.before
    assert optimize.scheduler_accepts(report.parameters)
    Scheduler(parameters=report.parameters)  # the scheduler takes them as they are


def test_parameters_that_predict_the_later_reviews_worse_are_not_adopted():
    rows = synthetic_log(forgets_after_long_gaps)
    # The current parameters were fitted on all these reviews, test folds included: fitting
    # again on only the reviews before each fold cannot predict that fold as well.
    current = optimize.fit_parameters(rows)

    report = optimize.optimize(rows, current)

    assert report.adopted is False
    assert report.parameters == current
    assert report.candidate is not None
    assert report.after.log_loss > report.before.log_loss
    assert "do not predict the later reviews better" in report.reason


def test_split_is_srs_benchmarks_time_series_split():
    scored = optimize.scored_reviews(synthetic_log(forgets_after_long_gaps))
    folds = optimize.time_series_folds(scored)

    size = len(scored) // 6
    assert [len(test) for _, test in folds] == [size] * 5  # five equal test folds at the end
    assert [len(train) for train, _ in folds] == [len(scored) - (5 - k) * size for k in range(5)]
    for train, test in folds:  # each fitted on every review before it, in time order
        assert train + test == scored[: len(train) + len(test)]
    assert folds[-1][1][-1] is scored[-1]
    assert optimize.time_series_folds(scored[:5]) == []  # too few for a fold of one


# --- the shared CSV format -------------------------------------------------------------------


def test_csv_log_loads_with_aware_utc_times(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "card_id,review_rating,review_time,review_duration\n"
        "17,3,2024-03-29T20:32:32.250000+00:00,25060\n"
        "17,1,2024-03-31T09:00:00+02:00,7241\n"
    )
    rows = optimize.load_review_csv(path)
    assert rows == [
        ReviewRow("17", 3, datetime(2024, 3, 29, 20, 32, 32, 250000, tzinfo=UTC), 25060),
        ReviewRow("17", 1, datetime(2024, 3, 31, 7, 0, tzinfo=UTC), 7241),
    ]


def test_csv_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "card_id,review_rating,review_time,review_duration\n"
        "17,3,2024-03-29T20:32:32+00:00,25060\n"
        "17,7,2024-03-30T20:32:32+00:00,25060\n"
    )
    with pytest.raises(OptimizeError, match=r"log\.csv:3: review_rating 7 is not 1-4"):
        optimize.load_review_csv(path)

    path.write_text("card_id,review_rating,review_time,review_duration\n17,3,2024-03-29,1\n")
    with pytest.raises(OptimizeError, match=r"log\.csv:2: review_time 2024-03-29 has no time zone"):
        optimize.load_review_csv(path)

    path.write_text("card,rating\n1,3\n")
    with pytest.raises(OptimizeError, match=r"log\.csv:1: missing column\(s\) card_id, review_"):
        optimize.load_review_csv(path)


def test_the_bundled_real_review_log_loads_and_fits():
    rows = optimize.load_review_csv(ROOT / "bench" / "data" / "fsrs-review-logs-josh.csv")
    assert len(rows) == 12580
    assert len({r.card_key for r in rows}) == 1205

    report = optimize.optimize(rows, None, rollover_hour=10)
    assert report.before.n == report.after.n > 1000
    assert optimize.scheduler_accepts(report.candidate)


# --- the learner's own log in the store ------------------------------------------------------


def test_only_review_mode_answers_from_the_store_are_fitted(tmp_path):
    clock = FixedClock(at(0))
    settings = Settings(timezone="UTC", enable_fuzzing=False)
    with Store.open(tmp_path / "p.sqlite3", clock=clock, settings=settings) as store:
        store.sync_deck("d", [(c, f"h-{c}", [], [], True) for c in ("a", "b")])
        store.answer(CardKey("d", "a"), Rating.good)
        store.answer(CardKey("d", "b"), Rating.good, mode=Mode.practice)
        clock.advance(days=3)
        store.answer(CardKey("d", "a"), Rating.again, duration_ms=2500)
        store.answer(CardKey("d", "a"), Rating.again, mode=Mode.quiz)
        store.answer(CardKey("d", "b"), Rating.again, mode=Mode.exam)

        rows = optimize.review_rows(store.review_log())
        report = optimize.optimize_store(store)

    assert rows == [
        ReviewRow(CardKey("d", "a"), GOOD, at(0), 0),
        ReviewRow(CardKey("d", "a"), AGAIN, at(3), 2500),
    ]
    # One scored review is too few to both fit and test (no test fold): the defaults stay.
    assert report.adopted is False
    assert report.parameters == optimize.DEFAULT_PARAMETERS
    assert report.before.n == 0 and report.train_reviews == 1


def test_current_parameters_that_are_not_valid_are_reported():
    rows = synthetic_log(forgets_after_long_gaps)
    with pytest.raises(OptimizeError, match="are not valid .* reset them to the defaults"):
        optimize.optimize(rows, (1.0, 2.0, 3.0))
    # An FSRS-5 set (19 weights) is completed as fsrs-rs does, not refused.
    assert optimize.evaluate(optimize.DEFAULT_PARAMETERS[:19], rows).n > 0
