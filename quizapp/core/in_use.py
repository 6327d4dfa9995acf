"""A running app's hold on its progress database, so a restore can tell it is open.

An idle app holds no SQLite lock, yet it keeps a queue and an undo list that point at the rows
of the file it opened: a backup restored under it would be written into with stale state. So
the app holds a shared lock on a file beside the database (``progress.sqlite3.lock``) for as
long as it runs (several windows may), and `quizapp restore` takes it exclusively, without
waiting, and keeps it while it works. The lock is on a file of its own: closing a second
descriptor of the database file would drop the POSIX locks SQLite holds on it in the same
process. Where there is no flock (Windows), nothing is held and nothing is refused.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class InUseError(Exception):
    """The app is open on this database; the message says what to do."""


class Hold:
    """A lock held until `release` (or the process ends: the system drops it then)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Hold:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _open(db_path: Path | str) -> int | None:
    if fcntl is None or str(db_path) == ":memory:":
        return None
    try:
        return os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return None  # a folder that cannot be written: nothing to restore into either


def hold_open(db_path: Path | str, patience_s: float = 30.0) -> Hold:
    """The app's shared hold, taken once its database has opened. Waits while a restore runs
    (it is brief); after ``patience_s`` the app goes on without one rather than hang."""
    fd = _open(db_path)
    if fd is None:
        return Hold(None)
    waited = 0.0
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return Hold(fd)
        except OSError:
            if waited >= patience_s:
                os.close(fd)
                return Hold(None)
        time.sleep(0.05)
        waited += 0.05


def hold_alone(db_path: Path | str) -> Hold:
    """An exclusive hold for a restore; InUseError at once if an app has the database open."""
    fd = _open(db_path)
    if fd is None:
        return Hold(None)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise InUseError(
            f"{db_path}: quizapp is open on this database (in another window or terminal): "
            "quit it first (q), then restore again; nothing was changed"
        ) from None
    return Hold(fd)
