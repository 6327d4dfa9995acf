"""Review: one card at a time, answered in the way its kind calls for, then graded.

Each grade is committed to the store before the next card is shown.

How an answer becomes a grade (`quizapp.quiz.answers`, also in the `?` list):
basic and cloze cards are graded by the learner, 1-4, once the answer is
shown. Cards answered by choosing or typing (multiple choice, true/false,
year, ordering, statements, match) are checked: a wrong answer is graded
Again, with no other choice; a right one is Good on Enter, or Again (1), Hard
(2) or Easy (4) if the learner says so, as in Anki. Once the app has judged an
answer it is saved however the screen is left (Esc, quitting, the app closing):
Again when wrong, Good when right.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from quizapp.ui.saving import Saver
from quizapp.ui.text import literal
from quizapp.ui.widgets.card_view import CardView
from quizapp.ui.widgets.footer import Footer
from quizapp.ui.widgets.grade_bar import GradeBar
from quizapp.ui.widgets.passage import passage_of

if TYPE_CHECKING:
    from quizapp.core.collection import Collection, Filters
    from quizapp.core.store import CardKey

OPTION_KINDS = {"mcq", "true_false", "statements", "match", "assertion_reason"}
TYPED_KINDS = {"year", "ordering"}


def cloze_revealed(text: str) -> Text:
    """A cloze card's text with its blanks filled, what filled them highlighted."""
    from quizapp.deck.model import CLOZE_PATTERN

    shown = Text()
    at = 0
    for blank in CLOZE_PATTERN.finditer(text):
        shown.append_text(literal(text[at : blank.start()]))
        shown.append_text(literal(blank.group(1), "bold reverse green"))
        at = blank.end()
    shown.append_text(literal(text[at:]))
    return shown


@dataclass
class SessionTally:
    started: float
    ratings: list[int] = field(default_factory=list)
    keys: list[CardKey] = field(default_factory=list)  # the card of each answer

    @property
    def answered(self) -> int:
        return len(self.ratings)

    @property
    def cards(self) -> int:
        return len(set(self.keys))

    def add(self, key: CardKey, rating: int) -> None:
        self.ratings.append(rating)
        self.keys.append(key)

    def take_back(self) -> None:
        if self.ratings:
            self.ratings.pop()
            self.keys.pop()

    @property
    def correct(self) -> int:
        return sum(1 for r in self.ratings if r > 1)


class ReviewScreen(Screen):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer", id="show-answer"),
        # The same keys, once answered: take the suggested grade (shown in the grade bar).
        Binding("space,enter", "accept", "Suggested grade", id="suggested-grade"),
        Binding("a", "choose(0)", "Choose a", show=False, id="choose-a"),
        Binding("b", "choose(1)", "Choose b", show=False, id="choose-b"),
        Binding("c", "choose(2)", "Choose c", show=False, id="choose-c"),
        Binding("d", "choose(3)", "Choose d", show=False, id="choose-d"),
        Binding("t", "verdict(True)", "True", id="true"),
        Binding("f", "verdict(False)", "False", id="false"),
        Binding("1", "grade(1)", "Again", show=False, id="again"),
        Binding("2", "grade(2)", "Hard", show=False, id="hard"),
        Binding("3", "grade(3)", "Good", show=False, id="good"),
        Binding("4", "grade(4)", "Easy", show=False, id="easy"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("e", "edit", "Edit card", id="edit-card"),
        Binding("B", "browse", "Browse cards", show=False, id="browse"),  # b chooses option b
        # Priority: they work while a year or an order is being typed (neither needs them).
        Binding("minus", "bury", "Bury", show=False, priority=True, id="bury"),
        Binding("at", "suspend", "Suspend", show=False, priority=True, id="suspend"),
        Binding("asterisk", "flag", "Flag", show=False, priority=True, id="flag"),
        Binding(
            "exclamation_mark",
            "report",
            "Report a problem",
            show=False,
            priority=True,
            id="report",
        ),
        Binding("question_mark", "help", "Keys", id="keys"),
        Binding("escape", "leave", "Decks", id="decks"),
    ]

    def __init__(
        self,
        collection: Collection,
        deck_ids: list[str],
        filters: Filters | None,
        title: str,
        *,
        practice: list[CardKey] | None = None,
        early_keys: tuple[CardKey | None, list[tuple[str, str | None]]] | None = None,
    ) -> None:
        """``early_keys``: a card and the keys pressed on it before this screen was up
        (`quizapp --review`), applied in order if it is the card this screen shows first (any
        card when None: keys pressed before a card could be shown)."""
        from quizapp.core.collection import Filters

        super().__init__()
        self.early_keys = early_keys
        self.collection = collection
        self.deck_ids = deck_ids
        # As the deck list counted them; the header counts them the same way.
        self.filters = filters or Filters()
        self.session_title = title
        self.practice = list(practice) if practice is not None else None
        self.tally = SessionTally(started=self._now())
        self.key: CardKey | None = None
        self.card = None
        self.phase = "asking"
        self.correct: bool | None = None
        self.given: str | None = None
        self.question = None
        self.shown_order: list[int] = []
        self.card_started = self.tally.started
        self._pool = None
        self._next_states = None  # the card's states after each grade, once its answer shows
        # What u takes back, latest last: ("answer", key) or a mark ("bury"/"suspend", key).
        self._done: list[tuple[str, CardKey]] = []
        self.saver = Saver(self, self._tell_unsaved)  # a write the disk refused waits here

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="review"):
            yield Static("", id="where", classes="muted")
            yield Static("", id="left")
            yield CardView(id="card")
            yield GradeBar(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        self.show_next()
        if self.early_keys is not None and self.early_keys[0] in (None, self.key):
            self.call_after_refresh(self._press_early_keys, self.early_keys[1])
        self.early_keys = None

    def _press_early_keys(self, keys: list[tuple[str, str | None]]) -> None:
        """As if pressed now, on this screen. Sent as the app's, as the terminal's keys are: one
        sent as this screen's would stop bubbling below it, before the bindings."""
        for key, character in keys:
            self.app.post_message(events.Key(key, character).set_sender(self.app))

    def _now(self) -> float:
        # The app's timer (tests freeze it); seconds, for durations only.
        return getattr(self.app, "timer", time.monotonic)()

    # -- which card ------------------------------------------------------------------

    def _next_key(self) -> CardKey | None:
        if self.practice is not None:
            return self.practice.pop(0) if self.practice else None
        return self.collection.next_card(self.deck_ids, *self.filters)

    def _remaining(self) -> int:
        if self.practice is not None:
            return len(self.practice)
        return self.collection.remaining(self.deck_ids, *self.filters)

    def show_next(self) -> None:
        key = self._next_key()
        if key is None:
            self.finish()
            return
        self.show_card(key)

    def show_card(self, key: CardKey) -> None:
        self.key = key
        self.card = self.collection.card(key)
        self.phase = "asking"
        self.correct = None
        self.given = None
        self.chosen: int | None = None  # the option chosen, on a card answered by choosing
        self.question = None
        self.card_started = self._now()
        card = self.card
        self._refresh_where()
        self._refresh_left()

        view = self.query_one(CardView)
        view.ask(
            self._ask(card),
            media=card.media,
            folder=self.collection.deck(key.deck_id).path.parent,
        )
        labels = self.question.labels if self.question is not None else ()
        self.query_one("#grades", GradeBar).show_hint(card.kind, labels)
        if view.typed.ask(card.kind):
            view.typed.focus()
        else:
            view.focus()  # arrow keys and Page Up/Down scroll a long card
        self.refresh_bindings()

    def _ask(self, card) -> str:
        """Fill in how this card is answered; returns its prompt."""
        choices = self.query_one(CardView).choices
        if card.kind in OPTION_KINDS:
            from quizapp.quiz.distractors import AnswerPool
            from quizapp.quiz.questions import build_question

            if self._pool is None:
                self._pool = AnswerPool.for_loaded(self.collection.decks)
            loaded = self.collection.deck(self.key.deck_id)
            self.question = build_question(loaded, card, self._pool, self.app.rng)
            choices.show_options(self.question.labels, self.question.options)
            return self.question.prompt
        if card.kind == "ordering":
            order = list(range(len(card.events)))
            self.app.rng.shuffle(order)
            self.shown_order = order
            choices.show_events([card.events[index].event for index in order])
            return card.prompt
        choices.clear()
        return card.prompt

    # -- answering ----------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.phase == "answered":
            self.action_accept()
            return
        if self.card.kind in OPTION_KINDS | TYPED_KINDS:
            return
        self._show_answer(None)

    def action_accept(self) -> None:
        if self.phase != "answered":
            return
        from quizapp.quiz.answers import default_rating

        self.action_grade(int(default_rating(self.correct)))

    def action_choose(self, index: int) -> None:
        if self.phase != "asking" or self.question is None:
            return
        if index >= len(self.question.options):
            return
        self.given = self.question.options[index]
        self.chosen = index
        self._show_answer(self.question.is_correct(index))

    def action_verdict(self, verdict: bool) -> None:
        if self.phase != "asking" or self.card.kind != "true_false":
            return
        index = self.question.options.index("True" if verdict else "False")
        self.action_choose(index)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.phase != "asking":
            return
        from quizapp.quiz.answers import TypedAnswerError, check_order, check_year

        try:
            if self.card.kind == "year":
                correct = check_year(self.card, event.value)
            else:
                correct = check_order(self.card, event.value, self.shown_order)
        except TypedAnswerError as problem:
            self.query_one(CardView).show_problem(str(problem))
            return
        self.given = event.value.strip()
        view = self.query_one(CardView)
        view.typed.hide()
        view.focus()
        self._show_answer(correct)

    def _show_answer(self, correct: bool | None) -> None:
        self.phase = "answered"
        self.correct = correct
        card = self.card
        view = self.query_one(CardView)
        if correct is not None:
            view.show_verdict(correct, self.given)
        if self.question is not None:
            question = self.question
            view.choices.show_judged(
                question.labels, question.options, question.correct, self.chosen
            )
        view.show_answer(self._answer_text(card), judged=correct is not None)
        view.show_explanation(card.explanation)
        passage, citation, items = passage_of(self.collection.deck(self.key.deck_id), card)
        if self.question is not None:
            # Labelled as the question showed them (its statements in their shuffled order).
            items = self.question.item_passages
        view.show_passage(passage, citation, items)
        self._show_grades()
        self.refresh_bindings()
        self.call_after_refresh(view.bring_answer_into_view)

    def _show_grades(self) -> None:
        from quizapp.quiz.answers import allowed_ratings, default_rating

        practice = self.practice is not None
        # Practice leaves the schedule alone, so there is no interval to preview.
        previews = None if practice else self.collection.store.preview_intervals(self.key)
        # Worked out while the learner reads the answer, so the grade key only saves one.
        self._next_states = None if practice else self.collection.store.next_states(self.key)
        self.query_one("#grades", GradeBar).show_grades(
            {int(r) for r in allowed_ratings(self.correct)},
            int(default_rating(self.correct)),
            None if previews is None else {int(r): d for r, d in previews.items()},
            practice=practice,
        )

    def _answer_text(self, card) -> Text:
        kind = card.kind
        text = Text("Answer: ", style="bold")
        if kind == "cloze":
            text.append_text(cloze_revealed(card.text))
        elif kind == "ordering":
            text = Text("In order:\n", style="bold")
            for event in card.events:
                text.append_text(literal(f"  {event.date}  {event.event}\n"))
        elif self.question is not None:
            text.append(f"{self.question.correct_label}) ", style="bold")
            text.append_text(literal(self.question.reveal))
        else:
            text.append_text(literal(str(card.answer)))
        return text

    def action_grade(self, rating: int) -> None:
        from quizapp.core.store import Rating
        from quizapp.quiz.answers import allowed_ratings

        if self.phase != "answered" or Rating(rating) not in allowed_ratings(self.correct):
            return
        self._commit(rating, then=self._graded)

    def _graded(self, result) -> None:
        if result.leech:
            self._tell_leech()
            return
        self.show_next()

    def _commit(self, rating: int, then=None) -> None:
        """Save the grade of the card on screen, before anything else happens: nothing is lost
        if the app dies now. The card then counts as graded; ``then(result)`` runs once the
        answer is saved (at once, or when a full disk has room again)."""
        from quizapp.core.store import Mode, Rating

        duration = int((self._now() - self.card_started) * 1000)
        mode = Mode.practice if self.practice is not None else Mode.review
        store, key, given = self.collection.store, self.key, self.given
        at = store.clock.now()  # when answered, however late the disk lets it be saved
        states, self._next_states = self._next_states, None
        self.phase = "graded"

        def saved(result) -> None:
            self.tally.add(key, rating)
            self._done.append(("answer", key))
            if then is not None:
                then(result)

        self.saver.save(
            lambda: store.answer(
                key,
                Rating(rating),
                mode=mode,
                duration_ms=duration,
                answer=given,
                at=at,
                states=states,
            ),
            saved,
        )

    def keep_judged_answer(self) -> None:
        """An answer the app has judged and no grade key followed: saved as its suggested grade
        (Again when wrong, Good when right), so leaving never dodges an Again."""
        if self.phase == "answered" and self.correct is not None:
            from quizapp.quiz.answers import default_rating

            self._commit(int(default_rating(self.correct)))

    def on_unmount(self) -> None:
        # The screen going by any way (quitting, the terminal closed, dismissed by the app).
        self.keep_judged_answer()

    def _tell_leech(self) -> None:
        """The card just became a leech (and is suspended): say why, with its passage."""
        from quizapp.ui.screens.card_marks import LeechNotice

        card, key = self.card, self.key
        passage, citation, items = passage_of(self.collection.deck(key.deck_id), card)
        lapses = self.collection.store.progress(key).lapses
        self.phase = "leech"

        def after(choice: str | None) -> None:
            if choice == "edit":
                self.action_edit(then_next=True)
            else:
                self.show_next()

        self.app.push_screen(LeechNotice(card.prompt, lapses, passage, citation, items), after)

    def action_undo(self) -> None:
        """Take back the last answer, bury or suspension (as Anki's undo does)."""
        self.keep_judged_answer()  # then taken back, as any answer
        done, marked = self._done.pop() if self._done else ("answer", None)
        if done != "answer":
            store = self.collection.store
            unmark = store.unbury if done == "bury" else store.unsuspend
            self.saver.save(lambda: unmark([marked]), lambda _count: self._unmarked(done, marked))
            return
        self.saver.save(self.collection.store.undo, self._undone)

    def _unmarked(self, done: str, marked: CardKey) -> None:
        if self.practice is not None and self.key is not None and self.phase != "done":
            self.practice.insert(0, self.key)
        self.notify("Bury taken back." if done == "bury" else "Suspension taken back.", timeout=2)
        self.show_card(marked)

    def _undone(self, key: CardKey | None) -> None:
        if key is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.tally.take_back()
        if (
            self.practice is not None
            and self.key not in {None, key}  # the card on screen comes back later
            and self.phase != "done"
        ):
            self.practice.insert(0, self.key)
        self.notify("Answer taken back.", timeout=2)
        self.show_card(key)

    # -- leaving -----------------------------------------------------------------------

    def finish(self) -> None:
        from quizapp.ui.screens.summary import SummaryScreen

        self.phase = "done"
        store = self.collection.store
        nxt = store.next_due(self.deck_ids)
        self.app.switch_screen(
            SummaryScreen(
                answered=self.tally.answered,
                correct=self.tally.correct,
                cards=self.tally.cards,
                seconds=self._now() - self.tally.started,
                next_due=None if nxt is None else nxt - store.clock.now(),
                practice=self.practice is not None,
                remaining=self._remaining(),
            )
        )

    def action_leave(self) -> None:
        self.keep_judged_answer()
        if self.tally.answered:
            self.finish()
        else:
            self.app.pop_screen()

    def action_help(self) -> None:
        from quizapp.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def on_key(self, event) -> None:
        if self.saver.pending:  # a key only tries the unsaved write again
            event.stop()
            self.saver.retry()

    def _tell_unsaved(self, problem: str | None) -> None:
        """Why nothing is saved yet, in place of the grades; None: saved after all."""
        self.refresh_bindings()
        if problem is None:
            self.app.clear_notifications()  # the "not saved yet" notice no longer holds
            self.notify("Saved.", timeout=3)
            return
        self.query_one("#grades", GradeBar).update(literal(problem, "bold red"))
        self.notify(problem, severity="error", timeout=20, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.saver.pending:
            return False  # nothing else happens until it is saved
        if self.card is None:
            return True
        kind = self.card.kind
        if action == "reveal":
            return self.phase == "asking" and kind not in OPTION_KINDS | TYPED_KINDS
        if action == "accept":
            return self.phase == "answered"
        if action == "choose":
            return self.phase == "asking" and kind in OPTION_KINDS
        if action == "verdict":
            return self.phase == "asking" and kind == "true_false"
        if action == "grade":
            from quizapp.core.store import Rating
            from quizapp.quiz.answers import allowed_ratings

            return self.phase == "answered" and Rating(parameters[0]) in allowed_ratings(
                self.correct
            )
        if action == "undo":
            return bool(self._done) or self.collection.store.can_undo
        if action in {"bury", "suspend", "flag", "report", "edit", "browse"}:
            return self.phase in {"asking", "answered"} and self.key is not None
        return True

    def action_browse(self) -> None:
        from quizapp.ui.screens.browser import BrowserScreen

        self.keep_judged_answer()

        def back(_result: object) -> None:
            if self.phase == "graded":
                self.show_next()
                return
            # The card may have been suspended, buried, reset or edited in the browser.
            if self.phase not in {"asking", "answered"} or self.key is None:
                return
            progress = self.collection.store.progress(self.key)
            gone = self.collection.deck(self.key.deck_id).card(self.key.card_id) is None
            if gone or progress.suspended or progress.buried_until is not None:
                self.show_next()
            else:
                self.show_card(self.key)

        self.app.push_screen(BrowserScreen(self.collection), back)

    # -- marks: bury, suspend, flag, report --------------------------------------------

    def action_bury(self) -> None:
        self.keep_judged_answer()
        key = self.key
        self.saver.save(lambda: self.collection.store.bury([key]), self._buried)

    def _buried(self, until) -> None:
        self._done.append(("bury", self.key))
        when = until.astimezone().strftime("%a %H:%M")
        self.notify(f"Buried until the next study day ({when}).", timeout=3)
        self.show_next()

    def action_suspend(self) -> None:
        self.keep_judged_answer()
        key = self.key
        self.saver.save(lambda: self.collection.store.suspend([key]), self._suspended)

    def _suspended(self, _count: int) -> None:
        self._done.append(("suspend", self.key))
        self.notify("Suspended: unsuspend it in the card browser (B).", timeout=4)
        self.show_next()

    def action_flag(self) -> None:
        from quizapp.ui.screens.card_marks import FlagPicker
        from quizapp.ui.text import FLAG_COLOURS

        key = self.key
        current = self.collection.store.progress(key).flag

        def chosen(flag: int | None) -> None:
            if flag is None:
                return
            self.saver.save(
                lambda: self.collection.store.set_flag([key], flag), lambda _: flagged(flag)
            )

        def flagged(flag: int) -> None:
            self.notify(f"Flag: {FLAG_COLOURS.get(flag, 'none')}.", timeout=2)
            if key == self.key:
                self._refresh_where()

        self.app.push_screen(FlagPicker(current), chosen)

    def action_report(self) -> None:
        from quizapp.ui.screens.card_marks import ReportCard

        key = self.key

        def noted(note: str | None) -> None:
            if note:
                self.collection.store.report(key, note)
                self.notify("Noted: `quizapp check` lists it for the deck's author.", timeout=3)

        self.app.push_screen(ReportCard(), noted)

    def _refresh_left(self) -> None:
        """What is left to study, as Anki shows it: new, learning and review cards due now (a
        learning card counts until its last step); in practice, the cards still to come."""
        left = self.query_one("#left", Static)
        if self.practice is not None:
            left.update(Text(f"{len(self.practice) + 1} left to practise", style="dim"))
            return
        tags, sources = self.filters
        counts = self.collection.store.counts(self.deck_ids, tags=tags, sources=sources)
        new = sum(c.new for c in counts.values())
        learning = sum(c.learning for c in counts.values())
        review = sum(c.due for c in counts.values())
        left.update(
            Text.assemble(
                (str(new), "bold blue"),
                " new · ",
                (str(learning), "bold red"),
                " learning · ",
                (str(review), "bold green"),
                " to review",
            )
        )

    def _refresh_where(self) -> None:
        """The line above the card: session, kind, state, and any flag."""
        from quizapp.ui.text import clip, flag_text

        progress = self.collection.store.progress(self.key)
        about = f" · {self.card.kind.replace('_', '/')} · {progress.state}"
        # The session's title gives way first on a narrow screen: the card's kind and state stay.
        title = clip(self.session_title, max(12, self.app.size.width - 4 - len(about)))
        where = title + about
        if progress.changed_since_review:
            where += " · reworded since your last review"
        line = literal(where)
        if progress.flag:
            line.append(" · ")
            line.append_text(flag_text(progress.flag))
        self.query_one("#where", Static).update(line)

    def action_edit(self, then_next: bool = False) -> None:
        """Open the deck at this card's line in $EDITOR, then show the card as edited."""
        from quizapp.ui.editor import edit_card

        if self.phase == "answered" and self.correct is not None:
            self.keep_judged_answer()  # judged before the edit: saved, and the next card follows
            then_next = True
        edited = edit_card(self.app, self.collection, self.key)
        gone = edited and self.collection.deck(self.key.deck_id).card(self.key.card_id) is None
        if then_next or gone:
            self.show_next()  # a suspended leech, or renamed or removed in the editor
        elif edited:
            self.show_card(self.key)
