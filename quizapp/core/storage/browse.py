"""The card browser's rows and the review log's CSV export."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from quizapp.core.scheduling import recall_at
from quizapp.core.storage.records import NEW, STATE_NAMES, BrowseRow, CardKey, Mode, from_ms, to_ms
from quizapp.core.storage.revlog import records


def rows(db: sqlite3.Connection, now: datetime, decay: float) -> list[BrowseRow]:
    """Every card in a deck with what a card browser shows and sorts by (no card text)."""
    now_ms = to_ms(now)
    found = []
    for (
        deck_id,
        card_id,
        state,
        due,
        stability,
        difficulty,
        last,
        reps,
        lapses,
        suspended,
        buried,
        flag,
        leech,
        studyable,
        tags,
    ) in db.execute(
        "SELECT deck_id, card_id, state, due, stability, difficulty, last_review, reps, "
        "lapses, suspended, buried_until, flag, leech, studyable, tags FROM card "
        "WHERE present ORDER BY deck_id, position"
    ):
        found.append(
            BrowseRow(
                CardKey(deck_id, card_id),
                STATE_NAMES[state],
                from_ms(due) if state != NEW else None,
                lapses,
                reps,
                difficulty,
                recall_at(stability, from_ms(last), now, decay),
                bool(suspended),
                buried is not None and buried > now_ms,
                flag,
                bool(leech),
                not studyable,
                tags.split(),
            )
        )
    return found


def review_log_csv(db: sqlite3.Connection) -> str:
    """The review log in the FSRS tools' format: card_id, rating, time, duration."""
    lines = ["card_id,review_rating,review_time,review_duration"]
    for r in records(db):
        if r.mode is Mode.review:
            lines.append(
                f"{r.key.deck_id}/{r.key.card_id},{int(r.rating)},"
                f"{r.reviewed_at.isoformat()},{r.duration_ms}"
            )
    return "\n".join(lines) + "\n"
