"""Each screen as drawn at 80x24, held by pytest-textual-snapshot.

Clock, durations and shuffles are frozen, so a change in a picture is a change
in the app. After a deliberate change of look: `pytest tests/ui --snapshot-update`.
"""

from tests.ui.conftest import make_app, wait_loaded


def keys_after_loading(*keys: str):
    """A run_before that waits for the decks to load, then presses `keys`."""

    async def run_before(pilot) -> None:
        await wait_loaded(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    return run_before


def test_home(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_after_loading())


def test_review_question(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_after_loading("enter"))


def test_review_answer_with_passage(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    run_before = keys_after_loading("enter", "space")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_review_multiple_choice(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    run_before = keys_after_loading("enter", "space", "3", "space", "3")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_summary(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    run_before = keys_after_loading("enter", "space", "3", "space", "1", "escape")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    run_before = keys_after_loading("question_mark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_review_answer_light_theme(snap_compare, tmp_path):
    """Readable on a light terminal: the answer, the passage and the grades."""
    app = make_app(tmp_path / "p.db")

    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await keys_after_loading("enter", "space")(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_review_answer_no_color(snap_compare, tmp_path, monkeypatch):
    """With NO_COLOR, right/wrong and the suggested grade still show (marks, reverse video)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path / "p.db")
    assert app.no_color
    run_before = keys_after_loading("enter", "space", "3", "space", "3", "b")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
