"""Before the decks load: the deck list is drawn from the compiled decks with its real counts,
and every key pressed while the decks load is kept and applied once they are there, on the
deck list as on the early card of `quizapp --review`."""

from textual.widgets import DataTable, Static

from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from quizapp.ui.widgets.first_card import FirstCardView
from tests.ui.conftest import make_app, screen_text, until, wait_for_screen, wait_loaded

ASSERTION_DECK = """\
id: reasons
title: Reasons
cards:
  - id: ar-one
    kind: assertion_reason
    statement_1: The pact binds both states to help each other.
    statement_2: Each state fears an attack on the other.
    answer: only_first_correct
    explanation: Statement-II is not what the pact says.
"""


def rows(app) -> list[tuple[str, ...]]:
    table = app.screen.query_one("#decks", DataTable)
    return [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def fill(db, decks=None) -> tuple[list, str]:
    """A first start: the decks compiled and the database filled; one card answered so the
    counts are not all new. Returns the deck list's rows and status line."""
    async with make_app(db, decks).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        review = await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("space")
        await until(pilot, lambda: review.phase == "answered", "the answer shown")
        await pilot.press("1")  # Again: a learning card
        await until(pilot, lambda: review.tally.answered == 1, "the answer saved")
        await pilot.press("escape")
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        await until(pilot, lambda: "(s)" in status(pilot.app), "the counts")
        return rows(pilot.app), status(pilot.app)


async def test_the_deck_list_shows_its_real_counts_before_the_decks_load(db, held):
    loaded_rows, loaded_status = await fill(db)
    assert loaded_rows[0][1] == "7"  # of 8 new cards, one answered: in learning
    held.clear()

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and rows(app), "the list")
        assert app.collection is None  # still loading
        assert rows(app) == loaded_rows
        assert status(app) == loaded_status
        held.set()
        await wait_loaded(pilot)
        assert rows(app) == loaded_rows
        sources = str(app.screen.query_one("#sources", Static).render())
        assert sources.startswith("Sources: ")  # the deck's documents, once loaded


async def test_keys_pressed_on_the_deck_list_while_loading_are_applied_once_loaded(db, held):
    await fill(db)
    held.clear()
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        await until(pilot, lambda: rows(app), "the deck list drawn early")
        await pilot.press("enter", "space")  # study, then show the answer
        await until(pilot, lambda: len(home.kept_keys) == 2, "the keys kept")
        assert app.screen is home and app.collection is None
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        await until(pilot, lambda: review.phase == "answered", "the kept space applied")


async def test_keys_pressed_while_it_says_loading_decks_are_applied_once_loaded(db, held):
    held.clear()
    app = make_app(db)  # a first start: nothing compiled, no database, no early list
    async with app.run_test(size=(80, 24)) as pilot:
        home = await wait_for_screen(pilot, HomeScreen)
        assert "Loading decks" in status(app) and not rows(app)
        await pilot.press("p")  # practise
        await until(pilot, lambda: home.kept_keys == [("p", "p")], "the key kept")
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.practice is not None


async def test_keys_pressed_on_the_review_s_loading_placeholder_go_to_the_first_card(db, held):
    held.clear()
    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen_stack[0].query_one(FirstCardView)
        assert view.first is None  # nothing compiled yet: "Loading decks…"
        await until(pilot, lambda: app.focused is view, "the placeholder taking keys")
        await pilot.press("space")
        await until(pilot, lambda: view.keys == [("space", " ")], "the key kept")
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        await until(pilot, lambda: review.phase == "answered", "the kept space applied")


async def test_an_assertion_reason_card_is_answerable_before_the_decks_load(db, tmp_path, held):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "reasons.yaml").write_text(ASSERTION_DECK, encoding="utf-8")
    async with make_app(db, [decks]).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)  # compiled: the next start shows the card early
    held.clear()

    app = make_app(db, [decks])
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen_stack[0].query_one(FirstCardView)
        shown = screen_text(app)
        assert "Press a-d to answer." in shown
        assert "c) Statement-I is correct but Statement-II is incorrect" in shown
        await until(pilot, lambda: app.focused is view, "the early card taking keys")
        await pilot.press("c")
        await until(pilot, lambda: view.keys == [("c", "c")], "the key kept")
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        await until(pilot, lambda: review.phase == "answered", "the kept choice applied")
        assert review.chosen == 2 and review.correct is True
