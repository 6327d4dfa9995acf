"""An answer the app has judged is saved however the learner leaves: Again when wrong, Good
when right; a right answer may still be graded Again; `e` works before a typed answer."""

import sqlite3

import pytest

from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import answer_current, make_app, until, wait_loaded


def ratings(db) -> list[tuple[str, int]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT card_id, rating FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()


async def reach(pilot, kind: str) -> ReviewScreen:
    """Answer cards rightly (Good) until one of ``kind`` is asked."""
    await pilot.press("enter")
    for _ in range(8):
        screen = pilot.app.screen
        if screen.card.kind == kind:
            return screen
        await answer_current(pilot, right=True)
        await pilot.press("3")
    raise AssertionError(f"no {kind} card came")


async def test_esc_after_a_wrong_year_saves_again_and_the_summary_counts_it_wrong(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await reach(pilot, "year")
        await answer_current(pilot, right=False)
        assert screen.correct is False
        await pilot.press("escape")
        summary = await until_summary(pilot)
        assert "Answers:           5 on 5 cards" in summary.text()
        assert "Right (not Again): 4" in summary.text()
    assert ratings(db)[-1] == ("year-recognition", 1)


async def until_summary(pilot) -> SummaryScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
    return pilot.app.screen


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c", "q"])
async def test_quitting_after_a_wrong_choice_saves_again(db, key):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await reach(pilot, "mcq")
        await answer_current(pilot, right=False)
        await pilot.press(key)
        await until(pilot, lambda: not app.is_running, "the app quitting")
    assert ratings(db)[-1] == ("mcq-article", 1)


async def test_a_right_answer_left_unsaid_is_saved_good_when_the_screen_goes(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await reach(pilot, "true_false")
        await answer_current(pilot, right=True)
        app.pop_screen()  # dismissed by anything else than a key of its own
        await until(pilot, lambda: not screen.is_attached, "the review screen closing")
    assert ratings(db)[-1] == ("tf-food", 3)


async def test_a_right_choice_may_still_be_graded_again(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen = await reach(pilot, "mcq")
        await answer_current(pilot, right=True)
        assert "1 Again" in str(screen.query_one("#grades").render())
        await pilot.press("1")
        await until(pilot, lambda: screen.card.kind != "mcq", "the next card")
    assert ratings(db)[-1] == ("mcq-article", 1)


@pytest.mark.parametrize("kind", ["year", "ordering"])
async def test_edit_works_before_a_typed_answer(db, kind, tmp_path, monkeypatch):
    called = tmp_path / "called"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\necho "$@" > {called}\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await reach(pilot, kind)
        await pilot.press("e")
        await until(pilot, called.exists, "the editor running")


async def test_review_shows_new_learning_and_review_left_and_answers_on_cards(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        screen = await until_review(pilot)
        left = lambda: str(screen.query_one("#left").render())  # noqa: E731
        assert left() == "8 new · 0 learning · 0 to review"
        await pilot.press("space", "1")  # forgotten: a learning card, due in a minute
        await until(pilot, lambda: left() == "7 new · 0 learning · 0 to review", "the counts")
        app.clock.advance(minutes=2)
        await answer_current(pilot, right=True)
        await pilot.press("enter" if screen.card.kind != "basic" else "3")
        await until(pilot, lambda: left() == "6 new · 1 learning · 0 to review", "learning")
        assert screen.card.id == "basic-name"  # the learning card, due first
        await answer_current(pilot, right=True)
        await pilot.press("3", "escape")
        summary = await until_summary(pilot)
        assert "Answers:           3 on 2 cards" in summary.text()


async def until_review(pilot) -> ReviewScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review")
    return pilot.app.screen
