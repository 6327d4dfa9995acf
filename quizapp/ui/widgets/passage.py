"""The supporting passage, in the source document's own words, with its title and date."""

from __future__ import annotations

from textual.widgets import Static

from quizapp.ui.text import literal


class SourcePassage(Static):
    DEFAULT_CSS = """
    SourcePassage {
        height: auto;
        margin-top: 1;
        border: round $primary;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.border_title = "Source"

    def show_passage(self, passage: str | None, citation: str | None) -> None:
        """The quote (unquoted: it may open with a quotation mark itself) and '— citation'."""
        if passage is None:
            self.clear()
            return
        text = literal(passage, "italic")
        if citation:
            text.append("\n— ", style="dim")
            text.append_text(literal(citation, "dim"))
        self.update(text)
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False
