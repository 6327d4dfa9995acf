"""The review log: every answer, with what it changed saved so that undo can put it back."""

from __future__ import annotations

import json
import sqlite3

from quizapp.core.storage.records import CardKey, Mode, Rating, ReviewRecord, from_ms

# What an answer may change, saved in its log row so that undo can put it back.
ANSWER_COLUMNS = (
    "state, step, stability, difficulty, due, last_review, reps, lapses, introduced, "
    "reviewed_hash, suspended, leech"
)
_RESTORED = ANSWER_COLUMNS.split(", ")
_UNDO_SQL = (
    f"UPDATE card SET {', '.join(f'{c} = :{c}' for c in _RESTORED)} "
    "WHERE deck_id = :deck_id AND card_id = :card_id"
)


# After them, what the kept counts of reviews due need (quizapp.core.store): the card's tags
# and whether the queues may show it, read in the same statement rather than another.
_SHOWN = "present AND studyable AND suspended = 0 AND buried_until IS NULL"
_ANSWER_ROW = (*_RESTORED, "tags", _SHOWN)
_ANSWER_SQL = f"SELECT {', '.join(_ANSWER_ROW)} FROM card WHERE deck_id = ? AND card_id = ?"
# Appended to an UPDATE of one card, given an answer_row's values: the card is still as that
# row has it (NULLs included), so a row read earlier may stand for reading it again.
UNCHANGED_SQL = "".join(f" AND ({column}) IS ?" for column in _ANSWER_ROW)


def answer_row(db: sqlite3.Connection, key: CardKey) -> tuple:
    """The card's columns an answer reads and may change (see ANSWER_COLUMNS), then its tags
    and whether the queues may show it."""
    row = db.execute(_ANSWER_SQL, key).fetchone()
    if row is None:
        raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
    return row


def undo_record(row: tuple) -> str:
    """The ANSWER_COLUMNS of an answer_row, as its log row keeps them for undo."""
    return json.dumps(dict(zip(_RESTORED, row, strict=False)))


def add(
    db: sqlite3.Connection,
    key: CardKey,
    rating: Rating,
    at_ms: int,
    duration_ms: int,
    mode: Mode,
    answer: str | None,
    before: str,
) -> int:
    review_id = db.execute(
        "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
        "answer, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*key, int(rating), at_ms, max(0, int(duration_ms)), mode.value, answer, before),
    ).lastrowid
    assert review_id is not None
    return review_id


def undo(db: sqlite3.Connection, review_id: int) -> CardKey | None:
    """Put the card back as it was before the answer and delete the answer; None if gone."""
    row = db.execute(
        "SELECT deck_id, card_id, before FROM review_log WHERE id = ?", (review_id,)
    ).fetchone()
    if row is None:
        return None  # already gone (another window undid it)
    db.execute(_UNDO_SQL, {**json.loads(row[2]), "deck_id": row[0], "card_id": row[1]})
    db.execute("DELETE FROM review_log WHERE id = ?", (review_id,))
    return CardKey(row[0], row[1])


def deck_has_reviews(db: sqlite3.Connection, deck_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM review_log WHERE deck_id = ? LIMIT 1", (deck_id,)).fetchone()
        is not None
    )


def records(db: sqlite3.Connection, key: CardKey | None = None) -> list[ReviewRecord]:
    sql = (
        "SELECT id, deck_id, card_id, rating, reviewed_at, duration_ms, mode, answer "
        "FROM review_log"
    )
    args: tuple = ()
    if key is not None:
        sql += " WHERE deck_id = ? AND card_id = ?"
        args = tuple(key)
    rows = db.execute(sql + " ORDER BY id", args).fetchall()
    return [
        ReviewRecord(r[0], CardKey(r[1], r[2]), Rating(r[3]), from_ms(r[4]), r[5], Mode(r[6]), r[7])
        for r in rows
    ]
