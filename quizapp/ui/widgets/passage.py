"""The supporting passage, in the source document's own words, with its title and date."""

from __future__ import annotations

from collections.abc import Sequence

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

    def show_passage(
        self,
        passage: str | None,
        citation: str | None,
        items: Sequence[tuple[str, str]] = (),
    ) -> None:
        """The quote (unquoted: it may open with a quotation mark itself), then each item's
        own passage after its label ('2. ...'), and '— citation'."""
        if passage is None and not items:
            self.clear()
            return
        text = literal(passage or "", "italic")
        for label, item_passage in items:
            if text.plain:
                text.append("\n")
            text.append(f"{label}. ", style="bold")
            text.append_text(literal(item_passage, "italic"))
        if citation:
            text.append("\n— ", style="dim")
            text.append_text(literal(citation, "dim"))
        self.update(text)
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False
