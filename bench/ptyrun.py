"""A program in its own pseudo-terminal, timed by what it draws (for the pty benchmarks).

`Terminal` starts a program in an 80x24 pty and waits for text to appear in
what it draws since a mark (the spawn, or the last key sent), noting when. The
text is the output with escape sequences removed: words on one line stay
together, which is enough to tell a hint or a grade bar apart.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import struct
import termios
import time
from fcntl import ioctl
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")

# The review screen's bar before the answer (quizapp/ui/widgets/grade_bar.py): drawn when
# the real screen shows a card that can be answered, never on the early placeholder.
HINT = re.compile(r"Press (?:a-d|t or f|Space or Enter)[^.]*\.|Type your answer and press Enter\.")
# The same bar once the answer is shown: the grades, and the one Enter takes.
GRADES = re.compile(r"\(Enter: (Again|Hard|Good|Easy)\)")

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Bare-one-line")


Bare().run()
"""


def screen_text(raw: bytes) -> str:
    """What was drawn, escape sequences removed."""
    return _ESCAPE.sub("", raw.decode("utf-8", "replace"))


def bench_env(folder: Path) -> dict[str, str]:
    """The environment of a launch: caches, decks and settings inside `folder`."""
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "QUIZAPP_CACHE": str(folder / "cache"),
        "QUIZAPP_DECKS": str(folder / "user-decks"),  # none: only the decks named
        "QUIZAPP_CONFIG": str(folder / "config.toml"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    env.pop("TEXTUAL", None)  # no devtools
    env.pop("QUIZAPP_DB", None)
    # As installed: compiled modules are cached (pip writes them; so does a first run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Terminal:
    """One program in an 80x24 pty; killed by `close` (or on leaving a `with`)."""

    def __init__(self, argv: list[str], env: dict[str, str], *, timeout: float = 60.0) -> None:
        self.timeout = timeout
        pid, fd = pty.fork()
        if pid == 0:  # the child: its terminal is 80x24 before the program starts
            ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.started = self.marked = time.perf_counter()
        self._raw = b""  # output since the mark
        self.text = ""  # the same, as text
        self.first_seen: dict[str, float] = {}  # watched pattern name -> when first drawn
        self._watch: dict[str, re.Pattern[str]] = {}

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def watch(self, name: str, pattern: str | re.Pattern[str]) -> None:
        """Note when `pattern` is first drawn, whatever is being waited for."""
        self._watch[name] = re.compile(pattern)

    def send(self, keys: bytes | str) -> float:
        """Type `keys`; what is drawn from now on is what the next `wait` looks at."""
        self._raw, self.text = b"", ""
        self.marked = time.perf_counter()
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        return self.marked

    def wait(self, *patterns: str | re.Pattern[str]) -> tuple[float, re.Match[str]]:
        """Seconds from the mark until one of `patterns` was drawn, and its match."""
        compiled = [re.compile(p) for p in patterns]
        while True:
            for pattern in compiled:
                found = pattern.search(self.text)
                if found:
                    return self._last_read - self.marked, found
            left = self.timeout - (time.perf_counter() - self.marked)
            if left <= 0:
                wanted = [p.pattern for p in compiled]
                raise TimeoutError(f"{wanted} never drawn; drawn since:\n{self.text[-2000:]}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                raise RuntimeError(f"exited; drawn since:\n{self.text[-2000:]}") from None
            if not chunk:
                raise RuntimeError("exited")
            self._last_read = time.perf_counter()
            self._raw += chunk
            self.text = screen_text(self._raw)
            for name, pattern in self._watch.items():
                if name not in self.first_seen and pattern.search(self.text):
                    self.first_seen[name] = self._last_read - self.started

    _last_read = 0.0

    def settle(self, quiet: float = 0.15) -> None:
        """Read what the program still draws until it has drawn nothing for ``quiet``
        seconds: what a learner's key finds, since they press it long after the screen
        settled (the work a key left for later frames is not charged to the next key)."""
        while True:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            self._raw += chunk
            self.text = screen_text(self._raw)

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory so far (VmHWM)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        kb = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
        return kb / 1024

    def close(self) -> None:
        if self.fd < 0:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except ProcessLookupError:
            pass
        os.close(self.fd)
        self.fd = -1


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share 0.99 is p99)."""
    ordered = sorted(values)
    rank = max(1, -(-int(share * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]
