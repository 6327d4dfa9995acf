"""The first card's question, shown while the decks load (`quizapp --review`).

Plain lines laid out where the review screen puts them, so that when the
review screen takes over with the whole card nothing on screen moves. A card
answered from its question alone (shown, true or false, a typed year, or one of
an assertion/reason card's fixed verdicts) can be answered here at once: the
keys pressed are kept, typed ones echoed, and handed to the review screen, which
applies them to the same card as soon as it is there. While there is no card to
show yet ("Loading decks…") the keys are kept too, for the first card shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from quizapp.deck.verdicts import ASSERTION_OPTIONS
from quizapp.ui.text import literal
from quizapp.ui.widgets.choices import Choices

if TYPE_CHECKING:
    from quizapp.core.first_card import FirstCard

# What to press, as the review screen's grade bar says it, for the kinds answerable from the
# question alone (options, events and pairs come with the whole card).
EARLY_HINTS = {
    "basic": "Press Space or Enter to show the answer.",
    "cloze": "Press Space or Enter to show the answer.",
    "true_false": "Press t or f to answer.",
    "year": "Type your answer and press Enter.",
    "assertion_reason": "Press a-d to answer.",
}
# Options that do not depend on the draw: the same four, in UPSC's order, on every showing.
FIXED_OPTIONS = {"assertion_reason": ASSERTION_OPTIONS}
# Keys kept besides printable characters: none of them is lost before the card is here.
KEPT_KEYS = {"space", "enter", "backspace"}
KEY_NAMES = {"space": "Space", "enter": "Enter", "backspace": "Backspace"}
# Kinds whose answer the early card shows on Space or Enter, as the review screen would.
SHOWN_ANSWERS = {"basic", "cloze"}


class FirstCardView(Vertical):
    DEFAULT_CSS = """
    FirstCardView { padding: 0 1; }
    FirstCardView #first-title { background: $panel; content-align: center middle; }
    FirstCardView #first-where { margin-top: 0; }
    FirstCardView #first-prompt { margin-top: 2; }
    FirstCardView #first-typed { margin-top: 1; }
    FirstCardView #first-answer { margin-top: 1; }
    FirstCardView #first-bottom { dock: bottom; height: auto; }
    FirstCardView #first-wait { color: $text-muted; }
    FirstCardView #first-hint { background: $boost; padding: 0 1; }
    """

    can_focus = True

    def __init__(self, first: FirstCard | None, title: str) -> None:
        super().__init__()
        self.first = first
        self.title = title
        self.keys: list[tuple[str, str | None]] = []  # (key, character), as pressed
        self._typed = ""
        self._progress = "Loading decks…"  # how far the decks have loaded, while no count

    def compose(self) -> ComposeResult:
        yield Static("quizapp", id="first-title")
        first = self.first
        if first is None:
            yield Static(Text(self._progress, style="dim"), id="first-where")
            return
        where = f"{self.title} · {first.kind.replace('_', '/')} · {first.state}"
        yield Static(literal(where), id="first-where")
        yield Static(literal(first.prompt, "bold"), id="first-prompt")
        if first.kind in SHOWN_ANSWERS and first.answer:
            yield Static(self._answer_shown(), id="first-answer")
        if first.kind == "year":
            yield Static(literal("> " + self._typed) if self._typed else "", id="first-typed")
        options = FIXED_OPTIONS.get(first.kind)
        if options:
            choices = Choices(id="first-options")
            choices.show_options("abcd"[: len(options)], options)
            yield choices
        with Vertical(id="first-bottom"):
            if first.remaining is None:  # a first launch: the count comes with every deck
                wait = f"{self._progress} · loading the card…"
            else:
                wait = f"{first.remaining} to review · loading the card…"
            yield Static(wait, id="first-wait")
            hint = EARLY_HINTS.get(first.kind)
            if hint:
                yield Static(Text(hint, style="dim"), id="first-hint")

    def on_mount(self) -> None:
        self.focus()

    def _revealed(self) -> bool:
        """Space or Enter pressed on a card whose answer is shown on them (with its text)."""
        first = self.first
        return (
            first is not None
            and first.kind in SHOWN_ANSWERS
            and bool(first.answer)
            and any(key in ("space", "enter") for key, _ in self.keys)
        )

    def _answer_shown(self) -> Text:
        if not self._revealed() or self.first is None or self.first.answer is None:
            return Text("")
        return Text.assemble(("Answer: ", "bold"), literal(self.first.answer))

    def show_card(self, first: FirstCard) -> None:
        """The first card, found once the first deck is compiled (a first launch): the keys
        pressed so far are kept for it, typed ones echoed."""
        self.first = first
        if first.kind == "year":
            for key, character in self.keys:
                if key == "backspace":
                    self._typed = self._typed[:-1]
                elif character and character.isprintable():
                    self._typed += character
        self.refresh(recompose=True)

    def show_progress(self, progress: str) -> None:
        """How far the decks have loaded, while the card waits for them."""
        self._progress = progress
        # Either line may not be drawn yet: the card's lines come with its next refresh.
        if self.first is None:
            for line in self.query("#first-where").results(Static):
                line.update(Text(progress, style="dim"))
        elif self.first.remaining is None:
            for line in self.query("#first-wait").results(Static):
                line.update(f"{progress} · loading the card…")

    def on_key(self, event: events.Key) -> None:
        if not (event.is_printable or event.key in KEPT_KEYS):
            return  # Ctrl+C, Escape and the like work as anywhere else
        if event.key == "q" and (self.first is None or self.first.kind != "year"):
            return  # quits at once, as on the review screen (typed only as a year's answer)
        event.stop()
        event.prevent_default()
        self.keys.append((event.key, event.character))
        if self.first is not None and self.first.kind != "year":
            # Said, since nothing else moves until the card is ready (long on a first launch).
            kept = " ".join(KEY_NAMES.get(key, character or key) for key, character in self.keys)
            said = f"Kept: {kept}. Applied as soon as the card is ready."
            if self._revealed():
                said = f"Press 1-4 to grade. {said}"
                for line in self.query("#first-answer").results(Static):
                    line.update(self._answer_shown())
            for line in self.query("#first-hint").results(Static):
                line.update(Text(said, "dim"))
        if self.first is not None and self.first.kind == "year":
            if event.key == "backspace":
                self._typed = self._typed[:-1]
            elif event.is_printable:
                self._typed += event.character or ""
            self.query_one("#first-typed", Static).update(literal("> " + self._typed))
