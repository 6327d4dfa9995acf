"""The first card due, found before the decks load, so a review can start at once.

The queue comes from the progress database (ids and due dates only) and the card's kind and
question from the compiled decks (quizapp.deck.cache); neither needs the deck models or the
YAML parser. Nothing is written. When the database is missing or out of date, or a deck file
is not compiled as it is now, there is no first card to show early, and the review starts
once the decks have loaded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.clock import Clock
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Store
from quizapp.deck import cache
from quizapp.deck.paths import deck_files


@dataclass(frozen=True)
class FirstCard:
    key: CardKey
    kind: str
    prompt: str
    state: str  # new, learning, review, relearning
    remaining: int | None  # cards in today's queue, this one included; None while unknown
    answer: str | None = None  # as plain text: shown on Space while the whole card loads


def peek_first_card(
    deck_paths: Iterable[Path],
    db_path: Path,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> FirstCard | None:
    compiled = cache.compiled_decks(deck_files(deck_paths))
    if not compiled:
        return None
    decks = {deck.deck_id: deck for deck in compiled}
    store = Store.peek(db_path, clock=clock, settings=settings)
    if store is None:
        return None
    try:
        deck_ids = list(decks)
        key = store.next_card(deck_ids)
        if key is None:
            return None
        found = decks[key.deck_id].prompt(key.card_id)
        if found is None:
            return None
        kind, prompt, answer = found
        state, remaining = store.progress(key).state, store.remaining(deck_ids)
        return FirstCard(key, kind, prompt, state, remaining, answer)
    except (sqlite3.Error, LookupError):
        return None  # the real opening will say what is wrong with the database
    finally:
        store.close()


def peek_first_new_card(
    first_file: Path, db_path: Path, *, settings: Settings | None = None
) -> FirstCard | None:
    """On a first launch, the card a review starts with, once the first deck file is compiled
    and before the others are: the first deck's first new card (quizapp.deck.new_order)."""
    if not first_launch(first_file, db_path, settings=settings):
        return None
    key = cache.known_key(first_file)
    compiled = None if key is None else cache.get(key)
    if compiled is None:
        return None
    # The studyable card first in the deck's new-card order, as compiled (deck.new_order).
    ranked = [(row[9], row[0]) for row in compiled.sync_rows() if row[4]]
    card_id = min(ranked)[1] if ranked else None
    found = None if card_id is None else compiled.prompt(card_id)
    if card_id is None or found is None:
        return None
    kind, prompt, answer = found
    return FirstCard(CardKey(compiled.deck_id, card_id), kind, prompt, "new", None, answer)


def first_launch(first_file: Path, db_path: Path, *, settings: Settings | None = None) -> bool:
    """Whether a review starts with the first new card of the deck in ``first_file``: with no
    progress database every card is new, and the first deck's new cards come first. Not when
    anything else could: a database already there (cards due, cards introduced today), no new
    cards a day, or progress imported beside the deck."""
    settings = settings or Settings()
    if db_path.exists() or settings.new_per_day <= 0:
        return False
    imported = (first_file.with_name(first_file.stem + s) for s in (".history.csv", ".state.csv"))
    return not any(path.exists() for path in imported)
