"""The options of a card answered by choosing (a-d), or the events of an ordering card (1-n).

Display only: the keys that choose belong to the screen (review, quiz, exam), which owns them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from quizapp.ui.text import literal


def answer_keys(labels: Sequence[str], kind: str = "") -> str:
    """The keys that answer a question, as a hint names them: "t or f" for true/false
    (a and b work too), else its option letters ("a or b", "a-c", "a-d")."""
    if kind == "true_false":
        return "t or f"
    if len(labels) <= 2:
        return " or ".join(labels)
    return f"{labels[0]}-{labels[-1]}"


def verdict_option(options: Sequence[str], verdict: bool) -> int | None:
    """The option a t or f key chooses on a true/false question (None on any other)."""
    wanted = "True" if verdict else "False"
    return options.index(wanted) if wanted in options else None


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
            (Text(f"  {label})", "bold"), literal(option))
            for label, option in zip(labels, options, strict=True)
        )

    def show_judged(
        self, labels: Sequence[str], options: Sequence[str], correct: int, chosen: int | None
    ) -> None:
        """The options once answered: the right one green and ticked, a wrong choice red."""
        rows = []
        for index, (label, option) in enumerate(zip(labels, options, strict=True)):
            if index == correct:
                mark, style = "✓", "green"
            elif index == chosen:
                mark, style = "✗", "red"
            else:
                mark, style = " ", "dim"
            rows.append(
                (
                    Text.assemble((f"{mark} ", f"bold {style}"), (f"{label})", "bold")),
                    literal(option, style),
                )
            )
        self._show(rows)

    def show_sheet(self, labels: Sequence[str], options: Sequence[str], chosen: int | None) -> None:
        """An exam's options with the one chosen so far marked: '● b) ...' among '○ a) ...'."""
        self._show(
            (
                Text.assemble(
                    ("● " if index == chosen else "○ ", "bold" if index == chosen else "dim"),
                    (f"{label})", "bold"),
                ),
                literal(option, "reverse" if index == chosen else ""),
            )
            for index, (label, option) in enumerate(zip(labels, options, strict=True))
        )

    def show_events(self, events: Sequence[str]) -> None:
        """'1. ...' lines, numbered as shown: the learner types the numbers in date order."""
        self._show((Text(f"  {n}.", "bold"), literal(event)) for n, event in enumerate(events, 1))

    def clear(self) -> None:
        self.update("")
        self.display = False

    def _show(self, rows: Iterable[tuple[Text, Text]]) -> None:
        """Label and text side by side: a long option wraps under its own text, not its label."""
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for label, text in rows:
            grid.add_row(label, text)
        self.update(grid)
        self.display = True
