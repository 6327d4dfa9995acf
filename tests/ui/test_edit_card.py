"""`e` opens the deck in $EDITOR at the card's line; the edit shows at once, progress kept."""

import shutil
import sqlite3
import stat

import pytest
from textual.widgets import Static

from tests.ui.conftest import DECKS, make_app, notices, until, wait_loaded


def fake_editor(tmp_path, replacement: str):
    """An editor that notes its arguments and rewords the card's question."""
    script = tmp_path / "editor.sh"
    args = tmp_path / "editor-args"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > {args}\n'
        f"sed -i 's/What is the pact officially called?/{replacement}/' \"$2\"\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, args


async def test_edit_key_opens_editor_at_the_card_line_and_reloads(db, tmp_path, monkeypatch):
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    script, args = fake_editor(tmp_path, "Name the pact in full.")
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(db, decks=[decks])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "3")  # answer the first card
        await pilot.press("u")  # back to it
        await pilot.press("e")

        def prompt() -> str:
            return str(app.screen.query_one("#prompt", Static).render())

        await until(pilot, lambda: "Name the pact in full." in prompt(), "the edited card")
        assert args.read_text().split() == ["+5", str(decks / "every-kind.yaml")]
    conn = sqlite3.connect(db)
    # The reworded card kept its id and its place in the store.
    assert conn.execute(
        "SELECT COUNT(*) FROM card WHERE card_id = 'basic-name' AND present"
    ).fetchone() == (1,)


@pytest.mark.parametrize(
    ("editor", "said"),
    [
        ('/no/such editor --flag "q', "$EDITOR '/no/such editor --flag \"q' is not a command"),
        ("   ", "$EDITOR '   ' names no command"),
        ("/no/such/editor", "Cannot run the editor '/no/such/editor'"),
    ],
)
async def test_a_bad_editor_is_a_message_on_screen(db, tmp_path, monkeypatch, editor, said):
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(db)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")  # review the first deck
        await until(pilot, lambda: getattr(app.screen, "card", None) is not None, "a card")
        shown = app.screen.key
        await pilot.press("e")
        await until(pilot, lambda: any(said in n for n in notices(app)), "the editor's message")
        assert app.screen.key == shown and app.is_running  # the card stays, the app runs
