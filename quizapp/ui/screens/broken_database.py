"""The progress database cannot be opened: say which file, what is wrong and what to do.

Offers the latest backup (r) when one would help, or quitting (q); the broken file itself is
never changed here (restoring moves a damaged file aside, it does not delete it). Dismissed
with True once a backup is restored, so the caller opens the database again.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.core.backup import BackupError, BrokenDatabaseError, restore
from quizapp.core.clock import Clock


class BrokenDatabaseScreen(ModalScreen[bool]):
    CSS_PATH = "broken_database.tcss"
    BINDINGS = [
        Binding("r", "restore", "Restore the latest backup", id="broken-restore"),
        Binding("q,escape", "quit", "Quit", id="broken-quit"),
    ]

    def __init__(self, problem: BrokenDatabaseError, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.problem = problem
        self.clock = clock

    @property
    def db_path(self) -> Path:
        return self.problem.path

    def compose(self) -> ComposeResult:
        latest = self.problem.latest
        keys = []
        if latest is not None:
            keys.append(f"r  bring back the latest backup, {latest.path.name}")
        keys.append("q  quit (then see `quizapp backup --list` and `quizapp restore`)")
        with Vertical(classes="dialog") as box:
            box.border_title = "The progress database cannot be opened"
            box.border_subtitle = ("r restores · " if latest else "") + "q quits"
            yield Static(str(self.problem), id="message", markup=False)
            yield Static("\n".join(keys), id="keys", markup=False)
            yield Static("", id="problem", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            return self.problem.latest is not None  # nothing to restore: no key shown
        return True

    def action_restore(self) -> None:
        latest = self.problem.latest
        if latest is None:
            return
        try:
            # The backup named on screen, not whatever is newest by now.
            result = restore(self.db_path, latest.path, clock=self.clock)
        except BackupError as error:
            self.query_one("#problem", Static).update(f"Not restored: {error}")
            return
        self.app.notify(
            f"Restored {result.restored_from.name} ({result.reviews} reviews).",
            timeout=6,
            markup=False,
        )
        self.dismiss(True)

    def action_quit(self) -> None:
        self.app.exit()
