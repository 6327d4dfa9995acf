"""The end of a session: how it went and when the next card is due."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quizapp.ui.text import interval


class SummaryScreen(Screen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [Binding("enter,escape,space", "close", "Back to decks", id="summary-back")]

    def __init__(
        self,
        *,
        answered: int,
        correct: int,
        seconds: float,
        next_due: timedelta | None,
        practice: bool = False,
        remaining: int = 0,
    ) -> None:
        super().__init__()
        self.answered = answered
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
        lines = [
            f"Cards answered:  {self.answered}",
            f"Right (not Again): {self.correct}  ({accuracy})",
            f"Time spent:      {minutes}m {seconds:02d}s",
        ]
        if self.remaining:
            verb = "practise" if self.practice else "study"
            lines.append(f"Left to {verb}:   {self.remaining} now (Enter on the deck list)")
        elif self.next_due is None:
            lines.append("Next card due:   nothing scheduled yet")
        elif self.next_due <= timedelta(0):
            lines.append("Next card due:   now")
        else:
            lines.append(f"Next card due:   in {interval(self.next_due)}")
            if not self.practice:
                lines.append("Until then, p on the deck list practises ahead.")
        if self.practice:
            lines.append("Practice answers do not change the schedule.")
        return "\n".join(lines)

    def action_close(self) -> None:
        self.app.pop_screen()
