"""The broken-database screen: the message, restoring the latest backup, quitting."""

import sqlite3
from datetime import UTC, datetime

import pytest
from textual.app import App
from textual.widgets import Static

from quizapp.core.backup import BrokenDatabaseError, backup_now
from quizapp.core.clock import FixedClock
from quizapp.core.store import CardKey, Rating, Store
from quizapp.ui.screens.broken_database import BrokenDatabaseScreen

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


class Host(App):
    """An app that shows only the screen, and remembers how it was dismissed."""

    def __init__(self, problem: BrokenDatabaseError) -> None:
        super().__init__()
        self.problem = problem
        self.results: list[bool] = []

    def on_mount(self) -> None:
        screen = BrokenDatabaseScreen(self.problem, clock=FixedClock(NOW))
        self.push_screen(screen, self.results.append)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with Store.open(path, clock=FixedClock(NOW)) as store:
        store.sync_deck("d", [("a", "h", [], [], True)])
        store.answer(CardKey("d", "a"), Rating.good)
        store.answer(CardKey("d", "a"), Rating.good)
    return path


def problem_of(db) -> BrokenDatabaseError:
    with pytest.raises(BrokenDatabaseError) as raised:
        Store.open(db, clock=FixedClock(NOW))
    return raised.value


def text(app, selector) -> str:
    return str(app.screen.query_one(selector, Static).render())


def reviews(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]


async def test_r_restores_the_latest_backup_and_dismisses(db):
    backup_now(db, "daily", clock=FixedClock(NOW))
    damaged = db.read_bytes()[:3000]
    db.write_bytes(damaged)
    app = Host(problem_of(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BrokenDatabaseScreen)
        assert text(app, "#message") == str(app.problem)
        assert "`quizapp restore --latest`" in text(app, "#message")
        assert text(app, "#keys").splitlines()[0] == (
            "r  bring back the latest backup, progress-20261125T093000Z-daily.sqlite3"
        )
        assert db.read_bytes() == damaged  # showing the screen changes nothing
        await pilot.press("r")
        await pilot.pause()
        assert app.results == [True]
        assert not isinstance(app.screen, BrokenDatabaseScreen)
    assert reviews(db) == 2
    kept = db.with_name("progress.sqlite3.damaged-20261125T093000Z")
    assert kept.read_bytes() == damaged


async def test_without_a_backup_there_is_only_quit(db):
    db.write_bytes(b"just some text\n")
    app = Host(problem_of(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert text(app, "#keys") == (
            "q  quit (then see `quizapp backup --list` and `quizapp restore`)"
        )
        assert "No backup of it was found" in text(app, "#message")
        await pilot.press("r")  # not offered: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, BrokenDatabaseScreen) and app.results == []
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # the app is closing (set by App.exit)
    assert db.read_bytes() == b"just some text\n"
    assert sorted(p.name for p in db.parent.iterdir()) == ["progress.sqlite3"]


async def test_a_failed_restore_is_shown_and_the_screen_stays(db):
    made = backup_now(db, "daily", clock=FixedClock(NOW))
    db.write_bytes(db.read_bytes()[:3000])
    app = Host(problem_of(db))
    made.write_bytes(b"damaged too")  # the backup went bad after the screen was shown
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BrokenDatabaseScreen) and app.results == []
        assert text(app, "#problem") == (
            f"Not restored: {made}: this backup is damaged (file is not a database); choose another"
        )
