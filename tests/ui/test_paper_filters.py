"""A quiz or an exam started from the deck list asks the cards review would with the tag and
source chosen there: the tag takes in the tags nested under it."""

import pytest
from textual.widgets import DataTable, Select

from quizapp.ui.screens.exam import ExamScreen, ExamStartScreen
from quizapp.ui.screens.quiz_screen import QuizScreen
from tests.quiz.test_same_cards_as_review import write_nested_deck
from tests.ui.conftest import make_app, until, wait_for_screen, wait_loaded


async def start_paper(pilot, kind: str):
    if kind == "quiz":
        await pilot.press("z")
        return await wait_for_screen(pilot, QuizScreen)
    await pilot.press("x")
    await wait_for_screen(pilot, ExamStartScreen)
    await pilot.press("enter")
    return await wait_for_screen(pilot, ExamScreen)


@pytest.mark.parametrize("kind", ["quiz", "exam"])
@pytest.mark.parametrize(
    ("tag", "source", "cards"),
    [
        ("upsc", None, {"polity", "budget", "whole"}),
        ("upsc", "notes-b", {"budget", "whole"}),
        (None, "notes-a", {"polity", "upscale", "older"}),
    ],
)
async def test_a_paper_asks_the_cards_the_filters_count(db, tmp_path, kind, tag, source, cards):
    app = make_app(db, [write_nested_deck(tmp_path / "decks")])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        home = app.screen
        for name, value in (("#tag", tag), ("#source", source)):
            if value is not None:
                home.query_one(name, Select).value = value
        table = home.query_one("#decks", DataTable)
        await until(pilot, lambda: str(table.get_row_at(0)[1]) == str(len(cards)), "the counts")
        table.focus()
        screen = await start_paper(pilot, kind)
        assert {q.card_id for q in screen.session.questions} == cards
