"""A write the disk refused (full, read-only, failing): the screen stays, the write is retried.

The review screen hands every write to a `Saver`. When SQLite cannot write for a reason outside
the app, the app stays up: the learner is told why and what to do, the card stays on screen,
and the same write (with the time it was first made) is tried again at the next key and every
`RETRY_SECONDS`; once it is saved, the session goes on as if it had been saved at once. Any
other error is a bug and is raised.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

RETRY_SECONDS = 10.0


def save_problem(error: BaseException) -> str | None:
    """What stops the progress database being written, in the learner's words; None if the
    error is not about the disk (a bug)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if not isinstance(error, sqlite3.OperationalError | OSError):
        return None
    if name.startswith("SQLITE_FULL") or getattr(error, "errno", None) == errno.ENOSPC:
        return "The disk is full: free some space"
    if name.startswith("SQLITE_READONLY") or getattr(error, "errno", None) == errno.EROFS:
        return "The progress database has become read-only: make it writable again"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "The progress database is locked by another program: close it"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or isinstance(error, OSError):
        return f"The progress database cannot be written ({error}): check the disk"
    return None


class Saver:
    """Runs a screen's writes; holds the one that failed until it is saved."""

    def __init__(self, owner: Widget, tell: Callable[[str | None], None]) -> None:
        """``tell(message)`` shows why nothing is saved yet; ``tell(None)``: saved after all."""
        self._owner = owner
        self._tell = tell
        self._pending: tuple[Callable[[], Any], Callable[[Any], None]] | None = None
        self._timer: Timer | None = None
        self._problem = ""
        self.retry_seconds = RETRY_SECONDS

    @property
    def pending(self) -> bool:
        """A write is waiting: keys retry it rather than act."""
        return self._pending is not None

    def save(self, write: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run ``write``; once it has succeeded, ``then(its result)``."""
        try:
            result = write()
        except Exception as error:
            problem = save_problem(error)
            if problem is None:
                raise
            self._hold(write, then, problem)
            return
        if self._pending is not None:
            self._pending = None
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._tell(None)
        then(result)

    def retry(self) -> None:
        if self._pending is not None:
            self.save(*self._pending)

    def _hold(self, write: Callable[[], Any], then: Callable[[Any], None], problem: str) -> None:
        told = self._pending is not None and self._problem == problem
        self._pending, self._problem = (write, then), problem
        if self._timer is None:
            self._timer = self._owner.set_interval(self.retry_seconds, self.retry)
        if not told:  # once, not at every retry
            self._tell(
                f"Not saved yet. {problem}; it is saved as soon as it can be "
                f"(tried again at your next key and every {self.retry_seconds:g} s)."
            )
