"""The deck list's counts: they follow the filters, leave out buried cards, and refresh when
a card falls due while the list is open. Choosing a filter hands focus back to the list."""

import pytest
from textual.widgets import DataTable, Select, Static

from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import make_app, until, wait_for_screen, wait_loaded


def row(app) -> tuple[str, str, str, str]:
    """New, Learn, Due, Cards of the one deck."""
    table = app.screen.query_one("#decks", DataTable)
    cells = table.get_row_at(0)
    return tuple(str(c) for c in cells[1:5])


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def pick(pilot, key: str, downs: int) -> None:
    await pilot.press(key, "enter", *(["down"] * downs), "enter")
    await pilot.pause()


async def test_counts_follow_the_tag_and_source_filters(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert row(app) == ("8", "0", "0", "8")
        await pick(pilot, "t", 2)  # dates: the year and the ordering card
        assert row(app)[0] == "2"
        assert "2 to study now (tagged dates)" in status(app)
        await pilot.press("t", "enter", "home", "enter")  # Any tag again
        await pick(pilot, "s", 2)  # the study notes: the cloze card only
        assert row(app)[0] == "1"


async def test_a_buried_card_is_not_counted_nor_its_place_in_the_new_card_limit(db):
    from quizapp.core.settings import Settings

    app = make_app(db)
    app.settings = Settings(timezone="UTC", enable_fuzzing=False, new_per_day=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert row(app) == ("1", "0", "0", "8")
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("space", "1")  # the day's one new card, forgotten: learning
        await until(pilot, lambda: screen.phase == "asking", "the card shown again")
        await pilot.press("minus")  # buried: nothing left to study today
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, HomeScreen)
        assert row(app) == ("0", "0", "0", "8")
        assert "0 to study now" in status(app)


async def test_counts_refresh_when_a_learning_card_falls_due(db, monkeypatch):
    monkeypatch.setattr(HomeScreen, "DUE_CHECK_SECONDS", 0.05)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("space", "1")  # Again: due again in a minute
        await until(pilot, lambda: app.screen.card.id != "basic-name", "the next card")
        await pilot.press("escape", "enter")
        await wait_for_screen(pilot, HomeScreen)
        assert row(app)[1] == "0"
        app.clock.advance(minutes=2)
        await until(pilot, lambda: row(app)[1] == "1", "the learning card counted")


async def test_choosing_the_same_tag_again_returns_to_the_deck_list(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pick(pilot, "t", 2)
        await pick(pilot, "t", 0)  # the list opens on dates: Enter picks it again
        assert isinstance(app.focused, DataTable)


async def study_all(pilot, screen) -> list[str]:
    """Every card the review session shows, each buried as soon as it is shown."""
    shown = []
    while isinstance(pilot.app.screen, ReviewScreen):
        shown.append(screen.card.id)
        await pilot.press("minus")
        await until(
            pilot,
            lambda: not isinstance(pilot.app.screen, ReviewScreen) or screen.card.id != shown[-1],
            "the next card or the end",
        )
    return shown


@pytest.mark.parametrize(
    ("tag", "source", "cards"),
    [
        ("articles", None, {"cloze-article", "mcq-article"}),
        (None, "study-notes", {"cloze-article"}),
        ("articles", "hindu-explained", {"mcq-article"}),
    ],
)
async def test_review_studies_the_cards_the_filters_count(db, tag, source, cards):
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        home = app.screen
        for name, value in (("#tag", tag), ("#source", source)):
            if value is not None:
                home.query_one(name, Select).value = value
        await until(pilot, lambda: row(app)[0] == str(len(cards)), "the filtered counts")
        assert row(app)[1:3] == ("0", "0")
        home.query_one("#decks", DataTable).focus()
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ReviewScreen)
        left = str(screen.query_one("#left", Static).render())
        assert left == f"{len(cards)} new · 0 learning · 0 to review"
        assert set(await study_all(pilot, screen)) == cards
