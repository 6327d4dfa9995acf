"""quizapp's store beside Anki's (the `anki` library, its Rust core), on the same cards.

The cards are bench/make_decks.py's (100,000 in 10 decks by default): in Anki
one Basic note each (front: the question, back: the answer) in 10 decks, FSRS
on; in quizapp's store registered as the app registers them. In both, a third
of the cards are made due with three past reviews each, the rest new, and the
daily limits are lifted (9999, the most Anki takes) so the queue never runs dry.
Then, alternating between the two:

* open the collection and fetch the card to show with the day's counts (Anki:
  `Collection()` and `get_queued_cards`; quizapp: `Store.open`, the unchanged
  decks' sync check, `next_card` and `counts`);
* answer card after card (ratings drawn alike), timing the answer alone and
  the answer with the next card ready. As in each app, a card comes with its
  state after each grade worked out (Anki: `get_queued_cards`' states;
  quizapp: `Store.next_states`, which the review screen calls when the answer
  shows), and answering saves the one graded; working them out counts in
  "answer + next card", not in "answer". Both stay open, taking turns of
  `--block` answers, so that the disk's flushes (slowed by turns by whatever
  else the machine runs) weigh on both alike. Both at equal durability: WAL,
  synchronous=FULL, one commit per answer (set on Anki's connection if it
  ships otherwise; the modes in use are printed).

Medians (and p99) are printed with the ratio quizapp / Anki.

    .venv/bin/python bench/peer_anki.py [--cards 100000] [--answers 1000] [--opens 5]
        [--block 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_decks import SEED, content_hash, give_history, iter_cards  # noqa: E402

SYNCHRONOUS = {0: "off", 1: "normal", 2: "full", 3: "extra"}
RATINGS = [1, 3, 3, 3, 4]


# -- Anki ------------------------------------------------------------------------------


def anki_build(folder: Path, cards: int) -> tuple[Path, float]:
    """A new Anki collection holding the generated cards, a third due; (path, seconds to add)."""
    from anki.collection import AddNoteRequest, Collection

    path = folder / "collection.anki2"
    col = Collection(str(path))
    col.set_config("fsrs", True)
    config = col.decks.config_dict_for_deck_id(1)
    config["new"]["perDay"] = 9999  # the most Anki takes
    config["rev"]["perDay"] = 9999
    col.decks.update_config(config)
    basic = col.models.by_name("Basic")
    decks: dict[str, int] = {}
    requests = []
    for card in iter_cards(cards):
        if card.deck_id not in decks:  # subdecks of one deck, studied together
            decks[card.deck_id] = col.decks.id(f"bench::{card.deck_id}")
        note = col.new_note(basic)
        note["Front"] = card.prompt
        note["Back"] = card.answer
        note.tags = list(card.tags)
        requests.append(AddNoteRequest(note=note, deck_id=decks[card.deck_id]))
    began = time.perf_counter()
    col.add_notes(requests)
    added = time.perf_counter() - began
    col.decks.select(col.decks.id("bench"))
    _anki_give_history(col)
    col.close()
    return path, added


def _anki_give_history(col) -> None:
    """As make_decks.give_history: every third card of each deck due, with three reviews."""
    rng = random.Random(SEED + 2)
    today = col.sched.today
    now_ms = int(time.time() * 1000)
    day = 86_400_000
    ids = col.db.list("SELECT id FROM cards ORDER BY did, id")
    cards, reviews, taken = [], [], set()
    for n, cid in enumerate(ids):
        if n % 3:
            continue
        late, ivl = rng.randint(0, 5), rng.randint(3, 30)
        memory = {"s": round(rng.uniform(2, 60), 4), "d": round(rng.uniform(2, 9), 4)}
        cards.append((today - late, ivl, json.dumps(memory), cid))
        last = now_ms - (late + ivl) * day
        for back in (60, 20, 0):
            rid = last - back * day
            while rid in taken:  # a review's id is its time in ms, and unique
                rid += 1
            taken.add(rid)
            reviews.append((rid, cid, 3, ivl))
    col.db.executemany(
        "UPDATE cards SET type = 2, queue = 2, due = ?, ivl = ?, factor = 2500, reps = 3, "
        "data = ? WHERE id = ?",
        cards,
    )
    col.db.executemany(
        "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "VALUES (?, ?, -1, ?, ?, 0, 2500, 8000, 1)",
        reviews,
    )


def anki_open(path: Path, durable: bool = True):
    from anki.collection import Collection

    col = Collection(str(path))
    if durable and col.db.scalar("PRAGMA synchronous") != 2:
        col.db.execute("PRAGMA synchronous = FULL")
    return col


def anki_open_and_fetch(path: Path) -> float:
    began = time.perf_counter()
    col = anki_open(path, durable=False)
    col.sched.get_queued_cards(fetch_limit=1)
    elapsed = time.perf_counter() - began
    col.close()
    return elapsed


class AnkiSession:
    """The collection open for answering, card after card, in blocks (kept open between)."""

    def __init__(self, path: Path) -> None:
        from anki.scheduler.v3 import CardAnswer

        self.ratings = {
            1: CardAnswer.AGAIN,
            2: CardAnswer.HARD,
            3: CardAnswer.GOOD,
            4: CardAnswer.EASY,
        }
        self.col = anki_open(path)
        db = self.col.db
        self.mode = (
            f"{db.scalar('PRAGMA journal_mode')}, "
            f"synchronous={SYNCHRONOUS[db.scalar('PRAGMA synchronous')]}"
        )
        self.rng = random.Random(3)
        self.queued = self.col.sched.get_queued_cards(fetch_limit=1)

    def answer(self, count: int, times: dict[str, list[float]]) -> None:
        from anki.cards import Card

        col = self.col
        for _ in range(count):
            if not self.queued.cards:
                return
            top = self.queued.cards[0]
            card = Card(col, backend_card=top.card)
            card.start_timer()
            answer = col.sched.build_answer(
                card=card, states=top.states, rating=self.ratings[self.rng.choice(RATINGS)]
            )
            began = time.perf_counter()
            col.sched.answer_card(answer)
            answered = time.perf_counter()
            self.queued = col.sched.get_queued_cards(fetch_limit=1)
            ready = time.perf_counter()
            times["answer"].append(answered - began)
            times["answer + next card"].append(ready - began)

    def close(self) -> None:
        self.col.close()


# -- quizapp ---------------------------------------------------------------------------


def quizapp_settings():
    from quizapp.core.settings import Settings

    return Settings(new_per_day=9999)  # lifted, as in Anki


def quizapp_build(folder: Path, cards: int) -> tuple[Path, dict[str, str], float]:
    from quizapp.core.store import DeckCard, Store

    path = folder / "progress.sqlite3"
    decks: dict[str, list] = {}
    for card in iter_cards(cards):
        decks.setdefault(card.deck_id, []).append(
            DeckCard(
                card.card_id,
                content_hash(card),
                [],
                [*card.tags, f"source:{card.document}"],
                True,
            )
        )
    store = Store.open(path, settings=quizapp_settings())
    digests = {deck_id: f"digest-{deck_id}" for deck_id in decks}
    began = time.perf_counter()
    for deck_id, rows in decks.items():
        store.sync_deck(deck_id, rows, digest=digests[deck_id])
    added = time.perf_counter() - began
    store.close()
    give_history(path)
    return path, digests, added


def quizapp_open_and_fetch(path: Path, digests: dict[str, str]) -> float:
    from quizapp.core.store import Store

    began = time.perf_counter()
    store = Store.open(path, settings=quizapp_settings())
    for deck_id, digest in digests.items():
        store.sync_deck(deck_id, [], digest=digest)
    store.next_card(list(digests))
    store.counts(list(digests))  # Anki's queued cards come with the day's counts
    elapsed = time.perf_counter() - began
    store.close()
    return elapsed


class QuizappSession:
    """The store open for answering, card after card, in blocks (kept open between)."""

    def __init__(self, path: Path, deck_ids: list[str]) -> None:
        from quizapp.core.store import Store

        self.store = Store.open(path, settings=quizapp_settings())
        conn = self.store._conn
        self.mode = (
            f"{conn.execute('PRAGMA journal_mode').fetchone()[0]}, "
            f"synchronous={SYNCHRONOUS[conn.execute('PRAGMA synchronous').fetchone()[0]]}"
        )
        self.deck_ids = deck_ids
        self.rng = random.Random(3)
        self.key = self.store.next_card(deck_ids)
        self.states = None if self.key is None else self.store.next_states(self.key)

    def answer(self, count: int, times: dict[str, list[float]]) -> None:
        from quizapp.core.store import Rating

        store, deck_ids = self.store, self.deck_ids
        for _ in range(count):
            if self.key is None:
                return
            rating = Rating(self.rng.choice(RATINGS))
            began = time.perf_counter()
            store.answer(self.key, rating, states=self.states)
            answered = time.perf_counter()
            # The next card with its states after each grade, as Anki's queued card comes.
            self.key = store.next_card(deck_ids)
            self.states = None if self.key is None else store.next_states(self.key)
            ready = time.perf_counter()
            times["answer"].append(answered - began)
            times["answer + next card"].append(ready - began)

    def close(self) -> None:
        self.store.close()


# -- side by side ----------------------------------------------------------------------


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-99 * len(ordered) // 100) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=1000, help="answers in each (1000)")
    parser.add_argument("--opens", type=int, default=5, help="opens of each, alternating (5)")
    parser.add_argument(
        "--block", type=int, default=20, help="answers in each side's turn, alternating (20)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-peer-anki-") as tmp:
        folder = Path(tmp)
        (folder / "anki").mkdir()
        (folder / "quizapp").mkdir()
        anki_path, anki_add_s = anki_build(folder / "anki", args.cards)
        quiz_path, digests, quiz_add_s = quizapp_build(folder / "quizapp", args.cards)
        deck_ids = list(digests)
        opens: dict[str, list[float]] = {"anki": [], "quizapp": []}
        for _ in range(args.opens):
            opens["anki"].append(anki_open_and_fetch(anki_path))
            opens["quizapp"].append(quizapp_open_and_fetch(quiz_path, digests))
        # Answers in short alternating blocks, both open throughout (as in a study session):
        # the disk's flushes, which the shared machine's other work slows by turns, weigh on
        # both alike.
        sessions = {
            "anki": AnkiSession(anki_path),
            "quizapp": QuizappSession(quiz_path, deck_ids),
        }
        answers = {name: {"answer": [], "answer + next card": []} for name in sessions}
        modes = {name: session.mode for name, session in sessions.items()}
        done = 0
        while done < args.answers:
            count = min(args.block, args.answers - done)
            for name, session in sessions.items():
                session.answer(count, answers[name])
            done += count
        for session in sessions.values():
            session.close()

    figures: dict = {
        "cards": args.cards,
        "add_cards_s": {"anki": round(anki_add_s, 2), "quizapp": round(quiz_add_s, 2)},
        "commit_mode": modes,
        "open_and_fetch_ms": {k: round(statistics.median(v) * 1000, 1) for k, v in opens.items()},
    }
    for key in ("answer", "answer + next card"):
        figures[key] = {
            name: {
                "n": len(answers[name][key]),
                "median_ms": round(statistics.median(answers[name][key]) * 1000, 3),
                "p99_ms": round(_p99(answers[name][key]) * 1000, 3),
            }
            for name in ("anki", "quizapp")
        }
        figures[key]["ratio"] = round(
            figures[key]["quizapp"]["median_ms"] / figures[key]["anki"]["median_ms"], 2
        )
    figures["open_and_fetch_ms"]["ratio"] = round(
        figures["open_and_fetch_ms"]["quizapp"] / figures["open_and_fetch_ms"]["anki"], 2
    )
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{args.cards:,} cards in 10 decks, a third due; quizapp's store beside Anki's")
    print(f"  commits: anki {modes['anki']}; quizapp {modes['quizapp']}")
    print(f"  {'':<36}{'anki':>10}{'quizapp':>10}{'ratio':>8}")
    o = figures["open_and_fetch_ms"]
    print(
        f"  {'open + card to show, median ms':<36}{o['anki']:10.1f}{o['quizapp']:10.1f}"
        f"{o['ratio']:7.2f}x"
    )
    for key in ("answer", "answer + next card"):
        row = figures[key]
        print(
            f"  {key + ', median ms':<36}{row['anki']['median_ms']:10.3f}"
            f"{row['quizapp']['median_ms']:10.3f}{row['ratio']:7.2f}x"
        )
        print(
            f"  {key + ', p99 ms':<36}{row['anki']['p99_ms']:10.3f}{row['quizapp']['p99_ms']:10.3f}"
        )
    print(
        f"  answers: {figures['answer']['anki']['n']} / {figures['answer']['quizapp']['n']}; "
        f"cards added in {anki_add_s:.1f} s (anki) / {quiz_add_s:.1f} s (quizapp)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
