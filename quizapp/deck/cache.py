"""Compiled decks: every checked deck file, kept in one SQLite file in the cache folder.

A deck file is compiled once per content: keyed by the hash of its bytes (and of every
document whose quotes were checked: a changed document is a miss), the cache keeps the deck's
header and, per card, what the queues, the start-up and the distractor pools read (id, kind,
status, tags, content hash, line, prompt) beside its body as JSON. An unchanged deck is then
neither parsed, validated nor hashed again, and a card's body is read when it is shown.

The card browser lists cards from the same rows (with each card's answer as plain text) and
finds the words of a search through an FTS5 index of each card's search text (id, question,
answer, explanation), made for a deck the first time it is searched.

The file is the deck layer's own and can always be rebuilt: never backed up or migrated. A
cache from another format version, or one that cannot be read, is thrown away and compiled
again; one that cannot be written only costs speed. A deck file's key is found without
reading it when its size and times are those recorded with the key, as git does: a file
changed within the same second as it was recorded is hashed again.

A deck compiled for content no deck file has any more (the file was edited, or removed) is
removed a day later, when something is next compiled, and the file gives the space back: the
cache holds the decks as they are, not every version they had. The day lets an app opened
before the change go on reading that deck's cards.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from quizapp.deck.paths import cache_dir
from quizapp.deck.transaction import transaction

FORMAT_VERSION = 7
# A compiled deck no deck file has had for this long is removed (see remove_unused).
KEEP_UNUSED_NS = 24 * 3600 * 10**9

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
    document TEXT, prompt TEXT NOT NULL, answer TEXT NOT NULL, valid_until TEXT,
    body TEXT NOT NULL, rank INTEGER NOT NULL,
    PRIMARY KEY (key, card_id)
) WITHOUT ROWID;
CREATE INDEX card_order ON card (key, position);
-- What choosing a quiz's cards reads, without a page of the cards' bodies (study_rows).
CREATE INDEX card_study ON card (key, studyable, position, card_id, kind, tags, siblings, quote,
    document);
CREATE TABLE card_words (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, card_id TEXT NOT NULL, plain INTEGER NOT NULL,
    words TEXT NOT NULL
);
CREATE INDEX card_words_card ON card_words (key, card_id);
CREATE INDEX card_words_unusual ON card_words (id) WHERE NOT plain;
CREATE VIRTUAL TABLE words_index USING fts5(
    words, content = 'card_words', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE words_vocabulary USING fts5vocab(words_index, 'row');
CREATE TABLE words_indexed (key TEXT PRIMARY KEY);
CREATE TABLE word (term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE pool (
    key TEXT NOT NULL, answer_type TEXT NOT NULL, text TEXT NOT NULL, card_id TEXT NOT NULL,
    tags TEXT NOT NULL, is_answer INTEGER NOT NULL
);
CREATE INDEX pool_type ON pool (answer_type, key);
-- Compiled decks no deck file has any more, since when: removed once unused for a day.
CREATE TABLE unused (key TEXT PRIMARY KEY, since_ns INTEGER NOT NULL);
"""

_lock = threading.Lock()
_connections: dict[Path, sqlite3.Connection] = {}
# One connection serves every thread: one transaction at a time on it (a deck compiled while a
# search in a worker indexes another).
_writing = threading.RLock()


def cache_file() -> Path:
    return cache_dir() / f"decks-v{FORMAT_VERSION}.sqlite3"


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    # Set before anything is written to a new file (a no-op on one made already): the space of
    # removed decks is given back to the disk.
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # a cache lost in a crash is compiled again
    if conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT_VERSION:
        with transaction(conn):
            if conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT_VERSION:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        _forget_old_formats(path)
    return conn


def _forget_old_formats(path: Path) -> None:
    """Remove the caches of earlier format versions: never read again, and as big as the
    decks."""
    for old in path.parent.glob("decks-v*.sqlite3*"):
        if not old.name.startswith(path.name):
            with suppress(OSError):
                old.unlink()


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
    """Record the key of the deck file as it is now; the deck it had before, if no other file
    has it, is unused from now (see remove_unused)."""
    conn = connection()
    if conn is None:
        return
    where = str(path.resolve())
    with suppress(sqlite3.Error, OSError), _writing, transaction(conn):
        before = conn.execute("SELECT key FROM file WHERE path = ?", (where,)).fetchone()
        conn.execute(
            "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                where,
                stat.st_size,
                stat.st_mtime_ns,
                stat.st_ctime_ns,
                stat.st_ino,
                key,
                _now_ns(),
            ),
        )
        conn.execute("DELETE FROM unused WHERE key = ?", (key,))
        if before is not None and before[0] != key:
            _mark_unused(conn, before[0], _now_ns())


def _mark_unused(conn: sqlite3.Connection, key: str, now_ns: int) -> None:
    """The compiled deck ``key`` is unused from ``now_ns`` unless a deck file still has it."""
    conn.execute(
        "INSERT OR IGNORE INTO unused SELECT ?, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM file WHERE key = ?)",
        (key, now_ns, key),
    )


def remove_unused(now_ns: int | None = None) -> int:
    """Remove the compiled decks no deck file has had for KEEP_UNUSED_NS (a file no longer
    there has none), give their space back, and return how many were removed."""
    conn = connection()
    if conn is None:
        return 0
    now_ns = _now_ns() if now_ns is None else now_ns
    removed = 0
    with suppress(sqlite3.Error, OSError):
        # Looked at first without the write lock: mostly there is nothing to do, and compiling
        # children would wait on each other's decks for it.
        paths = [where for (where,) in conn.execute("SELECT path FROM file")]
        due = conn.execute(
            "SELECT 1 FROM unused WHERE since_ns <= ? LIMIT 1", (now_ns - KEEP_UNUSED_NS,)
        ).fetchone()
        if due is None and all(os.path.exists(where) for where in paths):
            return 0
    with suppress(sqlite3.Error, OSError), _writing:
        with transaction(conn):
            for where, key in conn.execute("SELECT path, key FROM file").fetchall():
                if not os.path.exists(where):
                    conn.execute("DELETE FROM file WHERE path = ?", (where,))
                    _mark_unused(conn, key, now_ns)
            stale = conn.execute(
                "SELECT key FROM unused WHERE since_ns <= ? "
                "AND NOT EXISTS (SELECT 1 FROM file WHERE file.key = unused.key)",
                (now_ns - KEEP_UNUSED_NS,),
            ).fetchall()
            for (key,) in stale:
                _drop(conn, key)
                conn.execute("DELETE FROM unused WHERE key = ?", (key,))
        removed = len(stale)
        if removed:
            # Run to its end as a script: stepped once, as execute() does, it frees one page.
            conn.executescript("PRAGMA incremental_vacuum;")
    return removed


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
        document, rank among the new cards) in file order: what the progress database
        registers of each card."""
        return [
            (card_id, content, previous.split(), tags.split(), bool(study), *rest)
            for card_id, content, previous, tags, study, *rest in self._conn().execute(
                "SELECT card_id, content_hash, previous_ids, tags, studyable, kind, siblings, "
                "quote, document, rank FROM card WHERE key = ? ORDER BY position",
                (self.key,),
            )
        ]

    def study_rows(self) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
        """(card id, kind, tags space-separated, siblings, quote, document) of each studyable
        card in file order: what choosing a quiz's cards reads, without the cards' bodies."""
        return (
            self._conn()
            .execute(
                "SELECT card_id, kind, tags, siblings, quote, document FROM card "
                "WHERE key = ? AND studyable = 1 ORDER BY position",
                (self.key,),
            )
            .fetchall()
        )

    def prompt(self, card_id: str) -> tuple[str, str, str] | None:
        """(kind, prompt, answer as plain text) of a card, without its body."""
        return (
            self._conn()
            .execute(
                "SELECT kind, prompt, answer FROM card WHERE key = ? AND card_id = ?",
                (self.key, card_id),
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
        with _writing, transaction(conn):
            _drop(conn, key)
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
                ":prompt, :answer, :valid_until, :body, :rank)",
                ({**c, "key": key} for c in cards),
            )
            conn.executemany(
                "INSERT INTO card_words (key, card_id, plain, words) VALUES (?, ?, ?, ?)",
                ((key, c["card_id"], int(_plain(c["words"])), c["words"]) for c in cards),
            )
            conn.executemany(
                "INSERT INTO pool VALUES (?, ?, ?, ?, ?, ?)", ((key, *p) for p in pool)
            )
    except sqlite3.Error:
        return None  # a cache that cannot be written only costs speed
    remove_unused()  # compiling is when the cache grows: when it sheds what is no longer used
    return get(key)


def _drop(conn: sqlite3.Connection, key: str) -> None:
    """Forget a compiled deck: its rows, and its cards' words in the index if made."""
    if conn.execute("DELETE FROM words_indexed WHERE key = ?", (key,)).rowcount:
        conn.execute(
            "INSERT INTO words_index (words_index, rowid, words) "
            "SELECT 'delete', id, words FROM card_words WHERE key = ?",
            (key,),
        )
    for table in ("deck", "card", "pool", "card_words"):
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


# -- the card browser ------------------------------------------------------------------------


def browse_rows(key: str) -> list[tuple]:
    """(card id, kind, studyable, tags, document, prompt, answer, valid until, words id) of
    each card of a compiled deck, in file order: what the card browser lists, without the
    cards' bodies; by its words id, find_words says whether a search's words are the card's."""
    conn = connection()
    if conn is None:
        raise LookupError("the deck cache is gone")
    return conn.execute(
        "SELECT c.card_id, kind, studyable, tags, document, prompt, answer, valid_until, w.id "
        "FROM card c JOIN card_words w ON w.key = c.key AND w.card_id = c.card_id "
        "WHERE c.key = ? ORDER BY position",
        (key,),
    ).fetchall()


# A search's words in more index terms than this are looked for by reading every card's words.
MOST_TERMS = 500


def find_words(keys: Iterable[str], text: str) -> set[int] | None:
    """The words ids (see browse_rows) of the cards of the compiled decks ``keys`` whose search
    text holds ``text`` (lower case) as it is written, anywhere, even inside a word, as
    ``text in words`` would; None when the cache cannot be read (the caller reads the cards).

    The FTS5 index narrows the cards down: every word of ``text`` but the first and last is a
    word of the card's text; the first ends one of its words, the last begins one (one word
    alone: is inside one), found among the index's terms. Only cards that may hold the words
    elsewhere than so found are read: for several words (which must also be in a row), and
    for a text with a character the index's tokenizer may fold into another.
    """
    conn = connection()
    keys = list(keys)
    if conn is None or not keys:
        return None if conn is None else set()
    try:
        marks = ",".join("?" * len(keys))
        held = conn.execute(f"SELECT count(*) FROM deck WHERE key IN ({marks})", keys)
        if held.fetchone()[0] < len(set(keys)):
            return None  # the cache was made again meanwhile: it no longer has them all
        _index(conn, keys)
        candidates = _candidates(conn, text)
        if candidates == "":
            return set()
        if candidates is None:  # no word to look up (only signs), or too common: read all
            return {
                i
                for (i,) in conn.execute(
                    f"SELECT id FROM card_words WHERE key IN ({marks}) AND instr(words, ?) > 0",
                    (*keys, text),
                )
            }
        matched = "SELECT rowid FROM words_index WHERE words_index MATCH ?"
        if _WORD.fullmatch(text) is None:  # words, or signs around one: read the cards
            return {
                i
                for (i,) in conn.execute(
                    f"SELECT id FROM card_words WHERE id IN ({matched}) AND instr(words, ?) > 0",
                    (candidates, text),
                )
            }
        found = {i for (i,) in conn.execute(matched, (candidates,))}
        found.difference_update(
            i
            for (i,) in conn.execute(
                "SELECT id FROM card_words INDEXED BY card_words_unusual WHERE NOT plain "
                f"AND id IN ({matched}) AND instr(words, ?) = 0",
                (candidates, text),
            )
        )
        return found
    except sqlite3.Error:
        return None


def index_words(keys: Iterable[str], cancelled: Callable[[], bool] = lambda: False) -> None:
    """Make the words index of these compiled decks now (a search would, on its first use),
    a deck at a time until ``cancelled()``."""
    conn = connection()
    if conn is None:
        return
    with suppress(sqlite3.Error):
        for key in keys:
            if cancelled():
                return
            _index(conn, [key])


def _index(conn: sqlite3.Connection, keys: list[str]) -> None:
    """Index the words of the decks not indexed yet (once per compiled deck)."""
    marks = ",".join("?" * len(keys))
    done = {
        k for (k,) in conn.execute(f"SELECT key FROM words_indexed WHERE key IN ({marks})", keys)
    }
    for key in keys:
        if key in done:
            continue
        with _writing:
            _index_deck(conn, key)


def _index_deck(conn: sqlite3.Connection, key: str) -> None:
    with transaction(conn):
        # Skipped when another window indexed the deck meanwhile.
        if conn.execute("INSERT OR IGNORE INTO words_indexed VALUES (?)", (key,)).rowcount:
            conn.execute(
                "INSERT INTO words_index (rowid, words) "
                "SELECT id, words FROM card_words WHERE key = ?",
                (key,),
            )
            # The index's terms, kept as a plain table: looking through them for the words
            # of a search is then a scan of short strings (fts5vocab reads the whole index).
            # A term of a deck dropped since stays: it finds no card.
            conn.execute("INSERT OR IGNORE INTO word SELECT term FROM words_vocabulary")


def _candidates(conn: sqlite3.Connection, text: str) -> str | None:
    """An FTS5 query every card holding ``text`` matches ("" when no card can), or None when
    the index cannot narrow the cards down."""
    if not _plain(text):
        return None  # a sign the tokenizer may keep inside a word: read every card
    words = _WORD.findall(text)
    if not words:
        return None
    if len(words) == 1:
        found = [_terms(conn, "instr(term, ?1) > 0", words[0])]
    else:
        found = [
            _terms(conn, "substr(term, -length(?1)) = ?1", words[0]),
            *([w] for w in words[1:-1]),
            _terms(conn, "term >= ?1 AND term < ?1 || char(1114111)", words[-1]),
        ]
    # A word in too many terms is left out: what the others find still holds every card.
    found = [terms for terms in found if terms is not None]
    if not found:
        return None
    if any(not terms for terms in found):
        return ""
    return " AND ".join("(" + " OR ".join(map(_quoted, terms)) + ")" for terms in found)


def _terms(conn: sqlite3.Connection, where: str, word: str) -> list[str] | None:
    """The index's terms that hold ``word`` as ``where`` says; None when too many."""
    terms = [
        t
        for (t,) in conn.execute(
            f"SELECT term FROM word WHERE {where} LIMIT {MOST_TERMS + 1}", (word,)
        )
    ]
    return None if len(terms) > MOST_TERMS else terms


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _plain_letter(code: int) -> bool:
    ch = chr(code)
    return ch.isalpha() and ch.islower() and ch != "ſ"


# A character the index's tokenizer (unicode61, diacritics kept) treats as this module does:
# lower-case ASCII (letters and digits make words, the rest parts them), or a lower-case Latin
# letter, kept in words as it is. One regular expression, since every card's words are checked.
_NOT_PLAIN = re.compile(
    "[^\\x00-\\x40\\x5b-\\x7f"
    + "".join(chr(c) for c in range(0xC0, 0x250) if _plain_letter(c))
    + "]"
)


def _plain(text: str) -> bool:
    """Whether every character of ``text`` is one the index's tokenizer treats as here."""
    return _NOT_PLAIN.search(text) is None


_WORD = re.compile(r"[a-z0-9\u00c0-\u024f]+")
