"""Bury, suspend, flag, report and the leech notice, from the review screen's keys."""

import sqlite3
from datetime import timedelta

from textual.widgets import Static

from quizapp.ui.screens.card_marks import FlagPicker, LeechNotice, ReportCard
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.widgets.passage import SourcePassage
from tests.ui.conftest import NOW, make_app, until, wait_for_screen, wait_loaded


def card_row(db, card_id):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT suspended, buried_until, flag, leech, lapses FROM card WHERE card_id = ?",
            (card_id,),
        ).fetchone()
    finally:
        conn.close()


async def start_review(pilot):
    await wait_loaded(pilot)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


async def test_bury_and_suspend_take_the_card_out_and_show_the_next(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_review(pilot)
        first = screen.key
        await pilot.press("minus")
        second = screen.key
        assert second != first
        await pilot.press("at")
        assert screen.key not in (first, second)
        store = app.collection.store
        assert first not in store.study_queue(["every-kind"])
        assert second not in store.study_queue(["every-kind"])
    tomorrow_4am = int((NOW.replace(hour=4) + timedelta(days=1)).timestamp() * 1000)
    assert card_row(db, first.card_id)[:2] == (0, tomorrow_4am)
    assert card_row(db, second.card_id)[:2] == (1, None)


async def test_a_flag_is_chosen_shown_and_saved(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_review(pilot)
        key = screen.key
        await pilot.press("asterisk")
        assert isinstance(app.screen, FlagPicker)
        await pilot.press("2")
        assert app.screen is screen and screen.key == key  # the same card, still to answer
        assert "⚑ orange" in str(screen.query_one("#where", Static).render())
        await pilot.press("asterisk", "escape")  # cancelled: unchanged
        assert card_row(db, key.card_id)[2] == 2
        await pilot.press("asterisk", "7")  # Anki's purple, the last of its seven
        assert "⚑ purple" in str(screen.query_one("#where", Static).render())
    assert card_row(db, key.card_id)[2] == 7


async def test_a_report_is_saved_with_the_card(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_review(pilot)
        key = screen.key
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ReportCard)
        await pilot.press("enter")  # empty: refused
        assert isinstance(app.screen, ReportCard)
        await pilot.press(*"date [bold]wrong", "enter")
        assert app.screen is screen
        assert [(r.key, r.note) for r in app.collection.store.reports()] == [
            (key, "date [bold]wrong")
        ]


async def test_the_eighth_lapse_suspends_the_card_and_says_why(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        # A review card forgotten seven times before, due now.
        with sqlite3.connect(db) as raw:
            raw.execute(
                "UPDATE card SET state = 2, stability = 3, difficulty = 8, due = ?, "
                "last_review = ?, reps = 12, lapses = 7 WHERE card_id = 'basic-name'",
                (
                    int(NOW.timestamp() * 1000),
                    int((NOW - timedelta(days=3)).timestamp() * 1000),
                ),
            )
        screen = await start_review(pilot)
        assert screen.key.card_id == "basic-name"
        await pilot.press("space", "1")
        notice = app.screen
        assert isinstance(notice, LeechNotice)
        shown = " ".join(str(w.render()) for w in notice.query(Static))
        assert "forgotten it 8 times" in shown
        assert notice.query_one(SourcePassage).display
        await pilot.press("enter")
        assert app.screen is screen and screen.key.card_id != "basic-name"
    assert card_row(db, "basic-name") == (2, None, 0, 1, 8)


async def test_the_keys_work_while_a_year_is_being_typed(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        store = app.collection.store
        others = [k for k in store.study_queue(["every-kind"]) if k.card_id != "year-recognition"]
        store.suspend(others[1:])  # the year card comes second
        screen = await start_review(pilot)
        await pilot.press("minus")  # bury the first; the year card shows, its input focused
        assert screen.key.card_id == "year-recognition"
        await pilot.press("1", "9", "asterisk")
        await wait_for_screen(pilot, FlagPicker)
        await pilot.press("3")
        assert screen.query_one("#typed").value == "19"  # the flag key typed nothing
        await pilot.press("at")
        # Nothing else left: the summary.
        await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the summary")
    assert card_row(db, "year-recognition")[:3] == (1, None, 3)
