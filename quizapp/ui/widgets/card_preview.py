"""A whole card at a glance: question, answer, explanation and its source passage."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.passage import SourcePassage


class CardPreview(VerticalScroll):
    DEFAULT_CSS = """
    CardPreview {
        height: auto;
        max-height: 60%;
        border-top: solid $primary;
        padding: 0 1;
    }
    CardPreview > Static {
        height: auto;
    }
    CardPreview #preview-answer, CardPreview #preview-explanation {
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-where", classes="muted")
        yield Static("", id="preview-prompt")
        yield Static("", id="preview-answer")
        yield Static("", id="preview-explanation")
        yield SourcePassage(id="preview-passage")

    def show_card(
        self,
        where: Text,
        prompt: str,
        answer: str,
        explanation: str,
        passage: str | None,
        citation: str | None,
        items: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Deck text is shown as written (never as markup)."""
        self.query_one("#preview-where", Static).update(where)
        self.query_one("#preview-prompt", Static).update(literal(prompt, "bold"))
        shown = Text("Answer: ", style="bold")
        shown.append_text(literal(answer))
        self.query_one("#preview-answer", Static).update(shown)
        note = self.query_one("#preview-explanation", Static)
        note.update(literal(explanation))
        note.display = bool(explanation)
        self.query_one("#preview-passage", SourcePassage).show_passage(passage, citation, items)
        self.scroll_home(animate=False)

    def text(self) -> str:
        """What the preview shows, as plain text."""
        parts = [str(widget.render()) for widget in self.query(Static).results() if widget.display]
        return "\n".join(parts)
