"""Backups of the progress database, restoring one, and telling a broken database apart.

Backups live in `backups/` beside the database, named so that they sort by time and say
why they were made: `progress-20261125T093000Z-daily.sqlite3`. They are taken with
SQLite's online backup API (a file copy of a database in WAL mode can miss the answers
still in its -wal file), written under a temporary name, checked with
`PRAGMA integrity_check` and only then renamed, so a half-written backup never carries
a backup's name. Only after a new backup is verified are the oldest pruned.

A backup is made when the store is opened: before a migration (the file's schema is older
than this quizapp's), else the first time each (UTC) day. Resetting or importing progress
and restoring a backup each make one first.

A database that cannot be opened is never overwritten, moved or deleted by opening it:
`check_database` names the file, what is wrong with it and what to do, including the latest
backup and `quizapp restore --latest`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from quizapp.core.clock import Clock, SystemClock
from quizapp.core.storage.db import (
    NewerDatabaseError,
    NotQuizappError,
    StoreError,
    foreign_problem,
    read_only_uri,
)
from quizapp.core.storage.migrations import LATEST
from quizapp.deck.transaction import transaction

BACKUP_FOLDER = "backups"
KEEP = 10
SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%dT%H%M%SZ"


class BackupError(StoreError):
    """No backup could be made or restored; the message says which file and why."""


class BackupInfo(NamedTuple):
    path: Path
    taken_at: datetime
    reason: str
    size: int


class RestoreResult(NamedTuple):
    restored_from: Path
    reviews: int
    kept: Path | None  # the database as it was before the restore (a backup, or moved aside)


class BrokenDatabaseError(StoreError):
    """The progress database cannot be opened; `str()` is the whole message for the learner."""

    def __init__(self, path: Path, problem: str, latest: BackupInfo | None, *, restorable: bool):
        self.path = path
        self.problem = problem
        self.latest = latest if restorable else None
        super().__init__(database_message(path, problem, self.latest, restorable=restorable))


class ReadOnlyDatabaseError(StoreError):
    """The database file, or its folder, cannot be written: progress cannot be saved.

    ``where`` is "file" or "folder"; `str()` is the whole message for the learner.
    """

    def __init__(self, path: Path, where: str, message: str) -> None:
        self.path = path
        self.where = where
        super().__init__(message)


# -- names and listing -----------------------------------------------------------------------


def backups_dir(db_path: Path | str) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{8}}T\d{{6}}Z)-([a-z0-9-]+?)(?:\.(\d+))?\.sqlite3$"
    )


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """This database's backups, oldest first."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found: list[tuple[datetime, int, int, BackupInfo]] = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        taken = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        stat = entry.stat()
        info = BackupInfo(entry, taken, match[2], stat.st_size)
        # Two reasons in the same second (a manual backup, then one before a migration):
        # the file's own time keeps them in the order they were made.
        found.append((taken, int(match[3] or 1), stat.st_mtime_ns, info))
    return [f[3] for f in sorted(found, key=lambda f: f[:3])]


def latest_backup(db_path: Path | str) -> BackupInfo | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def count_reviews(path: Path) -> int | None:
    """How many answers a database's review log holds; None if it cannot be read."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=2)
        try:
            return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def find_backup(db_path: Path | str, name: str) -> BackupInfo:
    """A backup by its file name (as `quizapp backup --list` shows it) or its path."""
    for info in list_backups(db_path):
        if name in (info.path.name, str(info.path)):
            return info
    given = Path(name).expanduser()
    if given.is_file():
        return BackupInfo(given, datetime.fromtimestamp(given.stat().st_mtime, UTC), "", 0)
    raise BackupError(
        f"{backups_dir(db_path)}: no backup named {name!r}; `quizapp backup --list` lists them"
    )


# -- making one ----------------------------------------------------------------------------


def _connect_existing(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection to a database file that must exist: never creates an empty one."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=timeout)


def _integrity(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(str(r[0]) for r in rows[:3])


def _copy_verified(source: Path, target: Path) -> None:
    """Copy `source` into a new file at `target` (temp name, verify, rename)."""
    # Per process: two windows opening at once may both take the day's backup.
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        src = _connect_existing(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                # One self-contained file: no -wal beside it to lose when it is copied around.
                dst.execute("PRAGMA journal_mode = DELETE").fetchone()
                verdict = _integrity(dst)
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise BackupError(f"{source}: the copy failed its integrity check ({verdict})")
        os.replace(temp, target)
    except sqlite3.Error as error:
        raise BackupError(f"{source}: cannot be backed up ({error})") from None
    except OSError as error:
        raise BackupError(f"{target}: cannot be written ({error.strerror})") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def backup_now(
    db_path: Path | str,
    reason: str = "manual",
    *,
    clock: Clock | None = None,
    keep: int = KEEP,
) -> Path:
    """Back the database up now; returns the new backup's path.

    `reason` is part of the file name (daily, manual, before-reset, before-import...).
    Raises BackupError (with the file and why) if the database is missing or the copy fails.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupError(f"{db_path}: no progress database to back up")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", reason):
        raise ValueError(f"backup reason {reason!r}: lowercase words joined by '-'")
    folder = backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"{folder}: cannot be made ({error.strerror})") from None
    stamp = (clock or SystemClock()).now().astimezone(UTC).strftime(_STAMP)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    number = 1
    while target.exists():  # two in the same second: numbered, still in order
        number += 1
        target = folder / f"{db_path.stem}-{stamp}-{reason}.{number}.sqlite3"
    _copy_verified(db_path, target)
    prune(db_path, keep)
    return target


def prune(db_path: Path | str, keep: int = KEEP, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups (never `spare`); returns those deleted."""
    backups = [info for info in list_backups(db_path) if info.path != spare]
    gone = [info.path for info in backups[: max(0, len(backups) - max(1, keep))]]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def _user_version(db_path: Path) -> int | None:
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=2)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return version if tables else None  # no tables: nothing learnt yet to keep


def backup_on_open(
    db_path: Path | str, *, clock: Clock | None = None, keep: int = KEEP
) -> Path | None:
    """Before the store opens: a backup before a migration, else the day's first one.

    Reads the schema version without migrating. Returns the backup made, if any.
    """
    db_path = Path(db_path)
    if str(db_path) == ":memory:" or not db_path.is_file():
        return None
    version = _user_version(db_path)
    if version is None or version > LATEST:
        return None  # nothing to keep, or a case for check_database
    clock = clock or SystemClock()
    if version < LATEST:
        return backup_now(db_path, f"before-v{LATEST}", clock=clock, keep=keep)
    today = clock.now().astimezone(UTC).date()
    latest = latest_backup(db_path)
    if latest is not None and latest.taken_at.date() >= today:
        return None
    return backup_now(db_path, "daily", clock=clock, keep=keep)


# -- a broken database ---------------------------------------------------------------------


def database_message(
    path: Path, problem: str, latest: BackupInfo | None, *, restorable: bool
) -> str:
    """The learner's message: which file, what is wrong, what to do."""
    message = f"{path}: {problem}. The file was left as it is."
    if not restorable:
        return message
    if latest is None:
        return (
            f"{message} No backup of it was found: move it aside to start afresh, "
            "or choose another file with --db or $QUIZAPP_DB."
        )
    taken = latest.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{message} The latest backup is {latest.path.name} ({taken}); "
        "bring it back with `quizapp restore --latest`."
    )


def diagnose(db_path: Path | str) -> tuple[str, bool] | None:
    """What is wrong with the database file, and whether a backup would help; None if usable.

    Reads only the file's header and schema version: nothing is created or written. A
    missing or empty file is usable (the store starts a new one).
    """
    db_path = Path(db_path)
    if str(db_path) == ":memory:" or not db_path.exists():
        return None
    if not db_path.is_file():
        return "this is a folder, not a progress database file", False
    try:
        size = db_path.stat().st_size
        with db_path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        return f"the progress database cannot be read ({error.strerror})", False
    if size == 0:
        return None
    if not header.startswith(SQLITE_HEADER):
        return "this file is not a quizapp progress database (not an SQLite file at all)", True
    if len(header) < 100 or size < _expected_size(header):
        return (
            "the progress database is cut short (the file is smaller than its own header "
            "says): it was damaged, perhaps while being copied",
            True,
        )
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=2)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            foreign = foreign_problem(conn)
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if error.sqlite_errorname.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return locked_problem(), False
        return f"the progress database cannot be read ({error})", False
    except sqlite3.DatabaseError as error:
        return f"the progress database is damaged ({error})", True
    if foreign is not None:
        return foreign, False
    if version > LATEST:
        return (
            f"the progress database is from a newer quizapp (schema {version}, this one "
            f"knows {LATEST}): upgrade quizapp",
            False,
        )
    return None


def check_writable(db_path: Path | str) -> None:
    """Raise ReadOnlyDatabaseError when answers could not be saved: the file or its folder
    (where SQLite writes its journal beside the file) cannot be written."""
    db_path = Path(db_path)
    if str(db_path) == ":memory:":
        return
    folder = db_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the first folder that is there will hold the new ones
    read_only_mount = False
    with contextlib.suppress(OSError, AttributeError):
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    what = "the file system holding it is mounted read-only"
    if read_only_mount:
        where, todo = "folder", "use a progress database on a writable disk"
    elif not os.access(folder, os.W_OK | os.X_OK):
        where, what = "folder", f"its folder {folder} is read-only"
        todo = f"make the folder writable (chmod u+w '{folder}')"
    elif db_path.exists() and not os.access(db_path, os.W_OK):
        where, what = "file", "the file is read-only"
        todo = f"make it writable (chmod u+w '{db_path}')"
    else:
        return
    raise ReadOnlyDatabaseError(
        db_path,
        where,
        f"{db_path}: {what}, so progress cannot be saved. To save it, {todo}, or choose "
        "another file with --db or $QUIZAPP_DB. The file was left as it is.",
    )


def locked_problem() -> str:
    return "the progress database is locked by another program: close quizapp first (every window)"


def _expected_size(header: bytes) -> int:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid only when it was written with the change counter.
    if header[24:28] != header[92:96]:
        return page_size
    return pages * page_size


def check_database(db_path: Path | str) -> None:
    """Raise BrokenDatabaseError (the learner's whole message) if the file cannot be used."""
    found = diagnose(db_path)
    if found is not None:
        problem, restorable = found
        raise broken(db_path, problem, restorable=restorable)


def broken(db_path: Path | str, problem: str, *, restorable: bool) -> BrokenDatabaseError:
    db_path = Path(db_path)
    return BrokenDatabaseError(
        db_path, problem, _latest_good(db_path) if restorable else None, restorable=restorable
    )


def _latest_good(db_path: Path) -> BackupInfo | None:
    for info in reversed(list_backups(db_path)):
        if count_reviews(info.path) is not None:
            return info
    return None


# -- restoring -----------------------------------------------------------------------------


def _refuse_if_in_use(db_path: Path) -> bool:
    """Whether the current file is a readable database; raises if another process writes it."""
    try:
        conn = _connect_existing(db_path, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        with transaction(conn):  # takes the write lock, as a restore would
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if error.sqlite_errorname.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise BackupError(
                f"{db_path}: {locked_problem()}, then restore again; nothing was changed"
            ) from None
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return diagnose(db_path) is None


def restore(
    db_path: Path | str,
    backup: Path | str | None = None,
    *,
    clock: Clock | None = None,
    keep: int = KEEP,
) -> RestoreResult:
    """Bring a backup (default: the latest good one) back as the progress database.

    The current database is backed up first if it can be read; a damaged one is moved
    aside (renamed, never deleted); a missing or empty one is simply replaced. Refused while
    the app is open on it (quizapp.core.in_use).
    """
    db_path = Path(db_path)
    clock = clock or SystemClock()
    if backup is None:
        info = _latest_good(db_path)
        if info is None:
            raise BackupError(f"{backups_dir(db_path)}: no backup to restore")
        source = info.path
    else:
        source = find_backup(db_path, str(backup)).path
    try:
        with contextlib.closing(_connect_existing(source)) as conn:
            verdict = _integrity(conn)
    except sqlite3.Error as error:
        verdict = str(error)
    if verdict != "ok":
        raise BackupError(f"{source}: this backup is damaged ({verdict}); choose another")
    from quizapp.core.in_use import InUseError, hold_alone

    try:
        alone = hold_alone(db_path)  # an open app would write into the restored file
    except InUseError as error:
        raise BackupError(str(error)) from None
    with alone:
        return _restore(db_path, source, clock, keep)


def _restore(db_path: Path, source: Path, clock: Clock, keep: int) -> RestoreResult:
    kept: Path | None = None
    if db_path.is_file() and db_path.stat().st_size > 0:
        if _refuse_if_in_use(db_path):
            # Pruned only after the restore: the backup being restored is never pruned first.
            kept = backup_now(
                db_path, "before-restore", clock=clock, keep=len(list_backups(db_path)) + 1
            )
        else:
            kept = _moved_aside(db_path, clock)
    else:
        # A -wal left by a deleted database would be replayed into the restored one.
        _moved_aside(db_path, clock)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if db_path.is_file() and db_path.stat().st_size > 0:
        # A readable database: replaced in one transaction through SQLite, -wal and all.
        try:
            with (
                contextlib.closing(_connect_existing(source)) as src,
                contextlib.closing(_connect_existing(db_path)) as dst,
            ):
                src.backup(dst)
        except sqlite3.Error as error:
            raise BackupError(f"{db_path}: cannot be restored ({error})") from None
    else:
        _copy_verified(source, db_path)
    prune(db_path, keep, spare=source)
    reviews = count_reviews(db_path)
    return RestoreResult(source, reviews or 0, kept)


def _moved_aside(db_path: Path, clock: Clock) -> Path | None:
    try:
        return _move_aside(db_path, clock)
    except OSError as error:
        raise BackupError(
            f"{db_path}: cannot be moved aside to restore ({error.strerror}); nothing was changed"
        ) from None


def _move_aside(db_path: Path, clock: Clock) -> Path | None:
    """Rename a damaged database (and its -wal, -shm) out of the way; it is never deleted."""
    stamp = clock.now().astimezone(UTC).strftime(_STAMP)
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    moved = False
    for suffix in ("", "-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.is_file() and (suffix or side.stat().st_size > 0):
            os.replace(side, target.with_name(target.name + suffix))
            moved = moved or not suffix
    return target if moved else None


# -- opening -------------------------------------------------------------------------------


def prepare_to_open(db_path: Path | str, *, clock: Clock | None = None) -> None:
    """What `Store.open` does before opening: check the file, take the backup due.

    Raises BrokenDatabaseError for a file that cannot be used and ReadOnlyDatabaseError for
    one that cannot be written (both left untouched), and StoreError when the backup before a
    migration cannot be made (never migrate without a copy of the database as it was). The
    day's backup failing does not stop the learner from studying.
    """
    if str(db_path) == ":memory:":
        return
    db_path = Path(db_path)
    check_database(db_path)
    check_writable(db_path)
    try:
        backup_on_open(db_path, clock=clock)
    except (BackupError, OSError) as error:
        if (_user_version(db_path) or LATEST) < LATEST:
            raise StoreError(
                f"{db_path}: no backup could be made before upgrading it ({error}); "
                "free some disk space, or check the backups folder can be written"
            ) from None


def reopen_error(db_path: Path | str, error: Exception) -> Exception:
    """The learner's error for a database that passed `check_database` yet failed to open."""
    if str(db_path) == ":memory:":
        return error
    db_path = Path(db_path)
    if isinstance(error, NewerDatabaseError | NotQuizappError):
        problem = str(error).removeprefix(f"{db_path}: ")
        return broken(db_path, problem, restorable=False)
    if isinstance(error, StoreError):
        problem = "the progress database is damaged (SQLite cannot read it)"
        return broken(db_path, problem, restorable=True)
    if isinstance(error, sqlite3.OperationalError) and error.sqlite_errorname.startswith(
        ("SQLITE_BUSY", "SQLITE_LOCKED")
    ):
        return broken(db_path, locked_problem(), restorable=False)
    return error
