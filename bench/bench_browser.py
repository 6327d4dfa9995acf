"""Card browser speed on 100,000 cards, headless (Textual's run_test, 80x24).

Builds 10 deck files of bundled-size cards (bench/make_decks.py) and a
progress database in which a third of the cards have a review history, then,
in each run, on the collection opened again as a later launch opens it (the
decks from the deck cache):

* open: from pushing the browser to its first rows in the table;
* search: from the last key of a search term typed into the search box to
  the table showing its results (this includes the pause the browser waits
  for typing to stop), for a few kinds of search;
* stall: the longest the event loop went without running a 10 ms timer,
  while opening and while searching (what the learner would feel as lag).

Medians over the runs are printed. `--json` prints them as one JSON object.

    .venv/bin/python bench/bench_browser.py [--cards 100000] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_decks import write_decks  # noqa: E402

START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
DECKS = 10
SEARCHES = ["korea", '"set 4242)"', "tag:articles is:review", "kind:tf -is:new"]
TIMEOUT_S = 120.0


def open_collection(folder: Path, db: Path):
    from quizapp.core.clock import FixedClock
    from quizapp.core.collection import Collection
    from quizapp.core.settings import Settings

    return Collection.open(
        [folder],
        db,
        clock=FixedClock(START),
        settings=Settings(timezone="UTC", enable_fuzzing=False),
    )


def give_history(collection) -> None:
    """A third of the cards reviewed: due dates, lapses, difficulty and recall to sort by."""
    rng = random.Random(2)
    # Written beside the open store, as another window would write them.
    conn = sqlite3.connect(collection.store.path, isolation_level=None, timeout=30)
    conn.execute("BEGIN")
    for loaded in collection.decks:
        cards = loaded.deck.cards
        for card in rng.sample(cards, len(cards) // 3):
            due = START + timedelta(days=rng.randint(-5, 60))
            conn.execute(
                "UPDATE card SET state = 2, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = 3, lapses = ? WHERE deck_id = ? AND card_id = ?",
                (
                    rng.uniform(1, 50),
                    rng.uniform(1, 10),
                    int(due.timestamp() * 1000),
                    int((due - timedelta(days=10)).timestamp() * 1000),
                    rng.randint(0, 6),
                    loaded.deck.id,
                    card.id,
                ),
            )
    conn.execute("COMMIT")
    conn.close()


def make_app(collection):
    from textual.app import App

    class BenchApp(App):
        """Nothing but the browser, and a 10 ms timer noting how late it runs."""

        def __init__(self) -> None:
            super().__init__()
            self.collection = collection
            self.ticks: list[float] = []

        def on_mount(self) -> None:
            self.set_interval(0.01, lambda: self.ticks.append(time.perf_counter()))

        def longest_stall(self, since: float, until: float) -> float:
            moments = [since, *(t for t in self.ticks if since <= t <= until), until]
            return max(b - a for a, b in zip(moments, moments[1:], strict=False))

    return BenchApp()


async def wait_for(condition, pilot) -> float:
    began = time.perf_counter()
    while not condition():
        if time.perf_counter() - began > TIMEOUT_S:
            raise TimeoutError("the browser never showed its rows")
        await asyncio.sleep(0.002)
    return time.perf_counter()


async def one_run(collection) -> dict[str, float]:
    from textual.widgets import DataTable, Input

    from quizapp.ui.screens.browser import BrowserScreen

    figures: dict[str, float] = {}
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        screen = BrowserScreen(collection)
        app.push_screen(screen)
        shown = await wait_for(
            lambda: screen.is_mounted and screen.query_one("#cards", DataTable).row_count > 0,
            pilot,
        )
        figures["open_s"] = shown - began
        loaded = await wait_for(lambda: screen.results_for == "", pilot)
        figures["open_all_s"] = loaded - began
        figures["open_stall_s"] = app.longest_stall(began, loaded)
        await pilot.pause()
        for text in SEARCHES:
            screen.query_one("#search", Input).value = ""
            await pilot.press("slash")
            await wait_for(lambda: screen.results_for == "", pilot)
            began = time.perf_counter()
            await pilot.press(*text)
            typed = time.perf_counter()
            done = await wait_for(lambda text=text: screen.results_for == text, pilot)
            figures[f"search {text!r} s"] = done - typed
            figures[f"search {text!r} matches"] = len(screen.matches)
            figures[f"search {text!r} stall_s"] = app.longest_stall(began, done)
            await pilot.press("escape")  # back to the table
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["QUIZAPP_CACHE"] = str(tmp_path / "cache")
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        folder = tmp_path / "decks"
        folder.mkdir()
        write_decks(folder, args.cards)
        db = tmp_path / "progress.sqlite3"
        collection = open_collection(folder, db)  # the first launch: decks compiled
        give_history(collection)
        total = sum(len(d.deck.cards) for d in collection.decks)
        collection.close()
        runs = []
        for _ in range(args.runs):
            # Each run a later launch's: the decks come from the deck cache, as they do for a
            # learner opening the browser on another day.
            collection = open_collection(folder, db)
            runs.append(asyncio.run(one_run(collection)))
            collection.close()

    figures = {"cards": total, "runs": args.runs}
    first = f"search {SEARCHES[0]!r} s"
    figures["first_search_ever_s"] = runs[0][first]  # what the first run's first search took
    figures |= {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"card browser, {total:,} cards in {DECKS} decks; medians of {args.runs} runs, 80x24")
    print(f"  open until the first rows are shown      {figures['open_s'] * 1000:8.0f} ms")
    print(f"  open until every card is searchable      {figures['open_all_s'] * 1000:8.0f} ms")
    print(f"  longest event-loop stall while opening   {figures['open_stall_s'] * 1000:8.0f} ms")
    print(
        f"  first search of the first run ({SEARCHES[0]!r})  "
        f"{figures['first_search_ever_s'] * 1000:8.0f} ms"
    )
    for text in SEARCHES:
        matches = int(figures[f"search {text!r} matches"])
        print(f"  search {text!r} ({matches:,} {'match' if matches == 1 else 'matches'})")
        print(
            f"    last key to rows shown                 "
            f"{figures[f'search {text!r} s'] * 1000:8.0f} ms"
        )
        print(
            f"    longest stall, typing to rows shown    "
            f"{figures[f'search {text!r} stall_s'] * 1000:8.0f} ms"
        )


if __name__ == "__main__":
    main()
