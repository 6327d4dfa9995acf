"""The end of a session: how it went and when the next card is due."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from quizapp.ui.text import interval
from quizapp.ui.widgets.footer import Footer


class SummaryScreen(Screen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [Binding("enter,escape,space", "close", "Back to decks", id="summary-back")]

    def __init__(
        self,
        *,
        answered: int,
        correct: int,
        cards: int | None = None,
        seconds: float,
        next_due: timedelta | None,
        practice: bool = False,
        remaining: int = 0,
    ) -> None:
        super().__init__()
        self.answered = answered
        self.cards = answered if cards is None else cards  # a card may be answered many times
        self.correct = correct
        self.seconds = seconds
        self.next_due = next_due
        self.practice = practice
        self.remaining = remaining  # cards still to study now (a session left early)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="summary", classes="panel"):
            yield Static(
                "Practice finished" if self.practice else "Session finished", classes="title"
            )
            yield Static(self.text(), id="figures")
        yield Footer()

    def text(self) -> str:
        accuracy = f"{100 * self.correct / self.answered:.0f}%" if self.answered else "-"
        minutes, seconds = divmod(int(self.seconds), 60)
        cards = f"{self.cards} card" + ("" if self.cards == 1 else "s")
        rows = [
            ("Answers:", f"{self.answered} on {cards}"),
            ("Right (not Again):", f"{self.correct}  ({accuracy})"),
            ("Time spent:", f"{minutes}m {seconds:02d}s"),
        ]
        if self.remaining:
            verb = "practise" if self.practice else "study"
            rows.append((f"Left to {verb}:", f"{self.remaining} now (Enter on the deck list)"))
        elif self.next_due is None:
            rows.append(("Next card due:", "nothing scheduled yet"))
        elif self.next_due <= timedelta(0):
            rows.append(("Next card due:", "now"))
        else:
            rows.append(("Next card due:", f"in {interval(self.next_due)}"))
        lines = [f"{name:<19}{value}" for name, value in rows]
        waiting = self.next_due is not None and self.next_due > timedelta(0) and not self.remaining
        if waiting and not self.practice:
            lines.append("Until then, p on the deck list practises ahead.")
        if self.practice:
            lines.append("Practice answers do not change the schedule.")
        return "\n".join(lines)

    def action_close(self) -> None:
        self.app.pop_screen()
