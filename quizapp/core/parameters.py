"""The learner's own FSRS parameters, kept in the progress database beside their reviews.

They live with the review log they were fitted to, so a copied or moved database keeps its
personal schedule. ``quizapp optimize`` saves them only when they predict held-out reviews
better (see quizapp.core.optimize); every store opened afterwards passes them to the scheduler
through ``SchedulerSettings(parameters=...)``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from quizapp.core.optimize import scheduler_accepts
from quizapp.core.settings import SchedulerSettings

_PARAMETERS = "fsrs_parameters"
_CREATE = "CREATE TABLE IF NOT EXISTS setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)"


def _has_table(conn: sqlite3.Connection) -> bool:
    # Reading never creates the table: `quizapp stats` may look at a database it must not alter.
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'"
        ).fetchone()
        is not None
    )


def load_parameters(conn: sqlite3.Connection) -> tuple[float, ...] | None:
    """The saved parameters, or None when there are none.

    A saved value the scheduler would refuse (hand-edited, or from another FSRS version) also
    gives None, so the defaults apply rather than the app failing to open.
    """
    if not _has_table(conn):
        return None
    row = conn.execute("SELECT value FROM setting WHERE name = ?", (_PARAMETERS,)).fetchone()
    if row is None:
        return None
    try:
        values = json.loads(row[0])
        parameters = tuple(float(w) for w in values)
    except (TypeError, ValueError):
        return None
    return parameters if scheduler_accepts(parameters) else None


def save_parameters(conn: sqlite3.Connection, params: Sequence[float]) -> None:
    """Keep ``params`` for every later session; ValueError if the scheduler would refuse them."""
    parameters = tuple(float(w) for w in params)
    if not scheduler_accepts(parameters):
        raise ValueError(f"not saving FSRS parameters the scheduler would refuse: {parameters!r}")
    conn.execute(_CREATE)
    conn.execute(
        "INSERT OR REPLACE INTO setting (name, value) VALUES (?, ?)",
        (_PARAMETERS, json.dumps(parameters)),
    )


def clear_parameters(conn: sqlite3.Connection) -> bool:
    """Forget the saved parameters (back to the defaults); True if there were any."""
    if not _has_table(conn):
        return False
    return conn.execute("DELETE FROM setting WHERE name = ?", (_PARAMETERS,)).rowcount > 0


def with_saved_parameters(
    settings: SchedulerSettings, conn: sqlite3.Connection
) -> SchedulerSettings:
    """``settings`` with the saved parameters, unless they already name parameters of their own.

    Returns ``settings`` itself when nothing changes, so callers can test ``is``.
    """
    if settings.parameters is not None:
        return settings
    saved = load_parameters(conn)
    return settings if saved is None else replace(settings, parameters=saved)
