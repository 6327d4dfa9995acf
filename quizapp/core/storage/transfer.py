"""Progress moved between machines: the review log and card states read out, and merged in.

The file format is quizapp.core.progress_io's; this module only reads and writes the tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import NamedTuple


class MergeCounts(NamedTuple):
    reviews_added: int
    reviews_skipped: int
    cards_added: int
    cards_updated: int


def snapshot(
    db: sqlite3.Connection, state_columns: Sequence[str]
) -> tuple[list[tuple], list[tuple]]:
    """Every answer (deck, card, time, rating, before, ms, mode, answer) and every card
    (deck, card, content hash, *state_columns), read in the caller's transaction."""
    reviews = db.execute(
        "SELECT deck_id, card_id, reviewed_at, rating, before, duration_ms, mode, answer "
        "FROM review_log ORDER BY reviewed_at, id"
    ).fetchall()
    cards = db.execute(
        f"SELECT deck_id, card_id, content_hash, {', '.join(state_columns)} FROM card "
        "ORDER BY deck_id, position, card_id"
    ).fetchall()
    return reviews, cards


def merge(
    db: sqlite3.Connection,
    reviews: Sequence[Mapping[str, object]],
    cards: Sequence[Mapping[str, object]],
    state_columns: Sequence[str],
) -> MergeCounts:
    """Add answers not yet logged (same deck, card, time, rating, mode) and card states newer
    than this database's, in the caller's transaction."""
    known = set(db.execute("SELECT deck_id, card_id, reviewed_at, rating, mode FROM review_log"))
    added = 0
    for review in reviews:
        identity = tuple(review[c] for c in ("deck_id", "card_id", "reviewed_at", "rating", "mode"))
        if identity in known:
            continue
        known.add(identity)
        db.execute(
            "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
            "answer, before) VALUES (:deck_id, :card_id, :rating, :reviewed_at, :duration_ms, "
            ":mode, :answer, :before)",
            review,
        )
        added += 1
    last_reviews = {
        (d, c): last for d, c, last in db.execute("SELECT deck_id, card_id, last_review FROM card")
    }
    assignments = ", ".join(f"{c} = :{c}" for c in state_columns)
    cards_added = cards_updated = 0
    for card in cards:
        key = (card["deck_id"], card["card_id"])
        if key not in last_reviews:
            # Not in any deck here yet (present = 0): loading its deck matches it by id.
            columns = ["deck_id", "card_id", "content_hash", *state_columns]
            db.execute(
                f"INSERT INTO card ({', '.join(columns)}, present) "
                f"VALUES ({', '.join(':' + c for c in columns)}, 0)",
                card,
            )
            cards_added += 1
            continue
        here, there = last_reviews[key], card["last_review"]
        if here is not None and (there is None or here > there):  # type: ignore[operator]
            continue  # reviewed here since: this database's state is the newer one
        cards_updated += db.execute(
            f"UPDATE card SET {assignments} WHERE deck_id = :deck_id AND card_id = :card_id "
            f"AND NOT ({' AND '.join(f'{c} IS :{c}' for c in state_columns)})",
            card,
        ).rowcount
    return MergeCounts(added, len(reviews) - added, cards_added, cards_updated)
