"""Review history imported with a deck (another tool's log), replayed through the scheduler."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from quizapp.core.storage.cards import card_ids
from quizapp.core.storage.records import CardKey, Rating
from quizapp.core.storage.revlog import deck_has_reviews

if TYPE_CHECKING:
    from quizapp.core.store import Store

Review = tuple[str, int, datetime, int]  # card id, rating 1-4, when (aware), milliseconds taken


def replay(store: Store, deck_id: str, reviews: Iterable[Review]) -> int:
    """Answer the deck's cards as the log says, oldest first, each answer committed as given.

    Only into a deck with no answers yet, so importing twice adds nothing. Reviews of cards
    the deck does not have are left out. Returns how many were recorded.
    """
    if deck_has_reviews(store._conn, deck_id):
        return 0
    known = card_ids(store._conn, deck_id)
    count = 0
    for card_id, rating, at, duration in sorted(reviews, key=lambda r: r[2]):
        if card_id in known:
            store.answer(
                CardKey(deck_id, card_id),
                Rating(rating),
                at=at,
                duration_ms=duration,
                answer="imported",
            )
            count += 1
    return count
