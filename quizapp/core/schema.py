"""The progress database's schema and its migrations.

`PRAGMA user_version` holds the schema version. Each migration runs in its
own transaction, in order, so a database from any earlier release opens.
Times are epoch milliseconds (UTC); states are 0 new, 1 learning, 2 review,
3 relearning. Since V3 a card may be suspended (1 by the learner, 2 as a
leech), buried until a time, and flagged (1 red, 2 orange, 3 green, 4 blue).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1 = """
CREATE TABLE card (
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    reviewed_hash TEXT,
    tags TEXT NOT NULL DEFAULT ' ',
    studyable INTEGER NOT NULL DEFAULT 1,
    present INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    introduced INTEGER,
    PRIMARY KEY (deck_id, card_id)
) WITHOUT ROWID;
CREATE INDEX card_queue ON card (deck_id, state, due) WHERE present AND studyable;
CREATE TABLE review_log (
    id INTEGER PRIMARY KEY,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    mode TEXT NOT NULL CHECK (mode IN ('review', 'practice', 'quiz', 'exam')),
    answer TEXT,
    before TEXT NOT NULL
);
CREATE INDEX review_log_card ON review_log (deck_id, card_id, reviewed_at);
"""

V2 = """
CREATE TABLE card_rename (
    deck_id TEXT NOT NULL,
    old_id TEXT NOT NULL,
    new_id TEXT NOT NULL,
    renamed_at INTEGER NOT NULL,
    PRIMARY KEY (deck_id, old_id)
);
CREATE INDEX review_log_time ON review_log (reviewed_at);
CREATE INDEX card_due ON card (state, due) WHERE present AND studyable;
CREATE INDEX card_introduced ON card (deck_id, introduced) WHERE introduced IS NOT NULL;
CREATE TABLE deck_sync (
    deck_id TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    synced_at INTEGER NOT NULL
);
"""


V3 = """
ALTER TABLE card ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE card ADD COLUMN buried_until INTEGER;
ALTER TABLE card ADD COLUMN flag INTEGER NOT NULL DEFAULT 0;
ALTER TABLE card ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;
CREATE TABLE card_report (
    id INTEGER PRIMARY KEY,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    note TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    reported_at INTEGER NOT NULL
);
CREATE INDEX card_report_card ON card_report (deck_id, card_id);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


# When a card's text or tags last changed (epoch ms), so an export to Anki marks only the
# notes changed since as newer; NULL until a change is seen after this migration.
V4 = """
ALTER TABLE card ADD COLUMN changed_at INTEGER;
"""


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(V1),
    _script(V2),
    _script(V3),
    _script(V4),
]
LATEST = len(MIGRATIONS)


class StoreError(Exception):
    """The progress database cannot be used; the message says which file and what to do."""


class NewerDatabaseError(StoreError):
    pass


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest version; returns the version it had."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > LATEST:
        raise NewerDatabaseError(
            f"the progress database is from a newer quizapp (schema {found}, this one knows "
            f"{LATEST}): upgrade quizapp"
        )
    for version in range(found, LATEST):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] > version:
                conn.execute("ROLLBACK")
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found
