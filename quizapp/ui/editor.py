"""Open a deck file in the learner's editor at a card's line, the app suspended meanwhile."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App, SuspendNotSupported


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
