"""Named settings kept in the database (the `setting` table): JSON text by name."""

from __future__ import annotations

import sqlite3


def get(db: sqlite3.Connection, name: str) -> str | None:
    row = db.execute("SELECT value FROM setting WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def put(db: sqlite3.Connection, name: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO setting (name, value) VALUES (?, ?)", (name, value))


def remove(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("DELETE FROM setting WHERE name = ?", (name,)).rowcount > 0
