"""Review history imported with a deck (another tool's log), replayed through the scheduler."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime

from quizapp.core.storage.cards import card_ids
from quizapp.core.storage.records import CardKey, Rating
from quizapp.core.storage.revlog import deck_has_reviews

Review = tuple[str, int, datetime, int]  # card id, rating 1-4, when (aware), milliseconds taken
# Records one answer durably, as given at its time: (card, rating, when, milliseconds taken).
Answer = Callable[[CardKey, Rating, datetime, int], object]


def replay(db: sqlite3.Connection, deck_id: str, reviews: Iterable[Review], answer: Answer) -> int:
    """Answer the deck's cards as the log says, oldest first, each answer committed as given.

    Only into a deck with no answers yet, so importing twice adds nothing. Reviews of cards
    the deck does not have are left out. Returns how many were recorded.
    """
    if deck_has_reviews(db, deck_id):
        return 0
    known = card_ids(db, deck_id)
    count = 0
    for card_id, rating, at, duration in sorted(reviews, key=lambda r: r[2]):
        if card_id in known:
            answer(CardKey(deck_id, card_id), Rating(rating), at, duration)
            count += 1
    return count
