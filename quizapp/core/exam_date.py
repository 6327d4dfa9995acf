"""Planning toward an exam date: predicted recall on the day, and reviews kept before it.

The rule the scheduler applies when a deck (or the profile) has an exam date: a card's next
review may not fall after the last study day before the exam (the eve, by default) while such
a day is still ahead. Reviewing as late as possible before the exam gives the highest recall
on the day, so a capped card is due at the start of that last day; an interval that already
ends before it is left alone. Once the last day has come, the card just answered is as fresh
as it can be and its interval is not touched; after the exam, scheduling is normal again.

Predicted recall uses the ``fsrs`` scheduler's own forgetting curve with the learner's
parameters, so it agrees with what the scheduler plans.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import fsrs

from quizapp.core.stats import StudyDays
from quizapp.core.store import CardKey, CardProgress


def _scheduler(parameters: Sequence[float] | None) -> fsrs.Scheduler:
    return fsrs.Scheduler() if parameters is None else fsrs.Scheduler(parameters=parameters)


def _moment(when: date | datetime, days: StudyDays) -> datetime:
    return when if isinstance(when, datetime) else days.start_of(when)


def predicted_recall_on(
    when: date | datetime,
    card: CardProgress,
    *,
    parameters: Sequence[float] | None = None,
    days: StudyDays | None = None,
    scheduler: fsrs.Scheduler | None = None,
) -> float:
    """Probability (0-1) that the card is recalled at ``when``, if not reviewed before then.

    A date means the start of that study day. A card never studied has 0. Pass ``scheduler``
    to reuse one across many cards.
    """
    if card.stability is None or card.last_review is None:
        return 0.0
    moment = _moment(when, days or StudyDays())
    fsrs_card = fsrs.Card(
        card_id=0,
        state=fsrs.State.Review,
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
    )
    return (scheduler or _scheduler(parameters)).get_card_retrievability(fsrs_card, moment)


def last_review_day(exam_day: date, days_before: int = 1) -> date:
    """The last study day on which reviews still count toward the exam."""
    return exam_day - timedelta(days=days_before)


def cap_due(
    due: datetime,
    *,
    now: datetime,
    exam_day: date,
    days: StudyDays,
    days_before: int = 1,
) -> datetime:
    """When a card answered at ``now`` and scheduled for ``due`` should really be due.

    Never later than the start of the last study day before the exam while that day is still
    ahead of ``now``; otherwise ``due`` unchanged. Never earlier than ``due`` would make it.
    """
    last = last_review_day(exam_day, days_before)
    if days.day_of(now) >= last or days.day_of(due) <= last:
        return due
    return min(due, days.start_of(last))


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
    scheduler = _scheduler(parameters)
    moment = _moment(exam_at, days or StudyDays())
    recalls: dict[CardKey, float] = {}
    studied: list[tuple[CardKey, float]] = []
    for card in cards:
        recall = predicted_recall_on(moment, card, scheduler=scheduler)
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
