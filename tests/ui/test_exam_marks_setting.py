"""An exam started with x takes its marks from the settings file."""

from fractions import Fraction

from quizapp.ui.app import app_with_settings
from quizapp.ui.screens.exam import ExamScreen
from tests.ui.conftest import DECKS, notices, wait_loaded


async def start_exam(tmp_path, settings: str):
    config = tmp_path / "config.toml"
    config.write_text(settings, encoding="utf-8")
    app = app_with_settings([DECKS], tmp_path / "progress.sqlite3", config)
    return app, config


async def test_the_settings_marks_are_used(tmp_path):
    app, _ = await start_exam(tmp_path, "exam_right = 1\nexam_wrong = -0.25\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        marking = app.screen.session.marking
        assert (marking.right, marking.wrong, marking.skipped) == (1, Fraction(-1, 4), 0)


async def test_marks_that_make_no_sense_are_reported_and_upsc_used(tmp_path):
    app, config = await start_exam(tmp_path, "exam_right = 0\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        marking = app.screen.session.marking
        assert (marking.right, marking.wrong) == (2, Fraction(-2, 3))
        assert any(
            notice.startswith(f"{config}: exam marks: a right answer must earn marks")
            for notice in notices(app)
        )
