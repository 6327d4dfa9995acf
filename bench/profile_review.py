"""Where the time of `quizapp --review` goes, stage by stage, under cProfile.

In one process, on bench/make_decks.py's decks (100,000 cards by default) with
a third of the cards due, warm (the deck cache filled by a first load), the
stages the app goes through before its first card can be answered, then the
work of each answer as the review screen does it (the store's calls, the card
looked up, the multiple-choice options built). Prints each stage's seconds
and, for the slow ones, the functions that take the most time (cumulative).

    .venv/bin/python bench/profile_review.py [--cards 100000] [--answers 100] [--top 12]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_decks import give_history, write_decks  # noqa: E402

OPTION_KINDS = {"mcq", "true_false", "statements", "match"}  # as the review screen


def profiled(name: str, call, top: int, stages: dict[str, float]):
    profile = cProfile.Profile()
    began = time.perf_counter()
    result = profile.runcall(call)
    stages[name] = time.perf_counter() - began
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    print(f"\n== {name}: {stages[name]:.3f} s (wall, under the profiler)")
    print("\n".join(line[:140] for line in lines[start : start + top + 1]))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        folder = Path(tmp)
        os.environ["QUIZAPP_CACHE"] = str(folder / "cache")
        write_decks(folder / "decks", args.cards)
        db = folder / "progress.sqlite3"
        stages: dict[str, float] = {}

        began = time.perf_counter()
        from quizapp.core.collection import Collection
        from quizapp.deck.loader import load_decks

        stages["imports (collection, loader)"] = time.perf_counter() - began
        first = load_decks([folder / "decks"])  # cold: fills the deck cache
        Collection.from_decks(first, db).close()
        give_history(db)
        del first

        result = profiled(
            "load_decks, warm", lambda: load_decks([folder / "decks"]), args.top, stages
        )
        collection = profiled(
            "Collection.from_decks (decks unchanged)",
            lambda: Collection.from_decks(result, db),
            args.top,
            stages,
        )

        from quizapp.core.store import Rating
        from quizapp.quiz.distractors import AnswerPool
        from quizapp.quiz.questions import build_question

        deck_ids = collection.deck_ids
        rng = random.Random(2)
        pool: list = []

        def show(key):
            """What ReviewScreen.show_card asks for (widgets aside)."""
            card = collection.card(key)
            collection.store.progress(key)
            collection.remaining(deck_ids)
            if card.kind in OPTION_KINDS:
                if not pool:
                    pool.append(AnswerPool.for_loaded(collection.decks))
                build_question(collection.deck(key.deck_id), card, pool[0], rng)
            return card

        key = collection.next_card(deck_ids)
        profiled("first card shown", lambda: show(key), args.top, stages)

        def answers() -> None:
            nonlocal key
            for _ in range(args.answers):
                if key is None:
                    return
                collection.store.preview_intervals(key)
                collection.store.answer(key, Rating(rng.choice([1, 3, 3, 3, 4])))
                key = collection.next_card(deck_ids)
                if key is not None:
                    show(key)

        profiled(f"{args.answers} answers, each to the next card shown", answers, args.top, stages)
        collection.close()

    print("\nstages (s):")
    for name, seconds in stages.items():
        print(f"  {name:<52}{seconds:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
