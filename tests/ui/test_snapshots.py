"""Each screen as drawn at 80x24, held by pytest-textual-snapshot.

Clock, durations and shuffles are frozen, so a change in a picture is a change
in the app. After a deliberate change of look: `pytest tests/ui --snapshot-update`.
"""

from tests.ui.conftest import make_app, screen_text, until, wait_loaded


def where(app) -> tuple:
    """The screen on top, its card and how far it is answered: each key here changes one."""
    screen = app.screen
    return type(screen), getattr(screen, "key", None), getattr(screen, "phase", None)


def drawn(app) -> bool:
    """What the picture shows has been done: the home screen's sources line filled in; an
    answer scrolled into view (after a refresh)."""
    screen = app.screen
    if type(screen).__name__ == "HomeScreen":
        if not str(screen.query_one("#sources").render()).startswith("Sources"):
            return False
        # The deck table's columns fitted to its rows: the header's "New" over the counts.
        lines = screen_text(app).splitlines()
        header = next((i for i, line in enumerate(lines) if " Deck " in line), None)
        if header is None or header + 1 >= len(lines) or " New " not in lines[header]:
            return False
        column = lines[header].index(" New ") + 1
        return lines[header + 1][column : column + 1].isdigit()
    if getattr(screen, "phase", None) == "answered":
        from quizapp.ui.widgets.card_view import ANSWER_PARTS, CardView

        view = screen.query_one(CardView)
        shown = [w for w in view.query(ANSWER_PARTS).results() if w.display]
        return bool(shown) and view.can_view_partial(shown[0])
    return screen.is_mounted


def keys_after_loading(*keys: str):
    """A run_before that waits for the decks to load, then presses `keys`, each time waiting
    for the screen to change and be drawn (never for time: the machine may be busy)."""

    async def run_before(pilot) -> None:
        await wait_loaded(pilot)
        await until(pilot, lambda: drawn(pilot.app), "the home screen filled in")
        for key in keys:
            before = where(pilot.app)
            await pilot.press(key)

            def changed(before: tuple = before) -> bool:
                return where(pilot.app) != before

            await until(pilot, changed, f"a change after {key!r}")
            await until(pilot, lambda: drawn(pilot.app), f"the screen drawn after {key!r}")

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


def test_home_60x20(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(60, 20), run_before=keys_after_loading())


def test_review_multiple_choice_60x20(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    run_before = keys_after_loading("enter", "space", "3", "space", "3", "b")
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)


def in_exam(*keys: str):
    """A run_before that starts an exam from its plan, then presses `keys`."""

    async def run_before(pilot) -> None:
        from quizapp.ui.screens.exam import ExamScreen, ExamStartScreen
        from tests.ui.conftest import wait_for_screen

        await wait_loaded(pilot)
        await pilot.press("x")
        await wait_for_screen(pilot, ExamStartScreen)
        await pilot.press("enter")
        await wait_for_screen(pilot, ExamScreen)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    return run_before


def exam_result():
    """A run_before that answers every question of an exam b, submits it, shows the result."""

    async def run_before(pilot) -> None:
        from quizapp.ui.screens.exam import ConfirmScreen
        from quizapp.ui.screens.results import ResultScreen
        from tests.ui.conftest import wait_for_screen

        await in_exam()(pilot)
        for _ in pilot.app.screen.session.questions:
            await pilot.press("b", "n")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_for_screen(pilot, ResultScreen)

    return run_before


def test_exam(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(80, 24), run_before=in_exam("b"))


def test_exam_60x20(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(60, 20), run_before=in_exam("b"))


def test_result(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(80, 24), run_before=exam_result())


def test_result_60x20(snap_compare, tmp_path):
    app = make_app(tmp_path / "p.db")
    assert snap_compare(app, terminal_size=(60, 20), run_before=exam_result())
