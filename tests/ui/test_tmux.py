"""The real app in a real terminal: review, quit, start again, and find the progress kept."""

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DECK = Path(__file__).with_name("decks") / "every-kind.yaml"
ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux server of our own (its own socket), so no other session is touched."""

    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )

    def start(self, command: list[str]) -> None:
        run = self.tmux(
            "new-session", "-d", "-s", "quiz", "-x", "100", "-y", "30", shlex.join(command)
        )
        assert run.returncode == 0, run.stderr

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "quiz").stdout

    def wait_for(self, text: str) -> str:
        """Poll the pane until `text` is on it (no fixed sleeps)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "quiz", key)

    def wait_closed(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.tmux("has-session", "-t", "quiz").returncode != 0:
                return
            time.sleep(0.05)
        raise AssertionError(f"the app did not quit; the screen was:\n{self.screen()}")

    def kill(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path):
    env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
    env.pop("TMUX", None)  # not nested in whoever runs the tests
    term = Terminal(tmp_path / "tmux.sock", env)
    yield term
    term.kill()


def logged(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT card_id, rating, mode FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()


def test_progress_survives_quitting_and_starting_again(terminal, tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(DECK, decks / DECK.name)
    db = tmp_path / "progress.sqlite3"
    command = [sys.executable, "-m", "quizapp", "--only", "--db", str(db), str(decks)]

    terminal.start(command)
    terminal.wait_for("8 to study now")
    terminal.keys("Enter")
    terminal.wait_for("What is the pact officially called?")
    terminal.keys("Space")
    terminal.wait_for("Treaty on the Comprehensive Strategic Partnership")
    terminal.wait_for("The Hindu, 21 June 2024")  # the passage's document and date
    terminal.keys("3")
    terminal.wait_for("Article 4 invokes Article [number] of the UN Charter.")
    terminal.keys("Space")
    terminal.wait_for("Article 4 invokes Article 51 of the UN Charter.")
    terminal.keys("3")
    terminal.wait_for("Which article of the UN Charter does the pact invoke?")
    terminal.keys("C-q")
    terminal.wait_closed()

    assert logged(db) == [("basic-name", 3, "review"), ("cloze-article", 3, "review")]

    terminal.start(command)
    terminal.wait_for("6 to study now")  # the two reviewed cards wait for their next step
    terminal.keys("Enter")
    terminal.wait_for("Which article of the UN Charter does the pact invoke?")
    terminal.keys("C-q")
    terminal.wait_closed()
    assert len(logged(db)) == 2

    # Straight into the review; Esc goes to the decks.
    terminal.start([*command, "--review"])
    terminal.wait_for("Which article of the UN Charter does the pact invoke?")
    terminal.wait_for("Press a-d to answer.")  # the whole card, its options included
    terminal.keys("Escape")
    terminal.wait_for("6 to study now")
    terminal.keys("C-q")
    terminal.wait_closed()
