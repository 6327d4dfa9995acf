"""The browser and the settings are reached from the deck list, from review and the palette."""

from textual.command import CommandPalette

from quizapp.ui.screens.browser import BrowserScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.settings import SettingsScreen
from tests.ui.conftest import make_app, until, wait_loaded


async def test_b_browses_from_the_decks_and_the_counts_follow_a_suspension(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        home = app.screen
        await pilot.press("b")
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        await until(pilot, lambda: browser.results_for == "", "the cards listed")
        await pilot.press("at")  # suspend the first card
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "back to the decks")
        assert app.screen is home
        studyable = len(app.collection.store.study_queue(app.collection.deck_ids))
        assert f"{studyable} to study now" in str(home.query_one("#status").render())
        assert studyable == 7  # 8 cards, one suspended


async def test_capital_b_in_review_and_a_card_suspended_there_is_left_behind(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.key
        await pilot.press("B")
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        await until(pilot, lambda: browser.results_for == "", "the cards listed")
        assert browser.matches[0].key == first
        await pilot.press("at", "escape")
        await until(pilot, lambda: app.screen is review, "back to the review")
        assert review.key != first and app.collection.store.progress(first).suspended


async def test_comma_opens_the_settings_and_the_palette_offers_both(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "back to the decks")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Settings (,)" in titles and "Browse cards (b)" in titles  # once each, with keys
        assert "Settings" not in titles and "Browse cards" not in titles
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Browse cards", "enter")
        await until(pilot, lambda: isinstance(app.screen, BrowserScreen), "the browser")
