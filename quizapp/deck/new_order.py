"""The order a deck's new cards are introduced in: from the deck's cards alone, worked out
when the store syncs the deck (and for the first card of a first launch, before it does).

Two cards that test one fact (the same ``siblings`` group, or the same quote) are never
introduced back to back, and the kinds are mixed in proportion to how many cards of each the
deck has (not the file's order, which often groups a topic's cards of one kind). Pure and
deterministic: the same deck gives the same order on every machine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from quizapp.deck.model import Card

# How far down a kind's list to look for a card that is not the previous card's sibling.
_LOOK_AHEAD = 64


class NewCard(NamedTuple):
    kind: str
    facts: frozenset[str]  # what makes two cards siblings: "siblings:<group>", "quote:<text>"


def facts_of(siblings: str | None, quote: str | None) -> frozenset[str]:
    """The fact keys of a card: its siblings group and its quote, with spacing folded."""
    keys = set()
    if siblings:
        keys.add("siblings:" + siblings)
    if quote:
        keys.add("quote:" + " ".join(quote.split()).casefold())
    return frozenset(keys)


def new_card_ranks(cards: Sequence[NewCard]) -> list[int]:
    """Each card's place (0 first) among the deck's new cards, given in file order."""
    queues: dict[str, deque[int]] = {}
    for index, card in enumerate(cards):
        queues.setdefault(card.kind, deque()).append(index)
    totals = {kind: len(queue) for kind, queue in queues.items()}
    taken = dict.fromkeys(queues, 0)
    first_seen = list(queues)  # kinds in order of first appearance: ties broken the same way
    ranks = [0] * len(cards)
    previous: frozenset[str] = frozenset()
    for rank in range(len(cards)):
        # The kind furthest behind its share comes next; among equals, the first seen.
        kinds = sorted(
            (k for k in first_seen if queues[k]),
            key=lambda k: ((taken[k] + 1) / totals[k], first_seen.index(k)),
        )
        chosen = _pick(kinds, queues, cards, previous)
        kind, position = chosen
        queue = queues[kind]
        index = queue[position]
        del queue[position]
        taken[kind] += 1
        ranks[index] = rank
        previous = cards[index].facts
    return ranks


def _pick(
    kinds: list[str],
    queues: dict[str, deque[int]],
    cards: Sequence[NewCard],
    previous: frozenset[str],
) -> tuple[str, int]:
    """(kind, place in its queue) of the next card: not a sibling of the previous one if any
    card within reach is not; else the head of the kind furthest behind."""
    if previous:
        for kind in kinds:
            queue = queues[kind]
            for position in range(min(_LOOK_AHEAD, len(queue))):
                if not cards[queue[position]].facts & previous:
                    return kind, position
    return kinds[0], 0


def deck_ranks(cards: Sequence[Card]) -> list[int]:
    """``new_card_ranks`` of a deck's cards, as its file gives them."""
    return new_card_ranks(
        [NewCard(c.kind, facts_of(c.siblings, c.source.quote if c.source else None)) for c in cards]
    )
