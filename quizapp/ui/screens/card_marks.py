"""Small dialogs over a card: choose a flag, note a problem, the leech notice, and the
question before progress is reset."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quizapp.ui.text import FLAG_COLOURS, clip, flag_text, literal
from quizapp.ui.widgets.passage import SourcePassage


class FlagPicker(ModalScreen[int | None]):
    """1-7 choose a colour (Anki's seven), 0 clears the flag; the choice, or None if cancelled."""

    CSS_PATH = "card_marks.tcss"
    BINDINGS = [
        Binding("1", "pick(1)", "Red", id="flag-red"),
        Binding("2", "pick(2)", "Orange", id="flag-orange"),
        Binding("3", "pick(3)", "Green", id="flag-green"),
        Binding("4", "pick(4)", "Blue", id="flag-blue"),
        Binding("5", "pick(5)", "Pink", id="flag-pink"),
        Binding("6", "pick(6)", "Turquoise", id="flag-turquoise"),
        Binding("7", "pick(7)", "Purple", id="flag-purple"),
        Binding("0", "pick(0)", "No flag", id="flag-none"),
        Binding("escape", "cancel", "Cancel", id="flag-cancel"),
    ]

    def __init__(self, current: int = 0, cards: int = 1) -> None:
        super().__init__()
        self.current = current
        self.cards = cards  # how many cards the flag goes on

    def compose(self) -> ComposeResult:
        lines = Text()
        for number in FLAG_COLOURS:
            lines.append(f"  {number}  ")
            lines.append_text(flag_text(number))
            lines.append("   (now)\n" if number == self.current else "\n")
        lines.append("  0  no flag" + ("   (now)" if not self.current else ""))
        with Vertical(classes="dialog") as box:
            box.border_title = "Flag this card" if self.cards == 1 else f"Flag {self.cards} cards"
            box.border_subtitle = "Esc cancels"
            yield Static(lines)

    def action_pick(self, flag: int) -> None:
        self.dismiss(flag)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportCard(ModalScreen[str | None]):
    """A note for the deck's author on what is wrong with a card; Enter saves it."""

    CSS_PATH = "card_marks.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="report-cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Report a problem with this card"
            box.border_subtitle = "Enter saves · Esc cancels"
            yield Static(
                "Kept with your progress and listed by `quizapp check` for the deck's author.",
                classes="muted",
                markup=False,
            )
            yield Input(placeholder="What is wrong? e.g. the date is 19 June", id="note")
            yield Static("", id="problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#problem", Static).update(Text("Say what is wrong first.", "yellow"))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LeechNotice(ModalScreen[str]):
    """Why a card was just suspended, with its passage, so it can be rewritten.

    Returns "edit" when the learner wants to open the card in $EDITOR now.
    """

    CSS_PATH = "card_marks.tcss"
    BINDINGS = [
        Binding("enter,escape,space", "dismiss('continue')", "Continue", id="leech-continue"),
        Binding("e", "dismiss('edit')", "Edit card", id="leech-edit"),
    ]

    def __init__(
        self,
        prompt: str,
        lapses: int,
        passage: str | None,
        citation: str | None,
        items: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.lapses = lapses
        self.passage = passage
        self.citation = citation
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog leech") as box:
            box.border_title = "Leech: this card is suspended"
            box.border_subtitle = "e edit the card · Enter continue"
            yield Static(literal(self.prompt, "bold"))
            yield Static(
                Text(
                    f"You have forgotten it {self.lapses} times. Cards this hard to keep are "
                    "often worded badly: rewrite it (e opens it in $EDITOR), split it in two, "
                    "or read the passage again. It stays out of your reviews until you "
                    "unsuspend it in the card browser (B).",
                ),
                classes="why",
            )
            yield SourcePassage()

    def on_mount(self) -> None:
        self.query_one(SourcePassage).show_passage(self.passage, self.citation, self.items)


class ConfirmReset(ModalScreen[bool]):
    """y resets, n or Escape keeps the progress."""

    CSS_PATH = "card_marks.tcss"
    BINDINGS = [
        Binding("y", "dismiss(True)", "Reset", id="reset-yes"),
        Binding("n,escape", "dismiss(False)", "Keep", id="reset-keep"),
    ]

    def __init__(self, count: int, prompt: str) -> None:
        super().__init__()
        self.count = count
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        what = "this card" if self.count == 1 else f"these {self.count:,} cards"
        with Vertical(classes="dialog") as box:
            box.border_title = "Reset progress?"
            box.border_subtitle = "y reset · n keep"
            if self.count == 1:
                yield Static(literal(clip(self.prompt, 200), "bold"))
            yield Static(
                f"Forget everything you have learnt of {what}: each becomes new again, its "
                "leech mark gone. Your answers stay in the review log, and a backup of "
                "your progress is made first.",
                markup=False,
                classes="why",
            )
