"""Start-up speed: launch to first card on screen, beside a bare Textual app.

Each run starts a process in its own pseudo-terminal (80x24) and times, from
the moment it is spawned, when given text first appears in what it draws:

* bare: a Textual app that shows one line (the floor any Textual app pays);
* quizapp first paint: the home screen's "Loading decks" line, before any deck
  is read;
* quizapp decks shown: the home screen listing the decks with their counts;
* quizapp first card: Enter is sent as soon as the decks are listed (the
  earliest a learner could press it) and the clock stops when the first
  card's question is drawn;
* quizapp --review: straight into reviewing all decks; the clock stops when
  the first card's question is drawn (no key pressed).

Runs alternate bare / quizapp so both see the same machine load; one warm-up
of each is not counted (it fills the deck cache and the database, as any
launch after the first finds them). Medians are printed, and the ratio of
first card to bare.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from fcntl import ioctl
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TIMEOUT = 30.0
_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Bare-one-line")


Bare().run()
"""

# One deck of every kind the bundled decks hold, its first card a basic one with a known word.
BENCH_DECK = """\
id: bench-startup
title: Startup-bench-deck
sources: [hindu-explained]
cards:
  - id: first
    kind: basic
    question: Which Benchmarkword names the pact?
    answer: Treaty on the Comprehensive Strategic Partnership
    source:
      document: hindu-explained
      quote: The pact, officially called the "Treaty on the Comprehensive Strategic Partnership
"""


def screen_text(raw: bytes) -> str:
    """What was drawn, escape sequences removed (words may still be split by cursor moves)."""
    return _ESCAPE.sub("", raw.decode("utf-8", "replace"))


def run_once(argv: list[str], env: dict[str, str], marks: list[tuple[str, bytes | None]]):
    """Spawn `argv` in a pty; for each (text, reply) wait for `text`, note the time, send `reply`.

    Returns the seconds from spawn to each text, in order.
    """
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the program, its terminal 80x24
        os.execve(argv[0], argv, env)
    ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    times: list[float] = []
    try:
        for text, reply in marks:
            while text not in screen_text(seen):
                left = TIMEOUT - (time.perf_counter() - start)
                if left <= 0:
                    raise TimeoutError(f"{text!r} never appeared; screen:\n{screen_text(seen)}")
                ready, _, _ = select.select([fd], [], [], left)
                if ready:
                    try:
                        seen += os.read(fd, 65536)
                    except OSError:
                        raise RuntimeError(f"exited before {text!r} appeared") from None
            times.append(time.perf_counter() - start)
            if reply is not None:
                os.write(fd, reply)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each (default 7)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        decks = tmp_path / "decks"
        decks.mkdir()
        (decks / "000-bench.yaml").write_text(BENCH_DECK, encoding="utf-8")
        # The bundled decks are loaded too, as a plain `quizapp` launch does.
        bundled = ROOT / "decks"
        for deck in sorted(bundled.glob("*.yaml")) if bundled.is_dir() else []:
            shutil.copy(deck, decks / deck.name)
        bare = tmp_path / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "QUIZAPP_CACHE": str(tmp_path / "cache"),
            "QUIZAPP_DECKS": str(tmp_path / "user-decks"),
            "QUIZAPP_CONFIG": str(tmp_path / "config.toml"),
            "TEXTUAL_ANIMATIONS": "none",
        }
        env.pop("TEXTUAL", None)  # no devtools
        # As installed: compiled modules are cached (pip writes them; so does a first run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        quizapp = [PYTHON, "-m", "quizapp", "--only", "--db", str(tmp_path / "p.db"), str(decks)]
        quiz_marks = [("Loading", None), ("Startup-bench-deck", b"\r"), ("Benchmarkword", None)]
        bare_marks = [("Bare-one-line", None)]
        review = [*quizapp[:3], "--review", *quizapp[3:]]

        bare_times: list[float] = []
        quiz_times: list[list[float]] = []
        review_times: list[float] = []
        for i in range(args.runs + 1):
            b = run_once([PYTHON, str(bare)], env, bare_marks)
            q = run_once(quizapp, env, quiz_marks)
            r = run_once(review, env, [("Benchmarkword", None)])
            if i:  # the first of each is the warm-up
                bare_times.append(b[0])
                quiz_times.append(q)
                review_times.append(r[0])

    figures = {
        "runs": args.runs,
        "decks": 1 + len(list(bundled.glob("*.yaml")) if bundled.is_dir() else []),
        "bare_one_line_s": statistics.median(bare_times),
        "quizapp_first_paint_s": statistics.median(t[0] for t in quiz_times),
        "quizapp_decks_listed_s": statistics.median(t[1] for t in quiz_times),
        "quizapp_first_card_s": statistics.median(t[2] for t in quiz_times),
    }
    figures["review_first_card_s"] = statistics.median(review_times)
    figures["review_first_card_vs_bare"] = (
        figures["review_first_card_s"] / figures["bare_one_line_s"]
    )
    figures["first_card_vs_bare"] = figures["quizapp_first_card_s"] / figures["bare_one_line_s"]
    figures["first_paint_vs_bare"] = figures["quizapp_first_paint_s"] / figures["bare_one_line_s"]
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"medians of {args.runs} alternating runs, 80x24 pty, {figures['decks']} deck file(s)")
    print(f"  bare Textual app, one line       {figures['bare_one_line_s'] * 1000:7.0f} ms")
    print(f"  quizapp, first paint (home)      {figures['quizapp_first_paint_s'] * 1000:7.0f} ms")
    print(f"  quizapp, decks listed            {figures['quizapp_decks_listed_s'] * 1000:7.0f} ms")
    print(f"  quizapp, first card on screen    {figures['quizapp_first_card_s'] * 1000:7.0f} ms")
    print(f"  first card / bare                {figures['first_card_vs_bare']:7.2f}x")
    print(f"  quizapp --review, first card     {figures['review_first_card_s'] * 1000:7.0f} ms")
    print(f"  --review first card / bare       {figures['review_first_card_vs_bare']:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
