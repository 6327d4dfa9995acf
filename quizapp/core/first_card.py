"""The first card due, found before the decks load, so a review can start at once.

The queue comes from the progress database (ids and due dates only) and the
card's question from the saved prompts (quizapp.deck.snapshot); neither needs
the deck models or the YAML parser. Nothing is written. When the database or the
prompts are missing or out of date there is no first card to show early, and
the review starts once the decks have loaded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.clock import Clock
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Store
from quizapp.deck.snapshot import PromptSnapshot


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
    snapshot = PromptSnapshot.read(deck_paths)
    if snapshot is None:
        return None
    store = Store.peek(db_path, clock=clock, settings=settings)
    if store is None:
        return None
    try:
        key = store.next_card(snapshot.deck_ids)
        if key is None:
            return None
        found = snapshot.prompt(*key)
        if found is None:
            return None
        return FirstCard(
            key,
            found.kind,
            found.prompt,
            store.progress(key).state,
            len(store.study_queue(snapshot.deck_ids)),
        )
    except sqlite3.Error:
        return None  # the real opening will say what is wrong with the database
    finally:
        store.close()
