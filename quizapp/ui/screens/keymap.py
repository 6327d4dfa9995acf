"""The key bindings a learner's keymap may change: those with an id on the home, review and
card browser screens (the settings screen lists them; the app checks a keymap against them)."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


def rebindable_screens() -> list[tuple[str, type[Screen]]]:
    """The screens whose keys a keymap may change, each with the name the learner knows it by."""
    from quizapp.ui.screens.browser import BrowserScreen
    from quizapp.ui.screens.home import HomeScreen
    from quizapp.ui.screens.review import ReviewScreen

    return [("Home", HomeScreen), ("Review", ReviewScreen), ("Card browser", BrowserScreen)]


def binding_ids() -> set[str]:
    """The ids a keymap may rebind."""
    return {
        b.id
        for _, screen in rebindable_screens()
        for b in screen.BINDINGS
        if isinstance(b, Binding) and b.id
    }
