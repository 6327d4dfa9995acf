"""Backups of the progress database, restoring them, and a broken database named, never touched."""

import sqlite3
import textwrap
from datetime import UTC, datetime

import pytest

from quizapp.core import backup
from quizapp.core.backup import (
    BackupError,
    BrokenDatabaseError,
    backup_now,
    list_backups,
    restore,
)
from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.settings import Settings
from quizapp.core.storage.migrations import LATEST
from quizapp.core.store import CardKey, DeckCard, Rating, Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)
DECK = textwrap.dedent(
    """\
    id: geo
    title: Capitals
    cards:
      - {id: a, kind: basic, question: Capital of France?, answer: Paris}
      - {id: b, kind: basic, question: Capital of Italy?, answer: Rome}
    """
)


@pytest.fixture
def clock():
    return FixedClock(NOW)


@pytest.fixture
def db(tmp_path, clock):
    """A progress database with three answers."""
    path = tmp_path / "data" / "progress.sqlite3"
    with Store.open(path, clock=clock, settings=SETTINGS) as store:
        store.sync_deck(
            "geo", [DeckCard("a", "h1", [], [], True), DeckCard("b", "h2", [], [], True)]
        )
        store.answer(CardKey("geo", "a"), Rating.good)
        store.answer(CardKey("geo", "b"), Rating.again)
        store.answer(CardKey("geo", "a"), Rating.good)
    return path


def reviews(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]


def names(db) -> list[str]:
    return [info.path.name for info in list_backups(db)]


def test_a_backup_is_a_verified_copy_named_by_time_and_reason(db, clock):
    made = backup_now(db, "manual", clock=clock)
    assert made == db.parent / "backups" / "progress-20261125T093000Z-manual.sqlite3"
    assert reviews(made) == 3
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no temp file left
    again = backup_now(db, "manual", clock=clock)  # the same second: numbered, after it
    assert names(db) == [made.name, "progress-20261125T093000Z-manual.2.sqlite3"]
    assert again.name == names(db)[-1]


def test_only_the_newest_backups_are_kept(db, clock):
    for hour in range(5):
        clock.set(datetime(2026, 11, 20 + hour, 8, tzinfo=UTC))
        backup_now(db, "daily", clock=clock, keep=3)
    assert names(db) == [
        "progress-20261122T080000Z-daily.sqlite3",
        "progress-20261123T080000Z-daily.sqlite3",
        "progress-20261124T080000Z-daily.sqlite3",
    ]


def test_a_failed_backup_prunes_nothing_and_leaves_no_file(db, clock, monkeypatch):
    backup_now(db, "daily", clock=clock, keep=1)
    before = names(db)
    monkeypatch.setattr(backup, "_integrity", lambda conn: "*** page 3 is never used")
    clock.advance(days=1)
    with pytest.raises(BackupError) as failed:
        backup_now(db, "daily", clock=clock, keep=1)
    assert str(failed.value) == (
        f"{db}: the copy failed its integrity check (*** page 3 is never used)"
    )
    assert names(db) == before
    assert sorted(p.name for p in (db.parent / "backups").iterdir()) == before


def test_opening_backs_up_once_a_day(db, clock):
    for _ in range(2):
        Store.open(db, clock=clock, settings=SETTINGS).close()
    assert names(db) == ["progress-20261125T093000Z-daily.sqlite3"]
    clock.set(datetime(2026, 11, 25, 23, 59, tzinfo=UTC))
    Store.open(db, clock=clock, settings=SETTINGS).close()
    clock.set(datetime(2026, 11, 26, 0, 1, tzinfo=UTC))
    Store.open(db, clock=clock, settings=SETTINGS).close()
    assert names(db) == [
        "progress-20261125T093000Z-daily.sqlite3",
        "progress-20261126T000100Z-daily.sqlite3",
    ]


def test_a_new_database_is_not_backed_up(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    Store.open(db, clock=clock, settings=SETTINGS).close()
    assert names(db) == []


def test_opening_an_older_database_backs_it_up_before_migrating(db, clock):
    with sqlite3.connect(db) as conn:  # as an older quizapp left it: V3 not yet applied
        conn.execute("DROP TABLE card_report")
        for index in ("card_study", "card_new"):  # V7's, on columns V3 and V7 add
            conn.execute(f"DROP INDEX {index}")
        conn.execute(  # V1's, which V7 replaces
            "CREATE INDEX card_queue ON card (deck_id, state, due) WHERE present AND studyable"
        )
        for column in ("kind", "siblings", "rank", "suspended", "buried_until", "flag", "leech"):
            conn.execute(f"ALTER TABLE card DROP COLUMN {column}")
        conn.execute("ALTER TABLE card DROP COLUMN changed_at")
        conn.execute("PRAGMA user_version = 2")
    backup_now(db, "manual", clock=clock)  # today's backup exists: the daily one is not due
    Store.open(db, clock=clock, settings=SETTINGS).close()
    upgrade = f"progress-20261125T093000Z-before-v{LATEST}.sqlite3"
    assert names(db) == ["progress-20261125T093000Z-manual.sqlite3", upgrade]
    with sqlite3.connect(db.parent / "backups" / upgrade) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_collection_open_takes_the_daily_backup(tmp_path, db, clock):
    (tmp_path / "geo.yaml").write_text(DECK)
    Collection.open([tmp_path / "geo.yaml"], db, clock=clock, settings=SETTINGS).close()
    assert names(db) == ["progress-20261125T093000Z-daily.sqlite3"]


# -- restoring ---------------------------------------------------------------------------------


def test_restore_after_the_database_was_deleted(db, clock):
    backup_now(db, "daily", clock=clock)
    db.unlink()
    clock.advance(hours=1)
    result = restore(db, clock=clock)
    assert result.restored_from.name == "progress-20261125T093000Z-daily.sqlite3"
    assert (result.reviews, result.kept) == (3, None)
    with Store.open(db, clock=clock, settings=SETTINGS) as store:
        assert [(r.key.card_id, r.rating) for r in store.review_log()] == [
            ("a", Rating.good),
            ("b", Rating.again),
            ("a", Rating.good),
        ]


def test_restore_after_the_database_was_truncated(db, clock):
    backup_now(db, "daily", clock=clock)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    clock.advance(hours=1)
    result = restore(db, clock=clock)
    assert result.reviews == 3
    # The damaged file is kept beside it, byte for byte, never deleted.
    assert result.kept == db.with_name("progress.sqlite3.damaged-20261125T103000Z")
    assert result.kept.read_bytes() == data[: len(data) // 2]
    with Store.open(db, clock=clock, settings=SETTINGS) as store:
        assert len(store.review_log()) == 3


def test_restore_backs_up_the_current_database_first(db, clock):
    old = backup_now(db, "manual", clock=clock)
    clock.advance(hours=1)
    with Store.open(db, clock=clock, settings=SETTINGS) as store:
        store.answer(CardKey("geo", "b"), Rating.good)
    clock.advance(hours=1)
    result = restore(db, old.name, clock=clock)
    assert result.reviews == 3 and reviews(db) == 3
    assert result.kept == db.parent / "backups" / "progress-20261125T113000Z-before-restore.sqlite3"
    assert reviews(result.kept) == 4  # the answer given since is not lost


def test_restore_refuses_while_the_database_is_being_written(db, clock):
    backup_now(db, "daily", clock=clock)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BackupError) as refused:
            restore(db, clock=clock)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert str(refused.value) == (
        f"{db}: the progress database is locked by another program: close quizapp first "
        "(every window), then restore again; nothing was changed"
    )
    assert names(db) == ["progress-20261125T093000Z-daily.sqlite3"]


def test_restore_of_an_unknown_backup_names_the_folder(db, clock):
    with pytest.raises(BackupError) as missing:
        restore(db, "progress-nope.sqlite3", clock=clock)
    assert str(missing.value) == (
        f"{db.parent / 'backups'}: no backup named 'progress-nope.sqlite3'; "
        "`quizapp backup --list` lists them"
    )


# -- a broken database ---------------------------------------------------------------------------


def test_a_truncated_database_is_named_and_left_as_it_is(db, clock):
    backup_now(db, "daily", clock=clock)
    db.write_bytes(db.read_bytes()[:5000])
    damaged = db.read_bytes()
    with pytest.raises(BrokenDatabaseError) as broken:
        Store.open(db, clock=clock, settings=SETTINGS)
    assert str(broken.value) == (
        f"{db}: the progress database is cut short (the file is smaller than its own header "
        "says): it was damaged, perhaps while being copied. The file was left as it is. "
        "The latest backup is progress-20261125T093000Z-daily.sqlite3 (2026-11-25 09:30 UTC); "
        "bring it back with `quizapp restore --latest`."
    )
    assert db.read_bytes() == damaged
    assert names(db) == ["progress-20261125T093000Z-daily.sqlite3"]  # no backup of the damage


def test_a_file_that_is_not_a_database_is_named_and_left_as_it_is(tmp_path, clock):
    db = tmp_path / "progress.sqlite3"
    db.write_text("id: geo\ntitle: a deck saved here by mistake\n")
    (tmp_path / "geo.yaml").write_text(DECK)
    with pytest.raises(BrokenDatabaseError) as broken:
        Collection.open([tmp_path / "geo.yaml"], db, clock=clock, settings=SETTINGS)
    assert str(broken.value) == (
        f"{db}: this file is not a quizapp progress database (not an SQLite file at all). "
        "The file was left as it is. No backup of it was found: move it aside to start "
        "afresh, or choose another file with --db or $QUIZAPP_DB."
    )
    assert db.read_text() == "id: geo\ntitle: a deck saved here by mistake\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geo.yaml", "progress.sqlite3"]


def test_a_database_from_a_newer_quizapp_says_upgrade(db, clock):
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    before = db.read_bytes()
    with pytest.raises(BrokenDatabaseError) as broken:
        Store.open(db, clock=clock, settings=SETTINGS)
    assert str(broken.value) == (
        f"{db}: the progress database is from a newer quizapp (schema {LATEST + 1}, this one "
        f"knows {LATEST}): upgrade quizapp. The file was left as it is."
    )
    assert db.read_bytes() == before and names(db) == []


def test_a_locked_database_says_close_quizapp_first(db, clock):
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, readers shut out
    try:
        before = db.read_bytes()
        with pytest.raises(BrokenDatabaseError) as broken:
            Store.open(db, clock=clock, settings=SETTINGS)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(broken.value) == (
        f"{db}: the progress database is locked by another program: close quizapp first "
        "(every window). The file was left as it is."
    )
    assert db.read_bytes() == before
