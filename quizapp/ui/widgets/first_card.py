"""The first card's question, shown while the decks load (`quizapp --review`).

Plain lines laid out where the review screen puts them, so that when the
review screen takes over with the whole card nothing on screen moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from quizapp.ui.text import literal

if TYPE_CHECKING:
    from quizapp.core.first_card import FirstCard


class FirstCardView(Vertical):
    DEFAULT_CSS = """
    FirstCardView { padding: 0 1; }
    FirstCardView #first-title { background: $panel; content-align: center middle; }
    FirstCardView #first-where { margin-top: 0; }
    FirstCardView #first-prompt { margin-top: 2; }
    FirstCardView #first-wait { dock: bottom; color: $text-muted; }
    """

    def __init__(self, first: FirstCard | None, title: str) -> None:
        super().__init__()
        self.first = first
        self.title = title

    def compose(self) -> ComposeResult:
        yield Static("quizapp", id="first-title")
        first = self.first
        if first is None:
            yield Static(Text("Loading decks…", style="dim"), id="first-where")
            return
        where = f"{self.title} · {first.kind.replace('_', '/')} · {first.state}"
        yield Static(literal(where), id="first-where")
        yield Static(literal(first.prompt, "bold"), id="first-prompt")
        yield Static(f"{first.remaining} to review · loading the card…", id="first-wait")
