"""A card made of statements shows, on reveal, each statement's own passage under its number."""

import re
import textwrap

from textual.widgets import Static

from tests.ui.conftest import make_app, wait_loaded

DECK = """\
id: items
title: Items
sources: [hindu-explained]
cards:
  - id: pact-statements
    kind: statements
    statements:
      - text: The treaty mentions food.
        correct: true
        quote: Food, which is a chronic area of shortage for the DPRK, also finds mention
      - text: The treaty speaks of a unipolar world order.
        correct: false
        quote: building a "just and multipolar new world order,"
    source:
      document: hindu-explained
      quote: The treaty also talks about building a "just and multipolar new world order,"
"""


async def test_each_statement_passage_is_numbered_as_the_question_shows_it(db, tmp_path):
    deck = tmp_path / "items.yaml"
    deck.write_text(textwrap.dedent(DECK), encoding="utf-8")
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        screen = app.screen
        question = screen.question
        shown = {
            text: number
            for number, text in re.findall(r"^(\d)\. (.+)$", question.prompt, re.MULTILINE)
        }
        await pilot.press(question.correct_label)
        await pilot.pause()
        passage = str(screen.query_one("#passage", Static).render())
        food = shown["The treaty mentions food."]
        order = shown["The treaty speaks of a unipolar world order."]
        assert f"{food}. Food, which is a chronic area of shortage for the DPRK" in passage
        assert f"{order}. building a \u201cjust and multipolar new world order,\u201d" in passage
        assert "The Hindu, 21 June 2024" in passage
