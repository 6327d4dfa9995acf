"""Fit FSRS parameters to a learner's own review log, and adopt them only when they predict better.

Fitting uses fsrs-rs-python (the Rust optimizer Anki uses: well under a second for thousands of
reviews, no torch). Predictions for the evaluation use the same FSRS-6 model for the current and
the fitted parameters: the memory state after a card's earlier reviews comes from fsrs-rs, and
the probability of recall after ``elapsed_days`` is FSRS-6's power forgetting curve, the formula
the ``fsrs`` scheduler uses (``Scheduler.get_card_retrievability``).

Definitions, chosen to match the open-spaced-repetition srs-benchmark:

* Days: a review's ``elapsed_days`` is the number of learner days between it and the card's
  previous review, counted on calendar days that start at ``rollover_hour`` in ``timezone``
  (Anki's and fsrs-rs's convention). Same-day reviews (0 days) stay in the history, where FSRS
  uses them for short-term stability, but are never predicted, fitted on or scored.
* Scored review: every review with ``elapsed_days > 0``; it is predicted from the card's earlier
  reviews only. Its outcome is recalled unless the rating is Again.
* Split: srs-benchmark's, scikit-learn's ``TimeSeriesSplit`` with 5 splits over the scored
  reviews in time order: the latest 5/6 are cut into 5 equal test folds, each predicted by
  parameters fitted on every scored review before it; the figures are over all test folds
  together. Test reviews are predicted from the card's full earlier history, as the scheduler
  would. Training items are Anki's (rslib ``reviews_for_fsrs``, FSRS-6): one per review after a
  gap, the card's whole history before it, same-day reviews included.
* Log loss: mean binary cross-entropy, predictions clipped to [eps, 1 - eps] with eps the float
  machine epsilon (scikit-learn's ``log_loss``, which srs-benchmark calls).
* RMSE(bins): srs-benchmark's ``rmse_matrix``. Each scored review goes to a bin keyed by
  (elapsed days, review number, earlier lapses), each rounded onto a geometric grid; per bin the
  mean outcome and mean prediction; the result is the root of the review-count-weighted mean of
  the squared differences. See ``rmse_bins``.
* Unlike srs-benchmark, no outlier reviews are removed before scoring: the learner's figures
  cover every review after a gap. (fsrs-rs still drops outliers from what it trains on.)

Adoption rule: fitting is adopted only when, over the test folds, both log loss and RMSE(bins)
are strictly lower with the fitted parameters than with the current ones. The parameters adopted
are then fitted on every scored review, as srs-benchmark judges a method and Anki fits one.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

import fsrs_rs_python as fsrs_rs
from fsrs.scheduler import DEFAULT_PARAMETERS as _FSRS_DEFAULTS
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from quizapp.core.scheduling import retrievability
from quizapp.core.store import Mode

if TYPE_CHECKING:
    from quizapp.core.store import ReviewRecord, Store

Parameters = tuple[float, ...]

# What the scheduler uses when the learner has no fitted parameters (fsrs.Scheduler's defaults).
DEFAULT_PARAMETERS: Parameters = tuple(float(w) for w in _FSRS_DEFAULTS)

SPLITS = 5  # srs-benchmark's TimeSeriesSplit(n_splits=5)
_EPSILON = 2.220446049250313e-16  # float64 machine epsilon, scikit-learn's clip for log loss
_AGAIN = 1


class OptimizeError(ValueError):
    """The review log cannot be used for fitting; the message says why and what to do."""


class ReviewRow(NamedTuple):
    """One answer in review mode: which card, the rating (1 Again .. 4 Easy), when, how long."""

    card_key: Hashable
    rating: int
    reviewed_at: datetime  # aware, UTC
    duration_ms: int


@dataclass(frozen=True)
class Metrics:
    """How well a set of parameters predicted recall on ``n`` scored reviews (lower is better)."""

    log_loss: float
    rmse_bins: float
    n: int


@dataclass(frozen=True)
class OptimizeReport:
    """Outcome of ``optimize``.

    ``parameters`` are the ones to use from now on: the fitted ones when ``adopted``, otherwise
    the current ones. ``candidate`` are the parameters fitted on every scored review (None when
    fitting was impossible) and ``reason`` says in a sentence why they were adopted or not.
    ``before`` and ``after`` are the figures on the test folds (reviews since
    ``held_out_since``); ``train_reviews`` how many scored reviews the candidate was fitted on.
    """

    before: Metrics
    after: Metrics
    parameters: Parameters
    adopted: bool
    candidate: Parameters | None = None
    reason: str = ""
    train_reviews: int = 0
    held_out_since: datetime | None = None


@dataclass(frozen=True)
class ScoredReview:
    """A review FSRS can be judged on: a gap of at least one day since the card's last review."""

    card_key: Hashable
    reviewed_at: datetime
    rating: int
    elapsed_days: int
    history: tuple[tuple[int, int], ...]  # (rating, days since the previous one) before this one
    review_number: int  # srs-benchmark's "i": 1 + reviews so far after a gap, this one included
    lapses: int  # earlier Again answers after a gap of at least a day

    @property
    def recalled(self) -> bool:
        return self.rating != _AGAIN

    def fsrs_item(self) -> fsrs_rs.FSRSItem:
        reviews = [fsrs_rs.FSRSReview(r, t) for r, t in self.history]
        reviews.append(fsrs_rs.FSRSReview(self.rating, self.elapsed_days))
        return fsrs_rs.FSRSItem(reviews)


# --- building scored reviews -------------------------------------------------------------------


def _learner_day(moment: datetime, zone: tzinfo | None, rollover_hour: int) -> date:
    # zone None: the system's local time, with the offset in force at that moment (DST).
    return (moment.astimezone(zone) - timedelta(hours=rollover_hour)).date()


def _check_row(row: ReviewRow, position: int) -> None:
    where = f"review {position} (card {row.card_key!r})"
    if not isinstance(row.rating, int) or isinstance(row.rating, bool) or not 1 <= row.rating <= 4:
        raise OptimizeError(f"{where}: rating {row.rating!r} is not 1-4 (Again, Hard, Good, Easy)")
    if not isinstance(row.reviewed_at, datetime) or row.reviewed_at.utcoffset() is None:
        raise OptimizeError(f"{where}: review time {row.reviewed_at!r} has no time zone; use UTC")


def scored_reviews(
    reviews: Iterable[ReviewRow], *, timezone: tzinfo | None = UTC, rollover_hour: int = 4
) -> list[ScoredReview]:
    """Every review after a gap of at least one learner day, with its card's earlier history.

    Sorted by review time (ties keep input order). Raises OptimizeError on an invalid row.
    """
    by_card: dict[Hashable, list[tuple[datetime, int, int]]] = defaultdict(list)
    for position, row in enumerate(reviews, start=1):
        _check_row(row, position)
        by_card[row.card_key].append((row.reviewed_at, position, row.rating))

    scored: list[tuple[datetime, int, ScoredReview]] = []
    for key, answers in by_card.items():
        answers.sort()
        history: list[tuple[int, int]] = []
        previous_day: date | None = None
        review_number = 1
        lapses = 0
        for reviewed_at, position, rating in answers:
            day = _learner_day(reviewed_at, timezone, rollover_hour)
            elapsed = 0 if previous_day is None else (day - previous_day).days
            if elapsed > 0:
                review_number += 1
                scored.append(
                    (
                        reviewed_at,
                        position,
                        ScoredReview(
                            card_key=key,
                            reviewed_at=reviewed_at,
                            rating=rating,
                            elapsed_days=elapsed,
                            history=tuple(history),
                            review_number=review_number,
                            lapses=lapses,
                        ),
                    )
                )
                if rating == _AGAIN:
                    lapses += 1
            history.append((rating, max(elapsed, 0)))
            previous_day = day
    scored.sort(key=lambda entry: (entry[0], entry[1]))
    return [entry[2] for entry in scored]


def time_series_folds(
    scored: Sequence[ScoredReview], splits: int = SPLITS
) -> list[tuple[list[ScoredReview], list[ScoredReview]]]:
    """(reviews to fit on, test fold) pairs, as scikit-learn's TimeSeriesSplit makes them:
    ``splits`` test folds of equal size at the end of ``scored`` (sorted by time), each with
    every review before it to fit on. None when there are too few reviews for a fold."""
    size = len(scored) // (splits + 1)
    if size == 0:
        return []
    first = len(scored) - splits * size
    return [
        (list(scored[:start]), list(scored[start : start + size]))
        for start in range(first, len(scored), size)
    ]


# --- prediction and metrics --------------------------------------------------------------------


def _model(parameters: Sequence[float]) -> tuple[fsrs_rs.FSRS, list[float]]:
    # Older 17- or 19-weight sets (FSRS-4.5/5) are completed the way fsrs-rs does it.
    try:
        filled = fsrs_rs.check_and_fill_parameters(list(parameters))
        return fsrs_rs.FSRS(filled), filled
    except (ValueError, TypeError) as error:
        raise OptimizeError(
            f"FSRS parameters {tuple(parameters)!r} are not valid ({error}); "
            "reset them to the defaults"
        ) from None


def predict(parameters: Sequence[float], scored: Sequence[ScoredReview]) -> list[float]:
    """Predicted probability of recall for each scored review, from its card's earlier reviews."""
    if not scored:
        return []
    model, filled = _model(parameters)
    histories = [fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, t) for r, t in s.history]) for s in scored]
    states = _guarded(lambda: model.memory_state_batch(histories), "computing memory states")
    decay = float(filled[20])
    return [
        retrievability(state.stability, s.elapsed_days, decay)
        for state, s in zip(states, scored, strict=True)
    ]


def log_loss(outcomes: Sequence[bool], predictions: Sequence[float]) -> float:
    """Mean binary cross-entropy of recall predictions against outcomes (True = recalled)."""
    if len(outcomes) != len(predictions) or not outcomes:
        raise ValueError("log_loss needs as many predictions as outcomes, and at least one")
    total = 0.0
    for recalled, p in zip(outcomes, predictions, strict=True):
        p = min(max(p, _EPSILON), 1 - _EPSILON)
        total -= math.log(p) if recalled else math.log(1 - p)
    return total / len(outcomes)


def _geometric_bin(value: float, base: float, scale: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(value) / math.log(base)), digits)


def rmse_bin(elapsed_days: float, review_number: int, lapses: int) -> tuple[float, float, float]:
    """srs-benchmark's bin for a review: (elapsed days, review number, lapses) on log grids."""
    return (
        _geometric_bin(max(elapsed_days, 1e-6), 3.62, 2.48, 2),
        _geometric_bin(review_number, 1.89, 1.99, 0),
        _geometric_bin(lapses, 1.73, 1.65, 0) if lapses else 0.0,
    )


def rmse_bins(
    outcomes: Sequence[bool],
    predictions: Sequence[float],
    bins: Sequence[Hashable],
) -> float:
    """Review-count-weighted RMSE between mean outcome and mean prediction per bin."""
    if not len(outcomes) == len(predictions) == len(bins) or not outcomes:
        raise ValueError("rmse_bins needs one prediction and one bin per outcome, at least one")
    sums: dict[Hashable, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for recalled, p, key in zip(outcomes, predictions, bins, strict=True):
        entry = sums[key]
        entry[0] += 1.0 if recalled else 0.0
        entry[1] += p
        entry[2] += 1
    squared = sum(count * (y / count - p / count) ** 2 for y, p, count in sums.values())
    return math.sqrt(squared / len(outcomes))


def metrics_for(parameters: Sequence[float], scored: Sequence[ScoredReview]) -> Metrics:
    """Log loss and RMSE(bins) of ``parameters`` on ``scored`` (NaN figures when empty)."""
    if not scored:
        return Metrics(log_loss=math.nan, rmse_bins=math.nan, n=0)
    predictions = predict(parameters, scored)
    outcomes = [s.recalled for s in scored]
    bins = [rmse_bin(s.elapsed_days, s.review_number, s.lapses) for s in scored]
    return Metrics(
        log_loss=log_loss(outcomes, predictions),
        rmse_bins=rmse_bins(outcomes, predictions, bins),
        n=len(scored),
    )


def evaluate(
    parameters: Sequence[float] | None,
    reviews: Iterable[ReviewRow],
    *,
    since: datetime | None = None,
    timezone: tzinfo | None = UTC,
    rollover_hour: int = 4,
) -> Metrics:
    """How well ``parameters`` (None: the defaults) predict recall in ``reviews``.

    Scores every review after a gap of at least a day, or only those at or after ``since``
    (still predicted from the card's full earlier history).
    """
    scored = scored_reviews(reviews, timezone=timezone, rollover_hour=rollover_hour)
    if since is not None:
        scored = [s for s in scored if s.reviewed_at >= since]
    return metrics_for(DEFAULT_PARAMETERS if parameters is None else parameters, scored)


# --- fitting -----------------------------------------------------------------------------------


def _guarded(call, doing: str):
    # fsrs-rs reports bad input by panicking: pyo3's PanicException derives from BaseException,
    # so a plain `except Exception` would let it crash the app.
    try:
        return call()
    except (KeyboardInterrupt, SystemExit):
        raise
    except OptimizeError:
        raise
    except BaseException as error:
        raise OptimizeError(f"FSRS failed while {doing}: {error}") from None


def training_items(scored: Iterable[ScoredReview]) -> tuple[list[fsrs_rs.FSRSItem], list[int]]:
    """fsrs-rs items for scored reviews, as Anki makes them (rslib ``reviews_for_fsrs``, FSRS-6):
    one per review after a gap of at least a day, holding the card's whole history before it,
    same-day reviews included; with each item's card as a number, in the same order (fsrs-rs
    trains a card's items together when told which card each is, as Anki tells it).

    fsrs-rs panics on an item none of whose reviews follows such a gap.
    """
    items, cards = [], []
    numbers: dict[Hashable, int] = {}
    for s in scored:
        if s.elapsed_days <= 0:
            continue
        item = s.fsrs_item()
        if item.long_term_review_cnt() > 0:
            items.append(item)
            cards.append(numbers.setdefault(s.card_key, len(numbers)))
    return items, cards


def fit_parameters_to_scored(
    scored: Sequence[ScoredReview], *, relearning_steps: int = 1
) -> Parameters:
    """FSRS-6 parameters fitted to already scored reviews (see ``scored_reviews``), with the
    options Anki gives fsrs-rs: short-term stability on, the number of relearning steps in use
    and each item's card."""
    items, cards = training_items(scored)
    if not items:
        raise OptimizeError(
            "not enough reviews to fit: FSRS needs cards reviewed again on a later day; "
            "keep reviewing and try again in a few days"
        )
    fitted = _guarded(
        lambda: fsrs_rs.FSRS([]).compute_parameters(
            items, card_ids=cards, enable_short_term=True, num_relearning_steps=relearning_steps
        ),
        "fitting parameters",
    )
    return tuple(float(w) for w in fitted)


def fit_parameters(
    reviews: Iterable[ReviewRow], *, timezone: tzinfo | None = UTC, rollover_hour: int = 4
) -> Parameters:
    """FSRS-6 parameters fitted to all of ``reviews`` (review mode answers only).

    Raises OptimizeError when the log is invalid or has no review after a gap of a day or more.
    """
    return fit_parameters_to_scored(
        scored_reviews(reviews, timezone=timezone, rollover_hour=rollover_hour)
    )


def scheduler_accepts(parameters: Sequence[float]) -> bool:
    """True when the ``fsrs`` scheduler would accept these parameters (count and bounds)."""
    return len(parameters) == len(LOWER_BOUNDS_PARAMETERS) and all(
        low <= w <= high
        for w, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    )


def should_adopt(before: Metrics, after: Metrics) -> bool:
    """Adopt only when both held-out figures are strictly better."""
    return (
        after.n > 0
        and after.n == before.n
        and after.log_loss < before.log_loss
        and after.rmse_bins < before.rmse_bins
    )


def optimize(
    reviews: Iterable[ReviewRow],
    current_parameters: Sequence[float] | None,
    *,
    timezone: tzinfo | None = UTC,
    rollover_hour: int = 4,
    relearning_steps: int = 1,
) -> OptimizeReport:
    """Judge fitting against ``current_parameters`` on srs-benchmark's time-series split, and
    fit on every review when it predicts better.

    Never raises for a log that is merely too short or that FSRS cannot fit: the report then
    keeps the current parameters and ``reason`` says why. An invalid row, or current parameters
    FSRS cannot use, raise OptimizeError.
    """
    current = DEFAULT_PARAMETERS if current_parameters is None else tuple(current_parameters)
    scored = scored_reviews(reviews, timezone=timezone, rollover_hour=rollover_hour)
    folds = time_series_folds(scored)
    tests = [review for _, test in folds for review in test]
    since = tests[0].reviewed_at if tests else None
    empty = Metrics(log_loss=math.nan, rmse_bins=math.nan, n=0)

    def kept(reason: str, before: Metrics, after: Metrics, candidate=None) -> OptimizeReport:
        return OptimizeReport(
            before=before,
            after=after,
            parameters=current,
            adopted=False,
            candidate=candidate,
            reason=reason,
            train_reviews=len(scored),
            held_out_since=since,
        )

    before = metrics_for(current, tests)
    if not folds:
        return kept(
            "not enough reviews yet: need reviews on several different days to fit and test",
            before,
            empty,
        )
    try:
        predictions = []
        for train, test in folds:
            fitted = fit_parameters_to_scored(train, relearning_steps=relearning_steps)
            predictions += predict(fitted, test)
        candidate = fit_parameters_to_scored(scored, relearning_steps=relearning_steps)
    except OptimizeError as error:
        return kept(str(error), before, empty)
    if not scheduler_accepts(candidate):
        return kept(
            "the fitted parameters fall outside what the scheduler accepts",
            before,
            empty,
            candidate,
        )
    outcomes = [s.recalled for s in tests]
    bins = [rmse_bin(s.elapsed_days, s.review_number, s.lapses) for s in tests]
    after = Metrics(
        log_loss(outcomes, predictions), rmse_bins(outcomes, predictions, bins), len(tests)
    )
    if not should_adopt(before, after):
        return kept(
            "fitted parameters do not predict the later reviews better on both log loss "
            "and RMSE(bins)",
            before,
            after,
            candidate,
        )
    return OptimizeReport(
        before=before,
        after=after,
        parameters=candidate,
        adopted=True,
        candidate=candidate,
        reason="fitted parameters predict the later reviews better on both figures",
        train_reviews=len(scored),
        held_out_since=since,
    )


# --- the learner's own log --------------------------------------------------------------------


def review_rows(records: Iterable[ReviewRecord]) -> list[ReviewRow]:
    """The store's review-mode answers; practice, quiz and exam answers say nothing of memory."""
    return [
        ReviewRow(r.key, int(r.rating), r.reviewed_at, r.duration_ms)
        for r in records
        if r.mode == Mode.review
    ]


def optimize_store(store: Store) -> OptimizeReport:
    """``optimize`` on the learner's whole review log, with the store's day boundary and
    current parameters. Saving adopted parameters is the caller's job."""
    settings = store.settings
    return optimize(
        review_rows(store.review_log()),
        settings.parameters,
        timezone=ZoneInfo(settings.timezone) if settings.timezone else None,
        rollover_hour=settings.rollover_hour,
        relearning_steps=len(settings.relearning_steps_minutes),
    )


# --- the shared CSV review-log format ----------------------------------------------------------

CSV_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")
REQUIRED_COLUMNS = CSV_COLUMNS[:3]  # FSRS tools may leave the duration out


def load_review_csv(path: Path | str) -> list[ReviewRow]:
    """Read a review log CSV: card_id, review_rating, review_time (ISO with zone, or epoch
    milliseconds as FSRS tools write it) and optionally review_duration (ms); other columns,
    such as review_state, are ignored.

    Raises OptimizeError naming the file and line of the first bad row.
    """
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise OptimizeError(f"{path}: cannot read the review log ({error.strerror})") from None
    rows: list[ReviewRow] = []
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise OptimizeError(
                f"{path}:1: missing column(s) {', '.join(missing)}; "
                f"the header must name {', '.join(REQUIRED_COLUMNS)}"
            )
        for record in reader:
            line = reader.line_num
            try:
                rating = int(record["review_rating"])
                when = str(record["review_time"] or "").strip()
                reviewed_at = (
                    datetime.fromtimestamp(int(when) / 1000, UTC)
                    if when.isdigit()
                    else datetime.fromisoformat(when)
                )
                duration = int(float(record.get("review_duration") or 0))
            except (TypeError, ValueError, OverflowError, OSError):
                raise OptimizeError(
                    f"{path}:{line}: cannot read this row; review_rating must be 1-4, "
                    "review_time an ISO date-time with zone or epoch milliseconds, "
                    "review_duration milliseconds"
                ) from None
            if reviewed_at.utcoffset() is None:
                raise OptimizeError(
                    f"{path}:{line}: review_time {record['review_time']} has no time zone; "
                    "add +00:00 for UTC"
                )
            if not 1 <= rating <= 4:
                raise OptimizeError(f"{path}:{line}: review_rating {rating} is not 1-4")
            rows.append(
                ReviewRow(
                    card_key=record["card_id"],
                    rating=rating,
                    reviewed_at=reviewed_at.astimezone(UTC),
                    duration_ms=duration,
                )
            )
    return rows
