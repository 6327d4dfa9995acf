"""Where the learner stands: pure read-only figures over the progress database.

Every function takes the store's SQLite connection (``Store.connection``) and, where days
matter, a ``StudyDays`` and an explicit moment, so the figures never depend on the wall clock.

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

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from quizapp.core.settings import SchedulerSettings
from quizapp.core.store import STATE_NAMES, CardKey

_REVIEW_STATE = 2


@dataclass(frozen=True)
class StudyDays:
    """The learner's calendar: days start at ``rollover_hour`` in ``zone`` (None: system time)."""

    zone: tzinfo | None = None
    rollover_hour: int = 4

    @classmethod
    def from_settings(cls, settings: SchedulerSettings) -> StudyDays:
        zone = ZoneInfo(settings.timezone) if settings.timezone else None
        return cls(zone=zone, rollover_hour=settings.rollover_hour)

    def day_of(self, moment: datetime) -> date:
        """The study day a moment belongs to (03:00 belongs to the day before, at rollover 4)."""
        return (moment.astimezone(self.zone) - timedelta(hours=self.rollover_hour)).date()

    def start_of(self, day: date) -> datetime:
        """When the study day begins, in UTC."""
        naive = datetime.combine(day, time(self.rollover_hour))
        local = naive.replace(tzinfo=self.zone) if self.zone else naive.astimezone()
        return local.astimezone(UTC)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _in(column: str, values: Iterable[str] | None) -> tuple[str, list[str]]:
    if values is None:
        return "", []
    values = list(values)
    return f" AND {column} IN ({','.join('?' * len(values))})", values


# --- cards -------------------------------------------------------------------------------------


def cards_by_state(
    conn: sqlite3.Connection, deck_ids: Iterable[str] | None = None
) -> dict[str, int]:
    """How many studyable cards in the loaded decks are new, learning, review, relearning."""
    where, args = _in("deck_id", deck_ids)
    counts = dict(
        conn.execute(
            f"SELECT state, COUNT(*) FROM card WHERE present AND studyable{where} GROUP BY state",
            args,
        ).fetchall()
    )
    return {name: counts.get(state, 0) for state, name in STATE_NAMES.items()}


def due_forecast(
    conn: sqlite3.Connection,
    days: StudyDays,
    now: datetime,
    *,
    horizon: int = 30,
    deck_ids: Iterable[str] | None = None,
) -> list[int]:
    """Cards falling due on each of the next ``horizon`` study days; [0] is today with overdue."""
    today = days.day_of(now)
    end = days.start_of(today + timedelta(days=horizon))
    where, args = _in("deck_id", deck_ids)
    forecast = [0] * horizon
    for (due,) in conn.execute(
        f"SELECT due FROM card WHERE present AND studyable AND state != 0 AND due < ?{where}",
        (_ms(end), *args),
    ):
        offset = (days.day_of(_moment(due)) - today).days
        forecast[max(0, offset)] += 1
    return forecast


# --- reviews over time -------------------------------------------------------------------------


def _log_filter(
    start: datetime | None,
    end: datetime | None,
    modes: Iterable[str] | None,
    deck_ids: Iterable[str] | None,
) -> tuple[str, list]:
    """WHERE clause and arguments selecting review-log rows in ``[start, end)``."""
    sql, args = " WHERE 1", []
    if start is not None:
        sql += " AND reviewed_at >= ?"
        args.append(_ms(start))
    if end is not None:
        sql += " AND reviewed_at < ?"
        args.append(_ms(end))
    for column, values in (("mode", modes), ("deck_id", deck_ids)):
        where, more = _in(column, values)
        sql += where
        args += more
    return sql, args


def _answer_times(
    conn: sqlite3.Connection,
    start: datetime | None,
    end: datetime | None,
    modes: Iterable[str] | None,
    deck_ids: Iterable[str] | None,
) -> Iterable[int]:
    where, args = _log_filter(start, end, modes, deck_ids)
    return (row[0] for row in conn.execute("SELECT reviewed_at FROM review_log" + where, args))


def reviews_per_day(
    conn: sqlite3.Connection,
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
            conn, days.start_of(first), days.start_of(last + timedelta(days=1)), modes, deck_ids
        )
    )
    span = (last - first).days + 1
    return {
        first + timedelta(days=i): counts.get(first + timedelta(days=i), 0) for i in range(span)
    }


def reviews_today(
    conn: sqlite3.Connection,
    days: StudyDays,
    now: datetime,
    *,
    modes: Iterable[str] | None = ("review",),
    deck_ids: Iterable[str] | None = None,
) -> int:
    today = days.day_of(now)
    return reviews_per_day(conn, days, today, today, modes=modes, deck_ids=deck_ids)[today]


def time_spent(
    conn: sqlite3.Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    modes: Iterable[str] | None = None,
    deck_ids: Iterable[str] | None = None,
) -> timedelta:
    """Total recorded answering time in ``[since, until)``."""
    where, args = _log_filter(since, until, modes, deck_ids)
    sql = "SELECT COALESCE(SUM(duration_ms), 0) FROM review_log" + where
    return timedelta(milliseconds=conn.execute(sql, args).fetchone()[0])


def streak(conn: sqlite3.Connection, days: StudyDays, now: datetime) -> int:
    """Consecutive study days with an answer, up to today (or yesterday if none yet today)."""
    studied = {days.day_of(_moment(ms)) for ms in _answer_times(conn, None, None, None, None)}
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
    conn: sqlite3.Connection, since: datetime | None, until: datetime | None
) -> list[tuple[CardKey, bool]]:
    # `before` is the card's row as it was when answered: its state says whether this answer
    # was a review of a card in the review state.
    sql = (
        "SELECT deck_id, card_id, rating FROM review_log WHERE mode = 'review' "
        f"AND json_extract(before, '$.state') = {_REVIEW_STATE}"
    )
    args: list[int] = []
    if since is not None:
        sql += " AND reviewed_at >= ?"
        args.append(_ms(since))
    if until is not None:
        sql += " AND reviewed_at < ?"
        args.append(_ms(until))
    return [(CardKey(d, c), rating > 1) for d, c, rating in conn.execute(sql, args)]


def true_retention(
    conn: sqlite3.Connection, *, since: datetime | None = None, until: datetime | None = None
) -> Retention:
    answers = _review_state_answers(conn, since, until)
    return Retention(passed=sum(ok for _, ok in answers), reviews=len(answers))


def true_retention_by(
    conn: sqlite3.Connection,
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
    for key, ok in _review_state_answers(conn, since, until):
        names = lookup(key)
        for name in [names] if isinstance(names, str) else names:
            totals[name][0] += ok
            totals[name][1] += 1
    return {name: Retention(p, n) for name, (p, n) in sorted(totals.items())}


def true_retention_by_deck(
    conn: sqlite3.Connection, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Retention]:
    return true_retention_by(conn, lambda key: (key.deck_id,), since=since, until=until)


def card_tags(conn: sqlite3.Connection) -> dict[CardKey, list[str]]:
    """Each card's tags as the store last saw them in its deck."""
    return {
        CardKey(d, c): tags.split()
        for d, c, tags in conn.execute("SELECT deck_id, card_id, tags FROM card")
    }


def true_retention_by_tag(
    conn: sqlite3.Connection, *, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Retention]:
    return true_retention_by(conn, card_tags(conn), since=since, until=until)


# --- everything at once, for `quizapp stats --json` and the stats screen --------------------------


def _retention_json(retention: Retention) -> dict[str, float | int | None]:
    return {"passed": retention.passed, "reviews": retention.reviews, "rate": retention.rate}


def overview(
    conn: sqlite3.Connection,
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
        "overall": _retention_json(true_retention(conn)),
        "by_deck": {k: _retention_json(v) for k, v in true_retention_by_deck(conn).items()},
        "by_tag": {k: _retention_json(v) for k, v in true_retention_by_tag(conn).items()},
    }
    if sources is not None:
        retention["by_source"] = {
            k: _retention_json(v) for k, v in true_retention_by(conn, sources).items()
        }
    return {
        "today": today.isoformat(),
        "cards": cards_by_state(conn),
        "reviews_today": reviews_today(conn, days, now),
        "reviews_per_day": {
            d.isoformat(): n for d, n in reviews_per_day(conn, days, first, today).items()
        },
        "due_forecast": due_forecast(conn, days, now, horizon=horizon),
        "true_retention": retention,
        "time_spent_seconds": {
            "today": time_spent(conn, since=days.start_of(today)).total_seconds(),
            "total": time_spent(conn).total_seconds(),
        },
        "streak_days": streak(conn, days, now),
    }
