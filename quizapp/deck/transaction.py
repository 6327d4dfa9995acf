"""The one way to write to an SQLite database of quizapp's, the progress database and the
deck cache alike: `transaction`. It lives in the lowest layer so that both can use it."""

from __future__ import annotations

import sqlite3


class NestedTransactionError(RuntimeError):
    """A write began while another was open on the same connection: a bug, never data."""


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
