"""What quiz and exam answers say about the cards: misconceptions and the most missed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from quizapp.core.store import CardKey, Rating, Store


@dataclass(frozen=True)
class CardDistractors:
    """How one card's options fared: a deck author's view of its misconceptions."""

    deck_id: str
    card_id: str
    attempts: int  # answers given (skips not counted)
    right: int
    picks: tuple[tuple[str, int], ...]  # wrong option text, times picked; most picked first

    @property
    def wrong(self) -> int:
        return self.attempts - self.right

    def share(self, option: str) -> Fraction:
        """Fraction of attempts that picked this wrong option."""
        return Fraction(dict(self.picks).get(option, 0), self.attempts)


def _counted_answers(store: Store, deck_id: str | None) -> Iterable[tuple[str, str, str, str]]:
    """(deck, card, chosen option, correct option) of answers that count.

    A quiz answer counts when given; an exam answer once the exam is submitted,
    and only if given before the deadline (as it was marked).
    """
    for deck, card, chosen, correct, answered_at, deadline in store.exams.counted_answers(deck_id):
        if deadline is not None and answered_at is not None and answered_at > deadline:
            continue
        yield deck, card, chosen, correct


def distractor_stats(store: Store, deck_id: str | None = None) -> list[CardDistractors]:
    """Per card answered in quizzes and exams: attempts, right answers and wrong options picked.

    Cards with the most wrong answers come first. Options are compared by their
    text, so the same misconception is counted together whatever letter it had.
    """
    attempts: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    picks: dict[tuple[str, str], Counter[str]] = {}
    for deck, card, chosen, correct in _counted_answers(store, deck_id):
        key = (deck, card)
        attempts[key] += 1
        if chosen == correct:
            right[key] += 1
        else:
            picks.setdefault(key, Counter())[chosen] += 1
    stats = [
        CardDistractors(
            deck,
            card,
            attempts[(deck, card)],
            right[(deck, card)],
            tuple(sorted(picks.get((deck, card), Counter()).items(), key=lambda p: (-p[1], p[0]))),
        )
        for deck, card in attempts
    ]
    stats.sort(key=lambda s: (-s.wrong, s.deck_id, s.card_id))
    return stats


def missed_counts(store: Store) -> Counter[CardKey]:
    """Times each card was missed: lapses in review, wrong answers in quizzes and exams.

    Every one of these is an ``again`` in the review log (quiz and exam answers
    are logged there on submission), so the log alone is counted. This feeds
    the "most missed" selection.
    """
    return Counter(r.key for r in store.review_log() if r.rating is Rating.again)
