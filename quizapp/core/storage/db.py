"""Opening the progress database, and the one way to write to it: `transaction`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from time import sleep

from quizapp.core.storage.migrations import LATEST, MIGRATIONS


class StoreError(Exception):
    """The progress database cannot be used; the message says which file and what to do."""


class NewerDatabaseError(StoreError):
    pass


class NotQuizappError(StoreError):
    """An SQLite database of another program: never migrated, never written."""


class NestedTransactionError(RuntimeError):
    """A write began while another was open on the same connection: a bug, never data."""


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


class _Transaction:
    """The context of ``transaction``: a class rather than a generator, since it wraps every
    answer and a generator's machinery costs as much as a statement."""

    __slots__ = ("_conn", "_begin")

    def __init__(self, conn: sqlite3.Connection, begin: str) -> None:
        self._conn, self._begin = conn, begin

    def __enter__(self) -> sqlite3.Connection:
        conn = self._conn
        if conn.in_transaction:
            raise NestedTransactionError("a transaction is already open on this connection")
        conn.execute(self._begin)
        return conn

    def __exit__(self, kind: type[BaseException] | None, error: object, trace: object) -> None:
        conn = self._conn
        if kind is None:
            try:
                conn.execute("COMMIT")
                return
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def transaction(conn: sqlite3.Connection, *, write: bool = True) -> _Transaction:
    """One durable step: all of it is committed, or none of it.

    Refuses to begin inside another transaction (folding one step into a caller's, or
    committing the caller's half-done work, would both break someone's atomicity). When
    COMMIT itself fails the transaction is rolled back, so the connection is never left
    inside it. ``write=False`` takes a consistent read (BEGIN DEFERRED) without the lock.
    """
    return _Transaction(conn, "BEGIN IMMEDIATE" if write else "BEGIN")


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
