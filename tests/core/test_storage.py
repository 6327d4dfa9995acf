"""The storage package: its one transaction helper and its migrations."""

import datetime as dt
import json
import sqlite3

import pytest

from quizapp.core.backup import list_backups
from quizapp.core.clock import FixedClock
from quizapp.core.storage.db import open_database
from quizapp.core.storage.migrations import LATEST, MIGRATIONS
from quizapp.core.store import Store
from quizapp.deck.transaction import NestedTransactionError, transaction

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def conn(tmp_path):
    conn = open_database(tmp_path / "progress.sqlite3")
    yield conn
    conn.close()


def count_decks(conn) -> int:
    return conn.execute("SELECT count(*) FROM deck_sync").fetchone()[0]


def test_a_transaction_refuses_to_begin_inside_another(conn):
    with transaction(conn):
        conn.execute("INSERT INTO deck_sync VALUES ('outer', 'h', 0)")
        with pytest.raises(NestedTransactionError), transaction(conn):
            conn.execute("INSERT INTO deck_sync VALUES ('inner', 'h', 0)")
        # The caller's transaction is neither committed nor rolled back by the refusal.
        assert conn.in_transaction
    assert [r[0] for r in conn.execute("SELECT deck_id FROM deck_sync")] == ["outer"]


def test_a_failed_commit_rolls_back_and_leaves_no_transaction_open(conn):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), transaction(conn):
        conn.execute("INSERT INTO deck_sync VALUES ('lost', 'h', 0)")
        # Checked at COMMIT only: the COMMIT itself fails.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute(
            "INSERT INTO exam_answer (exam_id, position, at, action) VALUES (99, 0, 0, 'answer')"
        )
    assert not conn.in_transaction
    assert count_decks(conn) == 0
    with transaction(conn):  # the connection is usable again
        conn.execute("INSERT INTO deck_sync VALUES ('next', 'h', 0)")
    assert count_decks(conn) == 1


def test_an_exception_inside_rolls_back(conn):
    with pytest.raises(ValueError), transaction(conn):
        conn.execute("INSERT INTO deck_sync VALUES ('lost', 'h', 0)")
        raise ValueError("the step failed half-way")
    assert not conn.in_transaction and count_decks(conn) == 0


# The exam tables as the release before V5 made them (times as ISO 8601 text), beside V3.
EXAM_TABLES_AS_TEXT = """
CREATE TABLE IF NOT EXISTS exam (
    id INTEGER PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('exam', 'quiz')),
    title TEXT NOT NULL DEFAULT '',
    selection TEXT NOT NULL DEFAULT '{}',
    seed INTEGER,
    marking TEXT NOT NULL,
    started_at TEXT NOT NULL,
    deadline TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    shown_at TEXT,
    submitted_at TEXT,
    submitted_by TEXT CHECK (submitted_by IN ('learner', 'time_out')),
    marks TEXT,
    max_marks TEXT,
    right_count INTEGER,
    wrong_count INTEGER,
    skipped_count INTEGER
);
CREATE TABLE IF NOT EXISTS exam_question (
    exam_id INTEGER NOT NULL REFERENCES exam(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    question TEXT NOT NULL,
    correct_option TEXT NOT NULL,
    chosen INTEGER,
    chosen_option TEXT,
    answered_at TEXT,
    marked_for_review INTEGER NOT NULL DEFAULT 0,
    visited INTEGER NOT NULL DEFAULT 0,
    time_spent_ms INTEGER NOT NULL DEFAULT 0,
    review_id INTEGER,
    PRIMARY KEY (exam_id, position)
);
CREATE INDEX IF NOT EXISTS exam_question_card ON exam_question (deck_id, card_id);
CREATE TABLE IF NOT EXISTS exam_answer (
    id INTEGER PRIMARY KEY,
    exam_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('answer', 'clear', 'mark', 'unmark')),
    chosen INTEGER,
    FOREIGN KEY (exam_id, position) REFERENCES exam_question (exam_id, position)
        ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

QUESTION = {"deck_id": "geo", "card_id": "capital", "options": ["Paris", "Lyon", "Nice", "Lille"]}


def v3_database_with_an_exam(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        step(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.executescript(EXAM_TABLES_AS_TEXT)
    conn.execute(
        "INSERT INTO exam (id, mode, title, marking, started_at, deadline, position, shown_at, "
        "submitted_at, submitted_by, marks, max_marks, right_count, wrong_count, skipped_count) "
        "VALUES (1, 'exam', 'Week 1', '2,-2/3,0', '2026-11-20T09:00:00+00:00', "
        "'2026-11-20T09:30:00+00:00', 0, NULL, '2026-11-20T09:12:30.250000+00:00', 'learner', "
        "'2', '2', 1, 0, 0)"
    )
    conn.execute(
        "INSERT INTO exam_question (exam_id, position, deck_id, card_id, question, "
        "correct_option, chosen, chosen_option, answered_at, visited, time_spent_ms) "
        "VALUES (1, 0, 'geo', 'capital', ?, 'Paris', 0, 'Paris', "
        "'2026-11-20T09:05:00+00:00', 1, 300000)",
        (json.dumps(QUESTION),),
    )
    conn.executemany(
        "INSERT INTO exam_answer (exam_id, position, at, action, chosen) VALUES (1, 0, ?, ?, ?)",
        [("2026-11-20T09:04:00+00:00", "answer", 1), ("2026-11-20T09:05:00+00:00", "answer", 0)],
    )
    conn.execute("INSERT INTO setting VALUES ('fsrs_parameters', '[1, 2]')")
    conn.close()


def ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def test_an_older_database_with_exams_keeps_them_with_times_in_milliseconds(tmp_path):
    path = tmp_path / "progress.sqlite3"
    v3_database_with_an_exam(path)

    with Store.open(path, clock=FixedClock(NOW)) as store:
        [paper] = store.exams.papers("exam", None)
        [slot] = store.exams.slots(1)
        events = store.exams.answer_events(1)
        saved = store.setting("fsrs_parameters")

    at = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    # id, mode, title, selection, seed, marking, started, deadline, position, shown, submitted
    assert paper[:11] == (
        1,
        "exam",
        "Week 1",
        "{}",
        None,
        "2,-2/3,0",
        ms(at),
        ms(at + dt.timedelta(minutes=30)),
        0,
        None,
        ms(at + dt.timedelta(minutes=12, seconds=30, milliseconds=250)),
    )
    assert paper[11:] == ("learner", 1, "2", "2", 1, 0, 0)  # by, questions, marks, counts
    assert slot[0] == 0 and json.loads(slot[1]) == QUESTION
    assert slot[2:] == (0, ms(at + dt.timedelta(minutes=5)), 0, 1, 300000, None)
    assert events == [
        (0, ms(at + dt.timedelta(minutes=4)), "answer", 1),
        (0, ms(at + dt.timedelta(minutes=5)), "answer", 0),
    ]
    assert saved == "[1, 2]"  # the setting table made before V4 is kept as it was
    # Backed up first, as the release before left it.
    [backup] = list_backups(path)
    assert backup.reason == f"before-v{LATEST}"
    with sqlite3.connect(backup.path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 3
        assert old.execute("SELECT started_at FROM exam").fetchone()[0].startswith("2026-11-20T")
    with sqlite3.connect(path) as new:
        assert (
            new.execute("SELECT typeof(started_at), typeof(at) FROM exam, exam_answer").fetchall()
            == [("integer", "integer")] * 2
        )
        assert new.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not {t for t in tables if t.endswith("_iso")}


def test_a_new_database_has_every_table_at_the_latest_version(conn):
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"card", "review_log", "card_report", "setting", "exam", "exam_question"} <= tables
    assert "exam_answer" in tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_database_at_v6_keeps_its_changes_and_syncs_again_at_v7(tmp_path):
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:6]:  # the release with card.changed_at, before kinds and ranks
        step(conn)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(
        "INSERT INTO card (deck_id, card_id, content_hash, tags, studyable, position, "
        "changed_at) VALUES ('geo', 'capital', 'h1', ' maps ', 1, 0, ?)",
        (ms(NOW - dt.timedelta(days=2)),),
    )
    conn.execute("INSERT INTO deck_sync VALUES ('geo', 'digest', ?)", (ms(NOW),))
    conn.close()

    with Store.open(path, clock=FixedClock(NOW)) as store:
        assert store.deck_digest("geo") is None  # every deck registers again, ranks filled in
        [(_, before)] = store.content_changes("geo").values()
        assert before == NOW - dt.timedelta(days=2)  # the change recorded at V6 is kept
        store.sync_deck(
            "geo", [("capital", "h2", [], ["maps"], True, "mcq"), ("river", "h3", [], [], True)]
        )
        changes = store.content_changes("geo")
        assert changes["capital"] == ("h2", NOW) and changes["river"] == ("h3", NOW)
        assert [k.card_id for k in store.study_queue(["geo"])] == ["capital", "river"]
    with sqlite3.connect(path) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == LATEST == 7
        indexes = {r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"card_new", "card_study"} <= indexes and "card_queue" not in indexes
        assert new.execute("SELECT kind FROM card WHERE card_id = 'capital'").fetchone() == ("mcq",)


def test_a_new_database_has_the_columns_of_v6_and_v7(conn):
    columns = {r[1] for r in conn.execute("PRAGMA table_info(card)")}
    assert {"changed_at", "kind", "siblings", "rank"} <= columns
