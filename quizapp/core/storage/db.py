"""Opening the progress database (written only through `quizapp.deck.transaction`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from time import sleep

from quizapp.core.storage.migrations import LATEST, MIGRATIONS
from quizapp.deck.transaction import transaction


class StoreError(Exception):
    """The progress database cannot be used; the message says which file and what to do."""


class NewerDatabaseError(StoreError):
    pass


class NotQuizappError(StoreError):
    """An SQLite database of another program: never migrated, never written."""


def open_database(path: Path | str) -> sqlite3.Connection:
    """The database at ``path`` (created if missing), migrated to the latest schema.

    Raises NewerDatabaseError for a file from a newer quizapp, NotQuizappError for another
    program's database and StoreError for a file that is not an SQLite database; none is
    changed.
    """
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        # Before anything is written (even the journal mode, kept in the file's header).
        problem = foreign_problem(conn)
        if problem is not None:
            raise NotQuizappError(problem)
        _use_wal(conn)
        # FULL: the answer survives power loss too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        # Migrations rebuild tables; with foreign keys on, dropping the old copy of a parent
        # table would cascade into the new copy of its children.
        migrate(conn)
        conn.execute("PRAGMA foreign_keys = ON")
    except (NewerDatabaseError, NotQuizappError) as error:
        conn.close()
        raise type(error)(f"{path}: {error}") from None
    except sqlite3.DatabaseError as error:
        conn.close()
        if error.sqlite_errorname not in {"SQLITE_NOTADB", "SQLITE_CORRUPT"}:
            raise
        raise StoreError(
            f"{path}: not a quizapp progress database ({error}); "
            "move it aside, or choose another file with --db or $QUIZAPP_DB"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


# Tables every quizapp database has had since its first schema version.
_OWN_TABLES = {"card", "review_log"}


def foreign_problem(conn: sqlite3.Connection) -> str | None:
    """Why the open database is not quizapp's, or None: only an empty database (no tables,
    version 0) or one with quizapp's own tables is taken."""
    # Both read in one snapshot: another quizapp creating the same new file at the same time
    # commits its tables and their version together, never seen apart.
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
            )
        }
    finally:
        if own:
            conn.execute("COMMIT")
    if (version == 0 and not tables) or (version > 0 and tables >= _OWN_TABLES):
        return None
    if version > LATEST and not tables:
        return None  # nothing to change either way: named as a newer quizapp's
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    return (
        f"this is not a quizapp progress database (tables: {shown or 'none'}; schema version "
        f"{version}); another program's file is never changed: choose another file with --db "
        "or $QUIZAPP_DB"
    )


def read_only_uri(path: Path) -> str:
    """A URI opening the file read-only without creating anything beside it.

    SQLite makes -wal and -shm files to read a database in WAL mode; when there is no -wal
    (no writer has it open, nothing left to replay) the file is complete on its own, and
    read as immutable nothing is created.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with path.open("rb") as file:
            header = file.read(20)
    except OSError:
        return uri
    wal = header[18:20] == b"\x02\x02"
    if wal and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def peek_database(path: Path | str) -> sqlite3.Connection | None:
    """The database opened read-only; None unless it exists at the current schema.

    Nothing is created, migrated or written, so the real opening (with its checks and
    backups) decides the rest.
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] == LATEST:
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None


def copy_into_memory(path: Path | str) -> sqlite3.Connection:
    """The database as it is on disk, copied into memory and migrated there; the file is only
    read (nothing is created beside it). Empty when it is missing, unreadable or not ours."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    path = Path(path)
    if path.is_file() and path.stat().st_size > 0:
        try:
            with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=2)) as disk:
                if foreign_problem(disk) is None:
                    disk.backup(memory)
        except sqlite3.Error:
            pass  # nothing to copy: studying starts afresh, and is not saved either way
    migrate(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    return memory


def _use_wal(conn: sqlite3.Connection, patience_s: float = 30.0) -> None:
    """Switch to WAL, waiting while another process holds the database.

    Unlike other statements, this one can fail at once with "database is locked" (SQLite
    skips its busy handler here to avoid a deadlock) when two windows start together, so
    it is retried as the busy handler would.
    """
    delay, waited = 0.001, 0.0
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if not error.sqlite_errorname.startswith("SQLITE_BUSY") or waited >= patience_s:
                raise
        sleep(delay)
        waited += delay
        delay = min(delay * 2, 0.05)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest schema, one transaction a step; returns the version
    it had. (Backups before a migration are taken by quizapp.core.backup.open_store.)"""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > LATEST:
        raise NewerDatabaseError(
            f"the progress database is from a newer quizapp (schema {found}, this one knows "
            f"{LATEST}): upgrade quizapp"
        )
    for version in range(found, LATEST):
        with transaction(conn):
            # Another process may have migrated while we waited for the lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] > version:
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return found
