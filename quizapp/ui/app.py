"""The Textual app: home first, decks and progress loaded by a worker behind it.

Only Textual is imported up front; the deck models, pydantic and fsrs are
imported once the first screen is painted, so it paints about as fast as a
bare app. With `--review` that first screen is the first card due: its question
comes from the progress database and the compiled decks (quizapp.deck.cache)
and the review screen takes over with the whole card once the decks load.

`app_with_settings` reads the learner's settings file (quizapp.config) once and hands the
settings to the app: scheduling, theme, exam marks, and a keymap of binding id = "key": the ids
of the bindings declared on the screens of `quizapp.ui.screens.keymap.rebindable_screens` (the
settings screen lists them all).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult, SystemCommand
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from quizapp.core.clock import Clock
    from quizapp.core.collection import Collection
    from quizapp.core.settings import Settings
    from quizapp.ui.screens.home import HomeScreen


REVIEW_ALL = "All decks"


class QuizApp(App):
    class StoreOpened(Message):
        """The worker opening the progress database is done: the collection, or what failed."""

        def __init__(self, collection: Collection | None, error: str | None) -> None:
            super().__init__()
            self.collection = collection
            self.error = error

    class DatabaseBroken(Message):
        """The progress database is damaged: the learner is offered its latest backup."""

        def __init__(self, problem: Exception) -> None:
            super().__init__()
            self.problem = problem

    TITLE = "quizapp"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        deck_paths: list[Path],
        db_path: Path,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
        notices: Sequence[str] = (),
        config_path: Path | None = None,
        seed: int | None = None,
        start_review: bool = False,
        open_paper: tuple[str, int] | None = None,
    ) -> None:
        """``settings``: the learner's (quizapp.config.load_settings), None for the defaults;
        ``notices``: what was wrong with the settings file, shown once the app runs;
        ``open_paper``: ("exam" or "quiz", id) to open as soon as the decks are loaded."""
        from quizapp.core.settings import Settings

        super().__init__()
        self.start_review = start_review  # straight into reviewing every deck (`--review`)
        self.deck_paths = deck_paths
        self.db_path = db_path
        self.clock = clock
        self.settings = settings or Settings()
        self.notices = list(notices)
        self.config_path = config_path  # the settings file (None: the default one)
        self.open_paper = open_paper  # the home screen takes it once the decks are loaded
        # Right, wrong, skipped: checked when an exam starts (marking is not needed before).
        self.exam_marks = self.settings.exam_marks
        self.rng = random.Random(seed)
        self.timer = time.monotonic  # durations on screen; tests freeze it
        self.collection: Collection | None = None

    def on_mount(self) -> None:
        # A closed terminal ends the app (answers are already saved) instead of leaving it running.
        if hasattr(signal, "SIGHUP"):  # not on Windows
            with contextlib.suppress(RuntimeError, ValueError):  # e.g. not the main thread
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)
        self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))
        if not self.start_review:
            from quizapp.ui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._load)

    def compose(self) -> ComposeResult:
        if self.start_review:
            # `--review`: the first card's question, on the app's own screen, before the decks
            # and the review screen load; the review screen replaces it with the whole card.
            from quizapp.core.first_card import peek_first_card
            from quizapp.ui.widgets.first_card import FirstCardView

            first = peek_first_card(
                self.deck_paths, self.db_path, clock=self.clock, settings=self.settings
            )
            yield FirstCardView(first, REVIEW_ALL)

    def _load(self) -> None:
        """Read the decks once the first screen is painted, then open the store in a worker.

        Parsing stays on the main thread: yaml-rs was seen to crash when called
        from a worker thread while the app runs. An unchanged deck comes from
        the cache without parsing, so this is brief.
        """
        from quizapp.deck.loader import load_decks

        result = load_decks(self.deck_paths)
        self.run_worker(lambda: self._open_store(result), thread=True, exclusive=True, group="load")

    def _open_store(self, result) -> None:
        from quizapp.core.backup import BrokenDatabaseError
        from quizapp.core.collection import Collection

        try:
            collection = Collection.from_decks(
                result,
                self.db_path,
                clock=self.clock,
                settings=self.settings,
            )
        except BrokenDatabaseError as broken:
            self.post_message(self.StoreOpened(None, str(broken)))
            self.post_message(self.DatabaseBroken(broken))
            return
        except Exception as exc:  # shown on the home screen, never a traceback
            self.post_message(self.StoreOpened(None, f"Cannot open the progress database: {exc}"))
            return
        self.post_message(self.StoreOpened(collection, None))

    def on_quiz_app_database_broken(self, message: DatabaseBroken) -> None:
        """Say what is wrong with the database and offer its latest backup."""
        from quizapp.ui.screens.broken_database import BrokenDatabaseScreen

        def restored(done: bool | None) -> None:
            if done:
                self._load()  # open the restored database

        self.push_screen(BrokenDatabaseScreen(message.problem, clock=self.clock), restored)

    def on_quiz_app_store_opened(self, message: StoreOpened) -> None:
        collection, error = message.collection, message.error
        self.collection = collection
        if self._home() is None:  # `--review`: the decks, then the review above them
            from quizapp.ui.screens.home import HomeScreen

            self.push_screen(HomeScreen(collection, error))
            if collection is not None:
                self._review_all(collection)
            return
        home = self._home()
        if home is not None:
            home.show_collection(collection, error)

    def _review_all(self, collection: Collection) -> None:
        from quizapp.ui.screens.review import ReviewScreen

        deck_ids = collection.deck_ids
        if collection.next_card(deck_ids) is None:
            self.notify("Nothing to review now: press p to practise ahead.", timeout=6)
            return
        self.push_screen(
            ReviewScreen(collection, deck_ids, None, REVIEW_ALL, early_keys=self._early_keys())
        )

    def _early_keys(self):
        """The first card shown early and the keys pressed on it (applied to it once the
        review screen shows the same card), or None."""
        from quizapp.ui.widgets.first_card import FirstCardView

        for view in self.screen_stack[0].query(FirstCardView):
            if view.first is not None and view.keys:
                return view.first.key, list(view.keys)
        return None

    def _home(self) -> HomeScreen | None:
        from quizapp.ui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None

    def reload_decks(self) -> None:
        if self.collection is not None:
            self.collection.close()
            self.collection = None
        self._load()  # decks on the main thread, the store in a worker, as at start

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from quizapp.ui.screens.settings import SettingsScreen

        if not isinstance(screen, SettingsScreen):
            yield SystemCommand(
                "Settings",
                "New cards a day, retention, steps, theme, exam marks, keys",
                self.action_settings,
            )
        from quizapp.ui.screens.browser import BrowserScreen

        if self.collection is not None and not isinstance(screen, BrowserScreen):
            yield SystemCommand(
                "Browse cards",
                "Every card of every deck: search, preview, suspend, flag, reset, edit",
                lambda: self.push_screen(BrowserScreen(self.collection)),
            )
        # Every key binding of the current screen is reachable from the palette too,
        # when it would do something now (the same check the keys go through).
        from textual.actions import parse
        from textual.binding import Binding

        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            _, name, params = parse(binding.action)
            if not binding.description or screen.check_action(name, params) is not True:
                continue
            key = self.get_key_display(Binding(binding.key.split(",")[0], binding.action))
            yield SystemCommand(
                f"{binding.description} ({key})",
                binding.tooltip or f"Key: {key}",
                lambda action=binding.action, screen=screen: self.call_later(
                    screen.run_action, action
                ),
            )

    def action_settings(self) -> None:
        """The settings screen, for the file the app was started with."""
        from quizapp.ui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.config_path))

    def on_unmount(self) -> None:
        if self.collection is not None:
            self.collection.close()


def app_with_settings(
    deck_paths: list[Path],
    db_path: Path,
    config_path: Path | None = None,
    *,
    start_review: bool = False,
    open_paper: tuple[str, int] | None = None,
) -> QuizApp:
    """The app as the learner's settings file asks; a bad setting is a notice, not a failure."""
    from quizapp.config import default_config_path, load_settings
    from quizapp.ui.screens.keymap import binding_ids

    settings, problems = load_settings(config_path)
    known = binding_ids() if settings.keymap else set()  # the review screen loads only if needed
    notices = list(problems) + [
        f"{config_path or default_config_path()}: keymap: no key binding is called "
        f"{name!r}; known: {', '.join(sorted(known))}"
        for name in sorted(set(settings.keymap) - known)
    ]
    return QuizApp(
        deck_paths,
        db_path,
        settings=settings,
        notices=notices,
        config_path=config_path,
        start_review=start_review,
        open_paper=open_paper,
    )


def run_app(deck_paths: list[Path], db_path: Path, *, start_review: bool = False) -> int:
    app = app_with_settings(deck_paths, db_path, start_review=start_review)
    app.run()
    return app.return_code or 0
