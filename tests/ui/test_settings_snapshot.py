"""The settings screen as drawn at 80x24: values, explanations and a field's error."""

from pathlib import Path

from textual.widgets import Input

from quizapp.ui.screens.settings import SettingsScreen
from tests.ui.test_settings_screen import SettingsHost


def test_settings_screen(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the screen names the file: the same name on every run
    config = Path("config.toml")
    config.write_text('# mine\nnew_per_day = 15\n[keymap]\nundo = "z"\n', encoding="utf-8")

    async def run_before(pilot) -> None:
        pilot.app.push_screen(SettingsScreen(config))
        await pilot.pause()
        pilot.app.screen.query_one("#field-desired_retention", Input).focus()
        await pilot.press("end", "ctrl+u", "1", ".", "5")
        await pilot.pause()

    assert snap_compare(SettingsHost(), terminal_size=(80, 24), run_before=run_before)
