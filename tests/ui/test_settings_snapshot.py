"""The settings screen as drawn at 80x24: values, explanations and a field's error."""

from pathlib import Path

from textual.widgets import Input, Static

from quizapp.ui.screens.settings import SettingsScreen
from tests.ui.conftest import until
from tests.ui.test_settings_screen import SettingsHost


def test_settings_screen(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the screen names the file: the same name on every run
    config = Path("config.toml")
    config.write_text('# mine\nnew_per_day = 15\n[keymap]\nundo = "z"\n', encoding="utf-8")

    async def run_before(pilot) -> None:
        screen = SettingsScreen(config)
        pilot.app.push_screen(screen)
        await until(pilot, lambda: screen.is_mounted and pilot.app.screen is screen, "settings")
        field = screen.query_one("#field-desired_retention", Input)
        # The picture shows the cursor: without blinking it is there however long it takes.
        field.cursor_blink = False
        field.focus()
        await pilot.press("end", "ctrl+u", "1", ".", "5")
        error = screen.query_one("#field-desired_retention-error", Static)

        def checked() -> bool:
            return field.value == "1.5" and "0.70 to 0.99" in str(error.render())

        await until(pilot, checked, "the typed value checked")
        await until(pilot, lambda: "unsaved" in screen.sub_title, "the title marked unsaved")

    assert snap_compare(SettingsHost(), terminal_size=(80, 24), run_before=run_before)
