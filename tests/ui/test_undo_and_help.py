"""Undo takes back a bury or suspension too, and says which; the flag dialog counts the cards;
the keys list follows the learner's keymap."""

from quizapp.core.settings import Settings
from quizapp.ui.screens.browser import BrowserScreen
from quizapp.ui.screens.card_marks import FlagPicker
from quizapp.ui.screens.help import HelpScreen
from quizapp.ui.screens.review import ReviewScreen
from tests.ui.conftest import make_app, notices, screen_text, until, wait_for_screen, wait_loaded


async def test_undo_after_suspending_takes_the_suspension_back(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("space", "3")  # basic-name answered
        await until(pilot, lambda: screen.card.id == "cloze-article", "the cloze card")
        await pilot.press("at")  # suspended
        await until(pilot, lambda: screen.card.id == "mcq-article", "the next card")
        await pilot.press("u")
        await until(pilot, lambda: screen.card.id == "cloze-article", "the card back")
        assert not app.collection.store.progress(screen.key).suspended
        assert any("Suspension taken back" in n for n in notices(app))
        await pilot.press("u")  # then the answer before it
        await until(pilot, lambda: screen.card.id == "basic-name", "the first card back")


async def test_flagging_two_selected_rows_says_two_cards(db):
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await wait_for_screen(pilot, BrowserScreen)
        screen = app.screen
        await until(pilot, lambda: screen.results_for == "", "the cards listed")
        await pilot.press("space", "down", "space", "asterisk")
        await wait_for_screen(pilot, FlagPicker)
        assert "Flag 2 cards" in screen_text(app)


async def test_the_keys_list_follows_the_keymap(db):
    app = make_app(db)
    app.settings = Settings(timezone="UTC", enable_fuzzing=False, keymap={"undo": "ctrl+z"})
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        text = screen_text(app)
        assert "ctrl+z  e    undo the last answer" in text
        assert "  u  " not in text


def test_the_keys_list_names_each_binding_by_its_own_key():
    import re

    from textual.binding import Binding

    from quizapp.ui.screens.help import KEYS
    from quizapp.ui.screens.home import HomeScreen

    section, named = None, []
    for line in KEYS:
        if isinstance(line, str):
            section = {"Home": HomeScreen, "Review": ReviewScreen}.get(line)
            continue
        named += [(section, *m) for m in re.findall(r"{([a-z-]+):([^}]+)}", line[0])]
    assert len(named) > 10
    for screen, binding_id, key in named:
        keys = {b.id: b.key for b in screen.BINDINGS if isinstance(b, Binding)}
        assert keys[binding_id].split(",")[0] == key, binding_id
