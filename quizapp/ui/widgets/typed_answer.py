"""The typed answer of a year card (a year) or an ordering card (numbers, e.g. 3142).

Enter posts Input.Submitted; the review screen checks the answer.
"""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Input

PLACEHOLDERS = {
    "year": "type the year, then Enter",
    "ordering": "type the numbers earliest first, e.g. 3142, then Enter",
}
# Only characters such an answer can hold, so a stray letter key does nothing.
ALLOWED = {"year": r"-?[0-9]*", "ordering": r"[0-9 ,-]*"}


class TypedAnswer(Input):
    DEFAULT_CSS = """
    TypedAnswer {
        margin-top: 1;
        width: 60;
        max-width: 100%;
    }
    """

    def ask(self, kind: str) -> bool:
        """Show an empty box for a card of `kind`; hidden (False) if that kind is not typed."""
        self.value = ""
        self.display = kind in PLACEHOLDERS
        if self.display:
            self.placeholder = PLACEHOLDERS[kind]
            self.restrict = ALLOWED[kind]
        return self.display

    def hide(self) -> None:
        self.display = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A key no answer of this kind can hold (`*` flag, `@` suspend, `!` report) is left
        to the review screen's bindings instead of being swallowed by the box."""
        if not super().check_consume_key(key, character):
            return False
        return self.restrict is None or re.fullmatch(self.restrict, character or "") is not None

    async def _on_key(self, event: events.Key) -> None:
        # A key the box does not take (`e` edit, `B` browse) goes on to the screen's bindings
        # instead of being dropped by the box.
        if event.is_printable and not self.check_consume_key(event.key, event.character):
            event.prevent_default()
