"""The one adapter between the store and the ``fsrs`` scheduler.

* ``retrievability``: the FSRS forgetting curve, written once; the browser, exam-day
  predictions and the optimiser's evaluation all use it.
* ``next_card_state``: a review through ``fsrs.Scheduler`` with fuzz applied here, seeded per
  card from its identity and repetitions as Anki seeds it (the same card answered the same
  way twice gets the same due date; no process-wide random state is read or replaced).
* ``cap_due``: the exam-date rule (a review never falls after the exam's eve).

``fsrs`` is imported on the first answer, not at start: the first card shows sooner.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import fsrs

    from quizapp.core.settings import Settings
    from quizapp.core.study_days import StudyDays

# A card's state, numbered as fsrs.State numbers its own (the store keeps these numbers).
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3

# -- the forgetting curve --------------------------------------------------------------------


def decay_of(parameters: Sequence[float] | None) -> float:
    """FSRS parameter w20 (the curve's decay) of ``parameters``, or of the fsrs defaults."""
    if parameters is None:
        from fsrs.scheduler import DEFAULT_PARAMETERS

        parameters = DEFAULT_PARAMETERS
    return float(parameters[20])


def retrievability(stability: float, elapsed_days: float, decay: float) -> float:
    """Predicted probability of recall ``elapsed_days`` after the last review.

    ``decay`` is parameter w20; the curve passes through 90% at ``elapsed_days == stability``.
    Same formula as ``fsrs.Scheduler.get_card_retrievability``.
    """
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * elapsed_days / stability) ** -decay


def recall_at(
    stability: float | None, last_review: datetime | None, moment: datetime, decay: float
) -> float | None:
    """Predicted recall at ``moment`` counted in whole days since the last review, as the
    scheduler counts them; None for a card never reviewed."""
    if not stability or last_review is None:
        return None
    return retrievability(stability, max(0, (moment - last_review).days), decay)


# -- a review --------------------------------------------------------------------------------


class CardState(NamedTuple):
    """A card's FSRS memory state as the store keeps it (times aware, UTC)."""

    state: int  # 0 new, 1 learning, 2 review, 3 relearning
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None


def make_scheduler(settings: Settings) -> fsrs.Scheduler:
    """The learner's scheduler, without fuzz (``next_card_state`` applies it per card)."""
    import fsrs

    kwargs = {} if settings.parameters is None else {"parameters": settings.parameters}
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval,
        enable_fuzzing=False,
        **kwargs,
    )


def fuzz_seed(deck_id: str, card_id: str, reps: int) -> str:
    """Anki seeds a card's fuzz with its id plus its repetitions. Ours are text ids, so the
    seed is text, turned into a number by ``fuzz_draw``."""
    return f"{deck_id}\x1f{card_id}\x1f{reps}"


def fuzz_draw(seed: str) -> float:
    """A number in [0, 1) fixed by ``seed``: the same in every process and release (unlike
    ``hash()``), read from a SHA-256 digest. Seeding a ``random.Random`` with the text would
    give the same guarantees at 10-20 µs an answer, spent filling its whole state for a
    single draw."""
    digest = hashlib.sha256(seed.encode()).digest()
    return int.from_bytes(digest[:7], "big") / _DRAWS


_DRAWS = 1 << 56  # 56 bits: every value a float holds exactly, below 1


def fuzzed_interval(interval: timedelta, maximum_interval: int, draw: float) -> timedelta:
    """``fsrs``'s fuzz (its ranges and rounding) with ``draw`` in [0, 1) as the random part."""
    from fsrs.scheduler import FUZZ_RANGES

    days = interval.days
    if days < 2.5:  # fuzz is not applied to intervals less than 2.5 days
        return interval
    delta = 1.0
    for span in FUZZ_RANGES:
        delta += span["factor"] * max(min(float(days), span["end"]) - span["start"], 0.0)
    highest = min(round(days + delta), maximum_interval)
    lowest = min(max(2, round(days - delta)), highest)
    return timedelta(days=min(round(draw * (highest - lowest + 1) + lowest), maximum_interval))


@cache
def _fsrs_values() -> tuple[dict[int, fsrs.State], dict[int, fsrs.Rating]]:
    """fsrs's states and ratings by number, looked up once (an Enum call per answer is not)."""
    import fsrs

    return {s.value: s for s in fsrs.State}, {r.value: r for r in fsrs.Rating}


def next_card_state(
    scheduler: fsrs.Scheduler,
    card: CardState,
    rating: int,
    now: datetime,
    *,
    seed: str | None = None,
) -> CardState:
    """The card's state after being answered ``rating`` (1-4) at ``now``.

    With ``seed`` (see ``fuzz_seed``) a review interval is fuzzed as ``fsrs`` would fuzz it;
    without, it is exact (for previews).
    """
    import fsrs

    states, ratings = _fsrs_values()
    if card.state == NEW:
        before = fsrs.Card(card_id=0, due=now)
    else:
        before = fsrs.Card(
            card_id=0,
            state=states[card.state],  # numbered as ours: 1 learning, 2 review, 3 relearning
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )
    after = scheduler.review_card(before, ratings[int(rating)], review_datetime=now)[0]
    due = after.due
    if seed is not None and after.state is states[REVIEW]:
        due = now + fuzzed_interval(due - now, scheduler.maximum_interval, fuzz_draw(seed))
    return CardState(
        int(after.state), after.step, after.stability, after.difficulty, due, after.last_review
    )


class Outcomes(NamedTuple):
    """A card's state after each grade, worked out at ``at`` from ``before``. Like Anki, the
    review works them out when the answer is shown, so that the grade key only saves one."""

    before: CardState
    at: datetime
    after: tuple[CardState, ...]  # by grade: Again first


def outcomes(
    scheduler: fsrs.Scheduler, card: CardState, now: datetime, *, seed: str | None = None
) -> Outcomes:
    """``next_card_state`` for each grade at ``now``."""
    return Outcomes(
        card, now, tuple(next_card_state(scheduler, card, r, now, seed=seed) for r in (1, 2, 3, 4))
    )


def outcome(worked_out: Outcomes, card: CardState, rating: int, now: datetime) -> CardState | None:
    """The state after ``rating`` answered at ``now``, from states worked out a little earlier:
    exactly what ``next_card_state`` gives at ``now``, since FSRS reads only the whole days
    since the last review and counts the next due time from the answer. None when it might
    not be: the card has changed since, the clock went back, or a day more has passed."""
    if card != worked_out.before or now < worked_out.at:
        return None
    last = card.last_review
    if last is not None and (now - last).days != (worked_out.at - last).days:
        return None
    after = worked_out.after[rating - 1]
    due = None if after.due is None else after.due + (now - worked_out.at)
    return CardState(after.state, after.step, after.stability, after.difficulty, due, now)


# -- an exam date ----------------------------------------------------------------------------


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
