"""The card browser driven by keys: search, sort, preview, marks and edits, checked
against what the table shows and what the database holds."""

import shutil
import stat

from textual.widgets import DataTable, Input, Static

from quizapp.core.store import CardKey, Rating
from quizapp.ui.screens.browser import WINDOW, BrowserScreen
from quizapp.ui.screens.card_marks import ConfirmReset, FlagPicker
from quizapp.ui.text import interval
from tests.ui.conftest import DECKS, NOW, make_app, until, wait_loaded


def K(card_id: str) -> CardKey:
    return CardKey("every-kind", card_id)


async def open_browser(pilot) -> BrowserScreen:
    await wait_loaded(pilot)
    screen = BrowserScreen(pilot.app.collection)
    pilot.app.push_screen(screen)
    await until(pilot, lambda: screen.results_for == "")
    return screen


async def search_for(pilot, screen: BrowserScreen, text: str) -> None:
    await pilot.press("slash")
    screen.query_one("#search", Input).value = ""
    await pilot.press(*text)
    await until(pilot, lambda: screen.results_for == text)


def column(screen: BrowserScreen, name: str) -> list[str]:
    return [str(cell) for cell in screen.query_one("#cards", DataTable).get_column(name)]


def card_ids(screen: BrowserScreen) -> list[str]:
    table = screen.query_one("#cards", DataTable)
    return [screen.matches[i].key.card_id for i in range(table.row_count)]


def count_line(screen: BrowserScreen) -> str:
    return str(screen.query_one("#count", Static).render())


async def test_every_card_listed_with_its_count(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        assert card_ids(screen) == [
            "basic-name",
            "cloze-article",
            "mcq-article",
            "tf-food",
            "year-recognition",
            "order-visits",
            "statements-pact",
            "match-visits",
        ]
        assert count_line(screen) == "8 of 8 cards · sorted by deck order"
        assert column(screen, "card")[0] == "What is the pact officially called?"
        assert column(screen, "card")[1] == "Article 4 invokes Article [number] of t…"
        assert set(column(screen, "state")) == {"new"}
        assert app.screen.query_one("#cards", DataTable).has_focus


async def test_typing_a_search_filters_the_table(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await search_for(pilot, screen, "tag:dates")
        assert card_ids(screen) == ["year-recognition", "order-visits"]
        assert count_line(screen) == "2 of 8 cards · sorted by deck order"
        await search_for(pilot, screen, "tag:dates -kind:year")
        assert card_ids(screen) == ["order-visits"]
        await search_for(pilot, screen, "article 51")  # words in the question or answer
        assert card_ids(screen) == ["cloze-article", "mcq-article"]
        await search_for(pilot, screen, "source:study")
        assert card_ids(screen) == ["cloze-article"]
        await search_for(pilot, screen, "tag:articles")  # the same first row, and one more
        assert card_ids(screen) == ["cloze-article", "mcq-article"]
        await search_for(pilot, screen, "source:study")
        # A term the browser cannot read: it says what to type, and the table stays.
        await pilot.press("slash")
        screen.query_one("#search", Input).value = ""
        await pilot.press(*"is:forgotten")
        await until(pilot, lambda: "not a state" in count_line(screen))
        assert count_line(screen).startswith("'forgotten' is not a state: is: takes new,")
        assert card_ids(screen) == ["cloze-article"]
        await pilot.press("enter")  # back to the table
        assert screen.query_one("#cards", DataTable).has_focus
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press("down")  # so does the down arrow
        assert screen.query_one("#cards", DataTable).has_focus
        await pilot.press("escape")
        assert not isinstance(app.screen, BrowserScreen)


async def test_sorting_by_due_date_lapses_and_back(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        store = app.collection.store
        store.answer(K("mcq-article"), Rating.easy)  # due in days
        store.answer(K("cloze-article"), Rating.good)  # due in 10 minutes
        store.answer(K("tf-food"), Rating.again)  # due in a minute
        screen = await open_browser(pilot)
        await pilot.press("s")
        await until(pilot, lambda: "due date" in count_line(screen))
        assert card_ids(screen) == [
            "tf-food",
            "cloze-article",
            "mcq-article",
            # New cards have no due date: last, in deck order.
            "basic-name",
            "year-recognition",
            "order-visits",
            "statements-pact",
            "match-visits",
        ]
        easy_due = interval(store.progress(K("mcq-article")).due - NOW)
        assert column(screen, "due") == ["1m", "10m", easy_due, "-", "-", "-", "-", "-"]
        await pilot.press("S")
        await until(pilot, lambda: "reversed" in count_line(screen))
        assert card_ids(screen)[:3] == ["mcq-article", "cloze-article", "tf-food"]
        assert count_line(screen) == "8 of 8 cards · sorted by due date, reversed"
        await pilot.press("s", "s", "s", "s")  # lapses, difficulty, retrievability, deck
        await until(pilot, lambda: "deck order" in count_line(screen))
        assert card_ids(screen)[0] == "basic-name"


async def test_suspend_and_unsuspend_the_row_under_the_cursor(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        store = app.collection.store
        await pilot.press("down", "at")
        assert store.progress(K("cloze-article")).suspended
        assert column(screen, "state")[1] == "suspended"
        assert not store.progress(K("basic-name")).suspended
        await search_for(pilot, screen, "is:suspended")
        assert card_ids(screen) == ["cloze-article"]
        await pilot.press("escape", "at")  # to the table, then unsuspend
        assert not store.progress(K("cloze-article")).suspended
        assert column(screen, "state") == ["new"]


async def test_flag_a_card_then_clear_it(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        store = app.collection.store
        await pilot.press("down", "down", "asterisk")
        assert isinstance(app.screen, FlagPicker)
        await pilot.press("2")
        assert store.progress(K("mcq-article")).flag == 2
        assert column(screen, "mark")[2] == " ⚑"
        await search_for(pilot, screen, "flag:orange")
        assert card_ids(screen) == ["mcq-article"]
        await pilot.press("escape", "asterisk", "0")
        assert store.progress(K("mcq-article")).flag == 0
        assert column(screen, "mark") == ["  "]


async def test_reset_asks_first_and_backs_the_progress_up(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        store = app.collection.store
        store.answer(K("basic-name"), Rating.easy)
        screen = await open_browser(pilot)
        assert column(screen, "state")[0] == "review"
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmReset)
        await pilot.press("n")  # keep it
        assert store.progress(K("basic-name")).state == "review"
        assert not (db.parent / "backups").exists()
        await pilot.press("R", "y")
        progress = store.progress(K("basic-name"))
        assert (progress.state, progress.reps, progress.due) == ("new", 0, None)
        assert column(screen, "state")[0] == "new"
        assert column(screen, "due")[0] == "-"
        backups = list((db.parent / "backups").iterdir())
        assert [b.name for b in backups] == [screen.last_backup.name]
        assert "before-reset" in backups[0].name
        assert len(store.review_log(K("basic-name"))) == 1  # the answer itself is kept


async def test_selected_rows_are_marked_together(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        store = app.collection.store
        await pilot.press("space", "down", "space")  # first and third rows
        assert count_line(screen) == "8 of 8 cards · sorted by deck order · 2 selected"
        assert column(screen, "mark")[:3] == ["● ", "  ", "● "]
        await pilot.press("at")
        suspended = [k for k in card_ids(screen) if store.progress(K(k)).suspended]
        assert suspended == ["basic-name", "mcq-article"]
        assert column(screen, "state")[:3] == ["suspended", "new", "suspended"]


async def test_preview_shows_the_whole_card_and_its_passage(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("p")
        preview = screen.query_one("#preview")
        assert preview.display
        text = preview.text()
        assert "What is the pact officially called?" in text
        assert "Answer: Treaty on the Comprehensive Strategic Partnership" in text
        assert "The full name names both states, the DPRK first." in text
        assert "officially called the “Treaty on the Comprehensive Strategic Partnership" in text
        assert "The Hindu, 21 June 2024" in text
        await pilot.press("down")  # the preview follows the cursor
        assert "Answer: 51" in preview.text()
        await pilot.press("p")
        assert not preview.display


async def test_deck_text_is_shown_as_written(db, tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "marks.yaml").write_text(
        "id: marks\ntitle: Marks\ncards:\n"
        "  - {id: m, kind: basic, question: '[bold]x[/bold] y', answer: '[red]z'}\n"
    )
    app = make_app(db, decks=[decks])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        assert column(screen, "card") == ["[bold]x[/bold] y"]
        await pilot.press("p")
        assert "Answer: [red]z" in screen.query_one("#preview").text()


async def test_edit_opens_the_card_in_the_editor_and_shows_the_change(db, tmp_path, monkeypatch):
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    script, args = tmp_path / "editor.sh", tmp_path / "editor-args"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > {args}\n'
        "sed -i 's/Article 4 invokes/Article Four invokes/' \"$2\"\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(db, decks=[decks])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("down", "e")
        await until(pilot, lambda: column(screen, "card")[1].startswith("Article Four"))
        assert args.read_text().split() == ["+14", str(decks / "every-kind.yaml")]
        assert screen.query_one("#cards", DataTable).cursor_row == 1  # still on the card
        await search_for(pilot, screen, "four invokes")  # the edited words are searched
        assert card_ids(screen) == ["cloze-article"]
        await search_for(pilot, screen, "4 invokes")
        assert card_ids(screen) == []


async def test_rows_are_added_as_the_cursor_nears_the_end(db, tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    cards = "".join(
        f"  - {{id: c{i}, kind: basic, question: Question {i}?, answer: A{i}}}\n"
        for i in range(WINDOW * 2 + 50)
    )
    (decks / "many.yaml").write_text("id: many\ntitle: Many\ncards:\n" + cards)
    app = make_app(db, decks=[decks])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browser(pilot)
        table = screen.query_one("#cards", DataTable)
        assert table.row_count == WINDOW
        assert count_line(screen) == "450 of 450 cards · sorted by deck order"
        await pilot.press("ctrl+end")
        assert table.row_count == WINDOW * 2
        await pilot.press("ctrl+end")
        assert table.row_count == 450
        assert column(screen, "card")[-1] == "Question 449?"


async def test_a_whole_tag_is_found_selected_and_reset_together(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        store = app.collection.store
        for key in store.study_queue(["every-kind"]):
            store.answer(key, Rating.good)
        screen = await open_browser(pilot)
        await search_for(pilot, screen, "tag:articles")
        found = card_ids(screen)
        assert len(found) >= 2
        await pilot.press("escape", "a")  # to the table; select every card found
        assert count_line(screen).endswith(f"· {len(found)} selected")
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmReset)
        await pilot.press("y")

        def reset() -> bool:
            return all(store.progress(K(c)).state == "new" for c in found)

        await until(pilot, reset, "the cards reset")
        states = {c: store.progress(K(c)).state for c in (e.key.card_id for e in screen.entries)}
        assert all(states[c] == "new" for c in found)
        assert all(s == "learning" for c, s in states.items() if c not in found)
        assert screen.last_backup is not None and "before-reset" in screen.last_backup.name
        await pilot.press("a")  # still all selected after the reset: a again selects none
        assert "selected" not in count_line(screen)
