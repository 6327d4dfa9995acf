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
    remaining: int  # cards in today's queue, this one included


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
        kind, prompt = found
        return FirstCard(key, kind, prompt, store.progress(key).state, store.remaining(deck_ids))
    except (sqlite3.Error, LookupError):
        return None  # the real opening will say what is wrong with the database
    finally:
        store.close()
