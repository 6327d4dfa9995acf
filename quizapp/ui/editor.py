"""Open a deck file in the learner's editor at a card's line, the app suspended meanwhile,
then read the deck again: the one way the review screen and the card browser edit a card."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.core.store import CardKey


def editor_command(path: Path, line: int) -> list[str]:
    """$VISUAL or $EDITOR (vi if neither), with +LINE as vi, vim, nano, emacs and micro take."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return [*shlex.split(editor), f"+{max(1, line)}", str(path)]


def open_in_editor(app: App, path: Path, line: int) -> str | None:
    """Run the editor and wait for it; returns a message if it could not be run."""
    command = editor_command(path, line)
    try:
        try:
            with app.suspend():
                subprocess.call(command)
        except SuspendNotSupported:  # no terminal to hand over (headless): run it as it is
            subprocess.call(command, stdin=subprocess.DEVNULL)
    except OSError as error:
        return f"Cannot run the editor {command[0]!r} ({error.strerror}): set $EDITOR"
    return None


def edit_card(app: App, collection: Collection, key: CardKey) -> bool:
    """Open the card's deck at its line in $EDITOR, then read the deck again.

    What went wrong is told as a notification: the editor could not run (False
    is returned: nothing was read again), or the deck as saved has errors (the
    cards stay as they were). Deck text in a message is shown as written.
    """
    loaded = collection.deck(key.deck_id)
    problem = open_in_editor(app, loaded.path, loaded.card_lines.get(key.card_id, 1))
    if problem:
        app.notify(problem, severity="error", timeout=6, markup=False)
        return False
    errors = collection.reload(key.deck_id)
    if errors:
        app.notify(
            f"The deck has errors; the card is unchanged: {errors[0]}",
            severity="error",
            timeout=8,
            markup=False,
        )
    return True
