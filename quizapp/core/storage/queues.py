"""What to study: the day's counts, the study and practice queues, the next card, the next due.

Times are epoch milliseconds; the caller gives now and the study day's bounds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from quizapp.core.storage.records import CardKey, Counts


def _available(now_ms: int) -> str:
    """Cards the queues may show: in a deck, not a draft, not suspended, not buried now."""
    return (
        "present AND studyable AND suspended = 0 "
        f"AND (buried_until IS NULL OR buried_until <= {int(now_ms)})"
    )


def _tag_filter(tags: Iterable[str] | None) -> tuple[str, list[str]]:
    tags = [t for t in (tags or []) if t]
    if not tags:
        return "", []
    # Tags are stored space-delimited (' a b '), so ' a ' matches whole tags only.
    escaped = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in tags]
    clause = " OR ".join("tags LIKE ? ESCAPE '\\'" for _ in tags)
    return f"AND ({clause})", [f"% {t} %" for t in escaped]


def _in(count: int) -> str:
    return f"deck_id IN ({','.join('?' * count)})"


def counts(
    db: sqlite3.Connection,
    deck_ids: list[str] | None,
    bounds: tuple[int, int, int],
    new_per_day: int,
) -> dict[str, Counts]:
    now, start, end = bounds
    where, args = "", []
    if deck_ids is not None:
        where = f"AND {_in(len(deck_ids))}"
        args = deck_ids
    rows = db.execute(
        f"""SELECT deck_id,
               SUM(state = 0),
               SUM(state IN (1, 3) AND due <= ?),
               SUM(state = 2 AND due < ?),
               SUM(introduced >= ?)
           FROM card WHERE {_available(now)} {where} GROUP BY deck_id""",
        (now, end, start, *args),
    ).fetchall()
    found = {
        deck: Counts(min(new or 0, max(0, new_per_day - (intro or 0))), learning or 0, due or 0)
        for deck, new, learning, due, intro in rows
    }
    return {deck: found.get(deck, Counts(0, 0, 0)) for deck in (deck_ids or found)}


def study_queue(
    db: sqlite3.Connection,
    decks: list[str],
    bounds: tuple[int, int, int],
    new_per_day: int,
    *,
    tags: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[CardKey]:
    """Learning cards due, then reviews due today, then new cards within each deck's limit."""
    now, start, end = bounds
    if not decks or limit == 0:
        return []
    tag_sql, tag_args = _tag_filter(tags)
    in_decks = _in(len(decks))
    base = f"{_available(now)} AND {in_decks} {tag_sql}"
    cap = " LIMIT ?" if limit is not None else ""
    capped = [limit] if limit is not None else []
    queue = [
        CardKey(*r)
        for r in db.execute(
            f"SELECT deck_id, card_id FROM card WHERE {base} AND state IN (1, 3) "
            f"AND due <= ? ORDER BY due{cap}",
            (*decks, *tag_args, now, *capped),
        )
    ]
    if limit is None or len(queue) < limit:
        queue += [
            CardKey(*r)
            for r in db.execute(
                f"SELECT deck_id, card_id FROM card WHERE {base} AND state = 2 AND due < ? "
                f"ORDER BY due{cap}",
                (*decks, *tag_args, end, *capped),
            )
        ]
    if limit is not None and len(queue) >= limit:
        return queue[:limit]
    introduced = dict(
        db.execute(
            f"SELECT deck_id, COUNT(*) FROM card WHERE {in_decks} AND introduced >= ? "
            "GROUP BY deck_id",
            (*decks, start),
        ).fetchall()
    )
    for deck in decks:
        room = new_per_day - introduced.get(deck, 0)
        if limit is not None:
            room = min(room, limit - len(queue))
        if room <= 0:
            continue
        # A card missed in a quiz or exam while still new comes first.
        rows = db.execute(
            f"SELECT deck_id, card_id FROM card WHERE {base} AND state = 0 AND deck_id = ? "
            "ORDER BY due IS NULL, due, position LIMIT ?",
            (*decks, *tag_args, deck, room),
        ).fetchall()
        queue += [CardKey(*r) for r in rows]
    return queue


def learning_ahead(
    db: sqlite3.Connection,
    decks: list[str],
    now_ms: int,
    ahead_ms: int,
    tags: Iterable[str] | None = None,
) -> CardKey | None:
    """The learning card due soonest before ``ahead_ms`` (shown early when nothing else is)."""
    tag_sql, tag_args = _tag_filter(tags)
    row = db.execute(
        f"SELECT deck_id, card_id FROM card WHERE {_available(now_ms)} AND {_in(len(decks))} "
        f"{tag_sql} AND state IN (1, 3) AND due <= ? ORDER BY due LIMIT 1",
        (*decks, *tag_args, ahead_ms),
    ).fetchone()
    return CardKey(*row) if row else None


def practice_queue(
    db: sqlite3.Connection,
    decks: list[str],
    now_ms: int,
    *,
    tags: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[CardKey]:
    """Cards to cram ahead of schedule: soonest due first, then new ones."""
    if not decks:
        return []
    tag_sql, tag_args = _tag_filter(tags)
    rows = db.execute(
        f"SELECT deck_id, card_id FROM card WHERE {_available(now_ms)} AND {_in(len(decks))} "
        f"{tag_sql} ORDER BY state = 0, due, position" + (" LIMIT ?" if limit is not None else ""),
        (*decks, *tag_args, *([limit] if limit is not None else [])),
    ).fetchall()
    return [CardKey(*r) for r in rows]


def next_due(db: sqlite3.Connection, decks: list[str]) -> int | None:
    if not decks:
        return None
    return db.execute(
        "SELECT MIN(due) FROM card WHERE present AND studyable AND suspended = 0 "
        f"AND state != 0 AND {_in(len(decks))}",
        decks,
    ).fetchone()[0]
