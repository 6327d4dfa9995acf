"""The bottom bar of the review screen: how to answer, then the grades 1-4 with the
interval each would give (as Anki shows them: "10m", "2d")."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from quizapp.ui.text import interval

GRADE_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
HINTS = {
    "mcq": "Press a-d to answer.",
    "statements": "Press a-d to answer.",
    "match": "Press a-d to answer.",
    "assertion_reason": "Press a-d to answer.",
    "true_false": "Press t or f to answer.",
    "year": "Type your answer and press Enter.",
    "ordering": "Type your answer and press Enter.",
}


class GradeBar(Static):
    DEFAULT_CSS = """
    GradeBar {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def show_hint(self, kind: str) -> None:
        """Before the answer: what to press for a card of this kind."""
        self.update(Text(HINTS.get(kind, "Press Space or Enter to show the answer."), style="dim"))

    def show_grades(
        self,
        allowed: Collection[int],
        default: int,
        previews: Mapping[int, timedelta] | None,
        *,
        practice: bool = False,
    ) -> None:
        """After the answer: the grades allowed, each with its interval; Enter takes `default`."""
        bar = Text()
        for rating, name in GRADE_NAMES.items():
            if rating not in allowed:
                continue
            bar.append(f" {rating} {name} ", style="bold reverse" if rating == default else "bold")
            if previews:
                bar.append(f" {interval(previews[rating])}", style="dim")
            bar.append("   ")
        bar.append("(Enter: ", style="dim")
        bar.append(GRADE_NAMES[default], style="dim bold")
        bar.append(")", style="dim")
        if practice:
            bar.append("  practice: the schedule is not changed", style="dim")
        self.update(bar)
