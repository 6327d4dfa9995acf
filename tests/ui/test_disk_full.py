"""The disk fills while reviewing: the app stays, says so, keeps the card, saves it later.

The full disk is injected in the store, the one place writes go through: while `full` is set
every write fails with SQLite's own "database or disk is full" error (made by a real SQLite
database that has reached its page limit).
"""

import sqlite3
from contextlib import contextmanager

from quizapp.core.store import Store
from quizapp.ui.screens.review import ReviewScreen
from tests.ui.conftest import make_app, notices, screen_text, until, wait_for_screen, wait_loaded


def disk_full_error() -> sqlite3.OperationalError:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA max_page_count = 1")
    try:
        conn.execute("CREATE TABLE filler (x)")
        conn.execute("INSERT INTO filler VALUES (zeroblob(100000))")
    except sqlite3.OperationalError as error:
        assert error.sqlite_errorname == "SQLITE_FULL"
        return error
    finally:
        conn.close()
    raise AssertionError("SQLite never filled up")


class FillingDisk(Store):
    """The app's store, on a disk that fills up while `full` is set."""

    full = False

    @contextmanager
    def _transaction(self):
        if self.full:
            raise disk_full_error()
        with super()._transaction() as db:
            yield db


def saved(db) -> list[tuple[str, int, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT card_id, rating, reviewed_at FROM review_log").fetchall()


def bar_text(screen) -> str:
    return str(screen.query_one("#grades").render())


async def reveal_and_wait(pilot, screen) -> None:
    await pilot.press("space")
    await until(pilot, lambda: screen.phase == "answered", "the answer shown")


async def test_a_full_disk_keeps_the_card_and_saves_it_once_there_is_space(db):
    app = make_app(db)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_loaded(pilot)
        store = app.collection.store
        store.__class__ = FillingDisk  # the same open store, on a disk that can fill
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ReviewScreen)
        await until(pilot, lambda: screen.card is not None, "a card")
        first = screen.key
        await reveal_and_wait(pilot, screen)

        store.full = True
        await pilot.press("3")
        await until(pilot, lambda: "Not saved yet" in bar_text(screen), "the full disk told")
        assert "The disk is full: free some space" in bar_text(screen)
        assert "What is the pact officially called?" in screen_text(app)  # the card stays
        assert any("tried again at your next key and every 10 s" in n for n in notices(app))
        assert app.is_running and app.screen is screen and screen.key == first
        assert saved(db) == []

        await pilot.press("3")  # still full: the key retries, nothing else happens
        await pilot.pause()
        assert screen.key == first and saved(db) == [] and screen.saver.pending

        store.full = False
        await pilot.press("x")  # space again: the next key saves it, then the next card
        await until(pilot, lambda: screen.key != first, "the next card")
        assert [(card, rating) for card, rating, _ in saved(db)] == [(first.card_id, 3)]
        assert not screen.saver.pending and screen.tally.answered == 1
        assert not any("Not saved yet" in n for n in notices(app))  # the notice went too

        # And with no key pressed: the timer saves it.
        second = screen.key
        screen.saver.retry_seconds = 0.05  # the test's own clock: not 10 s
        await answer_and_grade(pilot, screen)
        store.full = True
        await pilot.press("1")
        await until(pilot, lambda: screen.saver.pending, "the second answer held")
        store.full = False
        await until(pilot, lambda: len(saved(db)) == 2, "the timer saving it")
        assert saved(db)[1][0] == second.card_id
        await until(pilot, lambda: screen.key != second or screen.phase == "done", "next")


async def answer_and_grade(pilot, screen) -> None:
    from tests.ui.conftest import answer_current

    await answer_current(pilot, right=False)
    await until(pilot, lambda: screen.phase == "answered", "the answer shown")


def test_an_undo_the_full_disk_refused_can_be_made_again(tmp_path):
    from quizapp.core.store import CardKey, DeckCard, Rating

    store = FillingDisk.open(tmp_path / "p.sqlite3")
    store.sync_deck("d", [DeckCard("a", "h", [], [], True)])
    store.answer(CardKey("d", "a"), Rating.good)
    store.full = True
    try:
        store.undo()
    except sqlite3.OperationalError as error:
        assert error.sqlite_errorname == "SQLITE_FULL"
    store.full = False
    assert store.can_undo
    assert store.undo() == CardKey("d", "a")
    assert store.review_log() == []
    store.close()
