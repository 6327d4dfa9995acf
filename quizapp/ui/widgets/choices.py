"""The options of a card answered by choosing (a-d), or the events of an ordering card (1-n).

Display only: the keys that choose belong to the screen (review, quiz, exam), which owns them.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from quizapp.ui.text import literal


class Choices(Static):
    DEFAULT_CSS = """
    Choices {
        height: auto;
        margin-top: 1;
    }
    """

    def show_options(self, labels: Sequence[str], options: Sequence[str]) -> None:
        """'a) ...' lines: multiple choice, true/false, statements and match cards."""
        self._show(
            Text.assemble((f"  {label}) ", "bold"), literal(option))
            for label, option in zip(labels, options, strict=True)
        )

    def show_sheet(self, labels: Sequence[str], options: Sequence[str], chosen: int | None) -> None:
        """An exam's options with the one chosen so far marked: '● b) ...' among '○ a) ...'."""
        self._show(
            Text.assemble(
                ("● " if index == chosen else "○ ", "bold" if index == chosen else "dim"),
                (f"{label}) ", "bold"),
                literal(option, "reverse" if index == chosen else ""),
            )
            for index, (label, option) in enumerate(zip(labels, options, strict=True))
        )

    def show_events(self, events: Sequence[str]) -> None:
        """'1. ...' lines, numbered as shown: the learner types the numbers in date order."""
        self._show(
            Text.assemble((f"  {n}. ", "bold"), literal(event)) for n, event in enumerate(events, 1)
        )

    def clear(self) -> None:
        self.update("")
        self.display = False

    def _show(self, lines) -> None:
        self.update(Text("\n").join(lines))
        self.display = True
