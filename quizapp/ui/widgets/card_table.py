"""The card browser's table: a row per card with its mark, prompt, deck, state, due date,
lapses, difficulty and recall; deck text shown as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable

from quizapp.ui.text import FLAG_STYLES, clip, interval, literal

if TYPE_CHECKING:
    from quizapp.core.browse import BrowseEntry
    from quizapp.core.store import CardKey

FIXED_WIDTH = 58  # every column but the card's, with padding, scroll bar and margins

COLUMNS = (
    ("", "mark", 2),
    ("Card", "card", None),
    ("Deck", "deck", 10),
    ("State", "state", 10),
    ("Due", "due", 5),
    ("Lap", "lapses", 3),
    ("Diff", "difficulty", 4),
    ("Rec", "recall", 4),
)


def row_key(key: CardKey) -> str:
    # Deck and card ids are [a-z0-9._-]: "/" cannot occur in either.
    return f"{key.deck_id}/{key.card_id}"


class CardTable(DataTable):
    def add_card_columns(self, screen_width: int) -> None:
        """The columns, the card's taking what the others leave of the screen."""
        card_width = max(20, screen_width - FIXED_WIDTH)
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=card_width if width is None else width)

    def add_cards(
        self, entries: Iterable[BrowseEntry], selected: Set[CardKey], now: dt.datetime
    ) -> None:
        for entry in entries:
            self.add_row(*self.cells(entry, selected, now), key=row_key(entry.key))

    def redraw(self, entry: BrowseEntry, selected: Set[CardKey], now: dt.datetime) -> None:
        """Every cell of the card's row, if it is in the table."""
        key = row_key(entry.key)
        if key in self.rows:
            cells = self.cells(entry, selected, now)
            for (_, column, _), value in zip(COLUMNS, cells, strict=True):
                self.update_cell(key, column, value)

    def redraw_mark(self, entry: BrowseEntry, selected: Set[CardKey]) -> None:
        """The first cell: whether the card is selected, and its flag."""
        self.update_cell(row_key(entry.key), "mark", mark_cell(entry, selected))

    def cells(self, entry: BrowseEntry, selected: Set[CardKey], now: dt.datetime) -> list:
        width = self.columns["card"].width
        if entry.due is None:
            due = "-"
        elif entry.due <= now:
            due = "now"
        else:
            due = interval(entry.due - now)
        return [
            mark_cell(entry, selected),
            literal(clip(entry.prompt, width)),
            literal(clip(entry.key.deck_id, 10)),
            Text(entry.status, style="yellow" if entry.status in {"leech", "draft"} else ""),
            due,
            Text(str(entry.lapses), justify="right"),
            Text("-" if entry.difficulty is None else f"{entry.difficulty:.1f}", justify="right"),
            Text(
                "-" if entry.retrievability is None else f"{entry.retrievability:.0%}",
                justify="right",
            ),
        ]


def mark_cell(entry: BrowseEntry, selected: Set[CardKey]) -> Text:
    mark = Text("\u25cf" if entry.key in selected else " ", style="bold")
    mark.append("\u2691" if entry.flag else " ", style=FLAG_STYLES.get(entry.flag, ""))
    return mark
