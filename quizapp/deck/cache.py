"""Compiled decks: every checked deck file, kept in one SQLite file in the cache folder.

A deck file is compiled once per content: keyed by the hash of its bytes (and of every
document whose quotes were checked: a changed document is a miss), the cache keeps the deck's
header and, per card, what the queues, the start-up and the distractor pools read (id, kind,
status, tags, content hash, line, prompt) beside its body as JSON. An unchanged deck is then
neither parsed, validated nor hashed again, and a card's body is read when it is shown.

The file is the deck layer's own and can always be rebuilt: never backed up or migrated. A
cache from another format version, or one that cannot be read, is thrown away and compiled
again; one that cannot be written only costs speed. A deck file's key is found without
reading it when its size and times are those recorded with the key, as git does: a file
changed within the same second as it was recorded is hashed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from quizapp.deck.paths import cache_dir

FORMAT_VERSION = 3

SCHEMA = """
CREATE TABLE file (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER,
    key TEXT NOT NULL, seen_ns INTEGER NOT NULL
);
CREATE TABLE deck (
    key TEXT PRIMARY KEY, deck_id TEXT NOT NULL, title TEXT NOT NULL, header TEXT NOT NULL,
    warnings TEXT NOT NULL, documents TEXT NOT NULL, cards INTEGER NOT NULL,
    studyable INTEGER NOT NULL, tags TEXT NOT NULL
);
CREATE TABLE card (
    key TEXT NOT NULL, card_id TEXT NOT NULL, position INTEGER NOT NULL, line INTEGER NOT NULL,
    kind TEXT NOT NULL, studyable INTEGER NOT NULL, content_hash TEXT NOT NULL,
    previous_ids TEXT NOT NULL, tags TEXT NOT NULL, siblings TEXT, quote TEXT,
    document TEXT, prompt TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (key, card_id)
) WITHOUT ROWID;
CREATE INDEX card_order ON card (key, position);
CREATE TABLE pool (
    key TEXT NOT NULL, answer_type TEXT NOT NULL, text TEXT NOT NULL, card_id TEXT NOT NULL,
    tags TEXT NOT NULL, is_answer INTEGER NOT NULL
);
CREATE INDEX pool_type ON pool (answer_type, key);
"""

_lock = threading.Lock()
_connections: dict[Path, sqlite3.Connection] = {}


def cache_file() -> Path:
    return cache_dir() / f"decks-v{FORMAT_VERSION}.sqlite3"


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # a cache lost in a crash is compiled again
    if conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT_VERSION:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return conn


def connection() -> sqlite3.Connection | None:
    """The cache, opened once per process; a broken file is removed and made again; None
    when the cache folder cannot be written."""
    path = cache_file()
    with _lock:
        conn = _connections.get(path)
        if conn is not None:
            return conn
        for _attempt in range(2):
            try:
                conn = _open(path)
                break
            except (OSError, sqlite3.Error):
                for leftover in (path, path.with_name(path.name + "-wal")):
                    with suppress(OSError):
                        leftover.unlink()
                conn = None
        if conn is not None:
            _connections[path] = conn
        return conn


def close_all() -> None:
    with _lock:
        for conn in _connections.values():
            conn.close()
        _connections.clear()


def file_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def known_key(path: Path) -> str | None:
    """The key recorded for the deck file when its size and times are still those seen. A
    file recorded within a second of its last change (it could have changed again unseen
    in the same tick) is read and hashed to be sure."""
    conn = connection()
    if conn is None:
        return None
    try:
        stat = path.stat()
        row = conn.execute(
            "SELECT key, seen_ns > mtime_ns + 1000000000 FROM file WHERE path = ? AND size = ? "
            "AND mtime_ns = ? AND ctime_ns = ? AND inode = ?",
            (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino),
        ).fetchone()
        if row is None:
            return None
        key, settled = row
        if not settled and file_hash(path.read_bytes()) != key:
            return None
    except (OSError, sqlite3.Error):
        return None
    return key


def remember_key(path: Path, key: str, stat: os.stat_result) -> None:
    conn = connection()
    if conn is None:
        return
    with suppress(sqlite3.Error, OSError):
        conn.execute(
            "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                str(path.resolve()),
                stat.st_size,
                stat.st_mtime_ns,
                stat.st_ctime_ns,
                stat.st_ino,
                key,
                _now_ns(),
            ),
        )


def _now_ns() -> int:
    import time

    return time.time_ns()


class Compiled:
    """One compiled deck in the cache: its header at hand, its cards read when asked for."""

    def __init__(self, key: str, row: tuple) -> None:
        self.key = key
        deck_id, title, header, warnings, documents, cards, studyable, tags = row
        self.deck_id: str = deck_id
        self.title: str = title
        self.header: dict[str, Any] = json.loads(header)
        self.warnings: list[dict] = json.loads(warnings)
        self.documents: dict[str, str] = json.loads(documents)
        self.card_count: int = cards
        self.studyable_count: int = studyable
        self.tags: list[str] = json.loads(tags)

    def _conn(self) -> sqlite3.Connection:
        conn = connection()
        if conn is None:
            raise LookupError("the deck cache is gone")
        return conn

    def body(self, card_id: str) -> dict | None:
        row = (
            self._conn()
            .execute("SELECT body FROM card WHERE key = ? AND card_id = ?", (self.key, card_id))
            .fetchone()
        )
        return None if row is None else json.loads(row[0])

    def bodies(self) -> list[dict]:
        return [
            json.loads(body)
            for (body,) in self._conn().execute(
                "SELECT body FROM card WHERE key = ? ORDER BY position", (self.key,)
            )
        ]

    def lines(self) -> dict[str, int]:
        return dict(
            self._conn().execute(
                "SELECT card_id, line FROM card WHERE key = ? AND line > 0", (self.key,)
            )
        )

    def sync_rows(self) -> list[tuple]:
        """(card id, content hash, previous ids, tags, studyable, kind, siblings, quote,
        document) in file order: what the progress database registers of each card."""
        return [
            (card_id, content, previous.split(), tags.split(), bool(study), *rest)
            for card_id, content, previous, tags, study, *rest in self._conn().execute(
                "SELECT card_id, content_hash, previous_ids, tags, studyable, kind, siblings, "
                "quote, document FROM card WHERE key = ? ORDER BY position",
                (self.key,),
            )
        ]

    def prompt(self, card_id: str) -> tuple[str, str] | None:
        """(kind, prompt) of a card, without its body."""
        return (
            self._conn()
            .execute(
                "SELECT kind, prompt FROM card WHERE key = ? AND card_id = ?", (self.key, card_id)
            )
            .fetchone()
        )


def get(key: str) -> Compiled | None:
    conn = connection()
    if conn is None:
        return None
    try:
        row = conn.execute(
            "SELECT deck_id, title, header, warnings, documents, cards, studyable, tags "
            "FROM deck WHERE key = ?",
            (key,),
        ).fetchone()
        return None if row is None else Compiled(key, row)
    except (sqlite3.Error, ValueError):
        return None


def compiled_decks(deck_files: Iterable[Path]) -> list[Compiled] | None:
    """The compiled deck of every file, in order (the first of each deck id), when each is
    compiled as the file is now; else None: the decks must be loaded to know them."""
    decks: dict[str, Compiled] = {}
    for path in deck_files:
        key = known_key(path)
        compiled = None if key is None else get(key)
        if compiled is None:
            return None
        decks.setdefault(compiled.deck_id, compiled)
    return list(decks.values())


def put(
    key: str,
    header: dict[str, Any],
    cards: Iterable[dict[str, Any]],
    pool: Iterable[tuple[str, str, str, str, int]],
    warnings: list[dict],
    documents: dict[str, str],
) -> Compiled | None:
    """Record a checked deck: ``cards`` are dicts of the card table's columns (key aside),
    ``pool`` (answer type, text, card id, tags, is answer) rows; ids and tags hold no spaces,
    so lists of them are kept space-separated."""
    conn = connection()
    if conn is None:
        return None
    cards = list(cards)
    tags = sorted({t for c in cards for t in c["tags"].split()})
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in ("deck", "card", "pool"):
                conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
            conn.execute(
                "INSERT INTO deck VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    header["id"],
                    header["title"],
                    json.dumps(header, ensure_ascii=False),
                    json.dumps(warnings, ensure_ascii=False),
                    json.dumps(documents),
                    len(cards),
                    sum(1 for c in cards if c["studyable"]),
                    json.dumps(tags, ensure_ascii=False),
                ),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO card VALUES (:key, :card_id, :position, :line, :kind, "
                ":studyable, :content_hash, :previous_ids, :tags, :siblings, :quote, :document, "
                ":prompt, :body)",
                ({**c, "key": key} for c in cards),
            )
            conn.executemany(
                "INSERT INTO pool VALUES (?, ?, ?, ?, ?, ?)", ((key, *p) for p in pool)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.Error:
        return None  # a cache that cannot be written only costs speed
    return get(key)


def forget_unused(keys: Iterable[str]) -> None:
    """Drop compiled decks no listed deck file has (old versions of edited files)."""
    conn = connection()
    if conn is None:
        return
    wanted = set(keys) | {k for (k,) in conn.execute("SELECT key FROM file")}
    stale = [k for (k,) in conn.execute("SELECT key FROM deck") if k not in wanted]
    with suppress(sqlite3.Error):
        for key in stale:
            for table in ("deck", "card", "pool"):
                conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))


def pool_rows(keys: list[str], answer_type: str) -> Iterator[tuple[str, str, str, str, int]]:
    """(key, text, card id, tags space-separated, is answer) of the answer type in the given
    decks."""
    conn = connection()
    if conn is None or not keys:
        return iter(())
    marks = ",".join("?" * len(keys))
    return conn.execute(
        f"SELECT key, text, card_id, tags, is_answer FROM pool WHERE answer_type = ? "
        f"AND key IN ({marks})",
        (answer_type, *keys),
    )
