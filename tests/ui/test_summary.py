"""The end of a session says what is left, or when the next card is due."""

import textwrap

from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import make_app, wait_loaded


async def test_leaving_early_says_how_many_are_left(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "3", "space", "1", "escape")
        assert isinstance(app.screen, SummaryScreen)
        text = app.screen.text()
        assert "Answers:           2 on 2 cards" in text
        assert "Left to study:     6 now (Enter on the deck list)" in text  # the six new cards


async def test_finishing_says_when_the_next_card_is_due(db, tmp_path):
    deck = tmp_path / "one.yaml"
    deck.write_text(
        textwrap.dedent(
            """\
            id: one
            title: One card
            cards:
              - id: only
                kind: basic
                question: Which article does the pact invoke?
                answer: Article 51
            """
        )
    )
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "4")  # Easy: next review in days
        assert isinstance(app.screen, SummaryScreen)
        text = app.screen.text()
        assert "Right (not Again): 1  (100%)" in text
        assert "Next card due:     in 8d" in text
        assert "Until then, p on the deck list practises ahead." in text
