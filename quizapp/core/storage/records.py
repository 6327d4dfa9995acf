"""What the store reads and writes, as the rest of the app sees it: plain named tuples.

Plain named tuples rather than dataclasses: they are made without compiling code at import,
and the store is imported before the first card shows (`quizapp --review`).
"""

from datetime import UTC, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import NamedTuple

from quizapp.core.scheduling import LEARNING, NEW, RELEARNING, REVIEW


class CardKey(NamedTuple):
    deck_id: str
    card_id: str


class Rating(IntEnum):
    again = 1
    hard = 2
    good = 3
    easy = 4


class Mode(StrEnum):
    review = "review"
    practice = "practice"
    quiz = "quiz"
    exam = "exam"


STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


class Counts(NamedTuple):
    new: int
    learning: int
    due: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due


class TagCount(NamedTuple):
    """A tag a filter can pick, where it sits among the tags, and how many cards it picks."""

    tag: str
    depth: int  # the tags it is nested under: 1 for upsc::polity
    cards: int


class CardProgress(NamedTuple):
    key: CardKey
    state: str
    due: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    last_review: datetime | None
    changed_since_review: bool
    present: bool
    suspended: bool = False
    leech: bool = False
    flag: int = 0
    buried_until: datetime | None = None


class AnswerResult(NamedTuple):
    key: CardKey
    rating: Rating
    next_due: datetime | None
    interval: timedelta | None
    review_id: int
    leech: bool = False  # this answer made the card a leech: it is now suspended


class ReviewRecord(NamedTuple):
    id: int
    key: CardKey
    rating: Rating
    reviewed_at: datetime
    duration_ms: int
    mode: Mode
    answer: str | None


class CardReport(NamedTuple):
    key: CardKey
    note: str
    reported_at: datetime


class BrowseRow(NamedTuple):
    key: CardKey
    state: str  # new, learning, review, relearning
    due: datetime | None
    lapses: int
    reps: int
    difficulty: float | None
    retrievability: float | None  # predicted recall now; None for a card never reviewed
    suspended: bool
    buried: bool
    flag: int  # 0 none, else FLAGS
    leech: bool
    draft: bool
    tags: list[str]


class SyncReport(NamedTuple):
    added: list[str]
    changed: list[str]
    removed: list[str]
    returned: list[str]
    renamed: list[tuple[str, str]]


class DeckCard(NamedTuple):
    """What the store needs to know of a deck's card (never its text)."""

    card_id: str
    content_hash: str
    previous_ids: list[str]
    tags: list[str]
    studyable: bool
    kind: str = ""
    siblings: str | None = None  # the card's siblings group
    quote: str | None = None  # its source quote: one quote, one fact (see deck.new_order)
    rank: int | None = None  # its place among the deck's new cards, if worked out already


def to_ms(moment: datetime) -> int:
    """Times are kept as epoch milliseconds (UTC) in every table."""
    return int(moment.timestamp() * 1000)


def from_ms(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)


# Anki's seven flag colours, by Anki's numbers, so flags cross both ways unchanged.
FLAGS = {
    1: "red",
    2: "orange",
    3: "green",
    4: "blue",
    5: "pink",
    6: "turquoise",
    7: "purple",
}
SUSPENDED_BY_LEARNER, SUSPENDED_AS_LEECH = 1, 2


def is_leech_lapse(lapses: int, threshold: int) -> bool:
    """Anki's rule: a leech at the threshold, and again every half-threshold after it."""
    if threshold <= 0 or lapses < threshold:
        return False
    return (lapses - threshold) % max(1, threshold // 2) == 0
