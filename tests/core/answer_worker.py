"""A learner answering cards as fast as possible; prints each answer once it is recorded.

Run as `python answer_worker.py DB WORKER N [gate]`; used by the kill and concurrency tests.
With `gate`, it prints "ready" once the store is open and waits for a line on stdin before
answering, so that two workers really answer at the same time.
"""

import random
import sys
from pathlib import Path

from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Mode, Rating, Store


def main() -> None:
    db, worker, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(worker)
    store = Store.open(db, settings=Settings(timezone="UTC"))
    store.sync_deck("d", [(f"c{i}", "h", [], [], True) for i in range(50)])
    if sys.argv[4:] == ["gate"]:
        print("ready", flush=True)
        sys.stdin.readline()
    for n in range(count):
        key = CardKey("d", f"c{rng.randrange(50)}")
        # What the review screen does between answers: read the queue and the grade previews.
        store.next_card(["d"])
        store.preview_intervals(key)
        result = store.answer(
            key, Rating(rng.randint(1, 4)), mode=Mode.review, answer=f"{worker}-{n}"
        )
        print(f"recorded {worker}-{n} {result.review_id}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
