"""The learner's marks on cards: suspend, bury, flag, reset, and reports for the author."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from quizapp.core.storage.records import SUSPENDED_AS_LEECH, CardKey, CardReport, from_ms

SUSPEND = "UPDATE card SET suspended = ?"
UNSUSPEND = "UPDATE card SET suspended = 0"
BURY = "UPDATE card SET buried_until = ?"
UNBURY = "UPDATE card SET buried_until = NULL"
FLAG = "UPDATE card SET flag = ?"
LEECH = "UPDATE card SET leech = 1, suspended = ?"
RESET = (
    "UPDATE card SET state = 0, step = NULL, stability = NULL, difficulty = NULL, "
    "due = NULL, last_review = NULL, reps = 0, lapses = 0, introduced = NULL, "
    "reviewed_hash = NULL, leech = 0, "
    f"suspended = CASE suspended WHEN {SUSPENDED_AS_LEECH} THEN 0 ELSE suspended END"
)


def mark(db: sqlite3.Connection, sql: str, keys: Iterable[CardKey], *args: object) -> int:
    """Apply one of the statements above to each card; returns how many were changed."""
    return sum(
        db.execute(sql + " WHERE deck_id = ? AND card_id = ?", (*args, *key)).rowcount
        for key in keys
    )


def add_report(db: sqlite3.Connection, key: CardKey, note: str, now_ms: int) -> int:
    row = db.execute(
        "SELECT content_hash FROM card WHERE deck_id = ? AND card_id = ?", key
    ).fetchone()
    if row is None:
        raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
    report_id = db.execute(
        "INSERT INTO card_report (deck_id, card_id, note, content_hash, reported_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (*key, note, row[0], now_ms),
    ).lastrowid
    assert report_id is not None
    return report_id


def reports(db: sqlite3.Connection, deck_ids: Iterable[str] | None) -> list[CardReport]:
    """Problems noted on cards not reworded since, oldest first."""
    sql = (
        "SELECT r.deck_id, r.card_id, r.note, r.reported_at FROM card_report r "
        "JOIN card c ON c.deck_id = r.deck_id AND c.card_id = r.card_id "
        "WHERE r.content_hash = c.content_hash"
    )
    args: list[str] = []
    if deck_ids is not None:
        args = list(deck_ids)
        sql += f" AND r.deck_id IN ({','.join('?' * len(args))})"
    rows = db.execute(sql + " ORDER BY r.reported_at, r.id", args).fetchall()
    return [CardReport(CardKey(d, c), note, from_ms(at)) for d, c, note, at in rows]
