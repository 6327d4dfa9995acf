"""Fitting FSRS to the learner's own reviews: `quizapp optimize` and the stats screen's `o`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.core.optimize import OptimizeReport
    from quizapp.core.store import Store

MIN_SCORED_REVIEWS = 100  # 5 test folds of a sixth each: at least 16 reviews in each


@dataclass(frozen=True)
class Fit:
    """What fitting the learner's log came to; ``report`` None when there were too few reviews
    (``too_few`` says how many and how many are needed)."""

    report: OptimizeReport | None
    saved: bool
    personal_before: bool
    too_few: str = ""


def fit_learner(store: Store) -> Fit:
    """Fit FSRS to the store's review log, judged against the parameters in use (the saved
    ones, if any), and save the fitted ones when adopted. OptimizeError if the log or the saved
    parameters cannot be used."""
    from zoneinfo import ZoneInfo

    from quizapp.core.optimize import optimize_store, review_rows, scored_reviews
    from quizapp.core.parameters import save_parameters, with_saved_parameters

    current = with_saved_parameters(store.settings, store)
    personal = current.parameters is not None
    scored = scored_reviews(
        review_rows(store.review_log()),
        timezone=ZoneInfo(current.timezone) if current.timezone else None,
        rollover_hour=current.rollover_hour,
    )
    if len(scored) < MIN_SCORED_REVIEWS:
        reviews = f"{len(scored)} review" + ("" if len(scored) == 1 else "s")
        return Fit(
            None,
            False,
            personal,
            f"{reviews} after a gap of a day or more so far, and "
            f"fitting needs {MIN_SCORED_REVIEWS} (the later ones test the fit); keep "
            "reviewing and try again later",
        )
    if current is not store.settings:
        store = store.with_settings(current)
    report = optimize_store(store)
    if report.adopted:
        save_parameters(store, report.parameters)
    return Fit(report, report.adopted, personal)
