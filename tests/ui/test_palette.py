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
        await pilot.pause()
        assert app.screen.card.id == "cloze-article"  # graded; the next card is up
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT card_id, rating FROM review_log").fetchall() == [("basic-name", 4)]
    conn.close()
