"""The supporting passage, in the source document's own words, with its title and date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from textual.widgets import Static

from quizapp.ui.text import literal

if TYPE_CHECKING:
    from quizapp.deck.loader import LoadedDeck


class CardPassage(NamedTuple):
    """What the Source box shows for a card: its passage, the document's citation, and each
    item's own passage after the item's label."""

    passage: str | None
    citation: str | None
    items: tuple[tuple[str, str], ...] = ()


def passage_of(loaded: LoadedDeck, card) -> CardPassage:
    """A deck card's passage in its source document (the quote itself if the document's text
    cannot widen it), the document's citation, and the passage of each statement, pair or
    event that quotes one, numbered in the card's order; all empty for a card citing
    nothing."""
    # Here, not at the top: the deck models (pydantic) load after the first screen.
    from quizapp.deck.model import card_items

    source = loaded.source_of(card)
    if source is None or card.source is None:
        return CardPassage(None, None)
    items = tuple(
        (str(number), source.passage(item.quote) or item.quote)
        for number, item in enumerate(card_items(card), 1)
        if item.quote
    )
    return CardPassage(
        source.passage(card.source.quote) or card.source.quote, source.citation, items
    )


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
