"""Read-only queries behind the statistics (quizapp.core.stats): counts, times, answers.

Times in and out are epoch milliseconds; ``None`` bounds are open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from quizapp.core.storage.cards import tags_by_card
from quizapp.core.storage.records import REVIEW, CardKey

Where = tuple[str, list]


def _in(column: str, values: Iterable[str] | None) -> Where:
    if values is None:
        return "", []
    values = list(values)
    return f" AND {column} IN ({','.join('?' * len(values))})", values


def _log_filter(
    start_ms: int | None,
    end_ms: int | None,
    modes: Iterable[str] | None,
    deck_ids: Iterable[str] | None,
) -> Where:
    """WHERE clause and arguments selecting review-log rows in ``[start, end)``."""
    sql, args = " WHERE 1", []
    if start_ms is not None:
        sql += " AND reviewed_at >= ?"
        args.append(start_ms)
    if end_ms is not None:
        sql += " AND reviewed_at < ?"
        args.append(end_ms)
    for column, values in (("mode", modes), ("deck_id", deck_ids)):
        where, more = _in(column, values)
        sql += where
        args += more
    return sql, args


class Figures:
    """The statistics' queries on one open database (``Store.figures``)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def cards_by_state(self, deck_ids: Iterable[str] | None) -> dict[int, int]:
        """Studyable cards in a deck, counted by state number."""
        where, args = _in("deck_id", deck_ids)
        return dict(
            self._db.execute(
                f"SELECT state, COUNT(*) FROM card WHERE present AND studyable{where} "
                "GROUP BY state",
                args,
            ).fetchall()
        )

    def due_times(self, before_ms: int, deck_ids: Iterable[str] | None) -> list[int]:
        """Due times before ``before_ms`` of studyable cards studied at least once."""
        where, args = _in("deck_id", deck_ids)
        return [
            due
            for (due,) in self._db.execute(
                "SELECT due FROM card WHERE present AND studyable AND state != 0 "
                f"AND due < ?{where}",
                (before_ms, *args),
            )
        ]

    def answer_times(
        self,
        start_ms: int | None = None,
        end_ms: int | None = None,
        modes: Iterable[str] | None = None,
        deck_ids: Iterable[str] | None = None,
    ) -> list[int]:
        where, args = _log_filter(start_ms, end_ms, modes, deck_ids)
        return [r[0] for r in self._db.execute("SELECT reviewed_at FROM review_log" + where, args)]

    def time_spent_ms(
        self,
        start_ms: int | None = None,
        end_ms: int | None = None,
        modes: Iterable[str] | None = None,
        deck_ids: Iterable[str] | None = None,
    ) -> int:
        where, args = _log_filter(start_ms, end_ms, modes, deck_ids)
        sql = "SELECT COALESCE(SUM(duration_ms), 0) FROM review_log" + where
        return self._db.execute(sql, args).fetchone()[0]

    def review_state_answers(
        self, start_ms: int | None, end_ms: int | None
    ) -> list[tuple[CardKey, int]]:
        """(card, rating) of review-mode answers to cards then in the review state."""
        # `before` is the card's row as it was when answered: its state says whether this
        # answer was a review of a card in the review state.
        where, args = _log_filter(start_ms, end_ms, ("review",), None)
        sql = (
            "SELECT deck_id, card_id, rating FROM review_log"
            + where
            + f" AND json_extract(before, '$.state') = {REVIEW}"
        )
        return [(CardKey(d, c), rating) for d, c, rating in self._db.execute(sql, args)]

    def card_tags(self) -> dict[CardKey, list[str]]:
        """Each card's tags as the store last saw them in its deck."""
        return tags_by_card(self._db)
