"""`quizapp restore` while the app is open on the database is refused, with what to do."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from quizapp.core.backup import backup_now
from quizapp.core.store import Store
from tests.ui.conftest import make_app, until, wait_loaded

ROOT = Path(__file__).resolve().parents[2]


def restore_latest(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "restore", "--latest", "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QUIZAPP_CONFIG": os.devnull},
    )


def reviews(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]


async def test_restore_is_refused_while_the_app_is_open_and_idle(db):
    Store.open(db).close()
    backup_now(db, "manual")
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")  # review the first deck, answer one card
        await until(pilot, lambda: getattr(app.screen, "card", None) is not None, "a card")
        await pilot.press("space")
        await until(pilot, lambda: app.screen.phase == "answered", "the answer")
        await pilot.press("3")
        await until(pilot, lambda: reviews(db) == 1, "the answer saved")
        run = restore_latest(db)  # the app is idle now: no SQLite lock held
        assert run.returncode == 2, run.stdout
        assert run.stderr == (
            f"quizapp restore: {db}: quizapp is open on this database (in another window or "
            "terminal): quit it first (q), then restore again; nothing was changed\n"
        )
        assert reviews(db) == 1
    run = restore_latest(db)  # closed: restored (the answer kept in a backup first)
    assert run.returncode == 0, run.stderr
    assert reviews(db) == 0
