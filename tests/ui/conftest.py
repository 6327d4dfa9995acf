import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

DECKS = Path(__file__).with_name("decks")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def make_app(db: Path, decks: list[Path] | None = None, seed: int = 1):
    from quizapp.core.clock import FixedClock
    from quizapp.core.settings import Settings
    from quizapp.ui.app import QuizApp

    app = QuizApp(
        decks or [DECKS],
        db,
        clock=FixedClock(NOW),
        settings=Settings(timezone="UTC", enable_fuzzing=False),
        seed=seed,
    )
    app.timer = lambda: 0.0
    return app


async def until(pilot, condition, what: str = "the screen", *, polls: int = 300) -> None:
    """Poll until `condition()` holds (never a fixed sleep), then let the screen settle.

    The one wait of the UI tests: each waits for the state it needs, however
    loaded the machine is. ``polls``: more for what other processes do (starting
    Python in a child process takes seconds on a busy machine).
    """
    for _ in range(polls):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} never happened; at {pilot.app.screen!r}")


async def wait_loaded(pilot) -> None:
    """Until the worker has loaded the decks, and the deck list its tag menu."""
    from quizapp.ui.screens.home import HomeScreen

    def loaded() -> bool:
        if pilot.app.collection is None:
            return False
        homes = [s for s in pilot.app.screen_stack if isinstance(s, HomeScreen)]
        return all(home.collection is None or home.tags_offered for home in homes)

    await until(pilot, loaded, "loading the decks")


async def wait_for_screen(pilot, kind: type):
    """Until a screen of class `kind` is on top and mounted; returns it."""

    def shown() -> bool:
        return isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted

    await until(pilot, shown, f"{kind.__name__} showing")
    return pilot.app.screen


def screen_text(app) -> str:
    """The screen as the learner sees it, one line per row, scrolled parts left out.

    Textual has no public way to read the composed screen as text (only as an
    SVG screenshot), so this is the one place the tests reach into it.
    """
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app) -> list[str]:
    """The text of each notification on screen now (run the app with notifications=True).

    Textual draws each as a Toast widget, found here by its CSS type name.
    """
    return [str(toast.render()) for toast in app.screen.query("Toast")]


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "progress.sqlite3"


def right_order(screen) -> str:
    # The events are shown shuffled; type the shown numbers in date order.
    return "".join(str(screen.shown_order.index(i) + 1) for i in range(len(screen.shown_order)))


async def answer_current(pilot, right: bool) -> None:
    """Answer the card on screen the way its kind asks, rightly or wrongly."""
    screen = pilot.app.screen
    kind = screen.card.kind
    if kind in {"basic", "cloze"}:
        await pilot.press("space")
    elif kind in {"mcq", "statements", "match"}:
        label = screen.question.correct_label
        if not right:
            label = next(x for x in screen.question.labels if x != label)
        await pilot.press(label)
    elif kind == "true_false":
        await pilot.press("t" if screen.card.answer == right else "f")
    elif kind == "year":
        year = screen.card.answer if right else screen.card.answer + 1
        await pilot.press(*str(year), "enter")
    elif kind == "ordering":
        order = right_order(screen)
        await pilot.press(*(order if right else order[::-1]), "enter")
    await until(pilot, lambda: screen.phase == "answered", "the answer shown")


@pytest.fixture
def held(monkeypatch):
    """The progress database opens only while the event is set: cleared, the decks stay
    loading until it is set again."""
    import threading

    from quizapp.core.collection import Collection

    opening = threading.Event()
    opening.set()
    real = Collection.from_decks.__func__

    def from_decks(cls, *args, **kwargs):
        opening.wait(60)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(Collection, "from_decks", classmethod(from_decks))
    yield opening
    opening.set()
