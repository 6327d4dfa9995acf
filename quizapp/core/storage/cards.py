"""The card table: registering a deck's cards, renames, and a card's progress."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from quizapp.core.scheduling import CardState
from quizapp.core.storage import revlog
from quizapp.core.storage.records import (
    STATE_NAMES,
    CardKey,
    CardProgress,
    DeckCard,
    SyncReport,
    from_ms,
    to_ms,
)
from quizapp.deck.new_order import NewCard, facts_of, new_card_ranks


def sync_deck(
    db: sqlite3.Connection,
    deck_id: str,
    cards: list[DeckCard],
    now_ms: int,
    digest: str | None,
) -> SyncReport:
    """Register a deck's cards, inside the caller's transaction."""
    report = SyncReport([], [], [], [], [])
    if digest is not None:
        db.execute("INSERT OR REPLACE INTO deck_sync VALUES (?, ?, ?)", (deck_id, digest, now_ms))
    known = {
        row[0]: row
        for row in db.execute(
            "SELECT card_id, content_hash, present, tags FROM card WHERE deck_id = ?",
            (deck_id,),
        )
    }
    in_deck = {c.card_id for c in cards}
    for card in cards:
        old = next((o for o in card.previous_ids if o in known and o not in in_deck), None)
        if old is None:
            continue
        if card.card_id in known:
            # Registered under its new id before the deck named the old one. If never
            # answered under the new id, the old id's history takes its place; if both
            # have history, both are kept as they are rather than guess how to merge.
            if not _never_answered(db, deck_id, card.card_id):
                continue
            db.execute(
                "DELETE FROM card WHERE deck_id = ? AND card_id = ?", (deck_id, card.card_id)
            )
        _rename(db, deck_id, old, card.card_id, now_ms)
        known[card.card_id] = known.pop(old)
        report.renamed.append((old, card.card_id))
    wanted = set()
    added: list[tuple] = []
    ranks = [c.rank for c in cards]
    if None in ranks:  # not worked out when the deck was compiled
        ranks = new_card_ranks([NewCard(c.kind, facts_of(c.siblings, c.quote)) for c in cards])
    for position, (card, rank) in enumerate(zip(cards, ranks, strict=True)):
        wanted.add(card.card_id)
        tags = " " + " ".join(card.tags) + " "
        row = known.get(card.card_id)
        values = (card.content_hash, tags, int(card.studyable), position, card.kind)
        if row is None:
            added.append((*values, card.siblings, rank, now_ms, deck_id, card.card_id))
            report.added.append(card.card_id)
            continue
        if row[1] != card.content_hash:
            report.changed.append(card.card_id)
        if row[1] != card.content_hash or row[3] != tags:
            db.execute(
                "UPDATE card SET changed_at = ? WHERE deck_id = ? AND card_id = ?",
                (now_ms, deck_id, card.card_id),
            )
        if not row[2]:
            report.returned.append(card.card_id)
        db.execute(
            "UPDATE card SET content_hash = ?, tags = ?, studyable = ?, position = ?, kind = ?, "
            "siblings = ?, rank = ?, present = 1 WHERE deck_id = ? AND card_id = ?",
            (*values, card.siblings, rank, deck_id, card.card_id),
        )
    # In one statement: a deck seen for the first time adds every card (100,000 at a time).
    db.executemany(
        "INSERT INTO card (content_hash, tags, studyable, position, kind, siblings, "
        "rank, changed_at, deck_id, card_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        added,
    )
    for card_id, row in known.items():
        if card_id not in wanted and row[2]:
            db.execute(
                "UPDATE card SET present = 0 WHERE deck_id = ? AND card_id = ?",
                (deck_id, card_id),
            )
            report.removed.append(card_id)
    return report


def deck_digest(db: sqlite3.Connection, deck_id: str) -> str | None:
    row = db.execute("SELECT digest FROM deck_sync WHERE deck_id = ?", (deck_id,)).fetchone()
    return row[0] if row else None


def content_changes(db: sqlite3.Connection, deck_id: str) -> dict[str, tuple[str, datetime | None]]:
    """Each card's content hash as last synced and when its text or tags last changed (None
    if not since the database recorded it)."""
    return {
        card_id: (content_hash, from_ms(changed_at))
        for card_id, content_hash, changed_at in db.execute(
            "SELECT card_id, content_hash, changed_at FROM card WHERE deck_id = ?", (deck_id,)
        )
    }


def keep_schedule(
    db: sqlite3.Connection,
    key: CardKey,
    due_ms: int,
    stability: float | None,
    difficulty: float | None,
) -> int:
    """Another scheduler's due date (and FSRS memory state, if it kept one) for a card
    reviewed already; a new card stays new."""
    return db.execute(
        "UPDATE card SET due = ?, stability = coalesce(?, stability), "
        "difficulty = coalesce(?, difficulty) "
        "WHERE deck_id = ? AND card_id = ? AND state != 0",
        (due_ms, stability, difficulty, *key),
    ).rowcount


def _never_answered(db: sqlite3.Connection, deck_id: str, card_id: str) -> bool:
    return not db.execute(
        "SELECT 1 FROM card WHERE deck_id = ?1 AND card_id = ?2 AND (reps > 0 OR EXISTS "
        "(SELECT 1 FROM review_log WHERE deck_id = ?1 AND card_id = ?2))",
        (deck_id, card_id),
    ).fetchone()


def _rename(db: sqlite3.Connection, deck_id: str, old: str, new: str, now_ms: int) -> None:
    for table in ("card", "review_log", "card_report"):
        db.execute(
            f"UPDATE {table} SET card_id = ? WHERE deck_id = ? AND card_id = ?",
            (new, deck_id, old),
        )
    db.execute(
        "INSERT OR REPLACE INTO card_rename VALUES (?, ?, ?, ?)", (deck_id, old, new, now_ms)
    )


def card_ids(db: sqlite3.Connection, deck_id: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT card_id FROM card WHERE deck_id = ?", (deck_id,))}


def progress(db: sqlite3.Connection, key: CardKey, now: datetime) -> CardProgress:
    row = db.execute(
        "SELECT state, due, stability, difficulty, reps, lapses, last_review, content_hash, "
        "reviewed_hash, present, suspended, leech, flag, buried_until FROM card "
        "WHERE deck_id = ? AND card_id = ?",
        key,
    ).fetchone()
    if row is None:
        raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
    state, due, stability, difficulty, reps, lapses, last, content, reviewed, present = row[:10]
    suspended, leech, flag, buried = row[10:]
    now_ms = to_ms(now)
    return CardProgress(
        key=CardKey(*key),
        state=STATE_NAMES[state],
        due=from_ms(due),
        stability=stability,
        difficulty=difficulty,
        reps=reps,
        lapses=lapses,
        last_review=from_ms(last),
        changed_since_review=reviewed is not None and reviewed != content,
        present=bool(present),
        suspended=bool(suspended),
        leech=bool(leech),
        flag=flag,
        buried_until=from_ms(buried) if buried is not None and buried > now_ms else None,
    )


def suspended(db: sqlite3.Connection) -> set[CardKey]:
    return {
        CardKey(*row) for row in db.execute("SELECT deck_id, card_id FROM card WHERE suspended")
    }


def tags_by_card(db: sqlite3.Connection) -> dict[CardKey, list[str]]:
    return {
        CardKey(d, c): tags.split()
        for d, c, tags in db.execute("SELECT deck_id, card_id, tags FROM card")
    }


_SAVE_REVIEW = (
    "UPDATE card SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
    "last_review = ?, reps = reps + 1, lapses = lapses + ?, {introduced}"
    "reviewed_hash = content_hash WHERE deck_id = ? AND card_id = ?"
)
# A card's first review also sets when it was introduced; later ones leave that column (and
# so the card_introduced index) unwritten: one index page fewer in each answer's commit.
_SAVE_FIRST_REVIEW = _SAVE_REVIEW.format(introduced="introduced = COALESCE(introduced, ?), ")
_SAVE_LATER_REVIEW = _SAVE_REVIEW.format(introduced="")
_SAVE_FIRST_REVIEW_UNCHANGED = _SAVE_FIRST_REVIEW + revlog.UNCHANGED_SQL
_SAVE_LATER_REVIEW_UNCHANGED = _SAVE_LATER_REVIEW + revlog.UNCHANGED_SQL


def save_review(
    db: sqlite3.Connection,
    key: CardKey,
    card: CardState,
    now_ms: int,
    lapsed: bool,
    *,
    first: bool = True,
    unchanged: tuple | None = None,
) -> bool:
    """The card's memory state after a review-mode answer given at ``now_ms``; ``first``: the
    card has no introduction time yet (this answer is its first review). Given ``unchanged``
    (an answer_row read earlier), saved only if the card is still as that row has it: False
    when it is not, and nothing was written."""
    values = (card.state, card.step, card.stability, card.difficulty, to_ms(card.due), now_ms)
    args = (*values, int(lapsed), now_ms, *key) if first else (*values, int(lapsed), *key)
    if unchanged is None:
        db.execute(_SAVE_FIRST_REVIEW if first else _SAVE_LATER_REVIEW, args)
        return True
    sql = _SAVE_FIRST_REVIEW_UNCHANGED if first else _SAVE_LATER_REVIEW_UNCHANGED
    return db.execute(sql, (*args, *unchanged)).rowcount == 1


def due_now(db: sqlite3.Connection, key: CardKey, now_ms: int) -> None:
    """Missed in a quiz or exam: due at once, its memory state untouched."""
    db.execute("UPDATE card SET due = ? WHERE deck_id = ? AND card_id = ?", (now_ms, *key))
