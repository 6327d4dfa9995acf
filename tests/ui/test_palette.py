"""The command palette reaches the screen's actions, only those that would do something now."""

import sqlite3

from quizapp.ui.screens.review import ReviewScreen
from tests.ui.conftest import make_app, until, wait_loaded


async def palette_offers(pilot, title: str) -> None:
    """Until the palette's search (run in the background) highlights `title`."""
    from textual.command import CommandList

    def offered() -> bool:
        found = pilot.app.screen.query(CommandList)
        if not found or found.first().highlighted is None:
            return False
        option = found.first().get_option_at_index(found.first().highlighted)
        return title in str(option.prompt)

    await until(pilot, offered, f"the palette offering {title!r}")


def titles(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_palette_grades_the_card_on_screen(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        home = titles(app)
        assert {"Study (⏎)", "Practise (p)", "Reload decks (r)", "Keys (?)"} <= set(home)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        asking = titles(app)
        assert "Show answer (space)" in asking
        assert "Easy (4)" not in asking and "False (f)" not in asking  # not before the answer
        await pilot.press("space")
        answered = titles(app)
        assert {"Again (1)", "Hard (2)", "Good (3)", "Easy (4)"} <= set(answered)
        assert "Show answer (space)" not in answered

        await pilot.press("ctrl+p")
        await pilot.press(*"Easy (4)")
        await palette_offers(pilot, "Easy (4)")
        await pilot.press("enter")
        # Graded; the next card is up.
        await until(pilot, lambda: app.screen.card.id == "cloze-article", "the next card")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT card_id, rating FROM review_log").fetchall() == [("basic-name", 4)]
    conn.close()


async def test_one_palette_entry_per_action_and_only_ours(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        for screen_titles in (titles(app), await review_titles(pilot)):
            names = [t.split(" (")[0] for t in screen_titles]
            assert len(names) == len(set(names)), screen_titles
            assert not {"Maximize", "Screenshot", "Theme"} & set(names)
            assert "Quit" in names


async def review_titles(pilot) -> list[str]:
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review")
    return titles(pilot.app)
