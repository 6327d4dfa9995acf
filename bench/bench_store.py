"""Store and scheduler speed at scale, on a database shaped like the app's.

The cards are bench/make_decks.py's (100,000 in 10 decks by default),
registered as the app registers them (ids, tags, the source tag, position), in
two databases: one all new, one with a third of the cards due (each with three
reviews in the log). For each it times opening the store and building the
first queue, then answers card after card as the review screen does, timing
each call it makes per card: the answer (schedule + durable commit), the next
card, the cards remaining (Store.remaining, as the app asks), the card's progress line and the
interval previews, and the counts of the deck list. When the day's queue is
empty the clock moves to the next day. It also replays the 12,580 real
reviews in bench/data/, and prints peak memory. `--json` prints one object.

    .venv/bin/python bench/bench_store.py [--cards 100000] [--answers 2000] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_decks import DECKS, content_hash, give_history, iter_cards  # noqa: E402

from quizapp.core.clock import FixedClock  # noqa: E402
from quizapp.core.settings import Settings  # noqa: E402
from quizapp.core.store import CardKey, DeckCard, Rating, Store  # noqa: E402

LOG = ROOT / "bench" / "data" / "fsrs-review-logs-josh.csv"
START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC")
# What the review screen asks the store for each card, in the order it asks.
PER_CARD = ["answer", "next card", "remaining", "progress", "previews"]


def open_store(db: Path, clock: FixedClock | None = None) -> Store:
    return Store.open(db, clock=clock or FixedClock(START), settings=SETTINGS)


def register(db: Path, cards: int) -> tuple[float, list[str], dict[str, str]]:
    """Register the generated cards as the app's deck sync does; seconds, deck ids, digests."""
    decks: dict[str, list[DeckCard]] = {}
    for card in iter_cards(cards):
        decks.setdefault(card.deck_id, []).append(
            DeckCard(
                card.card_id, content_hash(card), [], [*card.tags, f"source:{card.document}"], True
            )
        )
    store = open_store(db)
    began = time.perf_counter()
    digests = {deck_id: f"digest-{deck_id}" for deck_id in decks}
    for deck_id, rows in decks.items():
        store.sync_deck(deck_id, rows, digest=digests[deck_id])
    elapsed = time.perf_counter() - began
    store.close()
    return elapsed, list(decks), digests


def first_queue(db: Path, digests: dict[str, str]) -> tuple[float, int]:
    """Open, sync unchanged decks (skipped by digest), counts, the cards remaining and the
    first card: what the app asks before its first card."""
    began = time.perf_counter()
    store = open_store(db)
    for deck_id, digest in digests.items():
        store.sync_deck(deck_id, [], digest=digest)
    store.counts(list(digests))
    remaining = store.remaining(list(digests))
    store.next_card(list(digests))
    elapsed = time.perf_counter() - began
    store.close()
    return elapsed, remaining


def timed(times: dict[str, list[float]], name: str, call: Callable[[], object]) -> object:
    began = time.perf_counter()
    result = call()
    times.setdefault(name, []).append(time.perf_counter() - began)
    return result


def answer_per_card(db: Path, deck_ids: list[str], answers: int) -> tuple[dict, int, str]:
    """Answer `answers` cards as the review screen does; per-call times, days used, durability."""
    clock = FixedClock(START)
    store = open_store(db, clock)
    conn = store._conn  # the store's own connection: its journal mode and durability
    journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[
        conn.execute("PRAGMA synchronous").fetchone()[0]
    ]
    rng = random.Random(3)
    times: dict[str, list[float]] = {}
    days = 1
    key = store.next_card(deck_ids)
    for _ in range(answers):
        if key is None:
            # Nothing left today (the answer given no card failed here once): the next
            # study day, or the day the next card falls due.
            clock.advance(days=1)
            days += 1
            key = store.next_card(deck_ids)
            due = None if key is not None else store.next_due(deck_ids)
            if due is not None:
                clock.set(max(due, clock.now()))
                key = store.next_card(deck_ids)
            if key is None:
                break
        timed(times, "progress", lambda k=key: store.progress(k))
        timed(times, "previews", lambda k=key: store.preview_intervals(k))
        rating = Rating(rng.choice([1, 3, 3, 3, 4]))
        timed(times, "answer", lambda k=key, r=rating: store.answer(k, r))
        clock.advance(seconds=8)
        key = timed(times, "next card", lambda: store.next_card(deck_ids))
        timed(times, "remaining", lambda: store.remaining(deck_ids))
        timed(times, "counts", lambda: store.counts(deck_ids))
    store.close()
    n = len(times.get("answer", []))
    times["per card"] = [sum(times[name][i] for name in PER_CARD) for i in range(n)]
    return times, days, f"{journal}, synchronous={sync}"


def replay(db: Path) -> tuple[int, float]:
    with LOG.open() as f:
        rows = list(csv.DictReader(f))
    clock = FixedClock(START)
    store = open_store(db, clock)
    store.sync_deck("replay", [(r, "h", [], [], True) for r in {r["card_id"] for r in rows}])
    began = time.perf_counter()
    for row in rows:
        clock.set(datetime.fromisoformat(row["review_time"]))
        store.answer(
            CardKey("replay", row["card_id"]),
            Rating(int(row["review_rating"])),
            duration_ms=int(row["review_duration"]),
        )
    elapsed = time.perf_counter() - began
    store.close()
    return len(rows), elapsed


def import_log(db: Path) -> tuple[int, float]:
    """The same reviews as an imported history (Store.import_history: one transaction)."""
    with LOG.open() as f:
        rows = list(csv.DictReader(f))
    store = open_store(db)
    store.sync_deck("import", [(r, "h", [], [], True) for r in {r["card_id"] for r in rows}])
    reviews = [
        (
            r["card_id"],
            int(r["review_rating"]),
            datetime.fromisoformat(r["review_time"]),
            int(r["review_duration"]),
        )
        for r in rows
    ]
    began = time.perf_counter()
    count = store.import_history("import", reviews)
    elapsed = time.perf_counter() - began
    store.close()
    return count, elapsed


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-99 * len(ordered) // 100) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    figures: dict = {"cards": args.cards, "decks": DECKS, "shapes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        new_db = Path(tmp) / "new.sqlite3"
        sync_s, deck_ids, digests = register(new_db, args.cards)
        figures["sync_cards_s"] = round(sync_s, 3)
        due_db = Path(tmp) / "third-due.sqlite3"
        shutil.copy(new_db, due_db)
        give_history(due_db, now_ms=int(START.timestamp() * 1000))
        for shape, db in (("all new", new_db), ("a third due", due_db)):
            queue_runs = [first_queue(db, digests) for _ in range(5)]
            times, days, commit_mode = answer_per_card(db, deck_ids, args.answers)
            figures["shapes"][shape] = {
                "first_queue_s": round(statistics.median(t for t, _ in queue_runs), 4),
                "first_queue_len": queue_runs[0][1],
                "answers": len(times.get("answer", [])),
                "study_days": days,
                "calls_ms": {
                    name: {
                        "median": round(statistics.median(values) * 1000, 3),
                        "p99": round(_p99(values) * 1000, 3),
                    }
                    for name, values in times.items()
                },
            }
        figures["commit_mode"] = commit_mode
        reviews, replay_s = replay(Path(tmp) / "replay.sqlite3")
    figures["replay_reviews"] = reviews
    figures["replay_reviews_per_s"] = round(reviews / replay_s)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        imported, import_s = import_log(Path(tmp) / "import.sqlite3")
    figures["import_reviews_per_s"] = round(imported / import_s)
    figures["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{args.cards:,} cards in {DECKS} decks; answers committed with {commit_mode}")
    print(f"  register all cards (sync_deck)               {figures['sync_cards_s']:9.3f} s")
    for shape, row in figures["shapes"].items():
        print(f"{shape}: {row['answers']} answers over {row['study_days']} study day(s)")
        print(
            f"  open + sync unchanged + counts + first queue {row['first_queue_s']:9.4f} s"
            f"  ({row['first_queue_len']:,} cards in the queue)"
        )
        print(f"  {'per card, ms':<44}{'median':>9}{'p99':>9}")
        for name in [*PER_CARD, "per card", "counts"]:
            label = {
                "answer": "answer (schedule + commit)",
                "next card": "next card",
                "remaining": "remaining (cards in the queue)",
                "progress": "progress (the line above the card)",
                "previews": "interval previews (grade bar)",
                "per card": "all the review screen asks, per card",
                "counts": "counts (deck list)",
            }[name]
            call = row["calls_ms"][name]
            print(f"  {label:<44}{call['median']:9.3f}{call['p99']:9.3f}")
    print(
        f"replay of {figures['replay_reviews']:,} real reviews  "
        f"{figures['replay_reviews_per_s']:,} reviews/s (one commit each); as an imported "
        f"history (one transaction) {figures['import_reviews_per_s']:,} reviews/s"
    )
    print(f"peak memory (max RSS)  {figures['peak_memory_mb']} MB")


if __name__ == "__main__":
    main()
