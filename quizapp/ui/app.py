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
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from quizapp.core.clock import Clock
    from quizapp.core.collection import Collection
    from quizapp.core.in_use import Hold
    from quizapp.core.settings import Settings
    from quizapp.deck.compiling import Compiling, FirstNewCard
    from quizapp.ui.screens.home import HomeScreen


REVIEW_ALL = "All decks"
NOTHING_SAVED = "NOTHING IS SAVED (read-only progress database)"


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

    class DecksCompiling(Message):
        """A deck file compiled by a child process on a first launch on big decks."""

        def __init__(self, done: int, total: int, path: Path) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.path = path

    class FirstNewCardFound(Message):
        """The first deck file's first new card, found before the file is compiled."""

        def __init__(self, found: FirstNewCard) -> None:
            super().__init__()
            self.found = found

    class DecksCompiled(Message):
        """Every deck file given to the child processes is compiled (or found broken)."""

    TITLE = "quizapp"
    # The home screen's too: it is the first screen, and Textual reads a pushed screen's
    # stylesheet only (the default one's is not).
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    ENABLE_COMMAND_PALETTE = True
    # Quitting, the same on every screen: Ctrl+Q and Ctrl+C always, q wherever it is not typed
    # into a text field (a screen's own q comes first). A running exam asks first.
    BINDINGS = [
        Binding("ctrl+q,ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-app"),
        Binding("q", "quit_key", "Quit", show=False, id="quit-q"),
    ]

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
        self._in_use: Hold | None = None  # held while the database is open here
        self._compiling: Compiling | None = None  # child processes compiling big decks
        self._files: list[Path] = []  # the deck files, in the order their decks are listed

    def on_mount(self) -> None:
        # A closed terminal ends the app (answers are already saved) instead of leaving it running.
        if hasattr(signal, "SIGHUP"):  # not on Windows
            with contextlib.suppress(RuntimeError, ValueError):  # e.g. not the main thread
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)
        self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._load)

    def get_default_screen(self) -> Screen:
        """The first screen: the deck list (the home screen at the bottom of the stack, drawn
        in the first frame), or with `--review` the app's own screen showing the first card.

        The deck list comes with its counts at once, from the compiled decks and the
        database; the decks themselves load once it is drawn."""
        if self.start_review:
            return super().get_default_screen()
        from quizapp.core.deck_glance import glance_at_decks
        from quizapp.ui.screens.home import HomeScreen

        glance = glance_at_decks(
            self.deck_paths, self.db_path, clock=self.clock, settings=self.settings
        )
        if glance is None:
            self._start_compiling()
        return HomeScreen(glance=glance)

    def compose(self) -> ComposeResult:
        if self.start_review:
            # `--review`: the first card's question, on the app's own screen, before the decks
            # and the review screen load; the review screen replaces it with the whole card.
            from quizapp.core.first_card import peek_first_card
            from quizapp.ui.widgets.first_card import FirstCardView

            first = peek_first_card(
                self.deck_paths, self.db_path, clock=self.clock, settings=self.settings
            )
            if first is None:
                self._start_compiling()
            yield FirstCardView(first, REVIEW_ALL)

    def _start_compiling(self) -> None:
        """Child processes compiling the big decks not yet compiled, started before the first
        screen is drawn (see _load); with `--review`, the first card found first."""
        from quizapp.deck import compiling
        from quizapp.deck.paths import deck_files

        if self._compiling is None:
            self._compiling = compiling.start(
                deck_files(self.deck_paths), first_card=self.start_review
            )

    def _load(self, *, compile_apart: bool = True) -> None:
        """Read the decks once the first screen is painted, then open the store in a worker.

        Parsing stays on the main thread: yaml-rs was seen to crash when called
        from a worker thread while the app runs. An unchanged deck comes from
        the cache without parsing, so this is brief. Big decks not yet compiled
        are compiled first by child processes (quizapp.deck.compiling), the screen
        live meanwhile.
        """
        from quizapp.deck.paths import deck_files

        files = self._files = deck_files(self.deck_paths)
        if compile_apart:
            self._start_compiling()
            if self._compiling is not None:
                view = self._first_card_view()
                if view is not None:
                    view.show_progress(f"Reading decks: 0 of {len(self._compiling.files)} files…")
                self._early_new_card(files)
                self.run_worker(self._await_compiling, thread=True, group="compile")
                return
        from quizapp.deck.loader import load_decks

        result = load_decks(files)
        self.run_worker(lambda: self._open_store(result), thread=True, exclusive=True, group="load")

    def _await_compiling(self) -> None:
        compiling = self._compiling
        if compiling is None:
            return
        from quizapp.deck.compiling import FirstNewCard

        total, done = len(compiling.files), 0
        for finished in compiling.done():
            if isinstance(finished, FirstNewCard):
                self.post_message(self.FirstNewCardFound(finished))
            else:
                done += 1
                self.post_message(self.DecksCompiling(done, total, finished))
        self.post_message(self.DecksCompiled())

    def on_quiz_app_first_new_card_found(self, message: FirstNewCardFound) -> None:
        view = self._first_card_view()
        found = message.found
        if view is None or view.first is not None or found.path != self._files[0]:
            return
        from quizapp.core.first_card import FirstCard, first_launch
        from quizapp.core.store import CardKey

        if first_launch(found.path, self.db_path, settings=self.settings):
            key = CardKey(found.deck_id, found.card_id)
            view.show_card(FirstCard(key, found.kind, found.prompt, "new", None, found.answer))

    def on_quiz_app_decks_compiling(self, message: DecksCompiling) -> None:
        status = f"Reading decks: {message.done} of {message.total} files…"
        view = self._first_card_view()
        if view is not None:
            view.show_progress(status)
            if view.first is None:
                self._early_new_card(self._files)
        home = self._home()
        if home is not None:
            home.show_progress(status)

    def on_quiz_app_decks_compiled(self, message: DecksCompiled) -> None:
        self._compiling = None
        self._load(compile_apart=False)  # every deck from the cache now, as on any start

    def _early_new_card(self, files: list[Path]) -> None:
        """On a first launch with `--review`, the first deck's first card as soon as its file
        is compiled: the keys pressed while waiting are kept for it."""
        view = self._first_card_view()
        if view is None or view.first is not None or not files:
            return
        from quizapp.core.first_card import peek_first_new_card

        first = peek_first_new_card(files[0], self.db_path, settings=self.settings)
        if first is not None:
            view.show_card(first)

    def _first_card_view(self):
        from quizapp.ui.widgets.first_card import FirstCardView

        if not self.start_review:
            return None
        for view in self.screen_stack[0].query(FirstCardView):
            return view
        return None

    def _open_store(self, result) -> None:
        from quizapp.core.backup import BrokenDatabaseError, ReadOnlyDatabaseError
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
        except ReadOnlyDatabaseError as refused:
            # Study on a copy in memory, marked on every screen: nothing is saved.
            from quizapp.core.store import Store

            store = Store.copy_in_memory(self.db_path, clock=self.clock, settings=self.settings)
            self.call_from_thread(self._saving_nothing, str(refused))
            self.post_message(self.StoreOpened(Collection.from_store(result, store), None))
            return
        except Exception as exc:  # shown on the home screen, never a traceback
            self.post_message(self.StoreOpened(None, f"Cannot open the progress database: {exc}"))
            return
        if self._in_use is None:  # `quizapp restore` refuses while this is held
            from quizapp.core.in_use import hold_open

            self._in_use = hold_open(self.db_path)
        self.post_message(self.StoreOpened(collection, None))

    def _saving_nothing(self, problem: str) -> None:
        self.title = f"quizapp · {NOTHING_SAVED}"
        self.notify(
            f"{problem} Until then you may study here, but nothing you answer is kept.",
            title=NOTHING_SAVED,
            severity="error",
            timeout=30,
            markup=False,
        )

    def on_quiz_app_database_broken(self, message: DatabaseBroken) -> None:
        """Say what is wrong with the database and offer its latest backup."""
        from quizapp.ui.screens.broken_database import BrokenDatabaseScreen

        self._release_hold()  # this window's own restore must not be refused

        def restored(done: bool | None) -> None:
            if done:
                self._load()  # open the restored database

        self.push_screen(BrokenDatabaseScreen(message.problem, clock=self.clock), restored)

    async def on_quiz_app_store_opened(self, message: StoreOpened) -> None:
        collection, error = message.collection, message.error
        self.collection = collection
        self.call_after_refresh(_keep_start_up_out_of_collections)
        if self._home() is None:  # `--review`: the decks, then the review above them
            from quizapp.ui.screens.home import HomeScreen

            self.push_screen(HomeScreen(collection, error))
            if collection is not None:
                self._review_all(collection)
            return
        home = self._home()
        if home is not None:
            await home.show_collection(collection, error)

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
        review screen shows the same card), or None; the card is None for keys pressed while
        no card could be shown yet (applied to the first card the review screen shows)."""
        view = self._first_card_view()
        if view is None or not view.keys:
            return None
        return (None if view.first is None else view.first.key), list(view.keys)

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
        """The palette: one entry per action of ours (none of Textual's own), each with its
        key. Every key binding of the current screen that would do something now (the check
        the keys go through), then the app's own: settings, the card browser, quit."""
        from textual.actions import parse

        offered: set[str] = set()
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            _, name, params = parse(binding.action)
            if not binding.description or binding.description in offered:
                continue
            if screen.check_action(name, params) is not True:
                continue
            offered.add(binding.description)
            key = self.get_key_display(Binding(binding.key.split(",")[0], binding.action))
            yield SystemCommand(
                f"{binding.description} ({key})",
                binding.tooltip or f"Key: {key}",
                lambda action=binding.action, screen=screen: self.call_later(
                    screen.run_action, action
                ),
            )
        from quizapp.ui.screens.browser import BrowserScreen
        from quizapp.ui.screens.settings import SettingsScreen

        if "Settings" not in offered and not isinstance(screen, SettingsScreen):
            yield SystemCommand(
                "Settings",
                "New cards a day, retention, steps, theme, exam marks, keys",
                self.action_settings,
            )
        if (
            "Browse cards" not in offered
            and self.collection is not None
            and not isinstance(screen, BrowserScreen)
        ):
            yield SystemCommand(
                "Browse cards",
                "Every card of every deck: search, preview, suspend, flag, reset, edit",
                lambda: self.push_screen(BrowserScreen(self.collection)),
            )
        if "Quit" not in offered:
            yield SystemCommand("Quit (ctrl+q)", "Also q or Ctrl+C", self.action_quit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_key":
            from textual.widgets import Input

            return not isinstance(self.focused, Input)  # there q is a letter
        return True

    def action_quit_key(self) -> None:
        self._quit_asking()

    async def action_quit(self) -> None:
        self._quit_asking()

    def _quit_asking(self) -> None:
        """Quit (a review's judged answer is saved as its screen closes); while an exam is
        running, ask first. Asked again while asking: quit."""
        from quizapp.ui.screens.exam import ConfirmScreen, ExamScreen

        running = next(
            (s for s in self.screen_stack if isinstance(s, ExamScreen) and s.running), None
        )
        if running is None or isinstance(self.screen, ConfirmScreen):
            self.exit()
            return

        def chosen(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                f"Quit during exam {running.session.id}? It is kept, and its clock keeps "
                "running: resume it from the home screen (e).",
                yes="y quit",
                no="n back to the exam",
            ),
            chosen,
        )

    def action_settings(self) -> None:
        """The settings screen, for the file the app was started with."""
        from quizapp.ui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.config_path))

    def _release_hold(self) -> None:
        if self._in_use is not None:
            self._in_use.release()
            self._in_use = None

    def on_unmount(self) -> None:
        if self._compiling is not None:
            self._compiling.stop()
        if self.collection is not None:
            self.collection.close()
        self._release_hold()
        import gc

        gc.unfreeze()  # collected again once the app is gone (another app may follow: tests)


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


def _keep_start_up_out_of_collections() -> None:
    """What start-up made (modules, decks, the first screens) lives as long as the app: left
    out of the garbage collector's full passes, which would otherwise walk all of it again
    every few answers and stall the screen that long."""
    import gc

    gc.freeze()
