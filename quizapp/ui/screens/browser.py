"""The card browser: every card of every deck in one table, searched as you type.

Built for 100,000 cards: the cards and their progress are read in a worker
thread, each search runs in a worker too (the newest replaces any still
running, after a short pause in typing), and the table holds only a window of
the matches, a few hundred more added as the cursor nears its end. Marks
(suspend, flag, reset) apply to the selected rows, or the row under the cursor,
and show in place at once; the database holds them before the table changes.

Search syntax: see quizapp.core.browse.
"""

from __future__ import annotations

import gc
import sqlite3
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from quizapp.ui.screens.card_marks import ConfirmReset
from quizapp.ui.text import flag_text, literal
from quizapp.ui.widgets.card_preview import CardPreview
from quizapp.ui.widgets.card_table import CardTable
from quizapp.ui.widgets.footer import Footer
from quizapp.ui.widgets.passage import passage_of

if TYPE_CHECKING:
    from pathlib import Path

    from quizapp.core.browse import BrowseEntry, Query
    from quizapp.core.collection import Collection
    from quizapp.core.store import CardKey

WINDOW = 200  # rows added to the table at a time
NEAR_END = 20  # rows from the end of the window at which the next one is added
DEBOUNCE_S = 0.1  # pause in typing before a search starts


class BrowserScreen(Screen):
    """Results of the reading and searching workers come back as messages, in order."""

    class CardsRead(Message):
        """Cards read in deck order: the first window while reading (``done`` False), then all."""

        def __init__(self, entries: list[BrowseEntry], *, done: bool) -> None:
            super().__init__()
            self.entries = entries
            self.done = done

    class CannotRead(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class Found(Message):
        """The cards a search found, sorted; ``generation`` tells a stale search from the last."""

        def __init__(self, matches: list[BrowseEntry], text: str, generation: int) -> None:
            super().__init__()
            self.matches = matches
            self.text = text
            self.generation = generation

    CSS_PATH = "browser.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search", id="browser-search"),
        Binding("p", "preview", "Preview", id="browser-preview"),
        Binding("e", "edit", "Edit", id="browser-edit"),
        Binding("at", "suspend", "Suspend", id="browser-suspend"),
        Binding("asterisk", "flag", "Flag", id="browser-flag"),
        Binding("R", "reset", "Reset", id="browser-reset"),
        Binding("s", "sort", "Sort", id="browser-sort"),
        Binding("S", "reverse", "Reverse sort", show=False, id="browser-reverse"),
        Binding("space", "select", "Select", show=False, id="browser-select"),
        Binding("a", "select_all", "Select all found", show=False, id="browser-select-all"),
        Binding("down", "to_table", "Cards", show=False, id="browser-to-table"),
        Binding("escape", "back", "Back", id="browser-back"),
    ]

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection
        self.entries: list[BrowseEntry] | None = None  # every card, deck order; None: loading
        self.matches: list[BrowseEntry] = []
        self.selected: set[CardKey] = set()
        self.sort_index = 0
        self.reverse = False
        self.results_for: str | None = None  # the search the table shows the results of
        self._query_error: str | None = None
        self._generation = 0
        self._debounce = None
        self._keep: CardKey | None = None  # the card to put the cursor back on
        self.last_backup: Path | None = None  # made before the last reset

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="browser"):
            yield Input(
                placeholder="Search: words tag: deck: source: kind: is: flag:  (- negates)",
                id="search",
                compact=True,
            )
            yield Static("Loading cards\u2026", id="count", classes="muted")
            yield CardTable(id="cards", cursor_type="row", zebra_stripes=True)
            yield CardPreview(id="preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Card browser"
        table = self.query_one(CardTable)
        table.add_card_columns(self.app.size.width)
        self.query_one("#preview", CardPreview).display = False
        table.focus()
        self._load()

    # -- loading and searching -------------------------------------------------------------

    def _load(self) -> None:
        self.run_worker(self._read_entries, thread=True, exclusive=True, group="browser-load")

    def _read_entries(self) -> None:
        """In a worker: every card with its progress; the first window is shown at once."""
        from quizapp.core.browse import iter_entries

        worker = get_current_worker()
        store = self.collection.store
        entries: list[BrowseEntry] = []
        # A full garbage collection walks every object (the decks' included: over a million
        # for 100,000 cards) holding the interpreter lock for most of a second, which would
        # freeze the screen. Reading allocates a great deal and frees nothing, so collection
        # waits until it is done, and the long-lived objects it made are then frozen, left
        # out of later collections (none of them hold a cycle to collect).
        gc.disable()
        try:
            try:
                rows = store.browse()
            except sqlite3.Error as error:
                self.post_message(self.CannotRead(str(error)))
                return
            for entry in iter_entries(self.collection.decks, rows, store.clock.now()):
                entries.append(entry)
                if len(entries) == WINDOW and self.entries is None:
                    self.post_message(self.CardsRead(list(entries), done=False))
                if worker.is_cancelled:
                    return
            del rows
            gc.freeze()  # before enabling: else the first collection walks all it made
        finally:
            gc.enable()
        if not worker.is_cancelled:
            self.post_message(self.CardsRead(entries, done=True))
            from quizapp.core.browse import prepare_search

            # While the learner looks, before the first search.
            prepare_search(entries, lambda: worker.is_cancelled)

    def on_browser_screen_cannot_read(self, message: CannotRead) -> None:
        self._query_error = f"Cannot read your progress: {message.problem}"
        self._show_count()

    def on_browser_screen_cards_read(self, message: CardsRead) -> None:
        if message.done:
            self.entries = message.entries
            self._search()
            return
        # The first cards in deck order, while the rest are read.
        if self.entries is not None or self.query_one(CardTable).row_count:
            return
        self.matches = message.entries
        self._add_rows(WINDOW)
        self.refresh_bindings()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self._search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search()
        self.action_to_table()

    def _search(self) -> None:
        """Start a search for what is typed (in a worker); the table changes when it is done."""
        from quizapp.core.browse import QueryError, parse_query

        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if self.entries is None:
            return  # the search starts once the cards are read
        text = self.query_one("#search", Input).value
        try:
            query = parse_query(text)
        except QueryError as problem:
            self._query_error = str(problem)
            self._show_count()
            return
        self._query_error = None
        self._generation += 1
        generation = self._generation
        entries, order, reverse = self.entries, self.card_order, self.reverse
        self.run_worker(
            lambda: self._find(entries, query, order, reverse, generation),
            thread=True,
            exclusive=True,
            group="browser-search",
        )

    def _find(self, entries, query: Query, order, reverse: bool, generation: int) -> None:
        from quizapp.core.browse import search, sort_entries

        worker = get_current_worker()
        found = search(
            entries, query, decks=self.collection.decks, cancelled=lambda: worker.is_cancelled
        )
        if found is None or worker.is_cancelled:
            return
        if order.name != "deck" or reverse:
            found = sort_entries(found, order, reverse=reverse)
        if not worker.is_cancelled:
            self.post_message(self.Found(found, query.text, generation))

    def on_browser_screen_found(self, message: Found) -> None:
        if message.generation != self._generation:
            return  # a newer search is on its way
        matches, text = message.matches, message.text
        table = self.query_one(CardTable)
        shown = table.row_count
        same = 0 < shown <= len(matches) and all(
            a is b for a, b in zip(self.matches[:shown], matches, strict=False)
        )
        self.matches = matches
        self.results_for = text
        if same and self._keep is None and not self.selected:
            # The rows shown (while the cards were read, or for a narrower search): kept,
            # with the cursor where it is, and the window filled up again.
            self._add_rows(max(shown, WINDOW))
            self._show_count()
            self.refresh_bindings()
            return
        self.selected.clear()
        table.clear()
        keep, self._keep = self._keep, None
        at = 0
        if keep is not None:
            at = next((i for i, e in enumerate(matches) if e.key == keep), 0)
        self._add_rows(at + WINDOW)
        if at:
            table.move_cursor(row=at, animate=False, scroll=True)
        self._show_count()
        self._show_preview()
        self.refresh_bindings()

    def _add_rows(self, upto: int) -> None:
        table = self.query_one(CardTable)
        table.add_cards(self.matches[table.row_count : upto], self.selected, self._now())

    def _now(self):
        return self.collection.store.clock.now()

    def _show_count(self) -> None:
        from quizapp.core.browse import count_text

        line = Text()
        if self.entries is not None:
            line.append(count_text(len(self.matches), len(self.entries)))
            order = self.card_order
            line.append(f" \u00b7 sorted by {order.label}" + (", reversed" if self.reverse else ""))
            if self.selected:
                line.append(f" \u00b7 {len(self.selected):,} selected")
        if self._query_error:
            line = literal(self._query_error, "yellow")  # may quote what was typed
        self.query_one("#count", Static).update(line)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(CardTable)
        if event.cursor_row >= table.row_count - NEAR_END and table.row_count < len(self.matches):
            self._add_rows(table.row_count + WINDOW)
        self._show_preview()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_preview()  # Enter on a row

    # -- the row under the cursor ----------------------------------------------------------

    @property
    def card_order(self):
        from quizapp.core.browse import SORT_ORDERS

        return SORT_ORDERS[self.sort_index]

    @property
    def current(self) -> BrowseEntry | None:
        table = self.query_one(CardTable)
        if not table.row_count or not 0 <= table.cursor_row < len(self.matches):
            return None
        return self.matches[table.cursor_row]

    def _targets(self) -> list[BrowseEntry]:
        """The selected cards, or else the one under the cursor."""
        if self.selected:
            return [e for e in self.matches if e.key in self.selected]
        current = self.current
        return [] if current is None else [current]

    def _updated(self, entries: list[BrowseEntry]) -> None:
        """Read the cards' progress back from the database and redraw their rows."""
        from quizapp.core.browse import refresh_entry

        store = self.collection.store
        now = store.clock.now()
        table = self.query_one(CardTable)
        for entry in entries:
            refresh_entry(entry, store.progress(entry.key), now)
            table.redraw(entry, self.selected, now)
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.query_one("#preview", CardPreview)
        entry = self.current
        if not preview.display or entry is None:
            return
        loaded = self.collection.deck(entry.key.deck_id)
        card = loaded.card(entry.key.card_id)  # its body, read now it is shown
        if card is None:
            return  # gone from its deck since the list was read
        passage = passage_of(loaded, card)
        facts = [loaded.title, entry.kind.replace("_", "/"), entry.status]
        if entry.reps:
            facts.append(f"{entry.reps} reviews, {entry.lapses} lapses")
        if entry.tags:
            facts.append("tags: " + ", ".join(entry.tags))
        if entry.stale:
            facts.append(f"stale since {card.valid_until}")
        where = literal(" \u00b7 ".join(facts))
        if entry.flag:
            where.append(" \u00b7 ")
            where.append_text(flag_text(entry.flag))
        preview.show_card(
            where,
            entry.prompt,
            entry.answer,
            card.explanation,
            *passage,
            media=card.media,
            folder=loaded.path.parent,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "preview":
            return self.current is not None
        if action in {"edit", "suspend", "flag", "reset", "select"}:
            # Not while the cards are read: the marks would be read over by what was before.
            return self.entries is not None and self.current is not None
        if action in {"sort", "reverse"}:
            return self.entries is not None
        return True

    # -- actions -----------------------------------------------------------------------------

    def action_search(self) -> None:
        # At once, not after the queued keys: letters typed right after / are the search's.
        self.set_focus(self.query_one("#search", Input))

    def action_to_table(self) -> None:
        self.query_one(CardTable).focus()

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_focus:
            self.action_to_table()
        else:
            self.dismiss()

    def action_preview(self) -> None:
        preview = self.query_one("#preview", CardPreview)
        preview.display = not preview.display
        self._show_preview()

    def action_sort(self) -> None:
        from quizapp.core.browse import SORT_ORDERS

        self.sort_index = (self.sort_index + 1) % len(SORT_ORDERS)
        self.reverse = False
        self._resort()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._resort()

    def _resort(self) -> None:
        self._keep = self.current.key if self.current is not None else None
        self._show_count()
        self._search()

    def action_select(self) -> None:
        entry = self.current
        if entry is None:
            return
        self.selected.symmetric_difference_update({entry.key})
        table = self.query_one(CardTable)
        table.redraw_mark(entry, self.selected)
        table.action_cursor_down()
        self._show_count()

    def action_select_all(self) -> None:
        """Every card the search found (a whole tag or deck, say), or none of them again."""
        found = {e.key for e in self.matches}
        if found and found <= self.selected:
            self.selected -= found
        else:
            self.selected |= found
        table = self.query_one(CardTable)
        for entry in self.matches[: table.row_count]:
            table.redraw_mark(entry, self.selected)
        self._show_count()

    def action_suspend(self) -> None:
        """Suspend the cards, or unsuspend them if every one of them is suspended."""
        targets = self._targets()
        if not targets:
            return
        store = self.collection.store
        keys = [e.key for e in targets]
        if all(e.suspended for e in targets):
            store.unsuspend(keys)
            done = "Unsuspended"
        else:
            store.suspend(keys)
            done = "Suspended"
        self._updated(targets)
        self.notify(f"{done} {_cards(len(keys))}.", timeout=2)

    def action_flag(self) -> None:
        from quizapp.ui.screens.card_marks import FlagPicker
        from quizapp.ui.text import FLAG_COLOURS

        targets = self._targets()
        if not targets:
            return

        def chosen(flag: int | None) -> None:
            if flag is None:
                return
            self.collection.store.set_flag([e.key for e in targets], flag)
            self._updated(targets)
            colour = FLAG_COLOURS.get(flag, "none")
            self.notify(f"Flag {colour}: {_cards(len(targets))}.", timeout=2)

        current = targets[0].flag if len(targets) == 1 else 0
        self.app.push_screen(FlagPicker(current, len(targets)), chosen)

    def action_reset(self) -> None:
        targets = self._targets()
        if not targets:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            problem = self._backup()
            if problem:
                self.notify(problem, severity="error", timeout=8, markup=False)
                return
            self.collection.store.reset([e.key for e in targets])
            self._updated(targets)
            self.notify(f"Reset {_cards(len(targets))}: new again.", timeout=3)

        self.app.push_screen(ConfirmReset(len(targets), targets[0].prompt), confirmed)

    def _backup(self) -> str | None:
        """A copy of the progress database before it forgets; a message if none could be made."""
        from quizapp.core.backup import BackupError, backup_now

        store = self.collection.store
        path = store.path
        if path is None:
            return None  # an in-memory database: nothing on disk to copy
        try:
            self.last_backup = backup_now(path, reason="before-reset", clock=store.clock)
        except (BackupError, OSError) as error:
            return f"No backup could be made, so nothing was reset: {error}"
        return None

    def action_edit(self) -> None:
        """Open the deck at this card's line in $EDITOR, then read the deck and the cards again."""
        from quizapp.ui.editor import edit_card

        entry = self.current
        if entry is None or not edit_card(self.app, self.collection, entry.key):
            return
        self._keep = entry.key
        self.entries = None
        self._load()


def _cards(count: int) -> str:
    return "1 card" if count == 1 else f"{count:,} cards"
