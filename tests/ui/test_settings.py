"""The learner's settings file reaches the app: scheduling, theme and keymap."""

import sqlite3

from textual.widgets import Static

from quizapp.core.clock import FixedClock
from quizapp.ui.app import app_with_settings
from quizapp.ui.screens.home import HomeScreen
from tests.ui.conftest import DECKS, NOW, notices, wait_loaded


async def test_settings_file_sets_new_cards_theme_and_keys(db, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        'theme = "textual-light"\n'
        "new_per_day = 3\n"
        "desired_retention = 2\n"
        'leech_lapses = "[bold]many[/bold]"\n'
        "[keymap]\n"
        'undo = "z"\n'
        'skip = "k"\n',
        encoding="utf-8",
    )
    app = app_with_settings([DECKS], db, config)
    app.clock = FixedClock(NOW)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_loaded(pilot)
        assert app.theme == "textual-light"
        assert isinstance(app.screen, HomeScreen)
        assert "3 to study now" in str(app.screen.query_one("#status", Static).render())
        shown = " ".join(notices(app))
        assert "desired_retention = 2 must be a number from 0.70 to 0.99" in shown
        assert "config.toml: keymap: no key binding is called 'skip'; known: again," in shown
        assert "leech_lapses = '[bold]many[/bold]' must be a whole number" in shown  # literal

        await pilot.press("enter", "space", "3")
        assert app.screen.card.id == "cloze-article"
        await pilot.press("u")  # no longer the undo key
        assert app.screen.card.id == "cloze-article"
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.card.id == "basic-name"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone() == (0,)
    conn.close()
