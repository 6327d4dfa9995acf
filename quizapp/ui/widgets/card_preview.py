"""A whole card at a glance: question, answer (each with its pictures and sounds),
explanation and its source passage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.card_media import CardMedia, MediaFile
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
    /* Small enough to leave the answer in sight under the table. */
    CardPreview CardMedia > .picture {
        height: 6;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-where", classes="muted")
        yield Static("", id="preview-prompt")
        yield CardMedia(id="preview-question-media")
        yield Static("", id="preview-answer")
        yield CardMedia(id="preview-answer-media")
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
        *,
        media: Sequence[MediaFile] = (),
        folder: Path | None = None,
    ) -> None:
        """Deck text is shown as written (never as markup); ``folder`` is the deck's, where
        its media files are."""
        self.query_one("#preview-where", Static).update(where)
        self.query_one("#preview-prompt", Static).update(literal(prompt, "bold"))
        question = [m for m in media if m.side != "answer"]
        self.query_one("#preview-question-media", CardMedia).show(question, folder)
        shown = Text("Answer: ", style="bold")
        shown.append_text(literal(answer))
        self.query_one("#preview-answer", Static).update(shown)
        answered = [m for m in media if m.side == "answer"]
        self.query_one("#preview-answer-media", CardMedia).show(answered, folder)
        note = self.query_one("#preview-explanation", Static)
        note.update(literal(explanation))
        note.display = bool(explanation)
        self.query_one("#preview-passage", SourcePassage).show_passage(passage, citation, items)
        self.scroll_home(animate=False)

    def text(self) -> str:
        """What the preview shows, as plain text (a picture drawn is left out)."""
        parts = [
            str(widget.render())
            for widget in self.query(Static).results()
            if widget.display and (widget.parent is self or widget.parent.display)
        ]
        return "\n".join(parts)
