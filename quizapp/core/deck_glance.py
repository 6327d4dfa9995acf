"""The deck list before the decks load: each deck's title and counts, read from the compiled
decks (quizapp.deck.cache) and the progress database, without the deck models, the YAML
parser or the scheduler.

Nothing is written. When the database is missing or out of date, or a deck file is not
compiled as it is now, there is no glance: the deck list waits for the decks to load.
The counts are the database's as it stands, the same the loaded decks then show unless
loading them changes the database (a deck file edited, history imported with a deck).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quizapp.core.clock import Clock
from quizapp.core.settings import Settings
from quizapp.core.store import Counts, Store
from quizapp.deck import cache
from quizapp.deck.paths import deck_files


@dataclass(frozen=True)
class DeckGlance:
    id: str
    title: str
    cards: int  # studyable cards, as the loaded deck counts them
    counts: Counts


@dataclass(frozen=True)
class Glance:
    decks: list[DeckGlance]
    next_due: datetime | None  # the next card to fall due in any of them
    now: datetime  # when the counts were read


def glance_at_decks(
    deck_paths: Iterable[Path],
    db_path: Path,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> Glance | None:
    compiled = cache.compiled_decks(deck_files(deck_paths))
    if not compiled:
        return None
    store = Store.peek(db_path, clock=clock, settings=settings)
    if store is None:
        return None
    try:
        deck_ids = [deck.deck_id for deck in compiled]
        counts = store.counts(deck_ids)
        decks = [
            DeckGlance(
                deck.deck_id,
                deck.title,
                deck.studyable_count,
                counts.get(deck.deck_id, Counts(0, 0, 0)),
            )
            for deck in compiled
        ]
        return Glance(decks, store.next_due(deck_ids), store.clock.now())
    except (sqlite3.Error, LookupError):
        return None  # the real opening will say what is wrong with the database
    finally:
        store.close()
