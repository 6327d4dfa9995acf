"""Home with no decks says where to put them; a long card scrolls with the keys."""

import sqlite3
import textwrap

from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.ui.screens.home import HomeScreen
from tests.ui.conftest import make_app, until, wait_loaded


async def test_no_decks_says_where_they_were_looked_for(db, tmp_path, monkeypatch):
    empty = tmp_path / "none"
    empty.mkdir()
    monkeypatch.setenv("QUIZAPP_DECKS", str(tmp_path / "my decks"))
    app = make_app(db, decks=[empty])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith(f"No decks found (looked in: {empty}).")
        assert f"Put deck files (.yaml) in {tmp_path / 'my decks'}" in status
        await pilot.press("enter", "p")  # nothing to study: still home
        assert isinstance(app.screen, HomeScreen)


async def test_long_answer_scrolls_with_the_keys(db, tmp_path):
    long = " ".join(f"Sentence {n} of a long explanation." for n in range(120))
    deck = tmp_path / "long.yaml"
    deck.write_text(
        textwrap.dedent(
            f"""\
            id: long
            title: Long
            cards:
              - id: long-one
                kind: basic
                question: A question with a long explanation?
                answer: Yes
                explanation: "{long}"
            """
        )
    )
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space")
        card = app.screen.query_one("#card", VerticalScroll)
        assert card.max_scroll_y > 0  # more than fits at 80x24
        await pilot.press("home")  # back up to the question
        await until(pilot, lambda: card.scroll_y == 0, "scrolled to the top")
        await pilot.press("pagedown")
        await until(pilot, lambda: card.scroll_y > 0, "scrolled down")
        await pilot.press("3")  # the grade keys still work while scrolled
        await until(pilot, lambda: graded(db) == [("long-one", 3)], "the grade saved")


def graded(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT card_id, rating FROM review_log").fetchall()
    finally:
        conn.close()
