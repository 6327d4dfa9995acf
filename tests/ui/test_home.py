"""Home: the filters by tag and by source document, driven by keys, and each deck's sources."""

import sqlite3
import textwrap

from textual.widgets import DataTable, Select, Static

from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import DECKS, make_app, until, wait_loaded


def logged(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT card_id, rating, mode FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()


async def pick(pilot, key: str, downs: int) -> None:
    """Open a filter with its key and Enter, move down `downs` options, pick with Enter;
    waits until the choice is made and the deck list has the focus again."""
    await pilot.press(key, "enter", *(["down"] * downs), "enter")
    await until(pilot, lambda: isinstance(pilot.app.focused, DataTable), "the filter picked")


async def test_tag_filter_studies_only_cards_with_that_tag(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pick(pilot, "t", 2)  # Any tag, articles, dates
        assert app.screen.query_one("#tag", Select).value == "dates"
        assert isinstance(app.focused, DataTable)  # back on the deck list
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        assert "Every kind of card · dates" in str(app.screen.query_one("#where", Static).render())
        assert app.screen.card.id == "year-recognition"
        await pilot.press(*"1948", "enter", "4")
        await until(pilot, lambda: app.screen.card.id == "order-visits", "the next card")
        screen = app.screen
        assert screen.card.id == "order-visits"
        order = "".join(str(screen.shown_order.index(i) + 1) for i in range(3))
        await pilot.press(*order, "enter", "4")
        # Nothing else carries the tag: the summary.
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
    assert logged(db) == [("year-recognition", 4, "review"), ("order-visits", 4, "review")]


async def test_source_filter_studies_only_cards_citing_that_document(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pick(pilot, "s", 2)  # Any source, the Hindu explainer, the study notes
        assert app.screen.query_one("#source", Select).value == "study-notes"
        await pilot.press("enter")
        assert app.screen.card.id == "cloze-article"
        await pilot.press("space", "4")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
    assert logged(db) == [("cloze-article", 4, "review")]


async def test_sources_line_follows_the_deck_under_the_cursor(db, tmp_path):
    notes_only = tmp_path / "notes.yaml"
    notes_only.write_text(
        textwrap.dedent(
            """\
            id: notes-only
            title: Notes only
            sources: [study-notes]
            cards:
              - id: article
                kind: basic
                question: Which article of the UN Charter does Article 4 invoke?
                answer: Article 51
                source:
                  document: study-notes
                  quote: in accordance with Article 51 of the UN Charter
            """
        )
    )
    app = make_app(db, decks=[DECKS, notes_only])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)

        def sources() -> str:
            return str(app.screen.query_one("#sources", Static).render())

        assert "The Hindu, 21 June 2024" in sources()  # Every kind of card cites both
        await pilot.press("down")
        assert sources() == "Sources: Russia-North Korea Pact"
        await pilot.press("down")  # All decks
        assert "The Hindu" in sources() and "Russia-North Korea Pact" in sources()
