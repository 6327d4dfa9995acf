"""The settings screen edits the settings file: checked as typed, saved with comments kept."""

from pathlib import Path

from textual.app import App
from textual.widgets import Input, Select, Static

import quizapp.ui
from quizapp.config import load_settings
from quizapp.ui.screens.settings import SettingsScreen, UnsavedScreen
from tests.ui.test_settings import notices

LEARNER_FILE = """\
# Slow and steady until the exam.
new_per_day = 20  # my pace
desired_retention = 0.9

[keymap]
undo = "z"  # left hand
"""


class SettingsHost(App):
    """The app's look (title, shared styles) without decks: the settings screen needs none."""

    TITLE = "quizapp"
    CSS_PATH = Path(quizapp.ui.__file__).with_name("app.tcss")


async def open_settings(pilot, config) -> SettingsScreen:
    screen = SettingsScreen(config)
    pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def retype(pilot, field_id: str, text: str) -> None:
    """Focus a field, clear it and type `text` as a learner would."""
    pilot.app.screen.query_one(f"#{field_id}", Input).focus()
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


def error_shown(screen, field_id: str) -> str:
    shown = screen.query_one(f"#{field_id}-error", Static)
    return str(shown.render()) if shown.display else ""


async def test_change_new_cards_and_theme_then_save(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short path, so the notice is not wrapped
    config = Path("config.toml")
    config.write_text(LEARNER_FILE, encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_settings(pilot, config)
        assert screen.query_one("#field-new_per_day", Input).value == "20"
        assert screen.query_one("#field-keymap-undo", Input).value == "z"
        assert "take effect the next time quizapp starts" in str(
            screen.query_one("#note", Static).render()
        )
        assert screen.sub_title == "Settings"
        await retype(pilot, "field-new_per_day", "7")
        assert screen.sub_title == "Settings · unsaved changes"

        screen.query_one("#field-theme", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # textual-dark -> nord
        await pilot.pause()
        assert app.theme == "nord"  # at once, before saving
        assert config.read_text(encoding="utf-8") == LEARNER_FILE

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"Saved to {config}" in " ".join(notices(app))
        assert screen.sub_title == "Settings"
    assert config.read_text(encoding="utf-8") == (
        "# Slow and steady until the exam.\n"
        "new_per_day = 7  # my pace\n"
        "desired_retention = 0.9\n"
        'theme = "nord"\n'
        "\n"
        "[keymap]\n"
        'undo = "z"  # left hand\n'
    )
    settings, problems = load_settings(config)
    assert (settings.new_per_day, settings.theme, problems) == (7, "nord", [])


async def test_a_bad_value_shows_why_and_is_not_written(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(LEARNER_FILE, encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_settings(pilot, config)
        await retype(pilot, "field-new_per_day", "lots")
        assert error_shown(screen, "field-new_per_day") == (
            "✗ new_per_day must be a whole number, 0 or more"
        )
        await retype(pilot, "field-desired_retention", "0.8")
        assert error_shown(screen, "field-desired_retention") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved 1 setting(s). Not saved until put right: new_per_day" in " ".join(
            notices(app)
        )
        assert config.read_text(encoding="utf-8") == LEARNER_FILE.replace(
            "desired_retention = 0.9", "desired_retention = 0.8"
        )

        await retype(pilot, "field-new_per_day", "12")  # put right: the error goes
        assert error_shown(screen, "field-new_per_day") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_settings(config)[0].new_per_day == 12


async def test_a_bad_value_in_the_file_is_shown_with_its_message(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('new_per_day = "lots"\nrollover_hour = 30\n', encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot, config)
        assert screen.query_one("#field-new_per_day", Input).value == '"lots"'
        assert error_shown(screen, "field-new_per_day") == (
            "✗ new_per_day must be a whole number, 0 or more"
        )
        assert error_shown(screen, "field-rollover_hour") == (
            "✗ rollover_hour must be an hour from 0 to 23"
        )
        problems = str(screen.query_one("#problems", Static).render())
        assert f"{config}: rollover_hour = 30 must be an hour from 0 to 23" in problems


async def test_escape_with_unsaved_changes_asks_first(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(LEARNER_FILE, encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24)) as pilot:
        theme = app.theme
        screen = await open_settings(pilot, config)
        await pilot.press("escape")  # nothing changed: closes
        assert app.screen is not screen

        screen = await open_settings(pilot, config)
        await retype(pilot, "field-new_per_day", "9")
        screen.query_one("#field-theme", Select).focus()
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, UnsavedScreen)
        assert "Unsaved changes: new_per_day, theme. Save them?" in str(
            app.screen.query_one("#unsaved Static", Static).render()
        )
        await pilot.press("escape")  # keep editing
        assert app.screen is screen
        await pilot.press("escape", "d")  # discard
        await pilot.pause()
        assert app.screen is not screen
        assert app.theme == theme  # the chosen theme is undone
        assert config.read_text(encoding="utf-8") == LEARNER_FILE

        screen = await open_settings(pilot, config)
        await retype(pilot, "field-new_per_day", "9")
        await pilot.press("escape", "s")  # save and close
        await pilot.pause()
        assert app.screen is not screen
    assert load_settings(config)[0].new_per_day == 9


async def test_keys_are_listed_and_rebound(tmp_path):
    from quizapp.ui.screens.keymap import binding_ids

    config = tmp_path / "config.toml"
    config.write_text(LEARNER_FILE, encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot, config)
        for binding_id in binding_ids():
            assert screen.query_one(f"#field-keymap-{binding_id}", Input)
        assert screen.query_one("#field-keymap-again", Input).value == "1"
        await retype(pilot, "field-keymap-again", "j")
        await retype(pilot, "field-keymap-undo", "")  # empty: back to the default key
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_settings(config)[0].keymap == {"again": "j"}
    assert config.read_text(encoding="utf-8").endswith('[keymap]\nagain = "j"\n')


async def test_a_file_with_a_syntax_error_is_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Path("config.toml")
    broken = "# mine\nnew_per_day = = 3\n"
    config.write_text(broken, encoding="utf-8")
    app = SettingsHost()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_settings(pilot, config)
        shown = str(screen.query_one("#file-error", Static).render())
        assert shown == (
            f"Saving is off: {config}: syntax error: Invalid value (at line 2, column 15); "
            "fix it in an editor (the file was left as it is)"
        )
        await retype(pilot, "field-new_per_day", "5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not saved: config.toml: syntax error: Invalid value (at line 2, column 15)" in (
            " ".join(notices(app))
        )
    assert config.read_text(encoding="utf-8") == broken
