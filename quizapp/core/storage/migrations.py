"""Every table of the progress database, each added by a numbered migration step.

`PRAGMA user_version` holds the schema version; `quizapp.core.storage.db.migrate` runs the
missing steps in order, each in its own transaction, so a database from any earlier release
opens (after the backup `quizapp.core.backup.open_store` takes first). Times are epoch
milliseconds (UTC) throughout; states are 0 new, 1 learning, 2 review, 3 relearning. Since
V3 a card may be suspended (1 by the learner, 2 as a leech), buried until a time, and flagged
(1 red, 2 orange, 3 green, 4 blue). V4 keeps named settings (the learner's fitted FSRS
parameters); V5 the exams and quizzes, whose times earlier releases kept as ISO 8601 text;
V6 when a card's text or tags last changed, so an export to Anki marks only the notes changed
since as newer (NULL until a change is seen after the migration).
V7 gives each card what the queues and counts read from indexes alone: its kind, siblings
group and rank among the deck's new cards (quizapp.deck.new_order), and makes every deck sync
again to fill them in; card_study, covering what the counts read, takes card_queue's place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

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

# Earlier releases made this table on first use, so it may be there already.
V4 = """
CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

EXAM_TABLES = """
CREATE TABLE exam (
    id INTEGER PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('exam', 'quiz')),
    title TEXT NOT NULL DEFAULT '',
    selection TEXT NOT NULL DEFAULT '{}',  -- JSON: how the questions were drawn
    seed INTEGER,
    marking TEXT NOT NULL,                 -- 'right,wrong,skipped', exact fractions
    started_at INTEGER NOT NULL,
    deadline INTEGER,                      -- NULL: untimed
    position INTEGER NOT NULL DEFAULT 0,   -- the question on screen
    shown_at INTEGER,                      -- when it was put on screen (time per question)
    submitted_at INTEGER,
    submitted_by TEXT CHECK (submitted_by IN ('learner', 'time_out')),
    marks TEXT,
    max_marks TEXT,
    right_count INTEGER,
    wrong_count INTEGER,
    skipped_count INTEGER
);
CREATE TABLE exam_question (
    exam_id INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    question TEXT NOT NULL,                -- JSON copy of the question as asked
    correct_option TEXT NOT NULL,
    chosen INTEGER,                        -- option index standing now (NULL: none)
    chosen_option TEXT,
    answered_at INTEGER,
    marked_for_review INTEGER NOT NULL DEFAULT 0,
    visited INTEGER NOT NULL DEFAULT 0,
    time_spent_ms INTEGER NOT NULL DEFAULT 0,
    review_id INTEGER,                     -- review log row written for it, once written
    PRIMARY KEY (exam_id, position)
);
CREATE INDEX exam_question_card ON exam_question (deck_id, card_id);
CREATE TABLE exam_answer (
    id INTEGER PRIMARY KEY,
    exam_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    at INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('answer', 'clear', 'mark', 'unmark')),
    chosen INTEGER,
    FOREIGN KEY (exam_id, position) REFERENCES exam_question (exam_id, position)
        ON DELETE CASCADE
);
"""

# Columns of the exam tables as earlier releases made them (times as ISO 8601 text).
_EXAM_COPY = {
    "exam": (
        "id, mode, title, selection, seed, marking, ms(started_at), ms(deadline), position, "
        "ms(shown_at), ms(submitted_at), submitted_by, marks, max_marks, right_count, "
        "wrong_count, skipped_count"
    ),
    "exam_question": (
        "exam_id, position, deck_id, card_id, question, correct_option, chosen, chosen_option, "
        "ms(answered_at), marked_for_review, visited, time_spent_ms, review_id"
    ),
    "exam_answer": "id, exam_id, position, ms(at), action, chosen",
}


V6 = """
ALTER TABLE card ADD COLUMN changed_at INTEGER;
"""


def _iso_ms(text: str | None) -> int | None:
    if text is None:
        return None
    return int(datetime.fromisoformat(text).timestamp() * 1000)


def _exam_tables(conn: sqlite3.Connection) -> None:
    """V5: the exam tables in the schema, with times in milliseconds; rows kept, converted."""
    old = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
            "('exam', 'exam_question', 'exam_answer')"
        )
    }
    conn.execute("DROP INDEX IF EXISTS exam_question_card")
    for name in old:
        conn.execute(f"ALTER TABLE {name} RENAME TO {name}_iso")
    _script(EXAM_TABLES)(conn)
    conn.create_function("ms", 1, _iso_ms, deterministic=True)
    for name in ("exam", "exam_question", "exam_answer"):  # parents first
        if name in old:
            conn.execute(f"INSERT INTO {name} SELECT {_EXAM_COPY[name]} FROM {name}_iso")
    for name in ("exam_answer", "exam_question", "exam"):  # children first
        if name in old:
            conn.execute(f"DROP TABLE {name}_iso")


V7 = """
ALTER TABLE card ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE card ADD COLUMN siblings TEXT;
ALTER TABLE card ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
UPDATE card SET rank = position;
DELETE FROM deck_sync;
CREATE INDEX card_new ON card (deck_id, rank)
    WHERE state = 0 AND due IS NULL AND present AND studyable;
CREATE INDEX card_study
    ON card (deck_id, state, due, suspended, buried_until, present, studyable, tags)
    WHERE present AND studyable;
DROP INDEX card_queue;
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(V1),
    _script(V2),
    _script(V3),
    _script(V4),
    _exam_tables,
    _script(V6),
    _script(V7),
]
LATEST = len(MIGRATIONS)
