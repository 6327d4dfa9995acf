import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

DECKS = Path(__file__).with_name("decks")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def make_app(db: Path, decks: list[Path] | None = None, seed: int = 1):
    from quizapp.core.clock import FixedClock
    from quizapp.core.settings import SchedulerSettings
    from quizapp.ui.app import QuizApp

    app = QuizApp(
        decks or [DECKS],
        db,
        clock=FixedClock(NOW),
        settings=SchedulerSettings(timezone="UTC", enable_fuzzing=False),
        seed=seed,
    )
    app.timer = lambda: 0.0
    return app


async def wait_loaded(pilot) -> None:
    """Poll until the worker has loaded the decks (never a fixed sleep)."""
    for _ in range(200):
        if pilot.app.collection is not None:
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("decks did not load")


async def until(pilot, condition, what: str = "the screen") -> None:
    """Poll until `condition()` holds (never a fixed sleep), then let the screen settle."""
    for _ in range(300):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} never happened; at {pilot.app.screen!r}")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "progress.sqlite3"
