"""`quizapp stats` and the stats screen: core's study figures and what answers add to them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.collection import Collection


def full_report(
    collection: Collection,
    now: dt.datetime,
    *,
    exam_day: dt.date | None = None,
    parameters: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Every figure of `quizapp stats --json`: quizapp.core.report's, and the wrong options
    learners pick in quizzes and exams (a deck author's view of misconceptions)."""
    from quizapp.core.report import stats_report
    from quizapp.quiz.stats import distractor_stats

    report = stats_report(collection, now, exam_day=exam_day, parameters=parameters)
    report["wrong_options"] = [
        {
            "deck": c.deck_id,
            "card": c.card_id,
            "attempts": c.attempts,
            "wrong": c.wrong,
            "picks": [list(p) for p in c.picks],
        }
        for c in sorted(distractor_stats(collection.store), key=lambda c: -c.wrong)
        if c.wrong
    ]
    return report
