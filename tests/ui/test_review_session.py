"""Whole review sessions driven by keys, checked against what the database recorded."""

import sqlite3
import textwrap

from textual.widgets import Static

from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import answer_current, make_app, until, wait_loaded


def log_rows(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT card_id, rating, mode, answer FROM review_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def next_shown(app, db, answers: int) -> bool:
    """The grade is saved and what follows is on screen: the next card asked, or the summary."""
    shown = isinstance(app.screen, SummaryScreen) or getattr(app.screen, "phase", "") == "asking"
    return shown and len(log_rows(db)) == answers


def text_of(screen, selector) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_every_kind_reviewed_and_recorded(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        seen = []
        wrong_kinds = {"year", "match"}
        for _ in range(8):
            screen = app.screen
            kind = screen.card.kind
            seen.append(kind)
            await answer_current(pilot, right=kind not in wrong_kinds)
            if kind in {"basic", "cloze"}:
                await pilot.press("4")  # self-graded: Easy
            else:
                verdict = text_of(screen, "#verdict")
                assert verdict.startswith("✗ Wrong" if kind in wrong_kinds else "✓ Right")
                await pilot.press("enter")  # the suggested grade
            graded = len(seen)
            await until(pilot, lambda n=graded: next_shown(app, db, n), "the next card")
        # The two missed cards come back within minutes (learning steps); stop here.
        assert app.screen.card.id in {"year-recognition", "match-visits"}
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        assert "Answers:           8 on 8 cards" in app.screen.text()
        assert "Right (not Again): 6  (75%)" in app.screen.text()
    assert sorted(seen) == sorted(
        ["basic", "cloze", "mcq", "true_false", "year", "ordering", "statements", "match"]
    )
    rows = log_rows(db)
    assert [r[0] for r in rows] == [
        "basic-name",
        "cloze-article",
        "mcq-article",
        "tf-food",
        "year-recognition",
        "order-visits",
        "statements-pact",
        "match-visits",
    ]
    assert {r[2] for r in rows} == {"review"}
    ratings = {r[0]: r[1] for r in rows}
    assert ratings["basic-name"] == 4 and ratings["cloze-article"] == 4
    assert ratings["year-recognition"] == 1 and ratings["match-visits"] == 1  # wrong: Again
    assert ratings["mcq-article"] == 3 and ratings["tf-food"] == 3  # right: Good on Enter
    answers = {r[0]: r[3] for r in rows}
    assert answers["year-recognition"] == "1949"
    assert answers["mcq-article"] == "Article 51"
    assert answers["tf-food"] == "True"
    assert answers["statements-pact"] == "1 only"


async def test_answer_shows_passage_with_title_and_date(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space")
        passage = text_of(app.screen, "#passage")
        assert "officially called the \u201cTreaty on the Comprehensive" in passage
        assert "The Hindu, 21 June 2024" in passage
        grades = text_of(app.screen, "#grades")
        assert "1 Again  1m" in grades and "3 Good  10m" in grades and "4 Easy  8d" in grades


async def test_wrong_objective_answer_allows_only_again(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "3", "space", "3")  # basic and cloze done
        await answer_current(pilot, right=False)  # the mcq, wrongly
        await pilot.press("4")  # Easy is refused for a wrong answer
        assert app.screen.card.id == "mcq-article"
        await pilot.press("enter")
    assert log_rows(db)[-1][:2] == ("mcq-article", 1)


async def test_undo_takes_back_the_answer(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "3")
        assert app.screen.card.id == "cloze-article"
        assert len(log_rows(db)) == 1
        await pilot.press("u")
        await until(pilot, lambda: app.screen.card.id == "basic-name", "the card back")
        assert log_rows(db) == []


async def test_quitting_mid_session_keeps_every_answer(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "space", "3", "space", "1")
        await app.action_quit()
    assert [r[0] for r in log_rows(db)] == ["basic-name", "cloze-article"]
    again = make_app(db)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        status = text_of(again.screen, "#status")
        assert "6 to study now" in status  # two fewer new cards, none due yet


async def test_practice_ahead_leaves_the_schedule_alone(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("space", "1")
        assert "practice: the schedule is not changed" not in text_of(app.screen, "#grades")
    assert log_rows(db) == [("basic-name", 1, "practice", None)]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT state FROM card WHERE card_id = 'basic-name'").fetchone() == (0,)


async def test_deck_text_is_shown_literally(db, tmp_path):
    deck = tmp_path / "odd.yaml"
    deck.write_text(
        textwrap.dedent(
            """\
            id: odd
            title: "[bold]Odd[/bold] deck"
            cards:
              - id: markup
                kind: basic
                question: "What does [bold]x[/bold] or [link=http://x.test]y[/link] do? \\x1b[31m"
                answer: "[red]nothing[/red]"
            """
        )
    )
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        prompt = text_of(app.screen, "#prompt")
        assert "[bold]x[/bold] or [link=http://x.test]y[/link]" in prompt
        assert "\\x1b[31m" in prompt and "\x1b" not in prompt
        await pilot.press("space")
        assert "[red]nothing[/red]" in text_of(app.screen, "#answer")


async def test_nothing_due_says_when_and_offers_practice(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        for _ in range(30):  # learning steps bring cards back until they graduate
            if isinstance(app.screen, SummaryScreen):
                break
            await answer_current(pilot, right=True)
            answered = len(log_rows(db))
            await pilot.press("4" if app.screen.card.kind in {"basic", "cloze"} else "enter")
            await until(pilot, lambda n=answered + 1: next_shown(app, db, n), "the next card")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")  # leave the summary
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        status = text_of(app.screen, "#status")
        assert "0 to study now. Next card due in " in status
        assert "Press p to practise ahead." in status


async def test_a_long_session_keeps_no_keys_the_footer_drew_before(db):
    """The footer is drawn again as each card is asked and answered; the keys it drew before
    are let go (kept, a few hundred answers stalled the screen on garbage collection)."""
    import gc

    from textual.widgets._footer import FooterKey

    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        for answered in range(1, 7):
            await answer_current(pilot, right=True)
            await pilot.press("enter" if app.screen.card.kind not in {"basic", "cloze"} else "3")
            await until(pilot, lambda n=answered: next_shown(app, db, n), "the next card")
        gc.collect()
        keys = [k for k in gc.get_objects() if isinstance(k, FooterKey)]
        assert keys and all(k.is_attached for k in keys)
