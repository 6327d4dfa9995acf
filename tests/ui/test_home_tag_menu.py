"""The deck list's tag menu offers the parent tags too (upsc above upsc::polity, as Anki's
sidebar), each under its parent, with the number of cards it picks: as many as the counts
then show."""

import re

from textual.widgets import DataTable, Select, Static

from quizapp.ui.screens.home import HomeScreen
from tests.quiz.test_same_cards_as_review import write_nested_deck
from tests.ui.conftest import make_app, screen_text, until, wait_loaded

MENU = [
    "economy (1)",
    "  economy::upsc (1)",
    "history (2)",
    "upsc (3)",
    "  upsc::economy (1)",
    "    upsc::economy::budget (1)",
    "  upsc::polity (1)",
    "upscale (1)",
]


def new_count(app) -> str:
    return str(app.screen.query_one("#decks", DataTable).get_row_at(0)[1])


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def open_menu(pilot) -> list[str]:
    """Open the tag menu with its keys; the options as the learner reads them."""
    await pilot.press("t", "enter")
    await until(pilot, lambda: pilot.app.screen.query_one("#tag", Select).expanded, "the menu")
    options = pilot.app.screen.query_one("#tag SelectOverlay")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_parents_are_offered_under_which_sit_their_children_with_their_cards(db, tmp_path):
    app = make_app(db, [write_nested_deck(tmp_path / "decks")])
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_loaded(pilot)
        assert new_count(app) == "6"
        assert await open_menu(pilot) == ["Any tag", *MENU]
        lines = screen_text(app).splitlines()

        def column(label: str) -> int:
            return next(line.index(label) for line in lines if label in line)

        # On screen, each child indented under its parent.
        assert column("upsc::economy::budget (1)") == column("upsc (3)") + 4
        assert column("upsc::polity (1)") == column("upscale (1)") + 2
        await pilot.press("escape")
        for downs, label in enumerate(MENU, start=1):
            # Each, picked with keys, studies as many cards as its label says.
            await pilot.press("t", "enter", "home", *["down"] * downs, "enter")
            tag = label.strip().rsplit(" (", 1)[0]
            await until(pilot, lambda t=tag: f"(tagged {t})" in status(app), f"{tag} picked")
            assert isinstance(app.focused, DataTable)
            assert new_count(app) == re.search(r"\((\d+)\)$", label)[1], label
        assert isinstance(app.screen, HomeScreen)
