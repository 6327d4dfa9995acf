"""Where the learner stands: pure read-only figures over the progress database.

Every function takes the store (its queries are in quizapp.core.storage.figures) and, where
days matter, a ``StudyDays`` and an explicit moment, so the figures never depend on the wall
clock.

Definitions:

* A study day starts at ``rollover_hour`` local time (Anki's convention, as the scheduler).
* Reviews per day count review-mode answers (practice, quiz and exam answers are separate
  activities; pass ``modes`` to count them too).
* True retention is Anki's: of the review-mode answers given to cards that were in the review
  state (not new, learning or relearning), the share answered Hard, Good or Easy.
* Time spent sums the recorded answer durations of every mode.
* The streak counts consecutive study days with at least one answer of any mode, ending today,
  or yesterday while today has no answer yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from quizapp.core.store import STATE_NAMES, CardKey
from quizapp.core.study_days import StudyDays

if TYPE_CHECKING:
    from quizapp.core.store import Store

__all__ = ["Retention", "StudyDays", "overview"]


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


def _moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


# --- cards -------------------------------------------------------------------------------------


def cards_by_state(store: Store, deck_ids: Iterable[str] | None = None) -> dict[str, int]:
    """How many studyable cards in the loaded decks are new, learning, review, relearning."""
    counts = store.figures.cards_by_state(deck_ids)
    return {name: counts.get(state, 0) for state, name in STATE_NAMES.items()}


def due_forecast(
    store: Store,
    days: StudyDays,
    now: datetime,
    *,
    horizon: int = 30,
    deck_ids: Iterable[str] | None = None,
) -> list[int]:
    """Cards falling due on each of the next ``horizon`` study days; [0] is today with overdue."""
    today = days.day_of(now)
    end = days.start_of(today + timedelta(days=horizon))
    forecast = [0] * horizon
    for due in store.figures.due_times(_ms(end), deck_ids):
        offset = (days.day_of(_moment(due)) - today).days
        forecast[max(0, offset)] += 1
    return forecast


# --- reviews over time -------------------------------------------------------------------------


def _answer_times(
    store: Store,
    start: datetime | None,
    end: datetime | None,
    modes: Iterable[str] | None,
    deck_ids: Iterable[str] | None,
) -> Iterable[int]:
    return store.figures.answer_times(_ms(start), _ms(end), modes, deck_ids)


def reviews_per_day(
    store: Store,
    days: StudyDays,
    first: date,
    last: date,
    *,
    modes: Iterable[str] | None = ("review",),
    deck_ids: Iterable[str] | None = None,
) -> dict[date, int]:
    """Answers on each study day from ``first`` to ``last`` inclusive, zeros included (heatmap)."""
    counts = Counter(
        days.day_of(_moment(ms))
        for ms in _answer_times(
            store, days.start_of(first), days.start_of(last + timedelta(days=1)), modes, deck_ids
        )
    )
    span = (last - first).days + 1
    return {
        first + timedelta(days=i): counts.get(first + timedelta(days=i), 0) for i in range(span)
    }


def reviews_today(
    store: Store,
    days: StudyDays,
    now: datetime,
    *,
    modes: Iterable[str] | None = ("review",),
    deck_ids: Iterable[str] | None = None,
) -> int:
    today = days.day_of(now)
    return reviews_per_day(store, days, today, today, modes=modes, deck_ids=deck_ids)[today]


def time_spent(
    store: Store,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    modes: Iterable[str] | None = None,
    deck_ids: Iterable[str] | None = None,
) -> timedelta:
    """Total recorded answering time in ``[since, until)``."""
    spent = store.figures.time_spent_ms(_ms(since), _ms(until), modes, deck_ids)
    return timedelta(milliseconds=spent)


def streak(store: Store, days: StudyDays, now: datetime) -> int:
    """Consecutive study days with an answer, up to today (or yesterday if none yet today)."""
    studied = {days.day_of(_moment(ms)) for ms in _answer_times(store, None, None, None, None)}
    day = days.day_of(now)
    if day not in studied:
        day -= timedelta(days=1)
    count = 0
    while day in studied:
        count += 1
        day -= timedelta(days=1)
    return count


# --- true retention ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Retention:
    """Review-state answers and how many of them were passed (Hard, Good or Easy)."""

    passed: int
    reviews: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None


def _review_state_answers(
    store: Store, since: datetime | None, until: datetime | None
) -> list[tuple[CardKey, bool]]:
    answers = store.figures.review_state_answers(_ms(since), _ms(until))
    return [(key, rating > 1) for key, rating in answers]


def true_retention(
    store: Store, *, since: datetime | None = None, until: datetime | None = None
) -> Retention:
    answers = _review_state_answers(store, since, until)
    return Retention(passed=sum(ok for _, ok in answers), reviews=len(answers))


def true_retention_by(
    store: Store,
    groups: Mapping[CardKey, Iterable[str] | str] | Callable[[CardKey], Iterable[str]],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, Retention]:
    """True retention per group; a card may be in several groups (tags) or in none.

    ``groups`` maps a card to its group names, e.g. ``{key: "hindu-explained"}`` for the
    source document each card quotes, or a function.
    """
    lookup = groups if callable(groups) else (lambda key: groups.get(key, ()))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ok in _review_state_answers(store, since, until):
        names = lookup(key)
        for name in [names] if isinstance(names, str) else names:
            totals[name][0] += ok
            totals[name][1] += 1
    return {name: Retention(p, n) for name, (p, n) in sorted(totals.items())}


def true_retention_by_deck(
    store: Store, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Retention]:
    return true_retention_by(store, lambda key: (key.deck_id,), since=since, until=until)


def card_tags(store: Store) -> dict[CardKey, list[str]]:
    """Each card's tags as the store last saw them in its deck."""
    return store.figures.card_tags()


def true_retention_by_tag(
    store: Store, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Retention]:
    return true_retention_by(store, card_tags(store), since=since, until=until)


# --- everything at once, for `quizapp stats --json` and the stats screen --------------------------


def _retention_json(retention: Retention) -> dict[str, float | int | None]:
    return {"passed": retention.passed, "reviews": retention.reviews, "rate": retention.rate}


def overview(
    store: Store,
    days: StudyDays,
    now: datetime,
    *,
    sources: Mapping[CardKey, str] | None = None,
    heatmap_days: int = 182,
    horizon: int = 30,
) -> dict:
    """All the figures above as one JSON-ready dict (dates as ISO strings, times in seconds).

    ``sources`` maps cards to the source document they quote (known from the decks, not the
    store); without it there is no per-source retention.
    """
    today = days.day_of(now)
    first = today - timedelta(days=heatmap_days - 1)
    retention = {
        "overall": _retention_json(true_retention(store)),
        "by_deck": {k: _retention_json(v) for k, v in true_retention_by_deck(store).items()},
        "by_tag": {k: _retention_json(v) for k, v in true_retention_by_tag(store).items()},
    }
    if sources is not None:
        retention["by_source"] = {
            k: _retention_json(v) for k, v in true_retention_by(store, sources).items()
        }
    return {
        "today": today.isoformat(),
        "cards": cards_by_state(store),
        "reviews_today": reviews_today(store, days, now),
        "reviews_per_day": {
            d.isoformat(): n for d, n in reviews_per_day(store, days, first, today).items()
        },
        "due_forecast": due_forecast(store, days, now, horizon=horizon),
        "true_retention": retention,
        "time_spent_seconds": {
            "today": time_spent(store, since=days.start_of(today)).total_seconds(),
            "total": time_spent(store).total_seconds(),
        },
        "streak_days": streak(store, days, now),
    }
