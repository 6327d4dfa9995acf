"""Store and scheduler speed at scale.

On a generated collection of 100,000 cards (10 decks) in a file database:
time to register the cards, to open the store and build the first queue, the
median and 99th percentile of one answer (schedule + durable commit + next
card ready), reviews per second replaying the 12,580 real reviews in
bench/data/, and peak memory. `--json` prints the figures as one JSON object.

    .venv/bin/python bench/bench_store.py [--cards 100000] [--answers 2000] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.core.backup import backup_now  # noqa: E402
from quizapp.core.clock import FixedClock  # noqa: E402
from quizapp.core.settings import Settings  # noqa: E402
from quizapp.core.store import CardKey, Rating, Store  # noqa: E402

LOG = ROOT / "bench" / "data" / "fsrs-review-logs-josh.csv"
START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def build_collection(db: Path, cards: int, decks: int) -> float:
    store = Store.open(db, clock=FixedClock(START), settings=Settings(timezone="UTC"))
    began = time.perf_counter()
    per_deck = cards // decks
    for d in range(decks):
        tags = ["dates"] if d % 2 else ["articles", "implications"]
        store.sync_deck(
            f"deck-{d}",
            [(f"card-{i}", f"h{i}", [], tags, True) for i in range(per_deck)],
            digest=f"digest-{d}",
        )
    elapsed = time.perf_counter() - began
    # Give a third of the cards a history so the queue has reviews and learning cards in it.
    rng = random.Random(1)
    store.close()
    # Written straight into the file: a generated history, not answers.
    conn = sqlite3.connect(db, isolation_level=None)
    with conn:
        conn.execute("BEGIN")
        for d in range(decks):
            for i in range(0, per_deck, 3):
                due = START + timedelta(days=rng.randint(-5, 60))
                conn.execute(
                    "UPDATE card SET state = 2, stability = ?, difficulty = 5, due = ?, "
                    "last_review = ?, reps = 3 WHERE deck_id = ? AND card_id = ?",
                    (
                        rng.uniform(1, 50),
                        int(due.timestamp() * 1000),
                        int((due - timedelta(days=10)).timestamp() * 1000),
                        f"deck-{d}",
                        f"card-{i}",
                    ),
                )
    conn.close()
    # Today's backup taken now, as after the day's first opening: the figures below are those
    # of every later opening (the first one of a day also copies the file).
    backup_now(db, "daily", clock=FixedClock(START))
    return elapsed


def first_queue(db: Path, decks: int) -> tuple[float, int]:
    began = time.perf_counter()
    store = Store.open(db, clock=FixedClock(START), settings=Settings(timezone="UTC"))
    deck_ids = [f"deck-{d}" for d in range(decks)]
    for d in deck_ids:  # decks already parsed and unchanged: the digest check skips them
        store.sync_deck(d, [], digest=d.replace("deck", "digest"))
    store.counts(deck_ids)
    queue = store.study_queue(deck_ids)
    elapsed = time.perf_counter() - began
    store.close()
    return elapsed, len(queue)


SYNCHRONOUS = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}


def answer_latency(db: Path, decks: int, answers: int) -> tuple[list[float], str]:
    clock = FixedClock(START)
    store = Store.open(db, clock=clock, settings=Settings(timezone="UTC"))
    deck_ids = [f"deck-{d}" for d in range(decks)]
    conn = store._conn  # the store's own connection: its journal mode and durability
    journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = SYNCHRONOUS[conn.execute("PRAGMA synchronous").fetchone()[0]]
    rng = random.Random(3)
    times = []
    key = store.next_card(deck_ids)
    for _ in range(answers):
        began = time.perf_counter()
        store.answer(key, Rating(rng.choice([1, 3, 3, 3, 4])))
        key = store.next_card(deck_ids)
        times.append(time.perf_counter() - began)
        clock.advance(seconds=8)
    store.close()
    return times, f"{journal}, synchronous={sync}"


def replay(db: Path) -> tuple[int, float]:
    with LOG.open() as f:
        rows = list(csv.DictReader(f))
    clock = FixedClock(START)
    store = Store.open(db, clock=clock, settings=Settings(timezone="UTC"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--decks", type=int, default=10)
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        sync_s = build_collection(db, args.cards, args.decks)
        queue_runs = [first_queue(db, args.decks) for _ in range(5)]
        latencies, commit_mode = answer_latency(db, args.decks, args.answers)
        reviews, replay_s = replay(Path(tmp) / "replay.sqlite3")
    latencies.sort()
    figures = {
        "cards": args.cards,
        "sync_cards_s": round(sync_s, 3),
        "first_queue_s": round(statistics.median(t for t, _ in queue_runs), 4),
        "first_queue_len": queue_runs[0][1],
        "answer_median_ms": round(statistics.median(latencies) * 1000, 3),
        "answer_p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 3),
        "commit_mode": commit_mode,
        "replay_reviews": reviews,
        "replay_reviews_per_s": round(reviews / replay_s),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(figures))
        return
    rows = [
        ("cards in the collection", f"{figures['cards']:,}", ""),
        ("register all cards (sync_deck)", f"{figures['sync_cards_s']:.3f} s", ""),
        (
            "open store + sync unchanged decks + counts + first queue",
            f"{figures['first_queue_s']:.4f} s",
            "target < 0.3 s",
        ),
        (
            "one answer: schedule + commit + next card, median",
            f"{figures['answer_median_ms']:.3f} ms",
            "target < 1 ms",
        ),
        ("one answer, 99th percentile", f"{figures['answer_p99_ms']:.3f} ms", ""),
        ("answers committed with", figures["commit_mode"], ""),
        (
            f"replay of {reviews:,} real reviews",
            f"{figures['replay_reviews_per_s']:,} reviews/s",
            "",
        ),
        ("peak memory (max RSS)", f"{figures['peak_memory_mb']} MB", "target < 200 MB"),
    ]
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>{value_width}}  {target}")


if __name__ == "__main__":
    main()
