"""Generated decks for the benchmarks: N cards in 10 deck files, like the bundled ones.

Every benchmark that needs a collection larger than the bundled one takes it
from here, so they all measure the same cards. Seeded: the same arguments
write the same bytes.

* Cards: each is a bundled card (decks/*.yaml) used as a template, so the kinds
  come in the bundled mix and each card is the size of a bundled one. The id,
  the prompt and the explanation carry the card's number, so every card and its
  content hash are distinct.
* Sources: each deck folder holds its own source documents (sources/*.txt),
  made from the bundled documents with their paragraphs in a seeded order and a
  heading of their own; each deck describes them inline, and every quote is
  found in its document, as in a deck a learner writes.
* Progress: `give_history` turns a progress database the app has filled into
  one shaped like a learner's: a third of the cards reviewed and due, each
  with three past reviews in the log; the rest new.

    .venv/bin/python bench/make_decks.py OUT_FOLDER [--cards 10000] [--decks 10] [--seed 17]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
import yaml_rs

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DECKS = ROOT / "decks"
BUNDLED_SEEDS = ROOT / "seeds"
DECKS = 10
SEED = 17
SIZES = {"10k": 10_000, "100k": 100_000}  # and "bundled": bundled_count()

# Markers put into the template text once, replaced by each card's number.
_ID_MARK = "qzbenchnum"
_TEXT_MARK = "QZBENCHSET"
_PROMPT_FIELDS = {"cloze": "text", "true_false": "statement"}  # else `question`


@dataclass(frozen=True)
class GeneratedCard:
    """What a benchmark outside the app needs to know about a generated card.

    `prompt` is the card's question field (a statements card's statements are not in it).
    """

    deck_id: str
    card_id: str
    kind: str
    prompt: str
    answer: str
    tags: tuple[str, ...]
    document: str


def _bundled_cards() -> list[tuple[dict, str]]:
    """(card, its deck's file name) for every bundled card, in file order."""
    cards = []
    for path in sorted(BUNDLED_DECKS.glob("*.yaml")):
        data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        cards += [(card, path.name) for card in data["cards"]]
    return cards


def bundled_count() -> int:
    """How many cards the bundled decks hold (the generator's smallest size)."""
    return len(_bundled_cards())


def _documents() -> dict[str, tuple[str, str]]:
    """Bundled document id -> (title, text)."""
    index = yaml_rs.loads((BUNDLED_SEEDS / "sources.yaml").read_text(), parse_datetime=False)
    return {
        d["id"]: (d["title"], (BUNDLED_SEEDS / d["file"]).read_text(encoding="utf-8"))
        for d in index["documents"]
    }


def _marked(card: dict) -> dict:
    """The template: id, prompt and explanation carry the markers for the card's number."""
    card = dict(card)
    card["id"] = f"{card['id']}-{_ID_MARK}"
    # Old ids and sibling groups belong to one set of cards each, as the ids do.
    if card.get("previous_ids"):
        card["previous_ids"] = [f"{old}-{_ID_MARK}" for old in card["previous_ids"]]
    if card.get("siblings"):
        card["siblings"] = f"{card['siblings']}-{_ID_MARK}"
    field = _PROMPT_FIELDS.get(card["kind"], "question")
    if field in card:
        card[field] = f"{card[field]} ({_TEXT_MARK})"
    card["explanation"] = f"{card.get('explanation', '').strip()} ({_TEXT_MARK})"
    return card


def _template_text(card: dict, document_ids: dict[str, str]) -> str:
    """One card as a YAML list item (block style), the markers still in."""
    card = _marked(card)
    card["source"] = {**card["source"], "document": document_ids[card["source"]["document"]]}
    text = yaml.dump(
        [card], Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return "".join(f"  {line}\n" for line in text.splitlines())


def _prompt(card: dict) -> str:
    field = _PROMPT_FIELDS.get(card["kind"], "question")
    return str(card.get(field) or card["kind"])


def _answer(card: dict) -> str:
    if "answer" in card:
        return str(card["answer"])
    if card["kind"] == "ordering":
        return "; ".join(e["event"] for e in card["events"])
    if card["kind"] == "match":
        return "; ".join(f"{p['left']}: {p['right']}" for p in card["pairs"])
    if card["kind"] == "statements":
        return ", ".join(str(i) for i, s in enumerate(card["statements"], 1) if s["correct"])
    return ""


def deck_sizes(cards: int, decks: int = DECKS) -> list[int]:
    return [cards // decks + (1 if d < cards % decks else 0) for d in range(decks)]


def _plan(cards: int, decks: int, seed: int) -> Iterator[tuple[int, list[int]]]:
    """For each deck, the template index of each of its cards.

    One stream of shuffled rounds of all bundled cards, cut into decks: at 116
    cards it holds each bundled card once, at any size the bundled mix of kinds.
    """
    rng = random.Random(seed)
    templates = len(_bundled_cards())
    order: list[int] = []
    while len(order) < cards:
        block = list(range(templates))
        rng.shuffle(block)
        order += block
    start = 0
    for d, size in enumerate(deck_sizes(cards, decks)):
        yield d, order[start : start + size]
        start += size


def _document_ids(d: int, documents: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {doc: f"bench-{d}-{doc}" for doc in documents}


def iter_cards(cards: int, *, decks: int = DECKS, seed: int = SEED) -> Iterator[GeneratedCard]:
    """The cards `write_decks` writes, without writing or parsing any YAML."""
    bundled = _bundled_cards()
    documents = _documents()
    n = 0
    for d, order in _plan(cards, decks, seed):
        ids = _document_ids(d, documents)
        for t in order:
            card = bundled[t][0]
            suffix = f"set {n}"
            yield GeneratedCard(
                deck_id=f"bench-{d}",
                card_id=f"{card['id']}-{n}",
                kind=card["kind"],
                prompt=f"{_prompt(card)} ({suffix})",
                answer=_answer(card),
                tags=tuple(card.get("tags", ())),
                document=ids[card["source"]["document"]],
            )
            n += 1


def write_decks(folder: Path, cards: int, *, decks: int = DECKS, seed: int = SEED) -> list[Path]:
    """Write `cards` cards in `decks` deck files (and their documents) into `folder`."""
    folder = Path(folder)
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    bundled = _bundled_cards()
    documents = _documents()
    rng = random.Random(seed + 1)
    paths = []
    n = 0
    for d, order in _plan(cards, decks, seed):
        ids = _document_ids(d, documents)
        head = [
            f"id: bench-{d}",
            f"title: Benchmark deck {d}",
            "description: >-",
            f"  Generated by bench/make_decks.py (seed {seed}): bundled cards, numbered.",
            "sources:",
        ]
        for doc, (title, text) in documents.items():
            paragraphs = [p for p in text.split("\n") if p.strip()]
            rng.shuffle(paragraphs)
            name = f"{ids[doc]}.txt"
            body = f"{title} (benchmark copy {d})\n\n" + "\n\n".join(paragraphs) + "\n"
            (sources / name).write_text(body, encoding="utf-8")
            head += [
                f"  - id: {ids[doc]}",
                f"    title: {json.dumps(f'{title} (benchmark copy {d})')}",
                f"    file: sources/{name}",
            ]
        head.append("cards:")
        rendered = {t: _template_text(bundled[t][0], ids) for t in set(order)}
        parts = ["\n".join(head) + "\n"]
        for t in order:
            parts.append(rendered[t].replace(_ID_MARK, str(n)).replace(_TEXT_MARK, f"set {n}"))
            n += 1
        path = folder / f"bench-{d:02d}.yaml"
        path.write_text("".join(parts), encoding="utf-8")
        paths.append(path)
    return paths


def give_history(db: Path, *, seed: int = SEED, now_ms: int | None = None) -> int:
    """Shape an app-filled progress database like a learner's: a third of the cards due.

    Every third card of each deck (by position) becomes a review card, due up to
    five days ago, with three reviews in the log; the others stay new. Returns
    how many cards were made due.
    """
    rng = random.Random(seed + 2)
    now = int(time.time() * 1000) if now_ms is None else now_ms
    day = 86_400_000
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        rows = conn.execute(
            "SELECT deck_id, card_id FROM card WHERE position % 3 = 0 AND present AND studyable"
        ).fetchall()
        conn.execute("BEGIN")
        updates, log = [], []
        for deck_id, card_id in rows:
            due = now - rng.randint(0, 5 * day)
            last = due - rng.randint(3, 30) * day
            updates.append(
                (rng.uniform(2, 60), rng.uniform(2, 9), due, last, last, deck_id, card_id)
            )
            for back, rating in ((60, 3), (20, rng.choice([1, 3])), (0, 3)):
                at = last - back * day
                log.append((deck_id, card_id, rating, at, rng.randint(3000, 20000), "review", "{}"))
        conn.executemany(
            "UPDATE card SET state = 2, stability = ?, difficulty = ?, due = ?, last_review = ?, "
            "introduced = ?, reps = 3, reviewed_hash = content_hash "
            "WHERE deck_id = ? AND card_id = ?",
            updates,
        )
        conn.executemany(
            "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
            "before) VALUES (?, ?, ?, ?, ?, ?, ?)",
            log,
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return len(rows)


def content_hash(card: GeneratedCard) -> str:
    """A stand-in for the app's content hash (same length), for stores filled directly."""
    blob = f"{card.prompt}\n{card.answer}".encode()
    return hashlib.blake2b(blob, digest_size=10).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--decks", type=int, default=DECKS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    began = time.perf_counter()
    paths = write_decks(args.folder, args.cards, decks=args.decks, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"{args.cards:,} cards in {len(paths)} deck files, {size / 1e6:.1f} MB "
        f"({size / max(1, args.cards):.0f} bytes a card), in {time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
