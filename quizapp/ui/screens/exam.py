"""The exam hall: one question at a time, a palette of every question, a countdown.

As in UPSC's computer-based test, the learner answers (a-d), changes or
clears an answer, marks a question for review and moves freely between
questions until submitting; the palette colours each number by its status.
Every step is committed by the session before the screen changes, and the
clock is the session's own (tests move it). At the deadline the paper is
submitted as it stands and the result is shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from quizapp.ui.widgets.card_media import media_of
from quizapp.ui.widgets.card_view import CardView
from quizapp.ui.widgets.choices import answer_keys, verdict_option
from quizapp.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.quiz.exam import ExamSession

STATUS_NAMES = {
    "answered": "Answered",
    "not_answered": "Not answered",
    "not_visited": "Not visited",
    "marked": "Marked for review",
    "answered_marked": "Answered & marked",  # counted, as in UPSC's hall
}


def clock_text(left: dt.timedelta) -> str:
    """H:MM:SS or MM:SS, rounded up so 0:00 shows only when time is up."""
    seconds = int(-(-left.total_seconds() // 1))
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


def marking_text(session) -> str:
    m = session.marking
    return f"+{m.right} right, {m.wrong} wrong, {m.skipped} skipped"


class PaletteCell(Static):
    """One question's number, coloured by its status; a click asks to go to it."""

    class Chosen(Message):
        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, position: int) -> None:
        super().__init__(f"{position + 1:>3}", classes="cell")
        self.position = position

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.position))


class ExamScreen(Screen):
    CSS_PATH = "exam.tcss"
    BINDINGS = [
        Binding("a", "answer(0)", "Answer a", show=False, id="exam-answer-a"),
        Binding("b", "answer(1)", "Answer b", show=False, id="exam-answer-b"),
        Binding("c", "answer(2)", "Answer c", show=False, id="exam-answer-c"),
        Binding("d", "answer(3)", "Answer d", show=False, id="exam-answer-d"),
        Binding("t", "verdict(True)", "True", show=False, id="exam-true"),
        Binding("f", "verdict(False)", "False", show=False, id="exam-false"),
        Binding("x", "clear", "Clear", id="exam-clear"),
        Binding("m", "mark", "Mark", id="exam-mark"),
        Binding("p,left", "previous", "Prev", id="exam-previous"),
        Binding("n,right", "next", "Next", id="exam-next"),
        Binding("ctrl+s,S", "submit", "Submit", id="exam-submit"),
        Binding(
            "escape",
            "leave",
            "Leave",
            tooltip="The exam is kept; the clock keeps running",
            id="exam-leave",
        ),
    ]

    def __init__(self, session: ExamSession, collection: Collection | None = None) -> None:
        super().__init__()
        self.session = session
        self.collection = collection
        self._over = False
        self._timer: Timer | None = None
        self._typed_number = ""  # digits of a question to go to, as typed

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="exam"):
            with Horizontal(id="bar"):
                yield Static("", id="where")
                yield Static("", id="countdown")
            with Horizontal(id="body"):
                yield CardView(id="question")
                with Vertical(id="side"):
                    with Grid(id="palette"):
                        for position in range(len(self.session.questions)):
                            yield PaletteCell(position)
                    yield Static("", id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Exam {self.session.id} · {marking_text(self.session)}"
        self.query_one("#palette", Grid).border_title = "Questions"
        if self.session.check_time():
            self.call_after_refresh(self._show_result)
            return
        self.show_question()
        self._timer = self.set_interval(1, self._tick)
        self.query_one(CardView).focus()

    # -- showing ---------------------------------------------------------------------------

    def show_question(self) -> None:
        session = self.session
        question = session.current
        slot = session.slots[session.position]
        self._paint_where()
        view = self.query_one(CardView)
        media, folder = media_of(self.collection, question.deck_id, question.card_id)
        # Moving to another question scrolls home (and so does not here).
        view.ask(question.prompt, from_top=False, media=media, folder=folder)
        view.choices.show_sheet(question.labels, question.options, slot.chosen)
        standing = "Your answer: " + (
            f"{question.labels[slot.chosen]}" if slot.chosen is not None else "none yet"
        )
        if slot.marked_for_review:
            standing += " · marked for review"
        standing += f"  ({answer_keys(question.labels, question.kind)} answer, x clear, m mark)"
        view.show_standing(standing)
        self._paint_palette()
        self._paint_countdown()

    def _paint_where(self) -> None:
        session = self.session
        where = Text(f"Question {session.position + 1} of {len(session.questions)}", style="bold")
        if self._typed_number:
            where.append(f"  go to {self._typed_number}_ (Enter)", style="yellow")
        else:
            where.append("  (type a number to go to it)", style="dim")
        self.query_one("#where", Static).update(where)

    def on_key(self, event: events.Key) -> None:
        """Digits name a question to go to (Enter goes; at once when no longer number is
        possible); Backspace takes a digit back, Esc forgets them."""
        if self._over:
            return
        total = len(self.session.questions)
        typed = self._typed_number
        if event.character is not None and event.character.isdigit():
            fits = [
                number
                for number in ((typed + event.character).lstrip("0"), event.character)
                if number.lstrip("0") and int(number) <= total
            ]
            if not fits:  # no such question
                self.app.bell()
                event.stop()
                return
            typed = fits[0]  # else a new number starts
        elif typed and event.key == "backspace":
            typed = typed[:-1]
        elif typed and event.key == "escape":
            typed = ""
        elif typed and event.key == "enter":
            self._typed_number = ""
            self.action_go(int(typed) - 1)
            event.stop()
            event.prevent_default()
            return
        else:
            return
        event.stop()
        event.prevent_default()
        if typed and int(typed) * 10 > total:  # no longer number is possible: go now
            self._typed_number = ""
            self.action_go(int(typed) - 1)
            return
        self._typed_number = typed
        self._paint_where()

    def _paint_palette(self) -> None:
        slots = self.session.slots
        for cell in self.query(PaletteCell):
            status = slots[cell.position].status
            for name in STATUS_NAMES:
                cell.set_class(name == status, f"-{name.replace('_', '-')}")
            cell.set_class(cell.position == self.session.position, "-current")
        counts = {name: 0 for name in STATUS_NAMES}
        for slot in slots:
            counts[slot.status] += 1
        legend = Text()
        for name, label in STATUS_NAMES.items():
            legend.append("■ ", style=LEGEND_STYLES[name])
            legend.append(f"{counts[name]} {label}\n")
        self.query_one("#legend", Static).update(legend.rstrip() or legend)

    def _paint_countdown(self) -> None:
        left = self.session.time_left()
        widget = self.query_one("#countdown", Static)
        if left is None:
            widget.update("untimed")
            return
        widget.update(Text(f"⏱ {clock_text(left)} left", style="bold"))
        widget.set_class(left <= dt.timedelta(minutes=1), "-ending")

    def _tick(self) -> None:
        if self._over:
            return
        if self.session.check_time():
            # Switched from the app's own queue: a screen cannot replace itself from its timer.
            self.app.call_later(self._show_result)
            return
        self._paint_countdown()

    # -- acting ----------------------------------------------------------------------------

    def _act(self, change) -> None:
        """Run a change of the session; once the clock has closed the exam, show the result."""
        from quizapp.quiz.exam import ExamClosed

        if self._over:
            return
        try:
            change()
        except ExamClosed:
            self._show_result()
            return
        self.show_question()

    def action_answer(self, option: int) -> None:
        if option >= len(self.session.current.options):
            return
        self._act(lambda: self.session.answer(option))

    def action_verdict(self, verdict: bool) -> None:
        question = self.session.current
        if question.kind == "true_false":
            option = verdict_option(question.options, verdict)
            if option is not None:
                self.action_answer(option)

    def action_clear(self) -> None:
        self._act(self.session.clear)

    def action_mark(self) -> None:
        flag = not self.session.slots[self.session.position].marked_for_review
        self._act(lambda: self.session.mark_for_review(flag))

    def action_next(self) -> None:
        self._act(self.session.next)
        self._scroll_home()

    def action_previous(self) -> None:
        self._act(self.session.previous)
        self._scroll_home()

    def action_go(self, position: int) -> None:
        self._act(lambda: self.session.go_to(position))
        self._scroll_home()

    def on_palette_cell_chosen(self, event: PaletteCell.Chosen) -> None:
        self.action_go(event.position)

    def _scroll_home(self) -> None:
        if not self._over:
            self.query_one(CardView).scroll_home(animate=False)

    def action_submit(self) -> None:
        if self._over:
            return
        counts = {name: 0 for name in STATUS_NAMES}
        for slot in self.session.slots:
            counts[slot.status] += 1
        answered = counts["answered"] + counts["answered_marked"]
        unanswered = len(self.session.questions) - answered
        message = (
            f"Submit the exam? {answered} answered, {unanswered} not answered"
            f" ({counts['marked'] + counts['answered_marked']} marked for review). "
            "Answers are final once submitted."
        )

        def confirmed(yes: bool | None) -> None:
            if yes and not self._over:
                self._act(self.session.submit)
                if self.session.is_submitted:
                    self._show_result()

        self.app.push_screen(ConfirmScreen(message), confirmed)

    def action_leave(self) -> None:
        self._over = True
        self.app.notify(
            f"Exam {self.session.id} is kept and its clock keeps running: "
            "resume it from the home screen (e).",
            timeout=5,
        )
        self.app.pop_screen()

    def _show_result(self) -> None:
        if self._over:
            return
        self._over = True
        if self._timer is not None:
            self._timer.stop()
        from quizapp.ui.screens.results import ResultScreen

        # A confirmation still open when time ran out goes with the exam.
        while self.app.screen is not self and isinstance(self.app.screen, ModalScreen):
            self.app.pop_screen()
        result = self.session.result()
        self.app.switch_screen(
            ResultScreen(
                result,
                title=result_title(self.session),
                collection=self.collection,
            )
        )

    @property
    def running(self) -> bool:
        """The exam is open and its clock running: quitting asks first."""
        return not self._over and not self.session.is_submitted

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self._over


LEGEND_STYLES = {
    "answered": "green",
    "not_answered": "red",
    "not_visited": "grey50",
    "marked": "magenta",
    "answered_marked": "bold magenta",
}


def result_title(session) -> str:
    timed_out = session.submitted_by is not None and session.submitted_by.value == "time_out"
    return f"Exam {session.id} · " + (
        "time ran out: submitted as it stood" if timed_out else "submitted"
    )


class ConfirmScreen(ModalScreen[bool]):
    """Yes or no, before something final."""

    CSS_PATH = "exam.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, message: str, *, yes: str = "y submit", no: str = "n keep going") -> None:
        super().__init__()
        self.message = message
        self.keys = f"{yes} · {no}"

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.message, markup=False)
            yield Static(self.keys, classes="muted", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExamStartScreen(ModalScreen[int | None]):
    """Before a timed exam: what it will be (questions, time, the cards it draws from,
    marking); + and - change the number of questions; Enter starts, Esc goes back."""

    CSS_PATH = "exam.tcss"
    BINDINGS = [
        Binding("enter,y", "start", "Start", id="exam-start"),
        Binding("plus,equals_sign,right", "count(10)", "10 more", id="exam-more"),
        Binding("minus,left", "count(-10)", "10 fewer", id="exam-fewer"),
        Binding("escape,n", "cancel", "Back", id="exam-start-back"),
    ]

    def __init__(self, count: int, drawn_from: str, marking, minutes_per_question: float) -> None:
        super().__init__()
        self.count = count
        self.drawn_from = drawn_from
        self.marking = marking
        self.minutes_per_question = minutes_per_question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static("", id="exam-plan")
            yield Static(
                "Enter start · + / - 10 questions more or fewer · Esc back",
                classes="muted",
                markup=False,
            )

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        from quizapp.quiz.marking import format_marks

        m = self.marking
        minutes = self.count * self.minutes_per_question
        plan = Text("Timed exam\n", style="bold")
        for name, value in (
            ("Questions", f"{self.count} (fewer if the cards chosen have fewer)"),
            ("Time", f"{minutes:g} minutes; the clock runs from Enter, even if you leave"),
            ("Cards", self.drawn_from),
            (
                "Marking",
                f"+{format_marks(m.right)} right, {format_marks(m.wrong)} wrong, "
                f"{format_marks(m.skipped)} skipped",
            ),
        ):
            plan.append(f"{name:<10}", style="bold")
            plan.append_text(Text(value + "\n"))
        plan.append("A question missed becomes due for review now.", style="dim")
        self.query_one("#exam-plan", Static).update(plan)

    def action_count(self, change: int) -> None:
        self.count = max(10, min(200, self.count + change))
        self._paint()

    def action_start(self) -> None:
        self.dismiss(self.count)

    def action_cancel(self) -> None:
        self.dismiss(None)
