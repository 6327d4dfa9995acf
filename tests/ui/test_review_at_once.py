"""`quizapp --review`: the first card's question at once, then the whole card, then the decks."""

from textual.widgets import Static

from quizapp.deck.card_text import answer_text
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.widgets.first_card import FirstCardView
from tests.ui.conftest import make_app, notices, until, wait_for_screen, wait_loaded


def first_view_text(app) -> str:
    view = app.screen_stack[0].query_one(FirstCardView)
    return "\n".join(str(w.render()) for w in view.query(Static))


async def test_review_starts_at_once_and_escape_goes_to_the_decks(db):
    # A first start saves the prompts that the next one shows before loading.
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        expected = pilot.app.collection.next_card(pilot.app.collection.deck_ids)
        prompt = pilot.app.collection.card(expected).prompt

    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        shown = first_view_text(app)
        assert prompt in shown and "All decks · basic · new" in shown
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.key == expected
        assert prompt in str(review.query_one("#prompt", Static).render())
        await pilot.press("escape")
        home = await wait_for_screen(pilot, HomeScreen)
        assert "to study now" in str(home.query_one("#status", Static).render())


async def test_without_saved_prompts_it_says_it_is_loading_then_shows_the_card(db):
    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Loading decks" in first_view_text(app)
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.key is not None


async def test_with_nothing_due_it_shows_the_decks_and_says_so(db):
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        collection = pilot.app.collection
        collection.store.suspend(collection.store.study_queue(collection.deck_ids))

    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_screen(pilot, HomeScreen)

        def told() -> bool:
            return any("Nothing to review now" in notice for notice in notices(app))

        await until(pilot, told, "the notice")
        assert not isinstance(app.screen, ReviewScreen)


async def test_keys_pressed_on_the_early_card_are_kept_and_applied_to_it(db, held):
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)  # decks compiled: the next start shows the card at once
        expected = pilot.app.collection.next_card(pilot.app.collection.deck_ids)

    held.clear()  # the progress database opens only once the key is pressed
    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen_stack[0].query_one(FirstCardView)
        assert "Press Space or Enter to show the answer." in first_view_text(app)
        await until(pilot, lambda: app.focused is view, "the early card taking keys")
        await pilot.press("space")
        await until(pilot, lambda: view.keys == [("space", " ")], "the key kept")
        # The answer shows at once, as the review screen will show it, and grading is offered.
        await until(pilot, lambda: "Answer: " in first_view_text(app), "the answer shown early")
        assert "Press 1-4 to grade. Kept: Space." in first_view_text(app)
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        assert review.key == expected
        await until(pilot, lambda: review.phase == "answered", "the answer shown")
        assert answer_text(review.card) in first_view_text(app)


async def test_a_first_launch_on_big_decks_shows_the_first_card_while_they_compile(
    tmp_path, monkeypatch, held
):
    """Decks compiled by child processes (as big ones are): the first deck's first new card
    shows once its file is checked, says how far the decks have got, and keeps the keys
    pressed on it for the review screen, which starts with that very card."""
    from quizapp.deck import compiling
    from tests.deck.test_compiling import DECK

    monkeypatch.setattr(compiling, "WORTH_A_PROCESS", 0)
    held.clear()  # the progress database opens only once the key is pressed
    decks = tmp_path / "decks"
    decks.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (decks / name).write_text(DECK.replace("first-launch", name[0]), encoding="utf-8")
    app = make_app(tmp_path / "progress.sqlite3", [decks])
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen_stack[0].query_one(FirstCardView)
        # Found and compiled by child processes.
        await until(pilot, lambda: view.first is not None, "the early card", polls=3000)
        read = "2 of 2 files"
        await until(pilot, lambda: read in first_view_text(app), "the decks read", polls=3000)
        text = first_view_text(app)
        assert "The pact was signed in June 2024." in text and "Press t or f" in text
        await pilot.press("t")
        await until(pilot, lambda: "Kept: t." in first_view_text(app), "the key kept")
        held.set()
        review = await wait_for_screen(pilot, ReviewScreen)
        assert (review.key.deck_id, review.key.card_id) == ("a", "tf-signed")
        await until(pilot, lambda: review.phase == "answered", "the answer applied")


async def test_q_on_the_early_card_quits_at_once(db, held):
    async with make_app(db).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)  # decks compiled: the next start shows the card at once

    held.clear()  # the decks stay loading: q must not wait for them
    app = make_app(db)
    app.start_review = True
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            view = app.screen_stack[0].query_one(FirstCardView)
            await until(pilot, lambda: app.focused is view, "the early card taking keys")
            await pilot.press("q")
            await until(pilot, lambda: app.return_code is not None, "the app quitting")
            assert view.keys == []
    finally:
        held.set()
