"""`r` on the home screen reads the decks again: an edited deck shows without restarting."""

import shutil

from textual.widgets import DataTable

from tests.ui.conftest import DECKS, make_app, wait_loaded


async def test_reload_picks_up_an_edited_deck(db, tmp_path):
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    app = make_app(db, decks=[decks])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        deck = decks / "every-kind.yaml"
        deck.write_text(deck.read_text().replace("title: Every kind of card", "title: Renamed"))
        await pilot.press("r")
        await wait_loaded(pilot)
        table = app.screen.query_one("#decks", DataTable)
        assert str(table.get_row_at(0)[0]) == "Renamed"
