"""The key bar at the foot of every screen: Textual's Footer, redrawn only when the keys it
shows change, and letting go of the keys it drew before.

Textual's Footer builds a new FooterKey per key each time a screen refreshes its bindings (twice
an answer on the review screen), each bound to the footer's ``compact`` setting. The footer
keeps that binding, and with it the removed key and everything it holds, until ``compact``
changes, which it never does (Textual issue 6666): a study session of a few hundred answers
kept thousands of dead widgets, and the garbage collector's full passes over them stalled the
screen for a quarter of a second and more.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _drawn: tuple | None = None  # what the keys drawn last were made from

    def _keys(self) -> tuple:
        """Everything the footer's keys are drawn from, as the footer reads it."""
        app = self.app
        active = self.screen.active_bindings
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        return (
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            None if palette is None else palette[1:],
            tuple(
                (binding, app.get_key_display(binding), enabled, tooltip)
                for (_node, binding, enabled, tooltip) in active.values()
                if binding.show
            ),
        )

    async def recompose(self) -> None:
        if not self.is_attached or not self._bindings_ready:
            await super().recompose()
            return
        keys = self._keys()
        if keys == self._drawn:
            return  # the same keys: nothing to redraw
        self._drawn = keys
        await super().recompose()
        self._forget_removed_keys()

    def _forget_removed_keys(self) -> None:
        """Drop what the footer watches for widgets no longer on screen (see the module)."""
        watchers: dict[str, list] = getattr(self, "__watchers", {})
        for entries in watchers.values():
            entries[:] = [
                (node, callback)
                for node, callback in entries
                if not isinstance(node, Widget) or node.is_attached
            ]
