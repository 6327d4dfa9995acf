"""Home: the decks with their new / learning / due counts; choose what to study."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Select, Static

from quizapp.ui.text import clip, interval, literal
from quizapp.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from quizapp.core.collection import Collection, DeckSummary, Filters
    from quizapp.core.deck_glance import DeckGlance, Glance
    from quizapp.core.store import TagCount

ALL = "__all__"
COUNTS_WIDTH = 34  # New, Learn, Due and Cards with every cell's padding, margins, scroll bar
# Keys that work at once while the decks load: quitting, the list of keys, the settings; and
# moving along a deck list already drawn. Any other key is kept until the decks are loaded.
WORK_WHILE_LOADING = {"q", "question_mark", "comma", "escape"}
MOVING = {"up", "down", "pageup", "pagedown", "home", "end"}


class HomeScreen(Screen):
    class TagsCounted(Message):
        """The tags the tag filter offers, counted in a worker (a scan of every card)."""

        def __init__(self, collection: Collection, tags: list[TagCount]) -> None:
            super().__init__()
            self.collection = collection
            self.tags = tags

    CSS_PATH = "home.tcss"
    DUE_CHECK_SECONDS = 60.0  # the longest the counts go unrefreshed
    BINDINGS = [
        Binding("enter", "study", "Study", priority=True, id="study"),
        Binding(
            "p",
            "practice",
            "Practise",
            tooltip="Practise ahead: the schedule is unchanged",
            id="practise",
        ),
        Binding("t", "focus_tag", "Tag filter", id="tag-filter"),
        Binding("s", "focus_source", "Source filter", id="source-filter"),
        # Off the footer to keep it within 80 columns; in the palette and the `?` list.
        Binding("r", "reload", "Reload decks", show=False, id="reload"),
        Binding("S", "stats", "Statistics", show=False, id="stats"),
        Binding("x", "exam", "Exam (10 questions, timed)", show=False, id="exam"),
        Binding("z", "quiz", "Quiz (10 questions)", show=False, id="quiz"),
        Binding("e", "past_exams", "Past exams", show=False, id="past-exams"),
        Binding("b", "browse", "Browse cards", show=False, id="browse"),
        # The app opens the settings (from the command palette too).
        Binding("comma", "app.settings", "Settings", show=False, id="settings"),
        Binding("question_mark", "help", "Keys", id="keys"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        collection: Collection | None = None,
        error: str | None = None,
        *,
        glance: Glance | None = None,
    ) -> None:
        """Decks already loaded (or failed to) are shown at once; else see show_collection.
        ``glance``: the decks and their counts, read before the decks load, shown meanwhile."""
        super().__init__()
        self.collection: Collection | None = None
        self._due_timer: Timer | None = None
        self._loaded = (collection, error) if collection is not None or error else None
        self.tags_offered = False  # the tag menu filled in (see TagsCounted)
        self._glance = glance
        self._keeping = True  # until the decks are shown (or failed to load): keys are kept
        self.kept_keys: list[tuple[str, str | None]] = []  # pressed while loading, in order

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="home"):
            yield Static("Loading decks…", id="status")
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
            # The tag and source filters come with the decks' tags and documents (a list
            # drawn without them is drawn sooner).
            yield Horizontal(id="filters")
            yield Static("", id="sources", classes="muted")
            yield Static("", id="problems")
        yield Footer()

    async def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        table.add_columns(*COLUMNS)
        table.focus()
        if self._loaded is not None:
            await self.show_collection(*self._loaded)
        elif self._glance is not None:
            self._show_counts(self._glance.decks, self._glance.next_due, self._glance.now)

    # -- filling in -----------------------------------------------------------------

    def show_progress(self, progress: str) -> None:
        """How far the decks have loaded (a first launch on big decks), until they show."""
        if self.collection is None and self._loaded is None:
            self.query_one("#status", Static).update(progress)

    async def show_collection(self, collection: Collection | None, error: str | None) -> None:
        self.collection = collection
        self.refresh_bindings()  # Study and Practise, shown dim while loading, now work
        status = self.query_one("#status", Static)
        if collection is None:
            self._keeping = False
            self.kept_keys.clear()
            status.update(literal(error or "Could not load the decks.", "bold red"))
            return
        await self._show_filters(collection)
        self.refresh_counts()
        self.tags_offered = False
        self.run_worker(
            lambda: self._count_tags(collection), thread=True, exclusive=True, group="home-tags"
        )
        self._show_sources()
        problems = collection.problems
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            lines = [
                f"{len(errors)} problem(s) kept some decks from loading "
                "(run `quizapp check` for all):"
            ]
            lines += [str(p) for p in errors[:3]]
            self.query_one("#problems", Static).update(literal("\n".join(lines), "yellow"))
        self._open_paper()
        self._keeping = False
        self._press_kept_keys(self.kept_keys)
        self.kept_keys = []

    async def _show_filters(self, collection: Collection) -> None:
        """The source filter with the decks' documents; the tag filter is filled by a worker
        (see TagsCounted), since counting tags reads every card."""
        sources = [(literal(title), doc) for doc, title in collection.documents().items()]
        if self.query(Select):  # decks loaded again
            self.query_one("#source", Select).set_options(sources)
            return
        filters = [
            Select([], prompt="Any tag", id="tag", allow_blank=True),
            Select(sources, prompt="Any source", id="source", allow_blank=True),
        ]
        await self.query_one("#filters", Horizontal).mount_all(filters)
        for select in filters:
            self.watch(select, "expanded", self._filter_list_toggled, init=False)

    def on_key(self, event: events.Key) -> None:
        """While the decks load, keep the keys that need them; they are pressed once the
        decks are loaded, in order, so nothing typed meanwhile is lost."""
        if not self._keeping or not self._keeps(event):
            return
        event.stop()
        event.prevent_default()
        self.kept_keys.append((event.key, event.character))

    def _keeps(self, event: events.Key) -> bool:
        if event.key in WORK_WHILE_LOADING or "ctrl+" in event.key:
            return False
        if event.key in MOVING:
            return self.query_one("#decks", DataTable).row_count == 0
        return event.is_printable or event.key in {"enter", "space", "tab", "shift+tab"}

    def _press_kept_keys(self, keys: list[tuple[str, str | None]]) -> None:
        """As if pressed now, before any key pressed from now on: sent as the app's, as the
        terminal's keys are (one sent as this screen's would stop bubbling below it, before
        the bindings)."""
        for key, character in keys:
            self.app.post_message(events.Key(key, character).set_sender(self.app))

    def _count_tags(self, collection: Collection) -> None:
        """In a worker: the tags, read from every card, off the screen's thread."""
        try:
            tags = collection.tags()
        except Exception as exc:  # the menu stays empty; said, never a traceback
            if collection is not self.collection:
                return  # closed by a reload meanwhile: nothing is wrong
            self.app.call_from_thread(
                self.notify, f"Cannot read the tags: {exc}", severity="error", markup=False
            )
            return
        self.post_message(self.TagsCounted(collection, tags))

    def on_home_screen_tags_counted(self, message: TagsCounted) -> None:
        if message.collection is not self.collection:
            return  # the decks were reloaded since
        # Parents too (upsc above upsc::polity), indented under their parent as in Anki's
        # sidebar, each with the cards the filter picks.
        self.query_one("#tag", Select).set_options(
            (literal(f"{'  ' * t.depth}{t.tag} ({t.cards})"), t.tag) for t in message.tags
        )
        self.tags_offered = True

    def _filters(self) -> tuple[str | None, str | None]:
        """The tag and the source document chosen below the table (None: any)."""
        if not self.query(Select):
            return None, None  # not there until the decks are loaded
        tag = self.query_one("#tag", Select).value
        source = self.query_one("#source", Select).value
        return (tag if isinstance(tag, str) else None, source if isinstance(source, str) else None)

    def refresh_counts(self) -> None:
        """The counts as the study queue stands now, for the filters chosen; refreshed again
        when the next card falls due."""
        if self.collection is None:
            return
        summaries = self.collection.summaries(*self._filters())
        store = self.collection.store
        until_due = self._show_counts(
            summaries, store.next_due(self.collection.deck_ids), store.clock.now()
        )
        self._refresh_when_due(until_due)

    def _show_counts(
        self,
        summaries: Sequence[DeckSummary | DeckGlance],
        next_due: datetime | None,
        now: datetime,
    ):
        """The table and the line above it; returns how long until the next card falls due."""
        table = self.query_one("#decks", DataTable)
        total = [0, 0, 0, 0]
        # Titles shortened to leave the counts in sight: the counts' columns and every cell's
        # padding, the screen's margins and a scroll bar.
        title_width = max(12, self.size.width - COUNTS_WIDTH)
        rows: list[tuple[str, list]] = []
        for s in summaries:
            rows.append(
                (
                    s.id,
                    [
                        literal(clip(s.title, title_width)),
                        _count(s.counts.new, "blue"),
                        _count(s.counts.learning, "red"),
                        _count(s.counts.due, "green"),
                        str(s.cards),
                    ],
                )
            )
            total = [
                a + b
                for a, b in zip(
                    total, (s.counts.new, s.counts.learning, s.counts.due, s.cards), strict=True
                )
            ]
        if len(summaries) > 1:
            rows.append(
                (
                    ALL,
                    [
                        Text("All decks", style="bold"),
                        _count(total[0], "blue"),
                        _count(total[1], "red"),
                        _count(total[2], "green"),
                        str(total[3]),
                    ],
                )
            )
        self._fill_table(table, rows)
        due = total[0] + total[1] + total[2]
        tag, source = self._filters()
        chosen = " and ".join(
            f"{name} {value}"
            for name, value in (
                ("tagged", tag),
                (
                    "quoting",
                    source and self.collection and self.collection.documents().get(source, source),
                ),
            )
            if value
        )
        status = f"{len(summaries)} deck(s), {total[3]} cards; {due} to study now"
        status += f" ({chosen})." if chosen else "."
        until_due = None if next_due is None else next_due - now
        if not due and summaries:
            if until_due is not None and until_due.total_seconds() > 0:
                status += f" Next card due in {interval(until_due)}."
            status += " Press p to practise ahead."
        if not summaries:
            status = self._no_decks()
        self.query_one("#status", Static).update(literal(status))
        return until_due

    def _fill_table(self, table: DataTable, rows: list[tuple[str, list]]) -> None:
        """The rows in place when the decks are the same and fit the columns (the cursor and
        the sources line stay put); else the table filled anew, the cursor kept on the same
        line.

        The columns are given their widths, worked out here from the cells: left to the
        table, a header drawn before the rows came kept its narrower widths (Textual 8.2)."""
        widths = [
            max([cell_len(label), *(cell_len(str(cells[i])) for _, cells in rows)])
            for i, label in enumerate(COLUMNS)
        ]
        columns = list(table.columns.values())
        fits = all(c.width >= w for c, w in zip(columns, widths, strict=True))
        if fits and [key for key, _ in rows] == [key.value for key in table.rows]:
            for key, cells in rows:
                for column, cell in zip(table.columns, cells, strict=True):
                    table.update_cell(key, column, cell)
            return
        row = table.cursor_row
        table.clear(columns=True)
        for label, width in zip(COLUMNS, widths, strict=True):
            table.add_column(label, width=width)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if rows:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _refresh_when_due(self, until_due) -> None:
        """Count again once the next card falls due (a learning step ending while the deck
        list is open), and at least every DUE_CHECK_SECONDS (the study day turning)."""
        if self._due_timer is not None:
            self._due_timer.stop()
        wait = self.DUE_CHECK_SECONDS
        if until_due is not None and until_due.total_seconds() > 0:
            wait = min(wait, until_due.total_seconds() + 0.5)
        self._due_timer = self.set_timer(wait, self.refresh_counts)

    def _no_decks(self) -> str:
        from quizapp.deck.paths import user_decks_dir

        looked = ", ".join(str(p) for p in getattr(self.app, "deck_paths", []))
        return (
            f"No decks found (looked in: {looked}). Put deck files (.yaml) in "
            f"{user_decks_dir()}, or name a deck file or folder: quizapp PATH"
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_sources()

    def _show_sources(self) -> None:
        """Under the table: the source documents of the deck under the cursor."""
        table = self.query_one("#decks", DataTable)
        if self.collection is None or table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key == ALL:
            citations = list(self.collection.documents().values())
        else:
            citations = [d.citation for d in self.collection.deck(key).documents.values()]
        text = literal("Sources: " + "; ".join(citations) if citations else "No source documents")
        self.query_one("#sources", Static).update(text)

    def on_screen_resume(self) -> None:
        self.refresh_counts()

    def on_resize(self) -> None:
        self.refresh_counts()  # titles shortened to the new width

    # -- what the learner chose --------------------------------------------------------

    def _chosen(self) -> tuple[list[str], Filters, str] | None:
        """The decks, the filters (tags, sources) and a title: what the counts show."""
        from quizapp.core.collection import Filters

        if self.collection is None:
            return None
        table = self.query_one("#decks", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        deck_ids = self.collection.deck_ids if key == ALL else [key]
        tag, source = self._filters()
        title = "All decks" if key == ALL else self.collection.deck(key).title
        if tag:
            title += f" · {tag}"
        if source:
            title += f" · {self.collection.documents()[source]}"
        filters = Filters(tags=[tag] if tag else [], sources=[source] if source else [])
        return deck_ids, filters, title

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()

    def action_study(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        from quizapp.ui.screens.review import ReviewScreen

        deck_ids, filters, title = chosen
        if self.collection.next_card(deck_ids, *filters) is None:
            self.notify("Nothing to study here now: press p to practise ahead.", timeout=4)
            return
        self.app.push_screen(ReviewScreen(self.collection, deck_ids, filters, title))

    def action_practice(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        from quizapp.ui.screens.review import ReviewScreen

        deck_ids, filters, title = chosen
        keys = self.collection.practice_keys(deck_ids, *filters)
        if not keys:
            self.notify("No cards match.", timeout=3)
            return
        self.app.push_screen(
            ReviewScreen(self.collection, deck_ids, filters, title + " · practice", practice=keys)
        )

    def action_focus_tag(self) -> None:
        for select in self.query("#tag"):
            select.focus()

    def action_focus_source(self) -> None:
        for select in self.query("#source"):
            select.focus()

    def action_reload(self) -> None:
        self.query_one("#status", Static).update("Reloading decks…")
        self.app.reload_decks()

    def action_stats(self) -> None:
        if self.collection is None:
            self.notify("The decks are still loading.", timeout=3)
            return
        from quizapp.ui.screens.stats import StatsScreen

        exam = self.collection.store.settings.exam_date  # from the settings file
        today = self.collection.store.clock.now().date()
        self.app.push_screen(
            StatsScreen(self.collection, exam_day=exam if exam and exam > today else None)
        )

    def action_help(self) -> None:
        from quizapp.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- exams and quizzes ---------------------------------------------------------------

    def _open_paper(self) -> None:
        """Once loaded: the paper the command line started, else an offer to resume an exam."""
        from quizapp.quiz.exam import unfinished_exam

        pending = getattr(self.app, "open_paper", None)
        self.app.open_paper = None
        if pending is not None:
            kind, paper_id = pending
            self._resume_paper(kind, paper_id)
            return
        exam_id = unfinished_exam(self.collection.store)
        if exam_id is None:
            return
        from quizapp.ui.screens.exam import ConfirmScreen

        def chosen(yes: bool | None) -> None:
            if yes:
                self._resume_paper("exam", exam_id)

        self.app.push_screen(
            ConfirmScreen(
                f"Exam {exam_id} was left unfinished (its clock has kept running). Resume it?",
                yes="y resume",
                no="n not now (e lists it)",
            ),
            chosen,
        )

    def _resume_paper(self, kind: str, paper_id: int) -> None:
        if kind == "quiz":
            from quizapp.quiz.quiz import QuizSession
            from quizapp.ui.screens.quiz_screen import QuizScreen

            session = QuizSession.resume(self.collection.store, paper_id)
            self.app.push_screen(QuizScreen(session, self.collection))
            return
        from quizapp.ui.screens.past_exams import open_exam

        open_exam(self.app, self.collection, paper_id)

    def _paper_selection(self):
        """The decks, tag and source chosen on this screen, as a quiz or exam selection."""
        from quizapp.quiz.selection import Selection

        table = self.query_one("#decks", DataTable)
        if self.collection is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        tag, source = self._filters()
        return Selection(
            decks=() if key == ALL else (key,),
            tags=(tag,) if tag else (),
            sources=(source,) if source else (),
        )

    def _start_paper(self, kind: str, count: int | None = None, marking=None) -> None:
        selection = self._paper_selection()
        if selection is None:
            self.notify("The decks are still loading.", timeout=3)
            return

        from quizapp.quiz.selection import EmptySelection

        collection = self.collection
        seed = self.app.rng.randrange(2**31)
        try:
            if kind == "exam":
                from quizapp.quiz.defaults import DEFAULT_COUNT, default_time_limit
                from quizapp.quiz.exam import new_exam
                from quizapp.ui.screens.exam import ExamScreen

                count = count or DEFAULT_COUNT
                session, _ = new_exam(
                    collection.store,
                    collection.decks,
                    marking=marking or self._exam_marking(),
                    count=count,
                    seed=seed,
                    time_limit=default_time_limit(count),
                    selection=selection,
                    title=selection.describe(),
                )
                self.app.push_screen(ExamScreen(session, collection))
            else:
                from quizapp.quiz.defaults import DEFAULT_COUNT
                from quizapp.quiz.quiz import new_quiz
                from quizapp.ui.screens.quiz_screen import QuizScreen

                quiz, _ = new_quiz(
                    collection.store,
                    collection.decks,
                    count=DEFAULT_COUNT,
                    seed=seed,
                    selection=selection,
                    title=selection.describe(),
                )
                self.app.push_screen(QuizScreen(quiz, collection))
        except EmptySelection as problem:
            self.notify(str(problem), severity="warning", timeout=8, markup=False)

    def _exam_marking(self):
        """The settings file's exam marks; UPSC's, with a notice, if they make no sense."""
        from quizapp.quiz.marking import UPSC, Marking

        marks = getattr(self.app, "exam_marks", None)
        if marks is None:
            return UPSC
        try:
            return Marking.from_numbers(*marks)
        except ValueError as problem:
            from quizapp.config import default_config_path

            path = getattr(self.app, "config_path", None) or default_config_path()
            self.notify(
                f"{path}: exam marks: {problem}; using UPSC's (2, -2/3, 0)",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return UPSC

    def action_exam(self) -> None:
        """The exam's plan first (questions, time, the cards drawn from, marking): Enter
        starts it, so neither the clock nor the home screen's filters start unseen."""
        selection = self._paper_selection()
        if selection is None:
            self.notify("The decks are still loading.", timeout=3)
            return
        from quizapp.quiz.defaults import DEFAULT_COUNT, MINUTES_PER_QUESTION
        from quizapp.ui.screens.exam import ExamStartScreen

        decks = self.collection.deck_ids if not selection.decks else selection.decks
        titles = [self.collection.deck(d).deck.title for d in decks]
        drawn = "all decks" if not selection.decks else ", ".join(titles)
        tag, source = self._filters()
        if tag:
            drawn += f", tagged {tag}"
        if source:
            drawn += f", quoting {self.collection.documents().get(source, source)}"

        marking = self._exam_marking()

        def chosen(count: int | None) -> None:
            if count:
                self._start_paper("exam", count, marking)

        self.app.push_screen(
            ExamStartScreen(DEFAULT_COUNT, drawn, marking, MINUTES_PER_QUESTION), chosen
        )

    def action_quiz(self) -> None:
        self._start_paper("quiz")

    def action_browse(self) -> None:
        if self.collection is None:
            self.notify("The decks are still loading.", timeout=3)
            return
        from quizapp.ui.screens.browser import BrowserScreen

        def back(_result: object) -> None:
            self.refresh_counts()  # cards may have been suspended or reset

        self.app.push_screen(BrowserScreen(self.collection), back)

    def action_past_exams(self) -> None:
        if self.collection is None:
            self.notify("The decks are still loading.", timeout=3)
            return
        from quizapp.ui.screens.past_exams import PastExamsScreen

        self.app.push_screen(PastExamsScreen(self.collection))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refresh_counts()  # the counts follow the filters

    def _filter_list_toggled(self, expanded: bool) -> None:
        # A filter's list closed (an option picked, the same one again, or Esc): back to the
        # deck list, where Enter studies with the filter, once the list has given focus back.
        if not expanded:
            self.call_after_refresh(self.query_one("#decks", DataTable).focus)

    def _in_filter(self) -> bool:
        focused = self.focused
        return focused is not None and any(
            isinstance(node, Select) for node in focused.ancestors_with_self
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "study" and self._in_filter():
            return False  # Enter opens the filter list, or picks from it
        if action in {"study", "practice"} and self.collection is None:
            return None  # shown, but disabled until the decks are loaded (a key is kept)
        return True


COLUMNS = ("Deck", "New", "Learn", "Due", "Cards")


def _count(n: int, colour: str) -> Text:
    return Text(str(n), style=colour if n else "dim")
