"""Deck files compiled into the deck cache by child processes, on a first launch on big decks.

Parsing and checking 100,000 cards takes many seconds of one core. Done in the app it would
hold the screen still (yaml-rs is kept to the main thread), so files not yet compiled are
handed to child processes, one per core, each file reported as it is done: the screen stays
live, can say how far it has got, and can show the first deck's first card while the others
compile. The app then loads every deck from the cache as on any other start. Small decks are
compiled in the app as before: starting a process would cost more than it saves.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.deck import cache

if TYPE_CHECKING:
    from quizapp.deck.model import Deck

# Uncompiled deck files smaller than this together are compiled in the app (about 2,500 cards).
WORTH_A_PROCESS = 2 * 2**20
MOST_PROCESSES = 4


def uncompiled(files: Sequence[Path]) -> list[Path]:
    """The deck files whose content as it is now is not in the deck cache."""
    missing = []
    for path in files:
        key = cache.known_key(path)
        if key is None or cache.get(key) is None:
            missing.append(path)
    return missing


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(frozen=True)
class FirstNewCard:
    """The card a deck introduces first (quizapp.deck.new_order), found as soon as its file is
    checked: a first launch can show it while the decks compile."""

    path: Path  # the deck file
    deck_id: str
    card_id: str
    kind: str
    prompt: str
    answer: str  # as plain text (quizapp.deck.card_text)


class Compiling:
    """Child processes compiling deck files into the cache; `done()` yields each file as it is
    finished (compiled, or found to have errors, which the app's own load then reports), and
    with ``first_card`` the first file's first new card before it is compiled.

    With ``first_card`` the other children start once the first one has found that card (or
    finished its first file, or ended): on a machine of few cores they would take half the
    time the first card is waited for, and the card is what the learner waits for."""

    def __init__(self, files: Sequence[Path], processes: int, *, first_card: bool = False) -> None:
        self.files = list(files)
        self._finished: queue.Queue[Path | FirstNewCard | None] = queue.Queue()
        self._children: list[subprocess.Popen[str]] = []
        self._lock = threading.Lock()  # the children are started from a reader thread too
        self._stopped = False
        # Round robin in the given order: the first file is the first one compiled.
        self._shares = [self.files[k::processes] for k in range(processes)]
        self._waiting = list(range(1, processes)) if first_card else []
        self._running = processes  # children not yet seen to end, those waiting included
        try:
            self._spawn(0, first=first_card)
            if not first_card:
                for k in range(1, processes):
                    self._spawn(k)
        except OSError:
            self.stop()  # those started, if any
            raise

    def _spawn(self, k: int, *, first: bool = False) -> None:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "quizapp.deck.compiling",
                *(["--first"] if first else []),
                *map(str, self._shares[k]),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a file with errors is reported by the app's load
            text=True,
            encoding="utf-8",
        )
        with self._lock:
            self._children.append(child)
            stopped = self._stopped
        if stopped:  # stopped while it started: it would outlive the app
            with suppress(OSError):
                child.terminate()
        threading.Thread(target=self._read, args=(child,), daemon=True).start()

    def _spawn_waiting(self) -> None:
        """The children held back until the first card was found."""
        with self._lock:
            waiting, self._waiting = self._waiting, []
        for k in waiting:
            try:
                if self._stopped:
                    raise OSError("the app is closing")
                self._spawn(k)
            except OSError:
                # Never started: counted as ended; its files are compiled by the app's load.
                self._finished.put(None)

    def _read(self, child: subprocess.Popen[str]) -> None:
        assert child.stdout is not None
        try:
            for line in child.stdout:
                with suppress(ValueError, KeyError, TypeError):
                    said = json.loads(line)
                    if "first" in said:
                        first = said["first"]
                        self._finished.put(FirstNewCard(Path(first.pop("path")), **first))
                    else:
                        self._finished.put(Path(said["file"]))
                self._spawn_waiting()
        finally:
            child.wait()
            self._spawn_waiting()
            self._finished.put(None)  # this child is done, whatever became of it

    def done(self) -> Iterator[Path | FirstNewCard]:
        """Each file as a child finishes it, until every child has ended; the first file's
        first new card before that file."""
        while self._running:
            path = self._finished.get()
            if path is None:
                self._running -= 1
            else:
                yield path

    def stop(self) -> None:
        """End the children (the app is closing): a deck cut short is not written to the
        cache, whose every deck goes in one transaction."""
        with self._lock:
            self._stopped = True
            children = list(self._children)
        for child in children:
            if child.poll() is None:
                with suppress(OSError):
                    child.terminate()


def start(files: Sequence[Path], *, first_card: bool = False) -> Compiling | None:
    """Child processes compiling the files not yet compiled, or None when they are few and
    small enough to compile in the app, or the cache cannot be written. ``first_card``: the
    first file's first new card is wanted first (a first launch with `--review`)."""
    missing = uncompiled(files)
    if not missing or sum(map(_size, missing)) < WORTH_A_PROCESS:
        return None
    if cache.connection() is None:
        return None
    processes = max(1, min(len(missing), os.cpu_count() or 1, MOST_PROCESSES))
    try:
        return Compiling(missing, processes, first_card=first_card)
    except OSError:
        return None  # no process can be started: the app compiles them itself


def _say_first_new_card(path: Path, deck: Deck) -> None:
    from quizapp.deck.card_text import answer_text
    from quizapp.deck.model import Status
    from quizapp.deck.new_order import deck_ranks

    cards = deck.cards
    ranked = [(r, i) for i, r in enumerate(deck_ranks(cards)) if cards[i].status is Status.reviewed]
    if not ranked:
        return
    card = cards[min(ranked)[1]]
    first = {
        "path": str(path),
        "deck_id": deck.id,
        "card_id": card.id,
        "kind": card.kind,
        "prompt": card.prompt,
        "answer": answer_text(card),
    }
    print(json.dumps({"first": first}), flush=True)


def main(argv: Sequence[str]) -> int:
    """Compile each named deck file into the cache, saying so on a line as each is done; with
    --first, the first file's first new card as soon as the file is checked."""
    from quizapp.deck.loader import bundled_library, load_deck

    library = bundled_library()
    first = argv[:1] == ["--first"]
    names = list(argv[1:] if first else argv)
    for index, name in enumerate(names):
        path = Path(name)

        def checked(deck: Deck, path: Path = path) -> None:
            _say_first_new_card(path, deck)

        # Compiled into the cache unless it has errors.
        load_deck(path, library=library, on_checked=checked if first and index == 0 else None)
        print(json.dumps({"file": name}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
