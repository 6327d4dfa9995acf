"""The supporting passage, in the source document's own words, with its title and date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from quizapp.ui.text import literal

if TYPE_CHECKING:
    from quizapp.deck.loader import LoadedDeck


def passage_of(loaded: LoadedDeck, card) -> tuple[str | None, str | None]:
    """A deck card's passage in its source document (the quote itself if the document's text
    cannot widen it) and the document's citation; (None, None) for a card citing nothing."""
    source = loaded.source_of(card)
    if source is None or card.source is None:
        return None, None
    return source.passage(card.source.quote) or card.source.quote, source.citation


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
