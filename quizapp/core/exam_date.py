"""Planning toward an exam date: predicted recall on the day, and reviews kept before it.

The rule the scheduler applies when a deck (or the profile) has an exam date: a card's next
review may not fall after the last study day before the exam (the eve, by default) while such
a day is still ahead. Reviewing as late as possible before the exam gives the highest recall
on the day, so a capped card is due at the start of that last day; an interval that already
ends before it is left alone. Once the last day has come, the card just answered is as fresh
as it can be and its interval is not touched; after the exam, scheduling is normal again.

Predicted recall uses the forgetting curve of quizapp.core.scheduling (the ``fsrs``
scheduler's own formula) with the learner's parameters, so it agrees with what the
scheduler plans.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quizapp.core.scheduling import cap_due, decay_of, last_review_day, recall_at
from quizapp.core.store import CardKey, CardProgress
from quizapp.core.study_days import StudyDays

__all__ = ["ExamOutlook", "cap_due", "cap_interval", "exam_outlook", "last_review_day"]


def _moment(when: date | datetime, days: StudyDays) -> datetime:
    return when if isinstance(when, datetime) else days.start_of(when)


def predicted_recall_on(
    when: date | datetime,
    card: CardProgress,
    *,
    parameters: Sequence[float] | None = None,
    days: StudyDays | None = None,
) -> float:
    """Probability (0-1) that the card is recalled at ``when``, if not reviewed before then.

    A date means the start of that study day. A card never studied has 0.
    """
    moment = _moment(when, days or StudyDays())
    recall = recall_at(card.stability, card.last_review, moment, decay_of(parameters))
    return 0.0 if recall is None else recall


def cap_interval(
    interval: timedelta,
    *,
    now: datetime,
    exam_day: date,
    days: StudyDays,
    days_before: int = 1,
) -> timedelta:
    """``cap_due`` for a scheduler that works in intervals."""
    due = cap_due(now + interval, now=now, exam_day=exam_day, days=days, days_before=days_before)
    return due - now


@dataclass(frozen=True)
class ExamOutlook:
    """Predicted recall on exam day: mean over cards (unstudied ones count as 0)."""

    overall: float | None
    by_group: dict[str, float]
    at_risk: list[tuple[CardKey, float]]  # lowest predicted recall first
    cards: int


def exam_outlook(
    cards: Iterable[CardProgress],
    exam_at: date | datetime,
    *,
    groups: Mapping[CardKey, Iterable[str]] | None = None,
    parameters: Sequence[float] | None = None,
    days: StudyDays | None = None,
    at_risk: int = 10,
) -> ExamOutlook:
    """Overall and per-group (e.g. tag) predicted recall at ``exam_at``, and the cards most at
    risk of being forgotten by then (studied cards only: an unstudied card is simply new)."""
    moment = _moment(exam_at, days or StudyDays())
    recalls: dict[CardKey, float] = {}
    studied: list[tuple[CardKey, float]] = []
    for card in cards:
        recall = predicted_recall_on(moment, card, parameters=parameters)
        recalls[card.key] = recall
        if card.stability is not None and card.last_review is not None:
            studied.append((card.key, recall))
    totals: dict[str, list[float]] = defaultdict(list)
    for key, recall in recalls.items():
        for name in (groups or {}).get(key, ()):
            totals[name].append(recall)
    studied.sort(key=lambda entry: (entry[1], entry[0]))
    return ExamOutlook(
        overall=sum(recalls.values()) / len(recalls) if recalls else None,
        by_group={name: sum(v) / len(v) for name, v in sorted(totals.items())},
        at_risk=studied[:at_risk],
        cards=len(recalls),
    )
