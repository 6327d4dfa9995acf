"""Rules on a card's review status and the dates its fact holds."""

from __future__ import annotations

from collections.abc import Iterator

from quizapp.deck.model import Status
from quizapp.deck.problems import Problem
from quizapp.deck.rules.registry import CardContext, rule


@rule
def draft(context: CardContext) -> Iterator[Problem]:
    if context.card.status is Status.draft:
        yield context.problem(
            f"card {context.card.id!r} is a draft, never studied",
            "check it against its source, then set `status: reviewed`",
        )


@rule
def stale(context: CardContext) -> Iterator[Problem]:
    card = context.card
    if card.is_stale(context.today):
        yield context.problem(
            f"card {card.id!r} is stale: valid until {card.valid_until}",
            "update the fact and its `as_of`/`valid_until` dates",
        )
