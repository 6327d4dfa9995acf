"""Layout at 80x24 and 60x20: the deck counts in sight, room for the exam's question and the
browser's card, options and events wrapping under their own text, answers marked."""

from pathlib import Path

from quizapp.ui.screens.browser import BrowserScreen
from quizapp.ui.screens.exam import ConfirmScreen, ExamScreen, ExamStartScreen
from quizapp.ui.screens.review import ReviewScreen
from tests.ui.conftest import (
    answer_current,
    make_app,
    screen_text,
    until,
    wait_for_screen,
    wait_loaded,
)

BUNDLED = Path(__file__).parents[2] / "decks"


async def test_the_deck_table_keeps_its_counts_at_60x20(db):
    app = make_app(db, decks=[BUNDLED])
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_loaded(pilot)
        header = next(line for line in screen_text(app).splitlines() if "Deck" in line)
        assert all(name in header for name in ("New", "Learn", "Due", "Cards"))
        assert "…" in screen_text(app)  # long deck titles shortened


async def test_the_exam_question_has_50_columns_at_80x24_and_options_wrap_indented(db):
    app = make_app(db, decks=[BUNDLED])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        await wait_for_screen(pilot, ExamStartScreen)
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ExamScreen)
        assert screen.query_one("#question").size.width >= 50
    app = make_app(db, decks=[BUNDLED])
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_loaded(pilot)
        await wait_for_screen(pilot, ConfirmScreen)  # the unfinished exam offered again
        await pilot.press("y")
        screen = await wait_for_screen(pilot, ExamScreen)
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "○ a)" in line or "● a)" in line)
        # The option's second line starts under its text, not under its label.
        assert lines[first + 1].startswith(" " * 6)


async def test_the_browser_card_column_has_40_columns_at_80x24(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        screen = await wait_for_screen(pilot, BrowserScreen)
        assert screen.query_one("#cards").columns["card"].width >= 40


async def test_answered_options_are_marked_and_a_cloze_shows_what_filled_it(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        screen = await wait_for_screen(pilot, ReviewScreen)
        await pilot.press("space", "3")
        await until(pilot, lambda: screen.card.kind == "cloze", "the cloze card")
        await pilot.press("space")
        answer = screen.query_one("#answer").render()
        filled = [
            answer.plain[s.start : s.end] for s in answer.spans if getattr(s.style, "reverse", 0)
        ]
        assert filled == ["51"]
        await pilot.press("3")
        await until(pilot, lambda: screen.card.kind == "mcq", "the mcq")
        await answer_current(pilot, right=False)
        text = screen_text(app)
        assert f"✓ {screen.question.correct_label})" in text
        assert "✗ " in text


async def test_the_review_line_keeps_kind_and_state_at_60x20(db):
    app = make_app(db, decks=[BUNDLED])
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("down", "enter")  # the deck with the longest title
        screen = await wait_for_screen(pilot, ReviewScreen)
        where = screen_text(app).splitlines()[1]
        assert where.rstrip().endswith(f"· {screen.card.kind.replace('_', '/')} · new")
